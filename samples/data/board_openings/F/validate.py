"""Validate set F. Run: python validate.py (exit 1 on any problem)."""
import json, os, re, sys
F = os.path.dirname(os.path.abspath(__file__))
CATS = {'back_complaint', 'injury', 'gait', 'aging_attribution', 'diagnosis', 'imaging_finding', 'service_strain',
        'medical_opinion', 'alternative_cause', 'continuity', 'secondary_link'}
SECTIONS = {'header', 'THE ISSUE', 'INTRODUCTION', 'FINDINGS OF FACT', 'CONCLUSION OF LAW', 'REASONS AND BASES',
            'REMAND', 'ORDER'}
errs = []
def err(m): errs.append(m)

def norm(s):
    s = re.sub(r'-[ \t]*\n\s*', '-', s)
    return re.sub(r'\s+', ' ', s).strip()

def rows(name): return [json.loads(l) for l in open(os.path.join(F, name)) if l.strip()]
exc, units, labels, sources = rows('excerpts.jsonl'), rows('units.jsonl'), rows('labels.jsonl'), rows('sources.jsonl')

# held-out (clinical-notes README) and sets A/B/C
held = set(open(os.path.join(F, 'heldout.txt')).read().split())
used = set(open(os.path.join(F, 'used_ABC.txt')).read().split())
for s in 'ABC':
    p = os.path.join(F, '..', s, 'sources.jsonl')
    if os.path.exists(p):
        used |= {json.loads(l)['note'] for l in open(p) if l.strip()}
notes = [e['note'] for e in exc]
if len(set(notes)) != len(notes): err('duplicate note in excerpts')
for n in notes:
    if n in held: err('%s is held out' % n)
    if n in used: err('%s already in set A/B/C' % n)
E = {e['note']: e for e in exc}
for e in exc:
    m = re.match(r'\s*(?:\S+\s+\S+\s+)?Citation Nr:\s*(\d+)', e['excerpt'])
    if not m or m.group(1) != e['note']: err('%s: note != Citation Nr' % e['note'])
# (a) units are substrings of the normalised excerpt; numbering; sections
last = {}
for u in units:
    if set(u) != {'note', 'section', 'unit', 'text'}: err('unit keys %r' % u)
    if u['note'] not in E: err('unit of unknown note %s' % u['note']); continue
    exp = last.get(u['note'], -1) + 1
    if u['unit'] != exp: err('%s#%s: expected unit %d' % (u['note'], u['unit'], exp))
    last[u['note']] = u['unit']
    if u['section'] not in SECTIONS: err('%s#%s: section %s' % (u['note'], u['unit'], u['section']))
    if not u['text'] or u['text'] not in norm(E[u['note']]['excerpt']):
        err('%s#%s: text not in excerpt' % (u['note'], u['unit']))
if set(last) != set(E): err('notes without units: %s' % (set(E) - set(last)))
# (b) one label row per unit, same order
if len(labels) != len(units): err('labels %d != units %d' % (len(labels), len(units)))
for u, l in zip(units, labels):
    if (u['note'], u['unit']) != (l['note'], l['unit']): err('label row order at %s#%s' % (u['note'], u['unit'])); break
# (c) categories and context values
for l in labels:
    cats = [x['category'] for x in l['labels']]
    if len(cats) != len(set(cats)): err('%s#%s: category twice' % (l['note'], l['unit']))
    for x in l['labels']:
        k = '%s#%s' % (l['note'], l['unit'])
        if set(x) != {'category', 'negated', 'hypothetical', 'experiencer', 'polarity', 'in_service'}: err(k + ' keys')
        if x['category'] not in CATS: err(k + ' category ' + str(x['category']))
        if not isinstance(x['negated'], bool) or not isinstance(x['hypothetical'], bool): err(k + ' flags')
        if x['experiencer'] not in ('patient', 'other'): err(k + ' experiencer')
        if x['category'] == 'medical_opinion':
            if x['polarity'] not in ('positive', 'negative', 'speculative', None): err(k + ' polarity')
            if x['polarity'] is None and not x['hypothetical']: err(k + ' null polarity on a non-hypothetical opinion')
        elif x['polarity'] is not None: err(k + ' polarity outside medical_opinion')
        if x['category'] == 'injury':
            if x['in_service'] not in (True, False, None): err(k + ' in_service')
        elif x['in_service'] is not None: err(k + ' in_service outside injury')
# sources
if [s['note'] for s in sources] != notes: err('sources notes/order differ from excerpts')
for s in sources:
    if set(s) != {'note', 'url', 'decision_date', 'issue', 'topic'}: err('source keys %s' % s['note'])
    if s['url'] != E.get(s['note'], {}).get('url'): err('source url %s' % s['note'])
if errs:
    print('\n'.join(errs[:50])); print('FAILED: %d problems' % len(errs)); sys.exit(1)
n = sum(len(l['labels']) for l in labels)
print('OK: %d decisions, %d units, %d labelled units, %d labels' % (len(exc), len(units), sum(1 for l in labels if l['labels']), n))
