// Browser tests of issue 15's team-page parts: the comparison export (item 9), the payslip
// print view and XLSX (item 12) and the sheet selector (item 2), in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, readXlsx, axeProblems } from './helpers.mjs';

const TWO_SHEETS = new URL('../fixtures/public_bugs/i15_two_sheets.xlsx', import.meta.url);
const COEF_B = '[data-path="ladder[2].bands[1].coefficient"]';

let b;
before(async () => {
  b = await launch();
  await b.page.goto(`${b.base}team.html?lang=zh`);
  await b.page.waitForFunction(() => window.paygradeTeam?.ready);
  await b.page.fill('#as_of', '2026-11-30');
  await b.page.locator('#as_of').dispatchEvent('change');
  await b.page.fill(COEF_B, '1.50');
  await b.page.waitForFunction(() => document.querySelector('.total-diff')?.textContent === '+990.00');
});
after(async () => { await b?.close(); });
const text = (sel) => b.page.locator(sel).innerText();
/** Click `button` and read the file the browser downloads: `{ name, bytes }`. */
async function download(button) {
  const [d] = await Promise.all([b.page.waitForEvent('download'), b.page.click(button)]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}
async function switchLang(to) {
  await b.page.click('#lang');
  await b.page.waitForFunction((h) => document.querySelector('h2').textContent === h, to === 'en' ? 'Roster' : '花名册');
}
const LATIN = /(?<![A-Za-z0-9])[A-Za-z]{3,}(?![A-Za-z0-9])/g;
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+/g;

test('the comparison export: baseline, proposal and difference per component, a totals row, re-importable', async () => {
  // CSV, in Chinese.
  const csv = await download('#export-comparison-csv');
  assert.equal(csv.name, 'paygrade-方案对比.csv');
  const lines = csv.bytes.toString('utf8').trimEnd().split('\n');
  assert.equal(lines.length, 72);
  assert.ok(lines[0].startsWith('\ufeff工号,姓名,等级,档次,用工性质,岗位年限,入岗日期,农村,'), lines[0]);
  assert.ok(lines[0].endsWith(',基本岗位工资（基准）,基本岗位工资（方案）,基本岗位工资（差额）,岗位浮动工资（基准）,岗位浮动工资（方案）,岗位浮动工资（差额）,'
    + '年功工资（基准）,年功工资（方案）,年功工资（差额）,效益工资（基准）,效益工资（方案）,效益工资（差额）,应发合计（基准）,应发合计（方案）,应发合计（差额）'), lines[0]);
  // KM011, intermediate-B, contract, 6 years, factor 1.00: performance 1000.00 × 1.40 →
  // × 1.50, seniority 6 × 4.00.
  assert.equal(lines.find((l) => l.startsWith('KM011,')), 'KM011,冯宇怡,中级,B,聘用,6,,否,92,90,84,89,78,,,84,89,本科,10,'
    + '1500.00,1500.00,0.00,800.00,800.00,0.00,24.00,24.00,0.00,1400.00,1500.00,100.00,3724.00,3824.00,100.00');

  // XLSX: the same cells as numbers, money formats, a frozen header, a totals row.
  const xlsx = await download('#export-comparison-xlsx');
  assert.equal(xlsx.name, 'paygrade-方案对比.xlsx');
  const sheet = readXlsx(xlsx.bytes);
  assert.equal(sheet.name, '方案对比');
  assert.equal(sheet.cells.get('T1'), '基本岗位工资（基准）');
  assert.equal(sheet.cells.get('AH1'), '应发合计（差额）');
  const row = [...sheet.cells].find(([ref, v]) => /^A\d+$/.test(ref) && v === 'KM011')[0].slice(1);
  assert.deepEqual(['AC', 'AD', 'AE', 'AF', 'AG', 'AH'].map((c) => sheet.cells.get(`${c}${row}`)), [1400, 1500, 100, 3724, 3824, 100]);
  // Totals below a blank row: the comparison table's own figures (baseline 241,242.00,
  // difference 1000.00 × 0.10 × (9 × 1.00 + 1 × 0.90) = 990.00).
  assert.equal(sheet.cells.get('A74'), '合计');
  assert.equal(sheet.cells.has('A73'), false);
  const totals = await b.page.$$eval('#totals-table tbody tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
  const monthly = totals.find((r) => r[0] === '月合计');
  assert.deepEqual(monthly, ['月合计', '241,242.00', '242,232.00', '+990.00']);
  assert.deepEqual(['AF', 'AG', 'AH', 'AE'].map((c) => sheet.cells.get(`${c}74`)), [241242, 242232, 990, 990]);
  assert.match(sheet.xml, /<pane [^>]*ySplit="1"[^>]*state="frozen"/);
  assert.match(sheet.styles, /formatCode="#,##0\.00"/);
  assert.match(sheet.xml, /<col [^>]*width=/);

  // The file imports again as a roster: the same 71 people and the same pay.
  await b.page.setInputFiles('#file', { name: 'paygrade-comparison.xlsx', mimeType: 'application/octet-stream', buffer: xlsx.bytes });
  await b.page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('paygrade-comparison.xlsx'));
  assert.match(await text('#roster-info'), /^71 人/);
  // Two notes: the result columns are worked out again, and the totals row is skipped.
  const notes = await b.page.$$eval('#warnings li', (items) => items.map((li) => li.textContent));
  assert.equal(notes.length, 2, notes.join('\n'));
  assert.equal(notes[0], '文件带有 15 个计算结果列（如 “基本岗位工资（基准）”），读入时不采用：工资重新计算');
  assert.deepEqual(await b.page.$$eval('#totals-table tbody tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent))), totals);

  // In English: English headers and values.
  await switchLang('en');
  const en = (await download('#export-comparison-csv')).bytes.toString('utf8').trimEnd().split('\n');
  assert.ok(en[0].startsWith('\ufeffid,name,level,band,employment,') && en[0].endsWith(',baseline_total,proposal_total,difference_total'), en[0]);
  assert.equal(en.find((l) => l.startsWith('KM011,')), 'KM011,冯宇怡,intermediate,B,contract,6,,no,92,90,84,89,78,,,84,89,bachelor,10,'
    + '1500.00,1500.00,0.00,800.00,800.00,0.00,24.00,24.00,0.00,1400.00,1500.00,100.00,3724.00,3824.00,100.00');
  assert.equal(readXlsx((await download('#export-comparison-xlsx')).bytes).cells.get('A74'), 'total');
  await switchLang('zh');
  await b.page.click('#sample');
  await b.page.waitForFunction(() => document.querySelector('#roster-info').textContent.startsWith('71 人（示例）'));
});

/** The open print view's slips: `{ id, head, grade, rows: [[component, amount, how]] }`. */
const slips = () => b.page.$$eval('#payslip-list .slip', (els) => els.map((s) => ({ id: s.dataset.id, head: s.querySelector('h3').textContent,
  grade: s.querySelector('.slip-grade').textContent, rows: [...s.querySelectorAll('tbody tr')].map((r) => [...r.cells].map((c) => c.textContent)) })));

test('the payslip print view: a slip per person with components, total and how each is worked out; only the slips print', async () => {
  const { page } = b;
  await page.waitForFunction(() => document.querySelector('.total-diff')?.textContent === '+990.00');
  await page.click('#print-payslips');
  await page.waitForSelector('#payslips:not([hidden]) .slip');
  assert.equal(await text('#payslips-title'), '2026年11月工资条（71 人）');
  const zh = await slips();
  assert.equal(zh.length, 71);
  // KM011 under the proposal (intermediate-B at 1.50): 1500.00 + 800.00 + 24.00 + 1500.00.
  assert.deepEqual(zh.find((s) => s.id === 'KM011'), {
    id: 'KM011', head: '2026年11月工资条 KM011 冯宇怡', grade: '等级档次：中级 B档',
    rows: [['基本岗位工资', '1,500.00', '1500.00 = 1500.00'], ['岗位浮动工资', '800.00', '800.00 = 800.00'],
      ['年功工资', '24.00', '6 × 4.00 = 24.00'], ['效益工资', '1,500.00', '1000.00 × 1.50 × 1.00 = 1500.00'], ['月合计', '3,824.00', '']],
  });
  // A rural uplift is shown as the grade the coefficient comes from.
  assert.equal(zh.find((s) => s.id === 'KM018').grade, '等级档次：中级 C档 · 系数档：中级 B档');
  // The sum of the slips is the comparison's proposal total.
  const cents = zh.reduce((a, s) => a + Math.round(Number(s.rows[4][1].replaceAll(',', '')) * 100), 0);
  assert.equal(cents, 24223200);
  // No English on the Chinese view (ids such as KM011 are not words).
  const zhText = await page.locator('#payslips').innerText();
  assert.deepEqual([...zhText.matchAll(LATIN)].map((m) => m[0]), []);
  assert.deepEqual(await axeProblems(page), []);

  // On paper: only the slips, each kept whole between dashed cut lines.
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await page.evaluate(() => ['header.top', 'main.team', 'footer', '.payslips-bar', '#payslips']
    .map((sel) => getComputedStyle(document.querySelector(sel)).display !== 'none')), [false, false, false, false, true]);
  assert.deepEqual(await page.$eval('.slip', (s) => [getComputedStyle(s).breakInside, getComputedStyle(s).borderTopStyle]), ['avoid', 'dashed']);
  assert.equal(await page.locator('.slip:visible').count(), 71);
  // Several slips to an A4 page (297 mm at 96 px/in, less the 14 mm margins).
  const slipHeight = await page.$eval('.slip', (s) => s.getBoundingClientRect().height);
  assert.ok((297 - 28) / 25.4 * 96 / slipHeight >= 4, `slip ${slipHeight}px`);
  await page.emulateMedia({ media: 'screen' });

  // The language switch redraws the slips in English (names are data, in Chinese).
  await switchLang('en');
  assert.equal(await text('#payslips-title'), 'Payslip 2026-11 (71 people)');
  const en = await slips();
  assert.deepEqual(en.find((s) => s.id === 'KM011'), {
    id: 'KM011', head: 'Payslip 2026-11 KM011 冯宇怡', grade: 'Grade: Intermediate B',
    rows: [['Base wage', '1,500.00', '1500.00 = 1500.00'], ['Floating wage', '800.00', '800.00 = 800.00'],
      ['Seniority pay', '24.00', '6 × 4.00 = 24.00'], ['Performance pay', '1,500.00', '1000.00 × 1.50 × 1.00 = 1500.00'], ['Monthly total', '3,824.00', '']],
  });
  const cjk = await page.$$eval('#payslips', ([v]) => {
    const clone = /** @type {HTMLElement} */ (v.cloneNode(true));
    for (const n of clone.querySelectorAll('.slip-name')) n.remove();
    return clone.textContent;
  });
  assert.deepEqual([...cjk.matchAll(CJK)].map((m) => m[0]), []);
  await page.click('#payslips-close');
  assert.equal(await page.isHidden('#payslips'), true);
  assert.equal(await page.isVisible('#people-panel'), true);
  await switchLang('zh');
});

test('the payslip XLSX downloads from the page: a header row per person', async () => {
  const file = await download('#export-payslips');
  assert.equal(file.name, 'paygrade-工资条-2026-11.xlsx');
  const sheet = readXlsx(file.bytes);
  assert.equal(sheet.name, '工资条');
  const headers = [...sheet.cells].filter(([ref, v]) => /^B\d+$/.test(ref) && v === '工号').length;
  assert.equal(headers, 71);
  // KM001 first: senior-A, 1500.00 + 1200.00 + 0.00 + 1000.00 × 1.80 × 1.20 = 4860.00.
  assert.deepEqual(['A2', 'B2', 'C2', 'I2'].map((c) => sheet.cells.get(c)), ['2026-11', 'KM001', '吴静', 4860]);
  assert.equal(sheet.cells.get('B4'), '工号');
});

test('a workbook with two visible sheets: a sheet selector, and another sheet is read from the same file', async () => {
  const { page } = b;
  await page.click('#reset-proposal');
  await page.waitForFunction(() => document.querySelector('.total-diff')?.textContent === '0.00');
  assert.equal(await page.isHidden('#sheet-box'), true);
  await page.setInputFiles('#file', { name: '花名册.xlsx', mimeType: 'application/octet-stream', buffer: readFileSync(TWO_SHEETS) });
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('花名册.xlsx'));
  assert.equal(await page.isVisible('#sheet-box'), true);
  assert.equal(await text('#sheet-box > span'), '工作表');
  assert.deepEqual(await page.$$eval('#sheet option', (os) => os.map((o) => [o.value, o.selected])), [['11月', true], ['12月', false]]);
  const monthly = () => page.$$eval('#totals-table tbody tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)).find((r) => r[0] === '月合计'));
  // 11月: 2900.00 + 3724.00.
  assert.match(await text('#roster-info'), /^2 人/);
  assert.deepEqual(await monthly(), ['月合计', '6,624.00', '6,624.00', '0.00']);
  await page.selectOption('#sheet', '12月');
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.startsWith('3 人'));
  // 12月: 3100.00 + 4128.00 + 4860.00.
  assert.deepEqual(await monthly(), ['月合计', '12,088.00', '12,088.00', '0.00']);
  assert.equal(await page.inputValue('#sheet'), '12月');
  assert.deepEqual(await page.$$eval('#people-table tbody tr[data-id]', (rs) => rs.map((r) => r.dataset.id).sort()), ['E001', 'E002', 'E003']);
  assert.deepEqual(await axeProblems(page), []);
  await page.selectOption('#sheet', '11月');
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.startsWith('2 人'));
  assert.deepEqual(await monthly(), ['月合计', '6,624.00', '6,624.00', '0.00']);
  // A CSV or the sample has no sheets: no selector.
  await page.click('#sample');
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.startsWith('71 人'));
  assert.equal(await page.isHidden('#sheet-box'), true);
  assert.deepEqual(b.consoleErrors, []);
});

test('the file picker offers every roster format the engine reads', async () => {
  // A picker that filters .xls/.ods/.txt out leaves an HR officer with only drag and drop.
  const html = readFileSync(new URL('../../www/team.html', import.meta.url), 'utf8');
  const accept = /id="file" accept="([^"]*)"/.exec(html)?.[1];
  assert.equal(accept, '.csv,.tsv,.txt,.xlsx,.xlsm,.xls,.ods,.json');
});

test('a blank template downloads, with its notes, and loads back as its one example person', async () => {
  const { page } = b;
  const file = await download('#template');
  assert.equal(file.name, 'paygrade-花名册模板.xlsx');
  const sheet = readXlsx(file.bytes);
  assert.equal(sheet.name, '花名册');
  assert.deepEqual(['A1', 'C1', 'E1', 'F1', 'I1', 'S1'].map((c) => sheet.cells.get(c)), ['工号', '等级', '用工性质', '岗位年限', '经营业绩', '工作年限']);
  assert.deepEqual(['A2', 'C2', 'E2', 'F2', 'I2'].map((c) => sheet.cells.get(c)), ['E001', '中级', '聘用', 12, 92]);
  // Loaded back: SPEC §11 example 1, 3,872.00 a month, one note that it is the example.
  await page.setInputFiles('#file', { name: 'template.xlsx', mimeType: 'application/octet-stream', buffer: file.bytes });
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('template.xlsx'));
  assert.match(await text('#roster-info'), /^1 人/);
  assert.equal(await text('#warnings'), '第 2 行是模板的示例行（E001），仍按一人计算：请删去或改成真实人员');
  assert.match(await text('#people-table'), /3,872\.00/);
  await switchLang('en');
  assert.equal((await download('#template')).name, 'paygrade-roster-template.xlsx');
  await switchLang('zh');
  await page.click('#sample');
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.startsWith('71 人'));
});
