// Headless Chromium test of the companion bundle (run by scripts/companion.sh).
//
//   node web/test/companion-test.mjs <bundle folder> <costproof binary> <artefact folder> \
//        [<second bundle folder> <its episode folder>]
//
// Opens <bundle>/index.html from file:// at a 1366x900 desktop and a 390x844 phone and checks at
// each: no console errors, no request other than the page itself; the title, the key numbers with
// their verdict badges and the way into the calculators on the first screen (screenshots kept:
// first-screen-desktop.png, first-screen-phone.png); no horizontal overflow with every part opened;
// axe-core finds no critical or serious violation; every chart and the expected sections present.
// Then it types each form's values (one form per scenario kind, in registry order) without
// clicking: the result right under that form updates by itself, the page built the scenario in
// tests/fixtures/companion/ and shows the same JSON as `costproof run --format json` on that file;
// a bad count puts the error in plain words next to the field (the program's own line kept for
// reference) and leaves the focus in the field; "1,000" is accepted.
// The second bundle (the example episode, scripts/companion.sh) is checked for its generated forms:
// one form per kind its scenario files use, the cost-comparison form listing each comparison; each
// comparison at the scenario's own value shows the numbers of `costproof run --format json` on that
// file (read from the CLI now); a changed value recomputes live; a bad value gets the error in plain
// words next to the field; axe-core finds no violation at all and the phone has no horizontal scroll.
import { chromium } from 'playwright-core';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';

const [bundle, costproof, artefacts, exampleBundle, exampleEpisode] = process.argv.slice(2).map((p) => resolve(p));
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

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const url = pathToFileURL(resolve(bundle, 'index.html')).href;
const episodeKinds = new Set(readdirSync('scenarios/ep050').filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(resolve('scenarios/ep050', f), 'utf8')).kind).filter(Boolean));

const cases = [
  { form: 'form-compute', fixture: 'form-compute.json',
    values: { region: 'us-east-1', instance_type: 'c7i.2xlarge', count: '40', target: 'equivalent', performance: '' } },
  { form: 'form-database', fixture: 'form-database.json',
    values: { region: 'us-east-1', type: 'rds-instance', db_instance_type: 'db.m7g.xlarge', engine: 'postgresql',
      deployment: 'multi-az', db_count: '2', shape: 'business-hours' } },
  { form: 'form-nat', fixture: 'form-nat.json',
    values: { region: 'eu-west-1', azs: '3', nat_gateways: '3', gb: '2,500', ipv6_percent: '80', lb_ips: '3',
      instance_ips: '2', dto: '500' } },
  { form: 'form-compute', fixture: 'form-compute-bad-count.json', error: true,
    values: { region: 'us-east-1', instance_type: 'c7i.2xlarge', count: '0', target: 'equivalent', performance: '' } },
];

async function fill(page, form, values) {
  for (const [name, value] of Object.entries(values)) {
    const sel = `#${form} [name="${name}"]`;
    const tag = await page.$eval(sel, (el) => el.tagName);
    if (tag === 'SELECT') await page.selectOption(sel, value); else await page.fill(sel, value);
  }
}

for (const [device, viewport] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  const context = await browser.newContext({ viewport, isMobile: device === 'phone', hasTouch: device === 'phone' });
  const page = await context.newPage();
  const consoleErrors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector('body[data-engine="ready"]', { timeout: 60000 });
  const at = (name) => `${device}: ${name}`;

  await check(at('the calculators start from file:// with no console errors'), () => {
    assert.deepEqual(consoleErrors, []);
  });
  await check(at('first screen: the title, 3-5 key numbers with verdict badges (colour and text), the way into the calculators'), async () => {
    const shown = await page.evaluate(() => {
      const box = (el) => el && el.getBoundingClientRect();
      const keys = [...document.querySelectorAll('.key')].map((k) => ({
        bottom: box(k).bottom, quote: k.querySelector('.key-quote')?.textContent || '',
        badge: k.querySelector('.badge')?.textContent.trim() || '',
        colour: getComputedStyle(k.querySelector('.badge')).backgroundColor }));
      return { h1: document.querySelector('h1')?.textContent || '', h1Bottom: box(document.querySelector('h1')).bottom,
        keys, cta: box(document.querySelector('.cta a')).bottom, ctaHref: document.querySelector('.cta a')?.getAttribute('href'),
        height: window.innerHeight };
    });
    assert.match(shown.h1, /Episode 050/);
    assert.ok(shown.keys.length >= 3 && shown.keys.length <= 5, `${shown.keys.length} key numbers`);
    for (const k of shown.keys) {
      assert.ok(k.bottom <= shown.height, `key number "${k.quote}" ends at ${k.bottom} px, below the first screen (${shown.height} px)`);
      assert.match(k.badge, /^\S+ (Supported|Supported with caveat|Unverified|Misleading|Contradicted)$/, k.badge);
      assert.notEqual(k.colour, 'rgba(0, 0, 0, 0)', `badge "${k.badge}" has no colour`);
    }
    assert.ok(shown.cta <= shown.height, `"Plug in your numbers" ends at ${shown.cta} px`);
    assert.equal(await page.evaluate((h) => !!document.querySelector(h), shown.ctaHref), true);
  });
  await page.screenshot({ path: resolve(artefacts, `first-screen-${device}.png`) });
  await page.screenshot({ path: resolve(artefacts, `companion-page-${device}.png`), fullPage: true });

  await check(at('long parts are collapsed, reachable from the contents, with back-to-top links'), async () => {
    const parts = await page.$$eval('details.part', (ds) => ds.map((d) => ({
      open: d.open, id: d.querySelector('summary h2')?.id, top: !!d.querySelector('.back-to-top a[href="#top"]') })));
    const ids = parts.map((p) => p.id);
    for (const want of ['worked-examples', 'claims', 'how-each-claim-was-checked', 'sources'])
      assert.ok(ids.includes(want), `${want} is not a collapsed part: ${JSON.stringify(ids)}`);
    assert.ok(parts.every((p) => !p.open && p.top), JSON.stringify(parts));
    const toc = await page.$$eval('nav.toc a', (as) => as.map((a) => a.getAttribute('href')));
    for (const id of ids) assert.ok(toc.includes(`#${id}`), `contents lack #${id}`);
    await page.click('nav.toc a[href="#claims"]');
    assert.equal(await page.$eval('#claims', (h) => h.closest('details').open), true, 'the contents link did not open Claims');
    assert.equal(await page.$$eval('.price-notes', (n) => n.length), 1, 'price-age notes are not one box');
    // Above the collapsed parts, no warning box: the notes are in the one box.
    assert.equal(await page.$$eval('main blockquote', (b) => b.filter((q) => /Warning:/.test(q.textContent) &&
      !q.closest('details')).length), 0);
  });
  await check(at('one chart per kind, each an inline SVG with a title, a description, axes and a data table'), async () => {
    const charts = await page.$$eval('figure.chart', (figs) => figs.map((f) => ({
      title: f.querySelector('svg > title')?.textContent || '',
      desc: f.querySelector('svg > desc')?.textContent || '',
      role: f.querySelector('svg')?.getAttribute('role'),
      lines: f.querySelectorAll('svg polyline, svg path').length,
      rows: f.querySelectorAll('table.chart-data tbody tr').length,
    })));
    assert.equal(charts.length, episodeKinds.size, JSON.stringify(charts));
    for (const c of charts) assert.ok(c.title && c.desc && c.role === 'img' && c.lines >= 1 && c.rows >= 2, JSON.stringify(c));
    // Every piece of chart text is at least 11 px on the screen.
    const smallest = await page.$$eval('figure.chart svg', (svgs) => Math.min(...svgs.flatMap((svg) =>
      [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a))));
    assert.ok(smallest >= 11, `chart text as small as ${smallest.toFixed(1)} px`);
  });
  await check(at('the show notes are semantic HTML: headings and real tables for claims and sources'), async () => {
    const h2 = await page.$$eval('main h2', (hs) => hs.map((h) => h.textContent));
    for (const want of ['What this means for you', 'Charts', 'Plug in your numbers', 'Worked examples', 'Claims', 'Assumptions', 'Sources'])
      assert.ok(h2.includes(want), `missing section "${want}" in ${JSON.stringify(h2)}`);
    const tables = await page.$$eval('main table', (ts) => ts.length);
    assert.ok(tables >= 20, `only ${tables} tables`);
    const claimRows = await page.$$eval('#part-claims table tbody tr', (rs) => rs.length);
    assert.ok(claimRows >= 10, `claims table has ${claimRows} rows`);
  });
  await check(at('one form per scenario kind, in registry order, starting from the episode\'s values, each with its result under it'), async () => {
    const forms = await page.$$eval('form.calculator', (fs) => fs.map((f) => ({
      id: f.id, kind: f.dataset.kind, region: f.elements.region.value, regions: f.elements.region.options.length,
      lists: [...f.querySelectorAll('[data-options-by-region]')].map((d) => d.options.length),
      next: f.nextElementSibling?.id, state: f.nextElementSibling?.dataset.state,
    })));
    assert.deepEqual(forms.map((f) => f.kind), ['compute-migration', 'ipv6-egress', 'database-savings-plan']);
    for (const f of forms) {
      assert.ok(f.region && f.regions > 0 && f.lists.every((n) => n > 0), JSON.stringify(f));
      assert.equal(f.next, `result-${f.id}`, `the result of ${f.id} is not right under it`);
      assert.equal(f.state, 'ok', `${f.id} has no result for its starting values`);
    }
    assert.equal(await page.inputValue('#form-compute [name="instance_type"]'), 'm7i.2xlarge');
    assert.equal(await page.inputValue('#form-database [name="acu"]'), '16');
    assert.equal(await page.inputValue('#form-nat [name="gb"]'), '60');
    assert.equal(await page.inputValue('#form-nat [name="ipv6_percent"]'), '100');
    assert.ok(await page.isVisible('#form-nat [name="ipv6_percent"]'), 'the IPv6 share is not a visible field');
    assert.ok(await page.isHidden('#form-database [name="db_instance_type"]'), 'instance class shown for Aurora Serverless');
    const headline = await page.textContent('#result-form-compute .result-headline');
    assert.match(headline, /^A team like yours running /);
  });

  // The date prices' age is judged against sits in the collapsed "Settings".
  await page.$eval('#as-of', (el, v) => { el.value = v; el.dispatchEvent(new Event('change')); }, asOf);
  for (const c of cases) {
    await check(at(`${c.fixture}: typing updates the result under the form, the same as costproof run`), async () => {
      const fixturePath = resolve(fixtures, c.fixture);
      const want = JSON.parse(readFileSync(fixturePath, 'utf8'));
      await fill(page, c.form, c.values);
      const last = Object.keys(c.values).filter((n) => n !== 'performance' && n !== 'target').pop();
      await page.focus(`#${c.form} [name="${last}"]`);
      // No click: the page recomputes by itself once the typing stops.
      const canon = (v) => JSON.stringify(v, (k, x) => (x && typeof x === 'object' && !Array.isArray(x)
        ? Object.fromEntries(Object.keys(x).sort().map((key) => [key, x[key]])) : x));
      await page.waitForFunction(([id, want]) => {
        const canon = (v) => JSON.stringify(v, (k, x) => (x && typeof x === 'object' && !Array.isArray(x)
          ? Object.fromEntries(Object.keys(x).sort().map((key) => [key, x[key]])) : x));
        const r = document.getElementById(`result-${id}`);
        try { return canon(JSON.parse(r.querySelector('.result-scenario').textContent)) === want; } catch { return false; }
      }, [c.form, canon(want)], { timeout: 10000 }).catch(async () => {
        throw new Error(`the result under ${c.form} never showed the fixture's scenario; it shows:\n` +
          await page.textContent(`#result-${c.form} .result-scenario`));
      });
      await page.waitForTimeout(400);
      const result = `#result-${c.form}`;
      const run = spawnSync(costproof, ['run', fixturePath, '--format', 'json', '--as-of', asOf], { encoding: 'utf8' });
      const gap = await page.evaluate((id) => document.getElementById(`result-${id}`).getBoundingClientRect().top -
        document.getElementById(id).getBoundingClientRect().bottom, c.form);
      assert.ok(Math.abs(gap) < 2, `the result starts ${gap} px from its form`);
      if (c.error) {
        assert.notEqual(run.status, 0);
        const cliLine = run.stderr.split('\n').find((l) => l.startsWith('costproof: error:'));
        assert.equal(await page.getAttribute(`${result} .result-error`, 'data-cli-line'), cliLine.replace(fixturePath, 'your-numbers.json'));
        const field = `#${c.form} [name="count"]`;
        assert.equal(await page.getAttribute(field, 'aria-invalid'), 'true');
        const note = await page.$eval(field, (el) => {
          const ids = (el.getAttribute('aria-describedby') || '').split(' ');
          const e = el.closest('p').querySelector('.field-error');
          return { text: e?.textContent || '', described: !!e && ids.includes(e.id), visible: !!e && e.offsetHeight > 0 };
        });
        assert.ok(note.described && note.visible, JSON.stringify(note));
        const tail = cliLine.slice(cliLine.indexOf('/fleet/0/count: ') + '/fleet/0/count: '.length);
        assert.equal(note.text.toLowerCase(), tail.toLowerCase());
        assert.doesNotMatch(note.text, /costproof|your-numbers\.json|\/fleet/);
        assert.equal(await page.evaluate(() => document.activeElement?.name), 'count', 'the focus left the field');
        await page.fill(field, 'five');
        await page.waitForFunction((f) => /five/.test(document.querySelector(`${f}`).closest('p').querySelector('.field-error')?.textContent || ''), field);
        assert.doesNotMatch(await page.$eval(field, (el) => el.closest('p').querySelector('.field-error').textContent), /^costproof/);
        await page.fill(field, '1,000');
        await page.waitForFunction((r) => document.querySelector(r).dataset.state === 'ok', result);
        assert.equal(await page.$$eval(`#${c.form} .field-error`, (e) => e.length), 0);
        // An unknown instance type: the message sits next to that field, with no command to run.
        const type = `#${c.form} [name="instance_type"]`;
        await page.fill(type, 'm7i.xlarg');
        await page.waitForFunction((f) => !!document.querySelector(f).closest('p').querySelector('.field-error'), type);
        const typeError = await page.$eval(type, (el) => el.closest('p').querySelector('.field-error').textContent);
        assert.match(typeError, /^No price for m7i\.xlarg/);
        assert.doesNotMatch(typeError, /costproof|pricing-data/);
        await page.fill(type, c.values.instance_type);
        await page.fill(field, c.values.count);
      } else {
        assert.equal(run.status, 0, run.stderr);
        assert.equal(await page.getAttribute(result, 'data-state'), 'ok');
        assert.ok((await page.textContent(`${result} .result-headline`)).trim().length > 40, 'no headline');
        // The kind's chart, drawn for the listener's numbers.
        assert.equal(await page.$$eval(`${result} .result-chart svg[role="img"] > title`, (t) => t.length), 1, 'no chart of your numbers');
        // The worked example is collapsed and made HTML when opened.
        await page.click(`${result} .result-worked > summary`);
        // The details' toggle event (which renders it) is a task of its own after the click: wait for it.
        await page.waitForSelector(`${result} .result-rendered table`, { timeout: 5000 }).catch(() => {});
        const rendered = await page.$$eval(`${result} .result-rendered table`, (ts) => ts.length);
        assert.ok(rendered >= 1, 'the worked example is not shown as HTML tables');
        await page.click(`${result} .result-worked > summary`);
        const pageJson = await page.textContent(`${result} .result-json`);
        assert.deepEqual(withoutFile(pageJson), withoutFile(run.stdout));
        writeFileSync(resolve(artefacts, `${device}-` + c.fixture.replace('.json', '-page.json')), pageJson);
      }
    });
  }

  await check(at('no horizontal overflow with every part open (scrollWidth <= viewport width)'), async () => {
    await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth,
      wide: [...document.querySelectorAll('main *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1
        && !el.closest('.table-scroll')).slice(0, 5).map((el) => el.tagName + '.' + el.className + ': ' + el.textContent.slice(0, 60)) }));
    assert.ok(widths.scroll <= widths.view, JSON.stringify(widths));
  });
  await check(at('a table scrolled to (in an opened part) says "scroll sideways" exactly when it is wider than its region'), async () => {
    // The page measures a region when it comes near the screen, not at load.
    await page.$eval('#part-claims .table-scroll', (r) => r.scrollIntoView());
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const regions = await page.$$eval('.table-scroll', (rs) => rs.filter((r) => {
      const b = r.getBoundingClientRect();
      return b.bottom > 0 && b.top < window.innerHeight && b.height > 0;
    }).map((r) => ({ marked: r.classList.contains('overflowing'), wide: r.scrollWidth > r.clientWidth + 1,
      label: r.getAttribute('aria-label') })));
    assert.ok(regions.length > 0, 'no table region on the screen');
    for (const r of regions) assert.equal(r.marked, r.wide, JSON.stringify(r));
    if (device === 'phone') assert.ok(regions.some((r) => r.marked), `no wide table marked on the phone: ${JSON.stringify(regions)}`);
  });
  await check(at('axe-core: no critical or serious violation (every part open)'), async () => {
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => (await window.axe.run(document, {
      resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact, n: v.nodes.length,
      first: v.nodes[0]?.target.join(' ') })));
    writeFileSync(resolve(artefacts, `axe-${device}.json`), JSON.stringify(violations, null, 2));
    const bad = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
    assert.deepEqual(bad, []);
  });
  await check(at('no network request of any kind (only the page itself, and data: URLs inside it)'), () => {
    const others = requests.filter((r) => r !== url && !r.startsWith('data:'));
    assert.deepEqual(others, []);
  });
  await context.close();
}

await check('the zip holds the bundle, is deflated and passes unzip -t', () => {
  const zip = execFileSync('sh', ['-c', `ls "${bundle}"/*.zip`], { encoding: 'utf8' }).trim();
  const list = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n');
  for (const f of ['index.html', 'results.json', 'results.csv', 'show-notes.md', 'README.md', 'scenarios/claims.json'])
    assert.ok(list.includes(f), `${f} not in ${zip}`);
  const verbose = execFileSync('unzip', ['-v', zip], { encoding: 'utf8' });
  assert.match(verbose, /Defl:\w\s+\d+\s+\d+%\s+\S+\s+\S+\s+\S+\s+index\.html/, 'index.html is not deflated');
  execFileSync('unzip', ['-tq', zip]);
});
await check('a browser without DecompressionStream: the calculator says it is too old, the page is there', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => { delete window.DecompressionStream; });
  await page.goto(url);
  await page.waitForFunction(() => /could not start/.test(document.getElementById('engine-status').textContent));
  assert.match(await page.textContent('#engine-status'), /too old for it \(it needs Chrome 103, Firefox 113, Safari 16\.4/);
  assert.equal(await page.evaluate(() => document.body.dataset.engine), undefined);
  assert.match(await page.textContent('h1'), /Episode 050/);
  assert.deepEqual(errors, []);
  await page.close();
});
if (exampleBundle) await testExampleEpisode();
await browser.close();
if (failures.length) {
  console.log(`companion test: ${failures.length} failed: ${failures.join('; ')}`);
  process.exit(1);
}
console.log(`companion test: all passed; first screens in ${resolve(artefacts, 'first-screen-desktop.png')} and first-screen-phone.png`);

// The example episode's page: forms generated from its own folder (the cost-comparison kind).
async function testExampleEpisode() {
  const exampleUrl = pathToFileURL(resolve(exampleBundle, 'index.html')).href;
  const files = readdirSync(exampleEpisode).filter((f) => f.endsWith('.json')).sort()
    .map((f) => ({ path: resolve(exampleEpisode, f), json: JSON.parse(readFileSync(resolve(exampleEpisode, f), 'utf8')) }))
    .filter((f) => f.json.kind);
  const kinds = [...new Set(files.map((f) => f.json.kind))];
  const comparisons = files.filter((f) => f.json.kind === 'cost-comparison' && f.json.variable);
  const scratch = mkdtempSync(resolve(tmpdir(), 'costproof-companion-test-'));
  // `costproof run` on the scenario with its variable set to `value` (a file written here).
  const cli = (file, value) => {
    let path = file.path;
    if (value !== undefined) {
      path = resolve(scratch, `${file.json.id}-${value.replace(/\W/g, '_')}.json`);
      writeFileSync(path, JSON.stringify({ ...file.json, variable: { ...file.json.variable, value } }, null, 2));
    }
    return spawnSync(costproof, ['run', path, '--format', 'json', '--as-of', asOf], { encoding: 'utf8' });
  };
  // What must match: the whole result but the scenario's identity (id and file: the page's is "your-numbers")
  // and the warnings' scenario id prefix.
  const numbers = (text) => {
    const r = JSON.parse(text).results[0];
    const { scenario, warnings, ...rest } = r;
    return { ...rest, warnings: warnings.map((w) => w.replace(/^[^:]*: /, '')) };
  };
  const form = '#form-cost-comparison', result = '#result-form-cost-comparison';
  // Sets the comparison and the value, then waits (no click) until the result shows that scenario.
  const enter = async (page, file, value) => {
    await page.selectOption(`${form} [name="comparison"]`, file.json.id);
    await page.fill(`${form} [name="value"]`, value);
    await page.waitForFunction(([r, title, v]) => {
      try {
        const sc = JSON.parse(document.querySelector(`${r} .result-scenario`).textContent);
        return sc.title === title && sc.variable.value === v;
      } catch { return false; }
    }, [result, file.json.title, value], { timeout: 10000 });
    await page.waitForTimeout(350);  // an error is shown once the typing pauses (300 ms)
  };
  for (const [device, viewport] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    const context = await browser.newContext({ viewport, isMobile: device === 'phone', hasTouch: device === 'phone' });
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(exampleUrl);
    await page.waitForSelector('body[data-engine="ready"]', { timeout: 60000 });
    await page.waitForSelector(`${result}[data-state]`, { timeout: 10000 }).catch(() => {});
    const at = (name) => `example episode, ${device}: ${name}`;
    await page.$eval('#as-of', (el, v) => { el.value = v; el.dispatchEvent(new Event('change')); }, asOf);

    await check(at('one form per kind of its scenario files, the cost-comparison form listing each comparison'), async () => {
      assert.deepEqual(consoleErrors, []);
      assert.deepEqual(await page.$$eval('form.calculator', (fs) => fs.map((f) => f.dataset.kind)), kinds);
      const listed = await page.$$eval(`${form} [name="comparison"] option`, (os) => os.map((o) => o.value));
      assert.deepEqual(listed, comparisons.map((f) => f.json.id));
      assert.equal(await page.getAttribute(result, 'data-state'), 'ok', 'no result for the starting values');
    });
    // Every comparison on the desktop; the first on the phone (same code, smaller screen).
    for (const file of device === 'desktop' ? comparisons : comparisons.slice(0, 1)) {
      await check(at(`${file.json.id} at its own value (${file.json.variable.value}): the numbers of costproof run`), async () => {
        const run = cli(file);
        assert.equal(run.status, 0, run.stderr);
        await enter(page, file, String(file.json.variable.value));
        assert.equal(await page.getAttribute(result, 'data-state'), 'ok');
        assert.deepEqual(numbers(await page.textContent(`${result} .result-json`)), numbers(run.stdout));
        assert.ok((await page.textContent(`${result} .result-headline`)).trim().length > 40, 'no headline');
      });
    }
    await check(at('choosing a comparison puts its own value in the field and names its variable in the label'), async () => {
      for (const file of [...comparisons].reverse()) {
        await page.selectOption(`${form} [name="comparison"]`, file.json.id);
        assert.equal(await page.inputValue(`${form} [name="value"]`), String(file.json.variable.value));
        const label = await page.$eval(`${form} [name="value"]`, (el) => el.labels[0].textContent);
        assert.ok(label.includes(`${file.json.variable.what} (${file.json.variable.unit})`), label);
      }
    });
    const file = comparisons[0];
    await check(at('a changed value recomputes live (no click), as costproof run on that value'), async () => {
      const value = String(Number(file.json.variable.value) * 3 + 7);
      const run = cli(file, value);
      assert.equal(run.status, 0, run.stderr);
      const runs = Number(await page.getAttribute(result, 'data-runs'));
      await enter(page, file, value);
      assert.ok(Number(await page.getAttribute(result, 'data-runs')) > runs);
      assert.deepEqual(numbers(await page.textContent(`${result} .result-json`)), numbers(run.stdout));
    });
    await check(at('a bad value: the error in plain words next to the field, the program\'s line kept'), async () => {
      const run = cli(file, 'lots');
      assert.notEqual(run.status, 0);
      const cliLine = run.stderr.split('\n').find((l) => l.startsWith('costproof: error:'));
      await enter(page, file, 'lots');
      const field = `${form} [name="value"]`;
      assert.equal(await page.getAttribute(result, 'data-state'), 'error');
      assert.equal(await page.getAttribute(field, 'aria-invalid'), 'true');
      const note = await page.$eval(field, (el) => {
        const e = el.closest('p').querySelector('.field-error');
        return { text: e?.textContent || '', described: !!e && (el.getAttribute('aria-describedby') || '').split(' ').includes(e.id),
          visible: !!e && e.offsetHeight > 0 };
      });
      assert.ok(note.described && note.visible, JSON.stringify(note));
      assert.doesNotMatch(note.text, /costproof|your-numbers\.json|\/variable/);
      const pageLine = await page.getAttribute(`${result} .result-error`, 'data-cli-line');
      assert.equal(pageLine.replace('your-numbers.json', 'X'), cliLine.replace(/\S+\.json/, 'X'));
      assert.ok(cliLine.toLowerCase().endsWith(note.text.toLowerCase().slice(1)), `${note.text} vs ${cliLine}`);
      await enter(page, file, String(file.json.variable.value));
      assert.equal(await page.$$eval(`${form} .field-error`, (e) => e.length), 0);
    });
    await page.$eval(form, (el) => el.scrollIntoView());
    await page.screenshot({ path: resolve(artefacts, `example-calculator-${device}.png`) });
    await check(at('no horizontal scroll with every part open; axe-core finds no violation'), async () => {
      await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
      assert.ok(widths.scroll <= widths.view, JSON.stringify(widths));
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => (await window.axe.run(document, {
        resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact, n: v.nodes.length,
        first: v.nodes[0]?.target.join(' ') })));
      writeFileSync(resolve(artefacts, `axe-example-${device}.json`), JSON.stringify(violations, null, 2));
      assert.deepEqual(violations, []);
    });
    await context.close();
  }
  rmSync(scratch, { recursive: true, force: true });
}
