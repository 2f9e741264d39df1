/* dakg view: draws the page's graph with vis-network at the positions dakg computed (physics
   off, so the same graph always draws the same picture), and fills the side panel, the
   search, the filters and the path highlighting. Text from documents is data: it is only
   ever written with textContent or as a vis-network string (drawn as text), never as markup. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("dakg-data").textContent);
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; n.title = n.label; });
  data.edges.forEach(function (e) { e.title = e.label; });
  function isFact(id) { return !!byId[id] && byId[id].status !== "Entity"; }
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var NO_CASE = "-";  // the filter value of the facts in no case
  var state = { types: {}, statuses: {}, caseSlug: "", doc: "", around: "", whole: false };
  data.legend.forEach(function (l) { state.types[l.cls] = true; });
  data.statuses.forEach(function (s) { state.statuses[s.value] = true; });

  function visible(node) {
    if (!state.types[node.cls]) return false;
    if (!state.statuses[node.status]) return false;
    if (state.caseSlug === NO_CASE) { if (node.cases.length) return false; }
    else if (state.caseSlug && node.cases.indexOf(state.caseSlug) < 0) return false;
    if (state.doc && node.documents.indexOf(state.doc) < 0) return false;
    if (state.around && !near[node.id]) return false;
    return true;
  }
  // "around": a thing, the facts that name it and what those facts name
  var near = {};
  function setAround(id) {
    state.around = id;
    near = {};
    if (!id) return;
    near[id] = true;
    data.edges.forEach(function (e) {
      if (e.to === id && isFact(e.from)) near[e.from] = true;
    });
    data.edges.forEach(function (e) { if (near[e.from] && e.from !== id) near[e.to] = true; });
  }
  var nodeView = new vis.DataView(nodes, { filter: visible });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) { return visible(byId[e.from]) && visible(byId[e.to]); }
  });
  var container = document.getElementById("network");
  // A large view draws straight edges without labels and hides them while it moves: the
  // positions are computed by dakg, so vis-network only has to paint (physics off).
  var large = data.large;
  var network = new vis.Network(container, { nodes: [], edges: [] }, {
    physics: false,
    layout: { randomSeed: 1, improvedLayout: false },
    interaction: { hover: !large, multiselect: true, hideEdgesOnDrag: large, hideEdgesOnZoom: large,
                   keyboard: { enabled: true, bindToWindow: false },
                   navigationButtons: false, tooltipDelay: 200 },
    groups: data.groups,
    nodes: { font: { size: 13, face: "sans-serif" }, borderWidth: 1.5 },
    edges: { arrows: "to", font: { size: large ? 0 : 10, face: "sans-serif", align: "middle", color: "#333" },
             color: { color: "#777", highlight: "#D55E00", hover: "#333" },
             smooth: large ? false : { enabled: true, type: "continuous", roundness: 0.2 },
             width: 1.2, selectionWidth: 2.5 }
  });
  // a small view is fitted to its drawn labels; a large one before its first drawing,
  // which then need not be drawn twice
  network.once("afterDrawing", function () {
    if (!large) network.fit({ animation: false });
    document.body.setAttribute("data-drawn", "true");
  });

  // --- too many nodes: open on the cases and states, draw the facts once a filter narrows --
  var aggregated = null;  // set by chooseMode(), which hands the network its first data
  var notice = document.getElementById("aggregate-note");
  function shownCount() { return nodes.get({ filter: visible, fields: ["id"] }).length; }
  function chooseMode() {
    var count = shownCount();
    var want = !!data.aggregate && !state.whole && count > data.limit;
    if (want !== aggregated) {
      var first = aggregated === null;
      aggregated = want;
      if (want) {
        network.setData({ nodes: new vis.DataSet(data.aggregate.nodes),
                          edges: new vis.DataSet(data.aggregate.edges) });
      } else {
        network.setData({ nodes: nodeView, edges: edgeView });
      }
      if (!first || large) network.fit({ animation: false });
    }
    document.body.setAttribute("data-mode", aggregated ? "aggregate" : "detail");
    if (notice) {
      notice.hidden = !data.aggregate;
      notice.querySelector(".count").textContent = aggregated
        ? count + " nodes match: too many to draw one by one (the limit is " + data.limit +
          "). Shown: the cases and the states their facts name. Click one, or choose a case " +
          "or a document, to draw its facts."
        : count + " nodes drawn.";
    }
  }

  // --- side panel -------------------------------------------------------------------------
  var panel = document.getElementById("panel");
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function safeHref(a) { return /^https?:\/\/[^\s"'<>]+$/i.test(a || ""); }
  function row(dl, term, value) {
    if (value === undefined || value === null || value === "") return;
    dl.appendChild(el("dt", term));
    dl.appendChild(el("dd", value));
  }
  function nodeButton(id, label) {
    var b = el("button", label, "linklike");
    b.type = "button";
    b.addEventListener("click", function () { select([id]); });
    return b;
  }
  // A large page keeps the facts' details (their quotes) in a script beside it, loaded the
  // first time a panel, the search or the table needs them, so that the drawing comes first.
  var details = data.details, waiting = [];
  function withDetails(then) {
    if (details) { then(); return; }
    waiting.push(then);
    if (waiting.length > 1) return;
    window.dakgViewDetails = function (loaded) {
      details = loaded;
      waiting.splice(0).forEach(function (f) { f(); });
    };
    var script = document.createElement("script");
    script.src = data.details_src;
    script.onerror = function () {
      waiting = [];
      panel.textContent = "";
      panel.appendChild(el("p", "The facts' details could not be read from " + data.details_src +
        ": keep that file beside this page.", "error"));
    };
    document.body.appendChild(script);
  }
  function showNode(id) { withDetails(function () { fillPanel(id); }); }
  function fillPanel(id) {
    var d = details[id];
    panel.textContent = "";
    if (!d) return;
    panel.appendChild(el("h2", d.label));
    var dl = el("dl");
    row(dl, "Type", d.type + (d.kind ? " (" + d.kind + ")" : ""));
    row(dl, "Date", d.date);
    row(dl, "Review", d.status);
    if (d.alleged) row(dl, "Alleged", "yes: the source reports it as an allegation");
    if (d.happened && d.happened !== "Happened") row(dl, "Status", d.happened);
    row(dl, "IRI", d.iri);
    if (d.reports && d.reports.length) {
      row(dl, "Also reported as", d.reports.join(", ") +
        " (one event: the build merged the reports)");
    }
    panel.appendChild(dl);
    (d.disagreements || []).forEach(function (text) {
      panel.appendChild(el("p", text, "disagreement"));
    });
    if (d.roles && d.roles.length) {
      panel.appendChild(el("h3", "Who and where"));
      var ul = el("ul");
      d.roles.forEach(function (r) {
        var li = el("li", r.role + ": ");
        li.appendChild(byId[r.id] ? nodeButton(r.id, r.label) : el("span", r.label));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    if (d.cases && d.cases.length) {
      panel.appendChild(el("h3", "Cases"));
      var cl = el("ul");
      d.cases.forEach(function (c) { cl.appendChild(el("li", c)); });
      panel.appendChild(cl);
    }
    if (d.sources) {
      panel.appendChild(el("h3", "Sources (" + d.sources.length + ")"));
      d.sources.forEach(function (s) {
        var box = el("div", null, "source");
        if (s.quote) {
          var q = el("blockquote", s.quote);
          if (s.redacted) q.appendChild(el("span", " [names redacted]", "redacted-note"));
          box.appendChild(q);
        }
        var cite = el("p", null, "cite");
        var where = s.title + (s.publisher ? " — " + s.publisher : "") +
          (s.published ? ", " + s.published : "") +
          (s.paragraph ? ", ¶ " + s.paragraph : "") + (s.sentence ? ", sentence " + s.sentence : "");
        if (passageLink(s.href)) {
          var a = el("a", where);
          a.href = s.href;
          cite.appendChild(a);
        } else {
          cite.appendChild(el("span", where));
        }
        if (s.citation) cite.appendChild(el("span", " (an analyst's citation)"));
        if (safeHref(s.address)) {
          cite.appendChild(document.createTextNode(" · "));
          var out = el("a", "original");
          out.href = s.address;
          out.rel = "noopener noreferrer";
          out.target = "_blank";
          cite.appendChild(out);
        }
        box.appendChild(cite);
        panel.appendChild(box);
      });
    }
    if (d.facts) {
      panel.appendChild(el("h3", "Facts here (" + d.facts.length + ")"));
      var fl = el("ul");
      d.facts.forEach(function (f) {
        var li = el("li");
        li.appendChild(nodeButton(f.id, f.label));
        fl.appendChild(li);
      });
      panel.appendChild(fl);
    }
  }
  function showEdge(id) {
    var e = edges.get(id);
    if (!e) return;
    withDetails(function () {
      fillPanel(isFact(e.from) ? e.from : e.to);
      var note = el("p", "Edge: " + (byId[e.from] || {}).label + " — " + e.label + " → " +
        (byId[e.to] || {}).label, "edge-note");
      panel.insertBefore(note, panel.firstChild);
    });
  }
  function select(ids, edgeIds) {
    var shown = ids.filter(function (i) { return nodeView.get(i); });
    network.setSelection({ nodes: shown, edges: edgeIds || [] }, { highlightEdges: !edgeIds });
    if (shown.length) {
      network.focus(shown[0], { scale: Math.max(network.getScale(), 0.9), animation: false });
      showNode(shown[0]);
    }
    return shown;
  }
  network.on("click", function (p) {
    if (aggregated) {
      var agg = p.nodes.length && data.aggregate.nodes.find(function (n) { return n.id === p.nodes[0]; });
      if (agg && agg.expand.case !== undefined) {
        state.caseSlug = agg.expand.case;
        document.getElementById("filter-case").value = agg.expand.case;
        setAround("");
        refresh();
      } else if (agg && agg.expand.around) {
        setAround(agg.expand.around);
        refresh();
      }
      return;
    }
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });

  // --- search -----------------------------------------------------------------------------
  var result = document.getElementById("search-result");
  document.getElementById("search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    withDetails(search);
  });
  function search() {
    var q = document.getElementById("search-box").value.trim().toLowerCase();
    if (!q) { result.textContent = ""; return; }
    var found = nodeView.get({ filter: function (n) {
      var d = details[n.id] || {};
      return String(n.label).toLowerCase().indexOf(q) >= 0 ||
        String(d.kind || "").toLowerCase().indexOf(q) >= 0;
    } }).map(function (n) { return n.id; });
    select(found);
    result.textContent = found.length ? found.length + " found" : "nothing found";
  }

  // --- filters ----------------------------------------------------------------------------
  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    chooseMode();
    document.querySelectorAll("#facts-table tbody tr").forEach(function (tr) {
      tr.hidden = !(byId[tr.getAttribute("data-id")] && visible(byId[tr.getAttribute("data-id")]));
    });
  }
  document.querySelectorAll("input[name=type]").forEach(function (box) {
    box.addEventListener("change", function () { state.types[box.value] = box.checked; refresh(); });
  });
  document.querySelectorAll("input[name=status]").forEach(function (box) {
    box.addEventListener("change", function () { state.statuses[box.value] = box.checked; refresh(); });
  });
  document.getElementById("filter-case").addEventListener("change", function (ev) {
    state.caseSlug = ev.target.value; refresh();
  });
  document.getElementById("filter-document").addEventListener("change", function (ev) {
    state.doc = ev.target.value; refresh();
  });

  // --- paths ------------------------------------------------------------------------------
  document.getElementById("path-select").addEventListener("change", function (ev) {
    var p = data.paths[Number(ev.target.value)];
    if (!p) { network.unselectAll(); return; }
    select(p.nodes, p.edges);
    result.textContent = "path: " + p.nodes.length + " nodes";
  });
  document.getElementById("path-between").addEventListener("click", function () {
    var chosen = network.getSelectedNodes();
    if (chosen.length !== 2) { result.textContent = "select exactly two nodes (Ctrl-click)"; return; }
    var adjacent = {};
    edgeView.get().forEach(function (e) {
      (adjacent[e.from] = adjacent[e.from] || []).push([e.to, e.id]);
      (adjacent[e.to] = adjacent[e.to] || []).push([e.from, e.id]);
    });
    var back = {}; back[chosen[0]] = null;
    var queue = [chosen[0]];
    while (queue.length && !(chosen[1] in back)) {
      var at = queue.shift();
      (adjacent[at] || []).forEach(function (pair) {
        if (!(pair[0] in back)) { back[pair[0]] = [at, pair[1]]; queue.push(pair[0]); }
      });
    }
    if (!(chosen[1] in back)) { result.textContent = "no path between them"; return; }
    var pathNodes = [chosen[1]], pathEdges = [], cur = chosen[1];
    while (back[cur]) { pathEdges.push(back[cur][1]); cur = back[cur][0]; pathNodes.push(cur); }
    select(pathNodes.reverse(), pathEdges);
    result.textContent = "path: " + pathNodes.length + " nodes";
  });

  // --- table ------------------------------------------------------------------------------
  var body = document.querySelector("#facts-table tbody");
  function wireRows() {
    var rows = Array.prototype.slice.call(body.querySelectorAll("tr"));
    rows.forEach(function (tr, i) {
      tr.addEventListener("keydown", function (ev) {
        var next = null;
        if (ev.key === "ArrowDown") next = rows.slice(i + 1).find(function (r) { return !r.hidden; });
        if (ev.key === "ArrowUp") next = rows.slice(0, i).reverse().find(function (r) { return !r.hidden; });
        if (ev.key === "Enter") { select([tr.getAttribute("data-id")]); ev.preventDefault(); }
        if (next) { next.focus(); ev.preventDefault(); }
      });
    });
    body.querySelectorAll("button.show").forEach(function (b) {
      b.addEventListener("click", function () {
        select([b.getAttribute("data-id")]);
        container.scrollIntoView({ block: "nearest" });
      });
    });
  }
  function passageLink(href) {
    return !!href && (href.charAt(0) === "#" || /^\.\.\/text\/[A-Za-z0-9_.-]+\.html#[A-Za-z0-9_.-]+$/.test(href));
  }
  // the same rows as the template writes for a smaller page
  function writeTable() {
    data.rows.forEach(function (id) {
      var d = details[id], n = byId[id], tr = el("tr");
      tr.tabIndex = 0;
      tr.setAttribute("data-id", id);
      tr.setAttribute("data-cls", n.cls);
      tr.setAttribute("data-status", n.status);
      var th = el("th");
      th.scope = "row";
      var show = el("button", d.label, "show");
      show.type = "button";
      show.setAttribute("data-id", id);
      th.appendChild(show);
      tr.appendChild(th);
      tr.appendChild(el("td", d.type));
      tr.appendChild(el("td", d.date));
      var who = el("td");
      (d.roles || []).forEach(function (r, i) {
        if (i) who.appendChild(document.createTextNode("; "));
        who.appendChild(el("span", r.role + ": " + r.label, "role"));
      });
      tr.appendChild(who);
      tr.appendChild(el("td", d.status));
      var where = el("td");
      (d.sources || []).forEach(function (s, i) {
        if (i) where.appendChild(document.createTextNode("; "));
        var span = el("span", null, "src"), text = s.title + (s.paragraph ? ", ¶ " + s.paragraph : "");
        if (passageLink(s.href)) {
          var a = el("a", text);
          a.href = s.href;
          span.appendChild(a);
        } else {
          span.textContent = s.href ? text : s.title;
        }
        where.appendChild(span);
      });
      tr.appendChild(where);
      tr.hidden = !visible(n);
      body.appendChild(tr);
    });
    wireRows();
  }
  wireRows();
  var tableButton = document.getElementById("write-table");
  if (tableButton) {
    tableButton.addEventListener("click", function () {
      tableButton.disabled = true;
      withDetails(function () {
        writeTable();
        document.getElementById("table-note").remove();
        document.getElementById("facts-table").hidden = false;
      });
    });
  }
  document.getElementById("fit").addEventListener("click", function () { network.fit(); });
  if (notice) {
    notice.querySelector("#draw-whole").addEventListener("click", function () {
      state.whole = true; refresh();
    });
    notice.querySelector("#draw-overview").addEventListener("click", function () {
      state.whole = false; state.caseSlug = ""; state.doc = ""; setAround("");
      document.getElementById("filter-case").value = "";
      document.getElementById("filter-document").value = "";
      refresh();
    });
  }
  chooseMode();

  // --- save as PNG: the drawing, its legend and its provenance stamp ------------------------
  function picture() {
    var source = container.querySelector("canvas");
    var ratio = source.width / source.clientWidth || 1;
    var legendRows = Math.ceil(data.legend.length / 4) + 1;
    var pad = 12 * ratio, line = 18 * ratio;
    var out = document.createElement("canvas");
    out.width = source.width;
    out.height = source.height + pad * 3 + line * (legendRows + 2);
    var g = out.getContext("2d");
    g.fillStyle = "#ffffff";
    g.fillRect(0, 0, out.width, out.height);
    g.fillStyle = "#111111";
    g.font = "bold " + 15 * ratio + "px sans-serif";
    g.fillText(data.title, pad, pad + line * 0.8);
    g.drawImage(source, 0, pad + line);
    var y = source.height + pad * 2 + line;
    g.font = 13 * ratio + "px sans-serif";
    var colWidth = (out.width - 2 * pad) / 4;
    data.legend.forEach(function (l, i) {
      var x = pad + (i % 4) * colWidth, yy = y + Math.floor(i / 4) * line;
      g.fillStyle = l.color;
      g.fillText(l.glyph, x, yy);
      g.fillStyle = "#111111";
      g.fillText(l.label + " (" + l.count + ")", x + 18 * ratio, yy);
    });
    y += legendRows * line;
    g.fillText("dashed: alleged, not happened or not reviewed · ✓ thick border: confirmed by an analyst", pad, y - line * 0.4);
    g.font = 11 * ratio + "px sans-serif";
    g.fillStyle = "#333333";
    g.fillText(data.stamp.text, pad, y + line * 0.6);
    return out;
  }
  document.getElementById("save-png").addEventListener("click", function () {
    picture().toBlob(function (blob) {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "dakg-" + data.path.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/-html$/, "") + ".png";
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    });
  });

  window.dakgView = { network: network, nodes: nodes, edges: edges, nodeView: nodeView,
                      edgeView: edgeView, picture: picture, select: select,
                      aggregated: function () { return aggregated; }, around: function (id) {
                        setAround(id); refresh(); } };
})();
