// GreenDesk web chat. Plain JavaScript, no build. Text from the service or the user is only ever set with
// textContent, never parsed as HTML; links are kept only when they are http(s).
(() => {
  'use strict';
  const STORE = 'greendesk.chat';
  const MAX_CHARS = 4000;
  const KEEP = 200;
  const $ = (id) => document.getElementById(id);
  const els = {
    messages: $('messages'), typing: $('typing'), error: $('error'), notice: $('notice'), form: $('composer'),
    input: $('message'), send: $('send'), advisor: $('advisor'), forget: $('forget'),
    confirmForget: $('confirm-forget'), forgetYes: $('forget-yes'), forgetNo: $('forget-no')
  };
  let state = load();
  let timer = null;
  let fastUntil = 0;

  function load() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORE));
      if (saved && typeof saved.session === 'string') {
        return { session: saved.session, after: Number(saved.after) || 0, transcript: saved.transcript || [] };
      }
    } catch (e) { /* storage off or unreadable: start afresh */ }
    return { session: null, after: 0, transcript: [] };
  }

  function save() {
    state.transcript = state.transcript.slice(-KEEP);
    try { localStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* private mode: this tab only */ }
  }

  async function call(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (state.session) headers['X-GreenDesk-Session'] = state.session;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method, headers, cache: 'no-store', credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    let data = {};
    try { data = await response.json(); } catch (e) { /* no JSON body */ }
    if (!response.ok) {
      const error = new Error(data.error || ('The service answered ' + response.status + '.'));
      error.status = response.status;
      throw error;
    }
    return data;
  }

  async function ensureSession() {
    if (!state.session) {
      const created = await call('POST', 'chat/session');
      state = { session: created.session, after: 0, transcript: state.transcript };
      save();
    }
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function safeUrl(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  const SPEAKERS = { me: 'You', advisor: 'Advisor', bot: 'GreenDesk', system: 'GreenDesk' };

  function render(item) {
    const li = element('li', 'message from-' + item.from);
    li.append(element('p', 'who', SPEAKERS[item.from] || 'GreenDesk'));
    for (const paragraph of String(item.text).split(/\n{2,}/)) li.append(element('p', null, paragraph));
    const links = (item.links || []).filter((link) => safeUrl(link.url));
    if (links.length) {
      li.append(element('p', 'who', 'Sources'));
      const list = element('ul', 'sources');
      for (const link of links) {
        const a = element('a', null, link.title || link.url);
        a.href = safeUrl(link.url);
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        const entry = element('li');
        entry.append(a);
        list.append(entry);
      }
      li.append(list);
    }
    if (!item.done && item.actions && item.actions.length) li.append(actions(item));
    els.messages.append(li);
    li.scrollIntoView({ block: 'end' });
  }

  function button(label, onClick, attributes) {
    const b = element('button', null, label);
    b.type = 'button';
    Object.entries(attributes || {}).forEach(([name, value]) => b.setAttribute(name, value));
    b.addEventListener('click', onClick);
    return b;
  }

  function actions(item) {
    const box = element('div', 'actions');
    const finish = (message) => {
      item.done = true;
      save();
      box.replaceWith(element('p', null, message));
    };
    if (item.actions.includes('feedback')) {
      for (const helpful of [true, false]) {
        box.append(button(helpful ? 'Helpful' : 'Not helpful', async () => {
          try {
            const result = await call('POST', 'chat/feedback', { helpful });
            finish(result.recorded ? 'Thank you for the feedback.' : 'There is no answer to rate yet.');
          } catch (e) { showError(e.message); }
        }));
      }
    }
    if (item.actions.includes('advisor')) {
      box.append(button('Talk to an advisor', () => { item.done = true; box.remove(); askForAdvisor(); }));
    }
    if (item.actions.includes('rate')) {
      const group = element('div', 'actions');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', 'Rate the help you got, from 1 (poor) to 5 (excellent)');
      for (let n = 1; n <= 5; n++) {
        group.append(button(String(n), () => { item.done = true; box.remove(); rate(n); },
          { 'aria-label': n + ' out of 5' }));
      }
      box.append(group);
    }
    return box;
  }

  // Feedback and ratings apply to the latest answer, so only the latest message keeps its buttons.
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

  async function send(text) {
    els.error.hidden = true;
    els.notice.hidden = true;
    const message = text.trim();
    if (!message) { showError('Type a question first.'); return false; }
    if (message.length > MAX_CHARS) {
      showError('Your message is ' + message.length.toLocaleString('en') + ' characters long; the limit is '
        + MAX_CHARS.toLocaleString('en') + '. Please shorten it, or send it in parts.');
      return false;
    }
    const mine = { from: 'me', text: message };
    state.transcript.push(mine);
    render(mine);
    save();
    els.send.disabled = true;
    expectReply(true);
    try {
      await ensureSession();
      const result = await call('POST', 'chat/messages', { text: message, id: messageId() });
      // Relayed to the advisor holding the conversation, or already answered: no bot answer is coming.
      if (result.outcome === 'relayed' || result.outcome === 'duplicate') expectReply(false);
      return true;
    } catch (e) {
      expectReply(false);
      showError(e.message);
      return false;
    } finally {
      els.send.disabled = false;
    }
  }

  function messageId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  async function askForAdvisor() {
    expectReply(true);
    try {
      await ensureSession();
      await call('POST', 'chat/advisor', { id: messageId() });
    } catch (e) {
      expectReply(false);
      showError(e.message);
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
        for (const m of result.messages) {
          if (m.id <= state.after) continue; // already shown by a poll that overlapped this one
          state.after = m.id;
          const item = { from: m.from, text: m.text, links: m.links, actions: m.actions };
          if (item.actions.length) retireActions();
          state.transcript.push(item);
          render(item);
          expectReply(false);
        }
        if (result.messages.length) save();
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
    state = { session: null, after: 0, transcript: [] };
    try { localStorage.removeItem(STORE); } catch (e) { /* nothing stored */ }
    while (els.messages.children.length > 1) els.messages.lastElementChild.remove();
  }

  els.form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (await send(els.input.value)) els.input.value = '';
    els.input.focus();
  });
  els.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      els.form.requestSubmit();
    }
  });
  els.advisor.addEventListener('click', askForAdvisor);
  // Asked in the page, not with window.confirm, which browsers block inside another site's iframe (the widget).
  function confirmForget(show) {
    els.confirmForget.hidden = !show;
    els.forget.setAttribute('aria-expanded', String(show));
    (show ? els.forgetNo : els.forget).focus();
  }
  els.forget.addEventListener('click', () => confirmForget(els.confirmForget.hidden));
  els.forgetNo.addEventListener('click', () => confirmForget(false));
  els.forgetYes.addEventListener('click', async () => {
    try {
      if (state.session) await call('POST', 'chat/forget');
      forgetLocally();
      confirmForget(false);
      showNotice('Your messages and details have been deleted.');
    } catch (e) { showError(e.message); }
  });
  document.addEventListener('visibilitychange', () => schedule(document.hidden ? undefined : 0));
  if (new URLSearchParams(location.search).has('embed')) document.body.classList.add('embedded');

  state.transcript.forEach(render);
  poll();
})();
