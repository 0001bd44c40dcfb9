// Markdown of answers and advisors' messages, as a safe subset: paragraphs, lists, links, bold and emphasis, code.
// marked turns it into HTML with any raw HTML in the text escaped (an advisor who types <b> sees <b>), then
// DOMPurify keeps only the subset's elements and http(s) links. Both are served from the jar (WebJars).

const ALLOWED = {
  ALLOWED_TAGS: ['p', 'br', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'del', 'code', 'pre', 'blockquote'],
  ALLOWED_ATTR: ['href', 'start'],
  ALLOWED_URI_REGEXP: /^https?:\/\//i,
  RETURN_DOM_FRAGMENT: true
};

const escape = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

let parser = null;

function markdown() {
  if (!parser && window.marked) {
    parser = new window.marked.Marked({
      gfm: true,
      breaks: true,
      renderer: {
        html: (token) => escape(token.text),
        image: (token) => escape(token.text || ''),
        // A heading in a chat bubble shouts: shown as a bold line instead.
        heading(token) { return '<p><strong>' + this.parser.parseInline(token.tokens) + '</strong></p>'; },
        hr: () => ''
      }
    });
  }
  return parser;
}

/** A link that opens in a new tab, and says so to those who cannot see the arrow. */
export function external(a, newTab) {
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  const arrow = document.createElement('span');
  arrow.className = 'new-tab';
  arrow.setAttribute('aria-hidden', 'true');
  arrow.textContent = '↗';
  const said = document.createElement('span');
  said.className = 'visually-hidden';
  said.textContent = ' ' + newTab;
  a.append(arrow, said);
  return a;
}

/**
 * The text as elements (a fragment), or null when the libraries did not load: the caller then shows it as plain
 * text, which is always safe.
 */
export function rendered(text, newTab) {
  const md = markdown();
  if (!md || !window.DOMPurify) return null;
  const fragment = window.DOMPurify.sanitize(md.parse(String(text)), ALLOWED);
  fragment.querySelectorAll('a').forEach((a) => {
    if (a.getAttribute('href')) external(a, newTab);
    else a.replaceWith(...a.childNodes); // its link was not http(s): only the words are kept
  });
  return fragment;
}
