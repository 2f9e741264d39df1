"""Precision and recall of the extraction, on sets scored apart by how honest they are.

Runs the extraction over each set and scores it with the dev set's scorer:

- the dev set (``../shared/devset``, when present): rules were measured on it for months, so it
  is a **tuning** set, whatever its README asks;
- ``tests/genre`` 01-22: **tuning** (01-10 were written to test rules; 11-14, 15-18 and 19-22
  were held out when written, then tuned on in the commits that added them);
- ``tests/genre`` 23-26: **unseen** (written after the last revision of the cues, never tuned on);
- ``tests/unseen``: **unseen** (22 real documents, gold written by annotators who never saw the
  extraction; first score committed before any rule changed: ``tests/unseen/first-score.txt``).
- ``tests/constructions``: ten short documents telling events in the constructions issue 17
  names, written by an annotator who never saw the rules; their first score is committed
  (``first-score.txt``) and they are then **tuned on**, so never the target.

Only the unseen numbers say how the extraction does on documents nobody has looked at.

    python benchmarks/score_extraction.py [--per-doc]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset"
GENRE = ROOT / "tests" / "genre"
UNSEEN = ROOT / "tests" / "unseen"
CONSTRUCTIONS = ROOT / "tests" / "constructions"
# name: (folder of documents, gold file, first two characters of the files kept, or None: all)
SETS: dict[str, tuple[Path, Path, set[str] | None]] = {
    "dev set (../shared/devset), tuning": (DEVSET / "docs", DEVSET / "gold.json", None),
    "tests/genre 01-22, tuning": (
        GENRE / "docs",
        GENRE / "gold.json",
        {f"{n:02}" for n in range(1, 23)},
    ),
    "tests/genre 23-26, unseen": (GENRE / "docs", GENRE / "gold.json", {"23", "24", "25", "26"}),
    "tests/unseen (22 real documents), unseen": (UNSEEN / "docs", UNSEEN / "gold.json", None),
    "tests/constructions (issue 17's constructions), for tuning after its first score": (
        CONSTRUCTIONS / "docs",
        CONSTRUCTIONS / "gold.json",
        None,
    ),
}


def predictions(files: list[Path]) -> dict[str, object]:
    from dakg.loaders.document import load_document
    from dakg.loaders.extract import extract, to_json

    return {"documents": {path.name: to_json(extract(load_document(path))) for path in files}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-doc", action="store_true", help="list the errors per document")
    args = parser.parse_args()
    scorer = DEVSET / "score.py"
    if not scorer.exists():
        sys.exit(f"no scorer at {scorer}: the dev set is not beside this checkout")
    for name, (docs, gold_path, kept) in SETS.items():
        if not docs.is_dir():
            print(f"{name}: not present, skipped")
            continue
        files = [p for p in sorted(docs.glob("*.txt")) if kept is None or p.name[:2] in kept]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        gold["documents"] = {
            k: v for k, v in gold["documents"].items() if k in {p.name for p in files}
        }
        with tempfile.TemporaryDirectory() as tmp:
            preds, subset = Path(tmp) / "preds.json", Path(tmp) / "gold.json"
            preds.write_text(json.dumps(predictions(files)), encoding="utf-8")
            subset.write_text(json.dumps(gold), encoding="utf-8")
            command = [sys.executable, str(scorer), str(preds), "--gold", str(subset)]
            print(f"== {name}: {len(files)} documents", flush=True)
            subprocess.run(command + (["--per-doc"] if args.per_doc else []), check=True)


if __name__ == "__main__":
    main()
