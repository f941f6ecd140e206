// Agent dashboard: live ticket list over /ws/tickets, filters, details and agent actions.
// Every piece of ticket data is placed with textContent (via el()); nothing from a ticket is parsed as HTML.
import { api, ApiError, el, percent, shortTime, longTime, statusLabel, listPage } from '../js/common.js';

const API = new URL('../api/', location.href);
const PAGE_SIZE = 100;
const CATCH_UP_PAGES = 50;
const PRIORITY_ORDER = ['high', 'medium', 'low'];

const state = {
  tickets: new Map(),        // reference -> ticket (everything loaded, filtered or not)
  deleted: new Set(),        // references deleted while this page is open
  filters: {},
  olderCursor: null,
  queues: new Set(),
  priorities: new Set(),
  languages: new Set(),
  sources: new Set(),        // helpdesk connectors tickets came through
  openReference: null,
  similar: null,             // {reference, answer | error} for the open ticket: GET /api/tickets/{ref}/similar
  socket: null,
  retries: 0,
  retryTimer: null,
  pingTimer: null,
  connectedOnce: false,
};

const rows = new Map();        // reference -> <tr>
const rowKeys = new Map();     // reference -> version key of the rendered row
const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------- ticket helpers

// the source of the tickets made in Ticket Router itself (portal, API, import): GET /api/tickets?source=ticketrouter
const MADE_HERE = 'ticketrouter';
// how tickets came in (GET /api/tickets?channel=...); tickets stored before channels were recorded have none
const CHANNELS = { portal: 'portal', api: 'API', email: 'e-mail', helpdesk: 'helpdesk', import: 'import' };
const fileSize = (n) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`);
const queueOf = (t) => t.final_queue || t.corrected_queue || (t.queue && t.queue.label) || '';
const priorityOf = (t) => t.final_priority || t.corrected_priority || (t.priority && t.priority.label) || '';
const timeOf = (t) => Date.parse(t.created_at) || 0;
const versionKey = (t) => [t.updated_at, t.status, t.corrected_queue, t.corrected_priority, t.final_queue,
  t.final_priority, t.needs_review, t.urgent, (t.history || []).length].join('|');

function newer(a, b) {
  // true when ticket a is at least as recent a state as b
  const ua = Date.parse(a.updated_at || a.created_at) || 0;
  const ub = Date.parse(b.updated_at || b.created_at) || 0;
  return ua >= ub;
}

function remember(ticket) {
  if (!ticket || !ticket.reference || state.deleted.has(ticket.reference)) return false;
  const known = state.tickets.get(ticket.reference);
  if (known && !newer(ticket, known)) return false;
  state.tickets.set(ticket.reference, ticket);
  for (const q of Object.keys(ticket.queue_probabilities || {})) state.queues.add(q);
  if (ticket.queue && ticket.queue.label) state.queues.add(ticket.queue.label);
  if (ticket.final_queue) state.queues.add(ticket.final_queue);
  for (const p of Object.keys(ticket.priority_probabilities || {})) state.priorities.add(p);
  if (ticket.priority && ticket.priority.label) state.priorities.add(ticket.priority.label);
  if (ticket.language) state.languages.add(ticket.language);
  if (ticket.source) state.sources.add(ticket.source);
  return true;
}

function forget(reference) {
  state.deleted.add(reference);
  state.tickets.delete(reference);
}

function matches(t, f) {
  if (f.queue && queueOf(t) !== f.queue) return false;
  if (f.priority && priorityOf(t) !== f.priority) return false;
  if (f.status && t.status !== f.status) return false;
  if (f.language && t.language !== f.language) return false;
  if (f.source && (t.source || MADE_HERE) !== f.source) return false;
  if (f.channel && t.channel !== f.channel) return false;
  if (f.needs_review === 'true' && !t.needs_review) return false;
  if (f.needs_review === 'false' && t.needs_review) return false;
  if (f.q) {
    const needle = f.q.toLocaleLowerCase();
    const hay = [t.reference, t.subject, t.body, t.customer_name, t.customer_email].filter(Boolean).join('\n').toLocaleLowerCase();
    if (!hay.includes(needle)) return false;
  }
  return true;
}

// ---------------------------------------------------------------- rendering

function badge(text, kind) {
  return el('span', `badge ${kind || ''}`.trim(), text);
}

function labelWithConfidence(predicted, corrected, kind) {
  const cell = el('div', 'label-cell');
  if (corrected && predicted && corrected !== predicted.label) {
    const now = el('span', `value ${kind}`, corrected);
    now.title = 'Corrected by an agent';
    cell.append(now, el('span', 'tag corrected', 'corrected'));
    const was = el('span', 'was');
    was.append('model: ', el('s', null, predicted.label), ` ${percent(predicted.confidence)}`);
    cell.append(was);
  } else if (predicted) {
    cell.append(el('span', `value ${kind}`, predicted.label), el('span', 'confidence', percent(predicted.confidence)));
  } else {
    cell.append(el('span', 'value', corrected || '–'));
  }
  return cell;
}

function cell(label, ...children) {
  const td = el('td');
  td.dataset.label = label;
  td.append(...children);
  return td;
}

function fillRow(tr, t) {
  tr.replaceChildren();
  tr.dataset.reference = t.reference;
  tr.dataset.queue = queueOf(t);
  tr.dataset.priority = priorityOf(t);
  tr.dataset.status = t.status || '';
  tr.classList.toggle('urgent', !!t.urgent);
  tr.classList.toggle('review', !!t.needs_review);

  const open = el('button', 'ref-button', t.reference);
  open.type = 'button';
  open.setAttribute('aria-label', `Open ticket ${t.reference}`);
  open.addEventListener('click', () => openDetail(t.reference));

  const time = el('time', null, shortTime(t.created_at));
  if (t.created_at) time.dateTime = t.created_at;
  time.title = longTime(t.created_at);

  const subject = el('div', 'subject', t.subject || '(no subject)');
  const who = el('div', 'who muted', t.customer_name || t.customer_email || '');

  const priority = labelWithConfidence(t.priority, t.corrected_priority, `priority-${priorityOf(t)}`);

  const flags = el('div', 'flags');
  if (t.urgent) flags.append(badge('Urgent', 'urgent'));
  if (t.needs_review) flags.append(badge('Needs review', 'review'));

  const rules = el('ul', 'rules');
  for (const r of t.routing || []) {
    const li = el('li', null, r.rule);
    li.title = [r.change, r.reason].filter(Boolean).join(' — ');
    rules.append(li);
  }
  if (!(t.routing || []).length) rules.append(el('li', 'none', '–'));

  tr.append(
    cell('Reference', open),
    cell('Received', time),
    cell('Subject', subject, who),
    cell('Language', badge((t.language || '?').toUpperCase(), 'lang')),
    cell('Department', labelWithConfidence(t.queue, t.corrected_queue, 'queue')),
    cell('Priority', priority),
    cell('Status', badge(statusLabel(t.status), `status-${t.status}`)),
    cell('Flags', flags),
    cell('Routing rules', rules),
  );
}

function countList(target, counts, order) {
  const items = [...counts.entries()].sort((a, b) => {
    if (order) return order.indexOf(a[0]) - order.indexOf(b[0]);
    return b[1] - a[1] || a[0].localeCompare(b[0]);
  });
  target.replaceChildren(...items.map(([label, n]) => {
    const li = el('li');
    li.dataset.label = label;
    li.append(el('span', 'count-label', label), el('span', 'count', n));
    return li;
  }));
  if (items.length === 0) target.append(el('li', 'muted', 'none'));
}

let renderQueued = false;
function scheduleRender() {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => { renderQueued = false; render(); });
}

function render(highlight) {
  const shown = [...state.tickets.values()].filter((t) => matches(t, state.filters))
    .sort((a, b) => timeOf(b) - timeOf(a) || String(b.reference).localeCompare(String(a.reference)));
  const tbody = $('ticket-rows');
  const keep = new Set();
  let cursor = tbody.firstElementChild;
  for (const t of shown) {
    keep.add(t.reference);
    let tr = rows.get(t.reference);
    if (!tr) {
      tr = el('tr');
      rows.set(t.reference, tr);
    }
    const key = versionKey(t);
    if (rowKeys.get(t.reference) !== key) {
      fillRow(tr, t);
      rowKeys.set(t.reference, key);
    }
    if (highlight && highlight.has(t.reference)) {
      tr.classList.remove('flash');
      void tr.offsetWidth; // restart the animation
      tr.classList.add('flash');
    }
    if (tr === cursor) {
      cursor = cursor.nextElementSibling;
    } else {
      tbody.insertBefore(tr, cursor);
    }
  }
  for (const [reference, tr] of rows) {
    if (!keep.has(reference)) {
      tr.remove();
      if (!state.tickets.has(reference)) { rows.delete(reference); rowKeys.delete(reference); }
    }
  }

  const queues = new Map();
  const priorities = new Map();
  for (const t of shown) {
    queues.set(queueOf(t), (queues.get(queueOf(t)) || 0) + 1);
    priorities.set(priorityOf(t), (priorities.get(priorityOf(t)) || 0) + 1);
  }
  $('shown-count').textContent = shown.length;
  $('shown-label').textContent = shown.length === 1 ? 'ticket shown' : 'tickets shown';
  countList($('queue-counts'), queues);
  countList($('priority-counts'), priorities, PRIORITY_ORDER);
  $('empty').hidden = shown.length > 0;
  refreshOptions();
  if (state.openReference) renderDetail();
}

function setOptions(select, values, keepFirst, labeler) {
  const current = select.value;
  const existing = [...select.options].slice(keepFirst).map((o) => o.value);
  const wanted = [...values];
  if (existing.length === wanted.length && existing.every((v, i) => v === wanted[i])) return;
  while (select.options.length > keepFirst) select.remove(keepFirst);
  for (const v of wanted) {
    const option = el('option', null, labeler ? labeler(v) : v);
    option.value = v;
    select.append(option);
  }
  select.value = current;
}

function sortedPriorities() {
  return [...state.priorities].sort((a, b) => {
    const ia = PRIORITY_ORDER.indexOf(a); const ib = PRIORITY_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
}

function refreshOptions() {
  const queues = [...state.queues].sort();
  setOptions($('f-queue'), queues, 1);
  setOptions($('f-priority'), sortedPriorities(), 1);
  setOptions($('f-language'), [...state.languages].sort(), 1, (v) => v.toUpperCase());
  setOptions($('f-source'), [...state.sources].sort(), 2, (v) => `${v} (helpdesk)`);
}

// ---------------------------------------------------------------- loading

function listUrl(params) {
  const url = new URL('tickets', API);
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  return url;
}

/** The next page of the same query: older tickets with before=REF, or more catch-up with after=REF. */
function pageUrl(params, key, reference) {
  return reference ? listUrl({ ...params, [key]: reference }) : null;
}

function setLoadStatus(text) { $('load-status').textContent = text || ''; }

async function loadFirstPage() {
  const params = { ...serverFilters(), limit: PAGE_SIZE };
  setLoadStatus('Loading tickets…');
  try {
    const page = listPage(await api(listUrl(params)));
    page.items.forEach(remember);
    state.olderCursor = pageUrl(params, 'before', page.before);
    $('load-more').hidden = !state.olderCursor;
    setLoadStatus('');
    render();
  } catch (e) {
    setLoadStatus(explain(e, 'The tickets could not be loaded.'));
  }
}

async function loadOlder() {
  if (!state.olderCursor) return;
  try {
    const page = listPage(await api(state.olderCursor));
    page.items.forEach(remember);
    state.olderCursor = pageUrl({ ...serverFilters(), limit: PAGE_SIZE }, 'before', page.before);
    $('load-more').hidden = !state.olderCursor || page.items.length === 0;
    render();
  } catch (e) {
    setLoadStatus(explain(e, 'Older tickets could not be loaded.'));
  }
}

function newestReference() {
  let newest = null;
  for (const t of state.tickets.values()) if (!newest || timeOf(t) > timeOf(newest)) newest = t;
  return newest ? newest.reference : null;
}

/** After a reconnect: fetch every ticket created after the newest one we have, then refresh the current view. */
async function catchUp() {
  const before = new Set(state.tickets.keys());
  const after = newestReference();
  let caught = 0;
  if (after) {
    try {
      let url = listUrl({ after, limit: 500 });
      for (let page = 0; url && page < CATCH_UP_PAGES; page++) {
        const result = listPage(await api(url));
        result.items.forEach((t) => { if (remember(t)) caught++; });
        if (result.items.length === 0) break;
        url = pageUrl({ limit: 500 }, 'after', result.after);
      }
    } catch (e) {
      // The cursor ticket may be gone (deleted, or a fresh database): fall back to the first page below.
    }
  }
  try {
    const page = listPage(await api(listUrl({ ...serverFilters(), limit: PAGE_SIZE })));
    page.items.forEach((t) => { if (remember(t)) caught++; });
  } catch (e) {
    setLoadStatus(explain(e, 'Could not refresh the list.'));
  }
  // only the tickets this list shows count as caught up: the catch-up reads every newer ticket, filters or not
  const added = new Set([...state.tickets.keys()]
    .filter((r) => !before.has(r) && matches(state.tickets.get(r), state.filters)));
  render(added);
  if (added.size > 0) announce(`${added.size} new ${added.size === 1 ? 'ticket' : 'tickets'} caught up after reconnecting.`);
  else if (caught > 0) announce('Back online; changes made meanwhile are shown.');
  else announce('Back online; nothing was missed.');
}

function serverFilters() {
  const f = state.filters;
  return { queue: f.queue, priority: f.priority, status: f.status, language: f.language, source: f.source,
    needs_review: f.needs_review, q: f.q };
}

function explain(e, fallback) {
  if (e instanceof ApiError) {
    if (e.status === 401 || e.status === 403) return 'Please sign in again to see tickets.';
    return e.problem.detail || e.problem.title || fallback;
  }
  return fallback;
}

// ---------------------------------------------------------------- live updates

function socketUrl() {
  const url = new URL('../ws/tickets', location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url;
}

function setLive(status, text) {
  $('live').dataset.state = status;
  $('live-text').textContent = text;
}

function connect() {
  clearTimeout(state.retryTimer);
  if (state.socket) { state.socket.onclose = null; state.socket.close(); }
  setLive('connecting', state.connectedOnce ? 'Reconnecting…' : 'Connecting…');
  const socket = new WebSocket(socketUrl());
  state.socket = socket;
  let registered = false;
  socket.onopen = () => {
    // The server registers this session for pushes in its @OnOpen, which may run after the handshake answer; its
    // pong to this first ping proves it did. Only then is the page live, and only then does it catch up, so a
    // ticket created meanwhile is either pushed or found by the catch-up.
    socket.send('ping');
    clearInterval(state.pingTimer);
    state.pingTimer = setInterval(() => { if (socket.readyState === WebSocket.OPEN) socket.send('ping'); }, 25000);
  };
  socket.onmessage = (event) => {
    if (event.data === 'pong') {
      if (!registered) {
        registered = true;
        onRegistered();
      }
      return;
    }
    let message;
    try { message = JSON.parse(event.data); } catch { return; }
    apply(message);
  };
  socket.onclose = () => {
    clearInterval(state.pingTimer);
    if (state.socket !== socket) return;
    scheduleReconnect();
    stillSignedIn();
  };
}

/**
 * The server has registered the socket: show it as live and fetch what pushes cannot have brought. After a lost
 * connection that is the catch-up; on the first connection the list loaded at start may have been read before the
 * registration, so the first page is read once more.
 */
function onRegistered() {
  const reconnect = state.connectedOnce;
  state.connectedOnce = true;
  state.retries = 0;
  setLive('live', 'Live');
  $('connection-banner').hidden = true;
  if (reconnect) catchUp();
  else loadFirstPage();
}

/**
 * A closed socket may mean the sign-in ended (signed out elsewhere, password changed, session expired; the server
 * closes those dashboards and refuses their handshakes): api() goes to the login page on 401. A server that is down
 * does not answer at all, and the reconnect goes on.
 */
function stillSignedIn() {
  api(`${API}session`).catch(() => {});
}

function scheduleReconnect() {
  const delay = Math.min(30000, 500 * 2 ** state.retries) * (0.8 + Math.random() * 0.4);
  state.retries++;
  const seconds = Math.max(1, Math.round(delay / 1000));
  setLive('down', 'Offline');
  $('connection-text').textContent = `Live updates lost — reconnecting in ${seconds} s. Tickets that arrive meanwhile will be fetched when the connection is back.`;
  $('connection-banner').hidden = false;
  state.retryTimer = setTimeout(connect, delay);
}

/** A model swap (or a refused bundle) announced by the server: tell the agent, tickets stay as they are. */
function modelNotice(message) {
  const text = message.event === 'refused'
    ? `A new model bundle was refused; model ${message.version || '(none)'} keeps serving. ${message.reason || ''}`
    : `Model ${message.version} serves new tickets now${message.previous_version ? ` (was ${message.previous_version})` : ''}. Tickets keep the version that classified them.`;
  // in a cluster every member loads the shared model directory itself and says which member it is
  $('model-text').textContent = message.member ? `${text} (cluster member ${message.member})` : text;
  $('model-banner').hidden = false;
  document.dispatchEvent(new Event('model-changed'));
}

function apply(message) {
  if (message && message.type === 'model') { modelNotice(message); return; }
  if (!message || !message.reference) return;
  if (message.type === 'deleted') {
    forget(message.reference);
    if (state.openReference === message.reference) {
      setActionStatus(`Ticket ${message.reference} was deleted.`);
    }
    scheduleRender();
    return;
  }
  if (message.ticket && remember(message.ticket)) {
    if (message.type === 'created') {
      render(new Set([message.reference]));
    } else {
      scheduleRender();
    }
  }
}

function announce(text) { setLoadStatus(text); }

// ---------------------------------------------------------------- filters

function readFilters() {
  const form = $('filters');
  const data = new FormData(form);
  const f = {};
  for (const [k, v] of data.entries()) if (String(v).trim()) f[k] = String(v).trim();
  return f;
}

let filterTimer = null;
function onFiltersChanged() {
  state.filters = readFilters();
  const url = new URL(location.href);
  url.search = new URLSearchParams(state.filters).toString();
  history.replaceState(null, '', url);
  describeFilters();
  render();
  clearTimeout(filterTimer);
  filterTimer = setTimeout(loadFirstPage, 250); // fetch matching older tickets from the server too
}

function describeFilters() {
  const n = Object.keys(state.filters).length;
  $('filter-summary').textContent = n === 0 ? '(none)' : `(${n} active)`;
}

// On a phone the filters fold away behind their summary; on a wide screen they are always open.
const narrow = window.matchMedia('(max-width: 40rem)');
function fitFilters() {
  $('filter-panel').open = !narrow.matches || Object.keys(state.filters).length > 0;
}
narrow.addEventListener('change', fitFilters);

function restoreFilters() {
  const params = new URLSearchParams(location.search);
  for (const [k, v] of params.entries()) {
    const input = $('filters').elements.namedItem(k);
    if (!input) continue;
    if (input.tagName === 'SELECT' && ![...input.options].some((o) => o.value === v)) {
      const option = el('option', null, v);
      option.value = v;
      input.append(option);
    }
    input.value = v;
  }
  state.filters = readFilters();
}

// ---------------------------------------------------------------- detail and actions

function section(title, ...children) {
  const s = el('section', 'detail-section');
  s.append(el('h3', null, title), ...children);
  return s;
}

function bars(map, highlight, corrected) {
  const list = el('ul', 'bars');
  const entries = Object.entries(map || {}).sort((a, b) => b[1] - a[1]);
  for (const [label, p] of entries) {
    const li = el('li');
    if (label === highlight) li.classList.add('predicted');
    if (label === corrected) li.classList.add('corrected');
    const bar = el('span', 'bar');
    const fill = el('span', 'fill');
    fill.style.width = `${Math.max(0, Math.min(1, p)) * 100}%`;
    bar.append(fill);
    const name = el('span', 'bar-label', label);
    if (label === highlight) name.append(el('span', 'tag', 'model'));
    if (label === corrected && corrected !== highlight) name.append(el('span', 'tag corrected', 'agent'));
    li.append(name, bar, el('span', 'bar-value', percent(p)));
    list.append(li);
  }
  if (entries.length === 0) list.append(el('li', 'muted', 'not available'));
  return list;
}

function definition(list, term, ...value) {
  list.append(el('dt', null, term));
  const dd = el('dd');
  dd.append(...value);
  list.append(dd);
}

function decision(kind, predicted, corrected, final) {
  const wrap = el('div', 'decision');
  wrap.append(el('span', 'decision-kind', kind));
  const model = el('span', 'decision-model');
  model.append('Model: ', el('strong', null, predicted ? predicted.label : '–'), ` (${percent(predicted && predicted.confidence)})`);
  wrap.append(model);
  if (corrected) {
    const agent = el('span', 'decision-agent');
    agent.append('Agent correction: ', el('strong', null, corrected));
    wrap.append(agent);
  }
  if (final && final !== (corrected || (predicted && predicted.label))) {
    const routed = el('span', 'decision-final');
    routed.append('Routed to: ', el('strong', null, final));
    wrap.append(routed);
  }
  return wrap;
}

function renderDetail() {
  const t = state.tickets.get(state.openReference);
  if (!t) return;
  $('detail-ref').textContent = `${t.reference} · ${statusLabel(t.status)}`;
  $('detail-subject').textContent = t.subject || '(no subject)';

  const meta = el('dl', 'meta');
  definition(meta, 'Received', longTime(t.created_at));
  definition(meta, 'Updated', longTime(t.updated_at));
  definition(meta, 'Customer', [t.customer_name, t.customer_email].filter(Boolean).join(' · ') || 'anonymous');
  definition(meta, 'Language', (t.language || '?').toUpperCase());
  definition(meta, 'Channel', CHANNELS[t.channel] || 'portal or API');
  if ((t.attachments || []).length) {
    const files = el('ul', 'attachments');
    for (const a of t.attachments) files.append(el('li', null, `${a.name} (${a.type}, ${fileSize(a.size)})`));
    definition(meta, 'Attachments', files);
  }
  if (t.source) {
    // a helpdesk's ticket: where it came from, and a link to it there (only http(s) links are made clickable)
    const source = el('span', 'ticket-source');
    source.append(`${t.source} ticket ${t.external_id || ''}`.trim());
    if (t.external_url && /^https?:\/\//i.test(t.external_url)) {
      const link = el('a', null, 'open in the helpdesk');
      link.href = t.external_url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      source.append(' · ', link);
    }
    definition(meta, 'From helpdesk', source);
  }
  definition(meta, 'Model version', t.model_version || '–');
  const flags = el('span', 'flags');
  if (t.urgent) flags.append(badge('Urgent', 'urgent'));
  if (t.needs_review) flags.append(badge('Needs review', 'review'));
  if (!t.urgent && !t.needs_review) flags.append('none');
  definition(meta, 'Flags', flags);

  const body = el('div', 'ticket-body', t.body || '');

  const decisions = el('div', 'decisions');
  decisions.append(
    decision('Department', t.queue, t.corrected_queue, t.final_queue),
    decision('Priority', t.priority, t.corrected_priority, t.final_priority),
  );
  const recommendation = el('p', 'recommendation', t.recommendation || 'No recommendation.');

  const routing = el('ul', 'routing-list');
  for (const r of t.routing || []) {
    const li = el('li');
    li.append(el('strong', null, r.rule));
    if (r.change) li.append(` — ${r.change}`);
    if (r.reason) li.append(el('div', 'muted', r.reason));
    routing.append(li);
  }
  if (!(t.routing || []).length) routing.append(el('li', 'muted', 'No routing rule applied.'));

  const keywords = el('ul', 'keywords');
  const maxWeight = Math.max(1e-9, ...(t.keywords || []).map((k) => Math.abs(k.weight)));
  for (const k of t.keywords || []) {
    const li = el('li');
    const fill = el('span', 'fill');
    fill.style.width = `${(Math.abs(k.weight) / maxWeight) * 100}%`;
    const bar = el('span', 'bar');
    bar.append(fill);
    li.append(el('span', 'bar-label', k.term), bar, el('span', 'bar-value', Number(k.weight).toFixed(3)));
    keywords.append(li);
  }
  if (!(t.keywords || []).length) keywords.append(el('li', 'muted', 'No keywords reported.'));

  const historyList = el('ol', 'history');
  for (const h of t.history || []) {
    const li = el('li');
    li.append(el('time', 'muted', longTime(h.at)), ' ', el('strong', null, h.actor || 'agent'), ' ');
    if (h.field === 'note') li.append('noted: ', el('q', null, h.to || ''));
    else if (h.field === 'reply') li.append('replied to the customer:', el('div', 'ticket-body', h.to || ''));
    else if (h.field === 'message') li.append('wrote again:', el('div', 'ticket-body', h.to || ''));
    else {
      const show = (v) => (h.field === 'status' ? statusLabel(v) : (v ?? '–'));
      const field = { queue: 'department', status: 'status', priority: 'priority' }[h.field] || h.field;
      li.append(`changed ${field} from `, el('code', null, show(h.from)), ' to ', el('code', null, show(h.to)));
    }
    historyList.append(li);
  }
  if (!(t.history || []).length) historyList.append(el('li', 'muted', 'No changes or messages yet.'));

  const probs = el('div', 'two-col');
  probs.append(
    section('Department probabilities', bars(t.queue_probabilities, t.queue && t.queue.label, t.corrected_queue)),
    section('Priority probabilities', bars(t.priority_probabilities, t.priority && t.priority.label, t.corrected_priority)),
  );

  const parts = [meta, section('Message', body)];
  if (t.answer) parts.push(section('Answer it got', el('div', 'ticket-body', t.answer)));
  parts.push(
    section('Routing decision', decisions, recommendation),
    section('Routing rules applied', routing),
    section('Keywords that drove the decision', keywords),
    similarSection(t.reference),
    probs,
    section('History', historyList),
  );
  $('detail-info').replaceChildren(...parts);
}

// The earlier tickets most like the open one: where they went, how they were answered, and the answer of the most
// similar answered one as a suggestion for the agent (never sent by itself).
function similarSection(reference) {
  const s = el('section', 'detail-section similar');
  s.id = 'similar';
  s.append(el('h3', null, 'Similar past tickets'));
  const found = state.similar && state.similar.reference === reference ? state.similar : null;
  if (!found) {
    s.append(el('p', 'muted', 'Looking for similar tickets…'));
    return s;
  }
  if (found.error) {
    s.append(el('p', 'error', found.error));
    return s;
  }
  const answer = found.answer;
  if (!answer.tickets.length) {
    s.append(el('p', 'muted', 'No earlier ticket shares enough words with this one.'));
    return s;
  }
  s.append(el('p', 'similar-summary', answer.summary));
  const list = el('ol', 'similar-list');
  for (const m of answer.tickets) {
    const li = el('li');
    const open = el('button', 'link-button similar-open', m.reference);
    open.type = 'button';
    open.dataset.reference = m.reference;
    open.addEventListener('click', () => openOther(m.reference));
    const head = el('div', 'similar-head');
    head.append(open, ' ', el('span', 'similar-subject', m.subject || '(no subject)'));
    const facts = el('div', 'similar-facts muted');
    facts.append(
      el('span', 'similar-queue', m.queue),
      ` · ${m.priority} · ${statusLabel(m.status)} · ${shortTime(m.created_at)} · `,
      el('span', 'similar-score', `${percent(m.similarity)} similar`),
    );
    li.append(head, facts, el('p', 'similar-excerpt', m.excerpt));
    if (m.last_reply) {
      const reply = el('details', 'similar-reply');
      reply.append(el('summary', null, 'Reply it got'), el('div', 'ticket-body', m.last_reply));
      li.append(reply);
    }
    list.append(li);
  }
  s.append(list);
  if (answer.suggested_reply) {
    const box = el('div', 'suggested-reply');
    box.id = 'suggested-reply';
    box.append(
      el('p', 'suggestion-label', `Suggested reply, from ${answer.suggested_reply.reference}: a suggestion to check and adapt, `
        + 'never sent by itself'),
      el('div', 'ticket-body', answer.suggested_reply.text),
    );
    s.append(box);
  }
  if (!answer.complete) s.append(el('p', 'muted', 'The index is still catching up: more may show soon.'));
  return s;
}

async function loadSimilar(reference) {
  state.similar = null;
  let found;
  try {
    found = { reference, answer: await api(`${API}tickets/${encodeURIComponent(reference)}/similar`) };
  } catch (e) {
    found = { reference, error: explain(e, 'Similar tickets could not be loaded.') };
  }
  if (state.openReference !== reference) return; // the agent moved on
  state.similar = found;
  // only the section is replaced: the rest of the view (a note being typed, a selection) stays as the agent left it
  const section = document.getElementById('similar');
  if (section) section.replaceWith(similarSection(reference));
  else renderDetail();
}

// Opens a ticket of the similar list, which may be older than anything the list has loaded.
async function openOther(reference) {
  if (!state.tickets.has(reference)) {
    try {
      const t = await api(`${API}tickets/${encodeURIComponent(reference)}`);
      if (remember(t)) render();
    } catch (e) {
      setActionStatus(explain(e, `Ticket ${reference} could not be opened.`), true);
      return;
    }
  }
  openDetail(reference);
}

function fillActionControls(t) {
  $('a-status').value = t.status || 'open';
  const queues = [...state.queues].sort();
  setOptions($('a-queue'), ['', ...queues], 0, (v) => (v ? v : `— keep model's (${t.queue ? t.queue.label : '?'})`));
  setOptions($('a-priority'), ['', ...sortedPriorities()], 0, (v) => (v ? v : `— keep model's (${t.priority ? t.priority.label : '?'})`));
  // The first option's text names this ticket's prediction: rewrite it for each ticket.
  $('a-queue').options[0].textContent = `— keep model's (${t.queue ? t.queue.label : '?'})`;
  $('a-priority').options[0].textContent = `— keep model's (${t.priority ? t.priority.label : '?'})`;
  $('a-queue').value = t.corrected_queue || '';
  $('a-priority').value = t.corrected_priority || '';
  $('a-note').value = '';
  $('reply-form').hidden = !t.customer_email;
  $('reply-to').textContent = t.customer_email ? `(by e-mail to ${t.customer_email})` : '';
  resetDelete();
}

function openDetail(reference) {
  const t = state.tickets.get(reference);
  if (!t) return;
  const other = state.openReference !== reference;
  state.openReference = reference;
  setActionStatus('');
  if (other || !state.similar) loadSimilar(reference);
  renderDetail();
  fillActionControls(t);
  const dialog = $('detail');
  if (!dialog.open) dialog.showModal();
  $('detail-close').focus();
}

function closeDetail() {
  const reference = state.openReference;
  state.openReference = null;
  if ($('detail').open) $('detail').close();
  const row = rows.get(reference);
  if (row && row.isConnected) row.querySelector('.ref-button').focus();
}

function setActionStatus(text, error) {
  const status = $('action-status');
  status.textContent = text || '';
  status.classList.toggle('error', !!error);
}

async function patch(changes, done) {
  const reference = state.openReference;
  if (!reference) return;
  try {
    const updated = await api(`${API}tickets/${encodeURIComponent(reference)}`, { method: 'PATCH', body: changes });
    if (updated && updated.reference) { remember(updated); render(); fillActionControls(state.tickets.get(reference)); }
    setActionStatus(done);
  } catch (e) {
    setActionStatus(explain(e, 'The change could not be saved.'), true);
  }
}

$('status-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const status = $('a-status').value;
  patch({ status }, `Status set to ${statusLabel(status)}.`);
});

$('correct-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const t = state.tickets.get(state.openReference);
  if (!t) return;
  const changes = {};
  const queue = $('a-queue').value;
  const priority = $('a-priority').value;
  const note = $('a-note').value.trim();
  if (queue && queue !== t.corrected_queue) changes.queue = queue;
  if (priority && priority !== t.corrected_priority) changes.priority = priority;
  if (note) changes.note = note;
  if (Object.keys(changes).length === 0) {
    setActionStatus('Choose a department or priority to correct, or write a note.', true);
    return;
  }
  patch(changes, 'Correction saved. The model’s prediction is kept alongside it.');
});

$('reply-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const reference = state.openReference;
  const text = $('a-reply').value.trim();
  if (!reference) return;
  if (!text) {
    setActionStatus('Write the reply first.', true);
    return;
  }
  try {
    const updated = await api(`${API}tickets/${encodeURIComponent(reference)}/replies`, { method: 'POST', body: { text } });
    if (updated && updated.reference) { remember(updated); render(); renderDetail(); }
    $('a-reply').value = '';
    setActionStatus('Reply sent by e-mail; it is in the history.');
  } catch (e) {
    setActionStatus(explain(e, 'The reply could not be sent.'), true);
  }
});

let deleteArmed = null;
function resetDelete() {
  clearTimeout(deleteArmed);
  deleteArmed = null;
  $('delete').textContent = 'Delete ticket';
  $('delete').classList.remove('armed');
}

$('delete').addEventListener('click', async () => {
  const reference = state.openReference;
  if (!reference) return;
  if (!deleteArmed) {
    $('delete').textContent = `Confirm: delete ${reference}`;
    $('delete').classList.add('armed');
    deleteArmed = setTimeout(resetDelete, 6000);
    return;
  }
  resetDelete();
  try {
    await api(`${API}tickets/${encodeURIComponent(reference)}`, { method: 'DELETE' });
    forget(reference);
    closeDetail();
    render();
    announce(`Ticket ${reference} deleted.`);
  } catch (e) {
    setActionStatus(explain(e, 'The ticket could not be deleted.'), true);
  }
});

$('detail-close').addEventListener('click', closeDetail);
$('detail').addEventListener('close', () => { if (state.openReference) closeDetail(); });
$('detail').addEventListener('click', (event) => { if (event.target === $('detail')) closeDetail(); });

// ---------------------------------------------------------------- start

$('filters').addEventListener('input', onFiltersChanged);
$('filters').addEventListener('change', onFiltersChanged);
$('filters').addEventListener('submit', (event) => event.preventDefault());
$('filters').addEventListener('reset', () => setTimeout(onFiltersChanged, 0));
$('load-more').addEventListener('click', loadOlder);
$('model-dismiss').addEventListener('click', () => { $('model-banner').hidden = true; });
$('reconnect-now').addEventListener('click', () => { state.retries = 0; connect(); });

restoreFilters();
describeFilters();
fitFilters();
connect();
loadFirstPage();

// A link to one ticket (#TR-000123, as the Webhooks view makes them) opens it.
function openFromHash() {
  let reference = '';
  try {
    reference = decodeURIComponent(location.hash.slice(1));
  } catch {
    return; // not a reference
  }
  if (/^TR-\d{6,12}$/.test(reference)) openOther(reference);
}
window.addEventListener('hashchange', openFromHash);
openFromHash();
