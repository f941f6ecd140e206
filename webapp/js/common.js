// Helpers shared by the portal and the dashboard. Untrusted text is only ever placed with textContent.

/** Limits the server enforces on a new ticket (kept in one place; the server's messages win when they differ). */
export const LIMITS = Object.freeze({
  bodyMin: 10,
  bodyMax: 10000,
  subjectMax: 200,
  nameMax: 200,
  emailMax: 254,
});

export const STATUS_LABELS = Object.freeze({
  open: 'Open',
  in_progress: 'In progress',
  resolved: 'Resolved',
});

/** An error from the API, carrying the problem+json document when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `The server answered ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

/** fetch + JSON; throws ApiError with the problem document on a non-2xx answer, or status 0 when unreachable. */
export async function api(url, options = {}) {
  const init = { credentials: 'same-origin', ...options, headers: { Accept: 'application/json', ...(options.headers || {}) } };
  if (init.body !== undefined && typeof init.body !== 'string') {
    init.body = JSON.stringify(init.body);
    init.headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, { title: 'Server unreachable', detail: 'The server could not be reached. Check your connection and try again.' });
  }
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json().catch(() => null) : null;
  if (response.status === 401 && options.signIn !== false && location.pathname.includes('/agent/')) {
    signIn();
  }
  if (!response.ok) {
    throw new ApiError(response.status, payload);
  }
  return payload;
}

/** Sends the browser to the login page, to come back here afterwards (the session ended or was never there). */
export function signIn() {
  // signing out already leaves for the login page; a closed socket or a late 401 must not send it elsewhere
  if (document.body.dataset.signingOut) return;
  const next = location.pathname + location.search;
  location.assign(new URL(`../login.html?next=${encodeURIComponent(next)}`, location.href).toString());
}

/**
 * Field messages of a problem document, as {field: message}. Accepts the usual shapes:
 * errors/violations/invalid_params arrays of {field|name|property|path, message|detail|reason}, or a single "field".
 */
export function fieldErrors(problem) {
  const result = {};
  if (!problem) return result;
  const list = problem.errors || problem.violations || problem.invalid_params || problem['invalid-params'] || [];
  if (Array.isArray(list)) {
    for (const item of list) {
      if (!item || typeof item !== 'object') continue;
      const raw = item.field || item.name || item.property || item.path || item.pointer || '';
      const field = String(raw).split(/[./]/).filter(Boolean).pop();
      const message = item.message || item.detail || item.reason || item.title;
      if (field && message && !result[field]) result[field] = String(message);
    }
  }
  if (problem.field && !result[problem.field]) {
    result[problem.field] = String(problem.detail || problem.title || 'invalid');
  }
  return result;
}

/** Creates an element with optional class and text (text is set with textContent). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

export function percent(value) {
  if (typeof value !== 'number' || Number.isNaN(value)) return '–';
  return `${Math.round(value * 100)}%`;
}

export function statusLabel(status) {
  return STATUS_LABELS[status] || status || '–';
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });

/** Short time for today's tickets, date and time otherwise. */
export function shortTime(iso) {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const today = new Date();
  return date.toDateString() === today.toDateString() ? timeFormat.format(date) : dateTimeFormat.format(date);
}

export function longTime(iso) {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : dateTimeFormat.format(date);
}

/**
 * Items and cursors of a list answer: {items, next_before, next_after} (older page / more catch-up), also accepting a
 * bare array or {tickets|data, next}.
 */
export function listPage(payload) {
  if (Array.isArray(payload)) return { items: payload, before: null, after: null };
  if (!payload || typeof payload !== 'object') return { items: [], before: null, after: null };
  const items = payload.items || payload.tickets || payload.data || payload.results || [];
  return {
    items: Array.isArray(items) ? items : [],
    before: payload.next_before ?? payload.next ?? null,
    after: payload.next_after ?? null,
  };
}
