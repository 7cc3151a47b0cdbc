// Browser end-to-end tests of the "My pay" page in real (headless) Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch, fillExample1, ready } from './helpers.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b?.close(); });

const text = (sel) => b.page.locator(sel).innerText();

test('SPEC example 1 typed into the form shows 3872.00, the explanation lines and the what-ifs', async () => {
  const { page } = b;
  await page.goto(b.base);
  await ready(page);
  await fillExample1(page);
  assert.equal(await text('#total'), '3872.00');
  assert.equal(await text('#c-base'), '1500.00');
  assert.equal(await text('#x-base'), '1500.00 = 1500.00');
  assert.equal(await text('#x-floating'), '800.00 = 800.00');
  assert.equal(await text('#x-seniority'), '12 × 6.00 = 72.00');
  assert.equal(await text('#x-performance'), '1000.00 × 1.50 × 1.00 = 1500.00');
  assert.equal(await text('#f-composite'), '88.65');
  assert.equal(await text('#f-factor'), '1.00');
  assert.match(await text('#wi-band'), /3972\.00 \(\+100\.00\)/);
  assert.match(await text('#wi-level'), /高级 B档[\s\S]*4572\.00 \(\+700\.00\)/);
  assert.match(await text('#wi-seniority'), /满 16 年[\s\S]*3928\.00 \(\+56\.00\)/);
  assert.match(await text('#wi-rating'), /优秀[\s\S]*90\.00/);
  // Full-width brackets in Chinese, no space before them.
  assert.equal(await text('#wi-rating .wi-label'), '下一评价所需综合得分（优秀）');
  await page.screenshot({ path: fileURLToPath(new URL('../../target/mypay-example1.png', import.meta.url)), fullPage: true });
});

test('the page switches to English and back', async () => {
  const { page } = b;
  const heading = (want) => page.waitForFunction((w) => document.querySelector('h2').textContent === w, want);
  await page.click('#lang');
  await heading('My pay');
  assert.match(await text('#wi-level'), /Senior B[\s\S]*4572\.00/);
  // A rating is a name, capitalised as the grade beside it is.
  assert.equal(await text('#f-rating'), 'Good');
  assert.equal(await text('#wi-rating .wi-label'), 'Composite needed for the next rating (Excellent)');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.click('#lang');
  await heading('我的月薪');
  assert.match(await text('#wi-level'), /高级 B档/);
});

test('bad input shows a message at that field and keeps the other inputs', async () => {
  const { page } = b;
  await page.fill('#supplier', '150');
  assert.match(await text('#err-supplier'), /0 到 100/);
  assert.equal(await page.getAttribute('#supplier', 'aria-invalid'), 'true');
  assert.equal(await page.inputValue('#business'), '92');
  assert.equal(await page.inputValue('#years_in_post'), '12');
  assert.equal(await text('#total'), '3872.00', 'the last valid result stays on screen');
  await page.fill('#supplier', '85');
  assert.equal(await text('#err-supplier'), '');

  // 12 typed twice: paid, and the field asks for a check (not an error).
  await page.fill('#years_in_post', '1212');
  assert.equal(await text('#err-years_in_post'), '岗位年限 1212 年，超过 50 年：请核对');
  assert.equal(await page.getAttribute('#years_in_post', 'aria-invalid'), null);
  assert.equal(await text('#x-seniority'), '1212 × 8.00 = 9696.00');
  await page.fill('#years_in_post', '12');
  assert.equal(await text('#err-years_in_post'), '');
  await page.fill('#years_in_post', 'abc');
  assert.match(await text('#err-years_in_post'), /不是有效数字/);
  assert.equal(await page.inputValue('#supplier'), '85');
  await page.fill('#years_in_post', '12');

  await page.check('input[name="years_mode"][value="date"]');
  await page.fill('#post_start', '2025-02-30');
  assert.match(await text('#err-post_start'), /不是有效日期/);
  assert.equal(await page.inputValue('#business'), '92');
  await page.fill('#post_start', '2014-03-01');
  await page.fill('#as_of', '2026-11-30');
  assert.equal(await text('#total'), '3872.00');
  assert.match(await text('#wi-seniority'), /2030-03-01/);
  assert.equal(await text('#wi-seniority .wi-label'), '下一个年功档：满 16 年（2030-03-01 起）');
  // Dates as offices type them, as a roster file's date column takes them.
  for (const [start, asOf] of [['2014/3/1', '2026/11/30'], ['2014年3月1日', '2026年11月30日'], ['２０１４.3.1', '2026.11.30'], ['2014／3／1', '2026－11－30'], ['2014。3。1', '2026．11．30']]) {
    await page.fill('#post_start', start);
    await page.fill('#as_of', asOf);
    assert.equal(await text('#total'), '3872.00', start);
    assert.equal(await text('#err-post_start'), '', start);
    assert.match(await text('#wi-seniority'), /2030-03-01/, start);
  }
  await page.fill('#post_start', '2014/2/30');
  assert.match(await text('#err-post_start'), /不是有效日期/);
  await page.fill('#post_start', '2014-03-01');
  await page.fill('#as_of', '2026-11-30');
  await page.check('input[name="years_mode"][value="years"]');

  await page.fill('#business', '９２');
  assert.equal(await text('#total'), '3872.00', 'full-width digits are accepted');
  assert.equal(await text('#err-business'), '');
});

test('reload keeps the inputs; Enter does not reload', async () => {
  const { page } = b;
  await page.evaluate(() => { window.__marker = 'still here'; });
  await page.press('#paid_days', 'Enter');
  assert.equal(await page.evaluate(() => window.__marker), 'still here');
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue('#years_in_post'), '12');
  assert.equal(await page.inputValue('#business'), '９２');
  assert.equal(await page.isChecked('#rural'), true);
  assert.equal(await text('#total'), '3872.00');
});

test('a corrupt saved state gives a message and a working page', async () => {
  const { page } = b;
  await page.evaluate(() => localStorage.setItem('paygrade.mypay.v1', '{not json'));
  await page.reload();
  await ready(page);
  assert.match(await text('#err-form'), /已损坏/);
  await fillExample1(page);
  assert.equal(await text('#total'), '3872.00');
});

test('Reset clears the inputs', async () => {
  const { page } = b;
  await page.click('#reset');
  assert.equal(await page.inputValue('#years_in_post'), '');
  assert.equal(await page.inputValue('#business'), '');
  assert.equal(await page.isHidden('#summary'), true);
});

test('a partial month is prorated', async () => {
  const { page } = b;
  await fillExample1(page);
  await page.fill('#paid_days', '15');
  // 1500 × 15 ÷ 21.75 = 1034.48; 800 → 551.72; 72 → 49.66; 1500 → 1034.48
  assert.equal(await text('#c-base'), '1034.48');
  assert.equal(await text('#total'), '2670.34');
  await page.fill('#paid_days', '30');
  assert.match(await text('#err-paid_days'), /0 到 21\.75/);
  await page.fill('#paid_days', '');
});

test('no request leaves 127.0.0.1 and the console stays clean', async () => {
  const foreign = b.requests.filter((u) => !u.startsWith(b.base) && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(b.consoleErrors, []);
});

test('dist/paygrade.html opened from file:// gives the same result', async () => {
  const file = new URL('../../dist/paygrade.html', import.meta.url);
  assert.ok(existsSync(file), 'run `make build` first');
  const page = await b.context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(file.href);
  await ready(page);
  await fillExample1(page);
  assert.equal(await page.locator('#total').innerText(), '3872.00');
  assert.equal(await page.locator('#x-seniority').innerText(), '12 × 6.00 = 72.00');
  assert.deepEqual(errors, []);
  await page.close();
});

test('what-ifs name the right limit: top band of a level, trainees', async () => {
  const { page } = b;
  await page.click('#reset');
  await fillExample1(page);
  await page.selectOption('#band', 'A');
  assert.match(await text('#wi-band'), /已是本级最高档/);
  assert.match(await text('#wi-level'), /高级 A档[\s\S]*4572\.00 \(\+600\.00\)/);
  await page.selectOption('#level', 'trainee');
  assert.match(await text('#wi-band'), /见习无档次/);
  assert.match(await text('#wi-level'), /初级 C档/);
  await page.selectOption('#level', 'intermediate');
});

test('errors go to the visible field; untouched empty fields are not marked', async () => {
  const { page } = b;
  await page.click('#reset');
  await page.fill('#years_in_post', '12');
  assert.equal(await text('#err-business'), '', 'scores not reached yet: no red');
  assert.match(await text('#status'), /请填写“我的月薪”表单/);
  await page.fill('#business', '92');
  await page.fill('#business', '');
  assert.equal(await text('#err-business'), '请填写此项');
  await fillExample1(page);
  await page.check('input[name="years_mode"][value="date"]');
  assert.equal(await page.getAttribute('#years_in_post', 'aria-invalid'), null);
  await page.fill('#post_start', '2014-03-01');
  await page.fill('#post_start', '');
  assert.equal(await text('#err-post_start'), '请填写此项');
  assert.equal(await page.getAttribute('#post_start', 'aria-invalid'), 'true');
  await page.check('input[name="years_mode"][value="years"]');
  assert.equal(await text('#total'), '3872.00');
});

test('a score typed as a fraction is refused at its field, as a roster cell is; 94% and 94分 are 94', async () => {
  const { page } = b;
  await page.click('#reset');
  await fillExample1(page);
  // 0.94 for 94% would pay the lowest rating (3122.00); the last result stays, greyed.
  await page.fill('#business', '0.94');
  assert.equal(await text('#err-business'), '分数 0.94 不大于 1，像是百分比（94% 记作 0.94）：分数按 0–100 填写，请填 94（表格中请把该列设为常规或数值格式）；若确为 0.94 分，请写成 0.94分');
  assert.equal(await page.getAttribute('#business', 'aria-invalid'), 'true');
  assert.equal(await text('#total'), '3872.00');
  assert.equal(await page.evaluate(() => document.querySelector('#summary').classList.contains('stale')), true);
  // Example 1 with business 94 (composite 88.65 + 0.40 × 2 = 89.45: still good, 1.00): the same pay.
  for (const typed of ['94%', '94分', '９４％']) {
    await page.fill('#business', typed);
    assert.equal(await text('#err-business'), '', typed);
    assert.equal(await text('#f-composite'), '89.45', typed);
    assert.equal(await text('#total'), '3872.00', typed);
  }
  await page.click('#lang');
  await page.fill('#business', '1');
  assert.equal(await text('#err-business'), 'score 1 is at most 1, like a percentage (100% written as 1): scores are 0–100, so enter 100 (in a spreadsheet, format the column as a number); if it truly is 1 points, write 1 pts');
  await page.click('#lang');
  await page.fill('#business', '92');
  assert.equal(await text('#total'), '3872.00');
});

test('take-home for the year loads on demand and shows the schedule', async () => {
  const { page } = b;
  await page.click('#reset');
  await fillExample1(page);
  await page.click('#th_go');
  await page.waitForSelector('#th_result:not([hidden])');
  // Shanghai example: SI on the 7,460 floor: 596.80 + 149.20 + 37.30 = 783.30; fund 7% of 3,872 = 271;
  // net 3,872 − 1,054.30 = 2,817.70 a month; no tax below the 5,000 basic deduction.
  assert.equal(await text('#th_net_year'), '33812.40');
  assert.equal(await text('#th_tax_year'), '0.00');
  // No tax in any month: a sentence instead of twelve empty bars.
  assert.equal(await page.isVisible('#th_chart'), false);
  assert.equal(await text('#th_no_tax'), '全年每月预扣个税均为 0.00：收入未超过基本减除费用和专项扣除。');
  assert.equal(await text('#th_employer_year'), '73671.60');
  assert.equal(await page.locator('#th_table tbody tr').count(), 12);
  assert.equal(await page.isVisible('#th_net_bonus'), false, 'no bonus: no bonus totals');
  await page.fill('#th_bonus', '36000');
  assert.match(await text('#th_bonus_line'), /单独计税 1080\.00/);
  // Combined uses the unused deductions: 12 × 2,817.70 − 60,000 = −26,187.60; + 36,000 =
  // 9,812.40 × 3% = 294.37 < 1,080.00 (issue 13).
  assert.match(await text('#th_bonus_line'), /并入综合所得多缴 294\.37，并入综合所得更省/);
  assert.equal(await text('#th_net_bonus'), '69518.03');
  assert.equal(await text('#th_tax_bonus'), '294.37');
  assert.match(await text('#th_net_bonus_label'), /含年终奖，并入综合所得/);
  assert.equal(await text('#th_warnings'), '');
  await page.fill('#th_special', 'abc');
  assert.match(await text('#err-th_special'), /不是有效数字/);
  await page.fill('#th_special', '');
  await page.screenshot({ path: fileURLToPath(new URL('../../target/mypay-takehome.png', import.meta.url)), fullPage: true });
});

test('the bank scorecard gives example 1 its business score', async () => {
  const { page } = b;
  await page.click('#reset');
  await fillExample1(page);
  await page.click('#sc_go');
  await page.waitForSelector('#sc_body:not([hidden])');
  await page.selectOption('#sc_card', 'bank');
  // Just opened and empty: no error yet; a first figure brings the reminder.
  assert.equal(await text('#err-sc'), '');
  await page.fill('#sc_deposits_target', '1000');
  assert.equal(await text('#err-sc'), '请填写每个指标的目标和完成值。');
  // The bank example scorecard, the README's worked example (weights 0.30/0.30/0.20/0.10/0.10):
  const figures = { deposits: ['1000', '1180'], loans: ['500', '450'], intermediate_income: ['50', '40'],
    new_customers: ['2', '1'], overdue_ratio: ['2.0', '1.5'] };
  for (const [id, [target, actual]] of Object.entries(figures)) {
    await page.fill(`#sc_${id}_target`, target);
    await page.fill(`#sc_${id}_actual`, actual);
  }
  // 100 × (0.30×1.18 + 0.30×0.90 + 0.20×0.80 + 0.10×0 + 0.10×1.20) = 90.40
  assert.equal(await text('#sc_score'), '90.40');
  assert.equal(await text('#sc_deposits_explain'), '日均存款 1180 / 1000 = 118.0% → 计 1.18 × 0.30');
  // Each input says its unit; the lower-is-better line says what that means.
  assert.match(await text('#sc_table tbody tr:nth-child(1) th'), /日均存款（万元）/);
  assert.match(await text('#sc_table tbody tr:nth-child(4) th'), /新增对公客户（户）/);
  assert.match(await text('#sc_overdue_ratio_direction'), /越低越好：完成率 = 目标 ÷ 完成/);
  // One more new corporate customer (1 → 2 of 2) lifts that line from 0 to 1.00: +10.00.
  assert.match(await text('#sc_lever'), /再多完成 1 户.*新增对公客户，\+10\.00 分/);
  await page.fill('#sc_loans_target', '0');
  assert.match(await text('#err-sc'), /目标必须大于 0/);
  assert.equal(await page.getAttribute('#sc_loans_target', 'aria-invalid'), 'true');
  await page.fill('#sc_loans_target', '500');
  await page.click('#sc_use');
  assert.equal(await page.inputValue('#business'), '90.40');
  // composite = 0.40 × 90.40 + 17.60 + 12.75 + 9.50 + 12.00 = 88.01 → still good: total 3872.00
  assert.equal(await text('#f-composite'), '88.01');
  assert.equal(await text('#total'), '3872.00');
});

test('the Content-Security-Policy is enforced: inline script does not run', async () => {
  const { page } = b;
  const result = await page.evaluate(async () => {
    let violated = false;
    document.addEventListener('securitypolicyviolation', () => { violated = true; });
    window.__inline = 'not run';
    const s = document.createElement('script');
    s.textContent = "window.__inline = 'ran'";
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return { inline: window.__inline, violated };
  });
  assert.deepEqual(result, { inline: 'not run', violated: true });
  b.consoleErrors.splice(0); // the blocked script is reported on the console, as it should be
});

test('full storage gives a message and the page keeps working', async () => {
  const { page } = b;
  await page.evaluate(() => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; });
  await page.fill('#years_in_post', '13');
  assert.match(await text('#err-form'), /存储已满/);
  assert.match(await text('#total'), /^\d+\.\d\d$/);
  await page.reload();
  await ready(page);
});

test('after the whole session no request left 127.0.0.1', async () => {
  const foreign = b.requests.filter((u) => !u.startsWith(b.base) && !u.startsWith('data:') && !u.startsWith('file:'));
  assert.deepEqual(foreign, []);
});
