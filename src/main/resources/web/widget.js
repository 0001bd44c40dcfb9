// GreenDesk chat widget: paste <script src="https://YOUR-GREENDESK/widget.js" defer></script> into a page. It adds
// a button that opens the chat in a panel (an iframe of this GreenDesk's page), and nothing else. On a phone (under
// 600 pixels wide) the panel covers the screen, and the chat's own close button or Escape closes it. Styles are set
// through the DOM rather than a style sheet, which the site's Content-Security-Policy might refuse.
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script || document.getElementById('greendesk-widget')) return;
  const base = new URL('.', script.src);
  const label = script.dataset.label || 'Ask GreenDesk';
  const phone = window.matchMedia('(max-width: 600px)');

  const root = document.createElement('div');
  root.id = 'greendesk-widget';
  root.style.cssText = 'position:fixed;right:1rem;bottom:1rem;z-index:2147483000;display:flex;'
    + 'flex-direction:column;align-items:flex-end;gap:.5rem;font-family:system-ui,sans-serif';

  const panel = document.createElement('iframe');
  panel.id = 'greendesk-widget-panel';
  panel.title = 'GreenDesk chat';
  panel.hidden = true;

  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.textContent = label;
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', panel.id);
  toggle.style.cssText = 'font:inherit;font-size:1rem;min-height:2.75rem;padding:.6rem 1.1rem;border:0;'
    + 'border-radius:1.5rem;background:#1f6b3a;color:#fff;cursor:pointer;box-shadow:0 .25rem 1rem rgba(0,0,0,.25)';

  let siteOverflow = null; // the site's own overflow, while the chat covers the site

  function layout() {
    const full = phone.matches && !panel.hidden;
    panel.style.cssText = full
      ? 'position:fixed;inset:0;width:100vw;height:100vh;height:100dvh;border:0;border-radius:0;background:#fff'
      : 'width:min(24rem,calc(100vw - 2rem));height:min(36rem,calc(100vh - 6rem));border:1px solid #c5cec7;'
        + 'border-radius:.75rem;background:#fff;box-shadow:0 .5rem 2rem rgba(0,0,0,.25)';
    // Full screen, the site behind neither shows its button over the chat nor scrolls under the finger.
    toggle.hidden = full;
    const html = document.documentElement;
    if (full && siteOverflow === null) {
      siteOverflow = html.style.overflow;
      html.style.overflow = 'hidden';
    } else if (!full && siteOverflow !== null) {
      html.style.overflow = siteOverflow;
      siteOverflow = null;
    }
  }

  function open(show) {
    if (show && !panel.src) panel.src = new URL('?embed=1', base).href;
    panel.hidden = !show;
    toggle.setAttribute('aria-expanded', String(show));
    toggle.textContent = show ? 'Close chat' : label;
    layout();
    if (show) panel.focus(); else toggle.focus();
  }

  toggle.addEventListener('click', () => open(panel.hidden));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) open(false);
  });
  // The chat's close button and Escape inside it, told by the page in the panel and by no other.
  window.addEventListener('message', (event) => {
    if (event.source === panel.contentWindow && event.origin === base.origin && event.data
        && event.data.greendesk === 'close' && !panel.hidden) {
      open(false);
    }
  });
  phone.addEventListener('change', layout);
  layout();
  root.append(panel, toggle);
  document.body.append(root);
})();
