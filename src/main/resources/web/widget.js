// GreenDesk chat widget: paste <script src="https://YOUR-GREENDESK/widget.js" defer></script> into a page. It adds
// a button that opens the chat in a panel (an iframe of this GreenDesk's page), and nothing else.
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script || document.getElementById('greendesk-widget')) return;
  const base = new URL('.', script.src);
  const label = script.dataset.label || 'Ask GreenDesk';

  const root = document.createElement('div');
  root.id = 'greendesk-widget';
  root.style.cssText = 'position:fixed;right:1rem;bottom:1rem;z-index:2147483000;display:flex;'
    + 'flex-direction:column;align-items:flex-end;gap:.5rem;font-family:system-ui,sans-serif';

  const panel = document.createElement('iframe');
  panel.id = 'greendesk-widget-panel';
  panel.title = 'GreenDesk chat';
  panel.hidden = true;
  panel.style.cssText = 'width:min(24rem,calc(100vw - 2rem));height:min(36rem,calc(100vh - 6rem));'
    + 'border:1px solid #c5cec7;border-radius:.75rem;background:#fff;box-shadow:0 .5rem 2rem rgba(0,0,0,.25)';

  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.textContent = label;
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', panel.id);
  toggle.style.cssText = 'font:inherit;font-size:1rem;min-height:2.75rem;padding:.6rem 1.1rem;border:0;'
    + 'border-radius:1.5rem;background:#1f6b3a;color:#fff;cursor:pointer;box-shadow:0 .25rem 1rem rgba(0,0,0,.25)';

  function open(show) {
    if (show && !panel.src) panel.src = new URL('?embed=1', base).href;
    panel.hidden = !show;
    toggle.setAttribute('aria-expanded', String(show));
    toggle.textContent = show ? 'Close chat' : label;
    if (show) panel.focus();
  }

  toggle.addEventListener('click', () => open(panel.hidden));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) { open(false); toggle.focus(); }
  });
  root.append(panel, toggle);
  document.body.append(root);
})();
