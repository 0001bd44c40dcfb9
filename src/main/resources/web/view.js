// How a message looks: who said it and when, its text (Markdown for GreenDesk and advisors, plain text for what
// the user typed), its sources and its buttons; and where the conversation is scrolled to when it arrives.
import { external, rendered } from './markdown.js';

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function button(label, onClick, className) {
  const b = element('button', className, label);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

export function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
  } catch (e) {
    return null;
  }
}

function time(at, locale) {
  const when = new Date(at);
  if (Number.isNaN(when.getTime())) return null;
  const today = when.toDateString() === new Date().toDateString();
  const node = element('time', null, when.toLocaleString(locale, today
    ? { hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }));
  node.dateTime = when.toISOString();
  node.title = when.toLocaleString(locale, { dateStyle: 'full', timeStyle: 'short' });
  return node;
}

function sources(links, t) {
  const list = element('ul', 'sources');
  for (const link of links) {
    const url = safeUrl(link.url);
    const a = external(element('a', null, link.title || url.hostname), t('new_tab'));
    a.href = url.href;
    a.append(element('span', 'domain', url.hostname.replace(/^www\./, '')));
    const entry = element('li');
    entry.append(a);
    list.append(entry);
  }
  return list;
}

const SPEAKERS = { me: 'you', advisor: 'advisor', bot: 'assistant', system: 'assistant' };

/**
 * The message as a list item. {@code ui} gives the texts ({@code t}), the locale dates are written in and the
 * buttons under the message ({@code actions}, which returns null when it has none).
 */
export function messageItem(item, ui) {
  const li = element('li', 'message from-' + item.from);
  if (item.language && item.from !== 'me') li.lang = item.language;
  const who = element('p', 'who', ui.t(SPEAKERS[item.from] || 'assistant'));
  const when = item.at && time(item.at, ui.locale);
  if (when) who.append(' ', when);
  li.append(who);
  const body = element('div', 'text');
  const markdown = item.from === 'me' ? null : rendered(item.text, ui.t('new_tab'));
  if (markdown) body.append(markdown);
  else for (const paragraph of String(item.text).split(/\n{2,}/)) body.append(element('p', 'plain', paragraph));
  li.append(body);
  const links = (item.links || []).filter((link) => safeUrl(link.url));
  if (links.length) {
    li.append(element('p', 'who', ui.t('sources')), sources(links, ui.t));
  }
  const actions = ui.actions(item);
  if (actions) li.append(actions);
  return li;
}

const smooth = () => !window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Scrolls the log to a new message. An answer is shown from its start, with the question above it when both fit,
 * so that a long one is read from the top rather than found at its end; anything else is shown whole.
 */
export function reveal(log, li, instantly) {
  const behavior = instantly || !smooth() ? 'auto' : 'smooth';
  const answer = li.classList.contains('from-bot') || li.classList.contains('from-advisor');
  if (!answer) {
    log.scrollTo({ top: log.scrollHeight, behavior });
    return;
  }
  const question = li.previousElementSibling;
  const room = log.clientHeight;
  let top = li.offsetTop;
  if (question && question.classList.contains('from-me') && li.offsetTop - question.offsetTop < room / 2) {
    top = question.offsetTop;
  }
  // The log is positioned, so offsets are measured from its top, as its scroll position is.
  log.scrollTo({ top: Math.max(0, top - 8), behavior });
}
