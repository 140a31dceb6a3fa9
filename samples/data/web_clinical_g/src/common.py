"""Expand hand-written shorthand into the JSON schema. No rule or model assigns labels here.

Each document: (note, url, title, body). body: one line per unit, "LABELS | unit text";
LABELS is "." (none) or space-separated tokens CAT[:flags]. Lines starting with "~ " are page text
kept in docs.jsonl but not unitised. Categories: back=back_complaint inj=injury gait age=aging_attribution
dx=diagnosis img=imaging_finding svc=service_strain op=medical_opinion alt=alternative_cause
cont=continuity sec=secondary_link. Flags: n=negated h=hypothetical o=experiencer other
s=in_service true c=in_service false; op polarity + - ? (speculative).
"""
import json

CAT = {"back": "back_complaint", "inj": "injury", "gait": "gait", "age": "aging_attribution",
       "dx": "diagnosis", "img": "imaging_finding", "svc": "service_strain", "op": "medical_opinion",
       "alt": "alternative_cause", "cont": "continuity", "sec": "secondary_link"}


def parse_label(tok):
    cat, _, fl = tok.partition(":")
    pol = None
    if cat == "op":
        pol = {"+": "positive", "-": "negative", "?": "speculative"}.get(fl[:1]) if fl else None
    return {"category": CAT[cat], "negated": "n" in fl, "hypothetical": "h" in fl,
            "experiencer": "other" if "o" in fl else "patient", "polarity": pol,
            "in_service": True if "s" in fl else (False if "c" in fl else None)}


def expand(docs):
    D, U, L = [], [], []
    for note, url, title, body in docs:
        lines, k = [], 0
        for raw in body.strip("\n").split("\n"):
            raw = raw.strip()
            if not raw:
                continue
            if raw.startswith("~ "):
                lines.append(raw[2:])
                continue
            lab, sep, text = raw.partition(" | ")
            assert sep, (note, raw)
            text = text.strip()
            lines.append(text)
            toks = [] if lab.strip() == "." else lab.split()
            U.append({"note": note, "unit": k, "text": text})
            L.append({"note": note, "unit": k, "labels": [parse_label(t) for t in toks]})
            k += 1
        D.append({"note": note, "url": url, "title": title, "text": "\n".join(lines)})
    return D, U, L
