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

  // Today's date (local), the default date price age is judged against.
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  $('as-of').value = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

  // Each form is a scenario kind's (its data-kind); its options, defaults included, are that kind's.
  const forms = [...document.querySelectorAll('form.calculator')];
  const formOptions = (form) => options.forms[form.dataset.kind] || {};

  // Fill selects and datalists from the embedded price tables' keys.
  for (const form of forms) {
    for (const select of form.querySelectorAll('select[data-options]')) {
      for (const item of formOptions(form)[select.dataset.options] || []) {
        const o = document.createElement('option');
        o.value = item.value;
        o.textContent = item.label;
        select.appendChild(o);
      }
    }
  }
  function regionChanged(form) {
    const region = form.elements.region.value;
    for (const list of form.querySelectorAll('datalist[data-options-by-region]')) {
      const values = (formOptions(form)[list.dataset.optionsByRegion] || {})[region] || [];
      list.replaceChildren(...values.map((v) => Object.assign(document.createElement('option'), { value: v })));
    }
  }
  // Start from the episode's own example values.
  for (const form of forms) {
    for (const [name, value] of Object.entries(formOptions(form).defaults || {}))
      if (form.elements[name]) form.elements[name].value = value;
    form.elements.region.addEventListener('change', () => regionChanged(form));
    regionChanged(form);
  }

  // Form fields -> scenario, by the form's kind in the engine (calc/scenarios/<kind>/*_form.cpp).
  // Every field goes as typed; numbers stay strings ("12.5"), as the CLI wants them exact.
  function scenarioOf(form) {
    const fields = {};
    for (const el of form.elements) if (el.name) fields[el.name] = el.value;
    return JSON.parse(engine.formScenario(form.dataset.kind, JSON.stringify(fields), $('form-options').textContent));
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
        let html = '<table><thead><tr>' + cells(line).map((c) => `<th>${inline(c)}</th>`).join('') + '</tr></thead><tbody>';
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

  function show(form, scenario, out) {
    const result = $('result');
    result.hidden = false;
    result.dataset.form = form.id;
    for (const el of document.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    const scenarioText = JSON.stringify(scenario, null, 2) + '\n';
    $('result-scenario').textContent = scenarioText;
    $('result-download').href = 'data:application/json;charset=utf-8,' + encodeURIComponent(scenarioText);
    const warnings = out.warnings || [];
    $('result-warnings').replaceChildren(...warnings.map((w) =>
      Object.assign(document.createElement('li'), { textContent: 'costproof: warning: ' + w })));
    $('result-warnings-box').hidden = warnings.length === 0;
    $('result-warnings-summary').textContent = warnings.length + ' warning(s) about the age of the prices used';
    if (out.ok) {
      $('result-error').hidden = true;
      $('result-markdown').textContent = out.markdown;
      $('result-rendered').innerHTML = markdownToHtml(out.markdown);
      $('result-json').textContent = out.json;
    } else {
      $('result-error').hidden = false;
      $('result-error').textContent = out.message;
      $('result-markdown').textContent = '';
      $('result-rendered').replaceChildren();
      $('result-json').textContent = '';
      // Point at the field the message names (the longest matching JSON pointer).
      let best = null;
      for (const el of form.querySelectorAll('[data-pointer]'))
        if (out.pointer && out.pointer.startsWith(el.dataset.pointer) &&
            (!best || el.dataset.pointer.length > best.dataset.pointer.length)) best = el;
      if (best) { best.setAttribute('aria-invalid', 'true'); best.focus(); }
    }
    result.scrollIntoView();
  }

  for (const form of forms) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!engine) return;
      const built = scenarioOf(form);
      if (!built.ok) { show(form, {}, built); return; }
      const out = JSON.parse(engine.run(JSON.stringify(built.scenario, null, 2), $('as-of').value));
      show(form, built.scenario, out);
    });
  }

  createCostproofEngine().then((Module) => {
    engine = new Module.Engine();
    const error = engine.loadPricing($('pricing-data').textContent);
    if (error) {
      $('engine-status').textContent = error;
      engine = null;
      return;
    }
    $('engine-status').textContent = 'Calculator ready (costproof ' + Module.version + ', WebAssembly, offline).';
    document.body.dataset.engine = 'ready';
    for (const b of document.querySelectorAll('form.calculator button')) b.disabled = false;
  }, (err) => {
    $('engine-status').textContent = 'The calculator could not start: ' + err;
  });
})();
