"""Validate set B: every line parses, units and labels align, categories are exactly LABELS.md's eleven."""
import json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
CATS = {"back_complaint","injury","gait","aging_attribution","diagnosis","imaging_finding",
        "service_strain","medical_opinion","alternative_cause","continuity","secondary_link"}
SECTIONS = {"header","THE ISSUE","INTRODUCTION","FINDINGS OF FACT","CONCLUSION OF LAW","REASONS AND BASES","REMAND","ORDER"}
HELD_OUT = set("""0308926 0406376 0424994 0601024 0702527 0726302 0803249 0829628 0929732 1000588 1019087
1030349 1034431 1040135 1041040 1101137 1102619 1108967 1118096 1123528 1129322 1145128 1234005 1300386
1312218 1317639 1334312 1335927 1413417 1441976 1443809 1507207 1512273 1514783 1523098 1525375 1549197
1550146 1601726 1603244 1608145 1612620 1701504 1702402 1713743 1718378 1725173 1731928 1740590 1740880
1742187 1742201 1801393 1803360 1803898 1804032 1804880 18100066 18139848 18142477 18144851 18145052
18145305 18145636 18147375 18147622 18148888 1814997 18150050 18152856 1815356 18153790 18156082
18159996 18161177 1816720 1823303""".split())
def load(name):
    out = []
    for i, line in enumerate(open(os.path.join(HERE, name), encoding="utf-8"), 1):
        try: out.append(json.loads(line))
        except Exception as e: sys.exit(f"{name}:{i}: bad JSON: {e}")
    return out
U, L, S = load("units.jsonl"), load("labels.jsonl"), load("sources.jsonl")
assert len(U) == len(L), (len(U), len(L))
notes = [s["note"] for s in S]
assert len(notes) == len(set(notes))
for n in notes:
    assert n not in HELD_OUT, f"held-out decision used: {n}"
    assert int(n[-1]) % 2 == 0, f"odd citation in set B: {n}"
for s in S:
    assert set(s) == {"note","url","decision_date","issue","topic"}, s
    assert s["topic"] in {"back","knee","joint","unrelated"}
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", s["decision_date"])
prev = None
for u, l in zip(U, L):
    assert set(u) == {"note","section","unit","text"} and set(l) == {"note","unit","labels"}
    assert (u["note"], u["unit"]) == (l["note"], l["unit"]), (u, l)
    assert u["note"] in notes and u["section"] in SECTIONS and u["text"].strip()
    exp = 0 if prev is None or prev != u["note"] else exp + 1
    assert u["unit"] == exp, f"unit numbering broken at {u['note']} {u['unit']}"
    prev = u["note"]
    seen = set()
    for x in l["labels"]:
        assert set(x) == {"category","negated","hypothetical","experiencer","polarity","in_service"}, x
        assert x["category"] in CATS, x
        assert x["category"] not in seen, f"two labels of one category: {l}"; seen.add(x["category"])
        assert isinstance(x["negated"], bool) and isinstance(x["hypothetical"], bool)
        assert x["experiencer"] in {"patient","other"}
        if x["category"] == "medical_opinion": assert x["polarity"] in {"positive","negative","speculative"}, x
        else: assert x["polarity"] is None, x
        if x["category"] != "injury": assert x["in_service"] is None, x
        else: assert x["in_service"] in {True, False, None}
assert {u["note"] for u in U} == set(notes)
from collections import Counter
c = Counter(x["category"] for l in L for x in l["labels"])
print(f"OK: {len(S)} decisions, {len(U)} units, {sum(c.values())} labels on {sum(1 for l in L if l['labels'])} units")
for k in sorted(CATS): print(f"  {k:18s} {c.get(k,0)}")
