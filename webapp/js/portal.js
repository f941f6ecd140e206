// Customer portal: write a ticket, get its reference and team, look up its status later.
import { api, ApiError, fieldErrors, LIMITS, statusLabel, longTime } from './common.js';

const form = document.getElementById('ticket-form');
const fields = ['customer_name', 'customer_email', 'subject', 'body'];
const formError = document.getElementById('form-error');
const submitButton = document.getElementById('submit');
const bodyInput = document.getElementById('body');
const bodyCount = document.getElementById('body-count');
const confirmation = document.getElementById('confirmation');
const numberFormat = new Intl.NumberFormat('en');

const STATUS_SENTENCES = {
  open: 'We have your message; an agent will pick it up soon.',
  in_progress: 'An agent is working on it.',
  resolved: 'This ticket has been resolved.',
};

function showFieldError(name, message) {
  const input = document.getElementById(name);
  const error = document.getElementById(`${name}-error`);
  if (!input || !error) return false;
  if (message) {
    error.textContent = message;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
  } else {
    error.textContent = '';
    error.hidden = true;
    input.removeAttribute('aria-invalid');
  }
  return true;
}

function showFormError(message) {
  formError.textContent = message || '';
  formError.hidden = !message;
}

function values() {
  const result = {};
  for (const name of fields) result[name] = document.getElementById(name).value.trim();
  return result;
}

/** The same checks the server makes, so most mistakes are explained before sending. */
function validate(v) {
  const errors = {};
  if (v.customer_name.length > LIMITS.nameMax) errors.customer_name = `Please keep your name under ${LIMITS.nameMax} characters.`;
  if (v.customer_email) {
    if (v.customer_email.length > LIMITS.emailMax) errors.customer_email = `An e-mail address has at most ${LIMITS.emailMax} characters.`;
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.customer_email)) errors.customer_email = 'This does not look like an e-mail address (name@example.com).';
  }
  if (!v.subject) errors.subject = 'Please give your message a subject.';
  else if (v.subject.length > LIMITS.subjectMax) errors.subject = `The subject must be at most ${LIMITS.subjectMax} characters (now ${v.subject.length}).`;
  if (!v.body) errors.body = 'Please write your message.';
  else if (v.body.length < LIMITS.bodyMin) errors.body = `The message must be at least ${LIMITS.bodyMin} characters (now ${v.body.length}).`;
  else if (v.body.length > LIMITS.bodyMax) errors.body = `The message must be at most ${numberFormat.format(LIMITS.bodyMax)} characters (now ${numberFormat.format(v.body.length)}).`;
  return errors;
}

function showErrors(errors) {
  let first = null;
  for (const name of fields) {
    showFieldError(name, errors[name]);
    if (errors[name] && !first) first = name;
  }
  if (first) document.getElementById(first).focus();
  return first !== null;
}

function updateCount() {
  const length = bodyInput.value.trim().length;
  bodyCount.textContent = `${numberFormat.format(length)} / ${numberFormat.format(LIMITS.bodyMax)}`;
  bodyCount.classList.toggle('over', length > LIMITS.bodyMax);
}

// The receipt names the team; a signed-in agent using the portal gets the whole ticket (final_queue) instead.
function teamSentence(ticket) {
  const team = ticket.team || ticket.final_queue;
  return team ? `Our ${team} team will handle it.` : 'Our support team will handle it.';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  showFormError('');
  const v = values();
  if (showErrors(validate(v))) return;
  const payload = { subject: v.subject, body: v.body };
  if (v.customer_name) payload.customer_name = v.customer_name;
  if (v.customer_email) payload.customer_email = v.customer_email;
  submitButton.disabled = true;
  submitButton.textContent = 'Sending…';
  try {
    const ticket = await api('api/tickets', { method: 'POST', body: payload, headers: { 'X-TicketRouter-Channel': 'portal' } });
    document.getElementById('confirmation-reference').textContent = ticket.reference;
    document.getElementById('confirmation-token').textContent = ticket.status_token || '';
    document.getElementById('lookup-token').value = ticket.status_token || '';
    document.getElementById('confirmation-team').textContent = teamSentence(ticket);
    document.getElementById('lookup-reference').value = ticket.reference;
    form.hidden = true;
    confirmation.hidden = false;
    confirmation.focus();
  } catch (e) {
    const problem = e instanceof ApiError ? e.problem : {};
    const errors = fieldErrors(problem);
    // The API names the message "body"; a "text" alias may come back from older validators.
    if (errors.text && !errors.body) errors.body = errors.text;
    if (!showErrors(errors)) {
      showFormError(problem.detail || problem.title || 'Your message could not be sent. Please try again.');
    }
  } finally {
    submitButton.disabled = false;
    submitButton.textContent = 'Send to support';
  }
});

for (const name of fields) {
  document.getElementById(name).addEventListener('input', () => {
    if (document.getElementById(`${name}-error`).hidden) return;
    const v = values();
    showFieldError(name, validate(v)[name]);
  });
}
bodyInput.addEventListener('input', updateCount);
updateCount();

document.getElementById('write-another').addEventListener('click', () => {
  form.reset();
  updateCount();
  confirmation.hidden = true;
  form.hidden = false;
  document.getElementById('subject').focus();
});

// Status lookup by reference.
const lookupForm = document.getElementById('lookup-form');
const lookupInput = document.getElementById('lookup-reference');
const lookupError = document.getElementById('lookup-error');
const lookupResult = document.getElementById('lookup-result');

function setLookupError(message) {
  lookupError.textContent = message || '';
  lookupError.hidden = !message;
  if (message) lookupInput.setAttribute('aria-invalid', 'true');
  else lookupInput.removeAttribute('aria-invalid');
}

lookupForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  setLookupError('');
  lookupResult.replaceChildren();
  const reference = lookupInput.value.trim();
  const token = document.getElementById('lookup-token').value.trim();
  if (!reference) {
    setLookupError('Please enter the reference you received, for example TR-000042.');
    lookupInput.focus();
    return;
  }
  if (!token) {
    setLookupError('Please enter the access code you received with the reference.');
    document.getElementById('lookup-token').focus();
    return;
  }
  try {
    const ticket = await api(`api/tickets/${encodeURIComponent(reference)}/status`, { headers: { 'X-Status-Token': token } });
    const title = document.createElement('p');
    const strong = document.createElement('strong');
    strong.textContent = statusLabel(ticket.status);
    title.append(`Ticket ${ticket.reference}: `, strong);
    const sentence = document.createElement('p');
    sentence.textContent = STATUS_SENTENCES[ticket.status] || '';
    const team = document.createElement('p');
    team.textContent = ticket.team ? `Handled by our ${ticket.team} team.` : '';
    const since = document.createElement('p');
    since.className = 'muted';
    since.textContent = `Sent ${longTime(ticket.created_at)}; last change ${longTime(ticket.updated_at || ticket.created_at)}.`;
    lookupResult.replaceChildren(title, sentence, team, since);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) setLookupError('We found no ticket with this reference and access code. Please check both and try again.');
    else setLookupError((e.problem && (e.problem.detail || e.problem.title)) || 'The status could not be checked. Please try again.');
    lookupInput.focus();
  }
});

// The link in our acknowledgement mail (#status=TR-000123&code=...) fills in the lookup and checks at once. The access
// code travels in the fragment, which the browser never sends to a server; it is taken out of the address bar.
function lookupFromLink() {
  const params = new URLSearchParams(location.hash.slice(1));
  const reference = params.get('status');
  const code = params.get('code');
  if (!reference || !code) return;
  history.replaceState(null, '', location.pathname + location.search);
  lookupInput.value = reference;
  document.getElementById('lookup-token').value = code;
  lookupForm.requestSubmit();
}
window.addEventListener('hashchange', lookupFromLink);
lookupFromLink();
