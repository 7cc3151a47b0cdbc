// Browser end-to-end tests of the team page: sample roster, proposal, comparison, quotas.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { launch } from './helpers.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b?.close(); });
const text = (sel) => b.page.locator(sel).innerText();
const shot = (name) => b.page.screenshot({ path: fileURLToPath(new URL(`../../target/${name}.png`, import.meta.url)), fullPage: true });

const proposal = async () => JSON.parse(await b.page.inputValue('#proposal-json'));
const invalid = () => b.page.$$eval('#policy-editor [aria-invalid="true"]', (els) => els.map((e) => e.dataset.path));
async function openBlock(key) {
  if (!await b.page.$eval(`details[data-block="${key}"]`, (d) => d.open)) await b.page.click(`details[data-block="${key}"] > summary`);
}
async function openJson() {
  if (!await b.page.$eval('#json-details', (d) => d.open)) await b.page.click('#json-details > summary');
}

async function open() {
  await b.page.goto(`${b.base}team.html`);
  await b.page.waitForFunction(() => window.paygradeTeam?.ready);
}

test('the sample roster loads with its quotas: intermediate 36 of 35, one over', async () => {
  await open();
  assert.match(await text('#roster-info'), /71/);
  const rows = await b.page.locator('#quota-table tbody tr').allInnerTexts();
  assert.deepEqual(rows.map((r) => r.split('\t').join(' ')), ['高级 6 0.20 14 0', '中级 36 0.50 35 1', '初级 18 0.30 21 0']);
  assert.equal(await b.page.locator('#people-table tbody tr').count(), 71);
  assert.equal(await text('#count-same'), '71');
});

test('raising intermediate-B by 0.10 in the proposal shows who gains and the cost', async () => {
  const { page } = b;
  await page.fill('[data-path="ladder[2].bands[1].coefficient"]', '1.50');
  await page.waitForFunction(() => document.querySelector('#policy-diff li')?.textContent.includes('效益工资系数'));
  // Issue 14: the diff names the level, band and field in words.
  assert.equal(await text('#policy-diff'), '中级 B档 效益工资系数：1.40 → 1.50');
  // By hand: ten of the 71 are paid at intermediate-B's coefficient (eight intermediate-B,
  // and KM018, KM030 at intermediate-C lifted one band by the rural uplift); nine have
  // assessment factor 1.00 and one 0.90, full months, performance base 1000.00:
  // 1000.00 × 0.10 × (9 × 1.00 + 1 × 0.90) = 990.00 a month, 11880.00 a year.
  assert.equal(await text('.total-diff'), '+990.00');
  assert.match(await text('#totals-table'), /\+11,880\.00/);
  const gain = Number(await text('#count-gain'));
  assert.equal(gain, 10);
  assert.equal(Number(await text('#count-same')), 71 - gain);
  // The total difference is the sum of the per-person differences the table shows.
  const diffs = await page.$$eval('#people-table tbody tr td:last-child', (tds) => tds.map((td) => Number(td.textContent.replaceAll(',', ''))));
  const sum = diffs.reduce((a, x) => a + Math.round(x * 100), 0) / 100;
  assert.equal(Number((await text('.total-diff')).replaceAll(',', '')), sum);
  await shot('team-compare-zh');
  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('h2').textContent === 'Roster');
  await shot('team-compare-en');
  await page.click('#lang');
});

test('an invalid proposal edit shows at the field and keeps the page', async () => {
  const { page } = b;
  const json = await page.inputValue('#proposal-json');
  await openJson();
  await page.fill('#proposal-json', json.replace('"0.40"', '"0.45"'));
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent.includes('五评价 权重'));
  assert.equal(await text('#err-policy'), '五评价 权重：权重之和为 1.05，必须恰好等于 1');
  assert.equal(await page.getAttribute('#proposal-json', 'aria-invalid'), 'true');
  // In English the place is in words too, not the JSON path.
  await page.click('#lang');
  assert.equal(await text('#err-policy'), 'evaluation, weights: weights sum to 1.05, not exactly 1');
  await page.click('#lang');
  await page.fill('#proposal-json', json);
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent === '');
});

test('an evaluation weight of 0.45 shows the sum 1.05 flagged and the error at the weights', async () => {
  const { page } = b;
  const sum = 'output[data-sum="evaluation.weights"]';
  assert.match(await text(sum), /合计 1\.00/);
  await page.fill('[data-path="evaluation.weights.business"]', '0.45');
  assert.match(await text(sum), /合计 1\.05/);
  assert.equal(await page.$eval(sum, (o) => o.classList.contains('off')), true);
  await page.waitForSelector('.pe-error[data-for="evaluation.weights"]');
  assert.match(await text('.pe-error[data-for="evaluation.weights"]'), /1\.05/);
  assert.deepEqual(await invalid(), ['evaluation.weights.business', 'evaluation.weights.customer_satisfaction',
    'evaluation.weights.supplier', 'evaluation.weights.self', 'evaluation.weights.marketing_audit']);
  assert.match(await text('#err-policy'), /^五评价 权重：权重之和为 1\.05，必须恰好等于 1$/);
  assert.equal((await proposal()).evaluation.weights.business, '0.45');
  await page.fill('[data-path="evaluation.weights.business"]', '0.40');
  assert.match(await text(sum), /合计 1\.00/);
  assert.equal(await page.$eval(sum, (o) => o.classList.contains('off')), false);
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent === '');
  assert.deepEqual(await invalid(), []);
  assert.equal(await page.locator('.pe-error').count(), 0);
});

test('adding a band, a level and a seniority bracket changes the proposal; removing them restores it', async () => {
  const { page } = b;
  const coef = '[data-path="ladder[2].bands[1].coefficient"]';
  const noDiff = () => page.waitForFunction(() => document.querySelector('#policy-diff').textContent === '两份政策相同');
  await page.fill(coef, '1.40');
  await noDiff();
  const before = await proposal();
  await page.click('button[data-action="add-band"][data-target="ladder[2]"]');
  await page.click('button[data-action="add-level"][data-target="ladder"]');
  await openBlock('seniority');
  await page.click('button[data-action="add-bracket"][data-target="seniority.brackets"]');
  const p = await proposal();
  assert.deepEqual(p.ladder[2].bands, [...before.ladder[2].bands, { band: 'D', coefficient: '1.50' }]);
  assert.deepEqual(p.ladder[4], { level: 'level5', base_wage: '1500.00', floating_wage: '1200.00', quota_max: null,
    bands: [{ band: 'C', coefficient: '1.60' }, { band: 'B', coefficient: '1.70' }, { band: 'A', coefficient: '1.80' }] });
  assert.deepEqual(p.seniority.brackets, [{ through_year: 10, per_year: '4.00' }, { through_year: 15, per_year: '6.00' },
    { through_year: 20, per_year: '8.00' }, { through_year: null, per_year: '8.00' }]);
  // The new fields are in the form, and the engine takes the policy.
  assert.equal(await page.inputValue('[data-path="ladder[2].bands[3].band"]'), 'D');
  assert.equal(await page.inputValue('[data-path="ladder[4].level"]'), 'level5');
  assert.equal(await page.inputValue('[data-path="seniority.brackets[2].through_year"]'), '20');
  await page.waitForFunction(() => document.querySelector('#policy-diff').textContent.includes('中级 D档'));
  assert.equal(await text('#err-policy'), '');
  await page.click('button[data-action="remove-level"][data-target="ladder[4]"]');
  await page.click('button[data-action="remove-band"][data-target="ladder[2].bands[3]"]');
  await page.click('button[data-action="remove-bracket"][data-target="seniority.brackets[2]"]');
  assert.deepEqual(await proposal(), before);
  await noDiff();
  await page.fill(coef, '1.50');
  await page.waitForFunction(() => document.querySelector('#policy-diff').textContent.includes('中级 B档 效益工资系数'));
});

test('abc in a wage field shows the engine error at that field and keeps the last good results', async () => {
  const { page } = b;
  const wage = '[data-path="ladder[1].base_wage"]';
  const total = await text('.total-diff');
  const people = await text('#people-table');
  await page.fill(wage, 'abc');
  await page.waitForSelector('.pe-error[data-for="ladder[1].base_wage"]');
  assert.deepEqual(await invalid(), ['ladder[1].base_wage']);
  assert.equal(await page.getAttribute(wage, 'aria-invalid'), 'true');
  assert.match(await text('.pe-error[data-for="ladder[1].base_wage"]'), /abc/);
  assert.equal(await text('#err-policy'), '等级表 第 2 项 基本岗位工资：不是有效数字：“abc”');
  assert.equal(await page.locator('#people-table tbody tr').count(), 71);
  assert.equal(await text('.total-diff'), total);
  assert.equal(await text('#people-table'), people);
  // The rest of the form keeps working while the wage is wrong.
  await openBlock('rural_uplift');
  await page.fill('[data-path="rural_uplift.steps"]', '2');
  assert.equal((await proposal()).rural_uplift.steps, 2);
  await page.fill('[data-path="rural_uplift.steps"]', '1');
  await page.fill(wage, '1500.00');
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent === '');
  assert.deepEqual(await invalid(), []);
  assert.equal(await text('.total-diff'), total);
});

test('a textarea edit updates the form; bad JSON keeps the last good form', async () => {
  const { page } = b;
  await openJson();
  const json = await page.inputValue('#proposal-json');
  const p = JSON.parse(json);
  p.seniority.mode = 'marginal';
  p.seniority.min_years = 5;
  p.performance.mode = 'pool';
  p.performance.pool = '90000.00';
  await openBlock('performance');
  await page.fill('#proposal-json', JSON.stringify(p, null, 2));
  assert.equal(await page.inputValue('[data-path="seniority.mode"]'), 'marginal');
  assert.equal(await page.inputValue('[data-path="seniority.min_years"]'), '5');
  assert.equal(await page.inputValue('[data-path="performance.pool"]'), '90000.00');
  await page.waitForFunction(() => document.querySelector('#policy-diff').textContent.includes('年功工资 方式：按所在段计全部年限 → 分段累进'));
  await page.fill('#proposal-json', '{ "broken": ');
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent.startsWith('JSON'));
  assert.equal(await page.inputValue('[data-path="seniority.mode"]'), 'marginal');
  assert.equal(await page.locator('#people-table tbody tr').count(), 71);
  await page.fill('#proposal-json', json);
  assert.equal(await page.inputValue('[data-path="seniority.mode"]'), 'flat');
  assert.equal(await page.locator('[data-path="performance.pool"]').count(), 0);
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent === '');
});

test('editor screenshots (zh, en, phone)', async () => {
  const { page } = b;
  await page.evaluate(() => document.querySelectorAll('#policy-editor details').forEach((d) => { d.open = true; }));
  await page.fill('[data-path="evaluation.weights.business"]', '0.45');
  await page.waitForSelector('.pe-error[data-for="evaluation.weights"]');
  const panel = (name) => page.locator('#policy-panel').screenshot({ path: fileURLToPath(new URL(`../../target/${name}.png`, import.meta.url)) });
  await panel('editor-zh');
  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('h2').textContent === 'Roster');
  await panel('editor-en');
  await page.setViewportSize({ width: 390, height: 844 });
  await panel('editor-en-390');
  await page.click('#lang');
  await panel('editor-zh-390');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.fill('[data-path="evaluation.weights.business"]', '0.40');
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent === '');
});

test('an uploaded roster with a markup name renders it as text', async () => {
  const { page } = b;
  const csv = '工号,姓名,等级,档次,用工性质,岗位年限,综合得分\nX1,<img src=x onerror=alert(1)>,中级,B,聘用,12,88\nX2,=HYPERLINK("http://x"),初级,A,在册,3,70\n';
  await page.setInputFiles('#file', { name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('team.csv'));
  assert.equal(await page.locator('#people-table img').count(), 0);
  assert.match(await text('#people-table'), /<img src=x onerror=alert\(1\)>/);
});

test('reload keeps the proposal and the uploaded roster', async () => {
  const { page } = b;
  await page.reload();
  await page.waitForFunction(() => window.paygradeTeam?.ready);
  assert.match(await text('#roster-info'), /team\.csv/);
  assert.match(await text('#policy-diff'), /中级 B档 效益工资系数/);
  // The page says the roster is kept here, and forgets it on request: the sample instead,
  // the proposal kept, nothing of the roster left in storage.
  assert.equal(await text('#saved-text'), '此花名册（含姓名与评分）已保存在本浏览器中，下次打开本页自动载入。');
  await page.click('#forget');
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('71'));
  assert.equal(await text('#notice'), '已从本浏览器删除保存的花名册。');
  assert.equal(await page.isVisible('#saved-note'), false);
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('paygrade.team.v1')).roster), null);
  await page.reload();
  await page.waitForFunction(() => window.paygradeTeam?.ready);
  assert.match(await text('#roster-info'), /71/);
  assert.match(await text('#policy-diff'), /中级 B档 效益工资系数/);
  await page.evaluate(() => localStorage.setItem('paygrade.team.v1', '{broken'));
  await page.reload();
  await page.waitForFunction(() => window.paygradeTeam?.ready);
  assert.match(await text('#notice'), /已损坏/);
  assert.match(await text('#roster-info'), /71/);
});

test('no request leaves 127.0.0.1 and the console stays clean', async () => {
  const foreign = b.requests.filter((u) => !u.startsWith(b.base) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(b.consoleErrors, []);
});

test('export makes CSV and XLSX files of the proposal pay', async () => {
  const { page } = b;
  await page.waitForFunction(() => document.querySelector('#progress').hidden);
  // Capture the files the page hands to the browser instead of going through a download.
  await page.evaluate(() => {
    window.__files = [];
    const make = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob) => { window.__files.push(blob); return make(blob); };
  });
  await page.click('#export-csv');
  await page.click('#export-xlsx');
  await page.waitForFunction(() => window.__files.length === 2);
  const [csv, csvHead, xlsxHead] = await page.evaluate(async () => [await window.__files[0].text(),
    Array.from(new Uint8Array(await window.__files[0].arrayBuffer()).slice(0, 3)),
    Array.from(new Uint8Array(await window.__files[1].arrayBuffer()).slice(0, 2))]);
  assert.deepEqual(csvHead, [0xef, 0xbb, 0xbf], 'UTF-8 with BOM, so Excel reads the Chinese');
  // Issue 15: re-importable — the input columns first, in the page's language, the results after.
  assert.match(csv.split('\n')[0], /^(id,name,level,band,employment|工号,姓名,等级,档次,用工性质)/);
  assert.equal(csv.trim().split('\n').length, 72);
  assert.deepEqual(xlsxHead, [0x50, 0x4b]);
});

test('an uploaded formula name exports as text in the CSV', async () => {
  const { page } = b;
  const csv = '工号,姓名,等级,档次,用工性质,岗位年限,综合得分\nX2,=HYPERLINK("http://x"),初级,A,在册,3,70\n';
  await page.setInputFiles('#file', { name: 'formula.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('formula.csv'));
  await page.evaluate(() => { window.__files = []; });
  await page.click('#export-csv');
  await page.waitForFunction(() => window.__files.length === 1);
  const text = await page.evaluate(() => window.__files[0].text());
  // A leading apostrophe makes Excel and LibreOffice show the cell as text.
  assert.match(text.split('\n')[1], /^X2,"'=HYPERLINK\(""http:\/\/x""\)",(初级|junior),A,/);
});

test('storage full: a message, and the page keeps computing', async () => {
  const { page } = b;
  await page.evaluate(() => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; });
  await page.fill('[data-path="ladder[1].bands[2].coefficient"]', '1.30');
  await page.waitForFunction(() => document.querySelector('#policy-diff').textContent.includes('初级 A档 效益工资系数'));
  assert.match(await text('#notice'), /存储已满/);
  // X2 is junior-A: + 1000.00 × 0.10 × factor 0.90 (score 70, qualified) = 90.00.
  assert.equal(await text('.total-diff'), '+90.00');
  assert.deepEqual(b.consoleErrors, []);
});

test('a proposal that cannot pay someone: the error names the person by id and row, results marked out of date', async () => {
  const { page } = b;
  await page.click('#sample');
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('71'));
  assert.equal(await page.isHidden('#stale-note'), true);
  // A band for trainees: the sample's trainees have none, so the proposal cannot pay them.
  await page.click('button[data-action="add-band"][data-target="ladder[0]"]');
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent.includes('见习'));
  // Every trainee the proposal cannot pay, a line each in roster order.
  const lines = (await page.locator('#err-policy').innerText()).split('\n');
  assert.ok(lines.length > 1, lines.join('\n'));
  // The person by id, then the file's row and the band column's own header.
  for (const l of lines) assert.match(l, /^工号 KM\d+ · 第 \d+ 行“档次”列：等级 “见习” 须填档次$/);
  assert.equal(await page.isVisible('#stale-note'), true);
  assert.equal(await page.isDisabled('#export-csv'), true);
  // Only the results dim; the form being fixed and the note stay at full strength.
  assert.deepEqual(await page.evaluate(() => [getComputedStyle(document.querySelector('main')).opacity,
    getComputedStyle(document.querySelector('#policy-panel')).opacity, getComputedStyle(document.querySelector('#totals-table')).opacity]), ['1', '1', '0.5']);
  // The message follows a language switch.
  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent.startsWith('id KM'));
  assert.match(await text('#err-policy'), /^id KM\d+ · row \d+, column 档次: level "trainee" needs a band/);
  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent.startsWith('工号'));
  // Back to the baseline: fresh results, no warning.
  await page.click('#reset-proposal');
  await page.waitForFunction(() => document.querySelector('#stale-note').hidden);
  assert.equal(await text('#err-policy'), '');
  assert.equal(await page.isDisabled('#export-csv'), false);
});

test('a bogus share link is ignored with a notice and keeps the saved proposal', async () => {
  const { page } = b;
  // A fresh document (working storage again), and each visit below a full load.
  const visit = async (url) => { await page.goto('about:blank'); await page.goto(url); await page.waitForFunction(() => window.paygradeTeam?.ready); };
  await visit(`${b.base}team.html`);
  await page.click('#reset-proposal');
  await page.click('#sample');
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('71'));
  await page.fill('[data-path="ladder[2].bands[1].coefficient"]', '1.50');
  await page.waitForFunction(() => document.querySelector('.total-diff')?.textContent === '+990.00');
  await page.waitForTimeout(300); // saved after render
  await visit(`${b.base}team.html#policy=garbage`);
  assert.match(await text('#notice'), /分享链接无法读取/);
  assert.equal(await text('.total-diff'), '+990.00');
  assert.equal(new URL(page.url()).hash, '', 'the fragment is dropped once read');
  // A good link is adopted, then edits survive a reload (the fragment is gone).
  await page.click('#share');
  await page.waitForFunction(() => location.hash.startsWith('#policy='));
  const link = page.url();
  assert.match(link, /#policy=[A-Za-z0-9_-]+$/);
  await page.fill('[data-path="ladder[2].bands[1].coefficient"]', '1.60');
  await page.waitForFunction(() => location.hash === '');
  await visit(link);
  assert.equal(await page.inputValue('[data-path="ladder[2].bands[1].coefficient"]'), '1.50');
  await page.fill('[data-path="ladder[2].bands[1].coefficient"]', '1.60');
  await page.waitForFunction(() => document.querySelector('#policy-diff').textContent.includes('1.40 → 1.60'));
  await page.waitForTimeout(300);
  await page.reload();
  await page.waitForFunction(() => window.paygradeTeam?.ready);
  assert.equal(await page.inputValue('[data-path="ladder[2].bands[1].coefficient"]'), '1.60');
});

test('the same file chosen twice loads twice', async () => {
  const { page } = b;
  const csv = '工号,姓名,等级,档次,用工性质,岗位年限,综合得分\nY1,甲,中级,B,聘用,12,88\n';
  const file = { name: 'twice.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };
  await page.setInputFiles('#file', file);
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('twice.csv'));
  await page.click('#sample');
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('71'));
  await page.setInputFiles('#file', file);
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('twice.csv'));
  assert.deepEqual(b.consoleErrors, []);
});

test('file errors and places read in Chinese; assignment reasons in words', async () => {
  const { page } = b;
  await page.setInputFiles('#file', { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
  await page.waitForFunction(() => document.querySelector('#err-roster').textContent !== '');
  assert.equal(await text('#err-roster'), '文件是空的：没有表头行');
  // A broken workbook (a zip signature, then garbage): the format comes from the content.
  await page.setInputFiles('#file', { name: 'bad.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04garbage') });
  await page.waitForFunction(() => document.querySelector('#err-roster').textContent.includes('XLSX'));
  assert.equal(await text('#err-roster'), '不是可读取的 XLSX 文件（可能已损坏，或并非工作簿）');
  const csv = '工号,姓名,等级,档次,用工性质,岗位年限\nZ1,乙,中级,B,聘用,十二\n';
  await page.setInputFiles('#file', { name: 'cell.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.querySelector('#err-roster').textContent.startsWith('第 2 行'));
  assert.equal(await text('#err-roster'), '第 2 行“岗位年限”列：不是有效数字：“十二”');
  // A cell the file reads but the pay rules refuse (found when the roster is paid, within
  // the baseline): placed at the file's row and column too, not at an internal field.
  const score = '工号,姓名,等级,档次,用工性质,岗位年限,综合得分\nZ1,乙,中级,B,聘用,12,88\nZ2,丙,中级,D,聘用,12,80\n';
  await page.setInputFiles('#file', { name: 'score.csv', mimeType: 'text/csv', buffer: Buffer.from(score) });
  await page.waitForFunction(() => document.querySelector('#err-roster').textContent.includes('第 3 行'));
  assert.equal(await text('#err-roster'), '工号 Z2 · 第 3 行“档次”列：档次 “D” 不属于等级 “中级”');
  // The refused file is not kept: the roster before it (twice.csv) is loaded back and its
  // results, on screen, stay current.
  await page.waitForFunction(() => !document.querySelector('#kept-roster').hidden);
  assert.equal(await text('#kept-roster'), '该文件未载入；下方仍是 twice.csv 的结果。');
  assert.equal(await page.isVisible('#stale-note'), false);
  // A pay date that cannot be read: the results on screen are the last successful run's;
  // the note says why — the roster or the date, not the proposal.
  await page.fill('#as_of', '2026-13-01');
  await page.locator('#as_of').dispatchEvent('change');
  await page.waitForFunction(() => !document.querySelector('#stale-note').hidden);
  assert.equal(await text('#stale-note'), '以下结果来自上一次成功的计算；花名册或计薪日期有误（见上方），修正后会重新计算。');
  await page.fill('#as_of', '2026-11-30');
  await page.locator('#as_of').dispatchEvent('change');
  await page.waitForFunction(() => document.querySelector('#stale-note').hidden);
  // A file refused while it is read names no one from the roster kept before it.
  const dup = '工号,姓名,等级,档次,用工性质,岗位年限,综合得分\nD1,乙,中级,B,聘用,12,88\nD1,丙,中级,B,聘用,12,80\n';
  await page.setInputFiles('#file', { name: 'dup.csv', mimeType: 'text/csv', buffer: Buffer.from(dup) });
  await page.waitForFunction(() => document.querySelector('#err-roster').textContent.includes('重复'));
  assert.equal(await text('#err-roster'), '第 3 行“工号”列：工号 “D1” 重复（首次出现在第 2 行）');
  // The sample's assignment explains a refusal in words, levels in Chinese.
  await page.click('#sample');
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('71'));
  // Each row names the person beside the id (the sample's first by rank, as `paygrade
  // assign` lists it: KM004 宋明浩, 93.00).
  assert.deepEqual(await page.$$eval('#assign-table tbody tr:first-child td', (tds) => tds.slice(0, 3).map((td) => td.textContent)), ['KM004', '宋明浩', '93.00']);
  const reasons = await page.$$eval('#assign-table tbody td:last-child', (tds) => tds.map((td) => td.textContent).filter((x) => x !== '—'));
  assert.ok(reasons.length > 0);
  for (const r of reasons) assert.match(r, /^(高级|中级|初级)：(学历须|工作年限须满|岗位年限须满|名额已满)/, r);
  assert.ok(reasons.some((r) => r.includes('名额已满')) && reasons.some((r) => /须/.test(r)));
});

test('a refused file never replaces the saved roster; an unreadable one says which roster is still shown', async () => {
  const { page } = b;
  const good = '工号,姓名,等级,档次,用工性质,岗位年限,综合得分\nG1,甲,中级,B,聘用,12,88\nG2,乙,初级,A,在册,3,70\n';
  await page.setInputFiles('#file', { name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('good.csv'));
  // Unreadable: the roster loaded before stays, its results current (not greyed), named.
  await page.setInputFiles('#file', { name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04garbage') });
  await page.waitForFunction(() => !document.querySelector('#kept-roster').hidden);
  assert.equal(await text('#kept-roster'), '该文件未载入；下方仍是 good.csv 的结果。');
  assert.equal(await page.isVisible('#stale-note'), false);
  // Read, then refused by the pay rules: its errors stay, good.csv is loaded back and its
  // results stay usable (not greyed, exports on); the refused roster is not saved — a
  // reload brings back good.csv, with row numbers intact.
  const refused = '工号,姓名,等级,档次,用工性质,岗位年限,综合得分,备注\nR1,丙,中级,D,聘用,12,80,新\n';
  await page.setInputFiles('#file', { name: 'refused.csv', mimeType: 'text/csv', buffer: Buffer.from(refused) });
  await page.waitForFunction(() => document.querySelector('#err-roster').textContent.includes('R1'));
  // What its reading noticed is shown (not good.csv's): often why a field is missing.
  assert.equal(await text('#warnings'), '未知列 “备注”，已忽略');
  // … under a title naming the file they are about, above good.csv's results.
  assert.equal(await text('#warnings-title'), '读取 refused.csv 时的提示：');
  await page.waitForFunction(() => !document.querySelector('#kept-roster').hidden);
  assert.equal(await text('#kept-roster'), '该文件未载入；下方仍是 good.csv 的结果。');
  assert.equal(await page.isVisible('#stale-note'), false);
  assert.equal(await page.isEnabled('#export-csv'), true);
  // A new pay date pays good.csv again (not the refused file).
  await page.fill('#as_of', '2026-12-31');
  await page.locator('#as_of').dispatchEvent('change');
  await page.waitForFunction(() => document.querySelector('#err-roster').textContent === '');
  assert.match(await text('#roster-info'), /^2 人.*good\.csv/);
  // good.csv read with nothing to note: no notes, no title.
  assert.equal(await text('#warnings'), '');
  assert.equal(await page.isVisible('#warnings-title'), false);
  await page.reload();
  await page.waitForFunction(() => window.paygradeTeam?.ready);
  assert.equal(await text('#err-roster'), '');
  assert.match(await text('#roster-info'), /^2 人.*good\.csv/);
  await page.click('#lang');
  await page.setInputFiles('#file', { name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04garbage') });
  await page.waitForFunction(() => !document.querySelector('#kept-roster').hidden);
  assert.equal(await text('#kept-roster'), 'That file was not loaded; the results below are still those of good.csv.');
  await page.click('#lang');
  assert.equal(await text('#kept-roster'), '该文件未载入；下方仍是 good.csv 的结果。');
  await page.click('#sample');
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('71'));
  assert.equal(await page.isVisible('#kept-roster'), false);
});

test('issue 14: a roster with bad cells in rows 3, 5 and 7 lists all three, in row order, in the page language', async () => {
  const { page } = b;
  const csv = '工号,等级,档次,用工性质,岗位年限,综合得分\nA1,中级,B,聘用,3,80\nA2,中级,B,聘用,三,80\nA3,中级,B,聘用,3,80\nA4,中级,B,聘用,3,八十\nA5,中级,B,聘用,3,80\nA6,中级,B,临时,3,80\n';
  await page.setInputFiles('#file', { name: 'bad3.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.querySelector('#err-roster').textContent.includes('第 7 行'));
  assert.deepEqual((await page.locator('#err-roster').innerText()).split('\n'), [
    '第 3 行“岗位年限”列：不是有效数字：“三”',
    '第 5 行“综合得分”列：不是有效数字：“八十”',
    '第 7 行“用工性质”列：无法识别的取值 “临时”，可选：在册职工、聘用工',
  ]);
  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('#err-roster').textContent.startsWith('row 3'));
  assert.deepEqual((await page.locator('#err-roster').innerText()).split('\n'), [
    'row 3, column 岗位年限: not a number: "三"',
    'row 5, column 综合得分: not a number: "八十"',
    'row 7, column 用工性质: unknown value "临时"; expected one of: regular, contract',
  ]);
  await page.click('#lang');
});

test('the people table asks the engine: search, level filter, and a level the next roster lacks', async () => {
  const { page } = b;
  await open();
  await page.click('#sample');
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('71'));
  const rows = () => page.$$eval('#people-table tbody tr[data-id]', (rs) => rs.map((r) => r.dataset.id));
  const settled = () => page.waitForFunction(() => !document.getElementById('people-table').hasAttribute('aria-busy'));
  // KM001 … KM009 by id, ascending (the header's second press).
  await page.fill('#search', 'km00');
  await page.waitForFunction(() => document.querySelectorAll('#people-table tbody tr[data-id]').length === 9);
  await page.click('#people-table th button[data-sort="id"]');
  await page.click('#people-table th button[data-sort="id"]');
  await page.waitForFunction(() => document.querySelector('#people-table th[aria-sort]')?.getAttribute('aria-sort') === 'ascending');
  await settled();
  assert.deepEqual(await rows(), ['KM001', 'KM002', 'KM003', 'KM004', 'KM005', 'KM006', 'KM007', 'KM008', 'KM009']);
  await page.fill('#search', '');
  // The sample's 11 trainees.
  await page.selectOption('#filter-level', 'trainee');
  await page.waitForFunction(() => document.querySelectorAll('#people-table tbody tr[data-id]').length === 11);
  assert.equal(await page.isHidden('#people-pager'), true);
  // A roster without trainees: the filter falls back to every level and shows both people.
  const csv = '工号,姓名,等级,档次,用工性质,岗位年限,综合得分\nT1,甲,中级,B,聘用,12,88\nT2,乙,初级,A,在册,3,70\n';
  await page.setInputFiles('#file', { name: 'two.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('two.csv'));
  await page.waitForFunction(() => document.querySelectorAll('#people-table tbody tr[data-id]').length === 2);
  assert.equal(await page.inputValue('#filter-level'), '');
  await settled();
  assert.deepEqual(await rows(), ['T1', 'T2']);
  assert.deepEqual(b.consoleErrors, []);
});

test('a new roster while the proposal has an error is paid under the last valid proposal, marked out of date', async () => {
  const { page } = b;
  await open();
  await page.click('#sample');
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('71'));
  await page.waitForFunction(() => document.querySelector('#progress').hidden);
  // The last valid proposal: the baseline (a saved proposal may differ).
  await page.click('#reset-proposal');
  await page.waitForFunction(() => document.querySelector('#count-same')?.textContent === '71');
  await openJson();
  await page.fill('#proposal-json', '{ "broken" }');
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent.startsWith('JSON'));
  assert.equal(await page.isVisible('#stale-note'), true);
  // The sample's results must not stay on screen under the new file's name.
  const csv = '工号,姓名,等级,档次,用工性质,岗位年限,综合得分\nN1,甲,中级,B,聘用,12,88\nN2,乙,初级,A,在册,3,70\n';
  await page.setInputFiles('#file', { name: 'new.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('new.csv'));
  await page.waitForFunction(() => document.querySelectorAll('#people-table tbody tr[data-id]').length === 2);
  assert.match(await text('#roster-info'), /^2 人/);
  assert.deepEqual(await page.$$eval('#people-table tbody tr[data-id]', (rs) => rs.map((r) => r.dataset.id).sort()), ['N1', 'N2']);
  assert.deepEqual(await Promise.all(['gain', 'lose', 'same'].map((k) => text(`#count-${k}`))), ['0', '0', '2']);
  // Still out of date, the error still shown, the exports still off.
  assert.equal(await page.isVisible('#stale-note'), true);
  assert.match(await text('#err-policy'), /^JSON/);
  assert.equal(await page.isDisabled('#export-csv'), true);
  // The proposal fixed: fresh results for the new roster.
  await page.click('#reset-proposal');
  await page.waitForFunction(() => document.querySelector('#stale-note').hidden);
  assert.equal(await text('#err-policy'), '');
  assert.equal(await page.isDisabled('#export-csv'), false);
  assert.deepEqual(b.consoleErrors, []);
});

test('a policy file chosen as the roster says it is a policy; malformed JSON reads in the page language', async () => {
  const { page } = b;
  await open();
  await page.click('#sample');
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('71'));
  const policy = await proposal();
  await page.setInputFiles('#file', { name: 'policy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(policy)) });
  await page.waitForFunction(() => document.querySelector('#err-roster').textContent !== '');
  assert.equal(await text('#err-roster'), '这是政策文件，不是花名册：请作为政策载入');
  await page.click('#lang');
  assert.equal(await text('#err-roster'), 'this is a policy file, not a roster: load it as a policy');
  await openJson();
  await page.fill('#proposal-json', '{ "broken" }');
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent.includes('JSON'));
  assert.equal(await text('#err-policy'), 'The JSON is malformed and cannot be read (near line 1, column 12); the form keeps the last valid proposal.');
  await page.click('#lang');
  assert.equal(await text('#err-policy'), 'JSON 格式有误，无法读取（第 1 行第 12 列附近）；表单保留上一份有效的方案。');
  await page.click('#reset-proposal');
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent === '');
  // The other way round: a roster file, or a list of employees, chosen as the policy is
  // refused with the reason, and the proposal stays as it was.
  const before = await page.inputValue('#proposal-json');
  const csv = '工号,姓名,等级,档次,用工性质,岗位年限,综合得分\nP1,甲,中级,B,聘用,12,88\n';
  await page.setInputFiles('#load-policy', { name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent !== '');
  assert.equal(await text('#err-policy'), '这是花名册文件，不是政策 JSON：请用上方的上传花名册载入；方案未改变。');
  assert.equal(await page.inputValue('#proposal-json'), before);
  const employees = [{ id: 'P1', level: 'intermediate', band: 'B', employment: 'contract', years_in_post: 12, composite_score: '88' }];
  await page.setInputFiles('#load-policy', { name: 'people.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(employees)) });
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent.startsWith('这是花名册（'));
  assert.equal(await text('#err-policy'), '这是花名册（员工列表），不是政策：请作为花名册载入');
  assert.equal(await page.inputValue('#proposal-json'), before);
  assert.equal(await page.isVisible('#stale-note'), false);
});

test('the pay date as offices write it; an empty one asked for once at its own field', async () => {
  const { page } = b;
  await open();
  const csv = '工号,姓名,等级,档次,用工性质,入岗日期,综合得分\nD1,甲,中级,B,聘用,2014/3/1,88.65\nD2,乙,中级,B,聘用,2014年3月1日,88.65\n';
  await page.setInputFiles('#file', { name: 'dates.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('dates.csv'));
  for (const date of ['2026年11月30日', '2026/11/30', '2026.11.30']) {
    await page.fill('#as_of', date);
    await page.locator('#as_of').dispatchEvent('change');
    // 12 completed years on 2026-11-30: 1500 + 800 + 72 + 1400 = 3772.00 each.
    await page.waitForFunction(() => document.querySelector('#err-roster').textContent === '' && document.querySelector('#people-table tbody tr[data-id]'));
    assert.deepEqual(await page.$$eval('#people-table tbody tr[data-id] td:nth-child(5)', (tds) => tds.map((td) => td.textContent)), ['3,772.00', '3,772.00'], date);
  }
  await page.fill('#as_of', '');
  await page.locator('#as_of').dispatchEvent('change');
  await page.waitForFunction(() => document.querySelector('#err-roster').textContent !== '');
  assert.equal(await text('#err-roster'), '请填写计薪日期：花名册中有人填的是入岗日期，岗位年限按计薪日期计算。');
  await page.click('#lang');
  assert.equal(await text('#err-roster'), 'Enter the pay date: some people have a post start date, and their years in post are counted to the pay date.');
  await page.click('#lang');
  await page.fill('#as_of', '2026-11-30');
  await page.locator('#as_of').dispatchEvent('change');
  await page.waitForFunction(() => document.querySelector('#err-roster').textContent === '');
});
