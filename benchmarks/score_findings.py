"""Precision and recall of the red-flag findings against assurances, on our own documents.

Gold (``tests/genre/findings_gold.json``) was written by hand, by someone who had not seen
the rules: per document, the findings the text states against each state's assurances, by
factor, each with a short verbatim substring of the sentence that shows it; ``optional``
findings count neither way. A predicted finding is right when its giving state and factor
match a gold finding and its sentence contains the gold substring. Documents marked
``held_out`` were written (by someone who had not seen the rules) after the cues were set, and
are scored apart by what became of them: 11-22 were tuned on after (their label says
"tuning"), so only 23-26 ("unseen") still measure the findings on texts nobody tuned to.

    python benchmarks/score_findings.py [--per-doc]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENRE = ROOT / "tests" / "genre"

Finding = tuple[str, str, str]  # giving state, factor, sentence


def predicted(path: Path) -> list[Finding]:
    """The findings the extraction records for one document."""
    from dakg.loaders.document import load_document
    from dakg.loaders.extract import extract

    extraction = extract(load_document(path))
    by_key = {f.key: f for f in extraction.facts if f.kind == "assurance"}
    out = []
    for fact in extraction.facts:
        if fact.kind != "finding":
            continue
        giver = str(by_key[str(fact.fields["assurance"])].fields["given_by"])
        entity = extraction.entities.get(giver)
        label = entity.label if entity else giver.split(":", 1)[1]
        out.append((label, str(fact.fields["factor"]), fact.evidence[0].quote))
    return sorted(set(out))


def matches(finding: Finding, gold: dict[str, str]) -> bool:
    state, factor, sentence = finding
    return (state, factor) == (gold["given_by"], gold["factor"]) and gold["evidence"] in sentence


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-doc", action="store_true", help="list the errors per document")
    args = parser.parse_args()
    gold = json.loads((GENRE / "findings_gold.json").read_text(encoding="utf-8"))["documents"]
    sets: dict[str, dict[str, dict[str, list[dict[str, str]]]]] = {"all documents": gold}
    for name, doc in gold.items():
        if doc.get("held_out"):
            sets.setdefault(str(doc["held_out"]), {})[name] = doc
    for title, docs in sets.items():
        print(f"{title}: {len(docs)} documents")
        score(docs, args.per_doc and docs is gold)


def score(gold: dict[str, dict[str, list[dict[str, str]]]], per_doc: bool) -> None:
    """Print precision, recall and F1 per factor over ``gold``'s documents."""
    true_pos: Counter[str] = Counter()
    false_pos: Counter[str] = Counter()
    false_neg: Counter[str] = Counter()
    for name, expected in sorted(gold.items()):
        found = predicted(GENRE / "docs" / name)
        required, optional = expected["findings"], expected.get("optional", [])
        hit = set()
        for finding in found:
            gold_hits = [i for i, g in enumerate(required) if matches(finding, g)]
            if gold_hits:
                hit.update(gold_hits)
                true_pos[finding[1]] += 1
            elif not any(matches(finding, g) for g in optional):
                false_pos[finding[1]] += 1
                if per_doc:
                    print(f"{name}: extra {finding[0]} {finding[1]}: {finding[2][:100]!r}")
        for i, g in enumerate(required):
            if i not in hit:
                false_neg[g["factor"]] += 1
                if per_doc:
                    print(f"{name}: missed {g['given_by']} {g['factor']}: {g['evidence']!r}")
    print(f"{'factor':22} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    factors = sorted(set(true_pos) | set(false_pos) | set(false_neg))
    for factor in [*factors, "all"]:
        tp, fp, fn = (
            (sum(c.values()) for c in (true_pos, false_pos, false_neg))
            if factor == "all"
            else (true_pos[factor], false_pos[factor], false_neg[factor])
        )
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{factor:22} {p:6.3f} {r:6.3f} {f1:6.3f} {tp:4} {fp:3} {fn:3}")


if __name__ == "__main__":
    main()
