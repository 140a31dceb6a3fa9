"""Validate set G: units are whitespace-normalised substrings of their doc; one label row per unit in order;
categories/context values are LABELS.md's; no url of sets D or E (list embedded below)."""
import json, os, re, sys
H = os.path.dirname(os.path.abspath(__file__))
CATS = {"back_complaint", "injury", "gait", "aging_attribution", "diagnosis", "imaging_finding", "service_strain",
        "medical_opinion", "alternative_cause", "continuity", "secondary_link"}
ws = lambda s: re.sub(r"\s+", " ", s).strip()
load = lambda n: [json.loads(l) for l in open(os.path.join(H, n + ".jsonl"))]
docs, units, labels = load("docs"), load("units"), load("labels")
used = set(l.strip().rstrip("/").lower() for l in open(os.path.join(H, "used_urls_DE.txt")) if l.strip())
norm = lambda u: re.sub(r"^https?://(www\.)?", "", u.strip().rstrip("/").lower())
usedn = {norm(u) for u in used}
err = []
ids = [d["note"] for d in docs]
if len(set(ids)) != len(ids): err.append("duplicate note ids")
text = {}
for d in docs:
    assert set(d) == {"note", "url", "title", "text"}, d["note"]
    if norm(d["url"]) in usedn: err.append(f"{d['note']}: url used in D/E")
    if "mtsamples" in d["url"].lower(): err.append(f"{d['note']}: mtsamples")
    text[d["note"]] = ws(d["text"])
if len(units) != len(labels): err.append("units/labels length differ")
prev = None
for u, l in zip(units, labels):
    if (u["note"], u["unit"]) != (l["note"], l["unit"]): err.append(f"order mismatch {u['note']} {u['unit']}")
    if u["note"] not in text: err.append(f"unknown note {u['note']}")
    elif ws(u["text"]) not in text[u["note"]]: err.append(f"not a substring: {u['note']} {u['unit']}")
    exp = 0 if prev is None or prev[0] != u["note"] else prev[1] + 1
    if u["unit"] != exp: err.append(f"unit numbering {u['note']} {u['unit']}")
    prev = (u["note"], u["unit"])
    seen = set()
    for x in l["labels"]:
        if set(x) != {"category", "negated", "hypothetical", "experiencer", "polarity", "in_service"}: err.append(f"keys {u['note']} {u['unit']}")
        if x["category"] not in CATS: err.append(f"category {x['category']}")
        if x["category"] in seen: err.append(f"duplicate category {u['note']} {u['unit']}")
        seen.add(x["category"])
        if not isinstance(x["negated"], bool) or not isinstance(x["hypothetical"], bool): err.append("bool")
        if x["experiencer"] not in ("patient", "other"): err.append("experiencer")
        if x["polarity"] not in (None, "positive", "negative", "speculative"): err.append("polarity")
        if x["polarity"] is not None and x["category"] != "medical_opinion": err.append("polarity on non-opinion")
        if x["in_service"] not in (None, True, False): err.append("in_service")
print(f"{len(docs)} docs, {len(units)} units, {sum(len(l['labels']) for l in labels)} labels")
if err:
    print("\n".join(err[:50])); sys.exit(1)
print("OK")
