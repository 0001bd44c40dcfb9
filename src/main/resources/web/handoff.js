// The handoff bar above the message box: where a request for a person stands (waiting in the queue, with a named
// advisor, back with the assistant), how long a reply usually takes, how else to reach the centre, and a way to
// leave the queue. While a person is asked for or holds the chat, the page offers no advisor again.
import { element } from './view.js';

const OPEN = ['queued', 'claimed'];

/**
 * @param t the page's texts
 * @param leave sends the desk the request to leave the queue; resolves when it has been handled
 */
export function handoffBar(t, leave) {
  const bar = document.getElementById('handoff-bar');
  const status = document.getElementById('handoff');
  const leaveButton = document.getElementById('leave');
  let current = { state: 'none' };

  leaveButton.addEventListener('click', async () => {
    leaveButton.disabled = true;
    try { await leave(); } finally { leaveButton.disabled = false; }
  });

  function lines() {
    switch (current.state) {
      case 'queued':
        return [element('p', 'title', t('waiting')), element('p', 'detail', t('waiting_detail')),
          element('p', 'detail', t('contact'))];
      case 'claimed':
        return [element('p', 'title', t('with_advisor', { advisor: current.advisor || t('advisor') })),
          element('p', 'detail', t('with_advisor_detail'))];
      case 'back':
        return [element('p', 'title', t('back_with_bot'))];
      default:
        return [];
    }
  }

  // Repainted only on a change: the status is a live region, and each change is read out once.
  function paint(next) {
    if (JSON.stringify(next) === JSON.stringify(current)) return current;
    current = next;
    bar.dataset.state = current.state;
    document.body.classList.toggle('in-handoff', OPEN.includes(current.state));
    leaveButton.hidden = current.state !== 'queued';
    status.replaceChildren(...lines());
    return current;
  }

  return {
    /**
     * Shows the service's {"state", "advisor"}; when a handoff ends, "back with the assistant" stays until the
     * user next writes. Returns what is shown, to keep across a reload.
     */
    show(next) {
      const ended = next.state === 'none' && current.state !== 'none';
      return paint(ended ? { state: 'back' } : next.advisor ? { state: next.state, advisor: next.advisor }
        : { state: next.state });
    },
    /** The user wrote again: the return to the assistant has been seen. */
    sent() {
      return current.state === 'back' ? paint({ state: 'none' }) : current;
    },
    reset() {
      return paint({ state: 'none' });
    }
  };
}
