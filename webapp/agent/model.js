// Model view: what the loaded bundle is, how well it did on held-out tickets, its charts, thresholds and provenance.
// The bundle's JSON documents are shown generically (their exact shape belongs to the training code).
import { api, ApiError, el, longTime, percent } from '../js/common.js';

const API = new URL('../api/', location.href);
const $ = (id) => document.getElementById(id);

function isPlainObject(v) { return v && typeof v === 'object' && !Array.isArray(v); }

function formatNumber(key, value) {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return new Intl.NumberFormat('en').format(value);
  const ratio = /acc|precision|recall|f1|coverage|rate|threshold|confidence|share|macro|micro|weighted|score/i.test(key);
  return ratio && value >= 0 && value <= 1 ? `${(value * 100).toFixed(1)}%` : value.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}

function humanKey(key) {
  return String(key).replace(/[_-]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

/** A table when every value is an object of scalars with the same kind of keys (per-class figures, matrices). */
function tableOf(obj) {
  const rowsKeys = Object.keys(obj);
  const columns = [];
  for (const k of rowsKeys) {
    if (!isPlainObject(obj[k])) return null;
    for (const [c, v] of Object.entries(obj[k])) {
      if (v !== null && typeof v === 'object') return null;
      if (!columns.includes(c)) columns.push(c);
    }
  }
  if (rowsKeys.length === 0 || columns.length === 0) return null;
  const table = el('table', 'data');
  const head = el('tr');
  head.append(el('th', null, ''));
  for (const c of columns) { head.append(headerCell(humanKey(c), 'col')); }
  const thead = el('thead'); thead.append(head);
  const tbody = el('tbody');
  for (const r of rowsKeys) {
    const tr = el('tr');
    tr.append(headerCell(r, 'row'));
    for (const c of columns) {
      const v = obj[r][c];
      tr.append(el('td', typeof v === 'number' ? 'num' : null, v === undefined ? '' : (typeof v === 'number' ? formatNumber(c, v) : String(v))));
    }
    tbody.append(tr);
  }
  table.append(thead, tbody);
  return scrollable(table);
}

/** A table in a box that scrolls sideways on narrow screens. */
function scrollable(table) {
  const wrap = el('div', 'table-wrap');
  wrap.append(table);
  return wrap;
}

/** A header cell naming its row or its column (scope 'row' or 'col'). */
function headerCell(text, scope, className = null) {
  const th = el('th', className, text);
  th.scope = scope;
  return th;
}

function matrixOf(value) {
  if (!Array.isArray(value) || value.length === 0 || !value.every((r) => Array.isArray(r) && r.every((x) => typeof x === 'number'))) return null;
  const table = el('table', 'data matrix');
  const tbody = el('tbody');
  for (const r of value) {
    const tr = el('tr');
    for (const x of r) tr.append(el('td', 'num', formatNumber('', x)));
    tbody.append(tr);
  }
  table.append(tbody);
  return scrollable(table);
}

/** A confusion matrix {labels, matrix}: rows are the true labels, columns the predicted ones. */
function confusionOf(value) {
  if (!isPlainObject(value) || !Array.isArray(value.labels) || !matrixOf(value.matrix)) return null;
  const labels = value.labels.map(String);
  const table = el('table', 'data matrix');
  const head = el('tr');
  head.append(el('th', 'corner', 'true ↓ / predicted →'));
  for (const l of labels) { head.append(headerCell(l, 'col', 'col-label')); }
  const thead = el('thead'); thead.append(head);
  const tbody = el('tbody');
  value.matrix.forEach((row, i) => {
    const tr = el('tr');
    tr.append(headerCell(labels[i] ?? String(i), 'row'));
    const total = row.reduce((a, b) => a + b, 0) || 1;
    row.forEach((x, j) => {
      const td = el('td', `num${i === j ? ' diagonal' : ''}`, formatNumber('', x));
      td.title = `${labels[i]} → ${labels[j]}: ${x} (${Math.round((x / total) * 100)}% of the row)`;
      tr.append(td);
    });
    tbody.append(tr);
  });
  table.append(thead, tbody);
  return scrollable(table);
}

/** An array of flat objects (for example accuracy at coverage) as a table. */
function recordsOf(value) {
  if (!Array.isArray(value) || value.length === 0 || !value.every((r) => isPlainObject(r) && Object.values(r).every((v) => v === null || typeof v !== 'object'))) return null;
  const columns = [...new Set(value.flatMap((r) => Object.keys(r)))];
  const table = el('table', 'data');
  const head = el('tr');
  for (const c of columns) { head.append(headerCell(humanKey(c), 'col')); }
  const thead = el('thead'); thead.append(head);
  const tbody = el('tbody');
  for (const r of value) {
    const tr = el('tr');
    for (const c of columns) tr.append(el('td', typeof r[c] === 'number' ? 'num' : null, typeof r[c] === 'number' ? formatNumber(c, r[c]) : (r[c] ?? '')));
    tbody.append(tr);
  }
  table.append(thead, tbody);
  return scrollable(table);
}

function isScalar(v) { return v === null || v === undefined || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')); }

/**
 * Renders any JSON value with text nodes only: scalars of an object as a definition list, every nested object or
 * table as its own titled sub-section (so deep documents stay readable instead of nesting grids).
 */
function render(value, key = '', depth = 0) {
  if (value === null || value === undefined) return el('span', 'muted', '–');
  if (typeof value === 'number') return el('span', 'num', formatNumber(key, value));
  if (typeof value === 'boolean') return el('span', null, value ? 'yes' : 'no');
  if (typeof value === 'string') return el('span', null, /_at$|time|date/i.test(key) && !Number.isNaN(Date.parse(value)) ? longTime(value) : value);
  if (Array.isArray(value)) {
    const special = matrixOf(value) || recordsOf(value);
    if (special) return special;
    if (value.every((v) => v === null || typeof v !== 'object')) return el('span', null, value.join(', '));
    const list = el('ol', 'json-list');
    for (const v of value) { const li = el('li'); li.append(render(v, key, depth + 1)); list.append(li); }
    return list;
  }
  const special = confusionOf(value) || tableOf(value);
  if (special) return special;
  const wrap = el('div', 'json-object');
  const entries = Object.entries(value);
  const scalars = entries.filter(([, v]) => isScalar(v));
  if (scalars.length) {
    const dl = el('dl', 'meta figures');
    for (const [k, v] of scalars) {
      dl.append(el('dt', null, humanKey(k)));
      const dd = el('dd');
      dd.append(render(v, k, depth + 1));
      dl.append(dd);
    }
    wrap.append(dl);
  }
  for (const [k, v] of entries.filter(([, v]) => !isScalar(v))) {
    const section = el('section', `json-section depth-${Math.min(depth, 3)}`);
    section.append(el(depth === 0 ? 'h3' : 'h4', null, humanKey(k)), render(v, k, depth + 1));
    wrap.append(section);
  }
  return wrap;
}

/** Finds a figure by a path of keys anywhere in the document (first match, depth-first). */
function find(doc, path) {
  if (!isPlainObject(doc)) return undefined;
  let node = doc;
  for (const k of path) { node = isPlainObject(node) ? node[k] : undefined; }
  if (node !== undefined && typeof node !== 'object') return node;
  for (const v of Object.values(doc)) {
    const found = find(v, path);
    if (found !== undefined) return found;
  }
  return undefined;
}

function headline(evaluation) {
  const tiles = [
    ['Department accuracy', ['queue', 'accuracy']],
    ['Department macro F1', ['queue', 'macro_f1']],
    ['Priority accuracy', ['priority', 'accuracy']],
    ['Priority macro F1', ['priority', 'macro_f1']],
    ['Routed without review', ['review_thresholds', 'auto_routed_share']],
    ['Accuracy of those', ['review_thresholds', 'auto_routed_accuracy']],
    ['Tickets evaluated', ['rows']],
  ];
  const list = el('ul', 'tiles');
  for (const [label, path] of tiles) {
    const v = find(evaluation, path);
    if (typeof v !== 'number') continue;
    const li = el('li');
    li.append(el('span', 'tile-value', formatNumber(path[path.length - 1], v)), el('span', 'tile-label', label));
    list.append(li);
  }
  return list.children.length ? list : null;
}

function summary(model) {
  const dl = $('model-summary');
  const add = (term, value) => { dl.append(el('dt', null, term)); const dd = el('dd'); dd.append(value); dl.append(dd); };
  add('Version', el('code', null, model.version || '–'));
  add('Trained', el('span', null, longTime(model.trained_at)));
  if (model.demo) {
    const demo = el('span', null, `A demo model, trained on ${model.provenance && model.provenance.rows ? `${model.provenance.rows} ` : ''}sample tickets. `);
    const link = el('a', null, 'Train on your own tickets');
    link.href = '#train-your-own';
    demo.append(link, '.');
    add('Trained on', demo);
  }
  add('Format version', el('span', null, model.format_version ?? '–'));
  add('Departments', el('span', null, (model.queues || []).join(', ') || '–'));
  add('Priorities', el('span', null, (model.priorities || []).join(', ') || '–'));
}

function thresholds(model) {
  const entries = Object.entries(model.queue_thresholds || {});
  if (entries.length === 0) { $('model-thresholds').replaceChildren(el('p', 'muted', 'No thresholds in this bundle.')); return; }
  const table = el('table', 'data');
  const head = el('tr');
  for (const h of ['Department', 'Review below']) { head.append(headerCell(h, 'col')); }
  const thead = el('thead'); thead.append(head);
  const tbody = el('tbody');
  for (const [queue, t] of entries.sort()) {
    const tr = el('tr');
    tr.append(headerCell(queue, 'row'), el('td', 'num', percent(t)));
    tbody.append(tr);
  }
  table.append(thead, tbody);
  $('model-thresholds').replaceChildren(table);
}

function charts(list) {
  if (list.length === 0) { $('model-charts').replaceChildren(el('p', 'muted', 'This bundle has no charts.')); return; }
  $('model-charts').replaceChildren(...list.map((c) => {
    const figure = el('figure', 'chart');
    const link = el('a');
    link.href = new URL(`model/charts/${encodeURIComponent(c.file)}`, API).href;
    const img = el('img');
    img.src = link.href;
    img.alt = `Chart: ${humanKey(c.name)}`;
    link.append(img);
    figure.append(link, el('figcaption', null, humanKey(c.name)));
    return figure;
  }));
}

function ratio(v) { return v === null || v === undefined ? '–' : percent(v); }

function groupTable(title, keyLabel, groups) {
  const table = el('table', 'data');
  table.append(el('caption', null, title));
  const head = el('tr');
  for (const h of [keyLabel, 'Tickets', 'Routed without review', 'Corrected', 'Queue agreement', 'Priority agreement']) {
    head.append(headerCell(h, 'col'));
  }
  const thead = el('thead'); thead.append(head);
  const tbody = el('tbody');
  for (const g of groups) {
    const tr = el('tr');
    tr.append(headerCell(g.key, 'row', 'mono'), el('td', 'num', String(g.tickets)), el('td', 'num', ratio(g.auto_routed_share)),
      el('td', 'num', String(g.corrected)), el('td', 'num', ratio(g.queue_agreement)), el('td', 'num', ratio(g.priority_agreement)));
    tbody.append(tr);
  }
  table.append(thead, tbody);
  return scrollable(table);
}

async function loadQuality() {
  try {
    const q = await api(new URL('model/quality', API));
    const o = q.overall;
    const facts = el('dl', 'meta');
    const add = (k, v) => facts.append(el('dt', null, k), el('dd', null, v));
    add('Serving', q.serving || '–');
    add('Tickets classified', String(o.tickets));
    add('Routed without review', `${ratio(o.auto_routed_share)} (${o.auto_routed} of ${o.tickets})`);
    add('Corrected by agents', String(o.corrected));
    add('Queue agreement', ratio(o.queue_agreement));
    add('Priority agreement', ratio(o.priority_agreement));
    const l = q.latency || {};
    add('Classifier latency since start', l.count ? `${l.count} calls, mean ${l.mean_ms} ms, p95 ${l.p95_ms ?? '–'} ms, max ${l.max_ms} ms` : 'no calls yet');
    $('model-production').replaceChildren(facts,
      groupTable('Per model version', 'Model version', q.by_model || []),
      groupTable('Per predicted department', 'Department', q.by_queue || []));
  } catch (e) {
    $('model-production').replaceChildren(el('p', 'muted', e instanceof ApiError
      ? (e.problem.detail || e.problem.title || 'The production figures could not be loaded.')
      : 'The production figures could not be loaded.'));
  }
}

/** Model swaps are pushed on the dashboard's WebSocket: show a notice and reload the view. */
function watchModel() {
  const url = new URL('../ws/tickets', location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(url);
  socket.onmessage = (event) => {
    let m;
    try { m = JSON.parse(event.data); } catch { return; }
    if (!m || m.type !== 'model') return;
    $('model-text').textContent = m.event === 'refused'
      ? `A new model bundle was refused; model ${m.version || '(none)'} keeps serving. ${m.reason || ''}`
      : `Model ${m.version} serves now${m.previous_version ? ` (was ${m.previous_version})` : ''}; this page shows it.`;
    $('model-banner').hidden = false;
    if (m.event === 'loaded') { $('model-summary').replaceChildren(); load(); loadQuality(); document.dispatchEvent(new Event('model-changed')); }
  };
  socket.onclose = () => setTimeout(watchModel, 5000);
}

async function load() {
  try {
    const model = await api(new URL('model', API));
    summary(model);
    const evaluation = model.evaluation || {};
    if (Object.keys(evaluation).length) {
      const details = el('details', 'all-figures');
      details.append(el('summary', null, 'All evaluation figures'), render(evaluation));
      $('model-evaluation').replaceChildren(...[headline(evaluation), details].filter(Boolean));
    } else {
      $('model-evaluation').replaceChildren(el('p', 'muted', 'No evaluation figures in this bundle.'));
    }
    // The API lists chart URLs (/api/model/charts/queue-confusion.png); keep only the file name so the page also
    // works when the application is not at the server's root.
    charts((model.charts || []).map((href) => {
      const file = String(href).split('/').pop();
      return { file, name: file.replace(/\.png$/, '') };
    }));
    thresholds(model);
    const provenance = model.provenance || {};
    $('model-provenance').replaceChildren(Object.keys(provenance).length ? render(provenance) : el('p', 'muted', 'No provenance recorded.'));
    if (model.directory) $('model-summary').append(el('dt', null, 'Loaded from'), el('dd', 'mono', model.directory));
    $('model-status').textContent = '';
    $('model-status').hidden = true;
    $('model-content').hidden = false;
  } catch (e) {
    $('model-status').textContent = e instanceof ApiError
      ? (e.problem.detail || e.problem.title || `The model could not be loaded (${e.status}).`)
      : 'The model could not be loaded.';
  }
}

load();
loadQuality();
setInterval(loadQuality, 30000);
watchModel();
