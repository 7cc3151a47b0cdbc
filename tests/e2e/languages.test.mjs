// Issue 14's browser test: every view of both pages, opened in Chinese, shows no English,
// and opened in English shows no Chinese — in visible text (SVG chart text included),
// `title`, `aria-label`, `placeholder`, <option> text and the document title.
//
// The rule. A Latin word is a run of three or more ASCII letters that touches no other
// letter and no digit: /(?<![A-Za-z0-9])[A-Za-z]{3,}(?![A-Za-z0-9])/. So ids of people
// (KM001), amounts, dates, hashes (letters and digits mixed) and band letters (B档) are not
// words; `Ctrl`, `example`, `trainee`, `half_up` (two words) are. CJK is any run of
// CJK ideographs, CJK punctuation (、。：（）“” full-width forms) or kana/hangul:
// U+2E80–U+9FFF, U+F900–U+FAFF, U+FE30–U+FE4F, U+FF00–U+FFEF.
//
// Not scanned, because it is data and not the page's words: input and textarea values
// (numbers typed, the policy JSON), the share link (a URL: <code id="share-link">) and
// people's names — the sample roster's are Chinese: the name columns of the people and assignment tables
// and the name on each payslip are not scanned, and on the English page the names are
// taken out of the explanation box ("KM001 张伟 · …") before it is, as the sample's column
// headers are out of the error boxes (an error names a cell by its header as the file
// gives it: "row 62, column 档次"). What a roster file or a policy brings in its own words
// (column headers, a file name, a level's label_en) is kept in the page's language by the
// files each view uses.
//
// Views: My pay for a regular employee, a contract employee under 3 years, a rural one, a
// trainee, the top grade, by start date and composite score, each kind of field error,
// take-home (Shanghai, Beijing, a bonus, both notes, a bad input), the bank and tobacco
// scorecards (a bad target, used as the score), then a language switch; the team page with
// the sample, every person's explanation, every editor section open (with the take-home
// and scorecard blocks), a coefficient edit and its diff, more diffs (choices, a boolean,
// labels, an added band, level and bracket), policy errors and bad JSON, quotas and the
// assignment, the payslip print view, cost over the years with its chart, the three charts, sorting, filtering,
// the share link (copied and not), rosters with bad rows, warnings and no content, then a
// language switch. My pay's first three views again in Firefox.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { launch, fillExample1 } from './helpers.mjs';
import { startServer } from '../../tools/serve.mjs';

/** Latin words a Chinese page may show, each with its reason. */
const LATIN_OK = new Map([
  ['Paygrade', 'the product name'],
  ['CSV', 'a file format, named as Chinese users name it'],
  ['XLSX', 'a file format'],
  ['JSON', 'a file format (the policy file, the advanced editor)'],
  ['English', 'the language switch names the other language in that language'],
  ['xlsx', 'a file\'s extension as its name spells it (an uploaded 花名册.xlsx, the warning that its content is text)'],
  ['Ctrl', 'the key as printed on the keyboard (“请按 Ctrl+C 复制” when the clipboard cannot be written)'],
]);
/** CJK an English page may show. */
const CJK_OK = new Map([
  ['中文', 'the language switch names the other language in that language'],
]);
const LATIN = /(?<![A-Za-z0-9])[A-Za-z]{3,}(?![A-Za-z0-9])/g;
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+/g;

/** The words of `items` (`{ where, text }`) that the page's language may not show. */
function offenders(items, lang) {
  const out = [];
  for (const { where, text } of items) {
    const bad = lang === 'zh'
      ? [...text.matchAll(LATIN)].map((m) => m[0]).filter((w) => !LATIN_OK.has(w))
      : [...text.matchAll(CJK)].map((m) => m[0]).filter((w) => !CJK_OK.has(w));
    if (bad.length) out.push(`${where}: ${[...new Set(bad)].join(', ')} ← ${text.slice(0, 160)}`);
  }
  return out;
}

/**
 * Everything the page shows or names, as `{ where, text }`: each visible text node (HTML
 * and SVG), and on every shown element the `title`, `aria-label` and `placeholder`, the
 * text of each <option> of a shown <select>, and the document title. Shown: rendered —
 * not display:none or visibility:hidden, not inside [hidden] or a closed <details> (what
 * neither a reader nor a screen reader meets is not yet the page's words). `names`:
 * people's names to take out of the explanation box first, and the roster's column headers
 * out of the error boxes (English pages). Runs in the
 * page (Chromium and Firefox).
 */
function pageItems(names) {
  const SKIP = 'script, style, template, textarea, #share-link, #people-table td:nth-child(2), #assign-table td:nth-child(2), #payslips .slip-name';
  const where = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
      parts.unshift(e.id ? `#${e.id}` : e.tagName.toLowerCase());
      if (e.id) break;
    }
    return parts.join(' ');
  };
  const shown = (el) => (typeof el.checkVisibility === 'function'
    ? el.checkVisibility({ visibilityProperty: true })
    : el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
  const strip = (s) => names.reduce((acc, n) => acc.replaceAll(n, ' '), s);
  const items = [{ where: '<title>', text: document.title }];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || !n.data.trim() || el.closest(SKIP) || !shown(el)) continue;
    items.push({ where: where(el), text: el.closest('#explain, #err-policy, #err-roster') ? strip(n.data) : n.data });
  }
  for (const el of document.body.querySelectorAll('[title], [aria-label], [placeholder]')) {
    if (el.closest(SKIP) || !shown(el)) continue;
    for (const a of ['title', 'aria-label', 'placeholder']) {
      if (el.hasAttribute(a)) items.push({ where: `${where(el)} [${a}]`, text: el.getAttribute(a) });
    }
  }
  for (const o of document.body.querySelectorAll('option')) if (shown(o.closest('select'))) items.push({ where: `${where(o.parentElement)} <option>`, text: o.textContent });
  return items;
}

test('the rule: which words count', () => {
  const check = (text, lang) => offenders([{ where: 'x', text }], lang);
  assert.deepEqual(check('0 (2 < 3 years) = 0.00', 'zh'), ['x: years ← 0 (2 < 3 years) = 0.00']);
  assert.deepEqual(check('KM001 吴静 · 中级 B档 (1.40) · 基准 c403ac75 · sha256 · Paygrade · 导出 CSV', 'zh'), []);
  assert.deepEqual(check('社保公积金按 Shanghai 上海 (example)', 'zh'), ['x: Shanghai, example ← 社保公积金按 Shanghai 上海 (example)']);
  assert.deepEqual(check('请按 Ctrl+C 复制 · 不属于等级 “trainee”', 'zh'), ['x: trainee ← 请按 Ctrl+C 复制 · 不属于等级 “trainee”']);
  assert.deepEqual(check('10k CNY (万元)', 'en'), ['x: 万元 ← 10k CNY (万元)']);
  assert.deepEqual(check('中文 · row 3, column B: not a number: "x"', 'en'), []);
  assert.deepEqual(check('Contributions per Beijing（example）', 'en'), ['x: （, ） ← Contributions per Beijing（example）']);
});

let b;
before(async () => { b = await launch(); await b.page.setViewportSize({ width: 1280, height: 900 }); });
after(async () => { await b?.close(); });

/** Scan the page now, as view `name`; its offenders go into `found`. */
async function scan(page, lang, name, found, names = []) {
  const items = await page.evaluate(pageItems, names);
  // DUMP=file appends what was scanned, view by view (to see what the test reads).
  if (process.env.DUMP) (await import('node:fs')).appendFileSync(process.env.DUMP, `=== ${lang} ${name}\n${items.map((i) => `${i.where}\t${i.text}`).join('\n')}\n`);
  for (const o of offenders(items, lang)) found.push(`[${name}] ${o}`);
  return items;
}
const text = (sel) => b.page.locator(sel).innerText();

// ---------- My pay ----------
const SCORES = { business: '92', customer_satisfaction: '88', supplier: '85', self: '95', marketing_audit: '80' };
/** The My-pay form for one person: `p` = { level, band, employment, rural, years }. */
async function person(page, p) {
  await page.check('input[name="years_mode"][value="years"]');
  await page.check('input[name="score_mode"][value="five"]');
  await page.selectOption('#level', p.level);
  if (p.band) await page.selectOption('#band', p.band);
  await page.selectOption('#employment', p.employment);
  await page.setChecked('#rural', p.rural);
  await page.fill('#years_in_post', p.years);
  for (const [id, v] of Object.entries(SCORES)) await page.fill(`#${id}`, v);
  await page.waitForFunction(() => !document.querySelector('#summary').hidden);
}

/** Every view of My pay in `lang`; the offenders found. */
async function myPayViews(lang) {
  const { page } = b;
  const found = [];
  await page.goto(`${b.base}index.html?lang=${lang}`);
  await page.waitForFunction(() => window.paygrade !== undefined);
  await page.click('#reset');
  await scan(page, lang, 'empty form', found);
  // A regular employee (seniority not eligible by employment).
  await person(page, { level: 'intermediate', band: 'B', employment: 'regular', rural: false, years: '12' });
  assert.equal(await text('#x-seniority'), lang === 'zh' ? '0（在册职工不享受年功工资） = 0.00' : '0 (regular staff not eligible) = 0.00');
  const regular = await scan(page, lang, 'regular employee', found);
  assert.ok(regular.some((i) => i.where === '#x-seniority'), 'the explanation is read');
  // A contract employee under 3 years (not eligible by years).
  await person(page, { level: 'junior', band: 'A', employment: 'contract', rural: false, years: '2' });
  assert.equal(await text('#x-seniority'), lang === 'zh' ? '0（岗位年限 2 年，未满 3 年） = 0.00' : '0 (2 < 3 years) = 0.00');
  await scan(page, lang, 'contract under 3 years', found);
  // A rural one (SPEC §11 example 1: contract, rural, intermediate-B, 12 years).
  await page.click('#reset');
  await fillExample1(page);
  await page.waitForFunction(() => document.getElementById('total').textContent === '3872.00');
  await scan(page, lang, 'rural (example 1)', found);
  // The edges of the what-ifs: a trainee (no band), the top grade.
  await person(page, { level: 'trainee', employment: 'contract', rural: false, years: '1' });
  await scan(page, lang, 'trainee', found);
  await person(page, { level: 'senior', band: 'A', employment: 'contract', rural: true, years: '30' });
  await scan(page, lang, 'senior A, 30 years', found);
  // Other input modes: by start date, the composite score directly.
  await page.check('input[name="years_mode"][value="date"]');
  await page.fill('#post_start', '2016-02-29');
  await page.fill('#as_of', '2026-11-30');
  await page.check('input[name="score_mode"][value="composite"]');
  await page.fill('#composite_score', '75');
  await scan(page, lang, 'by date, composite', found);
  // Errors at the fields, one at a time (the engine's facts, worded by render.js).
  const fieldError = async (id, value, view) => {
    const before = await page.inputValue(`#${id}`);
    await page.fill(`#${id}`, value);
    await page.waitForFunction((i) => document.getElementById(`err-${i}`).textContent !== '', id);
    await scan(page, lang, `error: ${view}`, found);
    await page.fill(`#${id}`, before);
  };
  await fieldError('post_start', '2025-02-30', 'not a date');
  await fieldError('post_start', '2027-01-01', 'start after the pay date');
  await fieldError('composite_score', '150', 'score out of range');
  await fieldError('composite_score', '1.2.3', 'not a number');
  await fieldError('composite_score', '', 'required');
  await fieldError('paid_days', '30', 'paid days out of range');
  await page.click('#reset');
  await fillExample1(page);
  // Take-home for the year: Shanghai, with a bonus; Beijing; a year the separate bonus
  // rule has ended; a year before the table.
  await page.click('#th_go');
  await page.waitForSelector('#th_result:not([hidden])');
  await scan(page, lang, 'take-home', found);
  await page.fill('#th_bonus', '36000');
  await page.fill('#th_special', '1500');
  await page.waitForFunction(() => !document.querySelector('#th_bonus_totals').hidden);
  await scan(page, lang, 'take-home with a bonus', found);
  await page.selectOption('#th_city', 'beijing');
  await scan(page, lang, 'take-home, Beijing', found);
  await page.fill('#as_of', '2028-03-31');
  await page.waitForFunction(() => document.querySelector('#th_warnings').textContent !== '');
  await scan(page, lang, 'take-home, bonus rule ended', found);
  await page.fill('#as_of', '2024-03-31');
  await page.waitForFunction(() => document.querySelector('#th_warnings').textContent !== '');
  await scan(page, lang, 'take-home, table later than the year', found);
  await page.fill('#th_special', 'x');
  await page.waitForFunction(() => document.querySelector('#err-th_special').textContent !== '');
  await scan(page, lang, 'take-home, bad input', found);
  await page.fill('#th_special', '');
  await page.fill('#as_of', '2026-03-31');
  // The scorecard: bank (one line below its floor), tobacco, a bad target.
  await page.click('#sc_go');
  await page.waitForSelector('#sc_body:not([hidden])');
  await page.selectOption('#sc_card', 'bank');
  await scan(page, lang, 'scorecard, empty', found);
  const bank = { deposits: ['1000', '1180'], loans: ['500', '450'], intermediate_income: ['50', '40'], new_customers: ['2', '1'], overdue_ratio: ['2.0', '1.5'] };
  for (const [id, [target, actual]] of Object.entries(bank)) {
    await page.fill(`#sc_${id}_target`, target);
    await page.fill(`#sc_${id}_actual`, actual);
  }
  assert.equal(await text('#sc_score'), '90.40');
  await scan(page, lang, 'scorecard, bank', found);
  await page.fill('#sc_loans_target', '0');
  await page.waitForFunction(() => document.querySelector('#err-sc').textContent !== '');
  await scan(page, lang, 'scorecard, bad target', found);
  await page.fill('#sc_loans_target', '500');
  await page.click('#sc_use');
  await scan(page, lang, 'scorecard used as the business score', found);
  await page.selectOption('#sc_card', 'tobacco');
  const ids = await page.$$eval('#sc_table tbody input[id$="_target"]', (is) => is.map((i) => i.id.slice(3, -7)));
  for (const [i, id] of ids.entries()) {
    await page.fill(`#sc_${id}_target`, '100');
    await page.fill(`#sc_${id}_actual`, String(40 + 25 * i));
  }
  await page.waitForFunction(() => document.querySelector('#sc_score').textContent !== '—');
  await scan(page, lang, 'scorecard, tobacco', found);
  // The language switch redraws every part shown, an error included.
  await page.fill('#years_in_post', '1.2.3');
  await page.waitForFunction(() => document.querySelector('#err-years_in_post').textContent !== '');
  const other = lang === 'zh' ? 'en' : 'zh';
  await page.click('#lang');
  await page.waitForFunction((l) => document.documentElement.lang === l, other === 'zh' ? 'zh-CN' : 'en');
  await scan(page, other, `switched to ${other}`, found);
  await page.click('#lang');
  await page.fill('#years_in_post', '12');
  return found;
}

test('My pay in Chinese: no Latin word in any view', async () => {
  assert.deepEqual(await myPayViews('zh'), []);
});

test('My pay in English: no Chinese in any view', async () => {
  assert.deepEqual(await myPayViews('en'), []);
});

// ---------- the team page ----------
const COEF_B = '[data-path="ladder[2].bands[1].coefficient"]';
/** Every view of the team page in `lang` with the sample roster; the offenders found. */
async function teamViews(lang) {
  const { page } = b;
  const found = [];
  await page.goto(`${b.base}team.html?lang=${lang}`);
  await page.waitForFunction(() => window.paygradeTeam?.ready);
  await page.click('#reset-proposal');
  await page.click('#sample');
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('71'));
  await page.waitForFunction(() => document.querySelector('#progress').hidden);
  const people = await page.$$eval('#people-table tbody tr[data-id] td:nth-child(2)', (tds) => tds.map((td) => td.textContent).filter(Boolean));
  assert.equal(people.length, 71);
  // The sample's column headers, as an error names a cell: `column 档次`.
  const names = [...people, ...['工号', '姓名', '等级', '档次', '用工性质', '岗位年限', '农村', '经营业绩', '客户满意度',
    '工业企业评价', '自我评价', '营销部审核评价', '考试成绩', '综合评议', '学历', '工作年限'].map((h) => `column ${h}`)];
  const look = (view) => scan(page, lang, view, found, lang === 'en' ? names : []);
  await look('sample roster');
  // Every person's explanation, one after another.
  const ids = await page.$$eval('#people-table tbody tr[data-id]', (rs) => rs.map((r) => r.dataset.id));
  for (const id of ids) {
    await page.click(`#people-table tr[data-id="${id}"] .row-open`);
    await page.waitForFunction((i) => document.querySelector('#explain').dataset.for?.startsWith(`${i}|`), id);
    const items = (await page.evaluate(pageItems, lang === 'en' ? names : [])).filter((x) => x.where.startsWith('#explain'));
    assert.equal(items.length, 1, `the explanation of ${id} is read`);
    for (const o of offenders(items, lang)) found.push(`[explanation of ${id}] ${o}`);
  }
  await look('an explanation open');
  await page.click(`#people-table tr[data-id="${ids[0]}"] .row-open`);
  // Every editor section open, the JSON editor too.
  await page.evaluate(() => document.querySelectorAll('#policy-panel details').forEach((d) => { d.open = true; }));
  await look('every editor section open');
  // A coefficient edit, its diff shown.
  await page.fill(COEF_B, '1.50');
  await page.waitForFunction(() => document.querySelector('.total-diff')?.textContent === '+990.00');
  assert.equal(await text('#policy-diff'), lang === 'zh' ? '中级 B档 效益工资系数：1.40 → 1.50' : 'Intermediate B coefficient: 1.40 → 1.50');
  await look('coefficient edit with its diff');
  // The payslip print view (issue 15 item 12): a slip per person, each component with how
  // it is worked out.
  await page.click('#print-payslips');
  await page.waitForSelector('#payslips:not([hidden]) .slip');
  await look('the payslip print view');
  await page.click('#payslips-close');
  // More kinds of difference: a choice, a boolean, a bracket, a label, a removed item.
  const p = JSON.parse(await page.inputValue('#proposal-json'));
  p.seniority.mode = 'marginal';
  p.seniority.brackets[1].per_year = '7.00';
  p.rounding.mode = 'half_even';
  p.rural_uplift.floating_follows = !p.rural_uplift.floating_follows;
  p.quota.seat_rounding = 'ceil';
  // A level's own name in the page's language (a diff of the other language's name shows
  // that name: the policy's data, not the page's words).
  if (lang === 'zh') p.ladder[1].label_zh = '一级客户经理'; else p.ladder[1].label_en = 'Account manager I';
  p.proration.components = p.proration.components.slice(0, 1);
  await page.fill('#proposal-json', JSON.stringify(p, null, 2));
  await page.waitForFunction(() => document.querySelectorAll('#policy-diff li').length > 5);
  await page.evaluate(() => document.querySelectorAll('#policy-panel details').forEach((d) => { d.open = true; }));
  await look('several policy differences');
  // A band, a level and a seniority bracket added (groups of settings in the diff).
  await page.click('button[data-action="add-band"][data-target="ladder[2]"]');
  await page.click('button[data-action="add-level"][data-target="ladder"]');
  await page.click('button[data-action="add-bracket"][data-target="seniority.brackets"]');
  await page.waitForFunction(() => document.querySelector('#policy-diff').textContent.includes(document.documentElement.lang === 'en' ? 'added' : '已添加'));
  await page.waitForFunction(() => document.querySelector('#progress').hidden);
  await look('a band, a level and a bracket added');
  // The take-home and scorecard blocks in the proposal (the engine's example presets).
  const presets = await page.evaluate(async () => {
    const m = await import('./pkg/paygrade_extra.js');
    await m.default();
    return { contributions: m.contributionPresets(), scorecard: m.scorecardPresets() };
  });
  for (const [contributions, scorecard] of [['shanghai', 'bank'], ['beijing', 'tobacco']]) {
    await page.fill('#proposal-json', JSON.stringify({ ...p, contributions: presets.contributions[contributions], scorecard: presets.scorecard[scorecard] }, null, 2));
    await page.waitForFunction(() => document.querySelector('[data-block="scorecard"]') && document.querySelector('#err-policy').textContent === '');
    await page.waitForFunction(() => document.querySelector('#progress').hidden);
    await page.evaluate(() => document.querySelectorAll('#policy-panel details').forEach((d) => { d.open = true; }));
    await look(`take-home (${contributions}) and scorecard (${scorecard}) blocks`);
  }
  await page.fill('#proposal-json', JSON.stringify(p, null, 2));
  await page.waitForFunction(() => !document.querySelector('[data-block="scorecard"]'));
  // Errors in the proposal: a weight sum, a bad number, a person the proposal cannot pay.
  await page.fill('[data-path="evaluation.weights.business"]', '0.45');
  await page.waitForSelector('.pe-error[data-for="evaluation.weights"]');
  await look('a weight sum error');
  await page.fill('[data-path="evaluation.weights.business"]', p.evaluation.weights.business);
  await page.fill('#proposal-json', '{ "broken": ');
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent.includes('JSON'));
  await look('JSON that does not parse');
  await page.fill('#proposal-json', '{ "broken" }');
  await page.waitForFunction(() => /\d/.test(document.querySelector('#err-policy').textContent));
  await look('JSON that does not parse, at a line and column');
  await page.fill('#proposal-json', JSON.stringify(p, null, 2));
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent === '');
  await page.fill('[data-path="ladder[1].base_wage"]', '1.2.3');
  await page.waitForSelector('.pe-error[data-for="ladder[1].base_wage"]');
  await look('a bad number');
  await page.fill('[data-path="ladder[1].base_wage"]', p.ladder[1].base_wage);
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent === '');
  await page.click('button[data-action="add-band"][data-target="ladder[0]"]');
  await page.waitForFunction(() => !document.querySelector('#stale-note').hidden);
  await look('a proposal that cannot pay a trainee');
  await page.click('#reset-proposal');
  await page.waitForFunction(() => document.querySelector('#stale-note').hidden);
  await page.fill(COEF_B, '1.50');
  await page.waitForFunction(() => document.querySelector('.total-diff')?.textContent === '+990.00');
  // Quotas and the assignment (the sample: one over in intermediate; refusals with reasons).
  assert.ok(await page.locator('#assign-table tbody tr').count() > 0);
  await look('quotas and assignment');
  // Cost over the years: the table, why, each year's details and the chart.
  await page.check('#projection-assign');
  await page.waitForFunction(() => document.querySelector('#projection-why'));
  await page.evaluate(() => document.querySelectorAll('#projection-panel details').forEach((d) => { d.open = true; }));
  await page.waitForSelector('#chart-projection svg');
  assert.ok((await look('cost over the years, its chart')).some((i) => i.where.startsWith('#chart-projection svg')), 'the projection chart is read');
  // The charts (SVG).
  await page.click('#charts > summary');
  await page.waitForFunction(() => document.querySelectorAll('#charts svg').length === 3);
  const charts = await look('charts');
  for (const kind of ['cost', 'distribution', 'differences']) assert.ok(charts.some((i) => i.where.startsWith(`#chart-${kind} svg`)), `chart ${kind} is read`);
  // Sorting, a filter, the share link.
  await page.click('#people-table th button[data-sort="name"]');
  await page.selectOption('#filter-level', 'intermediate');
  await page.click('#share');
  await page.waitForFunction(() => !document.querySelector('#share-box').hidden);
  await look('sorted, filtered, share link');
  await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: b.base.slice(0, -1) });
  await page.click('#share-copy');
  await page.waitForFunction(() => document.querySelector('#share-copied').textContent !== '');
  await look('share link copied');
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('denied')); });
  await page.click('#share-copy');
  await page.waitForFunction(() => /Ctrl/.test(document.querySelector('#share-copied').textContent));
  await look('share link not copied');
  await page.selectOption('#filter-level', '');
  // A roster with bad rows (the file's own headers and cells: Chinese ones on the Chinese
  // page, English ones on the English page — they are the file's words).
  const csv = lang === 'zh'
    ? '工号,等级,档次,用工性质,岗位年限,综合得分\nA1,中级,B,聘用,3,80\nA2,中级,B,聘用,三,80\nA3,中级,B,聘用,3,80\nA4,中级,B,聘用,3,八十\nA5,中级,B,聘用,3,80\nA6,中级,B,临时,3,80\n'
    : 'id,level,band,employment,years_in_post,composite_score\nA1,intermediate,B,contract,3,80\nA2,intermediate,B,contract,x,80\nA3,intermediate,B,contract,3,80\nA4,intermediate,B,contract,3,y\n';
  await page.setInputFiles('#file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.querySelector('#err-roster').textContent !== '');
  await look('a roster with bad rows');
  // A roster read with warnings: title rows above the header, an unknown column, a totals
  // row, a text file named .xlsx.
  const warned = lang === 'zh'
    ? '2026年客户经理花名册,,,,,,,\n,,,,,,,\n工号,姓名,等级,档次,用工性质,岗位年限,综合得分,备注\nW1,甲,中级,B,聘用,12,88,\nW2,乙,初级,A,在册,3,70,新调入\n合计,,,,,,,\n'
    : 'Roster 2026,,,,,,,\n,,,,,,,\nid,name,level,band,employment,years_in_post,composite_score,notes\nW1,Ann,intermediate,B,contract,12,88,\nW2,Bo,junior,A,regular,3,70,moved\nTotal,,,,,,,\n';
  const file = lang === 'zh' ? '花名册.xlsx' : 'roster.xlsx';
  await page.setInputFiles('#file', { name: file, mimeType: 'application/octet-stream', buffer: Buffer.from(warned) });
  await page.waitForFunction((f) => document.querySelector('#roster-info').textContent.includes(f), file);
  assert.ok(await page.locator('#warnings li').count() >= 2, await text('#warnings'));
  assert.equal(await text('#warnings-title'), lang === 'zh' ? '读取 花名册.xlsx 时的提示：' : 'Notes on reading roster.xlsx:');
  await look('a roster read with warnings');
  await page.setInputFiles('#file', { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
  await page.waitForFunction(() => document.querySelector('#err-roster').textContent !== '');
  await look('an empty file');
  await page.click('#sample');
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('71'));
  // The language switch redraws everything shown: an explanation, an error, the charts.
  await page.waitForFunction(() => document.querySelector('#progress').hidden);
  await page.click(`#people-table tr[data-id="${ids[1]}"] .row-open`);
  await page.waitForFunction((i) => document.querySelector('#explain').dataset.for === `${i}|${document.documentElement.lang === 'en' ? 'en' : 'zh'}`, ids[1]);
  await page.fill('#proposal-json', '{ "broken" }');
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent.includes('JSON'));
  const other = lang === 'zh' ? 'en' : 'zh';
  await page.click('#lang');
  await page.waitForFunction((o) => document.querySelector('#explain').dataset.for?.endsWith(`|${o}`), other);
  await page.waitForFunction(() => [...document.querySelectorAll('#chart-cost svg text')].some((t) => /Monthly|月合计/.test(t.textContent)));
  await page.waitForFunction((o) => document.querySelector('#chart-cost svg text').textContent.includes(o === 'en' ? 'Monthly' : '月合计'), other);
  await scan(page, other, `switched to ${other}`, found, other === 'en' ? names : []);
  await page.click('#lang');
  await page.click('#reset-proposal');
  return found;
}

test('the team page in Chinese: no Latin word in any view', async () => {
  assert.deepEqual(await teamViews('zh'), []);
});

test('the team page in English: no Chinese outside people\'s names', async () => {
  assert.deepEqual(await teamViews('en'), []);
});

test('no console error or foreign request', () => {
  assert.deepEqual(b.consoleErrors, []);
  assert.deepEqual(b.requests.filter((u) => !u.startsWith(b.base) && !u.startsWith('data:') && !u.startsWith('blob:')), []);
});

// ---------- a second engine ----------
test('Firefox: My pay in Chinese, regular, under 3 years and rural, no Latin word', async () => {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', headless: true });
  const server = await startServer(0);
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html?lang=zh`);
    await page.waitForFunction(() => window.paygrade !== undefined, { timeout: 60_000 });
    const found = [];
    const look = async (view) => { for (const o of offenders(await page.evaluate(pageItems, []), 'zh')) found.push(`[Firefox: ${view}] ${o}`); };
    const fill = async (sel, v) => { await page.$eval(sel, (e) => { e.value = ''; }); await page.type(sel, v); };
    await page.click('#reset');
    await page.select('#level', 'intermediate');
    await page.select('#band', 'B');
    await page.select('#employment', 'regular');
    await fill('#years_in_post', '12');
    for (const [id, v] of Object.entries(SCORES)) await fill(`#${id}`, v);
    await page.waitForFunction(() => document.getElementById('x-seniority').textContent === '0（在册职工不享受年功工资） = 0.00');
    await look('regular');
    await page.select('#employment', 'contract');
    await fill('#years_in_post', '2');
    await page.waitForFunction(() => document.getElementById('x-seniority').textContent === '0（岗位年限 2 年，未满 3 年） = 0.00');
    await look('contract under 3 years');
    await fill('#years_in_post', '12');
    await page.click('#rural');
    await page.waitForFunction(() => document.getElementById('total').textContent === '3872.00');
    await look('rural');
    assert.deepEqual(found, []);
  } finally {
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
});
