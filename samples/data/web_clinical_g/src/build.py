import json, sys, os, importlib
sys.path.insert(0, os.path.dirname(__file__))
from common import expand
docs = []
for m in sorted(f[:-3] for f in os.listdir(os.path.dirname(__file__)) if f.startswith("d") and f.endswith(".py")):
    docs += importlib.import_module(m).DOCS
D, U, L = expand(docs)
out = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
for name, rows in (("docs", D), ("units", U), ("labels", L)):
    with open(os.path.join(out, name + ".jsonl"), "w") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(D), "docs", len(U), "units", sum(len(r["labels"]) for r in L), "labels")
