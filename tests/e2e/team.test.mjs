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

async function open() {
  await b.page.goto(`${b.base}team.html`);
  await b.page.waitForFunction(() => window.paygradeTeam?.ready);
}

test('the sample roster loads with its quotas: intermediate 36 of 35, one over', async () => {
  await open();
  assert.match(await text('#roster-info'), /71/);
  const rows = await b.page.locator('#quota-table tbody tr').allInnerTexts();
  assert.deepEqual(rows.map((r) => r.split('\t').join(' ')), ['senior 6 0.20 14 0', 'intermediate 36 0.50 35 1', 'junior 18 0.30 21 0']);
  assert.equal(await b.page.locator('#people-table tbody tr').count(), 71);
  assert.equal(await text('#count-same'), '71');
});

test('raising intermediate-B by 0.10 in the proposal shows who gains and the cost', async () => {
  const { page } = b;
  await page.selectOption('#q-grade', { label: 'intermediate-B' });
  await page.fill('#q-coef', '1.50');
  await page.dispatchEvent('#q-coef', 'change');
  await page.waitForFunction(() => document.querySelector('#policy-diff li')?.textContent.includes('ladder[2].bands[1].coefficient'));
  assert.match(await text('#policy-diff'), /ladder\[2\]\.bands\[1\]\.coefficient: "1\.40" → "1\.50"/);
  const gain = Number(await text('#count-gain'));
  assert.ok(gain > 0 && gain < 71);
  assert.equal(Number(await text('#count-same')), 71 - gain);
  // The total difference is the sum of the per-person differences the table shows.
  const diffs = await page.$$eval('#people-table tbody tr td:last-child', (tds) => tds.map((td) => Number(td.textContent)));
  const sum = diffs.reduce((a, x) => a + Math.round(x * 100), 0) / 100;
  assert.equal(Number(await text('.total-diff')), sum);
  await shot('team-compare-zh');
  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('h2').textContent === 'Roster');
  await shot('team-compare-en');
  await page.click('#lang');
});

test('an invalid proposal edit shows at the field and keeps the page', async () => {
  const { page } = b;
  const json = await page.inputValue('#proposal-json');
  await page.fill('#proposal-json', json.replace('"0.40"', '"0.45"'));
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent.includes('evaluation.weights'));
  assert.equal(await page.getAttribute('#proposal-json', 'aria-invalid'), 'true');
  await page.fill('#proposal-json', json);
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
  assert.match(await text('#policy-diff'), /ladder\[2\]\.bands\[1\]\.coefficient/);
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
  assert.match(csv.split('\n')[0], /^id,name,grade/);
  assert.equal(csv.trim().split('\n').length, 72);
  assert.deepEqual(xlsxHead, [0x50, 0x4b]);
});
