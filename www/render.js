// The page's renderers: the engine's facts (explanation terms, assignment reasons, policy
// differences, warnings, scorecard lines, take-home notes) in Chinese or English. The
// engine sends no sentences; the CLI and exports render the same facts with the Rust
// crate `paygrade-text`, and `tests/e2e/render.test.mjs` holds both to the corpus
// `tests/fixtures/render/corpus.json`, string for string. Each function is separate so
// a page bundles only what it uses.

const LEVELS = {
  zh: { trainee: '见习', junior: '初级', intermediate: '中级', senior: '高级' },
  en: { trainee: 'Trainee', junior: 'Junior', intermediate: 'Intermediate', senior: 'Senior' },
};
const EMPLOYMENT = { zh: { regular: '在册职工', contract: '聘用工' }, en: { regular: 'regular staff', contract: 'contract staff' } };
const EDUCATION = {
  zh: { none: '无', secondary: '中专/高中', associate: '大专', bachelor: '本科', master: '硕士', doctorate: '博士' },
  en: { none: 'none', secondary: 'secondary', associate: 'associate degree', bachelor: "bachelor's degree", master: "master's degree", doctorate: 'doctorate' },
};

/** @typedef {'zh' | 'en'} Lang */
/** @typedef {{ level: string, label_zh?: string, label_en?: string }[] | undefined} Ladder */

/** A level's display name: the policy's own label, the default name, or the id.
 * @param {string} id @param {Lang} lang @param {Ladder} [ladder] */
export function levelName(id, lang, ladder) {
  const own = ladder?.find((l) => l.level === id);
  return (lang === 'zh' ? own?.label_zh : own?.label_en) ?? LEVELS[lang][id] ?? id;
}

/** A level and band: 中级 B档 / Intermediate B.
 * @param {string} level @param {string | null | undefined} band @param {Lang} lang @param {Ladder} [ladder] */
export function levelBand(level, band, lang, ladder) {
  const name = levelName(level, lang, ladder);
  return band ? (lang === 'zh' ? `${name} ${band}档` : `${name} ${band}`) : name;
}

/** One explanation term: `12 × 6.00 = 72.00`, `0（在册职工不享受年功工资） = 0.00`.
 * @param {any} term @param {Lang} lang @param {Ladder} [ladder] */
export function explainText(term, lang, ladder) {
  let out;
  switch (term.rule) {
    case 'wage':
      out = term.level ? (lang === 'zh' ? `${term.amount}（按${levelName(term.level, lang, ladder)}）` : `${term.amount} (${levelName(term.level, lang, ladder)})`) : term.amount;
      break;
    case 'flat': out = `${term.years} × ${term.per_year}`; break;
    case 'marginal': out = term.parts.length ? term.parts.map((p) => `${p.years} × ${p.per_year}`).join(' + ') : '0'; break;
    case 'not_eligible':
      out = term.reason === 'employment'
        ? (lang === 'zh' ? `0（${EMPLOYMENT.zh[term.employment]}不享受年功工资）` : `0 (${EMPLOYMENT.en[term.employment]} not eligible)`)
        : (lang === 'zh' ? `0（岗位年限 ${term.years} 年，未满 ${term.min_years} 年）` : `0 (${term.years} < ${term.min_years} years)`);
      break;
    case 'fixed_base': out = `${term.base} × ${term.coefficient} × ${term.factor}`; break;
    case 'pool_share': return `${term.pool} × ${term.weight} ÷ ${term.weight_sum} → ${term.value}`;
    default: out = '';
  }
  if (term.proration) out += ` × ${term.proration.paid_days} ÷ ${term.proration.standard_days}`;
  return `${out} = ${term.value}`;
}

/** One reason a person was not placed higher: 高级：学历须本科及以上（现为大专）.
 * @param {any} r @param {Lang} lang @param {Ladder} [ladder] */
export function reasonText(r, lang, ladder) {
  const level = levelName(r.level, lang, ladder);
  let why;
  if (r.reason === 'no_seat') why = lang === 'zh' ? '名额已满' : 'no seat left';
  else if (r.requirement === 'min_education') {
    why = lang === 'zh' ? `学历须${EDUCATION.zh[r.required]}及以上（现为${EDUCATION.zh[r.actual]}）` : `${EDUCATION.en[r.required]} or higher needed (has ${EDUCATION.en[r.actual]})`;
  } else if (r.requirement === 'min_years_of_work') {
    why = lang === 'zh' ? `工作年限须满 ${r.required} 年（现为 ${r.actual} 年）` : `${r.required} years of work needed (has ${r.actual})`;
  } else {
    why = lang === 'zh' ? `岗位年限须满 ${r.required} 年（现为 ${r.actual} 年）` : `${r.required} years in post needed (has ${r.actual})`;
  }
  return `${level}${lang === 'zh' ? '：' : ': '}${why}`;
}

/** All of a person's reasons, highest level first; `—` when none.
 * @param {any[] | undefined} rs @param {Lang} lang @param {Ladder} [ladder] */
export function reasonsText(rs, lang, ladder) {
  return rs?.length ? rs.map((r) => reasonText(r, lang, ladder)).join(lang === 'zh' ? '；' : '; ') : '—';
}

// Field labels, as `paygrade-text` has them: a person's fields (My pay's errors name
// them) and the policy's (the policy diff; the team page's errors come worded by the
// engine). Apart so that My pay's bundle carries only the first.
const PAY_FIELDS = {
  id: ['工号', 'id'], employment: ['用工性质', 'employment'], years_in_post: ['岗位年限', 'years in post'], post_start: ['入岗日期', 'post start'],
  rural: ['农村', 'rural'], scores: ['五项评分', 'scores'], composite_score: ['综合得分', 'composite score'], paid_days: ['计薪天数', 'paid days'],
  grading: ['定级评分', 'grading'], education: ['学历', 'education'], years_of_work: ['工作年限', 'years of work'], as_of: ['计薪日期', 'pay date'],
  employee: ['员工', 'employee'], policy: ['政策', 'policy'],
};
const FIELDS = /* @__PURE__ */ Object.assign({}, PAY_FIELDS, {
  format: ['格式', 'format'], name: ['名称', 'name'], currency: ['币种', 'currency'], rounding: ['舍入', 'rounding'],
  scale: ['小数位数', 'decimal places'], mode: ['方式', 'mode'], ladder: ['等级表', 'ladder'], level: ['等级', 'level'],
  band: ['档次', 'band'], bands: ['档次表', 'bands'], base_wage: ['基本岗位工资', 'base wage'], floating_wage: ['岗位浮动工资', 'floating wage'],
  quota_max: ['名额上限', 'quota cap'], coefficient: ['效益工资系数', 'coefficient'], label_zh: ['中文名称', 'Chinese name'],
  label_en: ['英文名称', 'English name'], rural_uplift: ['农村客户经理加档', 'rural uplift'], steps: ['加档数', 'steps'],
  scope: ['加档范围', 'scope'], floating_follows: ['浮动工资随等级', 'floating wage follows'], seniority: ['年功工资', 'seniority pay'],
  min_years: ['起始年限', 'minimum years'], eligible_employment: ['适用用工性质', 'eligible employment'], brackets: ['年限分段', 'brackets'],
  through_year: ['截至年限', 'through year'], per_year: ['每年金额', 'per year'], leap_day_anniversary: ['2月29日入岗的周年日', '29 February anniversary'],
  evaluation: ['五评价', 'evaluation'], weights: ['权重', 'weights'], missing_scores: ['缺少评分时', 'missing scores'],
  business: ['经营业绩', 'business'], customer_satisfaction: ['客户满意度', 'customer satisfaction'], supplier: ['工业企业评价', 'supplier'],
  self: ['自我评价', 'self'], marketing_audit: ['营销部审核评价', 'marketing audit'], performance: ['效益工资', 'performance pay'],
  base: ['效益工资基数', 'performance base'], pool: ['效益工资总额', 'pool'], assessment: ['考核系数表', 'assessment table'],
  min_score: ['最低得分', 'minimum score'], rating: ['评价', 'rating'], factor: ['考核系数', 'assessment factor'], proration: ['按天折算', 'proration'],
  standard_days: ['月计薪天数', 'standard days'], components: ['折算项目', 'components'], quota: ['名额', 'quota'], basis: ['名额基数', 'basis'],
  seat_rounding: ['名额取整', 'seat rounding'], headcount: ['名额计算人数', 'headcount basis'], assignment: ['年度定级', 'assignment'], requirements: ['基本条件', 'requirements'],
  min_education: ['最低学历', 'minimum education'], min_years_of_work: ['最低工作年限', 'minimum years of work'],
  min_years_in_post: ['最低岗位年限', 'minimum years in post'], thresholds: ['分档分数线', 'thresholds'], exam: ['考试成绩', 'exam'],
  review: ['综合评议', 'review'], contributions: ['社保公积金与个税', 'contributions and tax'], city: ['城市', 'city'],
  effective_from: ['生效日期', 'effective from'], schemes: ['社保险种', 'insurance schemes'], scheme: ['险种', 'scheme'],
  employee_rate: ['个人缴费比例', 'employee rate'], employer_rate: ['单位缴费比例', 'employer rate'], employee_fixed: ['个人固定缴费', 'employee fixed amount'],
  housing_fund: ['住房公积金', 'housing fund'], housing_fund_base: ['公积金缴费基数', 'housing fund base'],
  bonus_separate_until: ['年终奖单独计税截止', 'bonus taxed separately until'], floor: ['下限', 'floor'], cap: ['上限', 'cap'],
  scorecard: ['经营业绩计分卡', 'scorecard'], indicators: ['指标', 'indicators'], weight: ['权重', 'weight'], direction: ['方向', 'direction'],
  unit: ['单位', 'unit'], name_zh: ['中文名称', 'Chinese name'], name_en: ['英文名称', 'English name'],
});
// Enumerated ids by their Chinese names, for policy values in a diff (as `paygrade-text`).
const CHOICES_ZH = { regular: '在册职工', contract: '聘用工', none: '无', secondary: '中专/高中', associate: '大专', bachelor: '本科', master: '硕士',
  doctorate: '博士', flat: '按所在段计全部年限', marginal: '分段累进', feb_28: '平年按2月28日', mar_01: '平年按3月1日', half_up: '四舍五入',
  half_even: '四舍六入五成双', down: '直接舍去（向零）', up: '只入不舍（远离零）', floor: '向下取整', ceil: '向上取整', ladder: '可升入上一等级',
  level: '以本等级最高档为限', error: '报错', renormalize: '略去缺项，其余按权重折算', fixed_base: '固定基数', pool: '总额分配', table: '按分档表',
  linear: '线性', all: '全部人员', graded: '仅已定档人员', thirds: '按名次三等分', thresholds: '按评分分数线', base: '基本岗位工资',
  floating: '岗位浮动工资', seniority: '年功工资', performance: '效益工资', zh: '中文', en: '英文' };

/** A group of settings (an object, or a list holding one), not a single value. */
const isGroup = (v) => typeof v === 'object' && v !== null && (!Array.isArray(v) || v.some((x) => typeof x === 'object' && x !== null));

/** A policy value as shown: text as is, numbers exact, `—` for none; a list of values
 * each in words; a group of settings by that name (never its JSON).
 * @param {unknown} v @param {Lang} lang @returns {string} */
function valueText(v, lang) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : (v ? 'yes' : 'no');
  if (typeof v === 'string') return lang === 'zh' ? CHOICES_ZH[v] ?? v : v;
  if (typeof v === 'number') return String(v);
  if (!isGroup(v) && Array.isArray(v)) return v.length ? v.map((x) => valueText(x, lang)).join(lang === 'zh' ? '、' : ', ') : (lang === 'zh' ? '（空）' : '(none)');
  return lang === 'zh' ? '（一组设置）' : '(a group of settings)';
}

/** One changed policy field: 中级 B档 效益工资系数：1.40 → 1.50.
 * @param {any} d @param {Lang} lang @param {Ladder} [ladder] */
export function diffText(d, lang, ladder) {
  let rest = d.path;
  let head = '';
  if (d.level && rest.length >= 2 && typeof rest[1] === 'number') {
    rest = rest.slice(2);
    let band = null;
    if (d.band && rest.length >= 2 && typeof rest[1] === 'number') { band = d.band; rest = rest.slice(2); }
    head = levelBand(d.level, band, lang, ladder);
  }
  // As `paygrade-text`: a default level id as its name, `table` (inside the assessment
  // table) left out, English fields set apart by commas.
  let parent = null;
  const what = rest.filter((k) => k !== 'table').map((k, i) => {
    const word = typeof k === 'number' ? (lang === 'zh' ? `第 ${k + 1} 项` : `item ${k + 1}`)
      // The social-insurance base of the contributions block, not performance's.
      : k === 'base' && parent === 'contributions' ? (lang === 'zh' ? '社保缴费基数' : 'contribution base')
      : FIELDS[k]?.[lang === 'zh' ? 0 : 1] ?? (Object.hasOwn(LEVELS[lang], k) ? LEVELS[lang][k] : k);
    if (typeof k !== 'number') parent = k;
    return i === 0 ? word : `${lang === 'en' && typeof k !== 'number' ? ', ' : ' '}${word}`;
  }).join('');
  const place = head && what ? `${head} ${what}` : head || what;
  const colon = lang === 'zh' ? '：' : ': ';
  // A whole group added or removed (a block such as the take-home table, a level, a band).
  const none = (v) => v === null || v === undefined;
  if (none(d.baseline) && isGroup(d.proposal)) return `${place}${colon}${lang === 'zh' ? '已添加' : 'added'}`;
  if (isGroup(d.baseline) && none(d.proposal)) return `${place}${colon}${lang === 'zh' ? '已删除' : 'removed'}`;
  return `${place}${colon}${valueText(d.baseline, lang)} → ${valueText(d.proposal, lang)}`;
}

const FORMATS = { xls: ['Excel 97–2003（XLS）', 'Excel 97–2003 (XLS)'], ods: ['ODS', 'ODS'], text: ['文本（CSV/制表符分隔）', 'delimited text'], json: ['JSON', 'JSON'], xlsx: ['XLSX', 'XLSX'] };

/** An import or pay warning with its place.
 * @param {{ row: number | null, column: string | null, code: string, params?: Record<string, string> }} w @param {Lang} lang */
export function warningText(w, lang) {
  const p = (k) => w.params?.[k] ?? '';
  const row = w.row ?? 0;
  const column = w.column ?? '';
  const zh = lang === 'zh';
  const fmt = () => (FORMATS[p('format')] ?? FORMATS.xlsx)[zh ? 0 : 1];
  switch (w.code) {
    case 'header_row': return zh ? `表头在第 ${row} 行，已跳过其上方的 ${p('skipped')} 行标题` : `the header is row ${row}; ${p('skipped')} title ${p('skipped') === '1' ? 'row' : 'rows'} above it skipped`;
    case 'unknown_column': return zh ? `未知列 “${column}”，已忽略` : `unknown column "${column}" ignored`;
    case 'format_by_content': return zh ? `文件扩展名为 .${p('extension')}，但内容是${fmt()}，已按内容读取` : `the file is named .${p('extension')} but holds ${fmt()}; read as its content`;
    case 'sheet_without_header_skipped': return zh ? `第一个工作表 “${p('skipped')}” 没有花名册表头（工号、等级、用工性质），已改读工作表 “${p('sheet')}”` : `the first sheet "${p('skipped')}" has no roster header (id, level, employment); read "${p('sheet')}" instead`;
    case 'result_columns_recomputed': return zh ? `文件带有 ${p('count')} 个计算结果列（如 “${column}”），读入时不采用：工资重新计算`
      : p('count') === '1' ? `the file's result column "${column}" is not read: pay is worked out again`
        : `the file's ${p('count')} result columns (such as "${column}") are not read: pay is worked out again`;
    case 'template_example_row': return zh ? `第 ${row} 行是模板的示例行（${p('id')}），仍按一人计算：请删去或改成真实人员` : `row ${row} is the template's example row (${p('id')}), still paid as a person: delete it or overwrite it`;
    case 'two_row_header': return zh ? `表头占两行（第 ${row} 行和第 ${p('second')} 行），已合并读取` : `the header spans two rows (${row} and ${p('second')}), read as one`;
    case 'hidden_sheet_skipped': return zh ? `已跳过隐藏的工作表 “${p('skipped')}”，读取 “${p('sheet')}”` : `hidden sheet(s) "${p('skipped')}" skipped; read "${p('sheet')}"`;
    case 'totals_row_skipped': return zh ? `第 ${row} 行是合计行，已跳过` : `row ${row} is a totals row, skipped`;
    case 'error_cell_ignored': return zh
      ? `第 ${row} 行${column ? `“${column}”列` : ''}的单元格是表格错误值 ${p('value')}，该列不参与计算，已忽略`
      : `row ${row}${column ? `, column ${column},` : ''} holds the spreadsheet error ${p('value')}; the column is not used, ignored`;
    case 'extra_cell': return zh ? `第 ${row} 行有多余的单元格，已忽略` : `row ${row} has cells beyond the header, ignored`;
    case 'pool_undistributed': return zh ? '权重之和为 0，效益工资总额未分配' : 'all weights are 0: the pool was not shared';
    default: return w.code;
  }
}

/** A take-home note (`bonus_separate_ended`, `contribution_table_later`).
 * @param {{ code: string, params: Record<string, string> }} w @param {Lang} lang */
export function takeHomeWarningText(w, lang) {
  const p = w.params;
  switch (w.code) {
    case 'bonus_separate_ended': return lang === 'zh'
      ? `全年一次性奖金单独计税（财政部 税务总局公告 2023 年第 30 号）执行至 ${p.until}，${p.year} 年度不再适用：奖金并入当年综合所得计税。政策延期时请修改“年终奖单独计税截止日”。`
      : `Separate taxation of the annual bonus (Caishui 2023 No. 30) applies through ${p.until}, not to ${p.year}: the bonus is added to the year's comprehensive income. When the rule is extended, change the bonus rule's end date.`;
    case 'contribution_table_later': return lang === 'zh'
      ? `社保公积金表（${p.city}）自 ${p.effective_from} 起执行，晚于 ${p.year} 年度：请换用 ${p.year} 年适用的表。`
      : `The contribution table (${p.city}) takes effect on ${p.effective_from}, after ${p.year}: use the table that applied in ${p.year}.`;
    default: return w.code;
  }
}

/** A scorecard line: 存款 1180 / 1000 = 118.0% → 计 1.18 × 0.30.
 * @param {any} l @param {Lang} lang */
export function scoreLineText(l, lang) {
  const name = lang === 'zh' ? l.name_zh : l.name_en;
  const floor = l.below_floor ? (lang === 'zh' ? `（低于下限 ${l.below_floor}）` : ` < ${l.below_floor} floor`) : '';
  return `${name} ${l.numerator} / ${l.denominator} = ${l.percent}%${floor} → ${lang === 'zh' ? '计' : 'credited'} ${l.credited} × ${l.weight}`;
}

// The error messages My pay's form can meet (its engine module sends facts only): the
// same words as `paygrade-text`; any other code reads as a general message with the code.
const WRONG = {
  zh: { array: '列表', employees: '员工列表', object: '对象', date: '日期（年-月-日）', decimal: '数字', name: '名称', string: '文字', whole: '整数',
    null: '空值', boolean: '是/否', number: '数字' },
  en: { array: 'a list', employees: 'a list of employees', object: 'an object', date: 'a date YYYY-MM-DD', decimal: 'a decimal number', name: 'a name',
    string: 'text', whole: 'a whole number', null: 'null', boolean: 'a boolean', number: 'a number' },
};

/** What an engine error says (without its place), from its code and params.
 * @param {{ code: string, params?: Record<string, string> }} e @param {Lang} lang */
export function errorText(e, lang) {
  const p = e.params ?? {};
  const zh = lang === 'zh';
  const field = (k) => { const l = PAY_FIELDS[k]?.[zh ? 0 : 1]; return zh ? `“${l ?? k}”` : `\`${l ?? k}\``; };
  switch (e.code) {
    case 'invalid_number': return zh ? `不是有效数字：“${p.value}”` : `not a number: "${p.value}"`;
    case 'score_range': return zh ? `分数须在 0 到 100 之间，当前为 ${p.value}` : `score must be from 0 to 100, got ${p.value}`;
    case 'score_fraction': return zh
      ? `分数 ${p.value} 不大于 1，像是百分比（${p.points}% 记作 ${p.value}）：分数按 0–100 填写，请填 ${p.points}（表格中请把该列设为常规或数值格式）；若确为 ${p.value} 分，请写成 ${p.value}分`
      : `score ${p.value} is at most 1, like a percentage (${p.points}% written as ${p.value}): scores are 0–100, so enter ${p.points} (in a spreadsheet, format the column as a number); if it truly is ${p.value} points, write ${p.value} pts`;
    case 'missing_field': return zh ? `缺少${field(p.field)}` : `missing field ${field(p.field)}`;
    case 'paid_days_range': return zh ? `计薪天数须在 0 到 ${p.max} 之间，当前为 ${p.value}` : `paid_days must be from 0 to ${p.max}, got ${p.value}`;
    case 'post_start_after_as_of': return zh ? `入岗日期 ${p.start} 晚于计薪日期 ${p.as_of}` : `post start ${p.start} is after the pay date ${p.as_of}`;
    case 'invalid_date': return zh ? `不是有效日期（年-月-日，1900–2199 年）：“${p.value}”` : `not a valid date (YYYY-MM-DD, years 1900–2199): "${p.value}"`;
    case 'unknown_band': return !p.band ? (zh ? `等级 “${levelName(p.level, lang)}” 须填档次` : `level "${p.level}" needs a band`)
      : zh ? `档次 “${p.band}” 不属于等级 “${levelName(p.level, lang)}”` : `band "${p.band}" is not a band of level "${p.level}"`;
    case 'unknown_level': return zh ? `没有等级 “${p.level}”` : `no level "${p.level}" in the ladder`;
    case 'negative_amount': return zh ? `不能为负数，当前为 ${p.value}` : `must not be negative, got ${p.value}`;
    case 'conflicting_fields': return zh ? `${field(p.field)} 与 ${field(p.other)} 只能填写一个` : `give either ${field(p.field)} or ${field(p.other)}, not both`;
    case 'overflow': return zh ? '金额过大，计算溢出' : 'amount too large: the calculation overflows';
    case 'missing_score': return zh ? '缺少评价分数' : 'evaluation score missing';
    case 'invalid_value':
      if (p.expected) return zh ? `应为${WRONG.zh[p.expected] ?? '其他类型'}，实为${WRONG.zh[p.found] ?? '对象'}` : `expected ${WRONG.en[p.expected] ?? 'another type'}, found ${WRONG.en[p.found] ?? 'an object'}`;
      return zh ? `须为 0 或以上的整数，当前为 “${p.value}”` : `must be a whole number from 0 to 4294967295, got "${p.value}"`;
    default: return zh ? `输入有误（${e.code}）` : `invalid input (${e.code})`;
  }
}
