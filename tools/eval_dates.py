#!/usr/bin/env python3
"""Publication dates from `casus extract` against readability's test pages.

For each ../shared/data/corpora/readability_testpages/<name>/ it extracts
source.html and compares the date with expected-metadata.json's publishedTime
(its first ten characters) where that file gives one.

    tools/eval_dates.py [--casus build/casus] [--pages DIR]
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path


def main():
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--casus", default=str(here / "build" / "casus"))
    ap.add_argument("--pages", default=str(here.parent / "shared/data/corpora/readability_testpages"))
    args = ap.parse_args()
    pages = Path(args.pages)
    if not pages.exists():
        print(f"{pages} is absent; nothing to evaluate", file=sys.stderr)
        return 0
    with_date = right = found = 0
    for d in sorted(p for p in pages.iterdir() if (p / "source.html").exists()):
        meta = json.loads((d / "expected-metadata.json").read_text(encoding="utf8"))
        want = (meta.get("publishedTime") or "")[:10]
        out = subprocess.run([args.casus, "extract", "-q", str(d / "source.html")], capture_output=True, text=True)
        got = None
        for line in out.stdout.splitlines():
            got = json.loads(line).get("date")
        if got:
            found += 1
        if not want:
            continue
        with_date += 1
        ok = got == want
        right += ok
        print(f"{'ok ' if ok else 'BAD'} {d.name:<28} expected {want} got {got}")
    total = sum(1 for p in pages.iterdir() if (p / "source.html").exists())
    print(f"{right}/{with_date} pages with an expected date match; dates found on {found}/{total} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
