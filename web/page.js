// The companion page's "plug in your numbers" forms. This script only turns
// form fields into a costproof scenario (the JSON a listener could write by
// hand, docs/scenarios.md) and shows what the engine returns: every figure is
// computed by the calc library compiled to WebAssembly (web/engine.cpp), the
// same code as the costproof program. There is no arithmetic here.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const options = JSON.parse($('form-options').textContent);
  let engine = null;

  // Today's date (local), the default date price age is judged against.
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  $('as-of').value = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

  // Fill selects and datalists from the embedded price tables' keys.
  for (const select of document.querySelectorAll('select[data-options]')) {
    for (const item of options[select.dataset.options] || []) {
      const o = document.createElement('option');
      o.value = item.value;
      o.textContent = item.label;
      select.appendChild(o);
    }
  }
  function fillDatalist(id, values) {
    const list = $(id);
    list.replaceChildren(...values.map((v) => Object.assign(document.createElement('option'), { value: v })));
  }
  function regionChanged(form) {
    const region = form.elements.region.value;
    if (form.id === 'form-compute') fillDatalist('ec2-types', options['ec2-types'][region] || []);
    if (form.id === 'form-database') fillDatalist('db-types', options['db-types'][region] || []);
  }
  // Start from the episode's own example values.
  for (const [formId, values] of Object.entries(options.defaults)) {
    const form = $(formId);
    for (const [name, value] of Object.entries(values)) if (form.elements[name]) form.elements[name].value = value;
    form.elements.region.addEventListener('change', () => regionChanged(form));
    regionChanged(form);
  }

  const text = (v) => String(v).trim();
  const header = (kind, title) => ({
    schema_version: 1, kind, id: 'your-numbers', title, episode: options.episode,
    audience: 'you', description: 'Entered in the companion page of episode ' + options.episode + '.',
  });

  // Form fields -> scenario. Numbers stay strings ("12.5"), as the CLI wants them exact.
  const builders = {
    'form-compute'(f) {
      const row = { name: 'your fleet', instance_type: text(f.instance_type.value), count: wholeOrText(f.count.value) };
      row.target = f.target.value === 'type' ? { instance_type: text(f.target_type.value) } : { equivalent: 'graviton' };
      const s = Object.assign(header('compute-migration', 'Your fleet'), {
        region: f.region.value, hours_per_month: 730, fleet: [row],
      });
      if (f.performance.value) s.performance = options['performance-objects'][f.performance.value];
      return s;
    },
    'form-database'(f) {
      const type = f.type.value;
      const line = { name: 'your database', type };
      if (type === 'aurora-serverless-v2') {
        line.configuration = 'standard';
        line.acu_hours_per_hour = text(f.acu.value);
      } else {
        line.instance_type = text(f.db_instance_type.value);
        line.engine = f.engine.value;
        if (type === 'rds-instance') line.deployment = f.deployment.value;
        line.count = wholeOrText(f.db_count.value);
      }
      const profiles = {
        'business-hours': { shape: 'business-hours', start_hour: 9, end_hour: 18, days: 'weekdays', off_hours_percent: 0 },
        'nightly-scale-down': { shape: 'nightly-scale-down', start_hour: 22, end_hour: 6, night_percent: 25 },
      };
      if (profiles[f.shape.value]) line.profile = profiles[f.shape.value];
      const usage = [line];
      if (text(f.storage.value) !== '')
        usage.push({ name: 'your storage', type: 'aurora-storage', configuration: 'standard', gib_months_per_month: text(f.storage.value) });
      return Object.assign(header('database-savings-plan', 'Your database'), { region: f.region.value, usage });
    },
    'form-nat'(f) {
      const azs = wholeOrText(f.azs.value);
      const natCount = f.nat_gateways.value === 'per-az' ? azs : 1;
      const vpc = {
        name: 'your VPC', availability_zones: azs, nat_gateways: f.nat_gateways.value,
        monthly_gb_processed: text(f.gb.value), ipv6_reachable_percent: text(f.ipv6_percent.value),
        public_ipv4_addresses: {
          nat_elastic_ips: natCount, load_balancer_ips: wholeOrText(f.lb_ips.value || '0'),
          instance_ips: wholeOrText(f.instance_ips.value || '0'), removable_ips: 0,
        },
        monthly_gb_data_transfer_out: text(f.dto.value || '0'),
      };
      return Object.assign(header('ipv6-egress', 'Your VPC'), {
        region: f.region.value, hours_per_month: 730, vpcs: [vpc], claim: options['nat-claim'],
      });
    },
  };
  // A whole number as a JSON integer (the scenario format wants counts as integers);
  // anything else as typed, so the engine reports it with the CLI's message.
  function wholeOrText(v) {
    const t = text(v);
    return /^[0-9]{1,15}$/.test(t) ? Number(t) : t;
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

  for (const form of document.querySelectorAll('form.calculator')) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!engine) return;
      const scenario = builders[form.id](form.elements);
      const out = JSON.parse(engine.run(JSON.stringify(scenario, null, 2), $('as-of').value));
      show(form, scenario, out);
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
