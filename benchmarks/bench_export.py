"""Exports: dakg's export path (store quads, canonical blank nodes, sorted, Oxigraph's writers)
against rdflib serialising the same data, per format, at the bundled corpus and at a scaled
corpus. The figure is the ratio rdflib/dakg measured side by side in one run.

    python benchmarks/bench_export.py [--scale 560] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench import on_both_corpora, timed  # noqa: E402

RDFLIB = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "ntriples": "nt",
          "jsonld": "json-ld"}  # fmt: skip


def measure(path: Path, repeat: int, label: str) -> None:
    from pyoxigraph import RdfFormat, Store
    from rdflib import Dataset, Graph

    from dakg.graph.export import FORMATS, Selection, export_bytes
    from dakg.graph.reader import StoreReader

    store = Store.read_only(str(path))
    reader = StoreReader(store)
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "dump.nq"
        store.dump(str(dump), format=RdfFormat.N_QUADS)
        memory = Dataset()
        memory.parse(dump, format="nquads")
    union = Graph()
    for graph in memory.graphs():
        union += graph
    print(f"{label}: {len(store):,} quads")
    for fmt, (_, keep_graphs, _) in FORMATS.items():

        def ours(f: str = fmt) -> bytes:
            # The export's own path, everything kept and validation left out (timed apart).
            data, _ = export_bytes(reader, f, Selection(include_rejected=True), force=True)
            return data

        fast = timed(ours, repeat)
        target = memory if keep_graphs else union
        slow = timed(lambda f=fmt, t=target: t.serialize(format=RDFLIB[f]), 1)
        print(f"  {fmt:9} dakg {fast:7.2f} s  rdflib {slow:8.2f} s"
              f"  -> rdflib/dakg {slow / fast:5.1f}x")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=560, help="files in the scaled corpus")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions of dakg's timing")
    args = parser.parse_args()

    on_both_corpora(measure, args.scale, args.repeat)


if __name__ == "__main__":
    main()
