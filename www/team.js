// The team page: a roster (the embedded sample or an uploaded CSV/TSV/TXT, XLSX/XLS/ODS or JSON), a proposal
// policy edited against the default baseline, the comparison, everyone's pay, quotas and
// the grade assignment. All computing happens in the engine, in a Web Worker; nothing is
// sent anywhere. Every text set from data uses textContent (names with markup stay text).
import { mountPolicyEditor } from './policy-editor.js';
import { levelName as levelWord, reasonsText, warningText, diffText, explainText } from './render.js';

import { mountCharts, drawProjection } from './team-charts.js';

const TEXT = {
  zh: {
    roster_file_as_policy: '这是花名册文件，不是政策 JSON：请用上方的上传花名册载入；方案未改变。',
    saved_here: '此花名册（含姓名与评分）已保存在本浏览器中，下次打开本页自动载入。', forget: '从本浏览器删除', forgotten: '已从本浏览器删除保存的花名册。',
    title: '团队与政策模拟', privacy: '花名册与政策只在本机浏览器中处理，不会上传。', to_mypay: '← 我的月薪',
    roster: '花名册', upload: '上传 CSV / XLSX / JSON 等花名册文件（或拖放到这里）', use_sample: '使用示例花名册（71 人）', template: '下载空白模板（XLSX，含填表说明）', as_of: '计薪日期',
    proposal: '方案政策', proposal_note: '基准为默认政策；方案从基准复制而来，下面每个字段都可修改（也可直接编辑 JSON），出错时在该字段旁标出。',
    edit_json: '高级：以 JSON 编辑', policy_json: '方案政策 JSON', reset_proposal: '恢复为基准', save_policy: '保存政策 JSON', load_policy: '载入政策 JSON', share: '生成分享链接',
    share_note: '链接的 # 之后包含整份政策，不会发送到服务器：', comparison: '方案对比', by_level: '按等级', policy_diff: '政策差异',
    people: '人员明细', search: '搜索工号/姓名', filter_level: '等级', all_levels: '全部', export_csv: '导出 CSV', export_xlsx: '导出 XLSX', print_report: '打印对比报告（一页）',
    quota: '比例控制', assignment: '年度等级评定（按考试与评议）', footer: 'Paygrade · 数据只在本机处理',
    loading: '正在加载…', parsing: '读取花名册…', paying: '计算薪酬与对比…', grading: '比例与评定…', drawing: '显示结果…', done: '完成',
    rows: '{n} 人（{src}）', sample: '示例', ph_date: '年-月-日', hash: '核对码 基准 {b} · 方案 {p}', hash_tip: '核对码由政策内容算出：同一份政策总得到同一个码，两份报告的码相同即出自同一政策。', gain: '增加', lose: '减少', same: '不变',
    component: '项目', annual_difference: '年差额', baseline: '基准', proposal_col: '方案', difference: '差额', base: '基本岗位工资', floating: '岗位浮动工资',
    seniority: '年功工资', performance: '效益工资', total: '月合计', annual: '年合计', employer_cost: '单位成本（月）',
    id: '工号', name: '姓名', grade: '等级档次', before: '基准', after: '方案', level: '等级', count: '人数', cap: '上限',
    seats: '名额', over: '超出', compliant: '各等级均未超出比例', not_compliant: '有等级超出比例', old_grade: '原等级',
    new_grade: '评定', score: '评分', reason: '未升级原因', no_diff: '两份政策相同', more_problems: '另有 {n} 处问题未列出', policy_place: '（政策）',
    page_first: '首页', page_prev: '上一页', page_next: '下一页', page_last: '末页', page_status: '第 {a}–{b} 行，共 {m} 行', page_none: '没有符合条件的人员',
    people_pages: '人员明细分页', assign_pages: '年度等级评定分页',
    explain_hint: '点击一行查看该人按方案的计算过程。', storage_full: '浏览器存储已满，状态未保存（页面不受影响）。',
    storage_corrupt: '保存的状态已损坏，已丢弃。', bad_link: '分享链接无法读取（已截断或损坏），已忽略；方案保持不变。', share_invalid: '方案有误，无法生成分享链接。', stale: '以下结果来自上一份有效的方案；方案当前有误，修正后会重新计算。', stale_input: '以下结果来自上一次成功的计算；花名册或计薪日期有误（见上方），修正后会重新计算。', kept_roster: '该文件未载入；下方仍是 {src} 的结果。', kept_sample: '该文件未载入；下方仍是示例花名册的结果。', saved_roster_failed: '上次的花名册无法恢复，已改用示例花名册。', row_of: '工号 {id}（第 {row} 行）', notes_of: '读取 {src} 时的提示：', id_of: '工号 {id}', charts: '图表：成本构成、各等级月薪分布、每人差额', lang: 'English', no_grading: '花名册没有考试成绩和综合评议，无法评定。',
    projection: '逐年成本', projection_note: '每过一年，每人的岗位年限加 1（填写入岗日期的人按顺延一年的计薪日期计算，2 月 29 日规则同上），等级、评分、计薪天数不变（勾选重新定级时每年按考试与评议重新评定）；年合计 = 月合计 × 12。基准为默认政策。',
    projection_years: '预测年数 N', projection_assign: '每年按年度等级评定重新定级', export_projection: '导出逐年成本 CSV',
    projection_run: '计算逐年成本', projection_on_demand: '花名册人数较多（{n} 人）：逐年成本不随每次修改自动计算，需要时点击“计算逐年成本”（约需数秒）。',
    year: '年份', offset: '第几年', monthly_baseline: '基准（月）', monthly_proposal: '方案（月）', monthly_difference: '差额（月）',
    annual_baseline: '基准（年）', annual_proposal: '方案（年）', seniority_heads: '领取年功人数（基准/方案）',
    cumulative: '{n} 个年度累计年差额：{d}（基准累计 {b}，方案累计 {p}）', why: '成本为何变化（与上一年相比）',
    drift: '年功工资合计每月变化 {c} 元（每人多一年年限）；其中 {t} 人刚满年功门槛、{k} 人进入更高年功档，这部分增加 {a} 元/月（{y} 元/年）',
    as_of_needed: '请填写计薪日期：花名册中有人填的是入岗日期，岗位年限按计薪日期计算。', drift_first: '起始年（计薪日期当年）', both_sides: '基准与方案', moves: '重新定级后等级变化 {n} 人', crossed_threshold: '满门槛', crossed_bracket: '进档',
    year_detail: '{y} 年明细', projection_chart: '图表：逐年月度成本（基准、方案与差额）', crossings: '跨越门槛或年功档的人员', years_label: '{a} → {b} 年',
    sheet: '工作表', export_comparison_csv: '导出对比 CSV', export_comparison_xlsx: '导出对比 XLSX', print_payslips: '打印工资条', export_payslips: '导出工资条 XLSX',
    payslips_too_many: '人数较多（{n} 人）：打印视图最多 {m} 人，请用“导出工资条 XLSX”。',
    payslips: '工资条', payslips_month: '{y}年{m}月工资条', payslips_note: '按方案政策计算，每人一张；打印时每页数张，沿虚线裁开。', print: '打印', back: '返回',
    coef_grade: '系数档', amount: '金额', how: '计算',
    copy: '复制链接', copied: '已复制到剪贴板。', copy_failed: '无法写入剪贴板：链接已选中，请按 Ctrl+C 复制。', share_link: '分享链接', scroll_region: '{t}（可横向滚动）', sort_by: '按{c}排序',
  },
  en: {
    roster_file_as_policy: 'This is a roster file, not a policy JSON: load it with the roster upload above; the proposal is unchanged.',
    saved_here: 'This roster (names and scores included) is kept in this browser and loads again on your next visit.', forget: 'Remove it from this browser', forgotten: 'The kept roster was removed from this browser.',
    title: 'Team and policy modelling', privacy: 'The roster and policies are processed in this browser only; nothing is uploaded.', to_mypay: '← My pay',
    roster: 'Roster', upload: 'Upload CSV / XLSX / XLS / ODS / TXT / JSON (or drop it here)', use_sample: 'Use the sample roster (71 people)', template: 'Download a blank template (XLSX, with notes)', as_of: 'Pay date',
    proposal: 'Proposal policy', proposal_note: 'The baseline is the default policy; the proposal starts as a copy. Every field below can be edited (or edit the JSON); an invalid edit is shown at its field.',
    edit_json: 'Advanced: edit as JSON', policy_json: 'Proposal policy JSON', reset_proposal: 'Reset to the baseline', save_policy: 'Save policy JSON', load_policy: 'Load policy JSON', share: 'Make a share link',
    share_note: 'The link carries the whole policy after #, which is never sent to a server:', comparison: 'Comparison', by_level: 'By level', policy_diff: 'Policy differences',
    people: 'People', search: 'Search id/name', filter_level: 'Level', all_levels: 'All', export_csv: 'Export CSV', export_xlsx: 'Export XLSX', print_report: 'Print the comparison report (one page)',
    quota: 'Quotas', assignment: 'Annual grade assignment (exam and review)', footer: 'Paygrade · data stays on this machine',
    loading: 'Loading…', parsing: 'Reading the roster…', paying: 'Paying and comparing…', grading: 'Quotas and assignment…', drawing: 'Showing the results…', done: 'Done',
    rows: '{n} people ({src})', rows_one: '1 person ({src})', sample: 'sample', ph_date: 'YYYY-MM-DD', hash: 'check codes: baseline {b} · proposal {p}', hash_tip: 'A check code is worked out from the policy itself: the same policy always gives the same code, so two reports with equal codes come from the same policy.', gain: 'gain', lose: 'lose', same: 'same',
    component: 'Component', annual_difference: 'Annual difference', baseline: 'Baseline', proposal_col: 'Proposal', difference: 'Difference', base: 'Base wage', floating: 'Floating wage',
    seniority: 'Seniority pay', performance: 'Performance pay', total: 'Monthly total', annual: 'Annual total', employer_cost: 'Employer cost (monthly)',
    id: 'Id', name: 'Name', grade: 'Grade', before: 'Baseline', after: 'Proposal', level: 'Level', count: 'People', cap: 'Cap',
    seats: 'Seats', over: 'Over', compliant: 'Every level is within its quota', not_compliant: 'A level is over its quota', old_grade: 'Old grade',
    new_grade: 'New grade', score: 'Score', reason: 'Why not higher', no_diff: 'The two policies are the same', more_problems: 'and {n} more problems not listed', policy_place: '(policy)',
    page_first: 'First', page_prev: 'Previous', page_next: 'Next', page_last: 'Last', page_status: 'Rows {a}–{b} of {m}', page_none: 'No one matches',
    people_pages: 'People table pages', assign_pages: 'Assignment pages',
    explain_hint: 'Click a row to see how the proposal pays that person.', storage_full: 'Browser storage is full; the state was not saved (the page still works).',
    storage_corrupt: 'The saved state was corrupt and was discarded.', bad_link: 'The share link cannot be read (cut short or damaged) and was ignored; the proposal is unchanged.', share_invalid: 'The proposal has an error: no share link.', stale: 'These results come from the last valid proposal; the proposal has an error now and is recomputed once it is fixed.', stale_input: 'These results come from the last successful run; the roster or the pay date has an error (see above) and the results are recomputed once it is fixed.', kept_roster: 'That file was not loaded; the results below are still those of {src}.', kept_sample: 'That file was not loaded; the results below are still those of the sample roster.', saved_roster_failed: 'The last roster could not be restored; the sample roster is used instead.', row_of: 'id {id} (row {row})', notes_of: 'Notes on reading {src}:', id_of: 'id {id}', charts: 'Charts: cost by component, pay per level, per-person differences', lang: '中文', no_grading: 'The roster has no exam and review scores: no assignment.',
    projection: 'Cost over the years', projection_note: 'Each year everyone\'s completed years in post advance by one (people with a start date are counted to the pay date moved a year, with the same 29 February rule); grades, scores and paid days stay the same (or, when re-grading is ticked, are assigned each year from the exam and review). Annual = monthly × 12. The baseline is the default policy.',
    projection_years: 'Years to project N', projection_assign: 'Re-grade each year with the annual assignment', export_projection: 'Export cost over the years (CSV)',
    projection_run: 'Compute the cost over the years', projection_on_demand: 'A large roster ({n} people): the cost over the years is not recomputed on every change; press “Compute the cost over the years” when you need it (a few seconds).',
    year: 'Year', offset: 'Offset', monthly_baseline: 'Baseline (month)', monthly_proposal: 'Proposal (month)', monthly_difference: 'Difference (month)',
    annual_baseline: 'Baseline (year)', annual_proposal: 'Proposal (year)', seniority_heads: 'Paid seniority (baseline/proposal)',
    cumulative: 'Cumulative annual difference over {n} years: {d} (baseline {b}, proposal {p})', why: 'Why the cost changes (against the year before)',
    drift: 'seniority pay changed by {c} CNY a month in all (everyone one year longer in post); of it, {t} newly reached the threshold and {k} moved up a bracket, adding {a} a month ({y} a year)',
    as_of_needed: 'Enter the pay date: some people have a post start date, and their years in post are counted to the pay date.', drift_first: 'Starting year (the pay date)', both_sides: 'Baseline and proposal', moves: '{n} people change grade when re-graded', moves_one: '1 person changes grade when re-graded', crossed_threshold: 'threshold', crossed_bracket: 'bracket',
    year_detail: '{y} in detail', projection_chart: 'Chart: monthly cost by year (baseline, proposal and difference)', crossings: 'Who crossed a threshold or bracket', years_label: '{a} → {b} years',
    sheet: 'Sheet', export_comparison_csv: 'Export the comparison (CSV)', export_comparison_xlsx: 'Export the comparison (XLSX)', print_payslips: 'Print payslips', export_payslips: 'Export payslips (XLSX)',
    payslips_too_many: 'A large roster ({n} people): the print view takes at most {m} people; use “Export payslips (XLSX)”.',
    payslips: 'Payslips', payslips_month: 'Payslip {y}-{m}', payslips_note: 'Paid under the proposal policy, one slip a person; printed several to a page, cut along the dashed lines.', print: 'Print', back: 'Back',
    coef_grade: 'Coefficient grade', amount: 'Amount', how: 'How it is worked out',
    copy: 'Copy link', copied: 'Copied to the clipboard.', copy_failed: 'The clipboard cannot be written: the link is selected, press Ctrl+C.', share_link: 'Share link', scroll_region: '{t} (scrolls sideways)', sort_by: 'Sort by {c}',
  },
};
const STORE = 'paygrade.team.v1';
/** Rows of the people and assignment tables shown at a time (the engine cuts the pages). */
const PAGE_ROWS = 100;
/** An uploaded roster of at most this many people is saved for the next visit (its people
 * fetched from the engine once); a larger one is read again from its file. */
const SAVE_MAX_PEOPLE = 20_000;
/** Above this many people the cost over the years (every year paid twice over) is worked
 * out when asked for, not after every run: at 100,000 people it takes seconds, and the
 * worker would make the next edit wait for it. */
const PROJECTION_AUTO_MAX = 20_000;
/** The most people the payslip print view lays out. */
const PRINT_SLIPS_MAX = 5_000;
/** @param {string} id */
const $ = (id) => document.getElementById(id);
/** A form control of team.html by id (input, select or the JSON textarea: each has `.value`). */
const control = (/** @type {string} */ id) => /** @type {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} */ ($(id));
// The language: ?lang= (the link from My pay carries its language), else the saved choice, else the browser's.
const storedLang = (() => { try { return localStorage.getItem('paygrade.lang'); } catch { return null; } })();
const askedLang = new URLSearchParams(location.search).get('lang');
/** @type {'zh' | 'en'} */
let lang = (askedLang === 'zh' || askedLang === 'en' ? askedLang : storedLang ?? (navigator.language || 'en')).startsWith('zh') ? 'zh' : 'en';
if (askedLang === lang) try { localStorage.setItem('paygrade.lang', lang); } catch { /* full */ }
const t = (k) => TEXT[lang][k] ?? k;
/** The text of `k` for a count `n`, its `{n}` filled: the key's `_one` form for one, where
 * the language has one ("1 person"). */
/** A count as people read it: 100,000, not 100000. @param {number} n */
const count = (n) => n.toLocaleString('en-US');
const tn = (k, n) => (n === 1 ? TEXT[lang][`${k}_one`] : undefined) ?? t(k).replaceAll('{n}', count(n));
const colon = () => (lang === 'zh' ? '：' : ': ');
/** @typedef {import('./pkg/paygrade_hr.js').RosterSummary} RosterSummary */
/**
 * The latest results shown, from the worker's `run` (team-worker.js): the summary, the
 * page of people and of the assignment shown, and the charts' data once asked for.
 * @typedef {{ comparison: import('./pkg/paygrade_hr.js').RunSummary, quota: import('./pkg/paygrade_hr.js').QuotaReport,
 *   people: import('./pkg/paygrade_hr.js').PeoplePage, assignment: import('./pkg/paygrade_hr.js').AssignmentPage | null,
 *   roster: RosterSummary, proposal: object, asOf: string | undefined, projection?: any,
 *   chart?: Promise<import('./pkg/paygrade_hr.js').Comparison> }} RunResult
 */
// readShare: the part of the progress bar that reading the roster file took (0 when no file was read).
// share: the share link shown ({url} or {invalid: true}), explainId: the person whose explanation is open,
// payslips: the breakdowns of the open payslip print view. saved: the roster the state saves —
// the last one that was paid, never one that was refused: its summary, its source and (a
// small uploaded roster) its people as JSON text (`{"employees": […]}`), else null text.
/** @type {{ runs: number, readShare: number, baseline: import('./pkg/paygrade_hr.js').Policy | null, proposalText: string,
 *   roster: RosterSummary | null, source: string, result: RunResult | null, sort: { key: string, dir: number },
 *   share: { url?: string, invalid?: boolean } | null, explainId: string | null, payslips: { results: any[], asOf: string | undefined } | null,
 *   saved: { roster: RosterSummary, source: string, text: string | null } | null,
 *   good?: { source: string, cmd: string, args: any[] }, lastFile?: { file: File, name: string } }} */
const state = { runs: 0, readShare: 0, baseline: null, proposalText: '', roster: null, source: 'sample', result: null, sort: { key: 'difference', dir: -1 },
  share: null, explainId: null, payslips: null, saved: null };

// ---------- worker calls ----------
// The single-file build (dist/paygrade-team.html) carries the worker (engine and wasm
// inlined) as a classic script's text: it starts from a blob URL; served, it is the
// module ./team-worker.js.
const inlineWorker = document.getElementById('paygrade-team-worker');
const worker = inlineWorker
  ? new Worker(URL.createObjectURL(new Blob([inlineWorker.textContent], { type: 'text/javascript' })))
  : new Worker(new URL('./team-worker.js', import.meta.url), { type: 'module' });
let nextId = 0;
const pending = new Map();
worker.onmessage = (e) => {
  const { id, result, error, progress: p } = e.data;
  const waiting = pending.get(id);
  if (p) { waiting?.onProgress?.(p.total ? p.done / p.total : 1); return; }
  pending.delete(id);
  if (error) waiting.reject(error); else waiting.resolve(result);
};
/** Call the engine in the worker; `onProgress(fraction)` hears long calls advance. */
const callWith = (onProgress, cmd, ...args) => new Promise((resolve, reject) => {
  const id = nextId++;
  pending.set(id, { resolve, reject, onProgress });
  worker.postMessage({ id, cmd, args });
});
const call = (cmd, ...args) => callWith(null, cmd, ...args);
const message = (err) => (lang === 'zh' ? err.message_zh : err.message_en) || err.message || String(err);

// ---------- state ----------
function save() {
  try {
    const roster = state.saved?.text ?? null;
    const source = roster ? state.saved.source : 'sample';
    const fields = JSON.stringify({ proposal: state.proposalText, as_of: control('as_of').value, source });
    localStorage.setItem(STORE, `${fields.slice(0, -1)},"roster":${roster ?? 'null'}}`);
  } catch { $('notice').textContent = t('storage_full'); }
  showSaved();
}
/** Say when an uploaded roster's people are kept in this browser (a shared office PC
 * shows them to the next person), with the button that forgets them. */
function showSaved() {
  $('saved-note').hidden = !state.saved?.text;
  $('saved-text').textContent = t('saved_here');
}
/** Keep a roster that was just paid for the next visit (a refused one never replaces the
 * last good one): a small uploaded roster's people, asked of the engine once, as JSON
 * text. The sample, or a roster of more than SAVE_MAX_PEOPLE people (or 4,000,000
 * characters), is kept without its people: the next visit starts with the sample. */
async function keepRosterForSaving(roster, source) {
  if (state.saved?.roster === roster) return;
  state.saved = { roster, source, text: null };
  if (source !== 'sample' && roster.size <= SAVE_MAX_PEOPLE) {
    try {
      const employees = await call('employees');
      if (state.roster !== roster || state.saved?.roster !== roster) return;
      const text = JSON.stringify({ employees });
      state.saved.text = text.length < 4_000_000 ? text : null;
    } catch { /* nothing to save */ }
  }
  save();
}

function load() {
  const raw = localStorage.getItem(STORE);
  if (!raw) return {};
  try { const s = JSON.parse(raw); if (s && typeof s === 'object') return s; } catch { /* fall through */ }
  localStorage.removeItem(STORE);
  $('notice').textContent = t('storage_corrupt');
  return {};
}

/** The policy text of a share link (`#policy=` base64url JSON): `{text}`, `{bad: true}` for
 * a link that cannot be read, or null when there is none. */
function fromFragment() {
  if (!location.hash.startsWith('#policy=')) return null;
  const m = /^#policy=([A-Za-z0-9_-]+)$/.exec(location.hash);
  try {
    const b64 = m[1].replace(/-/g, '+').replace(/_/g, '/');
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
    const policy = JSON.parse(text);
    if (!policy || typeof policy !== 'object' || Array.isArray(policy)) throw new Error('not a policy');
    return { text: JSON.stringify(policy, null, 2) };
  } catch { return { bad: true }; }
}
/** Drop a share link's fragment: once adopted (or edited), the saved state is the truth. */
function clearFragment() {
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  state.share = null;
  showShare();
}
/** The share link (or why there is none) in the reader's language, in its wrapping box. */
function showShare() {
  const s = state.share;
  $('share-note').textContent = !s ? '' : s.invalid ? t('share_invalid') : t('share_note');
  $('share-box').hidden = !s?.url;
  $('share-link').textContent = s?.url ?? '';
  $('share-copied').textContent = '';
}

// ---------- rendering helpers (textContent only) ----------
function cell(text, cls) { const td = document.createElement('td'); td.textContent = text ?? '—'; if (cls) td.className = cls; return td; }
function head(cols, sortable) {
  const thead = document.createElement('thead');
  const tr = document.createElement('tr');
  for (const [key, label] of cols) {
    const th = document.createElement('th');
    th.scope = 'col';
    if (sortable) {
      // A button in the header: sorting works by keyboard too.
      const sorted = state.sort.key === key;
      const button = Object.assign(document.createElement('button'), { type: 'button', className: 'th-sort', textContent: label + (sorted ? (state.sort.dir > 0 ? ' ▲' : ' ▼') : '') });
      button.dataset.sort = key;
      if (sorted) th.setAttribute('aria-sort', state.sort.dir > 0 ? 'ascending' : 'descending');
      button.addEventListener('click', async () => {
        state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : -1 };
        await loadPeople(0);
        /** @type {HTMLElement | null} */ (document.querySelector(`#people-table th button[data-sort="${key}"]`))?.focus();
      });
      th.append(button);
    } else th.textContent = label;
    tr.append(th);
  }
  thead.append(tr);
  return thead;
}
function table(id, cols, rows, sortable = false) {
  const body = document.createElement('tbody');
  body.append(...rows);
  $(id).replaceChildren(head(cols, sortable), body);
}
function tr(...cells) { const r = document.createElement('tr'); r.append(...cells); return r; }
/** An amount cell (thousands separators). */
const moneyCell = (amount) => cell(money(amount), 'num');
/** A difference cell: signed, coloured by gain or loss, `extra` classes added. */
const diffCell = (d, extra = '') => cell(money(d, true), `num ${signClass(d)} ${extra}`.trim());
/** The ladder whose level names the page shows (the proposal's, else the baseline's). */
const ladder = () => /** @type {any} */ (state.result?.proposal ?? state.baseline)?.ladder;
/** A level id (`intermediate`) as the reader's language names it (the policy's own
 * `label_zh`/`label_en`, the default names, else the id). */
function levelName(level) {
  if (!level) return level;
  return levelWord(level, lang, ladder());
}
/** A grade (`intermediate-B`, or a bandless level's bare id: `trainee`, `grade-1`)
 * written as on My pay: 中级 B档 / Intermediate B. */
function gradeLabel(grade) {
  if (!grade) return grade;
  const i = grade.lastIndexOf('-');
  if (i < 0 || ladder()?.some((/** @type {any} */ l) => l.level === grade)) return levelName(grade);
  return `${levelName(grade.slice(0, i))} ${grade.slice(i + 1)}${lang === 'zh' ? '档' : ''}`;
}
/** An amount as the engine gives it ("2894904.00", "-12.50") with thousands separators
 * ("2,894,904.00"); `signed` marks a gain with "+". Text only: the digits are not
 * converted to a number. */
function money(amount, signed = false) {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(amount ?? '');
  if (!m) return amount;
  const [, minus, whole, frac = ''] = m;
  const zero = !/[1-9]/.test(whole + frac);
  return `${minus && !zero ? '-' : signed && !zero ? '+' : ''}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${frac}`;
}
const signClass = (d) => (d.startsWith('-') ? 'lose' : d === '0.00' || /^0(\.0+)?$/.test(d) ? '' : 'gain');

/** After a file that was not loaded (unreadable, or refused by the pay rules): the roster
 * whose results are still shown, and current, is named (`source`: a file name, or
 * 'sample'); null hides the note. */
function showKept(source) {
  const note = $('kept-roster');
  note.hidden = source === null;
  note.dataset.src = source ?? '';
  note.textContent = keptText(source);
}
function keptText(source) {
  if (source === null) return '';
  return source === 'sample' ? t('kept_sample') : t('kept_roster').replace('{src}', source);
}
function relabel() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  if (!$('kept-roster').hidden) $('kept-roster').textContent = keptText($('kept-roster').dataset.src ?? null);
  showSaved();
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-t]'))) el.textContent = t(el.dataset.t);
  for (const el of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('[data-t-placeholder]'))) el.placeholder = t(el.dataset.tPlaceholder);
  $('lang').textContent = t('lang');
  document.title = `Paygrade · ${t('title')}`;
  // The link to My pay opens it in this language.
  /** @type {HTMLAnchorElement} */ ($('to-mypay')).search = `lang=${lang}`;
  for (const box of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.scroll[data-label]'))) box.setAttribute('aria-label', t('scroll_region').replace('{t}', t(box.dataset.label)));
}

// ---------- the run ----------
/** Show an engine error in `slot` (err-roster / err-policy) with its place; kept so a
 * language switch shows it again in the new language. `err` null clears the slot.
 * `atField`: the engine's verdict on the proposal, also shown at its field in the form. */
const shownErrors = new Map();
function showError(slot, err, atField = false) {
  if (err) shownErrors.set(slot, { err, atField }); else shownErrors.delete(slot);
  // Every problem the engine listed, a line each in row order, then the count of the rest;
  // a line said of several people (the pay date missing) once.
  const lines = [...new Set((err?.problems?.length ? err.problems : err ? [err] : []).map((p) => problemLine(p, atField)))];
  if (err?.more) lines.push(t('more_problems').replace('{n}', count(err.more)));
  $(slot).textContent = lines.join('\n');
  if (err && atField) {
    $('proposal-json').setAttribute('aria-invalid', 'true');
    editor.showError(err.path, message(err));
  }
}

/** Text that is not JSON, in words: the browser's message differs between browsers and is
 * English whatever the page's language, so both languages say the same thing in the page's
 * own words, with the line and column the browser names (Chromium and Firefox both say
 * `line N column M`). */
function jsonError(err) {
  const at = /line (\d+) column (\d+)/.exec(String(err?.message));
  return { message_zh: `JSON 格式有误，无法读取${at ? `（第 ${at[1]} 行第 ${at[2]} 列附近）` : ''}；表单保留上一份有效的方案。`,
    message_en: `The JSON is malformed and cannot be read${at ? ` (near line ${at[1]}, column ${at[2]})` : ''}; the form keeps the last valid proposal.` };
}

/** Results shown belong to an older run: `why` is `stale` when the proposal has an error,
 * `stale_input` when the roster or the pay date does (a roster that cannot be paid). */
function setStale(stale, why = 'stale') {
  document.querySelector('main.team').classList.toggle('results-stale', stale);
  $('stale-note').hidden = !stale;
  $('stale-note').dataset.t = why;
  $('stale-note').textContent = t(why);
  for (const id of ['export-csv', 'export-xlsx', 'print-report', 'export-projection', 'export-comparison-csv', 'export-comparison-xlsx', 'print-payslips', 'export-payslips']) /** @type {HTMLButtonElement} */ ($(id)).disabled = stale;
}

/** One problem in the reader's language: who (a roster person by id and file row),
 * where (the engine's place words) and what. */
function problemLine(p, atField) {
  // No pay date, and someone's years run from a post start date: the page's own field is
  // empty, not that person's row.
  if (p.code === 'missing_field' && p.params?.field === 'as_of' && !control('as_of').value.trim()) return t('as_of_needed');
  const place = (lang === 'zh' ? p.place_zh : p.place_en) ?? '';
  let who = '';
  if (p.employee !== undefined && p.who) {
    // The worker names the person ({id, row}: the engine keeps the roster); when the
    // engine placed the error at the file's cell, its place words give the row.
    const w = p.who;
    const cell = p.loc && typeof p.loc === 'object';
    who = (w.row && !cell ? t('row_of').replace('{row}', w.row) : t('id_of')).replace('{id}', w.id);
  }
  // The engine's place is within the policy (`side`: proposal or baseline) it concerns.
  const where = [who, place].filter(Boolean).join(' · ') || (atField ? t('policy_place') : '');
  return `${where ? `${where}${lang === 'zh' ? '：' : ': '}` : ''}${message(p)}`;
}

/** Pay, compare, check quotas and assign (one engine call) and show the results; the
 * people table keeps its page (`offset`: the row to start from). Says how it ended:
 * 'paid', 'refused' (the roster or the pay date has an error), 'proposal' (the proposal
 * cannot pay someone), or undefined (nothing run, or a newer run took over). */
async function run(offset = state.result?.people.offset ?? 0) {
  showError('err-roster', null);
  if (!state.roster || !state.baseline) return undefined;
  // Runs may overlap (typing, uploads): only the latest one shows its results.
  const seq = ++state.runs;
  const roster = state.roster;
  let proposal;
  // An invalid proposal keeps the results of the last valid one, marked out of date.
  let invalid = false;
  try { proposal = JSON.parse(state.proposalText); } catch (err) {
    showError('err-policy', jsonError(err));
    $('proposal-json').setAttribute('aria-invalid', 'true');
    invalid = true;
  }
  if (!invalid) {
    progress(t('paying'), state.readShare);
    try {
      await call('validatePolicy', proposal);
      if (seq !== state.runs) return undefined;
      showError('err-policy', null);
      $('proposal-json').removeAttribute('aria-invalid');
      editor.clearErrors();
    } catch (err) {
      if (seq !== state.runs) return undefined;
      showError('err-policy', err, true);
      invalid = true;
    }
  }
  if (invalid) {
    // Results of another roster would not be this roster's: a new roster is paid under
    // the last valid proposal, still out of date (with none yet, it waits for one).
    if (!state.result || state.result.roster === roster) {
      setStale(Boolean(state.result));
      progress(null);
      return undefined;
    }
    proposal = state.result.proposal;
  }
  const asOf = control('as_of').value.trim() || undefined;
  // The bar: reading the file (if any) took [0, from); paying both policies is most of
  // the rest, then quotas, assignment and drawing.
  const from = state.readShare;
  const at = (x) => from + (1 - from) * x;
  try {
    // One call: both policies paid, compared, quotas and assignment, the first pages.
    const summary = await callWith((f) => progress(t('paying'), at(0.95 * f)), 'run', proposal, asOf, peopleQuery(offset));
    // Shown even when a newer run has started (the worker answers in order, and its kept
    // results, which pages, explanations and charts read, are now this run's); only the
    // latest run clears the errors and the out-of-date mark.
    const latest = seq === state.runs;
    if (latest) progress(t('drawing'), at(0.97));
    state.result = { comparison: summary, quota: summary.quota, people: summary.people, assignment: summary.assignment, roster, proposal, asOf };
    if (latest) {
      if (!invalid) showError('err-policy', null);
      setStale(invalid);
    }
    save();
    if (latest) keepRosterForSaving(roster, state.source);
    render();
    // A newer run is under way: its bar stays.
    if (!latest) return 'paid';
    if (roster.size <= PROJECTION_AUTO_MAX) await runProjection(seq);
    else renderProjection();
    progress(null);
    return 'paid';
  } catch (err) {
    if (seq !== state.runs) return undefined;
    // A proposal that cannot pay someone (a trainee given bands, say) is the proposal's
    // error: shown by the form, with the person's id and row.
    const ofProposal = err.side === 'proposal';
    showError(ofProposal ? 'err-policy' : 'err-roster', err);
    // A new roster refused by the pay rules: what its reading noticed (an unknown column
    // is often why a score is missing) is shown, not the last roster's.
    if (!ofProposal && state.result?.roster !== roster) showWarnings(roster, state.source);
    setStale(Boolean(state.result), ofProposal ? 'stale' : 'stale_input');
    progress(null);
    return ofProposal ? 'proposal' : 'refused';
  }
}

/** What reading `roster` noticed (unknown columns, title and totals rows …), in words,
 * under a title naming the file it came from (`source`: a file name or 'sample'): after a
 * refused file the notes shown may be the refused file's or the kept roster's. */
function showWarnings(roster, source) {
  const warnings = roster?.warnings ?? [];
  const title = $('warnings-title');
  title.hidden = warnings.length === 0;
  title.textContent = warnings.length === 0 ? '' : t('notes_of').replace('{src}', source === 'sample' ? t('sample') : source);
  $('warnings').replaceChildren(...warnings.map((w) => { const li = document.createElement('li'); li.textContent = warningText(w, lang); return li; }));
}

/** Show the progress bar at `fraction` (0–1) with the phase's name; null hides it. */
function progress(phase, fraction = 0) {
  $('progress').hidden = !phase;
  $('phase').textContent = phase ?? '';
  const pct = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  /** @type {HTMLProgressElement} */ ($('progress-bar')).value = pct;
  $('progress-pct').textContent = phase ? `${pct}%` : '';
}

function render() {
  relabel();
  $('payslips-note').textContent = '';
  const r = state.result;
  if (!r) return;
  const c = r.comparison;
  $('roster-info').textContent = tn('rows', r.roster.size).replace('{src}', state.source === 'sample' ? t('sample') : state.source);
  showWarnings(r.roster, state.source);
  $('hashes').title = t('hash_tip');
  $('hashes').textContent = [t('hash').replace('{b}', c.baseline_hash).replace('{p}', c.proposal_hash),
    `${t('roster')}${colon()}${$('roster-info').textContent}`, `${t('as_of')}${colon()}${r.asOf ?? '—'}`].join(' · ');
  $('counts').replaceChildren(...['gain', 'lose', 'same'].map((k) => {
    const d = document.createElement('div');
    const dt = document.createElement('dt'); dt.textContent = t(k);
    const dd = document.createElement('dd'); dd.textContent = String(c.counts[k]); dd.id = `count-${k}`;
    d.append(dt, dd);
    return d;
  }));
  const T = c.totals;
  const rows = ['base', 'floating', 'seniority', 'performance'].map((k) => tr(cell(t(k)), moneyCell(T.baseline.components[k]),
    moneyCell(T.proposal.components[k]), diffCell(T.difference.components[k])));
  rows.push(tr(cell(t('total')), moneyCell(T.baseline.total), moneyCell(T.proposal.total), diffCell(T.difference.total, 'total-diff')));
  rows.push(tr(cell(t('annual')), moneyCell(T.baseline.annual_total), moneyCell(T.proposal.annual_total), diffCell(T.difference.annual_total)));
  if (T.baseline.employer_cost) rows.push(tr(cell(t('employer_cost')), moneyCell(T.baseline.employer_cost), moneyCell(T.proposal.employer_cost), diffCell(T.difference.employer_cost)));
  table('totals-table', [['c', t('component')], ['b', t('baseline')], ['p', t('proposal_col')], ['d', t('difference')]], rows);
  table('level-table', [['l', t('level')], ['b', t('baseline')], ['p', t('proposal_col')], ['d', t('difference')], ['a', t('annual_difference')]],
    Object.entries(c.by_level).map(([level, v]) => tr(cell(levelName(level)), moneyCell(v.baseline), moneyCell(v.proposal),
      diffCell(v.difference), diffCell(v.annual_difference))));
  $('policy-diff').replaceChildren(...(c.policy_diff.length ? c.policy_diff.map((d) => {
    const li = document.createElement('li');
    li.textContent = diffText(d, lang, ladder());
    return li;
  }) : [Object.assign(document.createElement('li'), { textContent: t('no_diff') })]));
  const levels = c.levels;
  const sel = /** @type {HTMLSelectElement} */ ($('filter-level'));
  const keep = sel.value;
  sel.replaceChildren(new Option(t('all_levels'), ''), ...levels.map((l) => new Option(levelName(l), l)));
  sel.value = levels.includes(keep) ? keep : '';
  drawPeople();
  // A level this roster does not have: the filter falls back to every level, and the
  // engine is asked for that page.
  if (keep && sel.value !== keep) loadPeople(0);
  updateCharts();
  renderProjection();
  table('quota-table', [['l', t('level')], ['n', t('count')], ['c', t('cap')], ['s', t('seats')], ['o', t('over')]],
    r.quota.levels.map((q) => tr(cell(levelName(q.level)), cell(String(q.count), 'num'), cell(q.cap, 'num'), cell(String(q.seats), 'num'), cell(String(q.over), q.over ? 'num lose' : 'num'))));
  $('quota-status').textContent = r.quota.compliant ? t('compliant') : t('not_compliant');
  drawAssignment();
}

/** The assignment page shown (rank order), with its pager. */
function drawAssignment() {
  const a = state.result?.assignment;
  const nav = $('assign-pager');
  if (a) {
    table('assign-table', [['i', t('id')], ['m', t('name')], ['s', t('score')], ['o', t('old_grade')], ['n', t('new_grade')], ['r', t('reason')]],
      a.results.map((x) => tr(cell(x.id), cell(x.name ?? ''), cell(x.grading_score, 'num'), cell(gradeLabel(x.old_grade)), cell(gradeLabel(x.new_grade)), cell(reasonsText(x.reasons, lang, ladder())))));
    pager(nav, 'assign_pages', a.offset, PAGE_ROWS, a.total, loadAssignment);
  } else {
    $('assign-table').replaceChildren(tr(cell(t('no_grading'))));
    nav.hidden = true;
  }
}
/** Ask the engine for the assignment page from `offset`. */
async function loadAssignment(offset) {
  const r = state.result;
  if (!r) return;
  try {
    const page = await call('assignmentPage', { offset, limit: PAGE_ROWS });
    if (state.result !== r) return;
    r.assignment = page;
    drawAssignment();
  } catch (err) { showError('err-roster', err); }
}

/**
 * Paging buttons under a table (`nav`, labelled by the text `label`): first, previous,
 * the rows shown, next, last; `go(offset)` asks the engine for that page. Hidden when
 * everything fits on one page; focus stays on the button used.
 * @param {HTMLElement} nav @param {string} label @param {number} offset @param {number} limit @param {number} total
 * @param {(offset: number) => void} go
 */
function pager(nav, label, offset, limit, total, go) {
  const focused = /** @type {HTMLElement | null} */ (nav.querySelector('button:focus'))?.dataset.page;
  nav.setAttribute('aria-label', t(label));
  nav.hidden = total > 0 && total <= limit && offset === 0;
  const last = total ? Math.floor((total - 1) / limit) * limit : 0;
  const button = (key, to, disabled) => {
    const b = Object.assign(document.createElement('button'), { type: 'button', className: 'ghost', textContent: t(key), disabled });
    b.dataset.page = key;
    b.addEventListener('click', () => go(to));
    return b;
  };
  const status = Object.assign(document.createElement('span'), { className: 'pager-status',
    textContent: total ? t('page_status').replace('{a}', count(offset + 1)).replace('{b}', count(Math.min(offset + limit, total))).replace('{m}', count(total)) : t('page_none') });
  status.setAttribute('aria-live', 'polite');
  const buttons = [button('page_first', 0, offset === 0), button('page_prev', Math.max(0, offset - limit), offset === 0),
    button('page_next', offset + limit, offset + limit >= total), button('page_last', last, offset >= last)];
  nav.replaceChildren(buttons[0], buttons[1], status, buttons[2], buttons[3]);
  if (focused) (buttons.find((b) => b.dataset.page === focused && !b.disabled) ?? buttons.find((b) => !b.disabled))?.focus();
}

// The charts read every person's totals: asked of the engine once per result, when the charts are open.
const updateCharts = mountCharts(/** @type {HTMLDetailsElement} */ ($('charts')), { comparison: () => {
  const r = state.result;
  if (!r) return null;
  r.chart ??= call('chartData');
  return r.chart;
}, lang: () => lang, message });

/** The people table's query: the sort, the level filter and the search, from `offset`.
 * @returns {import('./pkg/paygrade_hr.js').PeopleQuery} */
function peopleQuery(offset) {
  return { offset, limit: PAGE_ROWS, sort: /** @type {any} */ (state.sort.key), dir: state.sort.dir > 0 ? 'asc' : 'desc',
    level: control('filter-level').value, search: control('search').value };
}
let peopleAsked = 0;
/** Ask the engine for the people page from `offset` (filtered and sorted there); the
 * table is marked busy until it is drawn, and only the latest answer is drawn. */
async function loadPeople(offset) {
  const r = state.result;
  if (!r) return;
  const asked = ++peopleAsked;
  $('people-table').setAttribute('aria-busy', 'true');
  try {
    const page = await call('peoplePage', peopleQuery(offset));
    if (asked !== peopleAsked || state.result !== r) return;
    r.people = page;
    drawPeople();
  } catch (err) {
    if (asked === peopleAsked) showError('err-roster', err);
  } finally {
    if (asked === peopleAsked) $('people-table').removeAttribute('aria-busy');
  }
}
/** Draw the people page the engine gave (rows, sort buttons, pager). */
function drawPeople() {
  const r = state.result;
  if (!r) return;
  const page = r.people;
  const shown = page.rows;
  table('people-table', [['id', t('id')], ['name', t('name')], ['grade', t('grade')], ['baseline_total', t('before')], ['proposal_total', t('after')], ['difference', t('difference')]],
    shown.map((p) => {
      // The id is a button: a row opens its explanation by keyboard as well as by click.
      const open = Object.assign(document.createElement('button'), { type: 'button', className: 'row-open', textContent: p.id });
      open.setAttribute('aria-expanded', String(state.explainId === p.id));
      open.setAttribute('aria-controls', 'explain');
      const idCell = document.createElement('td');
      idCell.append(open);
      const row = tr(idCell, cell(p.name), cell(gradeLabel(p.grade)), moneyCell(p.baseline_total), moneyCell(p.proposal_total), diffCell(p.difference));
      row.dataset.id = p.id;
      row.addEventListener('click', () => { if (state.explainId === p.id && !explainBox.hidden) closeExplain(); else explain(p.id); });
      return row;
    }), true);
  $('people-note').textContent = t('explain_hint');
  pager($('people-pager'), 'people_pages', page.offset, PAGE_ROWS, page.matching, loadPeople);
  // The open explanation follows its row through sorting, filtering and a language switch.
  if (state.explainId) explain(state.explainId, false);
}

const explainBox = $('explain');
/** Close the explanation (it goes back, hidden, below the table). */
function closeExplain() {
  state.explainId = null;
  explainBox.hidden = true;
  $('people-panel').append(explainBox);
  document.getElementById('explain-row')?.remove();
  for (const b of document.querySelectorAll('#people-table .row-open')) b.setAttribute('aria-expanded', 'false');
}
/** Show how the proposal pays `id` in a row right below that person's row, scrolled into
 * view (`reveal`); the box is in the reader's language and redrawn on a switch. */
async function explain(id, reveal = true) {
  const box = explainBox;
  const row = [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('#people-table tbody tr[data-id]'))].find((r) => r.dataset.id === id);
  state.explainId = id;
  for (const b of document.querySelectorAll('#people-table .row-open')) b.setAttribute('aria-expanded', String(b.textContent === id));
  if (!row) { closeExplain(); state.explainId = id; return; }
  let holder = document.getElementById('explain-row');
  if (!holder) {
    holder = Object.assign(document.createElement('tr'), { id: 'explain-row', className: 'explain-row' });
    holder.append(Object.assign(document.createElement('td'), { colSpan: 6 }));
  }
  /** @type {HTMLElement} */ (holder.firstChild).append(box);
  row.after(holder);
  box.hidden = false;
  if (box.dataset.for !== `${id}|${lang}`) box.textContent = '…';
  const shownFor = `${id}|${lang}`;
  let b;
  try { b = await call('explain', id); } catch (err) { box.textContent = message(err); return; }
  if (!b || state.explainId !== id) return;
  box.dataset.for = shownFor;
  const coefficient = lang === 'zh' ? `（${b.coefficient}）` : ` (${b.coefficient})`;
  box.textContent = [`${b.id} ${b.name ?? ''} · ${gradeLabel(b.grade)} → ${gradeLabel(b.coefficient_grade)}${coefficient}`,
    ...['base', 'floating', 'seniority', 'performance'].map((c) => `${t(c)}${colon()}${explainText(b.explain[c], lang, ladder())}`), `${t('total')}${colon()}${money(b.total)}`].join('\n');
  if (reveal) box.scrollIntoView({ block: 'nearest' });
}

// ---------- payslips (issue 15 item 12) ----------
/** The month of a pay date (`2026-11-30` → `2026-11`), or '' without one. */
const monthOf = (asOf) => (/^\d{4}-\d{2}/.exec(asOf ?? '') ?? [''])[0];
/** Open the print view: a slip per person of the shown roster, paid under the shown
 * proposal for the month of the pay date, in the page's language. */
async function openPayslips() {
  const r = state.result;
  if (!r) return;
  // A slip per person in the page: past a few thousand the browser lays out for minutes
  // (100,000 slips took two minutes and a gigabyte); the XLSX export has no such limit.
  const size = r.roster?.size ?? 0;
  $('payslips-note').textContent = size > PRINT_SLIPS_MAX
    ? t('payslips_too_many').replace('{n}', count(size)).replace('{m}', count(PRINT_SLIPS_MAX)) : '';
  if (size > PRINT_SLIPS_MAX) return;
  let results;
  try { results = await call('payslips'); } catch (err) { showError('err-roster', err); return; }
  state.payslips = { results, asOf: r.asOf };
  renderPayslips();
  document.body.classList.add('payslips-open');
  $('payslips').hidden = false;
  scrollTo(0, 0);
  $('payslips-close').focus();
}
function closePayslips() {
  state.payslips = null;
  $('payslips').hidden = true;
  $('payslip-list').replaceChildren();
  document.body.classList.remove('payslips-open');
  $('print-payslips').focus();
}
/** The slips, in the page's language: each with the month, id, name, grade, the four
 * components with how each is worked out (render.js words), and the total. */
function renderPayslips() {
  const p = state.payslips;
  if (!p) return;
  const month = monthOf(p.asOf);
  const title = month ? t('payslips_month').replace('{y}', month.slice(0, 4)).replace('{m}', lang === 'zh' ? String(Number(month.slice(5))) : month.slice(5)) : t('payslips');
  $('payslips-title').textContent = `${title}${lang === 'zh' ? '（' : ' ('}${p.results.length}${lang === 'zh' ? ' 人）' : ' people)'}`;
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
  const th = (text, scope) => { const e = el('th', '', text); e.scope = scope; return e; };
  $('payslip-list').replaceChildren(...p.results.map((b) => {
    const slip = el('article', 'slip');
    slip.dataset.id = b.id;
    const h = el('h3', 'slip-head');
    h.append(el('span', 'slip-month', title), ' ', el('span', 'slip-id', b.id), ' ', el('span', 'slip-name', b.name ?? ''));
    const grade = el('p', 'slip-grade', `${t('grade')}${colon()}${gradeLabel(b.grade)}`
      + (b.coefficient_grade !== b.grade ? ` · ${t('coef_grade')}${colon()}${gradeLabel(b.coefficient_grade)}` : ''));
    const table = el('table', 'slip-table');
    const headRow = tr(th(t('component'), 'col'), th(t('amount'), 'col'), th(t('how'), 'col'));
    const thead = el('thead'); thead.append(headRow);
    const body = el('tbody');
    body.append(...['base', 'floating', 'seniority', 'performance'].map((c) => {
      const row = tr(th(t(c), 'row'), cell(money(b.components[c]), 'num'), cell(explainText(b.explain[c], lang, ladder()), 'slip-how'));
      row.dataset.component = c;
      return row;
    }));
    const total = tr(th(t('total'), 'row'), cell(money(b.total), 'num'), cell(''));
    total.className = 'slip-total';
    body.append(total);
    table.append(thead, body);
    slip.append(h, grade, table);
    return slip;
  }));
}

// ---------- cost over the years (issue 18) ----------
const projectionYears = () => Number(control('projection-years').value) || 5;
/** Project the shown result's roster and proposal over N years; `seq` (a run's number)
 * drops the answer when a newer run started meanwhile. */
async function runProjection(seq = state.runs) {
  const r = state.result;
  if (!r) return;
  const years = projectionYears();
  const assign = /** @type {HTMLInputElement} */ ($('projection-assign')).checked;
  try {
    const projection = await call('project', r.proposal, r.asOf, years, assign);
    if (seq !== state.runs || state.result !== r) return;
    r.projection = projection;
    showError('err-projection', null);
  } catch (err) {
    if (seq !== state.runs) return;
    r.projection = null;
    // Re-grading needs the exam and review scores: a roster without them is told so in
    // words, as the assignment table does (not by the first person's field path).
    const noGrading = assign && err?.code === 'missing_field' && /\.grading(\.|$)/.test(err.path ?? '');
    showError('err-projection', noGrading ? { message_zh: TEXT.zh.no_grading, message_en: TEXT.en.no_grading } : err);
  }
  renderProjection();
}
const yearOf = (y) => (y.as_of ? y.as_of.slice(0, 4) : `+${y.offset}`);
function driftText(d) {
  if (!d) return t('drift_first');
  return t('drift').replace('{t}', d.crossed_threshold).replace('{k}', d.crossed_bracket).replace('{a}', d.crossings_amount)
    .replace('{y}', d.crossings_annual_amount).replace('{c}', d.seniority_change);
}
function li(text) { const e = document.createElement('li'); e.textContent = text; return e; }
function renderProjection() {
  const p = state.result?.projection;
  const detail = $('projection-years-detail');
  const size = state.result?.roster?.size ?? 0;
  const onDemand = size > PROJECTION_AUTO_MAX;
  $('run-projection').hidden = !onDemand;
  $('projection-on-demand').textContent = onDemand && !p ? t('projection_on_demand').replace('{n}', count(size)) : '';
  if (!p) { $('projection-table').replaceChildren(); $('projection-cumulative').textContent = ''; $('chart-projection').replaceChildren(); detail.replaceChildren(); return; }
  table('projection-table', [['y', t('year')], ['d', t('as_of')], ['bm', t('monthly_baseline')], ['pm', t('monthly_proposal')], ['dm', t('monthly_difference')],
    ['ba', t('annual_baseline')], ['pa', t('annual_proposal')], ['da', t('annual_difference')], ['s', t('seniority_heads')]],
  p.years.map((y) => {
    const row = tr(cell(`${yearOf(y)} (+${y.offset})`), cell(y.as_of), moneyCell(y.baseline.total), moneyCell(y.proposal.total),
      cell(money(y.difference.total, true), `num ${signClass(y.difference.total)}`), moneyCell(y.baseline.annual_total), moneyCell(y.proposal.annual_total),
      cell(money(y.difference.annual_total, true), `num ${signClass(y.difference.annual_total)}`), cell(`${y.baseline.seniority_headcount} / ${y.proposal.seniority_headcount}`, 'num'));
    row.dataset.offset = String(y.offset);
    return row;
  }));
  $('projection-cumulative').textContent = t('cumulative').replace('{n}', p.years.length).replace('{d}', money(p.cumulative_annual_difference, true))
    .replace('{b}', money(p.cumulative_annual_baseline)).replace('{p}', money(p.cumulative_annual_proposal));
  const why = document.createElement('div');
  const h = document.createElement('h3'); h.textContent = t('why');
  const list = document.createElement('ul'); list.className = 'note'; list.id = 'projection-why';
  // A year a line, its reasons one a line below it: the two sides once when they agree.
  list.append(...p.years.map((y) => {
    const [b, q] = [driftText(y.baseline.drift), driftText(y.proposal.drift)];
    const item = li(yearOf(y));
    const sub = document.createElement('ul');
    sub.append(...(b === q ? [li(`${t('both_sides')}${colon()}${b}`)] : [li(`${t('baseline')}${colon()}${b}`), li(`${t('proposal_col')}${colon()}${q}`)]));
    if (y.proposal.moves) sub.append(li(tn('moves', y.proposal.moves.length)));
    item.append(sub);
    return item;
  }));
  why.append(h, list);
  const years = p.years.map((y) => {
    const box = document.createElement('details');
    box.dataset.offset = String(y.offset);
    const sum = document.createElement('summary'); sum.textContent = t('year_detail').replace('{y}', `${yearOf(y)} (+${y.offset}, ${y.as_of ?? '—'})`);
    const comp = document.createElement('table'); comp.className = 'components';
    const rows = ['base', 'floating', 'seniority', 'performance'].map((k) => tr(cell(t(k)), moneyCell(y.baseline.components[k]), moneyCell(y.proposal.components[k]),
      cell(money(y.difference.components[k], true), `num ${signClass(y.difference.components[k])}`), cell(money(y.difference.annual_components[k], true), `num ${signClass(y.difference.annual_components[k])}`)));
    rows.push(tr(cell(t('total')), moneyCell(y.baseline.total), moneyCell(y.proposal.total), cell(money(y.difference.total, true), 'num'), cell(money(y.difference.annual_total, true), 'num')));
    const body = document.createElement('tbody'); body.append(...rows);
    comp.append(head([['c', t('component')], ['b', t('baseline')], ['p', t('proposal_col')], ['d', t('difference')], ['a', t('annual_difference')]]), body);
    const lv = document.createElement('table'); lv.className = 'components';
    const lbody = document.createElement('tbody');
    lbody.append(...Object.entries(y.baseline.by_level).map(([level, b]) => {
      const q = y.proposal.by_level[level]; const d = y.difference.by_level[level];
      return tr(cell(levelName(level)), cell(`${b.headcount}`, 'num'), moneyCell(b.total), moneyCell(q?.total), cell(money(d?.total, true), `num ${signClass(d?.total ?? '0')}`), cell(money(d?.annual_total, true), 'num'));
    }));
    lv.append(head([['l', t('level')], ['n', t('count')], ['b', t('baseline')], ['p', t('proposal_col')], ['d', t('difference')], ['a', t('annual_difference')]]), lbody);
    const wrap = (el) => { const d = document.createElement('div'); d.className = 'scroll'; d.append(el); return d; };
    box.append(sum, wrap(comp), wrap(lv));
    const crossed = y.proposal.drift?.crossings ?? [];
    if (crossed.length) {
      const ch = document.createElement('p'); ch.textContent = `${t('crossings')} (${t('proposal_col')}):`;
      const ul = document.createElement('ul'); ul.className = 'note';
      ul.append(...crossed.map((c) => li(`${c.id} · ${t(`crossed_${c.kind}`)} · ${t('years_label').replace('{a}', c.years_before).replace('{b}', c.years)} · ${c.seniority_before} → ${c.seniority}`)));
      box.append(ch, ul);
    }
    return box;
  });
  detail.replaceChildren(why, ...years);
  drawProjectionChart();
}
/** The chart, once its box is open (the chart module loads only when a chart is asked for). */
let projectionDrawn = null;
function drawProjectionChart() {
  const p = state.result?.projection;
  if (!/** @type {HTMLDetailsElement} */ ($('projection-chart-box')).open || !p) return;
  const key = `${lang}`;
  if (projectionDrawn?.p === p && projectionDrawn.key === key) return;
  projectionDrawn = { p, key };
  drawProjection($('chart-projection'), p, lang).catch((err) => { projectionDrawn = null; showError('err-projection', err); });
}
$('projection-chart-box').addEventListener('toggle', drawProjectionChart);

// ---------- roster input ----------
/** Load a roster into the worker (`cmd`: loadFile, loadSheet, loadSample, loadEmployees),
 * then run. A roster the pay rules refuse is not kept: its errors stay on screen and the
 * last roster that was paid is loaded back (`state.good`), so the results shown stay
 * usable — exports, pages, a new pay date. */
async function useRoster(source, cmd, ...args) {
  const parsing = cmd === 'loadFile' ? 0.3 : 0.05;
  progress(t('parsing'), 0);
  // How to load this roster again: a sheet is read from the file it belongs to.
  const again = cmd === 'loadSheet' && state.lastFile
    ? { cmd: 'loadFile', args: [state.lastFile.file, state.lastFile.name, args[0]] }
    : { cmd, args };
  try {
    const roster = await callWith((f) => progress(t('parsing'), parsing * f), cmd, ...args);
    state.roster = roster;
    state.source = source;
    showKept(null);
    showSheets();
    state.readShare = parsing;
    const outcome = await run(0);
    if (outcome === 'paid') state.good = { source, ...again };
    else if (outcome === 'refused' && state.good) await restore(state.good);
  } catch (err) {
    showError('err-roster', err);
    // The roster still loaded (and its results) stays: say so when it has results.
    showKept((cmd === 'loadFile' || cmd === 'loadSheet') && state.result ? state.source : null);
    showSheets(); // a sheet that could not be read: the selector shows the one still in use
  } finally {
    state.readShare = 0;
  }
  progress(null);
}
/** Load the last roster that was paid back into the worker and pay it again there (its
 * results are the ones on screen), after a new roster was refused. */
async function restore(good) {
  try {
    const roster = await call(good.cmd, ...good.args);
    const r = state.result;
    if (!r) return;
    const summary = await call('run', r.proposal, r.asOf, peopleQuery(r.people.offset));
    state.roster = roster;
    state.source = good.source;
    if (state.saved?.source === good.source) state.saved.roster = roster;
    state.result = { ...r, comparison: summary, quota: summary.quota, people: summary.people, assignment: summary.assignment, roster };
    showSheets();
    setStale(false);
    showKept(good.source);
  } catch { /* the refused roster stays loaded; its errors are on screen */ }
}
/** A workbook with more than one visible sheet: the sheets to choose from, the one read
 * selected (issue 15 item 2); choosing another reads it from the same file. */
function showSheets() {
  const sheets = state.roster?.sheets ?? [];
  $('sheet-box').hidden = sheets.length < 2;
  const sel = /** @type {HTMLSelectElement} */ ($('sheet'));
  sel.replaceChildren(...(sheets.length < 2 ? [] : sheets.map((name) => new Option(name, name))));
  if (sheets.length > 1) sel.value = state.roster.sheet ?? sheets[0];
}
async function readFile(file) {
  progress(t('parsing'), 0);
  state.lastFile = { file, name: file.name };
  // The File itself crosses to the worker (a handle, not a copy); the engine reads it there.
  return useRoster(file.name, 'loadFile', file, file.name);
}

// ---------- proposal editing ----------
// The per-field form (policy-editor.js) and the JSON textarea stay in sync: a form edit
// rewrites the text; a text edit that parses re-renders the form (bad JSON leaves the form
// showing the last good policy).
const editor = mountPolicyEditor($('policy-editor'), { lang, onChange: (policy) => {
  clearFragment();
  state.proposalText = JSON.stringify(policy, null, 2);
  control('proposal-json').value = state.proposalText;
  run();
} });
function setProposal(policy) {
  state.proposalText = JSON.stringify(policy, null, 2);
  control('proposal-json').value = state.proposalText;
  syncForm();
}
function syncForm() {
  try { editor.set(JSON.parse(state.proposalText)); } catch { /* bad JSON: keep the last good form */ }
}
function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---------- wiring ----------
$('lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; history.replaceState(null, '', location.pathname + location.hash); try { localStorage.setItem('paygrade.lang', lang); } catch { /* full */ } relabel(); editor.relabel(lang); for (const [slot, { err, atField }] of shownErrors) showError(slot, err, atField); showShare(); render(); renderPayslips(); });
$('file').addEventListener('change', (e) => {
  const box = /** @type {HTMLInputElement} */ (e.target);
  const f = box.files[0];
  box.value = '';
  if (f) readFile(f);
});
$('drop').addEventListener('dragover', (e) => { e.preventDefault(); $('drop').classList.add('over'); });
$('drop').addEventListener('dragleave', () => $('drop').classList.remove('over'));
$('drop').addEventListener('drop', (e) => { e.preventDefault(); $('drop').classList.remove('over'); if (e.dataTransfer.files[0]) readFile(e.dataTransfer.files[0]); });
$('sample').addEventListener('click', () => useRoster('sample', 'loadSample'));
// Forget the kept roster: the stored state goes (the proposal and pay date are written back
// without people), and the sample roster is shown instead of the forgotten one.
$('forget').addEventListener('click', async () => {
  try { localStorage.removeItem(STORE); } catch { /* nothing stored */ }
  state.saved = null;
  await useRoster('sample', 'loadSample');
  save();
  $('notice').textContent = t('forgotten');
});
$('sheet').addEventListener('change', () => useRoster(state.source, 'loadSheet', control('sheet').value));
$('as_of').addEventListener('change', () => run());
$('proposal-json').addEventListener('input', (e) => {
  clearFragment();
  state.proposalText = /** @type {HTMLTextAreaElement} */ (e.target).value;
  syncForm();
  run();
});
$('reset-proposal').addEventListener('click', () => { setProposal(state.baseline); history.replaceState(null, '', location.pathname); run(); });
/** A download's file name in the page's language: `paygrade-花名册结果.csv` / `paygrade-roster.csv`. */
const FILE_NAMES = { roster: ['花名册结果', 'roster'], comparison: ['方案对比', 'comparison'], projection: ['逐年成本', 'projection'],
  payslips: ['工资条', 'payslips'], policy: ['方案政策', 'proposal-policy'], template: ['花名册模板', 'roster-template'] };
const fileName = (/** @type {keyof typeof FILE_NAMES} */ key, /** @type {string} */ ext, suffix = '') => `paygrade-${FILE_NAMES[key][lang === 'zh' ? 0 : 1]}${suffix}.${ext}`;
$('save-policy').addEventListener('click', () => download(fileName('policy', 'json'), state.proposalText, 'application/json'));
$('load-policy').addEventListener('change', async (e) => {
  const box = /** @type {HTMLInputElement} */ (e.target);
  const f = box.files[0];
  box.value = ''; // loading the same file again is a new load
  if (!f) return;
  const text = await f.text();
  // A file that is no policy at all (a roster file, a list of employees, not JSON) leaves
  // the proposal as it was, and says why; a policy with an error loads, to be fixed.
  let value;
  try { value = JSON.parse(text); } catch (err) {
    showError('err-policy', /\.(csv|tsv|txt|xlsx|xlsm|xls|ods)$/i.test(f.name)
      ? { message_zh: TEXT.zh.roster_file_as_policy, message_en: TEXT.en.roster_file_as_policy } : jsonError(err));
    return;
  }
  if (Array.isArray(value)) {
    try { await call('validatePolicy', value); } catch (err) { showError('err-policy', err); return; }
  }
  state.proposalText = text;
  control('proposal-json').value = state.proposalText;
  clearFragment();
  syncForm();
  run();
});
$('share').addEventListener('click', async () => {
  let policy;
  try { policy = JSON.parse(state.proposalText); await call('validatePolicy', policy); } catch { state.share = { invalid: true }; showShare(); return; }
  const bytes = new TextEncoder().encode(JSON.stringify(policy));
  const b64 = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  history.replaceState(null, '', `#policy=${b64}`);
  state.share = { url: location.href };
  showShare();
});
$('share-copy').addEventListener('click', async () => {
  const url = state.share?.url;
  if (!url) return;
  try {
    await navigator.clipboard.writeText(url);
    $('share-copied').textContent = t('copied');
  } catch {
    // No clipboard (permission, old browser): select the link for Ctrl+C.
    getSelection().selectAllChildren($('share-link'));
    $('share-copied').textContent = t('copy_failed');
  }
});
$('projection-years').replaceChildren(...Array.from({ length: 10 }, (_, i) => new Option(String(i + 1), String(i + 1))));
control('projection-years').value = '5';
/** A change of the years or re-grading: worked out again at once for a roster small
 * enough to do so after every run, else when asked for. */
function projectionChanged() {
  if ((state.result?.roster?.size ?? 0) <= PROJECTION_AUTO_MAX) { runProjection(); return; }
  if (state.result) state.result.projection = null;
  renderProjection();
}
$('projection-years').addEventListener('change', projectionChanged);
$('projection-assign').addEventListener('change', projectionChanged);
$('run-projection').addEventListener('click', async () => {
  const button = /** @type {HTMLButtonElement} */ ($('run-projection'));
  button.disabled = true;
  progress(t('paying'), 0.5);
  try { await runProjection(); } finally { button.disabled = false; progress(null); }
});
$('export-projection').addEventListener('click', async () => {
  const r = state.result;
  if (!r) return;
  try {
    const csv = await call('exportProjectionCsv', r.proposal, r.asOf, projectionYears(), /** @type {HTMLInputElement} */ ($('projection-assign')).checked, lang);
    download(fileName('projection', 'csv'), csv, 'text/csv;charset=utf-8');
  } catch (err) { showError('err-projection', err); }
});
$('search').addEventListener('input', () => loadPeople(0));
$('filter-level').addEventListener('change', () => loadPeople(0));
$('export-csv').addEventListener('click', async () => {
  try {
    const csv = await call('exportCsv', state.result.proposal, state.result.asOf, lang);
    download(fileName('roster', 'csv'), csv, 'text/csv;charset=utf-8');
  } catch (err) { showError('err-roster', err); }
});

$('export-xlsx').addEventListener('click', async () => {
  try {
    const bytes = await call('exportXlsx', state.result.proposal, state.result.asOf, lang);
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    Object.assign(document.createElement('a'), { href: url, download: fileName('roster', 'xlsx') }).click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  } catch (err) { showError('err-roster', err); }
});
$('template').addEventListener('click', async () => {
  try {
    downloadBytes(fileName('template', 'xlsx'), await call('templateXlsx', lang), XLSX_TYPE);
  } catch (err) { showError('err-roster', err); }
});
/** Hand bytes to the browser as a file. */
function downloadBytes(name, bytes, type) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  Object.assign(document.createElement('a'), { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
$('export-comparison-csv').addEventListener('click', async () => {
  try {
    const csv = await call('exportComparisonCsv', state.result.proposal, state.result.asOf, lang);
    showError('err-compare', null);
    download(fileName('comparison', 'csv'), csv, 'text/csv;charset=utf-8');
  } catch (err) { showError('err-compare', err); }
});
$('export-comparison-xlsx').addEventListener('click', async () => {
  try {
    const bytes = await call('exportComparisonXlsx', state.result.proposal, state.result.asOf, lang);
    showError('err-compare', null);
    downloadBytes(fileName('comparison', 'xlsx'), bytes, XLSX_TYPE);
  } catch (err) { showError('err-compare', err); }
});
$('export-payslips').addEventListener('click', async () => {
  try {
    const bytes = await call('exportPayslipsXlsx', state.result.proposal, state.result.asOf, lang);
    downloadBytes(fileName('payslips', 'xlsx', monthOf(state.result.asOf) ? `-${monthOf(state.result.asOf)}` : ''), bytes, XLSX_TYPE);
  } catch (err) { showError('err-roster', err); }
});
$('print-payslips').addEventListener('click', () => openPayslips());
$('payslips-close').addEventListener('click', () => closePayslips());
$('payslips-print').addEventListener('click', () => window.print());
$('print-report').addEventListener('click', () => { document.body.classList.add('report'); window.print(); document.body.classList.remove('report'); });

async function main() {
  relabel();
  progress(t('loading'));
  state.baseline = await call('defaultPolicy');
  editor.setDefaults(state.baseline);
  const saved = load();
  control('as_of').value = typeof saved.as_of === 'string' && saved.as_of ? saved.as_of : new Date().toISOString().slice(0, 10);
  const shared = fromFragment();
  if (shared?.bad) $('notice').textContent = t('bad_link');
  clearFragment();
  let proposal = shared?.text ?? (typeof saved.proposal === 'string' ? saved.proposal : null);
  try { if (proposal) JSON.parse(proposal); } catch { proposal = null; }
  if (proposal) { state.proposalText = proposal; control('proposal-json').value = proposal; syncForm(); } else setProposal(state.baseline);
  if (saved.roster && Array.isArray(saved.roster.employees)) {
    await useRoster(typeof saved.source === 'string' ? saved.source : 'file', 'loadEmployees', saved.roster.employees);
    if (!state.roster) { showError('err-roster', null); $('notice').textContent = t('saved_roster_failed'); }
  }
  if (!state.roster) await useRoster('sample', 'loadSample');
  progress(null);
  /** @type {any} */ (window).paygradeTeam = { ready: true };
}
main();
