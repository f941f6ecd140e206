// Change your own password: PUT /api/session/password with the current one. The server ends every session of the
// user and sets a new cookie for this browser, so the agent stays signed in here.
import { api, ApiError, fieldErrors } from '../js/common.js';
import { session } from './session.js';

const API = new URL('../api/', location.href);
const form = document.getElementById('password-form');
const submit = document.getElementById('password-submit');
const notice = document.getElementById('password-notice');
const formError = document.getElementById('password-error');
const inputs = {
  current_password: document.getElementById('current-password'),
  new_password: document.getElementById('new-password'),
  repeat: document.getElementById('repeat-password'),
};
const errors = {
  current_password: document.getElementById('current-password-error'),
  new_password: document.getElementById('new-password-error'),
  repeat: document.getElementById('repeat-password-error'),
};

// password managers pair the new password with the account
session.then((me) => { document.getElementById('username').value = me.username; });

function show(field, message) {
  errors[field].textContent = message || '';
  errors[field].hidden = !message;
  inputs[field].setAttribute('aria-invalid', message ? 'true' : 'false');
}

function clear() {
  for (const field of Object.keys(errors)) show(field, '');
  formError.hidden = true;
  notice.hidden = true;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clear();
  const current = inputs.current_password.value;
  const next = inputs.new_password.value;
  let invalid = false;
  if (!current) { show('current_password', 'Enter your current password.'); invalid = true; }
  if ([...next].length < 12 || [...next].length > 200) { show('new_password', 'Use 12 to 200 characters.'); invalid = true; }
  if (next !== inputs.repeat.value) { show('repeat', 'The two new passwords differ.'); invalid = true; }
  if (invalid) return;
  submit.disabled = true;
  submit.textContent = 'Changing…';
  try {
    await api(`${API}session/password`, { method: 'PUT', body: { current_password: current, new_password: next }, signIn: false });
    form.reset();
    notice.textContent = 'Your password was changed. Your other sessions were signed out.';
    notice.hidden = false;
  } catch (e) {
    const problem = e instanceof ApiError ? e.problem : {};
    const byField = fieldErrors(problem);
    if (byField.current_password) show('current_password', byField.current_password);
    if (byField.new_password) show('new_password', byField.new_password);
    if (!byField.current_password && !byField.new_password) {
      formError.textContent = e instanceof ApiError && e.status === 401
        ? 'Your session has ended. Sign in again to change your password.'
        : (problem.detail || problem.title || 'The password could not be changed. Please try again.');
      formError.hidden = false;
    }
  } finally {
    submit.disabled = false;
    submit.textContent = 'Change password';
  }
});
