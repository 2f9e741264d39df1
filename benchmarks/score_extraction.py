"""Precision and recall of the extraction on documents it was not written for.

Runs ``dakg extract --json`` over the dev set (``../shared/devset``, when present) and over
the team's own test documents (``tests/genre``), and scores both with the dev set's scorer.

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
SETS = {
    "dev set (../shared/devset)": (DEVSET / "docs", DEVSET / "gold.json"),
    "own genre documents (tests/genre)": (
        ROOT / "tests/genre/docs",
        ROOT / "tests/genre/gold.json",
    ),
}


def predictions(docs: Path) -> dict[str, object]:
    from dakg.loaders.document import load_document
    from dakg.loaders.extract import extract, to_json

    return {
        "documents": {
            path.name: to_json(extract(load_document(path))) for path in sorted(docs.glob("*.txt"))
        }
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-doc", action="store_true", help="list the errors per document")
    args = parser.parse_args()
    scorer = DEVSET / "score.py"
    if not scorer.exists():
        sys.exit(f"no scorer at {scorer}: the dev set is not beside this checkout")
    for name, (docs, gold) in SETS.items():
        if not docs.is_dir():
            print(f"{name}: not present, skipped")
            continue
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
            json.dump(predictions(docs), handle)
        command = [sys.executable, str(scorer), handle.name, "--gold", str(gold)]
        print(f"== {name}")
        subprocess.run(command + (["--per-doc"] if args.per_doc else []), check=True)
        Path(handle.name).unlink()


if __name__ == "__main__":
    main()
