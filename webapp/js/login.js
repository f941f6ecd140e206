// The login page: signs in through POST /api/session (the server sets an HttpOnly cookie), then goes where the
// agent was going. Only paths of this site are followed after sign-in (no open redirect).
import { api, ApiError } from './common.js';

const form = document.getElementById('login-form');
const error = document.getElementById('login-error');
const submit = document.getElementById('login-submit');
const params = new URLSearchParams(location.search);

function target() {
  const next = params.get('next') || '';
  // a path on this server: one leading slash, no scheme, no "//host", no backslash tricks
  if (/^\/(?![\/\\])[^\s]*$/.test(next) && !next.includes('\\')) return next;
  return new URL('agent/', location.href).pathname;
}

if (params.has('signed_out')) {
  const notice = document.getElementById('login-notice');
  notice.textContent = 'You have signed out.';
  notice.hidden = false;
} else if (params.has('next')) {
  const notice = document.getElementById('login-notice');
  notice.textContent = 'Please sign in to continue.';
  notice.hidden = false;
}

function showError(message) {
  error.textContent = message || '';
  error.hidden = !message;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  showError('');
  const username = document.getElementById('username').value.trim();
  const password = document.getElementById('password').value;
  if (!username || !password) {
    showError('Enter your user name and password.');
    return;
  }
  submit.disabled = true;
  submit.textContent = 'Signing in…';
  try {
    await api('api/session', { method: 'POST', body: { username, password } });
    location.assign(target());
  } catch (e) {
    const problem = e instanceof ApiError ? e.problem : {};
    if (e instanceof ApiError && e.status === 401) showError('Wrong user name or password.');
    else showError(problem.detail || problem.title || 'Signing in failed. Please try again.');
    document.getElementById('password').select();
  } finally {
    submit.disabled = false;
    submit.textContent = 'Sign in';
  }
});

document.getElementById('username').focus();
