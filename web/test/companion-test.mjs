// Headless Chromium test of the companion bundle (run by scripts/companion.sh).
//
//   node web/test/companion-test.mjs <bundle folder> <costproof binary> <artefact folder>
//
// Opens <bundle>/index.html from file:// and checks: no console errors, no
// request other than the page itself, every chart and the expected tables
// present; saves a full-page screenshot; then fills each form (one per scenario
// kind, in registry order) with the values
// below and checks that the page built the scenario in tests/fixtures/companion/
// and shows the same JSON as `costproof run --format json` on that file (and,
// for a bad count, the same error line).
import { chromium } from 'playwright-core';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';

const [bundle, costproof, artefacts] = process.argv.slice(2).map((p) => resolve(p));
const fixtures = resolve('tests/fixtures/companion');
const asOf = '2026-11-27';
mkdirSync(artefacts, { recursive: true });

const failures = [];
function check(name, fn) {
  return Promise.resolve().then(fn).then(
    () => console.log(`ok   ${name}`),
    (e) => { failures.push(name); console.log(`FAIL ${name}\n     ${String(e.message).split('\n').join('\n     ')}`); });
}

// The run document without each result's "file" (the CLI names the fixture, the page its form).
const withoutFile = (text) => {
  const doc = JSON.parse(text);
  for (const r of doc.results) delete r.scenario.file;
  return doc;
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
const consoleErrors = [];
const requests = [];
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
page.on('pageerror', (e) => consoleErrors.push(String(e)));
page.on('request', (r) => requests.push(r.url()));
const url = pathToFileURL(resolve(bundle, 'index.html')).href;
await page.goto(url);
await page.waitForSelector('body[data-engine="ready"]', { timeout: 60000 });

await check('the calculator starts from file:// with no console errors', () => {
  assert.deepEqual(consoleErrors, []);
});
// One chart per scenario kind episode 050 uses, in registry order (calc/scenarios/registry.h).
const episodeKinds = new Set(readdirSync('scenarios/ep050').filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(resolve('scenarios/ep050', f), 'utf8')).kind).filter(Boolean));
await check('one chart per kind, each an inline SVG with a title, a description, axes and a data table', async () => {
  const charts = await page.$$eval('figure.chart', (figs) => figs.map((f) => ({
    title: f.querySelector('svg > title')?.textContent || '',
    desc: f.querySelector('svg > desc')?.textContent || '',
    role: f.querySelector('svg')?.getAttribute('role'),
    lines: f.querySelectorAll('svg polyline, svg path').length,
    rows: f.querySelectorAll('table.chart-data tbody tr').length,
  })));
  assert.equal(charts.length, episodeKinds.size, JSON.stringify(charts));
  for (const c of charts) {
    assert.ok(c.title && c.desc && c.role === 'img' && c.lines >= 1 && c.rows >= 2, JSON.stringify(c));
  }
  assert.match(charts[0].title, /Graviton savings vs fleet size/);
  assert.match(charts[1].title, /NAT gateway vs IPv6/);
  assert.match(charts[2].title, /Database Savings Plan/);
});
await check('the show notes are semantic HTML: headings and real tables for claims and sources', async () => {
  const h2 = await page.$$eval('main h2', (hs) => hs.map((h) => h.textContent));
  for (const want of ['What this means for you', 'Charts', 'Plug in your numbers', 'Worked examples', 'Claims', 'Assumptions', 'Sources'])
    assert.ok(h2.includes(want), `missing section "${want}" in ${JSON.stringify(h2)}`);
  const tables = await page.$$eval('main table', (ts) => ts.length);
  assert.ok(tables >= 20, `only ${tables} tables`);
  const claimRows = await page.$$eval('#claims ~ table tbody tr', (rs) => rs.length);
  assert.ok(claimRows >= 10, `claims table has ${claimRows} rows`);
});
await check('one form per scenario kind, in registry order, starting from the episode\'s values', async () => {
  const forms = await page.$$eval('form.calculator', (fs) => fs.map((f) => ({
    id: f.id, kind: f.dataset.kind, region: f.elements.region.value, regions: f.elements.region.options.length,
    datalists: [...f.querySelectorAll('datalist')].map((d) => d.options.length),
  })));
  assert.deepEqual(forms.map((f) => f.kind), ['compute-migration', 'ipv6-egress', 'database-savings-plan']);
  for (const f of forms) assert.ok(f.region && f.regions > 0 && f.datalists.every((n) => n > 0), JSON.stringify(f));
  assert.equal(await page.inputValue('#form-compute [name="instance_type"]'), 'm7i.2xlarge');
  assert.equal(await page.inputValue('#form-database [name="acu"]'), '16');
  assert.equal(await page.inputValue('#form-nat [name="gb"]'), '60');
});
await page.screenshot({ path: resolve(artefacts, 'companion-page.png'), fullPage: true });

const cases = [
  { form: 'form-compute', fixture: 'form-compute.json',
    values: { region: 'us-east-1', instance_type: 'c7i.2xlarge', count: '40', target: 'equivalent', performance: '' } },
  { form: 'form-database', fixture: 'form-database.json',
    values: { region: 'us-east-1', type: 'rds-instance', db_instance_type: 'db.m7g.xlarge', engine: 'postgresql',
      deployment: 'multi-az', db_count: '2', shape: 'business-hours', storage: '' } },
  { form: 'form-nat', fixture: 'form-nat.json',
    values: { region: 'eu-west-1', azs: '3', nat_gateways: 'per-az', gb: '2500', ipv6_percent: '80', lb_ips: '3',
      instance_ips: '2', dto: '500' } },
  { form: 'form-compute', fixture: 'form-compute-bad-count.json', error: true,
    values: { region: 'us-east-1', instance_type: 'c7i.2xlarge', count: '0', target: 'equivalent', performance: '' } },
];
await page.fill('#as-of', asOf);
for (const c of cases) {
  await check(`${c.fixture}: the form gives what costproof run gives`, async () => {
    for (const [name, value] of Object.entries(c.values)) {
      const sel = `#${c.form} [name="${name}"]`;
      const tag = await page.$eval(sel, (el) => el.tagName);
      if (tag === 'SELECT') await page.selectOption(sel, value); else await page.fill(sel, value);
    }
    await page.click(`#${c.form} button[type="submit"]`);
    await page.waitForSelector(`#result[data-form="${c.form}"]:not([hidden])`);
    const fixturePath = resolve(fixtures, c.fixture);
    const scenario = JSON.parse(await page.textContent('#result-scenario'));
    assert.deepEqual(scenario, JSON.parse(readFileSync(fixturePath, 'utf8')), 'the page built another scenario');
    const run = spawnSync(costproof, ['run', fixturePath, '--format', 'json', '--as-of', asOf], { encoding: 'utf8' });
    if (c.error) {
      assert.notEqual(run.status, 0);
      const cliLine = run.stderr.split('\n').find((l) => l.startsWith('costproof: error:'));
      const pageLine = (await page.textContent('#result-error')).trim();
      assert.equal(pageLine, cliLine.replace(fixturePath, 'your-numbers.json'));
      assert.equal(await page.getAttribute(`#${c.form} [name="count"]`, 'aria-invalid'), 'true');
    } else {
      assert.equal(run.status, 0, run.stderr);
      const rendered = await page.$$eval('#result-rendered table', (ts) => ts.length);
      assert.ok(rendered >= 1, 'the worked example is not shown as HTML tables');
      const pageJson = await page.textContent('#result-json');
      assert.deepEqual(withoutFile(pageJson), withoutFile(run.stdout));
      writeFileSync(resolve(artefacts, c.fixture.replace('.json', '-page.json')), pageJson);
    }
  });
}
await check('no network request of any kind (only the page itself, and data: URLs inside it)', () => {
  const others = requests.filter((r) => r !== url && !r.startsWith('data:'));
  assert.deepEqual(others, []);
});
await check('the zip holds the bundle and passes unzip -t', () => {
  const zip = execFileSync('sh', ['-c', `ls "${bundle}"/*.zip`], { encoding: 'utf8' }).trim();
  const list = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n');
  for (const f of ['index.html', 'results.json', 'results.csv', 'show-notes.md', 'README.md', 'scenarios/claims.json'])
    assert.ok(list.includes(f), `${f} not in ${zip}`);
  execFileSync('unzip', ['-tq', zip]);
});
await browser.close();
if (failures.length) {
  console.log(`companion test: ${failures.length} failed: ${failures.join('; ')}`);
  process.exit(1);
}
console.log(`companion test: all passed; screenshot in ${resolve(artefacts, 'companion-page.png')}`);
