// Who is signed in, on every agent page: shows the name, hides admin-only controls from agents, signs out.
import { api, el } from '../js/common.js';

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

/**
 * A demo model (trained on the sample tickets, not the team's own) is said on every agent page, with the way to a
 * real one. Checked again when the server announces another model ('model-changed').
 */
async function demoBanner() {
  let info;
  try {
    info = await api(new URL('../api', location.href));
  } catch {
    return;
  }
  const existing = document.getElementById('demo-banner');
  if (!info.model_demo) {
    if (existing) existing.remove();
    return;
  }
  if (existing) return;
  const rows = info.provenance && info.provenance.rows;
  const banner = el('div', 'banner info');
  banner.id = 'demo-banner';
  banner.setAttribute('role', 'note');
  const text = el('span', null, `Demo model trained on ${rows ? `${rows} ` : ''}sample tickets: its routing is only an example. `);
  const link = el('a', null, 'Train it on your own tickets');
  link.href = new URL('model.html#train-your-own', location.href).href;
  text.append(link, '.');
  banner.append(text);
  document.querySelector('.site-header').after(banner);
}

session.then(demoBanner);
document.addEventListener('model-changed', demoBanner);
