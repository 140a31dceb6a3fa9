"""Cut set-F excerpts into units (sentences; a heading merged with its first sentence).
A program only cuts; it assigns no labels. Writes ../excerpts.jsonl and ../units.jsonl."""
import json, re, glob, os
HERE = os.path.dirname(os.path.abspath(__file__))
F = os.path.dirname(HERE)

def norm(s):
    s = re.sub(r'-[ \t]*\n\s*', '-', s)          # line-wrap hyphen: keep hyphen, join
    return re.sub(r'\s+', ' ', s).strip()

HEADS = [
    ('header', r'Citation Nr:'),
    ('header', r'DOCKET NO\.'),
    ('header', r'DATE: [A-Z][a-z]+ \d+, \d{4}'),
    ('header', r'On appeal from'),
    ('THE ISSUE', r'THE ISSUES?(?= )'),
    ('header', r'REPRESENTATION(?= )'),
    ('header', r'WITNESS(?:ES)? AT HEARINGS? ON APPEAL'),
    ('header', r'ATTORNEY FOR THE BOARD'),
    ('INTRODUCTION', r'INTRODUCTION(?= )'),
    ('REMAND', r'REASONS FOR REMAND'),
    ('REMAND', r'REMAND(?:ED)?(?= [A-Z])'),
    ('FINDINGS OF FACT', r'FINDINGS? OF FACT'),
    ('CONCLUSION OF LAW', r'CONCLUSIONS? OF LAW'),
    ('REASONS AND BASES', r'REASONS AND BASES FOR FINDINGS? AND CONCLUSIONS?'),
    ('ORDER', r'ORDER(?= [A-Z0-9])'),
]
HRE = re.compile('|'.join('(%s)' % p for _, p in HEADS))

ABBR = {'v.', 'Vet.', 'App.', 'U.S.C.A.', 'U.S.C.', 'C.F.R.', 'Dr.', 'No.', 'St.', 'Fed.', 'Cir.', 'Reg.',
        'Supp.', 'Mr.', 'Ms.', 'Mrs.', 'e.g.', 'i.e.', 'U.S.', 'et.', 'seq.', 'Jr.'}

def sentences(text):
    parts = re.split(r'(?<=[.!?])(["\')\]]?)\s+(?=["(\[]?[A-Z0-9])', text)
    # re.split with a group returns separators; re-attach them
    out, i = [], 0
    while i < len(parts):
        seg = parts[i]
        if i + 1 < len(parts):
            seg += parts[i + 1]
        out.append(seg)
        i += 2
    merged = []
    for seg in out:
        if merged:
            prev = merged[-1]
            last = prev.split(' ')[-1]
            toks = prev.split(' ')
            numbered = re.fullmatch(r'(\d{1,2}|[IVX]+)\.', last) and (len(toks) < 2 or toks[-2] != 'Form')
            if last in ABBR or re.fullmatch(r'[A-Z]\.', last) or numbered:
                merged[-1] = prev + ' ' + seg
                continue
        merged.append(seg)
    return merged

def cut(note, exc):
    t = norm(exc)
    # the trailing cut-off fragment is dropped
    ms = list(HRE.finditer(t))
    units = []
    for k, m in enumerate(ms):
        sec = next(HEADS[j][0] for j in range(len(HEADS)) if m.group(j + 1) is not None)
        end = ms[k + 1].start() if k + 1 < len(ms) else len(t)
        seg = t[m.start():end].strip()
        if sec == 'header':
            units.append((sec, seg))
        else:
            for s in sentences(seg):
                units.append((sec, s.strip()))
    # drop trailing fragment (no final punctuation)
    while units and not re.search(r'[.!?]["\')\]]?$', units[-1][1]):
        units.pop()
    return units

def main():
    rows = []
    for p in sorted(glob.glob(os.path.join(F, 'raw', 'b*.jsonl'))):
        for l in open(p):
            if l.strip():
                rows.append(json.loads(l))
    done = os.path.join(HERE, 'done.txt')   # decisions already labelled by hand (committed in steps)
    if os.path.exists(done):
        keep = open(done).read().split()
        rows = [r for r in rows if r['note'] in keep]
    with open(os.path.join(F, 'excerpts.jsonl'), 'w') as fe:
        for r in rows:
            fe.write(json.dumps({'note': r['note'], 'url': r['url'], 'excerpt': r['excerpt']}, ensure_ascii=False) + '\n')
    over = json.load(open(os.path.join(HERE, 'cut_overrides.json'))) if os.path.exists(os.path.join(HERE, 'cut_overrides.json')) else {}
    with open(os.path.join(F, 'units.jsonl'), 'w') as fu:
        for r in rows:
            us = cut(r['note'], r['excerpt'])
            # manual split overrides: {"note": [[unit_text_prefix, split_after_substring], ...]}
            for pref, after in over.get(r['note'], []):
                for i, (sec, s) in enumerate(us):
                    if s.startswith(pref) and after in s:
                        a, b = s.split(after, 1)
                        us[i:i + 1] = [(sec, (a + after).strip()), (sec, b.strip())]
                        break
            for i, (sec, s) in enumerate(us):
                fu.write(json.dumps({'note': r['note'], 'section': sec, 'unit': i, 'text': s}, ensure_ascii=False) + '\n')

if __name__ == '__main__':
    main()
