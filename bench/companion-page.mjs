// Benchmark of the companion page in headless Chromium: time from navigation
// to the WebAssembly calculator being ready (engine compiled, 0.6 MB of price
// tables parsed into a catalog), and the time of one form calculation.
//
//   bash scripts/companion.sh        # builds build/companion/index.html
//   node bench/companion-page.mjs [runs]
//
// Results are recorded in docs/benchmarks.md; nothing here is asserted.
import { chromium } from '../web/test/node_modules/playwright-core/index.mjs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const runs = Number(process.argv[2] || 10);
const url = pathToFileURL(resolve('build/companion/index.html')).href;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const ready = [], calc = [];
for (let i = 0; i < runs; i++) {
  const page = await browser.newPage();
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector('body[data-engine="ready"]', { timeout: 60000 });
  ready.push(Date.now() - t0);
  for (const form of ['form-compute', 'form-database', 'form-nat']) {
    calc.push(await page.evaluate((id) => {
      const t = performance.now();
      document.querySelector(`#${id} button[type="submit"]`).click();  // runs synchronously
      return performance.now() - t;
    }, form));
  }
  await page.close();
}
await browser.close();
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(1)} ms, min ${s[0].toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms`;
};
console.log(`page load to calculator ready (${runs} loads): ${stats(ready)}`);
console.log(`one form calculation, parse + calculate + render (${calc.length} runs): ${stats(calc)}`);
