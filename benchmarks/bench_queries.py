"""The canned queries on the embedded store against the same data in an in-memory rdflib
Dataset, at the bundled corpus and at a scaled corpus of a million quads or more.

Every query that takes at least 10 ms on rdflib is timed on both (the same SPARQL text, its
parameters bound from the header's examples); the figure is the ratio rdflib/store, measured
side by side in one run, and the median ratio over the queries.

    python benchmarks/bench_queries.py [--scale 560] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench import on_both_corpora, timed  # noqa: E402


def measure(path: Path, repeat: int, label: str) -> None:
    from pyoxigraph import RdfFormat, Store
    from rdflib import Dataset

    from dakg.errors import QueryError
    from dakg.graph.reader import StoreReader, bind, review_filter
    from dakg.queries.library import bind_params, library

    store = Store.read_only(str(path))
    reader = StoreReader(store)
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "dump.nq"
        store.dump(str(dump), format=RdfFormat.N_QUADS)
        memory = Dataset(default_union=True)
        memory.parse(dump, format="nquads")
    print(f"{label}: {len(store):,} quads")
    ratios = []
    for query in library():
        given = {p.name: p.example for p in query.params if not p.optional}
        try:
            values = bind_params(reader, query, given)
        except QueryError as err:  # e.g. a case file the scaled corpus does not have
            print(f"  {query.name:32} skipped: {err}")
            continue
        if "?includeRejected" in query.text:
            values.update(review_filter(False))
        text = bind(query.text, values)
        try:
            slow = timed(lambda t=text: list(memory.query(t)), 1)
        except Exception as err:  # noqa: BLE001 - rdflib's own failure is a result here
            print(f"  {query.name:32} rdflib fails: {type(err).__name__}: {err}")
            continue
        if slow < 0.010:
            print(f"  {query.name:32} rdflib {slow * 1000:8.1f} ms (under 10 ms: not compared)")
            continue
        fast = timed(lambda t=text: list(store.query(t, use_default_graph_as_union=True)), repeat)
        slow = timed(lambda t=text: list(memory.query(t)), max(1, repeat // 2))
        ratios.append(slow / fast)
        print(
            f"  {query.name:32} store {fast * 1000:8.1f} ms  rdflib {slow * 1000:9.1f} ms"
            f"  -> rdflib/store {slow / fast:6.1f}x"
        )
    if ratios:
        print(f"  median ratio rdflib/store over {len(ratios)} queries: "
              f"{statistics.median(ratios):.1f}x (goal, in a later issue: 15x)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=560, help="files in the scaled corpus")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions of the store timing")
    args = parser.parse_args()

    on_both_corpora(measure, args.scale, args.repeat)


if __name__ == "__main__":
    main()
