"""Speed ratios of dakg, measured side by side in one run.

The machines are noisy, so nothing here asserts an absolute time: each figure is a ratio
against a baseline measured in the same run, on the same machine, a moment apart.

    python benchmarks/bench.py [--scale 500] [--repeat 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def timed(func: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` calls, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(*args: str) -> None:
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def on_both_corpora(measure: Callable[[Path, int, str], None], scale: int, repeat: int) -> None:
    """Build the bundled corpus and (unless ``scale`` is 0) one of ``scale`` files, and run
    ``measure(store, repeat, label)`` on each."""
    from dakg.graph.build import build
    from dakg.graph.store import current_path
    from dakg.loaders.corpus import bundled_corpus

    corpus = bundled_corpus()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        build(corpus, tmp_path / "small")
        measure(current_path(tmp_path / "small"), repeat, "bundled corpus")
        if scale:
            build(scaled_corpus(corpus, tmp_path / "scaled", scale), tmp_path / "big")
            measure(current_path(tmp_path / "big"), repeat, f"scaled corpus ({scale} files)")


def scaled_corpus(source: Path, target: Path, files: int) -> Path:
    """Copy the corpus's documents round-robin into ``target`` until it holds ``files`` files."""
    import csv

    docs = sorted(source.glob("*.txt"))
    with (source / "MANIFEST.csv").open(encoding="utf-8") as handle:
        rows = {row["file"]: row for row in csv.DictReader(handle)}
    target.mkdir(parents=True)
    with (target / "MANIFEST.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(next(iter(rows.values()))))
        writer.writeheader()
        for i in range(files):
            doc = docs[i % len(docs)]
            name = f"{i:04d}-{doc.name}"
            shutil.copyfile(doc, target / name)
            writer.writerow({**rows[doc.name], "file": name})
    return target


THREE_JOINS = """
PREFIX dakg: <https://w3id.org/dakg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?title (COUNT(?sentence) AS ?n) WHERE {
  ?sentence a dakg:Sentence ; dcterms:isPartOf ?paragraph .
  ?paragraph dakg:inDocument ?doc .
  ?doc dcterms:title ?title .
} GROUP BY ?title
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=500, help="files in the scaled corpus")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions of the quick measures")
    args = parser.parse_args()

    from dakg.graph.build import build
    from dakg.graph.store import current_path
    from dakg.loaders.corpus import bundled_corpus

    print(f"dakg benchmarks (medians of {args.repeat}; ratios against a baseline of the same run)")
    py = sys.executable
    bare = timed(lambda: run(py, "-c", "import click"), args.repeat)
    cli = timed(lambda: run(py, "-m", "dakg", "--help"), args.repeat)
    print(
        f"start-up: dakg --help {cli:.3f}s vs python -c 'import click' {bare:.3f}s"
        f" -> ratio {cli / bare:.2f}"
    )

    corpus = bundled_corpus()
    n_docs = len(list(corpus.glob("*.txt")))
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        small = timed(lambda: build(corpus, tmp_path / "small"), 1)
        big_corpus = scaled_corpus(corpus, tmp_path / "scaled", args.scale)
        big = timed(lambda: build(big_corpus, tmp_path / "big"), 1)
        print(
            f"build: bundled corpus ({n_docs} files) {small:.2f}s; scaled corpus "
            f"({args.scale} files) {big:.2f}s -> {big / small:.1f}x the time for "
            f"{args.scale / n_docs:.0f}x the files (per-file cost ratio "
            f"{(big / args.scale) / (small / n_docs):.2f})"
        )

        from pyoxigraph import RdfFormat, Store
        from rdflib import Dataset

        path = current_path(tmp_path / "big")
        nquads = tmp_path / "dump.nq"
        Store.read_only(str(path)).dump(str(nquads), format=RdfFormat.N_QUADS)

        def load_rdflib() -> Dataset:
            ds = Dataset(default_union=True)
            ds.parse(nquads, format="nquads")
            return ds

        store_open = timed(lambda: Store.read_only(str(path)), args.repeat)
        rdflib_load = timed(load_rdflib, 1)
        print(
            f"load: open the on-disk store {store_open * 1000:.1f}ms vs parse into an in-memory"
            f" rdflib graph {rdflib_load:.2f}s -> rdflib/store {rdflib_load / store_open:.0f}x"
        )

        store = Store.read_only(str(path))
        memory = load_rdflib()
        q_store = timed(
            lambda: list(store.query(THREE_JOINS, use_default_graph_as_union=True)), args.repeat
        )
        q_rdflib = timed(lambda: list(memory.query(THREE_JOINS)), max(1, args.repeat // 2))
        print(
            f"query (three joins, {len(store):,} quads): store {q_store * 1000:.1f}ms vs rdflib"
            f" {q_rdflib * 1000:.1f}ms -> rdflib/store {q_rdflib / q_store:.1f}x"
        )


if __name__ == "__main__":
    main()
