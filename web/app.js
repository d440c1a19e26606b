// The page's core: the API client, sign-in, languages, the navigation and the
// router. Each view is a module under views/ with
//   export async function render(main, ctx)
// where ctx = {api, t, lang, locale, user, unit, go, params, fmt, onLeave}.
// The router marks <main data-view=NAME> and, once the view is drawn,
// data-ready="1" (what the browser tests wait for).
import { esc } from './lib/html.js';
import { Formats } from './lib/time.js';

const TOKEN_KEY = 'vigil.token';
const LANG_KEY = 'vigil.lang';

// Which views each role may open, in the order of the navigation.
const VIEWS = {
  viewer: ['now', 'rotation', 'bill', 'person'],
  officer: ['now', 'rotation', 'bill', 'person', 'unit', 'plan', 'repair', 'history', 'edit'],
};
VIEWS.coordinator = VIEWS.officer;

let main = document.getElementById('main');

// A view still loading holds the element it was given; swapping in a fresh
// one leaves whatever it draws late in a detached element, never on the page
// that followed it (the sign-in form after a sign-out, on a shared phone).
function freshMain() {
  const fresh = main.cloneNode(false);
  main.replaceWith(fresh);
  main = fresh;
}
const state = {
  token: localStorage.getItem(TOKEN_KEY) || '',
  user: null,
  languages: [],  // [{code, name}] from i18n/languages.json
  catalogs: {},   // code -> catalog
  lang: 'en',
  route: 0,       // counts navigations: a slow view drawn after the next one started is dropped
  leaving: [],    // what the shown view wants done when it is left (timers, streams)
};

// ---------------------------------------------------------------- API client

export class ApiError extends Error {
  constructor(status, field, message, details) {
    super(message);
    this.status = status;
    this.field = field;
    this.details = details;
  }
}

const cache = new Map();  // path -> {at, promise}: reads shared by the views for a few seconds

function makeApi(token) {
  async function request(method, path, body) {
    const headers = { Authorization: `Bearer ${token}` };
    const init = { method, headers };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(path, init);
    } catch {
      throw new ApiError(0, '', t('error.network'));
    }
    const text = await res.text();
    let data = text;
    try { data = text ? JSON.parse(text) : null; } catch { /* a file, not JSON */ }
    if (!res.ok) {
      const e = (data && data.error) || {};
      if (res.status === 401 && state.token) signOut(e.message);
      throw new ApiError(res.status, e.field || '', e.message || `HTTP ${res.status}`, e.details);
    }
    return data;
  }
  return {
    token,
    get: (path) => request('GET', path),
    post: (path, body = {}) => {
      cache.clear();  // a write may change any read
      return request('POST', path, body);
    },
    // A read shared for 15 s: the unit and the plan in force, which several views need.
    cached(path) {
      const hit = cache.get(path);
      if (hit && Date.now() - hit.at < 15000) return hit.promise;
      const promise = request('GET', path);
      promise.catch(() => cache.delete(path));
      cache.set(path, { at: Date.now(), promise });
      return promise;
    },
    forget: () => cache.clear(),
    // For links and event streams, which cannot send a header: the token in the address.
    url: (path) => `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`,
  };
}

// ---------------------------------------------------------------- languages

async function loadCatalog(code) {
  if (!state.catalogs[code]) {
    const res = await fetch(`/assets/i18n/${code}.json`);
    state.catalogs[code] = res.ok ? await res.json() : {};
  }
  return state.catalogs[code];
}

// The text of `key` in the chosen language (English when the catalog lacks
// it), with {name} placeholders filled from `params`.
export function t(key, params = {}) {
  const own = state.catalogs[state.lang] || {};
  const text = own[key] ?? (state.catalogs.en || {})[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

// The catalog's own value of `key` (a list, say), English when it lacks it.
function raw(key) {
  return (state.catalogs[state.lang] || {})[key] ?? (state.catalogs.en || {})[key];
}

function locale() {
  return (state.catalogs[state.lang] || {})._locale || state.lang;
}

async function setLanguage(code, chosen) {
  if (!state.languages.some((l) => l.code === code)) code = 'en';
  await Promise.all([loadCatalog('en'), loadCatalog(code)]);
  state.lang = code;
  if (chosen) localStorage.setItem(LANG_KEY, code);
  document.documentElement.lang = code;
  document.documentElement.dir = (state.catalogs[code] || {})._dir || 'ltr';
  document.querySelector('select[name=lang]').value = code;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  document.title = state.user ? `vigil · ${t(`view.${currentView()}`)}` : 'vigil';
}

// The language to start in: the one chosen on this device, else the browser's when there is a catalog.
function firstLanguage() {
  const chosen = localStorage.getItem(LANG_KEY);
  if (chosen) return chosen;
  for (const wanted of navigator.languages || [navigator.language || 'en']) {
    const code = wanted.slice(0, 2).toLowerCase();
    if (state.languages.some((l) => l.code === code)) return code;
  }
  return 'en';
}

// A viewer's page opens in their person's native language (when nobody chose one on this device).
async function personLanguage(api) {
  if (localStorage.getItem(LANG_KEY) || !state.user.person) return;
  try {
    const schedule = await api.cached(`/api/plans/current/people/${encodeURIComponent(state.user.person)}`);
    const native = Object.entries(schedule.languages || {}).filter(([, level]) => level === 'native');
    const known = native.find(([code]) => state.languages.some((l) => l.code === code));
    if (known) await setLanguage(known[0], false);
  } catch { /* no plan in force yet: the page stays in the language it has */ }
}

// ---------------------------------------------------------------- alerts

// Shows an error (an ApiError carries the API's own message) in the one alert of the page.
export function showError(error) {
  const slot = document.getElementById('alert-slot');
  const field = error && error.field ? ` (${error.field})` : '';
  const text = error instanceof ApiError ? `${error.message}${field}` : String((error && error.message) || error);
  slot.innerHTML = `<div role="alert" class="alert"><span class="alert-word">${esc(t('error.title'))}</span> ${esc(text)}</div>`;
  slot.scrollIntoView({ block: 'nearest' });
}

export function clearError() {
  document.getElementById('alert-slot').innerHTML = '';
}

// ---------------------------------------------------------------- sign-in

function signOut(message) {
  // A view still loading must not draw itself on the signed-out page (a shared phone).
  state.route += 1;
  freshMain();
  localStorage.removeItem(TOKEN_KEY);
  state.token = '';
  state.user = null;
  cache.clear();
  history.replaceState(null, '', location.pathname);  // no hashchange: the message below stays
  showSignin(message);
}

function showSignin(message) {
  drawHeader();
  main.dataset.view = 'signin';
  main.innerHTML = `
    <form id="signin" class="card narrow">
      <h1>${esc(t('signin.title'))}</h1>
      <p>${esc(t('signin.help'))}</p>
      <label>${esc(t('signin.token'))}
        <input name="token" type="password" autocomplete="current-password" required spellcheck="false"></label>
      <button type="submit" class="primary">${esc(t('signin.submit'))}</button>
    </form>`;
  if (message) showError(new ApiError(401, '', message));
  const form = main.querySelector('#signin');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = form.token.value.trim();
    if (!token) return;
    try {
      await signIn(token);
      route();
    } catch (e) {
      showError(e);
    }
  });
  main.dataset.ready = '1';
  form.token.focus();
}

async function signIn(token) {
  const api = makeApi(token);
  const me = await api.get('/api/me');
  localStorage.setItem(TOKEN_KEY, token);
  state.token = token;
  state.user = me;
  clearError();
  await personLanguage(api);
}

// A link /?token=T#/person/NAME signs in at once; the token leaves the address bar.
function tokenFromAddress() {
  const params = new URLSearchParams(location.search);
  const token = params.get('token');
  if (!token) return;
  params.delete('token');
  const rest = params.toString();
  history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
  localStorage.setItem(TOKEN_KEY, token);
  state.token = token;
  state.user = null;
}

// ---------------------------------------------------------------- navigation

function allowedViews() {
  return state.user ? VIEWS[state.user.role] || VIEWS.viewer : [];
}

function currentView() {
  return location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] || '';
}

function defaultRoute() {
  if (state.user && state.user.role === 'viewer' && state.user.person)
    return `#/person/${encodeURIComponent(state.user.person)}`;
  return '#/now';
}

function drawHeader() {
  const nav = document.getElementById('header-nav');
  const who = document.getElementById('header-user');
  if (!state.user) {
    nav.innerHTML = '';
    who.innerHTML = '';
    return;
  }
  const view = currentView();
  nav.innerHTML = `<nav id="views" aria-label="${esc(t('nav.label'))}">${allowedViews()
    .map((v) => `<a href="#/${v}" data-view="${v}"${v === view ? ' aria-current="page"' : ''}>${esc(t(`view.${v}`))}</a>`)
    .join('')}</nav>`;
  who.innerHTML = `<button type="button" data-action="signout" title="${esc(t(`role.${state.user.role}`))}">` +
    `${esc(t('nav.signout'))} <span class="who">(${esc(state.user.name)})</span></button>`;
}

export function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [pathPart, queryPart = ''] = raw.split('?');
  const parts = pathPart.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  return { view: parts[0] || '', path: parts.slice(1), query: new URLSearchParams(queryPart) };
}

async function route() {
  const seq = ++state.route;
  for (const leave of state.leaving.splice(0)) leave();
  clearError();
  if (!state.token) return showSignin();
  const api = makeApi(state.token);
  if (!state.user) {
    try {
      await signIn(state.token);
    } catch (e) {
      // A refused token has signed out already (request); anything else (no server) is shown.
      if (e.status !== 401) {
        main.innerHTML = '';
        showError(e);
        main.dataset.ready = '1';
      }
      return;
    }
  }
  const { view, path, query } = parseHash();
  if (!allowedViews().includes(view)) {
    location.replace(defaultRoute());
    return;
  }
  drawHeader();
  document.title = `vigil · ${t(`view.${view}`)}`;
  freshMain();  // the view before, if still loading, draws into its own detached element
  main.dataset.view = view;
  delete main.dataset.ready;
  main.innerHTML = `<p class="loading">${esc(t('common.loading'))}</p>`;
  try {
    const [module, unit] = await Promise.all([import(`./views/${view}.js`), api.cached('/api/unit')]);
    if (seq !== state.route) return;
    document.getElementById('unit-name').textContent = unit.name;
    const ctx = {
      api, t, go, unit,
      lang: state.lang,
      locale: locale(),
      fmt: new Formats(locale(), { t, raw }),
      user: state.user,
      params: { path, query },
      onLeave: (fn) => state.leaving.push(fn),
      current: () => seq === state.route,
    };
    main.innerHTML = '';
    await module.render(main, ctx);
  } catch (e) {
    if (seq !== state.route) return;
    if (main.querySelector('.loading')) main.innerHTML = '';
    showError(e);
  }
  if (seq === state.route) main.dataset.ready = '1';
}

// ---------------------------------------------------------------- start

async function start() {
  tokenFromAddress();
  try {
    state.languages = await (await fetch('/assets/i18n/languages.json')).json();
  } catch {
    state.languages = [{ code: 'en', name: 'English' }];
  }
  const select = document.querySelector('select[name=lang]');
  select.innerHTML = state.languages.map((l) => `<option value="${esc(l.code)}">${esc(l.name)}</option>`).join('');
  await setLanguage(firstLanguage(), false);
  select.addEventListener('change', async () => {
    await setLanguage(select.value, true);
    if (state.token) route();
    else showSignin();
  });
  document.getElementById('top').addEventListener('click', (event) => {
    if (event.target.closest('[data-action=signout]')) signOut();
  });
  window.addEventListener('hashchange', route);
  await route();
}

start();
