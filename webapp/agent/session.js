// Who is signed in, on every agent page: shows the name, hides admin-only controls from agents, signs out.
import { api } from '../js/common.js';

const API = new URL('../api/', location.href);

/** Resolves to {username, role}; on 401 the page has already been sent to the login page. */
export const session = api(`${API}session`).then((me) => {
  document.getElementById('signed-in-user').textContent = me.username;
  document.body.dataset.role = me.role;
  for (const node of document.querySelectorAll('[data-admin-only]')) node.hidden = me.role !== 'admin';
  return me;
});

document.getElementById('sign-out').addEventListener('click', async () => {
  document.body.dataset.signingOut = 'true';
  try {
    await api(`${API}session`, { method: 'DELETE', signIn: false });
  } finally {
    location.assign(new URL('../login.html?signed_out=1', location.href).toString());
  }
});
