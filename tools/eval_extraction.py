#!/usr/bin/env python3
"""Article-body extraction accuracy of `casus extract`, beside other extractors.

Scores our extraction of ../shared/data/corpora/article_extraction_benchmark/html
against its ground-truth.json with that benchmark's metric: texts are split
into word tokens (\\w+), compared as multisets of 4-token shingles; per page
tp/fp/fn are normalised to sum to 1; precision and recall are averaged over
pages (pages where they are undefined are left out) and F1 is taken of the
averages. The other extractors' predictions in output/*.json get the same
treatment, so the rows are comparable.

    tools/eval_extraction.py [--casus build/casus] [--bench DIR] [--json]
"""
import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text, n=4):
    words = WORD.findall(text or "")
    grams = [tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1))]
    return Counter(g for g in grams if g)


def page_counts(gold, pred):
    g, p = shingles(gold), shingles(pred)
    tp = sum(min(c, p[k]) for k, c in g.items())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def recall(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def score(gold, predictions):
    counts = [page_counts(gold[k].get("articleBody", ""), predictions.get(k, {}).get("articleBody", ""))
              for k in gold]
    ps = [precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [recall(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "pages": len(counts)}


def main():
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--casus", default=str(here / "build" / "casus"))
    ap.add_argument("--bench", default=str(here.parent / "shared/data/corpora/article_extraction_benchmark"))
    ap.add_argument("--json", action="store_true", help="print the table as JSON")
    args = ap.parse_args()
    bench = Path(args.bench)
    if not bench.exists():
        print(f"{bench} is absent; nothing to evaluate", file=sys.stderr)
        return 0
    gold = json.loads((bench / "ground-truth.json").read_text(encoding="utf8"))
    pages = sorted(str(p) for p in (bench / "html").glob("*.html.gz"))
    run = subprocess.run([args.casus, "extract", "-q", *pages], capture_output=True, text=True)
    ours = {}
    for line in run.stdout.splitlines():
        d = json.loads(line)
        ours[d["id"]] = {"articleBody": d["text"]}
    rows = {"casus": score(gold, ours)}
    for path in sorted((bench / "output").glob("*.json")):
        pred = json.loads(path.read_text(encoding="utf8"))
        if isinstance(pred.get("output"), dict):  # {"output": {...}, "version": ...}
            pred = pred["output"]
        rows[path.stem] = score(gold, pred)
    if args.json:
        print(json.dumps(rows, indent=2, sort_keys=True))
        return 0
    print(f"{'extractor':<18} {'precision':>9} {'recall':>7} {'F1':>6}")
    for name, m in sorted(rows.items(), key=lambda kv: -kv[1]["f1"]):
        print(f"{name:<18} {m['precision']:9.3f} {m['recall']:7.3f} {m['f1']:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
