// One incident: the alert as received (with the Jenkins build metadata the plugin sends), the investigation
// timeline arriving live over SSE, root cause and remediation highlighted, and the Resolve button.
'use strict';

(() => {
  const { el, link, request, start, badge, localTime, feed } = CauseFlow;
  const $ = (id) => document.getElementById(id);
  const incidentId = decodeURIComponent(window.location.pathname.split('/').pop());
  const EVENT_NAMES = ['incident.created', 'incident.status_changed', 'investigation.progress',
    'investigation.completed', 'remediation.proposed'];
  const FINAL = ['resolved', 'closed'];
  const seen = new Set();
  let status = '';

  function fact(list, term, value) {
    if (value === undefined || value === null || value === '') return;
    list.append(el('div', { className: 'fact' }, el('dt', { text: term }),
      value instanceof Node ? el('dd', null, value) : el('dd', { text: value })));
  }

  function setStatus(value) {
    status = value;
    badge($('status'), 'status', value);
    const done = FINAL.includes(value);
    $('resolve').disabled = done;
    $('resolve').textContent = done ? 'Resolved' : 'Resolve';
  }

  function showRootCause(rootCause, actions, confidence) {
    if (!rootCause) return;
    $('root-cause').textContent = rootCause;
    $('actions').replaceChildren(...(actions || []).map((action) => el('li', { text: action })));
    $('confidence').textContent = typeof confidence === 'number'
      ? 'Confidence ' + Math.round(confidence * 100) + ' %' : '';
    $('root-cause-panel').hidden = false;
  }

  function showRemediation(data) {
    $('remediation-title').textContent = data.title || '';
    $('remediation-steps').replaceChildren(...(data.steps || []).map((step) => el('li', { text: step })));
    $('remediation-approval').textContent = data.requiresApproval ? 'Requires approval before it runs.' : '';
    $('remediation-panel').hidden = false;
  }

  function renderAlert(incident) {
    document.title = incident.title + ' · CauseFlow receiver';
    $('crumb-id').textContent = incident.incidentId;
    badge($('severity'), 'severity', incident.severity);
    setStatus(incident.status);
    $('title').textContent = incident.title;
    $('facts').textContent = 'Received ' + localTime(incident.createdAt) + ' · ' + incident.source
      + (incident.service ? ' · ' + incident.service : '');
    const facts = $('alert-facts');
    facts.replaceChildren();
    fact(facts, 'Incident', incident.incidentId);
    fact(facts, 'Source alert id', incident.sourceAlertId);
    fact(facts, 'Service', incident.service);
    fact(facts, 'Environment', incident.environment);
    fact(facts, 'Severity', incident.severity);
    fact(facts, 'Agents', (incident.assignedAgents || []).join(', '));
    $('description').textContent = incident.description;
    const tags = Object.entries(incident.tags || {}).sort(([a], [b]) => a.localeCompare(b));
    $('tags').replaceChildren(...tags.map(([key, value]) => el('li', { className: 'chip' },
      el('span', { className: 'chip-key', text: key }), el('span', { text: value }))));
    $('tags-block').hidden = tags.length === 0;
    showRootCause(incident.rootCause, incident.recommendedActions);
    renderBuild(incident.metadata || {});
  }

  function duration(millis) {
    const seconds = Math.round(millis / 1000);
    if (seconds < 60) return seconds + ' s';
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return minutes + ' min ' + (seconds % 60) + ' s';
    return Math.floor(minutes / 60) + ' h ' + (minutes % 60) + ' min';
  }

  /** The plugin's metadata layout (causeflow.ci-build/1, docs/payload.md); any other metadata shows as JSON only. */
  function renderBuild(meta) {
    const keys = Object.keys(meta);
    if (keys.length > 0) {
      $('metadata').textContent = JSON.stringify(meta, null, 2);
      $('metadata-panel').hidden = false;
    }
    const job = meta.job || {};
    const build = meta.build || {};
    if (!job.fullName && build.number === undefined) return;
    const facts = $('build-facts');
    facts.replaceChildren();
    fact(facts, 'Job', job.fullName ? link(job.fullName, job.url) : null);
    fact(facts, 'Build', build.number !== undefined ? link('#' + build.number, build.url) : null);
    fact(facts, 'Result', build.result);
    if (typeof build.durationMillis === 'number') fact(facts, 'Duration', duration(build.durationMillis));
    fact(facts, 'Agent', build.agent);
    const scm = meta.scm || {};
    fact(facts, 'Branch', scm.branch || scm.gitBranch);
    fact(facts, 'Commit', scm.commit);
    if (typeof meta.streakStart === 'number') fact(facts, 'Failing since', '#' + meta.streakStart);
    if (meta.controller && meta.controller.displayName) fact(facts, 'Controller', meta.controller.displayName);

    const nodes = Array.isArray(meta.failedNodes) ? meta.failedNodes : [];
    $('failed-stages').replaceChildren(...nodes.map((node) => {
      const path = [...(node.enclosingPath || []), node.name].join(' › ');
      const item = el('li', null, el('span', { className: 'stage-name', text: path }),
        el('span', { className: 'muted small', text: ' ' + (node.kind || 'stage') + (node.stepFunction ? ', step ' + node.stepFunction : '') }));
      if (node.errorMessage) item.append(el('code', { className: 'error-line', text: node.errorMessage }));
      return item;
    }));
    $('stages-block').hidden = nodes.length === 0;

    const tests = meta.tests || {};
    const failed = Array.isArray(tests.failedTests) ? tests.failedTests : [];
    $('tests-heading').textContent = 'Failed tests' + (typeof tests.failed === 'number'
      ? ' (' + tests.failed + ' of ' + tests.total + ')' : '');
    $('failed-tests').replaceChildren(...failed.map((test) => {
      const item = el('li', null, el('span', { className: 'test-name', text: test.className + '.' + test.name }));
      if (Array.isArray(test.enclosingStages) && test.enclosingStages.length) {
        item.append(el('span', { className: 'muted small', text: ' [' + test.enclosingStages.join(' › ') + ']' }));
      }
      if (test.errorMessage) item.append(el('code', { className: 'error-line', text: test.errorMessage }));
      return item;
    }));
    $('tests-block').hidden = failed.length === 0;

    const log = meta.logExcerpt;
    if (log && (Array.isArray(log.errorLines) || Array.isArray(log.tailLines))) {
      $('log-source').textContent = 'From the ' + (log.source === 'step-log' ? 'failing step\u2019s log' : 'end of the build log')
        + (log.linesTruncated || log.windowTruncated ? ' (shortened)' : '');
      $('log-errors').textContent = (log.errorLines || []).join('\n') || '(no error lines)';
      $('log-tail').textContent = (log.tailLines || []).join('\n');
      $('log-block').hidden = false;
    }
    $('build-panel').hidden = false;
  }

  const LABELS = {
    'incident.created': 'Incident created',
    'incident.status_changed': 'Status changed',
    'investigation.progress': 'Investigating',
    'investigation.completed': 'Root cause found',
    'remediation.proposed': 'Remediation proposed',
  };

  function timelineEntry(name, envelope) {
    const data = envelope.data || {};
    const item = el('li', { className: 'timeline-item event-' + name.replace(/\./g, '-'), attrs: { 'data-event': name } },
      el('time', { className: 'small muted', text: new Date(envelope.timestamp).toLocaleTimeString(),
        attrs: { datetime: envelope.timestamp } }),
      el('span', { className: 'timeline-label', text: LABELS[name] || name }));
    let detail = '';
    if (name === 'incident.created') detail = data.title;
    if (name === 'incident.status_changed') detail = String(data.previousStatus) + ' → ' + String(data.newStatus);
    if (name === 'investigation.progress') {
      detail = data.message + (data.agentName ? ' (' + data.agentName + ')' : '');
      if (data.stepIndex && data.totalSteps) item.append(el('span', { className: 'step', text: data.stepIndex + '/' + data.totalSteps }));
    }
    if (name === 'investigation.completed') detail = data.rootCause;
    if (name === 'remediation.proposed') detail = data.title;
    if (detail) item.append(el('p', { className: 'timeline-detail', text: detail }));
    return item;
  }

  function onEvent(name, message) {
    if (message.lastEventId && seen.has(message.lastEventId)) return;
    if (message.lastEventId) seen.add(message.lastEventId);
    let envelope;
    try {
      envelope = JSON.parse(message.data);
    } catch (e) {
      return;
    }
    const data = envelope.data || {};
    $('timeline').append(timelineEntry(name, envelope));
    if (name === 'incident.status_changed' && data.newStatus) setStatus(data.newStatus);
    if (name === 'investigation.completed') showRootCause(data.rootCause, data.recommendedActions, data.confidence);
    if (name === 'remediation.proposed') showRemediation(data);
  }

  function listen() {
    // The server replays this incident's stored events, then sends new ones; ids already shown are skipped, so a
    // reconnection (which replays again) adds nothing twice.
    const listeners = {};
    for (const name of EVENT_NAMES) listeners[name] = (message) => onEvent(name, message);
    feed('/dashboard/api/events?incident=' + encodeURIComponent(incidentId), $('live'), null, listeners);
  }

  $('resolve').addEventListener('click', async () => {
    const button = $('resolve');
    button.disabled = true;
    $('resolve-message').textContent = 'Resolving…';
    try {
      const incident = await request('POST', '/dashboard/api/incidents/' + encodeURIComponent(incidentId) + '/resolve');
      setStatus(incident.status);
      $('resolve-message').textContent = 'Incident resolved.';
    } catch (e) {
      $('resolve-message').textContent = 'Could not resolve: ' + e.message;
      button.disabled = FINAL.includes(status);
    }
  });

  start()
    .then(() => request('GET', '/dashboard/api/incidents/' + encodeURIComponent(incidentId)))
    .then((incident) => {
      renderAlert(incident);
      listen();
    })
    .catch((e) => {
      if (e.message === 'signed out') return;
      $('page-error').textContent = 'Could not load the incident: ' + e.message;
      $('page-error').hidden = false;
    });
})();
