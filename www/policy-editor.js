// The per-field policy editor of the team page: a form for every field of a policy
// (SPEC §12), including blocks it does not know (contributions, scorecard, …) through a
// generic renderer. Every control carries data-path equal to the engine's error path, so
// an error from validatePolicy is shown at its field. The editor owns a copy of the last
// policy it was given; an edit changes that copy and hands a fresh clone to onChange.
// Texts are set with textContent/value only; no inline styles (the page's CSP). What a
// reader sees is words in the page's language: choice lists show display names (./words.js)
// while their option values stay the engine's ids; tooltips and button names say which
// level, band or row they are about ("中级 B档 · 效益工资系数"), never a policy path.

import { idsOf, word, levelName, bandName } from './words.js';

const TEXT = {
  zh: {
    general: '基本信息', format: '格式', name: '名称', currency: '币种', rounding: '舍入', scale: '小数位数', mode: '方式',
    ladder: '等级与档次（三级九档）', level: '等级', level_n: '等级 {n}', base_wage: '基本岗位工资', floating_wage: '岗位浮动工资',
    quota_max: '比例上限', no_cap: '不限', coefficient: '效益工资系数', band: '档次', bands: '档次（由低到高）',
    add_level: '＋ 等级', remove_level: '删除此等级', add_band: '＋ 档次',
    seniority: '年功工资', min_years: '最少年限（满）', eligible_employment: '享受的用工性质',
    brackets: '分段（年限由低到高）', through_year: '至第几年', and_above: '及以上', per_year: '每年金额', add_bracket: '＋ 分段', remove_bracket: '删除分段',
    leap_day_anniversary: '2月29日入岗的周年日',
    rural_uplift: '农村客户经理加档', steps: '加档数', scope: '范围', floating_follows: '浮动工资随等级变化',
    evaluation: '五评价权重', weights: '权重', business: '经营业绩', customer_satisfaction: '客户满意度', supplier: '工业企业评价',
    self: '自我评价', marketing_audit: '营销部审核评价', missing_scores: '缺少评分时', sum: '合计 {s}', sum_off: '合计 {s}（须为 1）',
    performance: '效益工资', base: '效益工资基数', pool: '效益工资总额', assessment: '考核系数', assessment_mode: '考核系数方式',
    table: '考核系数分档表（分数由高到低）', min_score: '最低得分', factor: '考核系数', factor_short: '系数', rating: '评级',
    add_row: '＋ 行', remove_row: '删除此行', linear_note: '线性方式：考核系数 = 综合得分 ÷ 100，不使用分档表。',
    proration: '计薪天数（折算）', standard_days: '月标准计薪天数', components: '按天折算的项目',
    quota: '比例控制', headcount: '总数口径', seat_rounding: '名额取整',
    assignment: '年度等级评定', exam: '专业技能考试', review: '综合评议', requirements: '各等级的基本条件',
    min_education: '最低学历', min_years_of_work: '最少工作年限', min_years_in_post: '最少岗位年限',
    add_requirement: '＋ 条件', remove_requirement: '删除此条件', thresholds: '各档最低评分', band_rule: '档次评定方式',
    other: '其他部分', contributions: '社保与公积金（到手工资）', scorecard: '营销目标考核表',
    add_item: '＋ 一项', add_block: '按默认值添加此部分', absent_block: '此部分未填写，使用默认值。',
    default_hint: '默认 {v}', remove: '删除', yes: '是',
    remove_x: '删除 {x}', bracket_n: '第 {n} 段', row_n: '第 {n} 行', row_rating: '第 {n} 行（{r}）', item_n: '{c} 第 {n} 项',
    requirements_of: '{l}的条件', rating_is: '评级代码（{r}）', rating_id: '评级代码', level_id: '等级代码',
  },
  en: {
    general: 'General', format: 'Format', name: 'Name', currency: 'Currency', rounding: 'Rounding', scale: 'Decimal places', mode: 'Mode',
    ladder: 'Levels and bands (the ladder)', level: 'Level', level_n: 'Level {n}', base_wage: 'Base wage', floating_wage: 'Floating wage',
    quota_max: 'Quota cap', no_cap: 'none', coefficient: 'Coefficient', band: 'Band', bands: 'Bands (lowest first)',
    add_level: '+ level', remove_level: 'Remove this level', add_band: '+ band',
    seniority: 'Seniority pay', min_years: 'Minimum completed years', eligible_employment: 'Eligible employment',
    brackets: 'Brackets (lowest years first)', through_year: 'Through year', and_above: 'and above', per_year: 'Per year', add_bracket: '+ bracket', remove_bracket: 'Remove bracket',
    leap_day_anniversary: 'Anniversary of a 29 February start',
    rural_uplift: 'Rural uplift', steps: 'Steps', scope: 'Scope', floating_follows: 'Floating wage follows the level',
    evaluation: 'Evaluation weights', weights: 'Weights', business: 'Business results', customer_satisfaction: 'Customer satisfaction', supplier: 'Supplier',
    self: 'Self', marketing_audit: 'Marketing audit', missing_scores: 'Missing scores', sum: 'sum {s}', sum_off: 'sum {s} (must be 1)',
    performance: 'Performance pay', base: 'Performance base', pool: 'Performance pool', assessment: 'Assessment factor', assessment_mode: 'Assessment mode',
    table: 'Assessment table (highest score first)', min_score: 'From score', factor: 'Assessment factor', factor_short: 'Factor', rating: 'Rating',
    add_row: '+ row', remove_row: 'Remove this row', linear_note: 'Linear mode: assessment factor = composite ÷ 100; the table is not used.',
    proration: 'Proration (partial month)', standard_days: 'Standard pay days', components: 'Prorated components',
    quota: 'Quotas', headcount: 'Headcount', seat_rounding: 'Seat rounding',
    assignment: 'Grade assignment', exam: 'Skills exam', review: 'Review', requirements: 'Requirements per level',
    min_education: 'Minimum education', min_years_of_work: 'Minimum years of work', min_years_in_post: 'Minimum years in post',
    add_requirement: '+ requirement', remove_requirement: 'Remove this requirement', thresholds: 'Lowest grading score per band', band_rule: 'Band rule',
    other: 'Other blocks', contributions: 'Social insurance and housing fund (take-home)', scorecard: 'Target scorecard',
    add_item: '+ item', add_block: 'Add this block with the defaults', absent_block: 'This block is absent: the defaults apply.',
    default_hint: 'default {v}', remove: 'Remove', yes: 'yes',
    remove_x: 'Remove {x}', bracket_n: 'bracket {n}', row_n: 'row {n}', row_rating: 'row {n} ({r})', item_n: '{c}, item {n}',
    requirements_of: 'the requirements of {l}', rating_is: 'Rating id ({r})', rating_id: 'Rating id', level_id: 'Level id',
  },
};

const ENUMS = {
  'rounding.mode': ['half_up', 'half_even', 'down', 'up'],
  'rural_uplift.scope': ['ladder', 'level'],
  'seniority.mode': ['flat', 'marginal'],
  'seniority.leap_day_anniversary': ['feb_28', 'mar_01'],
  'evaluation.missing_scores': ['error', 'renormalize'],
  'performance.mode': ['fixed_base', 'pool'],
  'performance.assessment.mode': ['table', 'linear'],
  'quota.headcount': ['all', 'graded'],
  'quota.seat_rounding': ['floor', 'half_up', 'ceil'],
  'assignment.bands': ['thirds', 'thresholds'],
  education: ['none', 'secondary', 'associate', 'bachelor', 'master', 'doctorate'],
};
// Labels of the generic renderer (contributions, scorecard, fields a renderer does not
// know), by JSON key; `block.key` first where a key means something else in that block.
// Never the editor's own labels (`base` here is a contribution base, not the performance
// base). A key in neither table shows as written.
const KEYS = {
  zh: {
    city: '城市', effective_from: '生效日期', 'contributions.base': '社保缴费基数', housing_fund_base: '公积金缴费基数',
    'contributions.floor': '下限', 'contributions.cap': '上限', schemes: '社会保险险种', scheme: '险种',
    employee_rate: '个人缴费比例', employer_rate: '单位缴费比例', employee_fixed: '个人每月固定金额',
    housing_fund: '住房公积金', bonus_separate_until: '年终奖单独计税截止日',
    name: '名称', indicators: '考核指标', id: '编号', name_zh: '中文名称', name_en: '英文名称', weight: '权重', unit: '单位',
    direction: '方向', 'scorecard.floor': '达成率下限（低于计零分）', 'scorecard.cap': '达成率上限（封顶）',
    target: '目标', actual: '完成', months: '月份', label_zh: '中文名称', label_en: '英文名称',
  },
  en: {
    city: 'City', effective_from: 'Effective from', 'contributions.base': 'Social insurance base', housing_fund_base: 'Housing fund base',
    'contributions.floor': 'Floor', 'contributions.cap': 'Cap', schemes: 'Social insurance schemes', scheme: 'Scheme',
    employee_rate: 'Employee rate', employer_rate: 'Employer rate', employee_fixed: 'Employee fixed amount per month',
    housing_fund: 'Housing fund', bonus_separate_until: 'Bonus taxed separately until',
    name: 'Name', indicators: 'Indicators', id: 'Id', name_zh: 'Chinese name', name_en: 'English name', weight: 'Weight', unit: 'Unit',
    direction: 'Direction', 'scorecard.floor': 'Achievement floor (below it scores zero)', 'scorecard.cap': 'Achievement cap',
    target: 'Target', actual: 'Actual', months: 'Months', label_zh: 'Chinese name', label_en: 'English name',
  },
};
// Choice lists of the generic renderer: a scalar under one of these keys, in that block, is
// one of the take-home (`scheme`) or scorecard (`unit`, `direction`) enum names (./words.js).
const BLOCK_ENUMS = { scheme: 'contributions', unit: 'scorecard', direction: 'scorecard' };
const EMPLOYMENT = idsOf('employment');
const COMPONENTS = idsOf('component');
const WEIGHTS = ['business', 'customer_satisfaction', 'supplier', 'self', 'marketing_audit'];
const KNOWN = ['format', 'name', 'currency', 'rounding', 'ladder', 'seniority', 'rural_uplift', 'evaluation', 'performance',
  'proration', 'quota', 'assignment'];

// ---------- paths and values ----------
/** The engine's path text for a list of keys: `ladder[2].bands[1].coefficient`. */
export function pathText(keys) {
  let out = '';
  for (const k of keys) out += typeof k === 'number' ? `[${k}]` : out === '' ? k : `.${k}`;
  return out;
}
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
function getAt(obj, keys) {
  let v = obj;
  for (const k of keys) { if (v === null || typeof v !== 'object') return undefined; v = v[k]; }
  return v;
}
function setAt(obj, keys, value) {
  let v = obj;
  keys.slice(0, -1).forEach((k, i) => {
    if (v[k] === null || typeof v[k] !== 'object') v[k] = typeof keys[i + 1] === 'number' ? [] : {};
    v = v[k];
  });
  v[keys[keys.length - 1]] = value;
}
function deleteAt(obj, keys) {
  const parent = getAt(obj, keys.slice(0, -1));
  if (parent && typeof parent === 'object') delete parent[keys[keys.length - 1]];
}
const show = (v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Exact decimal sum of decimal texts (no binary floats); null when one is not a number. */
export function decimalSum(values) {
  const parts = [];
  for (const raw of values) {
    const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(show(raw));
    if (!m || (m[2] === '' && !m[3])) return null;
    parts.push({ neg: m[1] === '-', int: m[2] || '0', frac: m[3] ?? '' });
  }
  const scale = Math.max(2, ...parts.map((p) => p.frac.length));
  let total = 0n;
  for (const p of parts) {
    const n = BigInt(p.int + p.frac.padEnd(scale, '0'));
    total += p.neg ? -n : n;
  }
  const neg = total < 0n;
  const digits = (neg ? -total : total).toString().padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
const isOne = (s) => s !== null && /^1\.0*$/.test(s);

// ---------- DOM ----------
function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'className' || k === 'textContent' || k === 'value' || k === 'type' || k === 'checked' || k === 'open') e[k] = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'data') for (const [dk, dv] of Object.entries(v)) e.dataset[dk] = dv;
    else e.setAttribute(k, v === true ? '' : v);
  }
  e.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return e;
}

/**
 * Mount the editor in `container`. `onChange(policy)` hears every edit (a fresh clone);
 * `defaults` is the policy whose values show as placeholders of absent fields.
 * @param {HTMLElement} container
 * @param {{ lang?: string, onChange?: (policy: object) => void, defaults?: object | null }} [options]
 */
export function mountPolicyEditor(container, { lang = 'zh', onChange = () => {}, defaults = null } = {}) {
  let L = TEXT[lang] ? lang : 'zh';
  let policy = null;
  let base = defaults;
  let lastError = null;
  const open = new Set(['ladder', 'evaluation']);
  const t = (k, vars = {}) => Object.entries(vars).reduce((s, [n, v]) => s.replace(`{${n}}`, v), TEXT[L][k] ?? k);
  const ladderOf = () => (Array.isArray(policy?.ladder) ? policy.ladder : []);
  const levelWord = (level) => levelName(L, level, ladderOf());

  // ---------- words for places (tooltips, button names) ----------
  /** The label of the key at the end of `keys` (its block's own meaning first). */
  function keyLabel(keys) {
    const k = String(keys[keys.length - 1]);
    const block = String(keys[0]);
    const K = KEYS[L];
    return K[`${block}.${k}`] ?? (KNOWN.includes(block) || keys.length === 1 ? TEXT[L][k] : undefined) ?? K[k]
      ?? (L === 'zh' ? k : k.replace(/_/g, ' '));
  }
  const isBands = (keys) => keys.length === 3 && keys[0] === 'ladder' && typeof keys[1] === 'number' && keys[2] === 'bands';
  /** The name of item `i` of the array at `keys`: a level, a band, a bracket, a row, a scheme, an indicator. */
  function itemName(keys, i) {
    const item = getAt(policy, [...keys, i]);
    const p = pathText(keys);
    if (p === 'ladder') return isObj(item) && item.level !== undefined && item.level !== '' ? levelWord(item.level) : t('level_n', { n: i + 1 });
    if (isBands(keys)) return bandName(L, getAt(policy, [...keys.slice(0, 2), 'level']), isObj(item) ? item.band : '', ladderOf());
    if (p === 'seniority.brackets') return t('bracket_n', { n: i + 1 });
    if (p === 'performance.assessment.table') {
      const r = isObj(item) ? ratingWord(item) : '';
      return r ? t('row_rating', { n: i + 1, r }) : t('row_n', { n: i + 1 });
    }
    if (p === 'contributions.schemes' && isObj(item) && typeof item.scheme === 'string') return word(L, 'scheme', item.scheme);
    if (p === 'scorecard.indicators' && isObj(item)) {
      const own = item[L === 'zh' ? 'name_zh' : 'name_en'] ?? item.id;
      if (typeof own === 'string' && own.trim() !== '') return own;
    }
    return t('item_n', { c: keyLabel(keys), n: i + 1 });
  }
  /** A rating's display name: the row's own label_zh/label_en, else the default ratings' names; '' for another id. */
  function ratingWord(row) {
    const own = row[L === 'zh' ? 'label_zh' : 'label_en'];
    if (typeof own === 'string' && own.trim() !== '') return own;
    return typeof row.rating === 'string' && idsOf('rating').includes(row.rating) ? word(L, 'rating', row.rating) : '';
  }
  /** Where `keys` is, in words, without its last key: 年功工资 · 第 2 段; 中级 B档; 社保与公积金 · 社保缴费基数. */
  function placeOf(keys) {
    const parts = [];
    const known = KNOWN.includes(String(keys[0]));
    keys.slice(0, -1).forEach((k, i) => {
      const up = keys.slice(0, i);
      if (typeof k === 'number') {
        if (isBands(up)) parts[parts.length - 1] = itemName(up, k); // the band names its level: 中级 B档
        else parts.push(itemName(up, k));
      } else if (up.length === 0) {
        if (typeof keys[1] !== 'number') parts.push(t(k)); // the block (not the ladder: its levels say it)
      } else if (pathText(up) === 'assignment.requirements') parts.push(levelWord(k));
      else if (!known && typeof keys[i + 1] !== 'number') parts.push(keyLabel([...up, k]));
    });
    return parts;
  }
  /** A control's tooltip: its place and its label. */
  const titleOf = (keys, label) => [...placeOf(keys), label].join(' · ');
  /** What a remove button removes, in words: 中级 B档, 第 2 段, 养老保险. */
  const thing = (keys) => {
    const last = keys[keys.length - 1];
    if (typeof last === 'number') return itemName(keys.slice(0, -1), last);
    if (pathText(keys.slice(0, -1)) === 'assignment.requirements') return t('requirements_of', { l: levelWord(last) });
    return keyLabel(keys);
  };
  const root = el('div', { className: 'pe' });
  container.replaceChildren(root);

  function changed({ rerender = false } = {}) {
    if (rerender) render();
    else refreshSums();
    onChange(clone(policy));
  }

  // ---------- controls ----------
  /**
   * One labelled control bound to `keys`. kind: text | amount | amount? (empty ⇒ null) |
   * int | int? (empty ⇒ null) | select | bool | json (a generic scalar). A select offers
   * `values` (default: the ids of `words`), each shown by its display name of kind `words`.
   * @param {(string | number)[]} keys
   * @param {string} kind
   * @param {{ label?: string, values?: string[], words?: string, wide?: boolean, onSet?: (v: unknown) => void, placeholder?: string }} [options]
   */
  function field(keys, kind, { label, values, words, wide, onSet, placeholder } = {}) {
    const path = pathText(keys);
    const value = getAt(policy, keys);
    const dflt = getAt(base, keys);
    const name = label ?? t(String(keys[keys.length - 1]));
    const title = titleOf(keys, name);
    let control;
    const write = (v, rerender = false) => {
      if (v === undefined) deleteAt(policy, keys); else setAt(policy, keys, v);
      onSet?.(v);
      changed({ rerender });
    };
    if (kind === 'select') {
      const opts = [...(values ?? idsOf(words))];
      if (value !== undefined && value !== null && !opts.includes(value)) opts.push(show(value));
      const shown = (v) => (words ? word(L, words, v) : show(v));
      control = el('select', { data: { path }, title });
      if (value === undefined) control.append(new Option(`— ${dflt !== undefined ? t('default_hint', { v: shown(dflt) }) : ''}`, ''));
      control.append(...opts.map((o) => new Option(shown(o), o)));
      control.value = value === undefined ? '' : show(value);
      control.addEventListener('change', () => write(control.value === '' ? undefined : control.value, true));
    } else if (kind === 'bool') {
      control = el('input', { type: 'checkbox', checked: value === undefined ? dflt === true : value === true, data: { path }, title });
      control.addEventListener('change', () => write(control.checked));
      return el('label', { className: 'pe-check' }, control, el('span', { textContent: name }));
    } else {
      control = el('input', {
        value: show(value), data: { path }, title, spellcheck: 'false', autocomplete: 'off',
        inputmode: kind.startsWith('int') ? 'numeric' : kind.startsWith('amount') ? 'decimal' : undefined,
        placeholder: value === undefined && dflt !== undefined && !isObj(dflt) ? t('default_hint', { v: show(dflt) }) : placeholder ?? (kind.endsWith('?') ? '—' : undefined),
        className: wide ? 'pe-wide' : kind === 'text' ? 'pe-text' : undefined,
      });
      control.addEventListener('input', () => {
        const s = control.value;
        const blank = s.trim() === '';
        if (kind === 'int' || kind === 'int?') write(blank ? (kind === 'int?' ? null : undefined) : /^\s*-?\d+\s*$/.test(s) ? Number(s) : s);
        else if (kind === 'amount?') write(blank ? null : s);
        else if (kind === 'json') {
          // A generic scalar keeps its type: numbers stay numbers, null stays null when empty.
          if (blank && (value === null || typeof value !== 'string')) write(null);
          else if (typeof value === 'number' && /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(s)) write(Number(s));
          else write(s);
        } else write(blank && value === undefined ? undefined : s);
      });
    }
    return el('label', { className: 'pe-field' }, el('span', { textContent: name }), control);
  }
  /** A select of the enum `kind` (an ENUMS key) at `keys`. */
  const choice = (keys, kind, options = {}) => field(keys, 'select', { values: ENUMS[kind], words: kind, ...options });

  /** Checkboxes for an array of enum values (eligible_employment, components), shown by their names of kind `words`. */
  function checklist(keys, values, words) {
    const path = pathText(keys);
    const legend = t(String(keys[keys.length - 1]));
    const current = getAt(policy, keys);
    const list = Array.isArray(current) ? current : Array.isArray(getAt(base, keys)) ? getAt(base, keys) : [];
    const all = [...values, ...list.filter((v) => !values.includes(v)).map(show)];
    const boxes = all.map((v) => {
      const box = el('input', { type: 'checkbox', checked: list.includes(v), value: v, data: { path }, title: titleOf(keys, `${legend} · ${word(L, words, v)}`) });
      box.addEventListener('change', () => {
        const next = all.filter((x, i) => boxes[i].checked);
        setAt(policy, keys, next);
        changed();
      });
      return box;
    });
    return el('fieldset', { className: 'pe-group', data: { path } }, el('legend', { textContent: legend }),
      el('div', { className: 'pe-row' }, all.map((v, i) => el('label', { className: 'pe-check' }, boxes[i], el('span', { textContent: word(L, words, v) })))));
  }

  /** A button; a bare × is named (aria-label) and titled by what it removes, in words. */
  function button(text, action, target, onclick, cls = 'pe-add') {
    const name = text === '×' ? t('remove_x', { x: thing(target) }) : undefined;
    return el('button', { type: 'button', className: `ghost ${cls}`, textContent: text, data: { action, target: pathText(target) }, onclick,
      'aria-label': name, title: name });
  }

  function weightsGroup(keys, names) {
    const path = pathText(keys);
    const sum = el('output', { className: 'pe-sum', data: { sum: path } });
    return el('fieldset', { className: 'pe-group', data: { path } }, el('legend', { textContent: t('weights') }),
      el('div', { className: 'pe-row' }, names.map((n) => field([...keys, n], 'amount')), sum));
  }
  function refreshSums() {
    for (const out of root.querySelectorAll('output[data-sum]')) {
      const keys = out.dataset.sum.split('.');
      const w = getAt(policy, keys);
      const s = isObj(w) ? decimalSum(Object.values(w)) : null;
      const ok = isOne(s);
      out.textContent = t(ok ? 'sum' : 'sum_off', { s: s ?? '—' });
      out.classList.toggle('off', !ok);
    }
  }

  /** Everything in `obj` (at `keys`) that a specialised renderer did not show. */
  function rest(keys, known) {
    const obj = getAt(policy, keys);
    if (!isObj(obj)) return [];
    return Object.keys(obj).filter((k) => !known.includes(k)).map((k) => generic([...keys, k]));
  }

  // ---------- the generic renderer (contributions, scorecard, unknown fields) ----------
  function generic(keys, label, bare = false) {
    const v = getAt(policy, keys);
    const path = pathText(keys);
    const name = label ?? keyLabel(keys);
    if (Array.isArray(v)) {
      const rows = v.map((item, i) => el('div', { className: 'pe-item' },
        isObj(item) || Array.isArray(item) ? generic([...keys, i], itemName(keys, i)) : field([...keys, i], 'json', { label: `${i + 1}` }),
        button('×', 'remove-item', [...keys, i], () => { v.splice(i, 1); changed({ rerender: true }); }, 'pe-remove')));
      return el('fieldset', { className: 'pe-group pe-array', data: { path } }, el('legend', { textContent: name }), rows,
        button(t('add_item'), 'add-item', keys, () => { v.push(v.length ? blankLike(v[v.length - 1]) : ''); changed({ rerender: true }); }));
    }
    if (isObj(v)) {
      const scalars = Object.keys(v).filter((k) => !isObj(v[k]) && !Array.isArray(v[k]));
      const nested = Object.keys(v).filter((k) => isObj(v[k]) || Array.isArray(v[k]));
      const body = [scalars.length ? el('div', { className: 'pe-row' }, scalars.map((k) => scalar([...keys, k]))) : null,
        nested.map((k) => generic([...keys, k]))];
      return bare ? el('div', { className: 'pe-bare' }, body) : el('fieldset', { className: 'pe-group', data: { path } }, el('legend', { textContent: name }), body);
    }
    return el('div', { className: 'pe-row' }, scalar(keys, name));
  }
  /** One scalar of the generic renderer: a choice list for a block's enum key, else a field of its type. */
  function scalar(keys, label = keyLabel(keys)) {
    const v = getAt(policy, keys);
    const k = keys[keys.length - 1];
    if (typeof k === 'string' && BLOCK_ENUMS[k] === keys[0] && typeof v === 'string') return field(keys, 'select', { label, words: k });
    return field(keys, typeof v === 'boolean' ? 'bool' : 'json', { label, wide: typeof v === 'string' && v.length > 24 });
  }
  /** A new array item shaped like `x`: same keys, copied values (a copy is valid and is edited after). */
  const blankLike = (x) => clone(x);

  // ---------- the sections ----------
  function section(key, title, body) {
    const d = el('details', { className: 'pe-block', open: open.has(key), data: key === 'general' ? { block: key } : { block: key, path: key } },
      el('summary', { textContent: title }), el('div', { className: 'pe-body' }, body));
    d.addEventListener('toggle', () => { if (d.open) open.add(key); else open.delete(key); });
    return d;
  }
  /** A known block: its renderer when it is an object, a note and a button when absent, generic otherwise. */
  function block(key, render) {
    const v = policy[key];
    if (v === undefined) {
      return [el('p', { className: 'note', textContent: t('absent_block') }),
        base && base[key] !== undefined ? button(t('add_block'), 'add-block', [key], () => { policy[key] = clone(base[key]); open.add(key); changed({ rerender: true }); }) : null];
    }
    if (!isObj(v) && key !== 'ladder') return generic([key]);
    try { return render(); } catch { return generic([key]); }
  }

  function general() {
    return [el('div', { className: 'pe-row' }, field(['format'], 'text'), field(['name'], 'text', { wide: true }), field(['currency'], 'text')),
      isObj(policy.rounding) || policy.rounding === undefined
        ? el('fieldset', { className: 'pe-group', data: { path: 'rounding' } }, el('legend', { textContent: t('rounding') }),
          el('div', { className: 'pe-row' }, field(['rounding', 'scale'], 'int'), choice(['rounding', 'mode'], 'rounding.mode')),
          rest(['rounding'], ['scale', 'mode']))
        : generic(['rounding'])];
  }

  function ladder() {
    const levels = policy.ladder;
    if (!Array.isArray(levels)) return generic(['ladder']);
    const rows = levels.map((lv, i) => {
      const k = ['ladder', i];
      if (!isObj(lv)) return el('div', { className: 'pe-item' }, generic(k));
      const legend = el('legend', { textContent: `${t('level_n', { n: i + 1 })} · ${levelWord(lv.level)}` });
      const banded = Array.isArray(lv.bands);
      const bands = banded ? lv.bands.map((b, j) => {
        const bk = [...k, 'bands', j];
        return el('div', { className: 'pe-band', data: { path: pathText(bk) } },
          field([...bk, 'band'], 'text', { label: t('band') }), field([...bk, 'coefficient'], 'amount', { label: t('coefficient') }),
          rest(bk, ['band', 'coefficient']),
          button('×', 'remove-band', bk, () => {
            if (lv.bands.length === 1) { lv.coefficient = lv.bands[0].coefficient; delete lv.bands; } else lv.bands.splice(j, 1);
            changed({ rerender: true });
          }, 'pe-remove'));
      }) : [];
      return el('fieldset', { className: 'pe-level', data: { path: pathText(k) } }, legend,
        el('div', { className: 'pe-row' },
          field([...k, 'level'], 'text', { label: t('level_id'), onSet: (v) => { legend.textContent = `${t('level_n', { n: i + 1 })} · ${levelWord(v)}`; } }),
          field([...k, 'base_wage'], 'amount'), field([...k, 'floating_wage'], 'amount'), field([...k, 'quota_max'], 'amount?', { placeholder: t('no_cap') }),
          !banded || lv.coefficient !== undefined ? field([...k, 'coefficient'], 'amount') : null),
        banded ? el('div', { className: 'pe-bands', data: { path: pathText([...k, 'bands']) } }, el('span', { className: 'pe-sub', textContent: t('bands') }), bands) : null,
        rest(k, ['level', 'base_wage', 'floating_wage', 'quota_max', 'coefficient', 'bands']),
        el('div', { className: 'pe-buttons' },
          button(t('add_band'), 'add-band', k, () => {
            if (!Array.isArray(lv.bands)) {
              lv.bands = [{ band: 'A', coefficient: lv.coefficient ?? '1.00' }];
              delete lv.coefficient;
            } else {
              const used = new Set(lv.bands.map((b) => String(b.band).toUpperCase()));
              const name = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].find((c) => !used.has(c)) ?? `X${lv.bands.length}`;
              const top = lv.bands[lv.bands.length - 1];
              lv.bands.push({ band: name, coefficient: top?.coefficient ?? '1.00' });
            }
            changed({ rerender: true });
          }),
          button(t('remove_level'), 'remove-level', k, () => { levels.splice(i, 1); changed({ rerender: true }); }, 'pe-remove')));
    });
    return [rows, el('div', { className: 'pe-buttons' }, button(t('add_level'), 'add-level', ['ladder'], () => {
      const top = levels[levels.length - 1];
      const used = new Set(levels.map((l) => l?.level));
      let n = levels.length + 1;
      while (used.has(`level${n}`)) n++;
      const lv = { level: `level${n}`, base_wage: top?.base_wage ?? '0.00', floating_wage: top?.floating_wage ?? '0.00', quota_max: null };
      if (Array.isArray(top?.bands)) lv.bands = clone(top.bands); else lv.coefficient = top?.coefficient ?? '1.00';
      levels.push(lv);
      changed({ rerender: true });
    }))];
  }

  function seniority() {
    const s = policy.seniority;
    const bk = ['seniority', 'brackets'];
    const list = s.brackets;
    const rows = Array.isArray(list) ? list.map((b, i) => el('div', { className: 'pe-band', data: { path: pathText([...bk, i]) } },
      field([...bk, i, 'through_year'], 'int?', { placeholder: t('and_above') }), field([...bk, i, 'per_year'], 'amount'), rest([...bk, i], ['through_year', 'per_year']),
      button('×', 'remove-bracket', [...bk, i], () => {
        list.splice(i, 1);
        if (i === list.length && list.length) list[list.length - 1].through_year = null;
        changed({ rerender: true });
      }, 'pe-remove'))) : [];
    return [el('div', { className: 'pe-row' },
      choice(['seniority', 'mode'], 'seniority.mode', { label: t('mode') }), field(['seniority', 'min_years'], 'int'),
      choice(['seniority', 'leap_day_anniversary'], 'seniority.leap_day_anniversary')),
    checklist(['seniority', 'eligible_employment'], EMPLOYMENT, 'employment'),
    list !== undefined && !Array.isArray(list) ? generic(bk) : el('fieldset', { className: 'pe-group', data: { path: pathText(bk) } },
      el('legend', { textContent: t('brackets') }), rows,
      button(t('add_bracket'), 'add-bracket', bk, () => {
        if (!Array.isArray(s.brackets)) s.brackets = [];
        const l = s.brackets;
        if (!l.length) l.push({ through_year: null, per_year: '0.00' });
        else {
          const closed = l.slice(0, -1).map((b) => Number(b.through_year)).filter(Number.isFinite);
          const last = l[l.length - 1];
          l.splice(l.length - 1, 0, { through_year: (closed.length ? Math.max(...closed) : 0) + 5, per_year: last.per_year });
        }
        changed({ rerender: true });
      })),
    rest(['seniority'], ['mode', 'min_years', 'leap_day_anniversary', 'eligible_employment', 'brackets'])];
  }

  function rural() {
    return [el('div', { className: 'pe-row' }, field(['rural_uplift', 'steps'], 'int'),
      choice(['rural_uplift', 'scope'], 'rural_uplift.scope'), field(['rural_uplift', 'floating_follows'], 'bool')),
    rest(['rural_uplift'], ['steps', 'scope', 'floating_follows'])];
  }

  function evaluation() {
    const e = policy.evaluation;
    return [isObj(e.weights) || e.weights === undefined ? weightsGroup(['evaluation', 'weights'], [...WEIGHTS, ...Object.keys(e.weights ?? {}).filter((k) => !WEIGHTS.includes(k))]) : generic(['evaluation', 'weights']),
      el('div', { className: 'pe-row' }, choice(['evaluation', 'missing_scores'], 'evaluation.missing_scores')),
      rest(['evaluation'], ['weights', 'missing_scores'])];
  }

  /** The rating of assessment row `i`, labelled with its display name: 评级（优秀）. */
  function ratingField(tk, i) {
    const label = () => {
      const r = ratingWord(getAt(policy, [...tk, i]) ?? {});
      return r ? t('rating_is', { r }) : t('rating_id');
    };
    const f = field([...tk, i, 'rating'], 'text', { label: label(), onSet: () => { f.firstChild.textContent = label(); } });
    f.classList.add('pe-rating');
    return f;
  }

  function performance() {
    const p = policy.performance;
    const a = p.assessment;
    const tk = ['performance', 'assessment', 'table'];
    const linear = isObj(a) && a.mode === 'linear';
    let assessment;
    if (!isObj(a)) assessment = generic(['performance', 'assessment']);
    else {
      const rows = Array.isArray(a.table) ? a.table.map((r, i) => el('div', { className: 'pe-band', data: { path: pathText([...tk, i]) } },
        field([...tk, i, 'min_score'], 'amount'), field([...tk, i, 'factor'], 'amount', { label: t('factor_short') }), ratingField(tk, i), rest([...tk, i], ['min_score', 'factor', 'rating']),
        button('×', 'remove-row', [...tk, i], () => { a.table.splice(i, 1); changed({ rerender: true }); }, 'pe-remove'))) : [];
      assessment = el('fieldset', { className: 'pe-group', data: { path: 'performance.assessment' } }, el('legend', { textContent: t('assessment') }),
        el('div', { className: 'pe-row' }, choice(['performance', 'assessment', 'mode'], 'performance.assessment.mode', { label: t('assessment_mode') })),
        linear ? el('p', { className: 'note', textContent: t('linear_note') }) : null,
        a.table !== undefined && !Array.isArray(a.table) ? generic(tk) : el('fieldset', { className: `pe-group${linear ? ' pe-unused' : ''}`, data: { path: pathText(tk) } },
          el('legend', { textContent: t('table') }), rows,
          button(t('add_row'), 'add-row', tk, () => {
            if (!Array.isArray(a.table)) a.table = [];
            const l = a.table;
            const last = l[l.length - 1];
            const prev = l[l.length - 2];
            if (!last) l.push({ min_score: '0', factor: '1.00', rating: 'all' });
            else {
              const hi = Number(prev?.min_score ?? 100);
              const lo = Number(last.min_score);
              const mid = Number.isFinite(hi) && Number.isFinite(lo) ? String(Math.floor((hi + lo) / 2)) : '';
              l.splice(l.length - 1, 0, { min_score: mid, factor: last.factor, rating: `${last.rating}_${l.length}` });
            }
            changed({ rerender: true });
          })),
        rest(['performance', 'assessment'], ['mode', 'table']));
    }
    return [el('div', { className: 'pe-row' },
      choice(['performance', 'mode'], 'performance.mode', { label: t('mode'), onSet: (v) => { if (v !== 'pool') delete p.pool; } }),
      field(['performance', 'base'], 'amount'),
      p.mode === 'pool' || p.pool !== undefined ? field(['performance', 'pool'], 'amount', { onSet: (v) => { if (v === '' || v === undefined) delete p.pool; } }) : null),
    assessment, rest(['performance'], ['mode', 'base', 'pool', 'assessment'])];
  }

  function proration() {
    return [el('div', { className: 'pe-row' }, field(['proration', 'standard_days'], 'amount')),
      checklist(['proration', 'components'], COMPONENTS, 'component'), rest(['proration'], ['standard_days', 'components'])];
  }

  function quota() {
    return [el('div', { className: 'pe-row' }, choice(['quota', 'headcount'], 'quota.headcount'),
      choice(['quota', 'seat_rounding'], 'quota.seat_rounding')), rest(['quota'], ['headcount', 'seat_rounding'])];
  }

  function assignment() {
    const a = policy.assignment;
    const rk = ['assignment', 'requirements'];
    let reqs;
    if (a.requirements !== undefined && !isObj(a.requirements)) reqs = generic(rk);
    else {
      const r = a.requirements ?? {};
      const missing = (Array.isArray(policy.ladder) ? policy.ladder : []).filter((l) => isObj(l) && Array.isArray(l.bands) && typeof l.level === 'string' && !(l.level in r)).map((l) => l.level);
      const pick = el('select', { 'aria-label': t('level'), title: t('level') }, missing.map((m) => new Option(levelWord(m), m)));
      reqs = el('fieldset', { className: 'pe-group', data: { path: pathText(rk) } }, el('legend', { textContent: t('requirements') }),
        Object.keys(r).map((lv) => el('div', { className: 'pe-band pe-req', data: { path: pathText([...rk, lv]) } },
          el('span', { className: 'pe-key', textContent: levelWord(lv) }),
          isObj(r[lv]) ? [choice([...rk, lv, 'min_education'], 'education'), field([...rk, lv, 'min_years_of_work'], 'int'),
            field([...rk, lv, 'min_years_in_post'], 'int'), rest([...rk, lv], ['min_education', 'min_years_of_work', 'min_years_in_post'])] : generic([...rk, lv]),
          button('×', 'remove-requirement', [...rk, lv], () => { delete r[lv]; changed({ rerender: true }); }, 'pe-remove'))),
        missing.length ? el('div', { className: 'pe-buttons' }, pick, button(t('add_requirement'), 'add-requirement', rk, () => {
          if (!pick.value) return;
          setAt(policy, [...rk, pick.value], { min_education: 'none', min_years_of_work: 0, min_years_in_post: 0 });
          changed({ rerender: true });
        })) : null);
    }
    const bandsField = field(['assignment', 'bands'], 'select', {
      values: ENUMS['assignment.bands'], words: 'assignment.bands', label: t('band_rule'),
      onSet: (v) => { if (v === 'thresholds' && !isObj(a.thresholds)) a.thresholds = { A: '', B: '' }; else if (v !== 'thresholds') delete a.thresholds; },
    });
    return [isObj(a.weights) || a.weights === undefined ? weightsGroup(['assignment', 'weights'], ['exam', 'review', ...Object.keys(a.weights ?? {}).filter((k) => !['exam', 'review'].includes(k))]) : generic(['assignment', 'weights']),
      reqs, el('div', { className: 'pe-row' }, bandsField),
      a.thresholds !== undefined ? (isObj(a.thresholds)
        ? el('fieldset', { className: 'pe-group', data: { path: 'assignment.thresholds' } }, el('legend', { textContent: t('thresholds') }),
          el('div', { className: 'pe-row' }, Object.keys(a.thresholds).map((b) => field(['assignment', 'thresholds', b], 'amount', { label: `${t('band')} ${b}` }))))
        : generic(['assignment', 'thresholds'])) : null,
      rest(['assignment'], ['weights', 'requirements', 'bands', 'thresholds'])];
  }

  function render() {
    if (!policy) { root.replaceChildren(); return; }
    const s = (key, fn) => section(key, t(key), block(key, fn));
    const others = Object.keys(policy).filter((k) => !KNOWN.includes(k));
    root.replaceChildren(
      section('general', t('general'), general()),
      s('ladder', ladder), s('seniority', seniority), s('rural_uplift', rural), s('evaluation', evaluation),
      s('performance', performance), s('proration', proration), s('quota', quota), s('assignment', assignment),
      ...others.map((k) => section(k, t(k), generic([k], t(k), true))),
    );
    refreshSums();
    if (lastError) mark(lastError.path, lastError.message);
  }

  // ---------- errors at their field ----------
  function clearMarks() {
    for (const e of root.querySelectorAll('.pe-error')) e.remove();
    for (const e of root.querySelectorAll('[aria-invalid]')) e.removeAttribute('aria-invalid');
    for (const e of root.querySelectorAll('.pe-invalid')) e.classList.remove('pe-invalid');
  }
  function mark(path, message) {
    clearMarks();
    const all = [...root.querySelectorAll('[data-path]')];
    let targets = all.filter((e) => e.dataset.path === path);
    if (!targets.length) {
      let best = '';
      for (const e of all) {
        const p = e.dataset.path;
        if (p.length > best.length && path.startsWith(p) && ['.', '['].includes(path[p.length])) best = p;
      }
      targets = best ? all.filter((e) => e.dataset.path === best) : [];
    }
    const controls = targets.filter((e) => ['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName));
    const boxes = targets.filter((e) => !controls.includes(e));
    const msg = el('span', { className: 'field-error pe-error', textContent: message, data: { for: path } });
    let anchor;
    if (controls.length === 1 && !boxes.length) {
      controls[0].setAttribute('aria-invalid', 'true');
      controls[0].after(msg);
      anchor = controls[0];
    } else {
      const box = boxes[0] ?? controls[0]?.closest('[data-path]:not(input):not(select)') ?? root;
      box.classList.add('pe-invalid');
      const inside = box === root ? [] : box.querySelectorAll('input, select');
      for (const c of [...controls, ...inside]) c.setAttribute('aria-invalid', 'true');
      if (box.tagName === 'DETAILS') box.querySelector('.pe-body').prepend(msg); else box.append(msg);
      anchor = box;
    }
    for (let d = anchor.closest('details'); d; d = d.parentElement?.closest('details')) {
      d.open = true;
      if (d.dataset.block) open.add(d.dataset.block);
    }
  }

  return {
    /** Show a policy (an object); anything else is ignored and the last good one stays. */
    set(next) {
      if (!isObj(next)) return false;
      policy = clone(next);
      render();
      return true;
    },
    setDefaults(d) { base = isObj(d) ? clone(d) : null; render(); },
    get: () => clone(policy),
    showError(path, message) { lastError = { path: path ?? '', message: message ?? '' }; mark(lastError.path, lastError.message); },
    clearErrors() { lastError = null; clearMarks(); },
    relabel(next) { if (TEXT[next]) L = next; render(); },
    root,
  };
}
