"""Expand the hand-written codes in labels_spec.txt into labels.jsonl, and write sources.jsonl.
No label is chosen here: every label comes from a line of labels_spec.txt written by hand."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
F = os.path.dirname(HERE)
CAT = {'D': 'diagnosis', 'B': 'back_complaint', 'I': 'injury', 'G': 'gait', 'A': 'aging_attribution',
       'M': 'imaging_finding', 'S': 'service_strain', 'O': 'medical_opinion', 'X': 'alternative_cause',
       'C': 'continuity', 'L': 'secondary_link'}
POL = {'+': 'positive', '-': 'negative', '~': 'speculative'}
INS = {'+': True, '-': False, '?': None}

def parse(code):
    m = re.fullmatch(r'([DBIGAMSOXCL])([+\-~?]?)([nhx]*)', code)
    if not m:
        raise ValueError('bad code %r' % code)
    c, sign, fl = m.groups()
    lab = {'category': CAT[c], 'negated': 'n' in fl, 'hypothetical': 'h' in fl,
           'experiencer': 'other' if 'x' in fl else 'patient', 'polarity': None, 'in_service': None}
    if c == 'O':
        lab['polarity'] = POL.get(sign) if sign else None
    elif c == 'I':
        if sign not in INS:
            raise ValueError('injury needs +/-/? : %r' % code)
        lab['in_service'] = INS[sign]
    elif sign:
        raise ValueError('sign only for I/O: %r' % code)
    return lab

def main():
    spec = {}
    for ln in open(os.path.join(HERE, 'labels_spec.txt')):
        ln = ln.split('//')[0].strip()
        if not ln or ln.startswith('#'):
            continue
        key, codes = ln.split(':', 1)
        note, unit = key.strip().split('#')
        k = (note, int(unit))
        if k in spec:
            raise ValueError('duplicate %s' % key)
        spec[k] = [parse(c) for c in codes.split()]
    units = [json.loads(l) for l in open(os.path.join(F, 'units.jsonl'))]
    seen = set()
    with open(os.path.join(F, 'labels.jsonl'), 'w') as f:
        for u in units:
            k = (u['note'], u['unit'])
            seen.add(k)
            f.write(json.dumps({'note': u['note'], 'unit': u['unit'], 'labels': spec.get(k, [])}) + '\n')
    extra = set(spec) - seen
    if extra:
        raise ValueError('spec keys without unit: %s' % sorted(extra))
    topics = dict(l.split() for l in open(os.path.join(HERE, 'topics.txt')) if l.strip())
    exc = {json.loads(l)['note']: json.loads(l) for l in open(os.path.join(F, 'excerpts.jsonl'))}
    with open(os.path.join(F, 'sources.jsonl'), 'w') as f:
        for note, e in exc.items():
            us = [u for u in units if u['note'] == note]
            m = re.search(r'Decision Date: (\d\d)/(\d\d)/(\d\d)', us[0]['text'])
            yy = int(m.group(3)); yyyy = (2000 if yy < 50 else 1900) + yy
            date = '%d-%s-%s' % (yyyy, m.group(1), m.group(2))
            iss = [u['text'] for u in us if u['section'] == 'THE ISSUE']
            if not iss:
                iss = [u['text'] for u in us if u['section'] == 'ORDER' or (u['section'] == 'REMAND' and u['text'].startswith('REMANDED'))]
            iss = [re.sub(r'^(THE ISSUES?|ORDER|REMANDED) ', '', t) for t in iss]
            f.write(json.dumps({'note': note, 'url': e['url'], 'decision_date': date, 'issue': ' | '.join(iss),
                                'topic': topics[note]}, ensure_ascii=False) + '\n')

if __name__ == '__main__':
    main()
