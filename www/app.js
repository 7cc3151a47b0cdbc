// The "My pay" page: a thin layer over the wasm engine. Every figure comes from the
// engine (computeWhatIfs); this file only reads the form, shows results and errors,
// and keeps the inputs in localStorage. Nothing is ever sent over the network.
import init, { defaultPolicy, Calculator } from './pkg/paygrade.js';
import { explainText, errorText } from './render.js';

// Page text: one module per language (./i18n/), loaded on demand; the engine's facts
// (explanation terms) are rendered by ./render.js, its errors arrive in both languages.
const LOADERS = {
  zh: () => import('./i18n/zh.js'), en: () => import('./i18n/en.js'),
  'zh-extras': () => import('./i18n/zh-extras.js'), 'en-extras': () => import('./i18n/en-extras.js'),
};
const loaded = {};

async function table(name) {
  loaded[name] ??= (await LOADERS[name]()).default;
  return loaded[name];
}

/** The text of `lang` ('zh' | 'en'), with the take-home and scorecard text when `extras`. */
async function loadText(lang, extras = false) {
  const base = await table(lang);
  return extras ? { ...base, ...(await table(`${lang}-extras`)) } : base;
}

/** The language to start in: saved choice, else the browser's (zh* → Chinese), else English. */
function initialLang(saved) {
  // ?lang= first: the team page's link to My pay carries its language.
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'zh' || asked === 'en') return asked;
  if (saved === 'zh' || saved === 'en') return saved;
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language || 'en'];
  return langs.some((l) => String(l).toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}

const STORE = 'paygrade.mypay.v1';
const LANG_STORE = 'paygrade.lang';
const SCORE_FIELDS = ['business', 'customer_satisfaction', 'supplier', 'self', 'marketing_audit'];
const TEXT_FIELDS = ['years_in_post', 'post_start', 'as_of', ...SCORE_FIELDS, 'composite_score', 'paid_days'];
const ERROR_SLOTS = ['level', 'band', 'employment', ...TEXT_FIELDS, 'form'];

/** @import { Policy, WhatIfs, PaygradeError } from './pkg/paygrade.js' */
/** @param {string} id */
const $ = (id) => document.getElementById(id);
const input = (id) => /** @type {HTMLInputElement} */ ($(id));
const select = (id) => /** @type {HTMLSelectElement} */ ($(id));
const form = /** @type {HTMLFormElement} */ ($('mypay'));
let lang = initialLang(storageGet(LANG_STORE));
let text = {};
let extrasText = false; // set once the take-home / scorecard part is loaded
/** @type {Policy | null} */
let policy = null;
/** @type {WhatIfs | null} */
let last = null; // the last successful result, shown (marked stale) while an input is invalid
/** @type {PaygradeError | null} */
let lastError = null;
let firstResultMs = null;

const t = (key) => text[key] ?? key;

function storageGet(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}
function storageSet(key, value) {
  try { localStorage.setItem(key, value); return true; } catch { notice(t('storage_full')); return false; }
}
function storageRemove(key) {
  try { localStorage.removeItem(key); } catch { /* storage unavailable: nothing to clear */ }
}
function notice(text) { $('err-form').textContent = text; }

function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

// language
function relabel() {
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(/** @type {HTMLElement} */ (el).dataset.i18n);
  for (const el of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('[data-i18n-placeholder]'))) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  // Scorecard texts arrive with extras.js: hidden until then.
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-extras]'))) el.hidden = !extrasText;
}

async function applyLang() {
  text = await loadText(lang, extrasText);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  relabel();
  $('lang').textContent = t('lang_switch');
  $('lang').lang = lang === 'zh' ? 'en' : 'zh-CN'; // the button names the other language, in it
  // The link to the team page opens it in this language.
  /** @type {HTMLAnchorElement} */ ($('to-team')).search = `lang=${lang}`;
  document.title = `Paygrade · ${t('title')}`;
  fillLevels(true);
  render();
  for (const fn of hooks.lang) fn();
}

function levelName(id) { return text.levels?.[id] ?? id; }
/** A grade (`intermediate-B`, or a bandless level's bare id: `trainee`, `grade-1`). */
function gradeLabel(grade) {
  const i = grade.lastIndexOf('-');
  if (i < 0 || policy?.ladder.some((l) => l.level === grade)) return levelName(grade);
  return `${levelName(grade.slice(0, i))} ${grade.slice(i + 1)}${t('band_suffix')}`;
}

// form <-> state
function fillLevels(keep) {
  if (!policy) return;
  const sel = select('level');
  const current = keep ? sel.value : null;
  sel.replaceChildren(...[...policy.ladder].reverse().map((l) => new Option(levelName(l.level), l.level)));
  if (current) sel.value = current;
  fillBands(keep);
}

function fillBands(keep) {
  const level = policy.ladder.find((l) => l.level === select('level').value);
  const sel = select('band');
  const current = keep ? sel.value : null;
  const bands = level?.bands ?? [];
  sel.replaceChildren(...(bands.length ? [...bands].reverse().map((b) => new Option(b.band, b.band)) : [new Option('—', '')]));
  sel.disabled = bands.length === 0;
  if (current && bands.some((b) => b.band === current)) sel.value = current;
}

function radio(name) { return /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name="${name}"]:checked`))?.value; }
function setRadio(name, value) {
  const el = /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name="${name}"][value="${value}"]`));
  if (el) el.checked = true;
}

function collect() {
  const s = { level: select('level').value, band: select('band').value, employment: select('employment').value,
    rural: input('rural').checked, years_mode: radio('years_mode'), score_mode: radio('score_mode') };
  for (const f of TEXT_FIELDS) s[f] = input(f).value;
  return s;
}

function defaults() {
  return { level: 'intermediate', band: 'B', employment: 'contract', rural: false, years_mode: 'years',
    score_mode: 'five', as_of: today() };
}

function restore(s) {
  select('level').value = s.level ?? 'intermediate';
  if (!select('level').value) select('level').selectedIndex = 0;
  fillBands(false);
  if (s.band) select('band').value = s.band;
  select('employment').value = s.employment === 'regular' ? 'regular' : 'contract';
  input('rural').checked = Boolean(s.rural);
  setRadio('years_mode', s.years_mode === 'date' ? 'date' : 'years');
  setRadio('score_mode', s.score_mode === 'composite' ? 'composite' : 'five');
  for (const f of TEXT_FIELDS) input(f).value = typeof s[f] === 'string' ? s[f] : '';
  if (!input('as_of').value) input('as_of').value = today();
  showModes();
}

function loadSaved() {
  const raw = storageGet(STORE);
  if (raw == null) return defaults();
  try {
    const s = JSON.parse(raw);
    if (s && typeof s === 'object' && !Array.isArray(s)) return { ...defaults(), ...s };
  } catch { /* fall through */ }
  storageRemove(STORE);
  setTimeout(() => notice(t('storage_corrupt')), 0);
  return defaults();
}

function showModes() {
  const ym = radio('years_mode');
  const sm = radio('score_mode');
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll('[data-mode]'))) {
    const m = el.dataset.mode;
    el.hidden = (m === 'years' && ym !== 'years') || (m === 'date' && ym !== 'date')
      || (m === 'five' && sm !== 'five') || (m === 'composite' && sm !== 'composite');
  }
}

/** A date as people type it — 2014-03-01, 2014/3/1, 2014.3.1, 2014年3月1日, full-width
 * digits and separators too — as the engine's YYYY-MM-DD (the forms a roster file's date column takes);
 * anything else is passed on as typed, for the engine to refuse at its field. */
function isoDate(text) {
  // Full-width digits and separators (an input method's punctuation mode: ２０１４／３／１,
  // 2014。3。1) as their ASCII forms.
  const half = text.replace(/[０-９／－．]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/。/g, '.').trim();
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/.exec(half);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text;
}

function employeeFrom(s) {
  const e = { id: 'me', level: s.level, employment: s.employment, rural: s.rural };
  if (s.band) e.band = s.band;
  if (s.years_mode === 'date') e.post_start = isoDate(s.post_start); else e.years_in_post = s.years_in_post;
  if (s.score_mode === 'composite') e.composite_score = s.composite_score;
  else e.scores = Object.fromEntries(SCORE_FIELDS.map((f) => [f, s[f]]));
  if (s.paid_days.trim()) e.paid_days = s.paid_days;
  return e;
}

function isBlankStart(s) {
  const years = s.years_mode === 'date' ? s.post_start : s.years_in_post;
  const scores = s.score_mode === 'composite' ? [s.composite_score] : SCORE_FIELDS.map((f) => s[f]);
  return !years.trim() && scores.every((v) => !v.trim());
}

// errors
// The field an engine error belongs to, among the fields visible in the current modes.
function slotFor(path) {
  if (!path) return 'form';
  if (path.startsWith('scores.')) return path.slice(7);
  if (path === 'years_in_post' || path === 'post_start') return radio('years_mode') === 'date' ? 'post_start' : 'years_in_post';
  if (path === 'scores' || path === 'composite_score') return radio('score_mode') === 'composite' ? 'composite_score' : 'business';
  return ERROR_SLOTS.includes(path) ? path : 'form';
}

// "Required" errors for fields the user has not reached yet are not shown in red.
const touched = new Set();
function isMissing(err) { return err.code === 'missing_field' || err.code === 'missing_score'; }

function clearErrors() {
  for (const f of ERROR_SLOTS) {
    const slot = $(`err-${f}`);
    if (slot) slot.textContent = '';
    $(f)?.removeAttribute('aria-invalid');
  }
}

function showError(err) {
  const slot = slotFor(err.path);
  if (isMissing(err) && !touched.has(slot)) return false;
  const message = isMissing(err) ? t('required')
    : err.code ? errorText(err, lang) : String(err);
  $(`err-${slot}`).textContent = message;
  $(slot)?.setAttribute('aria-invalid', 'true');
  return true;
}

/** Years in post beyond which My pay asks the reader to check the figure (a working life). */
const MAX_PLAUSIBLE_YEARS = 50;

/** The default policy validated once, kept for every recompute. @type {Calculator | null} */
let calc = null;
function calculator() {
  calc ??= new Calculator(null);
  return calc;
}

// compute and render
function recompute() {
  if (!policy) return;
  const s = collect();
  storageSet(STORE, JSON.stringify(s));
  clearErrors();
  lastError = null;
  if (isBlankStart(s)) { last = null; render(); return; }
  try {
    last = calculator().computeWhatIfs(employeeFrom(s), isoDate(s.as_of));
    if (firstResultMs == null) firstResultMs = performance.now(); // since navigation start
    // Paid, but hardly a career: more than MAX_PLAUSIBLE_YEARS in post (1212 for 12 typed
    // twice) is said at the field, without holding the result back.
    const years = last.current.years_in_post;
    const slot = s.years_mode === 'date' ? 'post_start' : 'years_in_post';
    if (years > MAX_PLAUSIBLE_YEARS) $(`err-${slot}`).textContent = t('years_check').replace('{y}', String(years));
  } catch (err) {
    lastError = err;
  }
  render();
}

function signed(m) { return m.startsWith('-') ? m : `+${m}`; }

function render() {
  const status = $('status');
  const summary = $('summary');
  if (!policy) return;
  const shown = lastError ? showErrorText() : false;
  if (!last) {
    summary.hidden = true;
    status.hidden = false;
    status.textContent = shown ? t('fix_field') : t('fill_in');
    return;
  }
  const b = last.current;
  summary.hidden = false;
  summary.classList.toggle('stale', Boolean(lastError));
  status.hidden = !lastError;
  status.textContent = lastError ? (shown ? t('fix_field_stale') : t('fill_in')) : '';
  $('total').textContent = b.total;
  $('c-total').textContent = b.total;
  for (const c of ['base', 'floating', 'seniority', 'performance']) {
    $(`c-${c}`).textContent = b.components[c];
    $(`x-${c}`).textContent = explainText(b.explain[c], lang, policy.ladder);
  }
  $('f-grade').textContent = gradeLabel(b.grade);
  $('f-coefficient').textContent = `${gradeLabel(b.coefficient_grade)} · ${b.coefficient}`;
  $('f-years').textContent = `${b.years_in_post} ${t('years_unit')}`;
  $('f-composite').textContent = b.composite_score;
  $('f-rating').textContent = b.rating ? (text.ratings?.[b.rating] ?? b.rating) : '—';
  $('f-factor').textContent = b.assessment_factor;
  renderWhatIfs(last);
  for (const fn of hooks.render) fn();
}

function showErrorText() {
  // (Re-)render the current error in the chosen language; false when it is not shown.
  clearErrors();
  return showError(lastError);
}

function item(id, label, value, detail) {
  const li = document.createElement('li');
  li.id = id;
  const l = document.createElement('span');
  l.className = 'wi-label';
  l.textContent = label;
  const v = document.createElement('strong');
  v.className = 'wi-value';
  v.textContent = value;
  li.append(l, v);
  if (detail) {
    const d = document.createElement('span');
    d.className = 'wi-detail';
    d.textContent = detail;
    li.append(d);
  }
  return li;
}

function renderWhatIfs(w) {
  const list = [];
  const step = (x) => `${(x.total)} (${signed(x.difference)})`;
  const trainee = !last.current.grade.includes('-');
  list.push(w.band_up
    ? item('wi-band', `${t('band_up')}${t('colon')}${gradeLabel(w.band_up.grade)}`, step(w.band_up))
    : item('wi-band', t('band_up'), trainee ? t('no_band') : t('band_top')));
  // A trainee has no band to keep: the step up is "one level up", not "(same band)".
  const levelUp = trainee ? t('level_up_trainee') : t('level_up');
  list.push(w.level_up
    ? item('wi-level', `${levelUp}${t('colon')}${gradeLabel(w.level_up.grade)}`, step(w.level_up))
    : item('wi-level', levelUp, t('none_top')));
  if (w.next_seniority) {
    const s = w.next_seniority;
    const when = t('at_years').replace('{y}', s.years) + (s.date ? t('on_date').replace('{d}', s.date) : '');
    list.push(item('wi-seniority', `${t('next_seniority')}${t('colon')}${when}`, step(s)));
  } else {
    list.push(item('wi-seniority', t('next_seniority'), t('none_seniority')));
  }
  if (w.next_rating) {
    const r = w.next_rating;
    const name = text.ratings?.[r.rating] ?? r.rating;
    list.push(item('wi-rating', `${t('next_rating')}${t('rating_named').replace('{r}', name)}`, r.composite_needed, `→ ${step(r)}`));
  } else {
    list.push(item('wi-rating', t('next_rating'), t('none_top')));
  }
  $('whatifs').replaceChildren(...list);
}

// wiring
form.addEventListener('submit', (e) => e.preventDefault());
form.addEventListener('input', (e) => {
  const target = /** @type {HTMLInputElement} */ (e.target);
  if (target.id) touched.add(target.id);
  if (target.id === 'level') fillBands(true);
  if (target.name === 'years_mode' || target.name === 'score_mode') showModes();
  recompute();
});
form.addEventListener('change', (e) => {
  const target = /** @type {HTMLInputElement} */ (e.target);
  if (target.tagName === 'SELECT' || target.type === 'checkbox' || target.type === 'radio') {
    if (target.id === 'level') fillBands(true);
    showModes();
    recompute();
  }
});
$('reset').addEventListener('click', () => {
  storageRemove(STORE);
  touched.clear();
  notice('');
  restore(defaults());
  recompute();
});
$('lang').addEventListener('click', async () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  storageSet(LANG_STORE, lang);
  await applyLang();
});
$('print').addEventListener('click', () => window.print());
// Take-home and scorecard live in ./extras.js with their engine, loaded on first use.
const hooks = { render: [], lang: [] };
let extras = null;
function loadExtras() {
  extras ??= import('./extras.js').then(async (m) => {
    extrasText = true;
    await applyLang();
    return m.install({
      $, t: (k) => t(k), lang: () => lang, state: () => ({ last, lastError }), collect, recompute, storageGet, storageSet,
      inlineWasm, setRadio, showModes, touched, hooks, relabel,
    });
  });
  return extras;
}
const failed = (slot) => (err) => { $(slot).textContent = t('engine_failed') + (err?.message ?? err); };
$('sc_go').addEventListener('click', () => loadExtras().then((x) => x.openScorecard()).catch(failed('err-sc')));
$('th_go').addEventListener('click', () => loadExtras().then((x) => x.openTakeHome()).catch(failed('err-th')));

function inlineWasm(id = 'paygrade-wasm') {
  // The single-file build (dist/paygrade.html) carries the wasm as base64 in a data block;
  // served, it is pkg/ beside this script, named here for the first-load module (its glue
  // is bundled into app.min.js, away from pkg/); the extras' glue finds its own.
  const block = document.getElementById(id);
  if (!block) {
    return id === 'paygrade-wasm' ? { module_or_path: new URL('./pkg/paygrade_bg.wasm', import.meta.url) } : undefined;
  }
  const bin = atob(block.textContent.trim());
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return { module_or_path: bytes };
}

async function main() {
  try {
    [text] = await Promise.all([loadText(lang), init(inlineWasm())]);
    await applyLang();
    policy = defaultPolicy();
  } catch (err) {
    $('status').textContent = t('engine_failed') + (err?.message ?? err);
    return;
  }
  fillLevels(false);
  const saved = loadSaved();
  restore(saved);
  // Restored values count as reached: their errors show at once.
  for (const f of TEXT_FIELDS) if (typeof saved[f] === 'string' && saved[f].trim()) touched.add(f);
  if (storageGet('paygrade.takehome.v1')?.includes('"active":true')) {
    loadExtras().then((x) => x.openTakeHome()).catch(failed('err-th'));
  }
  recompute();
  /** @type {any} */ (window).paygrade = { firstResultMs: () => firstResultMs };
}

main();
