// The incident list: newest first, filtered by status, refreshed whenever the tenant's live feed reports a change.
'use strict';

(() => {
  const { el, request, start, badge, age, localTime, feed } = CauseFlow;
  const rows = document.getElementById('incident-rows');
  const table = document.getElementById('incidents');
  const empty = document.getElementById('empty');
  const filter = document.getElementById('status-filter');
  const count = document.getElementById('count');
  const live = document.getElementById('live');
  const listError = document.getElementById('list-error');
  const REFRESHING_EVENTS = ['incident.created', 'incident.status_changed', 'investigation.completed'];
  let refreshTimer = null;
  let generation = 0;

  function row(incident) {
    const href = '/dashboard/incidents/' + encodeURIComponent(incident.incidentId);
    const title = el('a', { className: 'row-link', text: incident.title, attrs: { href } });
    const titleCell = el('td', { className: 'cell-title', attrs: { 'data-label': 'Title' } }, title);
    if (incident.service) titleCell.append(el('span', { className: 'muted small service', text: incident.service }));
    const time = el('time', { className: 'age', text: age(incident.createdAt),
      attrs: { datetime: incident.createdAt, title: localTime(incident.createdAt) } });
    return el('tr', { attrs: { 'data-incident-id': incident.incidentId, 'data-status': incident.status } },
      el('td', { attrs: { 'data-label': 'Severity' } }, badge(el('span'), 'severity', incident.severity)),
      el('td', { attrs: { 'data-label': 'Status' } }, badge(el('span'), 'status', incident.status)),
      titleCell,
      el('td', { className: 'cell-source', text: incident.source, attrs: { 'data-label': 'Source' } }),
      el('td', { className: 'cell-age', attrs: { 'data-label': 'Age' } }, time));
  }

  /**
   * Updates the rows in place, keyed by incident id: existing rows are kept (only their status changes after
   * creation), new ones are inserted, gone ones removed. Redrawing everything would take the keyboard focus away
   * from a row link every time an event arrives.
   */
  function render(incidents) {
    const byId = new Map([...rows.children].map((tr) => [tr.dataset.incidentId, tr]));
    const wanted = new Set(incidents.map((incident) => incident.incidentId));
    for (const [id, tr] of byId) if (!wanted.has(id)) tr.remove();
    let cursor = rows.firstElementChild;
    for (const incident of incidents) {
      const existing = byId.get(incident.incidentId);
      if (!existing) {
        rows.insertBefore(row(incident), cursor);
        continue;
      }
      if (existing.dataset.status !== incident.status) {
        existing.dataset.status = incident.status;
        badge(existing.querySelector('td[data-label="Status"] .badge'), 'status', incident.status);
      }
      if (existing === cursor) cursor = cursor.nextElementSibling;
      else rows.insertBefore(existing, cursor);
    }
  }

  async function refresh() {
    const mine = ++generation;
    try {
      const body = await request('GET', '/dashboard/api/incidents?status=' + encodeURIComponent(filter.value));
      if (mine !== generation) return; // a newer refresh is under way
      render(body.incidents);
      table.hidden = body.incidents.length === 0;
      empty.hidden = body.incidents.length !== 0;
      count.textContent = body.incidents.length === 1 ? '1 incident'
        : body.incidents.length + ' incidents' + (body.incidents.length >= body.limit ? ' (newest ' + body.limit + ')' : '');
      listError.hidden = true;
    } catch (e) {
      listError.textContent = 'Could not load the incidents: ' + e.message;
      listError.hidden = false;
    }
  }

  /** Several events often arrive together (created + status change): one reload for the burst. */
  function refreshSoon() {
    if (refreshTimer !== null) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      refresh();
    }, 100);
  }

  function listen() {
    const listeners = {};
    for (const name of REFRESHING_EVENTS) listeners[name] = refreshSoon;
    // On every (re)connection the rows are reloaded: that catches whatever changed while the feed was down.
    feed('/dashboard/api/events', live, refresh, listeners);
  }

  function tickAges() {
    const now = Date.now();
    for (const time of rows.querySelectorAll('time.age')) time.textContent = age(time.getAttribute('datetime'), now);
  }

  const params = new URLSearchParams(window.location.search);
  if ([...filter.options].some((option) => option.value === params.get('status'))) filter.value = params.get('status');
  filter.addEventListener('change', () => {
    const url = new URL(window.location.href);
    if (filter.value === 'all') url.searchParams.delete('status'); else url.searchParams.set('status', filter.value);
    window.history.replaceState(null, '', url);
    refresh();
  });

  start().then(() => {
    listen();
    setInterval(tickAges, 10000);
  }).catch(() => { /* start() already redirected to the sign-in page */ });
})();
