// Webhooks view (admins): the receivers, what is wrong with their configuration, and each delivery's attempts, with
// a way to send failed ones again.
import { api, el, longTime, shortTime } from '../js/common.js';
import { session } from './session.js';

const API = new URL('../api/webhooks/deliveries', location.href);
const $ = (id) => document.getElementById(id);
let before = null;

function deliveriesUrl() {
  const url = new URL(API);
  const state = $('webhooks-state').value;
  if (state) url.searchParams.set('state', state);
  if (before) url.searchParams.set('before', before);
  url.searchParams.set('limit', '50');
  return url;
}

function row(d) {
  const tr = el('tr');
  tr.dataset.state = d.state;
  const event = el('td');
  event.append(el('code', null, d.type), el('br'), el('span', 'muted', d.event_id));
  const ticket = el('td');
  const link = el('a', null, d.ticket);
  link.href = `./#${encodeURIComponent(d.ticket)}`;
  ticket.append(link);
  const answer = d.last_status != null ? `HTTP ${d.last_status}` : (d.last_error || '–');
  const when = d.state === 'delivered' ? longTime(d.delivered_at) : d.state === 'pending' ? shortTime(d.next_attempt_at) : '–';
  tr.append(event, ticket, el('td', null, d.receiver), el('td', `state state-${d.state}`, d.state),
    el('td', null, String(d.attempts)), el('td', null, answer), el('td', null, when));
  if (d.last_error) tr.title = d.last_error;
  const action = el('td');
  if (d.state !== 'delivered') {
    const retry = el('button', 'link-button', 'Send again');
    retry.type = 'button';
    retry.addEventListener('click', async () => {
      retry.disabled = true;
      try {
        await api(`${API}/${encodeURIComponent(d.id)}/retry`, { method: 'POST' });
        $('webhooks-action').textContent = `Delivery ${d.id} (${d.type} of ${d.ticket}) is sent again now.`;
        await load(true);
      } catch (e) {
        $('webhooks-action').textContent = e.message;
        retry.disabled = false;
      }
    });
    action.append(retry);
  }
  tr.append(action);
  return tr;
}

async function load(reset) {
  if (reset) before = null;
  let page;
  try {
    page = await api(deliveriesUrl());
  } catch (e) {
    $('webhooks-status').textContent = e.status === 403 ? 'Only admins see the webhook deliveries.' : e.message;
    return;
  }
  $('webhooks-status').hidden = true;
  $('webhooks-content').hidden = false;
  const receivers = $('webhooks-receivers');
  receivers.replaceChildren(...(page.receivers.length
    ? page.receivers.map((r) => el('li', null, r))
    : [el('li', 'muted', 'None configured: set ticketrouter.webhooks.url and ticketrouter.webhooks.secret (README, “Connecting a helpdesk”).')]));
  const problems = $('webhooks-problems');
  problems.hidden = page.problems.length === 0;
  problems.replaceChildren(...page.problems.map((p) => el('p', null, p)));
  const counts = $('webhooks-counts');
  counts.replaceChildren();
  for (const [state, n] of Object.entries(page.counts)) {
    counts.append(el('dt', null, state[0].toUpperCase() + state.slice(1)), el('dd', null, new Intl.NumberFormat('en').format(n)));
  }
  const rows = $('webhooks-rows');
  if (reset) rows.replaceChildren();
  rows.append(...page.items.map(row));
  if (rows.children.length === 0) {
    const empty = el('tr');
    const cell = el('td', 'muted', 'No deliveries in this state.');
    cell.colSpan = 8;
    empty.append(cell);
    rows.append(empty);
  }
  before = page.next_before;
  $('webhooks-more').hidden = !before;
}

$('webhooks-state').addEventListener('change', () => load(true));
$('webhooks-refresh').addEventListener('click', () => load(true));
$('webhooks-more').addEventListener('click', () => load(false));
$('webhooks-retry-failed').addEventListener('click', async () => {
  try {
    const result = await api(`${API}/retry?state=failed`, { method: 'POST' });
    $('webhooks-action').textContent = `${result.retried} failed deliveries are sent again now.`;
    await load(true);
  } catch (e) {
    $('webhooks-action').textContent = e.message;
  }
});

session.then((me) => {
  if (me.role !== 'admin') {
    $('webhooks-status').textContent = 'Only admins see the webhook deliveries.';
    return;
  }
  load(true);
});
