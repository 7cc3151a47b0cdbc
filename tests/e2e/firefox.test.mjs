// A second browser engine (issue 17): a set of the browser tests in Firefox ESR (Debian's
// firefox-esr), driven by puppeteer-core over WebDriver BiDi. My pay with SPEC §11
// example 1 typed in; the team page with the sample and the +0.10 intermediate-B edit;
// both single files from file:// with no request leaving the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { startServer } from '../../tools/serve.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
let browser;
let server;
let base;
before(async () => {
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  server = await startServer(0);
  base = `http://127.0.0.1:${server.address().port}/`;
});
after(async () => {
  await browser?.close();
  if (server) await new Promise((ok) => server.close(ok));
});

/** A new page recording every request and every console error. */
async function open(url, readyCheck) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(readyCheck, { timeout: 60_000 });
  return { page, requests, errors };
}
const text = (page, sel) => page.$eval(sel, (e) => e.textContent.trim());
const myPayReady = () => window.paygrade !== undefined;
const teamReady = () => window.paygradeTeam?.ready === true && document.querySelector('#roster-info').textContent.includes('71');

/** SPEC §11 example 1, typed in as a person would. */
async function typeExample1(page) {
  await page.select('#level', 'intermediate');
  await page.select('#band', 'B');
  await page.select('#employment', 'contract');
  await page.click('#rural');
  await page.type('#years_in_post', '12');
  const scores = { business: '92', customer_satisfaction: '88', supplier: '85', self: '95', marketing_audit: '80' };
  for (const [id, v] of Object.entries(scores)) await page.type(`#${id}`, v);
  await page.waitForFunction(() => document.getElementById('total').textContent === '3872.00');
}
async function raiseB(page) {
  await page.locator('[data-path="ladder[2].bands[1].coefficient"]').fill('1.50');
  await page.waitForFunction(() => document.querySelector('.total-diff')?.textContent === '+990.00', { timeout: 60_000 });
}

test('Firefox: My pay, SPEC §11 example 1 typed in → 3872.00', async () => {
  const { page, requests, errors } = await open(`${base}index.html?lang=zh`, myPayReady);
  await typeExample1(page);
  assert.equal(await text(page, '#c-seniority'), '72.00');
  assert.equal(await text(page, '#x-seniority'), '12 × 6.00 = 72.00');
  assert.equal(await text(page, '#f-grade'), '中级 B档');
  assert.ok(requests.some((u) => u.endsWith('/pkg/paygrade_bg.wasm')), 'requests are seen (the engine was fetched)');
  assert.deepEqual(requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:')), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox: the team page with the sample; intermediate-B +0.10 → +990.00 a month', async () => {
  const { page, requests, errors } = await open(`${base}team.html?lang=zh`, teamReady);
  await page.click('#reset-proposal');
  await raiseB(page);
  assert.equal(await text(page, '#count-gain'), '10');
  assert.match(await text(page, '#totals-table'), /\+11,880\.00/);
  assert.deepEqual(requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [name, ready] of [['paygrade.html', myPayReady], ['paygrade-team.html', teamReady]]) {
  test(`Firefox: dist/${name} from file:// works with 0 requests`, async () => {
    const file = new URL(`../../dist/${name}`, import.meta.url);
    assert.ok(existsSync(file), 'run `make build` first');
    const { page, requests, errors } = await open(`${file.href}?lang=zh`, ready);
    if (name === 'paygrade.html') {
      await typeExample1(page);
      assert.equal(await page.$eval('#to-team', (a) => a.href), new URL('paygrade-team.html?lang=zh', file).href);
    } else {
      await raiseB(page);
      await page.click('#charts > summary');
      await page.waitForSelector('#chart-cost svg', { timeout: 60_000 });
      assert.equal(await page.$eval('#to-mypay', (a) => a.href), new URL('paygrade.html?lang=zh', file).href);
    }
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:')), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
