// GreenDesk web chat. Plain JavaScript modules, no build. What the user types is only ever set as text; what
// GreenDesk and advisors write is Markdown, rendered to a safe subset (markdown.js); links are kept only when http(s).
import { button, element, messageItem, reveal } from './view.js';
import { handoffBar } from './handoff.js';

const STORE = 'greendesk.chat';
const MAX_CHARS = 4000;
const KEEP = 200;
const $ = (id) => document.getElementById(id);
const els = {
  log: $('log'), messages: $('messages'), examples: $('examples'), typing: $('typing'), error: $('error'),
  notice: $('notice'), form: $('composer'), input: $('message'), send: $('send'), advisor: $('advisor'),
  menu: $('menu'), menuPanel: $('menu-panel'), forget: $('forget'), confirmForget: $('confirm-forget'),
  forgetYes: $('forget-yes'), forgetNo: $('forget-no'), close: $('close')
};
const embedded = new URLSearchParams(location.search).has('embed');
const touch = window.matchMedia('(pointer: coarse)');
let state = load();
let strings = {};
let language = document.documentElement.lang;
let locale = language;
let timer = null;
let fastUntil = 0;
let asking = false;

/** The page's text for a key, its {placeholders} filled; the key itself until the texts have loaded. */
function t(key, values) {
  const text = strings[key] || key;
  return text.replace(/\{(\w+)\}/g, (all, name) => (values && name in values ? values[name] : all));
}

function load() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE));
    if (saved && typeof saved.session === 'string') {
      return { session: saved.session, after: Number(saved.after) || 0, transcript: saved.transcript || [],
        handoff: saved.handoff || { state: 'none' } };
    }
  } catch (e) { /* storage off or unreadable: start afresh */ }
  return { session: null, after: 0, transcript: [], handoff: { state: 'none' } };
}

function save() {
  state.transcript = state.transcript.slice(-KEEP);
  try { localStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* private mode: this tab only */ }
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (state.session) headers['X-GreenDesk-Session'] = state.session;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, cache: 'no-store', credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new Error(t('unreachable'));
  }
  let data = {};
  try { data = await response.json(); } catch (e) { /* no JSON body */ }
  if (!response.ok) {
    const error = new Error(data.error || t('failed', { status: response.status }));
    error.status = response.status;
    throw error;
  }
  return data;
}

/** The page's words in the browser's language, from the service's message catalogue. */
async function loadStrings() {
  try {
    const loaded = await call('GET', 'chat/strings');
    strings = loaded.strings;
    language = loaded.language;
    // Dates and times as the browser's own locale writes them when it is of the page's language (en-GB, not en-US).
    locale = navigator.languages.find((tag) => tag.split('-')[0] === language) || language;
    document.documentElement.lang = language;
    document.querySelectorAll('[data-text]').forEach((node) => { node.textContent = t(node.dataset.text); });
    document.querySelectorAll('[data-label]').forEach((node) => node.setAttribute('aria-label', t(node.dataset.label)));
    document.querySelectorAll('[data-placeholder]').forEach((node) => { node.placeholder = t(node.dataset.placeholder); });
  } catch (e) { /* the page's English stays */ }
}

async function ensureSession() {
  if (!state.session) {
    const created = await call('POST', 'chat/session');
    state = { ...state, session: created.session, after: 0 };
    save();
  }
}

function messageId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// Feedback and ratings apply to the latest answer, so only the latest message keeps its buttons.
function actions(item) {
  if (item.done || !item.actions || !item.actions.length) return null;
  const box = element('div', 'actions');
  const finish = (message) => {
    item.done = true;
    save();
    box.replaceWith(element('p', 'done', message));
  };
  if (item.actions.includes('feedback')) {
    for (const helpful of [true, false]) {
      box.append(button(t(helpful ? 'helpful' : 'not_helpful'), async () => {
        try {
          const result = await call('POST', 'chat/feedback', { helpful });
          finish(t(result.recorded ? 'feedback_thanks' : 'nothing_to_rate'));
        } catch (e) { showError(e.message); }
      }));
    }
  }
  if (item.actions.includes('advisor')) box.append(button(t('talk_to_advisor'), askForAdvisor, 'advisor-button'));
  // Following is the desk's /follow command, the same in every channel: it follows what the answer cited first.
  if (item.actions.includes('follow')) box.append(button(t('follow'), () => post('/follow', false)));
  // A choice (the answers /profile offers) says its text, as if the visitor had typed it.
  item.actions.filter((a) => a.startsWith('choice:')).map((a) => a.slice('choice:'.length))
    .forEach((said) => box.append(button(said, () => { retireActions(); send(said); })));
  if (item.actions.includes('rate')) {
    const group = element('div', 'actions');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', t('rate_help'));
    for (let n = 1; n <= 5; n++) {
      const star = button(String(n), () => { item.done = true; save(); box.remove(); rate(n); });
      star.setAttribute('aria-label', t('stars', { n }));
      group.append(star);
    }
    box.append(group);
  }
  return box;
}

function render(item) {
  const li = messageItem(item, { t, locale, actions });
  els.messages.append(li);
  els.examples.hidden = true;
  return li;
}

function retireActions() {
  state.transcript.forEach((item) => { item.done = true; });
  els.messages.querySelectorAll('.actions').forEach((box) => box.remove());
}

function showError(message) {
  els.notice.hidden = true;
  els.error.textContent = message;
  els.error.hidden = false;
}

function showNotice(message) {
  els.error.hidden = true;
  els.notice.textContent = message;
  els.notice.hidden = false;
}

function expectReply(on) {
  fastUntil = on ? Date.now() + 30000 : 0;
  els.typing.hidden = !on;
  schedule(on ? 300 : undefined);
}

// Leaving the queue is the desk's /cancel command, the same in every channel.
const handoff = handoffBar(t, () => post('/cancel', false));

/**
 * Sends a message to the desk. A command the page sends for the user ({@code /cancel}) is not shown as theirs:
 * the desk's reply says what became of it.
 */
async function post(text, shown) {
  els.error.hidden = true;
  els.notice.hidden = true;
  if (shown) {
    const mine = { from: 'me', text, at: new Date().toISOString() };
    state.transcript.push(mine);
    reveal(els.log, render(mine));
    save();
  }
  els.send.disabled = true;
  expectReply(true);
  try {
    await ensureSession();
    const result = await call('POST', 'chat/messages', { text, id: messageId() });
    // Relayed to the advisor holding the conversation, already answered, or one too many: no bot answer is coming.
    if (result.outcome === 'relayed' || result.outcome === 'duplicate' || result.outcome === 'limited') {
      expectReply(false);
    }
    return true;
  } catch (e) {
    expectReply(false);
    showError(e.message);
    return false;
  } finally {
    els.send.disabled = false;
  }
}

async function send(text) {
  const message = text.trim();
  if (!message) { showError(t('empty')); return false; }
  if (message.length > MAX_CHARS) {
    showError(t('too_long', { count: message.length.toLocaleString(language), max: MAX_CHARS.toLocaleString(language) }));
    return false;
  }
  state.handoff = handoff.sent();
  return post(message, true);
}

async function askForAdvisor() {
  // Asked once: until the next poll says where the request stands, no advisor button shows.
  asking = true;
  document.body.classList.add('asking');
  expectReply(true);
  try {
    await ensureSession();
    await call('POST', 'chat/advisor', { id: messageId() });
  } catch (e) {
    document.body.classList.remove('asking');
    expectReply(false);
    showError(e.message);
  } finally {
    asking = false;
  }
}

async function rate(stars) {
  try {
    await call('POST', 'chat/rating', { stars });
    expectReply(true);
  } catch (e) { showError(e.message); }
}

async function poll() {
  if (state.session) {
    try {
      const result = await call('GET', 'chat/messages?after=' + state.after);
      let last = null;
      for (const m of result.messages) {
        if (m.id <= state.after) continue; // already shown by a poll that overlapped this one
        state.after = m.id;
        const item = { from: m.from, text: m.text, links: m.links, actions: m.actions, language: m.language, at: m.at };
        if (item.actions.length) retireActions();
        state.transcript.push(item);
        last = render(item);
        expectReply(false);
      }
      if (last) reveal(els.log, last);
      const before = state.handoff;
      state.handoff = handoff.show(result.handoff);
      document.body.classList.toggle('asking', asking);
      if (last || state.handoff !== before) save();
    } catch (e) {
      if (e.status === 401) forgetLocally();
    }
  }
  schedule();
}

function schedule(delay) {
  clearTimeout(timer);
  const fast = Date.now() < fastUntil;
  if (!fast) els.typing.hidden = true;
  timer = setTimeout(poll, delay !== undefined ? delay : fast ? 700 : document.hidden ? 15000 : 3000);
}

function forgetLocally() {
  state = { session: null, after: 0, transcript: [], handoff: { state: 'none' } };
  try { localStorage.removeItem(STORE); } catch (e) { /* nothing stored */ }
  while (els.messages.children.length > 1) els.messages.lastElementChild.remove();
  els.examples.hidden = false;
  handoff.reset();
}

// The composer: Enter sends, Shift+Enter adds a line; the box grows with its text up to a few lines (CSS max-height).
function fit() {
  els.input.style.height = 'auto';
  els.input.style.height = els.input.scrollHeight + (els.input.offsetHeight - els.input.clientHeight) + 'px';
}
els.form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (await send(els.input.value)) { els.input.value = ''; fit(); }
  els.input.focus();
});
els.input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    els.form.requestSubmit();
  }
});
els.input.addEventListener('input', fit);
els.examples.addEventListener('click', (event) => {
  const chip = event.target.closest('button');
  if (!chip) return;
  send(chip.textContent);
  // The chips go once asked: focus moves on, to the message box, or on a touch screen to the messages, since
  // focusing the box there would open the keyboard over the answer.
  (touch.matches ? els.log : els.input).focus();
});
els.advisor.addEventListener('click', askForAdvisor);

// The menu (⋮) holds what is rarely wanted, so that it does not sit as prominently as asking.
function openMenu(show, focus) {
  els.menuPanel.hidden = !show;
  els.menu.setAttribute('aria-expanded', String(show));
  if (!show) confirmForget(false);
  if (show) els.forget.focus(); else if (focus) els.menu.focus();
}
// Asked in the page, not with window.confirm, which browsers block inside another site's iframe (the widget).
function confirmForget(show) {
  els.confirmForget.hidden = !show;
  els.forget.setAttribute('aria-expanded', String(show));
  if (show) els.forgetNo.focus();
}
els.menu.addEventListener('click', () => openMenu(els.menuPanel.hidden));
els.forget.addEventListener('click', () => confirmForget(els.confirmForget.hidden));
els.forgetNo.addEventListener('click', () => openMenu(false, true));
els.forgetYes.addEventListener('click', async () => {
  try {
    if (state.session) await call('POST', 'chat/forget');
    forgetLocally();
    openMenu(false, true);
    showNotice(t('forgotten'));
  } catch (e) { showError(e.message); }
});
document.addEventListener('click', (event) => {
  if (!els.menuPanel.hidden && !event.target.closest('.menu')) openMenu(false);
});
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || event.isComposing) return; // an input method's Escape is its own
  if (!els.menuPanel.hidden) openMenu(false, true);
  else if (embedded) closeWidget();
});

// In the widget the page has its own close button, since on a phone the panel covers the site's.
function closeWidget() { window.parent.postMessage({ greendesk: 'close' }, '*'); }
if (embedded) {
  document.body.classList.add('embedded');
  els.close.hidden = false;
  els.close.addEventListener('click', closeWidget);
}

// On a phone the keyboard takes part of the screen: the page keeps to what is left of it, so the message box stays
// in view, and drops what it can spare while the keyboard is open. Told by the height the page loses rather than by
// the focus of the message box: a blur would bring the spared lines back under the finger that is tapping a button.
if (window.visualViewport) {
  const viewport = window.visualViewport;
  let width = 0;
  let tallest = 0;
  const resize = () => {
    if (viewport.width !== width) { width = viewport.width; tallest = 0; } // turned: a new screen shape
    tallest = Math.max(tallest, viewport.height);
    document.documentElement.style.setProperty('--app-height', viewport.height + 'px');
    document.body.classList.toggle('keyboard', touch.matches && viewport.height < tallest * 0.75);
  };
  viewport.addEventListener('resize', resize);
  resize();
}
document.addEventListener('visibilitychange', () => schedule(document.hidden ? undefined : 0));

await loadStrings();
state.handoff = handoff.show(state.handoff);
state.transcript.forEach(render);
if (els.messages.lastElementChild) reveal(els.log, els.messages.lastElementChild, true);
els.log.removeAttribute('aria-busy'); // what was kept is shown: from now on, each new message is announced
poll();
