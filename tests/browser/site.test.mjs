// Browser tests of sites built by gcdocs, in Debian's headless Chromium driven by
// playwright-core. Each site is checked from file:// and served under the sub-path /docs/ by
// a small static server on 127.0.0.1: the flow diagram is visible, searching a queue's name
// lists every page that uses it and a click opens one, nothing logs an error, and nothing
// from the org runs as script. Screenshots go to tests/artifacts/.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const artifacts = path.join(repo, 'tests', 'artifacts');
const binary = process.env.GCDOCS_BIN || path.join(process.env.CARGO_TARGET_DIR || path.join(repo, 'target'), 'debug', 'gcdocs');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

const results = [];
function record(name, error) {
  results.push({ name, error });
  console.log(error ? `FAIL ${name}: ${error.message || error}` : `ok   ${name}`);
}

async function check(name, body) {
  try {
    await body();
    record(name, null);
  } catch (error) {
    record(name, error);
  }
}

function assert(condition, message) {
  if (!condition) { throw new Error(message); }
}

/** The sites to test: the fixture, and the repository's own content tree when present. */
function sites() {
  const list = [{ name: 'fixture', root: path.join(repo, 'tests', 'fixtures', 'site', 'basic'), queue: 'Claims-FR', flow: 'Main IVR' }];
  if (fs.existsSync(path.join(repo, 'content', '_index.md'))) {
    list.push({ name: 'sample', root: repo, queue: null, flow: null });
  } else {
    console.log('skip sample org: no content/_index.md in the repository yet');
  }
  return list;
}

function build(site, out) {
  execFileSync(binary, ['build', '--root', site.root, '--out', out], { stdio: ['ignore', 'inherit', 'inherit'] });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.xml': 'application/xml' };

/** Serves `dir` under /docs/ on 127.0.0.1 and nothing else. */
function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    if (!url.startsWith('/docs/')) { res.writeHead(404); res.end('outside /docs/'); return; }
    let file = path.normalize(path.join(dir, url.slice('/docs/'.length)));
    if (!file.startsWith(dir)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) { file = path.join(file, 'index.html'); }
    if (!fs.existsSync(file)) { res.writeHead(404); res.end(fs.readFileSync(path.join(dir, '404.html'))); return; }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Opens a page and gathers console errors, page errors and dialogs (an alert is a failure). */
async function open(context, url, problems) {
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') { problems.push(`console error on ${page.url()}: ${m.text()}`); } });
  page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
  page.on('dialog', async (d) => { problems.push(`a dialog opened (script from the org ran): ${d.message()}`); await d.dismiss(); });
  await page.goto(url);
  return page;
}

/** The queue to search for and the titles of the pages that use it, read from the site. */
async function queueAndUsers(context, base, site, problems) {
  const page = await open(context, base + 'xref/queues/index.html', problems);
  const rows = await page.$$eval('table.xref-table tbody tr', (trs) => trs.map((tr) => ({
    name: tr.querySelector('a').textContent, href: tr.querySelector('a').href, count: Number(tr.querySelector('td.num').textContent),
  })));
  assert(rows.length > 0, 'no queue is used by any page');
  const chosen = site.queue ? rows.find((r) => r.name === site.queue) : rows.sort((a, b) => b.count - a.count)[0];
  assert(chosen, `queue ${site.queue} is not in the cross-reference index`);
  await page.goto(chosen.href);
  // Users listed by the site's cross-reference section, plus those of the page's own
  // "Used by" section (generated pages carry one; the site then lists only the rest).
  const users = await page.evaluate(() => {
    const out = [];
    for (const li of document.querySelectorAll('.used-by li')) {
      const a = li.querySelector('a');
      out.push({ title: a.textContent, href: a.href, kind: (li.querySelector('.tag') || {}).textContent || '' });
    }
    const heading = document.getElementById('used-by');
    let list = heading && heading.tagName === 'H2' ? heading.nextElementSibling : null;
    while (list && list.tagName !== 'UL' && list.tagName !== 'H2') { list = list.nextElementSibling; }
    if (list && list.tagName === 'UL') {
      for (const li of list.children) {
        const a = li.querySelector(':scope > a');
        if (a) { out.push({ title: a.textContent, href: a.href, kind: li.firstChild.textContent.trim().split(' ')[0] }); }
      }
    }
    return out;
  });
  await page.close();
  assert(users.length === chosen.count, `the queue page lists ${users.length} users, the index says ${chosen.count}`);
  return { queue: chosen.name, users };
}

async function checkSite(context, site, mode, base) {
  const label = `${site.name} ${mode}`;
  const problems = [];
  let target = null;
  await check(`${label}: cross-references list the pages that use a queue`, async () => {
    target = await queueAndUsers(context, base, site, problems);
  });
  if (!target) { return; }
  const flow = target.users.find((u) => u.title === site.flow) || target.users.find((u) => u.kind === 'Flow') || target.users[0];

  await check(`${label}: a flow's diagram is drawn as visible SVG`, async () => {
    const page = await open(context, flow.href, problems);
    const svg = page.locator('figure.diagram svg').first();
    await svg.waitFor({ state: 'visible', timeout: 5000 });
    const box = await svg.boundingBox();
    assert(box && box.width > 50 && box.height > 20, `diagram box is ${JSON.stringify(box)}`);
    const nodes = await page.locator('figure.diagram svg .node').count();
    assert(nodes > 0, 'the diagram has no nodes');
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.screenshot({ path: path.join(artifacts, `${site.name}-${mode}-flow.png`), fullPage: true });
    await page.close();
  });

  await check(`${label}: searching "${target.queue}" lists every page that uses it, and a click opens one`, async () => {
    const page = await open(context, base + 'index.html', problems);
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.fill('#search-input', target.queue);
    await page.locator('#search-results a.search-result').first().waitFor({ timeout: 5000 });
    const titles = await page.$$eval('#search-results a.search-result .result-title', (els) => els.map((e) => e.textContent));
    for (const user of target.users) {
      assert(titles.includes(user.title), `search results ${JSON.stringify(titles)} miss ${JSON.stringify(user.title)}`);
    }
    await page.screenshot({ path: path.join(artifacts, `${site.name}-${mode}-search.png`) });
    const link = page.locator('#search-results a.search-result', { hasText: flow.title }).first();
    await Promise.all([page.waitForURL((u) => u.href.split('#')[0] === flow.href.split('#')[0]), link.click()]);
    const heading = await page.locator('h1').first().textContent();
    assert(heading === flow.title, `opened page has heading ${JSON.stringify(heading)}, expected ${JSON.stringify(flow.title)}`);
    await page.close();
  });

  if (site.name === 'fixture') {
    await check(`${label}: a hostile title shows as text in the page, the navigation and search`, async () => {
      const page = await open(context, base + 'flows/inboundcall/xss.html', problems);
      const heading = await page.locator('h1').textContent();
      assert(heading === '<script>alert(1)</script>', `heading is ${JSON.stringify(heading)}`);
      const nav = await page.locator('.sidebar li.current a').textContent();
      assert(nav === '<script>alert(1)</script>', `sidebar shows ${JSON.stringify(nav)}`);
      const svgText = await page.locator('figure.diagram svg .node text').first().textContent();
      assert(svgText === '<script>alert(6)</script>', `diagram shows ${JSON.stringify(svgText)}`);
      await page.fill('#search-input', 'alert');
      await page.locator('#search-results a.search-result').first().waitFor({ timeout: 5000 });
      const titles = await page.$$eval('#search-results .result-title', (els) => els.map((e) => e.textContent));
      assert(titles.includes('<script>alert(1)</script>'), `search shows ${JSON.stringify(titles)}`);
      assert(await page.locator('#search-results script, .content script').count() === 0, 'a script element came from the org');
      await page.close();
    });
  }

  await check(`${label}: no console errors, page errors or dialogs`, async () => {
    assert(problems.length === 0, problems.join('\n'));
  });
}

async function main() {
  fs.mkdirSync(artifacts, { recursive: true });
  assert(fs.existsSync(binary), `no gcdocs binary at ${binary} (set GCDOCS_BIN)`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gcdocs-browser-'));
  const context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const site of sites()) {
      const out = path.join(work, site.name, 'public');
      try { build(site, out); } catch (error) { record(`${site.name}: gcdocs build`, error); continue; }
      await checkSite(context, site, 'file', pathToFileURL(out).href + '/');
      const server = await serve(out);
      try {
        await checkSite(context, site, 'subpath', `http://127.0.0.1:${server.address().port}/docs/`);
      } finally {
        server.close();
      }
    }
  } finally {
    await context.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => record('browser suite', error)).finally(() => {
  const failed = results.filter((r) => r.error).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
});
