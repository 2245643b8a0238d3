// Shared by the signed-in pages. Rule for every file here: data from the server goes into the page through
// textContent or setAttribute on safe attributes, never through innerHTML, so an alert title like
// "<img src=x onerror=...>" is shown as text. The Content-Security-Policy forbids inline script as a second guard.
'use strict';

const CauseFlow = (() => {
  let csrfToken = '';

  /** Creates an element; options: className, text, attrs (plain attributes). Children may be nodes or strings. */
  function el(tag, options, ...children) {
    const node = document.createElement(tag);
    const opts = options || {};
    if (opts.className) node.className = opts.className;
    if (opts.text !== undefined && opts.text !== null) node.textContent = String(opts.text);
    if (opts.attrs) {
      for (const [name, value] of Object.entries(opts.attrs)) {
        if (value !== undefined && value !== null) node.setAttribute(name, String(value));
      }
    }
    for (const child of children) {
      if (child !== undefined && child !== null && child !== false) node.append(child);
    }
    return node;
  }

  /** An absolute http(s) link from untrusted data, or null (javascript:, data: and the like are dropped). */
  function safeHref(value) {
    if (typeof value !== 'string') return null;
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  /** A link when the URL is http(s), plain text otherwise. */
  function link(text, url) {
    const href = safeHref(url);
    return href ? el('a', { text, attrs: { href, rel: 'noopener noreferrer', target: '_blank' } }) : el('span', { text });
  }

  async function request(method, url) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
    const response = await fetch(url, { method, headers, credentials: 'same-origin', cache: 'no-store' });
    if (response.status === 401) {
      window.location.assign('/dashboard/sign-in');
      throw new Error('signed out');
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const message = body && body.message ? body.message : 'HTTP ' + response.status;
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  /** Loads the session (tenant, CSRF token), fills the header and wires the sign-out button. */
  async function start() {
    const session = await request('GET', '/dashboard/api/session');
    csrfToken = session.csrfToken;
    document.getElementById('tenant').textContent = session.tenantId;
    document.getElementById('sign-out').addEventListener('click', async () => {
      try {
        await request('POST', '/dashboard/sign-out');
      } finally {
        window.location.assign('/dashboard/sign-in');
      }
    });
    return session;
  }

  const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
  const STATUSES = ['open', 'triaging', 'investigating', 'awaiting_approval', 'remediating', 'resolved', 'closed'];

  /** Sets a badge's text and colour class; unknown values get the neutral style. */
  function badge(node, kind, value) {
    const known = kind === 'severity' ? SEVERITIES : STATUSES;
    const text = String(value || 'unknown');
    node.textContent = text.replace(/_/g, ' ');
    node.className = 'badge ' + kind + '-' + (known.includes(text) ? text : 'unknown');
    return node;
  }

  function age(iso, now) {
    const then = Date.parse(iso);
    if (Number.isNaN(then)) return '';
    const seconds = Math.max(0, Math.round(((now || Date.now()) - then) / 1000));
    if (seconds < 60) return seconds + ' s ago';
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return minutes + ' min ago';
    const hours = Math.floor(minutes / 60);
    if (hours < 48) return hours + ' h ago';
    return Math.floor(hours / 24) + ' d ago';
  }

  function localTime(iso) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString();
  }

  /** Shows the state of a live feed in the little "Live" pill. */
  function liveState(node, state) {
    node.dataset.state = state;
    node.textContent = state === 'live' ? 'Live' : state === 'connecting' ? 'Connecting…' : 'Reconnecting…';
  }

  /**
   * Opens a live feed (EventSource) and keeps it open. The browser retries dropped connections by itself, but gives
   * up when the server answers with an error (session ended, receiver restarted with a fresh session store): then
   * the session is checked (a 401 leads to the sign-in page) and the feed is opened anew.
   */
  function feed(url, live, onOpen, listeners) {
    const connect = () => {
      const source = new EventSource(url);
      source.addEventListener('open', () => {
        liveState(live, 'live');
        if (onOpen) onOpen();
      });
      source.addEventListener('error', () => {
        liveState(live, 'reconnecting');
        if (source.readyState === EventSource.CLOSED) {
          setTimeout(() => request('GET', '/dashboard/api/session').then(connect, () => setTimeout(connect, 5000)), 2000);
        }
      });
      for (const [name, listener] of Object.entries(listeners)) source.addEventListener(name, listener);
    };
    liveState(live, 'connecting');
    connect();
  }

  return { el, link, safeHref, request, start, badge, age, localTime, liveState, feed };
})();
