// Take-home pay and the KPI scorecard on the My-pay page, loaded on first use together
// with their engine (pkg/paygrade_extra.js), so the first load carries only the pay
// calculator. Every figure comes from the engine; this file reads inputs and shows results.
import { scoreLineText, takeHomeWarningText } from './render.js';

const TH_FIELDS = ['th_base', 'th_special', 'th_bonus'];
const TH_STORE = 'paygrade.takehome.v1';
/** @typedef {typeof import('./pkg/paygrade_extra.js')} ExtraModule */
/** @typedef {import('./pkg/paygrade_extra.js').ScorecardPolicy} ScorecardPolicy */
let $, t, ctx;

// The sections' bodies (static markup; every text comes from the i18n tables).
const TH_BODY = `
  <p class="note" data-i18n="takehome_note"></p>
  <div class="row">
    <label><span data-i18n="th_city"></span>
      <select id="th_city"><option value="shanghai" data-i18n="city_shanghai"></option><option value="beijing" data-i18n="city_beijing"></option></select></label>
    <label><span data-i18n="th_base"></span><input id="th_base" inputmode="decimal"><span class="field-error" id="err-th_base" role="alert"></span></label>
    <label><span data-i18n="th_special"></span><input id="th_special" inputmode="decimal" placeholder="0"><span class="field-error" id="err-th_special" role="alert"></span></label>
    <label><span data-i18n="th_bonus"></span><input id="th_bonus" inputmode="decimal" placeholder="0"><span class="field-error" id="err-th_bonus" role="alert"></span></label>
  </div>
  <p class="field-error" id="err-th_body" role="alert"></p>
  <div id="th_result" hidden>
    <dl class="facts">
      <div><dt data-i18n="th_net_year"></dt><dd id="th_net_year"></dd></div>
      <div><dt data-i18n="th_tax_year"></dt><dd id="th_tax_year"></dd></div>
      <div><dt data-i18n="th_employer_year"></dt><dd id="th_employer_year"></dd></div>
      <div id="th_bonus_totals" hidden><dt id="th_net_bonus_label"></dt><dd id="th_net_bonus"></dd></div>
      <div id="th_bonus_tax_totals" hidden><dt id="th_tax_bonus_label"></dt><dd id="th_tax_bonus"></dd></div>
    </dl>
    <p class="note warning" id="th_warnings" role="status"></p>
    <h3 data-i18n="th_chart"></h3>
    <p class="note" id="th_no_tax" data-i18n="th_no_tax" hidden></p>
    <div id="th_chart" class="bars" role="img"></div>
    <div class="scroll" tabindex="0"><table class="components" id="th_table">
      <thead><tr><th data-i18n="th_month"></th><th data-i18n="th_gross"></th><th data-i18n="th_si"></th><th data-i18n="th_fund"></th><th data-i18n="th_cum_taxable"></th><th data-i18n="th_withheld"></th><th data-i18n="th_net"></th><th data-i18n="th_employer"></th></tr></thead>
      <tbody></tbody>
    </table></div>
    <p id="th_bonus_line"></p>
    <p class="note" id="th_source"></p>
  </div>`;
const SC_BODY = `
    <div class="scroll" tabindex="0"><table class="components" id="sc_table">
      <thead><tr><th data-i18n="sc_indicator"></th><th data-i18n="sc_weight"></th><th data-i18n="sc_target"></th><th data-i18n="sc_actual"></th><th data-i18n="sc_credited"></th><th data-i18n="how">计算</th></tr></thead>
      <tbody></tbody>
    </table></div>
    <p class="total"><span data-i18n="sc_score"></span> <strong id="sc_score">—</strong></p>
    <p id="sc_lever" class="note"></p>
    <div class="actions"><button type="button" id="sc_use" data-i18n="sc_use"></button></div>`;

export function install(context) {
  ctx = context;
  ({ $, t } = context);
  if (!document.querySelector('style[data-all-styles]')) { // the single-file build inlines all styles
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = new URL('./extras.css', import.meta.url).href;
    document.head.append(css);
  }
  $('th_body').innerHTML = TH_BODY;
  $('sc_body').innerHTML = SC_BODY;
  ctx.relabel();
  ctx.hooks.render.push(() => { if (takeHome.active) renderTakeHome(); });
  ctx.hooks.lang.push(() => { if (card.active) buildScorecard(); });
  for (const id of [...TH_FIELDS, 'th_city']) $(id).addEventListener('input', () => renderTakeHome());
  $('th_city').addEventListener('change', () => renderTakeHome());
  $('sc_card').addEventListener('change', () => { if (card.active) buildScorecard(); });
  $('sc_use').addEventListener('click', () => {
    if (!card.result) return;
    ctx.setRadio('score_mode', 'five');
    ctx.showModes();
    $('business').value = card.result.score;
    ctx.touched.add('business');
    ctx.recompute();
  });
  return { openTakeHome, openScorecard };
}

// ---------- take-home ----------
/**
 * @type {{ active: boolean, module: ExtraModule | null,
 *   presets: Record<string, import('./pkg/paygrade_extra.js').ContributionPolicy> | null,
 *   result: import('./pkg/paygrade_extra.js').NetPay | null,
 *   error: { path?: string, message?: string, message_zh: string, message_en: string } | null }}
 */
const takeHome = { active: false, module: null, presets: null, result: null, error: null };

/** @type {ExtraModule | null} */
let extraModule = null;
/** The take-home and scorecard engine, loaded on first use. */
async function loadExtra() {
  if (!extraModule) {
    const m = await import('./pkg/paygrade_extra.js');
    await m.default(ctx.inlineWasm('paygrade-extra-wasm'));
    extraModule = m;
  }
  return extraModule;
}

async function openTakeHome() {
  takeHome.active = true;
  $('th_body').hidden = false;
  if (!takeHome.module) {
    $('err-th').textContent = t('th_loading');
    const m = await loadExtra();
    takeHome.presets = m.contributionPresets();
    takeHome.module = m;
    $('err-th').textContent = '';
    let saved = {};
    try { saved = JSON.parse(ctx.storageGet(TH_STORE) ?? '{}') ?? {}; } catch { saved = {}; }
    for (const f of TH_FIELDS) $(f).value = typeof saved[f] === 'string' ? saved[f] : '';
    $('th_city').value = saved.th_city === 'beijing' ? 'beijing' : 'shanghai';
  }
  renderTakeHome();
}

// ---------- scorecard (same lazily loaded module) ----------
/**
 * @type {{ active: boolean, presets: Record<string, ScorecardPolicy> | null,
 *   values: Record<string, Record<string, { target: string, actual: string }>>,
 *   result: import('./pkg/paygrade_extra.js').ScoreResult | null }}
 */
const card = { active: false, presets: null, values: {}, result: null };

function savedCard() {
  try { return JSON.parse(ctx.storageGet('paygrade.scorecard.v1') ?? '{}') ?? {}; } catch { return {}; }
}

async function openScorecard() {
  const m = await loadExtra();
  card.presets ??= m.scorecardPresets();
  card.active = true;
  const saved = savedCard();
  card.values = saved.values && typeof saved.values === 'object' ? saved.values : {};
  if (saved.card === 'tobacco' || saved.card === 'bank') $('sc_card').value = saved.card;
  buildScorecard();
}

function buildScorecard() {
  const preset = card.presets[$('sc_card').value];
  const input = (id, part, name) => {
    const el = document.createElement('input');
    el.inputMode = 'decimal';
    el.id = `sc_${id}_${part}`;
    // Its name: the indicator and the column (目标 / 完成), as the table shows them.
    el.setAttribute('aria-label', `${name} ${ctx.t(part === 'target' ? 'sc_target' : 'sc_actual')}`);
    el.value = card.values[$('sc_card').value]?.[id]?.[part] ?? '';
    el.addEventListener('input', () => scoreCard());
    return el;
  };
  $('sc_table').tBodies[0].replaceChildren(...preset.indicators.map((ind) => {
    const tr = document.createElement('tr');
    const name = document.createElement('th');
    const unit = t(`unit_${ind.unit}`);
    name.textContent = ctx.lang() === 'zh' ? `${ind.name_zh}（${unit}）` : `${ind.name_en} (${unit})`;
    if (ind.direction === 'lower_is_better') {
      const note = document.createElement('small');
      note.className = 'direction';
      note.id = `sc_${ind.id}_direction`;
      note.textContent = t('sc_lower_better');
      name.append(document.createElement('br'), note);
    }
    const withUnit = (el) => {
      const u = document.createElement('span');
      u.className = 'unit';
      u.textContent = unit;
      return [el, u];
    };
    const cells = [ind.weight, withUnit(input(ind.id, 'target', name.firstChild.textContent)), withUnit(input(ind.id, 'actual', name.firstChild.textContent)), '', ''].map((x, i) => {
      const td = document.createElement('td');
      if (Array.isArray(x)) td.append(...x); else td.textContent = x;
      // The column's name, shown before the cell where the table is laid out as cards (phone width).
      td.dataset.label = t(['sc_weight', 'sc_target', 'sc_actual', 'sc_credited', 'how'][i]);
      if (i === 3) td.id = `sc_${ind.id}_credited`;
      if (i === 4) { td.id = `sc_${ind.id}_explain`; td.className = 'explain'; }
      return td;
    });
    tr.append(name, ...cells);
    return tr;
  }));
  $('sc_body').hidden = false;
  scoreCard();
}

function scoreCard() {
  const key = $('sc_card').value;
  const preset = card.presets[key];
  const kpis = {};
  const values = {};
  for (const ind of preset.indicators) {
    const target = $(`sc_${ind.id}_target`).value;
    const actual = $(`sc_${ind.id}_actual`).value;
    values[ind.id] = { target, actual };
    if (target.trim() && actual.trim()) kpis[ind.id] = { target, actual };
  }
  card.values[key] = values;
  ctx.storageSet('paygrade.scorecard.v1', JSON.stringify({ card: key, values: card.values }));
  card.result = null;
  $('err-sc').textContent = '';
  for (const el of $('sc_table').querySelectorAll('input')) el.removeAttribute('aria-invalid');
  if (Object.keys(kpis).length < preset.indicators.length) {
    // A card just opened, all empty, is not an error yet: the note waits for a first figure.
    const started = Object.values(values).some((v) => v.target.trim() || v.actual.trim());
    $('err-sc').textContent = started ? t('sc_fill') : '';
  } else {
    const policy = extraModule.defaultPolicy();
    policy.scorecard = preset;
    try {
      card.result = extraModule.scoreKpis(policy, { kpis });
    } catch (err) {
      // An indicator's error names it as the table does (the engine's words give its id).
      const ind = preset.indicators.find((i) => i.id === err.params?.indicator);
      $('err-sc').textContent = ind && (err.code === 'kpi_target' || err.code === 'kpi_missing')
        ? t(`sc_err_${err.code}`).replace('{name}', ctx.lang() === 'zh' ? ind.name_zh : ind.name_en)
        : (ctx.lang() === 'zh' ? err.message_zh : err.message_en) || err.message;
      const m = /^kpis\.([^.]+)\.(target|actual)$/.exec(err.path ?? '');
      if (m) $(`sc_${m[1]}_${m[2]}`)?.setAttribute('aria-invalid', 'true');
    }
  }
  const r = card.result;
  for (const ind of preset.indicators) {
    const line = r?.lines.find((l) => l.id === ind.id);
    $(`sc_${ind.id}_credited`).textContent = line ? line.credited : '';
    $(`sc_${ind.id}_explain`).textContent = line ? scoreLineText(line, ctx.lang()) : '';
  }
  $('sc_score').textContent = r ? r.score : '—';
  $('sc_use').disabled = !r;
  const lever = r?.best_lever ? preset.indicators.find((i) => i.id === r.best_lever.id) : null;
  $('sc_lever').textContent = lever
    ? t(lever.direction === 'lower_is_better' ? 'sc_lever_lower' : 'sc_lever')
      .replace('{name}', ctx.lang() === 'zh' ? lever.name_zh : lever.name_en)
      .replace('{unit}', t(`unit_${lever.unit}`)).replace('{p}', r.best_lever.points_per_unit)
    : '';
}

function computeTakeHome() {
  takeHome.result = null;
  takeHome.error = null;
  const m = takeHome.module;
  if (!takeHome.active || !m) return;
  const { last, lastError } = ctx.state();
  if (!last || lastError) { takeHome.error = { path: '', message_zh: t('th_need_pay'), message_en: t('th_need_pay') }; return; }
  const s = ctx.collect();
  const inputs = { active: true, th_city: $('th_city').value };
  for (const f of TH_FIELDS) inputs[f] = s[f] = $(f).value;
  s.th_city = inputs.th_city;
  ctx.storageSet(TH_STORE, JSON.stringify(inputs));
  const month = { gross: last.current.total };
  if (s.th_base.trim()) month.contribution_base = s.th_base;
  if (s.th_special.trim()) month.special_deductions = s.th_special;
  const year = Number(String(s.as_of).slice(0, 4)) || new Date().getFullYear();
  const schedule = { year, first_month: 1, months: Array.from({ length: 12 }, () => month) };
  if (s.th_bonus.trim()) schedule.annual_bonus = s.th_bonus;
  const policy = m.defaultPolicy();
  policy.contributions = takeHome.presets[s.th_city] ?? policy.contributions;
  try { takeHome.result = m.computeNetPay(policy, schedule); } catch (err) { takeHome.error = err; }
}

function thSlot(path) {
  if (path.endsWith('special_deductions')) return 'th_special';
  if (path.endsWith('contribution_base')) return 'th_base';
  if (path === 'annual_bonus') return 'th_bonus';
  return 'th';
}

function renderTakeHome() {
  computeTakeHome();
  for (const f of [...TH_FIELDS, 'th']) { $(`err-${f}`).textContent = ''; $(f)?.removeAttribute('aria-invalid'); }
  const box = $('th_result');
  const r = takeHome.result;
  if (takeHome.error) {
    const e = takeHome.error;
    const slot = thSlot(e.path ?? '');
    $(`err-${slot}`).textContent = (ctx.lang() === 'zh' ? e.message_zh : e.message_en) || e.message;
    $(slot)?.setAttribute('aria-invalid', 'true');
  }
  box.hidden = !r;
  if (!r) return;
  $('th_net_year').textContent = r.year_totals.net;
  $('th_tax_year').textContent = r.year_totals.withheld;
  $('th_employer_year').textContent = r.year_totals.employer_cost;
  // No tax withheld all year: a sentence says so instead of twelve empty bars.
  const none = r.months.every((x) => /^0(\.0+)?$/.test(x.withheld));
  $('th_no_tax').hidden = !none;
  $('th_chart').hidden = none;
  const max = Math.max(...r.months.map((x) => Number(x.withheld)), 0.01);
  $('th_chart').setAttribute('aria-label', t('th_chart'));
  $('th_chart').replaceChildren(...r.months.map((x) => {
    const col = document.createElement('div');
    col.className = 'bar';
    const v = document.createElement('span');
    v.className = 'bar-value';
    v.textContent = x.withheld;
    const fill = document.createElement('div');
    fill.className = 'bar-fill';
    fill.style.height = `${Math.round((Number(x.withheld) / max) * 100)}%`; // display only
    const label = document.createElement('span');
    label.className = 'bar-label';
    label.textContent = `${x.month}${t('month_suffix')}`;
    col.append(v, fill, label);
    return col;
  }));
  const cell = (text) => { const td = document.createElement('td'); td.className = 'num'; td.textContent = text ?? '—'; return td; };
  $('th_table').tBodies[0].replaceChildren(...r.months.map((x) => {
    const tr = document.createElement('tr');
    tr.append(cell(`${x.month}${t('month_suffix')}`), cell(x.gross), cell(x.social_insurance), cell(x.housing_fund),
      cell(x.cumulative_taxable), cell(x.withheld), cell(x.net), cell(x.employer_cost));
    return tr;
  }));
  const b = r.bonus;
  // The engine says which method is lower (`equal` on a tie; `combined` when the separate
  // method has ended for the year); the year totals with the bonus follow that method.
  const method = b ? t(b.lower === 'separate' ? 'th_separate' : b.lower === 'equal' ? 'th_either' : 'th_combined') : '';
  let line = '';
  if (b && b.separate_tax === null) line = t('th_bonus_line_combined_only').replace('{until}', b.separate_until);
  else if (b && b.lower === 'equal') line = t('th_bonus_line_equal');
  else if (b) line = t('th_bonus_line');
  $('th_bonus_line').textContent = b ? line.replace('{b}', b.bonus).replace('{s}', b.separate_tax ?? '—')
    .replace('{c}', b.combined_tax_increase).replace('{lower}', method) : '';
  $('th_bonus_totals').hidden = !b;
  $('th_bonus_tax_totals').hidden = !b;
  if (b) {
    $('th_net_bonus_label').textContent = t('th_net_year_bonus').replace('{m}', method);
    $('th_net_bonus').textContent = b.year_net;
    $('th_tax_bonus_label').textContent = t('th_tax_year_bonus').replace('{m}', method);
    $('th_tax_bonus').textContent = b.year_tax;
  }
  // The example tables are named in the page's words (the engine's `city` of a preset is
  // one bilingual string, "Shanghai 上海 (example)"); another table reads as it is given.
  const city = $('th_city').value;
  const preset = takeHome.presets?.[city];
  const cityName = preset ? t(`city_name_${city}`) : null;
  $('th_warnings').textContent = (r.warnings ?? []).map((w) => takeHomeWarningText(
    cityName && w.params?.city !== undefined ? { ...w, params: { ...w.params, city: cityName } } : w, ctx.lang())).join(' ');
  const table = preset ? t('th_table').replace('{city}', cityName).replace('{from}', preset.effective_from) : r.contribution_table;
  $('th_source').textContent = t('th_source').replace('{t}', table ?? '—');
}

