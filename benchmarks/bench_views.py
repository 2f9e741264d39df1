"""Large views, measured against pyvis's defaults in the same run.

Scaled corpora of distinct synthetic documents (benchmarks/scaled_corpus.py) are built through
the real pipeline. On the small one (500 documents) the whole ``dakg viz`` folder is timed; on
the large one, the overview is drawn whole (no node limit) and opened in headless Chromium,
once as dakg writes it (positions computed once in Python, physics off) and once as pyvis
writes the same nodes and edges with its defaults (physics on, stabilised in the browser).
Browser time is the page's own clock from navigation to the first finished drawing, then a
pan and a click measured to the next finished drawing.

    python benchmarks/bench_views.py [--small 500] [--large 1100] [--work DIR]

The corpora and builds are kept in DIR (default: a folder in the temporary directory) and
reused by the next run with the same sizes. Needs Chromium (sudo tools/install-test-tools).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND"]
PAN = """() => new Promise((done) => {
  const net = window.dakgView ? dakgView.network : window.network, t = performance.now();
  net.once("afterDrawing", () => done(performance.now() - t));
  net.moveTo({ position: { x: 400, y: 300 }, scale: 0.6, animation: false });
})"""
CLICK = """(id) => new Promise((done) => {
  const net = window.dakgView ? dakgView.network : window.network, t = performance.now();
  net.once("afterDrawing", () => done(performance.now() - t));
  if (window.dakgView) dakgView.select([id]); else net.selectNodes([id]);
  net.redraw();
})"""


def corpus_module() -> Any:
    spec = importlib.util.spec_from_file_location("scaled_corpus", HERE / "scaled_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["scaled_corpus"] = module
    spec.loader.exec_module(module)
    return module


def built(work: Path, documents: int) -> Path:
    """A store of ``documents`` synthetic documents, built once and reused."""
    from dakg.graph.build import build

    corpus, data = work / f"corpus-{documents}", work / f"data-{documents}"
    if not (data / "current").exists():
        corpus_module().write_corpus(corpus, documents, seed=1)
        start = time.perf_counter()
        build(corpus, data)
        print(f"built {documents} documents in {time.perf_counter() - start:.0f} s")
    return data


def pyvis_page(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], out: Path) -> Path:
    """The same nodes and edges as pyvis writes them with its defaults (its JavaScript
    inlined, so that it runs offline)."""
    from pyvis.network import Network

    from dakg.viz.views import groups

    net = Network(directed=True, cdn_resources="in_line")
    for n in nodes:
        look = groups()[n["group"]]
        net.add_node(n["id"], label=n["label"], shape=look["shape"], color=look["color"])
    for e in edges:
        net.add_edge(e["from"], e["to"], label=e["label"])
    net.write_html(str(out), notebook=False)
    return out


def open_and_time(
    page: Any, path: Path, drawn: str, node: str, patience: float
) -> dict[str, float]:
    """Seconds from navigation to the first finished drawing, then of a pan and of a click;
    an empty dict when the page has not drawn within ``patience`` seconds."""
    # "commit": pyvis's page stabilises its physics before the load event, for minutes
    page.goto(path.as_uri(), wait_until="commit", timeout=600_000)
    # polled from here: the views' Content-Security-Policy forbids wait_for_function's eval
    start = time.monotonic()
    while not page.evaluate(drawn):
        if time.monotonic() - start > patience:
            return {}
        time.sleep(0.05)
    loaded = page.evaluate("performance.now()")
    return {"drawn": loaded / 1000, "pan": page.evaluate(PAN) / 1000,
            "click": page.evaluate(CLICK, node) / 1000}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=500, help="documents of the timed folder")
    parser.add_argument("--large", type=int, default=1100, help="documents of the large view")
    parser.add_argument("--patience", type=float, default=300, help="seconds to wait for pyvis")
    parser.add_argument("--skip-small", action="store_true", help="do not time the small folder")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "dakg-bench")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    from dakg.graph.reader import open_reader
    from dakg.viz.model import read_graph
    from dakg.viz.site import draw
    from dakg.viz.views import nodes_and_edges, overview

    if not args.skip_small:
        small = built(args.work, args.small)
        start = time.perf_counter()
        drawn = draw(open_reader(small), args.work / f"views-{args.small}")
        print(f"dakg viz, {args.small} documents: {drawn.pages} pages in "
              f"{time.perf_counter() - start:.1f} s")  # fmt: skip

    large = built(args.work, args.large)
    reader = open_reader(large)
    data = read_graph(reader)
    start = time.perf_counter()
    nodes, edges = nodes_and_edges(data, overview(data))
    layout = time.perf_counter() - start
    print(f"overview of {args.large} documents: {len(nodes)} nodes, {len(edges)} edges; "
          f"layout and node lists in {layout:.1f} s")  # fmt: skip
    start = time.perf_counter()
    folder = draw(reader, args.work / f"views-{args.large}", max_nodes=0)
    print(f"dakg viz --max-nodes 0, {args.large} documents: {folder.pages} pages in "
          f"{time.perf_counter() - start:.1f} s")  # fmt: skip
    ours = args.work / f"views-{args.large}" / "graph" / "overview.html"
    theirs = pyvis_page(nodes, edges, args.work / "overview-pyvis.html")
    node = sorted(n["id"] for n in nodes)[0]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("http*://**", lambda route: route.abort())  # offline, like the views
        drawn_ = "!!(document.body && document.body.dataset.drawn === 'true')"
        mine = open_and_time(page, ours, drawn_, node, 600)
        print(f"dakg: {mine}", flush=True)
        stabilized = "!!(window.network && network.physics && network.physics.stabilized)"
        base = open_and_time(page, theirs, stabilized, node, args.patience)
        browser.close()
    print(f"{'browser time, s':<18}{'dakg':>10}{'pyvis defaults':>16}{'ratio':>8}")
    for key in ("drawn", "pan", "click"):
        if key in base:
            print(f"{key:<18}{mine[key]:>10.2f}{base[key]:>16.2f}{base[key] / mine[key]:>8.1f}")
        else:  # pyvis had not drawn: its time is at least the patience
            late = f"> {args.patience:.0f}" if key == "drawn" else "-"
            ratio = f"> {args.patience / mine['drawn']:.0f}" if key == "drawn" else ""
            print(f"{key:<18}{mine[key]:>10.2f}{late:>16}{ratio:>8}")


if __name__ == "__main__":
    main()
