// Display names of the engine's ids, in Chinese and English: every enum value of a policy
// (and of its take-home and scorecard blocks), the default ladder's level ids and the
// default assessment ratings. The ids stay the data (option values, JSON); these are only
// what a reader sees. A policy's own level ids read as written unless the level carries
// `label_zh` / `label_en`.

/** @typedef {'zh' | 'en'} Lang */

const WORDS = {
  zh: {
    'rounding.mode': { half_up: '四舍五入', half_even: '四舍六入五成双', down: '直接舍去（向零）', up: '只入不舍（远离零）' },
    'rural_uplift.scope': { ladder: '可升入上一等级', level: '以本等级最高档为限' },
    'seniority.mode': { flat: '按所在段计全部年限', marginal: '分段累进' },
    'seniority.leap_day_anniversary': { feb_28: '平年按2月28日', mar_01: '平年按3月1日' },
    'evaluation.missing_scores': { error: '报错（五项须齐全）', renormalize: '略去缺项，其余按权重折算' },
    'performance.mode': { fixed_base: '固定基数', pool: '总额分配（仅花名册）' },
    'performance.assessment.mode': { table: '按分档表', linear: '线性（综合得分 ÷ 100）' },
    'quota.headcount': { all: '全部人员（含见习）', graded: '仅已定档人员' },
    'quota.seat_rounding': { floor: '向下取整', half_up: '四舍五入', ceil: '向上取整' },
    'assignment.bands': { thirds: '按名次三等分', thresholds: '按评分分数线' },
    education: { none: '无', secondary: '中专/高中', associate: '大专', bachelor: '本科', master: '硕士', doctorate: '博士' },
    employment: { regular: '在册职工', contract: '聘用工' },
    component: { base: '基本岗位工资', floating: '岗位浮动工资', seniority: '年功工资', performance: '效益工资' },
    level: { trainee: '见习', junior: '初级', intermediate: '中级', senior: '高级' },
    rating: { excellent: '优秀', good: '良好', qualified: '合格', basically_qualified: '基本合格', unqualified: '不合格' },
    scheme: { pension: '养老保险', medical: '医疗保险', unemployment: '失业保险', injury: '工伤保险', maternity: '生育保险' },
    unit: { yuan: '元', '10k_yuan': '万元', cases: '箱', customers: '户', percent: '百分比', ratio: '比值' },
    direction: { higher_is_better: '越高越好', lower_is_better: '越低越好' },
  },
  en: {
    'rounding.mode': { half_up: 'Round half up', half_even: 'Round half to even', down: 'Round toward zero', up: 'Round away from zero' },
    'rural_uplift.scope': { ladder: 'May rise into the next level', level: 'Up to the top band of the level' },
    'seniority.mode': { flat: 'All years at the reached bracket’s rate', marginal: 'Each year at its own bracket’s rate' },
    'seniority.leap_day_anniversary': { feb_28: '28 February in common years', mar_01: '1 March in common years' },
    'evaluation.missing_scores': { error: 'Error (all five needed)', renormalize: 'Leave out, reweight the rest' },
    'performance.mode': { fixed_base: 'Fixed base', pool: 'Shared pool (roster only)' },
    'performance.assessment.mode': { table: 'From the table', linear: 'Linear (composite ÷ 100)' },
    'quota.headcount': { all: 'Everyone (trainees included)', graded: 'Banded staff only' },
    'quota.seat_rounding': { floor: 'Round down', half_up: 'Round half up', ceil: 'Round up' },
    'assignment.bands': { thirds: 'By rank, in thirds', thresholds: 'By score thresholds' },
    education: { none: 'None', secondary: 'Secondary school', associate: 'Associate degree', bachelor: 'Bachelor’s degree', master: 'Master’s degree', doctorate: 'Doctorate' },
    employment: { regular: 'Regular (on-roll)', contract: 'Contract' },
    component: { base: 'Base wage', floating: 'Floating wage', seniority: 'Seniority pay', performance: 'Performance pay' },
    level: { trainee: 'Trainee', junior: 'Junior', intermediate: 'Intermediate', senior: 'Senior' },
    rating: { excellent: 'Excellent', good: 'Good', qualified: 'Qualified', basically_qualified: 'Basically qualified', unqualified: 'Unqualified' },
    scheme: { pension: 'Pension', medical: 'Medical', unemployment: 'Unemployment', injury: 'Work injury', maternity: 'Maternity' },
    unit: { yuan: 'yuan', '10k_yuan': '10,000 yuan', cases: 'cases', customers: 'customers', percent: 'percent', ratio: 'ratio' },
    direction: { higher_is_better: 'Higher is better', lower_is_better: 'Lower is better' },
  },
};

const langOf = (lang) => (lang === 'en' ? 'en' : 'zh');

/**
 * The display name of an id of `kind` (`seniority.mode`, `education`, `rating`, …);
 * `undefined` when the id is not one the table knows (the caller shows it as written).
 * @param {string} lang
 * @param {string} kind
 * @param {unknown} id
 * @returns {string | undefined}
 */
export function wordFor(lang, kind, id) {
  const table = WORDS[langOf(lang)][kind];
  return table && typeof id === 'string' && Object.hasOwn(table, id) ? table[id] : undefined;
}

/** The display name of an id of `kind`, or the id as written. */
export const word = (lang, kind, id) => wordFor(lang, kind, id) ?? (id === null || id === undefined ? '' : String(id));

/** The ids a kind has names for (in table order). */
export const idsOf = (kind) => Object.keys(WORDS.zh[kind] ?? {});

/**
 * A level's name: its own `label_zh` / `label_en` when the ladder gives one, else the
 * default ladder's name (见习/初级/中级/高级), else the id as written.
 * @param {string} lang
 * @param {unknown} level the level id
 * @param {unknown} [ladder] the policy's ladder (an array of levels), to find the labels
 */
export function levelName(lang, level, ladder) {
  const entry = Array.isArray(ladder) ? ladder.find((l) => l && typeof l === 'object' && l.level === level) : null;
  const own = entry?.[langOf(lang) === 'zh' ? 'label_zh' : 'label_en'];
  if (typeof own === 'string' && own.trim() !== '') return own;
  return word(lang, 'level', level);
}

/** A band of a level: 中级 B档 / Intermediate band B. */
export function bandName(lang, level, band, ladder) {
  const lv = levelName(lang, level, ladder);
  const b = band === null || band === undefined ? '' : String(band);
  return langOf(lang) === 'zh' ? `${lv} ${b}档` : `${lv} band ${b}`;
}
