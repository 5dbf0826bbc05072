"""Writes the "AWS files behind the tables" section of docs/pricing-tables.md from pricing-data/."""
import json, glob, os, sys, collections
root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
doc = os.path.join(root, 'docs/pricing-tables.md')
lines = ['## AWS files behind the tables', '',
         'Generated from the `sources` of each table (the same list opens every table file, in its',
         '`sources` block). Grade A rows name their rate code; B and C sources state why no AWS',
         'machine-published data backs them (`no_machine_data`).', '',
         '| table | rows | grade | source | version | published / as of |', '|---|---:|---|---|---|---|']
for f in sorted(glob.glob(os.path.join(root, 'pricing-data/aws/**/*.json'), recursive=True)):
    if f.endswith('ec2-instance-shapes.json'): continue
    d = json.load(open(f))
    c = collections.Counter(r['source'] for r in d['rows'])
    rel = os.path.relpath(f, os.path.join(root, 'pricing-data'))
    for s in d['sources']:
        if not c[s['id']]: continue
        where = s.get('url') or '%s `%s` @%s' % (s['repo'], s['path'], s['commit'][:12])
        ver = (s.get('offer_code', '') + ' ' + s.get('offer_version', '')).strip() or '-'
        pub = s.get('publication_date') or s['as_of']
        lines.append('| `%s` | %d | %s | %s (%s) | %s | %s |' % (rel, c[s['id']], s['trust'], s['title'].replace('|', '\\|'), where, ver, pub))
text = open(doc).read()
marker = '## AWS files behind the tables'
if marker in text:
    text = text[:text.index(marker)].rstrip() + '\n\n'
else:
    text = text.rstrip() + '\n\n'
open(doc, 'w').write(text + '\n'.join(lines) + '\n')
