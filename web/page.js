// The companion page's "plug in your numbers" forms, one per scenario kind
// (calc/scenarios/<kind>/templates/form.html). This script only fills the forms
// from the embedded options and shows what the engine returns: the scenario a
// form's fields make (the JSON a listener could write by hand) and every figure
// are computed by the calc library compiled to WebAssembly (web/engine.cpp), the
// same code as the costproof program. There is no arithmetic here and no kind's
// knowledge.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const options = JSON.parse($('form-options').textContent);
  let engine = null;
  // The engine's WebAssembly is decoded and compiled (off the main thread) while the forms are set up.
  // `costproof companion` carries it deflated and base64-encoded in #engine-wasm (a third of the bytes
  // of the copy Emscripten puts in the engine's script): inflated by the browser and compiled as it
  // streams. Without that element the engine loads its own copy.
  const packedWasm = $('engine-wasm');
  let wasmFailed;
  const wasmFailure = new Promise((resolve, reject) => { wasmFailed = reject; });
  const engineStarted = createCostproofEngine(packedWasm ? {
    instantiateWasm(imports, receive) {
      new Promise((resolve) => {  // anything that fails here, at once or later, says so on the page
        const text = atob(packedWasm.textContent);
        const bytes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
        const wasm = new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')),
          { headers: { 'Content-Type': 'application/wasm' } });
        resolve(WebAssembly.instantiateStreaming(wasm, imports));
      }).then((r) => receive(r.instance, r.module), wasmFailed);
      return {};
    },
  } : {});

  // Today's date (local), the default date price age is judged against.
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  $('as-of').value = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

  // Each form is a scenario kind's (its data-kind); its options, defaults included, are that kind's.
  const forms = [...document.querySelectorAll('form.calculator')];
  const formOptions = (form) => options.forms[form.dataset.kind] || {};

  // Fill selects and datalists from the embedded price tables' keys.
  const optionElement = (item) => Object.assign(document.createElement('option'),
    typeof item === 'string' ? { value: item, textContent: item } : { value: item.value, textContent: item.label });
  for (const form of forms) {
    for (const select of form.querySelectorAll('select[data-options]'))
      for (const item of formOptions(form)[select.dataset.options] || []) select.appendChild(optionElement(item));
  }
  // Lists that depend on the region (a <datalist> of suggestions or a <select> of choices); a form
  // without a region field (one generated from the episode's own files) has none.
  function regionChanged(form) {
    if (!form.elements.region) return;
    const region = form.elements.region.value;
    for (const list of form.querySelectorAll('[data-options-by-region]')) {
      const values = (formOptions(form)[list.dataset.optionsByRegion] || {})[region] || [];
      const keep = list.value;
      list.replaceChildren(...values.map((v) => optionElement(list.tagName === 'DATALIST' && typeof v !== 'string' ? v.value : v)));
      if (list.tagName === 'SELECT' && [...list.options].some((o) => o.value === keep)) list.value = keep;
    }
  }
  // Fields that apply to some choices only (data-show-when="<field>" data-show-values="a b").
  function showWhen(form) {
    for (const el of form.querySelectorAll('[data-show-when]')) {
      const on = form.elements[el.dataset.showWhen];
      el.hidden = !!on && !el.dataset.showValues.split(' ').includes(on.value);
    }
  }
  // A choice can carry its own hint (shown where data-hint-of names its select) and field values
  // ("set") that choosing it puts in the form, e.g. a comparison's own example value and unit.
  const chosenItem = (form, select) =>
    (formOptions(form)[select.dataset.options] || []).find((item) => item.value === select.value) || {};
  function choiceHints(form) {
    for (const el of form.querySelectorAll('[data-hint-of]'))
      el.textContent = chosenItem(form, form.elements[el.dataset.hintOf]).hint || '';
  }
  for (const form of forms) {
    for (const select of form.querySelectorAll('select[data-options]'))
      select.addEventListener('change', () => {
        for (const [name, value] of Object.entries(chosenItem(form, select).set || {}))
          if (form.elements[name]) form.elements[name].value = value;
        choiceHints(form);
      });
  }
  // Every field gets an id, and its hint (the <span class="hint"> beside it) describes it.
  for (const form of forms) {
    for (const el of form.elements) {
      if (!el.name) continue;
      el.id = el.id || `${form.id}-${el.name}`;
      const hint = el.closest('p')?.querySelector('.hint');
      if (hint) { hint.id = `${el.id}-hint`; el.setAttribute('aria-describedby', hint.id); }
    }
  }
  // Start from the episode's own example values: the region first, so that the lists that depend on it
  // are built once, for that region, before the values chosen from them are set.
  for (const form of forms) {
    const defaults = formOptions(form).defaults || {};
    if (form.elements.region && 'region' in defaults) form.elements.region.value = defaults.region;
    regionChanged(form);
    for (const [name, value] of Object.entries(defaults))
      if (form.elements[name]) form.elements[name].value = value;
    form.elements.region?.addEventListener('change', () => regionChanged(form));
    showWhen(form);
    choiceHints(form);
  }

  // Each form's result sits right under it (a copy of <template id="result-template">).
  const resultOf = new Map();
  for (const form of forms) {
    const result = $('result-template').content.firstElementChild.cloneNode(true);
    result.id = `result-${form.id}`;
    result.dataset.form = form.id;
    result.setAttribute('aria-label', `Result: ${form.querySelector('h3, legend')?.textContent || ''}`);
    form.after(result);
    resultOf.set(form, result);
  }

  // Form fields -> scenario, by the form's kind in the engine (calc/scenarios/<kind>/*_form.cpp).
  // Every field goes as typed; numbers stay strings ("12.5"), as the CLI wants them exact.
  function scenarioOf(form) {
    const fields = {};
    for (const el of form.elements) if (el.name) fields[el.name] = el.value;
    return JSON.parse(engine.formScenario(form.dataset.kind, JSON.stringify(fields)));
  }

  // Shows the worked example's Markdown as HTML. Only the subset costproof's
  // renderers print (headings, paragraphs, tables, lists, quotes, **bold**,
  // *italic*, `code`); every piece of text is escaped first. This is layout
  // only: the numbers are the engine's text, untouched.
  function escapeHtml(t) {
    return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  function inline(t) {
    return escapeHtml(t)
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
  }
  function cells(line) {
    // Cells are separated by bars; a backslash-escaped bar is a literal bar inside a cell.
    return line.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, '|'));
  }
  function markdownToHtml(md) {
    const lines = md.split('\n');
    const out = [];
    let para = [];
    const flush = () => { if (para.length) { out.push('<p>' + inline(para.join(' ')) + '</p>'); para = []; } };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      let m;
      if (line.trim() === '') { flush(); continue; }
      if ((m = /^(#{1,6}) (.*)$/.exec(line))) {
        flush();
        const level = Math.min(6, m[1].length + 2);  // "# costproof ..." sits under the page's h3
        out.push(`<h${level}>${inline(m[2])}</h${level}>`);
      } else if (line.startsWith('|') && i + 1 < lines.length && /^\|[-:| ]+\|$/.test(lines[i + 1].trim())) {
        flush();
        const align = cells(lines[i + 1]).map((c) => (c.endsWith(':') ? ' class="num"' : ''));
        let html = '<table><thead><tr>' + cells(line).map((c) => (c ? `<th>${inline(c)}</th>` : '<td></td>')).join('') + '</tr></thead><tbody>';
        for (i += 2; i < lines.length && lines[i].startsWith('|'); i++)
          html += '<tr>' + cells(lines[i]).map((c, k) => `<td${align[k] || ''}>${inline(c)}</td>`).join('') + '</tr>';
        i--;
        out.push(html + '</tbody></table>');
      } else if ((m = /^(- |\d+\. )(.*)$/.exec(line))) {
        flush();
        const tag = m[1] === '- ' ? 'ul' : 'ol';
        const items = [];
        for (; i < lines.length && (m = /^(- |\d+\. )(.*)$/.exec(lines[i])); i++) items.push(`<li>${inline(m[2])}</li>`);
        i--;
        out.push(`<${tag}>${items.join('')}</${tag}>`);
      } else if (line.startsWith('> ')) {
        flush();
        out.push(`<blockquote><p>${inline(line.slice(2))}</p></blockquote>`);
      } else {
        para.push(line);
      }
    }
    flush();
    return out.join('\n');
  }

  // A wide table scrolls inside a focusable, labelled region instead of widening the page.
  function scrollRegions(root) {
    let n = 0;
    for (const table of root.querySelectorAll('table')) {
      if (table.parentElement.classList.contains('table-scroll')) continue;
      const region = Object.assign(document.createElement('div'), { className: 'table-scroll', tabIndex: 0 });
      region.setAttribute('role', 'region');
      region.setAttribute('aria-label', `${root.getAttribute('aria-label') || 'Result'}, table ${++n} (scrolls sideways on a narrow screen)`);
      table.replaceWith(region);
      region.appendChild(table);
      watcher.observe(region);
    }
  }
  // "← scroll sideways →" over the table regions given that are wider than themselves right now. All
  // widths are read before any mark is written, so the marks cost one layout, not one per region.
  function markOverflow(regions) {
    const wide = regions.map((r) => r.scrollWidth > r.clientWidth + 1);
    regions.forEach((r, i) => r.classList.toggle('overflowing', wide[i]));
  }
  // Only the regions on (or within a screen of) the screen are measured, when they get there: reading a
  // width lays out what holds it, and measuring every table of the page at load laid out all the
  // collapsed parts (~0.3 s for episode 050). A region inside a closed part is never near the screen.
  const nearScreen = new Set();
  const watcher = new IntersectionObserver((entries) => {
    for (const e of entries) if (e.isIntersecting) nearScreen.add(e.target); else nearScreen.delete(e.target);
    for (const r of nearScreen) if (!r.isConnected) { nearScreen.delete(r); watcher.unobserve(r); }  // a result's old tables
    markOverflow(entries.filter((e) => e.isIntersecting).map((e) => e.target));
  }, { rootMargin: '100% 0px' });
  const watchRegions = (root) => { for (const r of root.querySelectorAll('.table-scroll')) watcher.observe(r); };
  // A result's regions again at the next frame, once per frame (its tables changed): reading widths forces
  // a layout, so it waits until the browser lays the page out anyway instead of making each recompute pay for one.
  const overflowRoots = new Set();
  function markOverflowSoon(root) {
    if (!overflowRoots.size) requestAnimationFrame(() => {
      for (const r of overflowRoots) markOverflow([...r.querySelectorAll('.table-scroll')]);
      overflowRoots.clear();
    });
    overflowRoots.add(root);
  }

  // The worked example sits in a collapsed box: its Markdown is turned into HTML when the box is
  // opened (or at once if it is open), not on every keystroke.
  const workedMarkdown = new Map();
  function renderWorked(result) {
    const box = result.querySelector('.result-worked');
    if (!box.open || !workedMarkdown.has(result)) return;
    box.querySelector('.result-rendered').innerHTML = markdownToHtml(workedMarkdown.get(result));
    workedMarkdown.delete(result);
    scrollRegions(result);
    markOverflowSoon(result);
  }

  // The error, in plain words, next to the field the engine names (the longest matching JSON pointer).
  function clearFieldErrors(form) {
    for (const el of form.querySelectorAll('[aria-invalid]')) {
      el.removeAttribute('aria-invalid');
      el.setAttribute('aria-describedby', (el.getAttribute('aria-describedby') || '').split(' ')
        .filter((id) => id && id !== `${el.id}-error`).join(' '));
      if (!el.getAttribute('aria-describedby')) el.removeAttribute('aria-describedby');
    }
    for (const e of form.querySelectorAll('.field-error')) e.remove();
  }
  function fieldOf(form, pointer, message) {
    let best = null;
    for (const el of form.querySelectorAll('[data-pointer]'))
      if (pointer && (pointer === el.dataset.pointer || pointer.startsWith(el.dataset.pointer + '/')) &&
          !el.closest('[hidden]') && (!best || el.dataset.pointer.length > best.dataset.pointer.length)) best = el;
    // A message without a pointer ("no price for m7i.xlarg ...") names the value typed in one field.
    if (!best && !pointer)
      for (const el of form.querySelectorAll('input[data-pointer]'))
        if (el.value.trim() && !el.closest('[hidden]') && message.includes(`for ${el.value.trim()} `)) best = el;
    return best;
  }

  function show(form, scenario, out, submitted) {
    const result = resultOf.get(form);
    const part = (name) => result.querySelector('.' + name);
    result.hidden = false;
    clearFieldErrors(form);
    const scenarioText = JSON.stringify(scenario, null, 2) + '\n';
    part('result-scenario').textContent = scenarioText;
    part('result-download').href = 'data:application/json;charset=utf-8,' + encodeURIComponent(scenarioText);
    const warnings = (out.warnings || []).map((w) => w.replace(/^your-numbers: /, ''));
    part('result-warnings').replaceChildren(...warnings.map((w) =>
      Object.assign(document.createElement('li'), { textContent: w })));
    part('result-warnings-box').hidden = warnings.length === 0;
    part('result-warnings-summary').textContent = `Notes on the prices used (${warnings.length})`;
    if (out.ok) {
      result.classList.remove('failed');
      part('result-error').hidden = true;
      part('result-headline').innerHTML = markdownToHtml(out.summary || '');
      part('result-markdown').textContent = out.markdown;
      workedMarkdown.set(result, out.markdown);
      renderWorked(result);
      part('result-json').textContent = out.json;
      scrollRegions(result);
      markOverflowSoon(result);
    } else {
      result.classList.add('failed');
      part('result-headline').replaceChildren();
      part('result-chart').replaceChildren();
      chartFor.delete(form);
      part('result-markdown').textContent = '';
      part('result-rendered').replaceChildren();
      workedMarkdown.delete(result);
      part('result-json').textContent = '';
      const field = fieldOf(form, out.pointer, out.message || '');
      const error = part('result-error');
      error.dataset.cliLine = out.message;
      if (field) {
        const note = Object.assign(document.createElement('span'),
          { className: 'field-error', id: `${field.id}-error`, textContent: out.plain });
        field.closest('p').appendChild(note);
        field.setAttribute('aria-invalid', 'true');
        field.setAttribute('aria-describedby',
          [field.getAttribute('aria-describedby'), note.id].filter(Boolean).join(' '));
        error.hidden = false;
        error.textContent = `Nothing calculated yet: fix “${field.labels[0]?.firstChild?.textContent.trim() || field.name}” above.`;
        if (submitted) field.focus();
      } else {
        error.hidden = false;
        error.textContent = out.plain;
      }
    }
    result.dataset.state = out.ok ? 'ok' : 'error';
    result.dataset.runs = String(Number(result.dataset.runs || 0) + 1);
  }

  // The kind's chart drawn by the engine for these numbers (escaped SVG from calc/render/svg_chart.h).
  // Drawing it calculates the scenario again at every point, so it is drawn in the task after the
  // numbers (which the browser shows first), and only for the latest numbers of the form.
  const chartFor = new Map();
  function drawChartSoon(form, scenarioText) {
    chartFor.set(form, scenarioText);
    setTimeout(() => {
      if (chartFor.get(form) !== scenarioText) return;
      chartFor.delete(form);
      const svg = engine.chart(scenarioText, $('as-of').value);
      const result = resultOf.get(form);
      result.querySelector('.result-chart-box').hidden = !svg;
      const box = result.querySelector('.result-chart');
      box.innerHTML = svg ? '<div class="table-scroll chart-scroll" role="region" tabindex="0">' + svg + '</div>' : '';
      if (svg) {
        box.firstElementChild.setAttribute('aria-label', `${result.getAttribute('aria-label')}, chart (scrolls sideways on a narrow screen)`);
        watcher.observe(box.firstElementChild);
      }
      markOverflowSoon(result);
    });
  }

  // `typing`: a keystroke's recompute. Its numbers are shown at once; an error (often a number
  // half typed, "2,") waits until the typing pauses for 300 ms, and the last result stays meanwhile.
  const timers = new Map();
  function calculate(form, submitted, typing = false) {
    if (!engine) return;
    clearTimeout(timers.get(form));
    const built = scenarioOf(form);
    const text = built.ok ? JSON.stringify(built.scenario, null, 2) : '';
    const out = built.ok ? JSON.parse(engine.runNumbers(text, $('as-of').value)) : built;
    if (typing && !out.ok) { timers.set(form, setTimeout(() => calculate(form, false), 300)); return; }
    show(form, built.ok ? built.scenario : {}, out, submitted);
    if (out.ok) drawChartSoon(form, text);
  }

  // Live: every change recomputes at the next frame (several keystrokes in one frame, one
  // recompute); focus stays where it is.
  const pending = new Set();
  for (const form of forms) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      calculate(form, true);
    });
    const later = () => {
      showWhen(form);
      if (pending.has(form)) return;
      pending.add(form);
      requestAnimationFrame(() => { pending.delete(form); calculate(form, false, true); });
    };
    form.addEventListener('input', later);
    form.addEventListener('change', later);
    resultOf.get(form).querySelector('.result-worked').addEventListener('toggle', () => renderWorked(resultOf.get(form)));
  }
  $('as-of').addEventListener('change', () => { for (const form of forms) calculate(form, false); });

  // A link into a collapsed part opens it (the contents, "how it was checked").
  function openTarget() {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (!target) return;
    for (let d = target.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
    target.scrollIntoView();
  }
  window.addEventListener('hashchange', openTarget);
  if (location.hash) openTarget();
  // A part opened brings its regions near the screen (the watcher measures them then); a new width
  // changes which of those on the screen overflow.
  window.addEventListener('resize', () => markOverflow([...nearScreen]));
  watchRegions(document);

  Promise.race([engineStarted, wasmFailure]).then((Module) => {
    engine = new Module.Engine();
    // The embedded tables' array is parsed here (the browser's JSON.parse is several times faster than
    // the engine's); each table file goes to the engine as UTF-8 bytes (the browser's TextEncoder, one
    // copy) and is parsed by the engine on its first lookup.
    let error;
    try {
      const utf8 = new TextEncoder();
      for (const f of JSON.parse($('pricing-data').textContent)) engine.addPricingFileBytes(f.path, f.label, utf8.encode(f.text));
      error = engine.buildCatalog() || engine.setFormOptions($('form-options').textContent);
    } catch (e) {
      error = `costproof: internal error: embedded pricing data: ${e.message}`;
    }
    if (error) {
      $('engine-status').textContent = error;
      engine = null;
      return;
    }
    $('engine-status').textContent = 'Calculator ready (costproof ' + Module.version + ', WebAssembly, offline).';
    document.body.dataset.engine = 'ready';
    for (const b of document.querySelectorAll('form.calculator button')) b.disabled = false;
    // Each form's result for its starting values, so a listener sees the answer before typing: one
    // form per task, so the page stays responsive while the others are computed.
    forms.forEach((form, i) => setTimeout(() => calculate(form, false), i));
  }, (err) => {
    $('engine-status').textContent = 'The calculator could not start: ' + (typeof DecompressionStream === 'undefined'
      ? 'this browser is too old for it (it needs Chrome 103, Firefox 113, Safari 16.4 or later); the rest of the page works.'
      : err);
  });
})();
