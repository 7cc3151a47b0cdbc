// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, a
// fresh profile per browser, the page served from www/ on loopback, and a record of every
// request and console error.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../tools/serve.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'paygrade-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, locale: 'zh-CN',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  const server = await startServer(0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const requests = [];
  const consoleErrors = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return {
    context, page, base, requests, consoleErrors,
    async close() {
      await context.close();
      await new Promise((ok) => server.close(ok));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Fill the "My pay" form with SPEC §11 example 1. */
export async function fillExample1(page) {
  await page.selectOption('#level', 'intermediate');
  await page.selectOption('#band', 'B');
  await page.selectOption('#employment', 'contract');
  await page.check('#rural');
  await page.fill('#years_in_post', '12');
  const scores = { business: '92', customer_satisfaction: '88', supplier: '85', self: '95', marketing_audit: '80' };
  for (const [id, v] of Object.entries(scores)) await page.fill(`#${id}`, v);
}

export async function ready(page) {
  await page.waitForFunction(() => window.paygrade !== undefined);
}
