/**
 * The HTML report in a real headless browser (Debian's chromium driven by puppeteer-core): it opens
 * offline, its counts and coverage matrix match the JSON report, its filters work, and a server's
 * markup in a finding stays text. The Markdown summary is checked alongside.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../contract-tests/cli.js';
import { formatHtml } from '../../contract-tests/engine/html-report.js';
import { formatMarkdown } from '../../contract-tests/engine/markdown-summary.js';
import type { RunData } from '../../contract-tests/engine/types.js';
import { KEYS, memoryIo, useLyingServer, useTempDir } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = resolve('.tmp/html-report-failed-filter.png');
const server = useLyingServer();
const tmp = useTempDir('fungies-html-');
const env = { NO_COLOR: '1', FUNGIES_PUBLIC_KEY: KEYS.publicKey, FUNGIES_SECRET_KEY: KEYS.secretKey };
const INJECTED = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>|`**x**`";

let browser: Browser | undefined;
// CI installs chromium (.ci/run); a machine without it skips the browser half.
const hasBrowser = existsSync(CHROMIUM) || process.env['CI'] === 'true';

beforeAll(async () => {
  if (!hasBrowser) return;
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** Opens `file` with every request but the file itself refused; returns the page and what it tried to fetch. */
async function open(file: string): Promise<{ page: Page; outside: string[] }> {
  const page = await browser!.newPage();
  const outside: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url() === pathToFileURL(file).href) return void request.continue();
    outside.push(request.url());
    void request.abort();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, outside };
}

const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '');

describe.skipIf(!hasBrowser)('the HTML report in a headless browser', () => {
  it('opens offline; its counts and matrix equal the JSON report; the outcome and family filters work', async () => {
    const json = join(tmp.dir, 'report.json');
    const html = join(tmp.dir, 'report.html');
    const io = memoryIo('', env);
    const argv = ['run', '--target', server.url('all-body-lies'), '--operation', 'orders', '--allow-writes', '--seed', '3'];
    expect(await main([...argv, '--json', json, '--html', html], io)).toBe(1);
    expect(io.err()).toContain(`HTML report written to ${html}`);
    const report = JSON.parse(await readFile(json, 'utf8')) as RunData;
    const { page, outside } = await open(html);
    expect(outside).toEqual([]);

    for (const outcome of ['passed', 'failed', 'skipped'] as const)
      expect(await text(page, `#count-${outcome}`), outcome).toBe(String(report.checks.filter((c) => c.outcome === outcome).length));
    expect(await text(page, '#count-total')).toBe(String(report.checks.length));
    expect(await text(page, '#count-findings')).toBe(String(report.checks.reduce((n, c) => n + c.findings.length, 0)));
    expect(await text(page, '#seed')).toBe('3');
    expect(await text(page, '#reproduce')).toContain('--seed 3 --operation orders --allow-writes');

    // The matrix: one row per operation, one column per family, a red cell per (operation, family) with a failure.
    const families = [...new Set(report.checks.map((c) => c.kind))];
    expect(await page.$$eval('table.matrix tr:first-child th', (ths) => ths.slice(1).map((t) => t.textContent))).toEqual(families);
    expect(await page.$$eval('table.matrix tr', (rows) => rows.length - 1)).toBe(report.operations.length);
    const failedCells = new Set(report.checks.filter((c) => c.outcome === 'failed').map((c) => `${c.operationId} ${c.kind}`));
    expect(await page.$$eval('table.matrix td.failed', (cells) => cells.length)).toBe(failedCells.size);

    // Filters: failed only, then one family.
    await page.select('#filter-outcome', 'failed');
    const failed = report.checks.filter((c) => c.outcome === 'failed');
    expect(await text(page, '#visible-count')).toBe(String(failed.length));
    const shown = await page.$$eval('details.check:not([hidden])', (ds) => ds.map((d) => (d as HTMLElement).dataset['outcome']));
    expect(shown).toEqual(failed.map(() => 'failed'));
    // Each failed check shows expected and actual, the request and its curl line.
    expect(await page.$$eval('details.check:not([hidden]) table.findings', (t) => t.length)).toBe(failed.length);
    expect(await page.$$eval('details.check:not([hidden]) pre.curl', (p) => p.every((e) => e.textContent?.startsWith('curl -X ')))).toBe(
      true,
    );
    await mkdir('.tmp', { recursive: true });
    await page.setViewport({ width: 1280, height: 900 });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    await page.select('#filter-outcome', 'all');
    await page.select('#filter-family', 'auth');
    expect(await text(page, '#visible-count')).toBe(String(report.checks.filter((c) => c.kind === 'auth').length));
    await page.close();
  }, 120_000);

  it("keeps a server's markup in a finding as text: no element, no script runs", async () => {
    const data = reportWithFinding(INJECTED);
    const html = join(tmp.dir, 'injected.html');
    await writeFile(html, formatHtml(data));
    const { page, outside } = await open(html);
    expect(await page.title()).not.toBe('pwned');
    expect(await page.$$eval('img', (imgs) => imgs.length)).toBe(0);
    expect(await page.$$eval('table.findings td', (tds) => tds.map((t) => t.textContent).join(' '))).toContain('<img src=x');
    expect(outside).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('the Markdown summary', () => {
  it('has totals per family and the failed checks, with server text escaped', () => {
    const md = formatMarkdown(reportWithFinding(INJECTED));
    expect(md).toContain('| status | 0 | 1 | 0 |');
    expect(md).toContain('❌ 1 of 1 checks failed');
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<script');
    expect(md).toContain('&lt;img src=x');
    // The | and ` of the server's text cannot close a table cell or a code span.
    expect(md).not.toMatch(/\|`\*\*x\*\*`/);
  });

  it('is written by --summary, e.g. to $GITHUB_STEP_SUMMARY', async () => {
    const summary = join(tmp.dir, 'step-summary.md');
    const io = memoryIo('', env);
    await main(
      [
        'run',
        '--target',
        server.url('all-body-lies'),
        '--operation',
        'PatchV0OrdersOrderIdOrNumberCancel',
        '--allow-writes',
        '--summary',
        summary,
      ],
      io,
    );
    expect(await readFile(summary, 'utf8')).toMatch(/^## fungies-contract: ❌ \d+ of \d+ checks failed/);
    expect(io.err()).toContain(`Markdown summary written to ${summary}`);
  }, 60_000);
});

function reportWithFinding(actual: string): RunData {
  return {
    tool: 'fungies-contract',
    spec: { title: 'Fungies API', version: '0' },
    target: { url: 'http://127.0.0.1:1', kind: 'live' },
    strict: false,
    allowWrites: false,
    startedAt: new Date(0).toISOString(),
    durationMs: 1,
    operations: [{ operationId: 'GetV0OrdersList', method: 'GET', path: '/v0/orders/list', statuses: ['200'] }],
    checks: [
      {
        id: 'GetV0OrdersList 200',
        kind: 'status',
        operationId: 'GetV0OrdersList',
        method: 'GET',
        path: '/v0/orders/list',
        tags: ['orders'],
        status: '200',
        outcome: 'failed',
        findings: [
          {
            kind: 'response',
            operationId: 'GetV0OrdersList',
            method: 'GET',
            path: '/v0/orders/list',
            status: 200,
            pointer: '/data',
            rule: 'type',
            expected: 'type object',
            actual,
          },
        ],
        request: { method: 'GET', url: 'http://127.0.0.1:1/v0/orders/list', headers: { 'x-fngs-public-key': 'pub_****' } },
        response: { status: 200, statusText: 'OK', contentType: 'application/json', bodyExcerpt: actual },
        durationMs: 1,
      },
    ],
    seed: 1,
  };
}
