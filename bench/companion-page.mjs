// Benchmark of companion pages in headless Chromium (issue 16's companion targets):
//   - page ready: navigation start -> the WebAssembly calculator ready (body[data-engine="ready"]),
//     and -> every form's first result shown;
//   - per form, one live recompute as the listener types: a number field changes and an `input`
//     event fires, as typing does; the time is that of the page's own timer or animation-frame
//     callback that recomputes and shows the result (form fields -> scenario -> engine -> DOM),
//     read by wrapping setTimeout/requestAnimationFrame before the page's script runs, so the same
//     measure works on any version of web/page.js; then the longest callback in the 50 ms after
//     it (the chart, when the page draws it in a task of its own), and the sum of both.
// Every form of every page is measured; the field changed is the form's first visible number
// field (inputmode), alternating between its starting value and twice it. Up to 20 loads per page
// (fewer when [runs] is smaller), the pages' loads interleaved (the first load of each page, then
// the second of each, ...) so that other work on the machine weighs on every page alike.
//
//   bash scripts/companion.sh                         # build/companion (episode 050)
//   build/cli/costproof companion scenarios/ep-example-egress-serverless --out build/companion-example --as-of 2026-11-27
//   node bench/companion-page.mjs [runs] [bundle folder ...]   # default: 30 runs, both folders above
//
// Results are recorded in docs/benchmarks.md; nothing here is asserted.
import { chromium } from '../web/test/node_modules/playwright-core/index.mjs';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const runs = Number(process.argv[2] || 30);
const bundles = process.argv.length > 3 ? process.argv.slice(3) : ['build/companion', 'build/companion-example'];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

// Installed before the page's scripts: times every timer and animation-frame callback, and notes
// when the engine becomes ready and when every form has its first result.
const probe = () => {
  window.__callbacks = [];
  // Each callback's duration, and whether it showed a result (a result's data-runs changed).
  const runs = () => [...document.querySelectorAll('.result')].map((r) => r.dataset.runs).join();
  const timed = (fn) => function (...a) {
    const t = performance.now(), before = runs();
    try { return fn.apply(this, a); } finally { window.__callbacks.push({ ms: performance.now() - t, shown: runs() !== before }); }
  };
  const setTimeout0 = window.setTimeout, raf0 = window.requestAnimationFrame;
  window.setTimeout = (fn, ms, ...a) => setTimeout0(typeof fn === 'function' ? timed(fn) : fn, ms, ...a);
  window.requestAnimationFrame = (fn) => raf0(timed(fn));
  new MutationObserver(() => {
    if (!window.__ready && document.body?.dataset.engine === 'ready') window.__ready = performance.now();
    const forms = [...document.querySelectorAll('form.calculator')];
    if (!window.__firstResults && window.__ready && forms.length &&
        forms.every((f) => document.getElementById(`result-${f.id}`)?.dataset.state))
      window.__firstResults = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-engine', 'data-state'] });
};

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const line = (name, xs) => console.log(`  ${name.padEnd(44)} median ${pct(xs, 50).toFixed(1).padStart(7)} ms  ` +
  `p95 ${pct(xs, 95).toFixed(1).padStart(7)} ms  min ${Math.min(...xs).toFixed(1).padStart(7)} ms  (${xs.length} runs)`);

// The bundles' loads are interleaved (load 1 of each bundle, then load 2 of each, ...), so that
// other work on the machine weighs on every bundle alike and their ratios can be read.
const loads = Math.min(runs, 20);  // each load also gives runs / loads recomputes per form
const results = [];
for (const bundle of bundles) {
  const file = resolve(bundle, 'index.html');
  if (!existsSync(file)) { console.log(`${bundle}: no index.html, skipped`); continue; }
  results.push({ bundle, file, url: pathToFileURL(file).href, ready: [], first: [], perForm: new Map(),
    states: new Map(), after: new Map(), total: new Map(), failed: false });
}
for (let i = 0; i < loads; i++) {
  for (const b of results) {
    if (b.failed) continue;
    const { bundle, url, ready, first, perForm, states, after, total } = b;
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(probe);
    await page.goto(url);
    if (!await page.waitForFunction(() => window.__firstResults, null, { timeout: 30000 }).catch(() => null)) {
      console.log(`${bundle}: no result within 30 s (page errors: ${errors.join('; ') || 'none'})`);
      await page.close();
      b.failed = true;
      continue;
    }
    ready.push(await page.evaluate(() => window.__ready));
    first.push(await page.evaluate(() => window.__firstResults));
    const forms = await page.$$eval('form.calculator', (fs) => fs.map((f) => f.id));
    for (const form of forms) {
      const times = perForm.get(form) || [];
      for (let r = 0; r < Math.ceil(runs / loads); r++) {
        const out = await page.evaluate(async (id) => {
          const form = document.getElementById(id);
          const result = document.getElementById(`result-${id}`);
          const field = [...form.querySelectorAll('input[inputmode]')].find((el) => !el.closest('[hidden]'));
          field.dataset.benchStart ||= field.value;
          const start = field.dataset.benchStart;
          field.value = field.value === start ? String(Number(start.replace(/,/g, '')) * 2) : start;
          const runsBefore = Number(result.dataset.runs || 0);
          window.__callbacks = [];
          field.dispatchEvent(new Event('input', { bubbles: true }));
          const t0 = performance.now();
          while (Number(result.dataset.runs || 0) === runsBefore && performance.now() - t0 < 10000)
            await new Promise((r) => setTimeout(r, 5));
          await new Promise((r) => setTimeout(r, 50));  // what follows the numbers (the chart) is done by now
          const cbs = window.__callbacks;
          const at = cbs.findIndex((c) => c.shown);
          return { ms: cbs[at].ms, after: Math.max(0, ...cbs.slice(at + 1).map((c) => c.ms)),
            state: result.dataset.state, field: field.name };
        }, form);
        times.push(out.ms);
        (after.get(form) || after.set(form, []).get(form)).push(out.after);
        (total.get(form) || total.set(form, []).get(form)).push(out.ms + out.after);
        states.set(form, `${out.field}: ${out.state}`);
      }
      perForm.set(form, times);
    }
    await page.close();
  }
}
for (const { bundle, file, ready, first, perForm, states, after, total } of results) {
  if (!ready.length) continue;
  console.log(`${bundle} (${file})`);
  line('navigation -> calculator ready', ready);
  line('navigation -> every form\'s first result', first);
  for (const [form, times] of perForm) {
    console.log(`  ${form}, typing in ${states.get(form)}:`);
    line('    recompute, numbers shown', times);
    line('    then the chart redrawn (next task)', after.get(form));
    line('    both', total.get(form));
  }
}
await browser.close();
