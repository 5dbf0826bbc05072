// Where a companion page's load goes (issue 16, "page ready"): one Chromium performance trace per
// load, from navigation start to the calculator ready (body[data-engine="ready"]), summed over the
// loads. Prints, for the renderer's main thread:
//   - the tasks in order (start, duration, their largest parts), from the last load;
//   - the trace events' self time by name (ParseHTML, EvaluateScript, v8.compile, UpdateLayoutTree,
//     Layout, Paint, wasm compilation, ...), each event's time minus its children's;
//   - the sampled JavaScript/WebAssembly functions' self time (the V8 CPU profiler in the trace);
//   - the idle time (the main thread waiting, e.g. for the engine's WebAssembly to compile).
//
//   node bench/companion-trace.mjs [loads] [bundle folder ...]   # default: 5 loads, build/companion
//
// Results are recorded in docs/benchmarks.md ("Page ready, third pass"); nothing here is asserted.
import { chromium } from '../web/test/node_modules/playwright-core/index.mjs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const loads = Number(process.argv[2] || 5);
const bundles = process.argv.length > 3 ? process.argv.slice(3) : ['build/companion'];
const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'v8.wasm',
  'blink.user_timing', 'loading', 'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.compile'];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

// Marks the moment the calculator is ready in the trace (and its performance.now()).
const probe = () => {
  new MutationObserver(() => {
    if (!window.__ready && document.body?.dataset.engine === 'ready') {
      window.__ready = performance.now();
      performance.mark('costproof-ready');
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-engine'] });
};

const add = (map, key, v) => map.set(key, (map.get(key) || 0) + v);
// Trace events grouped into the stages of a load (the first group whose pattern matches the name).
const stages = [
  ['HTML: decoding and parsing the page', /^(ParseHTML|DocumentLoader::|DecodedDataDocumentParser|NavigationBodyLoader|HTMLDocumentParser)/],
  ['style, layout, paint', /^(Layout|UpdateLayoutTree|Paint|PrePaint|Commit|Layerize|IntersectionObserver|UpdateLayer|RecalculateStyles|HitTest)/],
  ['WebAssembly compile and instantiate', /^(wasm\.|v8\.wasm|v8\.newInstance|FlushInstructionCache)/],
  ['JavaScript: parse and compile', /^(V8\.(Parse|PreParse|Compile|Deserialize)|v8\.compile|EvaluateScript)/],
  ['JavaScript: garbage collection', /^(V8\.GC|MajorGC|MinorGC|Major concurrent|V8\.HeapSnapshot)/],
  ['JavaScript: running (page.js, engine, its calls)', /^(v8\.run|v8\.callFunction|RunMicrotasks|FunctionCall|EventDispatch|TimerFire|V8\.|v8\.)/],
  ['tracing itself', /^CpuProfiler/],
  ['other (task self time, window and context set-up)', /./],
];
const ms = (us) => (us / 1000).toFixed(1).padStart(7);

// One trace: { window (ms), byName self time, functions self time, idle, tasks }.
function analyse(events, readyMs) {
  const mark = events.find((e) => e.name === 'costproof-ready' && e.cat.includes('blink.user_timing'));
  const { pid, tid } = mark;
  const end = mark.ts, start = end - readyMs * 1000;
  const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ts + (e.dur || 0) >= start && e.ts <= end);
  // Complete events (ph X) and begin/end pairs as intervals, nested by time.
  const spans = [];
  const open = [];
  for (const e of main.sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X' && e.dur !== undefined) spans.push({ name: e.name, ts: e.ts, end: e.ts + e.dur, args: e.args });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) spans.push({ name: b.name, ts: b.ts, end: e.ts, args: b.args });
    }
  }
  spans.sort((a, b) => a.ts - b.ts || b.end - a.end);
  const clip = (s) => Math.max(0, Math.min(s.end, end) - Math.max(s.ts, start));
  const byName = new Map(), tasks = [];
  const stack = [];
  let busy = 0;
  for (const s of spans) {
    while (stack.length && stack[stack.length - 1].end <= s.ts) stack.pop();
    const parent = stack[stack.length - 1];
    s.self = clip(s);
    s.children = [];
    if (parent) { parent.self -= clip(s); parent.children.push(s); } else { busy += clip(s); tasks.push(s); }
    stack.push(s);
  }
  for (const s of spans) add(byName, s.name, s.self);
  // Sampled functions: the profile's nodes and the samples taken in the window.
  const nodes = new Map(), functions = new Map();
  let t = null;
  for (const e of events.filter((x) => x.pid === pid && (x.name === 'Profile' || x.name === 'ProfileChunk')).sort((a, b) => a.ts - b.ts)) {
    if (e.name === 'Profile') { t = e.args.data.startTime; continue; }
    const d = e.args.data;
    for (const n of d.cpuProfile?.nodes || []) nodes.set(n.id, n);
    const samples = d.cpuProfile?.samples || [], deltas = d.timeDeltas || [];
    for (let i = 0; i < samples.length; i++) {
      t += deltas[i] || 0;
      const next = (deltas[i + 1] || 0);
      if (t < start || t > end) continue;
      const f = nodes.get(samples[i])?.callFrame || { functionName: '?' };
      const where = f.url ? (f.url.startsWith('wasm') ? ' (wasm)' : '') : '';
      add(functions, (f.functionName || '(anonymous)') + where, next);
    }
  }
  return { windowUs: end - start, byName, functions, idle: end - start - busy, tasks, start };
}

function describe(task, start) {
  const parts = new Map();
  const walk = (s, depth) => {
    if (depth > 0) add(parts, s.name, s.self);
    for (const c of s.children) walk(c, depth + 1);
  };
  walk(task, 0);
  const top = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 4).filter(([, v]) => v >= 1000)
    .map(([n, v]) => `${n} ${(v / 1000).toFixed(1)}`).join(', ');
  return `  at ${ms(task.ts - start)} ms  ${ms(task.end - task.ts)} ms  ${task.name}${top ? `: ${top}` : ''}`;
}

for (const bundle of bundles) {
  const url = pathToFileURL(resolve(bundle, 'index.html')).href;
  const total = { windowUs: 0, idle: 0, byName: new Map(), functions: new Map() };
  let last = null;
  for (let i = 0; i < loads; i++) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.addInitScript(probe);
    await browser.startTracing(page, { categories });
    await page.goto(url);
    await page.waitForFunction(() => window.__ready, null, { timeout: 30000 });
    const readyMs = await page.evaluate(() => window.__ready);
    const trace = JSON.parse((await browser.stopTracing()).toString());
    await page.close();
    last = analyse(trace.traceEvents, readyMs);
    total.windowUs += last.windowUs;
    total.idle += last.idle;
    for (const [k, v] of last.byName) add(total.byName, k, v);
    for (const [k, v] of last.functions) add(total.functions, k, v);
  }
  console.log(`${bundle}: navigation -> calculator ready, mean of ${loads} traced loads: ${ms(total.windowUs / loads)} ms`);
  console.log(`  main thread idle (waiting): ${ms(total.idle / loads)} ms`);
  const byStage = new Map(stages.map(([name]) => [name, 0]));
  for (const [k, v] of total.byName) add(byStage, stages.find(([, re]) => re.test(k))[0], v);
  console.log('  by stage (trace events\' self time, mean per load):');
  for (const [k, v] of byStage) console.log(`    ${ms(v / loads)} ms  ${k}`);
  console.log('  trace events, self time (mean per load, >= 2 ms):');
  for (const [k, v] of [...total.byName].sort((a, b) => b[1] - a[1]).filter(([, v]) => v / loads >= 2000))
    console.log(`    ${ms(v / loads)} ms  ${k}`);
  console.log('  sampled functions, self time (mean per load, >= 2 ms):');
  for (const [k, v] of [...total.functions].sort((a, b) => b[1] - a[1]).filter(([, v]) => v / loads >= 2000))
    console.log(`    ${ms(v / loads)} ms  ${k}`);
  console.log('  tasks of the last load (>= 3 ms; start from navigation, duration, largest parts in ms):');
  for (const task of last.tasks.filter((s) => s.end - s.ts >= 3000)) console.log(describe(task, last.start));
}
await browser.close();
