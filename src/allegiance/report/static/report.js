/* allegiance report page script.
 * Reads the bundle from the JSON script element and draws every section.
 * Rule: text from the data is inserted only with textContent / createTextNode, never as markup.
 */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("allegiance-data").textContent || "{}");
  var B = DATA.bundle || {};
  var V = DATA.view || {};
  var DEFAULT_TOP = 40;
  var CAMP_COLORS = ["#3f6fd1", "#e39a12", "#8e55c9", "#8d6e63", "#d0619e", "#17a2b8", "#5f6b7a"];
  var NO_CAMP = "#9aa3b1";
  var SIGN_COLOR = { "1": "#1a9850", "-1": "#d73027", "0": "#9aa0aa" };
  // a mixed tie (both cooperative and hostile reports substantial) is its own kind of edge
  var MIXED_COLOR = "#8e44ad";
  function stateOf(e) {
    var st = e && e.state;
    if (st === "friendly" || st === "hostile" || st === "mixed" || st === "neutral") return st;
    return e && e.sign === 1 ? "friendly" : e && e.sign === -1 ? "hostile" : "neutral";
  }
  function stateBadge(e) {
    var st = stateOf(e);
    if (st !== "mixed") return signBadge(e.sign, st + " tie");
    return el("span", { "class": "badge mixed", title: "both cooperative and hostile reports are substantial" +
      (e.description ? ": " + e.description : ""), text: "mixed tie" });
  }
  var SVGNS = "http://www.w3.org/2000/svg";

  // ---------- small DOM helpers (text only) ----------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }
  function svg(tag, attrs, children) {
    var node = document.createElementNS(SVGNS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }
  function setAttrs(node, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === "text") node.textContent = String(v);
      else if (k === "onclick") node.addEventListener("click", v);
      else if (k === "style" && typeof v === "object") Object.assign(node.style, v);
      else node.setAttribute(k, String(v));
    });
  }
  function append(node, children) {
    if (children === null || children === undefined) return;
    if (!Array.isArray(children)) children = [children];
    children.forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      node.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
    });
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function arr(x) { return Array.isArray(x) ? x : []; }
  function obj(x) { return x && typeof x === "object" && !Array.isArray(x) ? x : {}; }
  function fmt(n) {
    if (typeof n !== "number" || !isFinite(n)) return n === null || n === undefined ? "–" : String(n);
    return Number.isInteger(n) ? n.toLocaleString("en-US") : n.toLocaleString("en-US", { maximumFractionDigits: 2 });
  }
  function pct(x) { return typeof x === "number" ? Math.round(x * 100) + "%" : "–"; }
  function plural(n, word) { return fmt(n) + " " + word + (n === 1 ? "" : "s"); }
  function none(what) { return el("p", { "class": "none", text: "None found" + (what ? ": " + what : "") + "." }); }
  function safeUrl(u) { return typeof u === "string" && /^https?:\/\//i.test(u) ? u : null; }
  function toTime(s) {
    if (typeof s !== "string" || s.length < 4) return NaN;
    if (s.length === 4) s += "-01-01";
    else if (s.length === 7) s += "-01";
    return Date.parse(s.slice(0, 10));
  }

  // ---------- indexes ----------
  var docs = {};
  arr(B.documents).forEach(function (d) { if (d && d.doc_id !== undefined) docs[d.doc_id] = d; });
  var rels = {};
  var relList = arr(B.relations).filter(function (r) { return r && typeof r === "object"; });
  relList.forEach(function (r) { rels[r.id] = r; });
  var network = obj(B.network);
  var nodes = arr(network.nodes).filter(function (n) { return n && n.id !== undefined && n.id !== null; });
  var edges = arr(network.edges).filter(function (e) { return e && e.source !== undefined && e.target !== undefined; });
  var nodeById = {};
  nodes.forEach(function (n) { nodeById[n.id] = n; });
  var names = {};
  relList.forEach(function (r) {
    ["source", "target"].forEach(function (side) {
      var a = obj(r[side]);
      if (a.actor_id && a.actor_name && !names[a.actor_id]) names[a.actor_id] = a.actor_name;
    });
  });
  arr(B.quotes).forEach(function (q) {
    var sp = obj(q && q.speaker);
    if (sp.actor_id && sp.actor_name && !names[sp.actor_id]) names[sp.actor_id] = sp.actor_name;
  });
  // actors outside the network (e.g. only quoted or only in one outlet) still get their names
  function learnName(id, name) { if (id !== undefined && id !== null && name && !names[id]) names[id] = String(name); }
  Object.keys(obj(B.outlets)).forEach(function (o) {
    arr(obj(B.outlets[o]).actors).forEach(function (a) { if (a) learnName(a.actor_id, a.name); });
    arr(obj(B.outlets[o]).ties).forEach(function (t) { if (t) { learnName(t.a, t.a_name); learnName(t.b, t.b_name); } });
  });
  var OD = obj(B.outlet_differences);
  arr(OD.not_covered).forEach(function (x) { if (x) learnName(x.actor_id, x.name); });
  arr(OD.only_in).concat(arr(OD.opposite_sign)).forEach(function (x) { if (x) { learnName(x.a, x.a_name); learnName(x.b, x.b_name); } });
  arr(B.uneasy_alliances).forEach(function (u) { if (u) { learnName(u.a, u.a_name); learnName(u.b, u.b_name); } });
  Object.keys(obj(B.exposure_paths)).forEach(function (k) {
    arr(B.exposure_paths[k]).forEach(function (p) {
      if (!p) return;
      var ns = arr(p.names);
      arr(p.path).forEach(function (id, i) { learnName(id, ns[i]); });
      learnName(p.enemy, p.enemy_name);
    });
  });
  arr(obj(B.coalitions).camp_details).forEach(function (c) {
    if (c) arr(c.members).forEach(function (id, i) { learnName(id, arr(c.names)[i]); });
  });
  nodes.forEach(function (n) { names[n.id] = n.name || names[n.id] || String(n.id); });
  function nameOf(id) { return names[id] !== undefined ? String(names[id]) : String(id); }
  function pairKey(a, b) { a = String(a); b = String(b); return a < b ? a + "\u0001" + b : b + "\u0001" + a; }
  var edgeByKey = {};
  edges.forEach(function (e) { edgeByKey[pairKey(e.source, e.target)] = e; });
  var pairRels = {};
  var actorRels = {};
  relList.forEach(function (r) {
    var a = obj(r.source).actor_id, b = obj(r.target).actor_id;
    if (a === undefined || a === null || b === undefined || b === null) return;
    (pairRels[pairKey(a, b)] = pairRels[pairKey(a, b)] || []).push(r);
    (actorRels[a] = actorRels[a] || []).push(r);
    if (b !== a) (actorRels[b] = actorRels[b] || []).push(r);
  });
  var camps = obj(V.camps);
  function campOf(id) { var c = camps[id]; return typeof c === "number" ? c : null; }
  function campColor(c) { return c === null ? NO_CAMP : CAMP_COLORS[c % CAMP_COLORS.length]; }
  function campName(c) { return c === null ? "no camp" : "Camp " + String.fromCharCode(65 + (c % 26)); }
  var uneasyKeys = {};
  arr(B.uneasy_alliances).forEach(function (u) { if (u) uneasyKeys[pairKey(u.a, u.b)] = true; });
  var quantities = {};
  arr(B.quantities).forEach(function (q) { if (q) quantities[q.id] = q; });

  function docDate(docId) { var d = docs[docId]; return d && d.published ? String(d.published).slice(0, 10) : ""; }
  function relOrder(a, b) {
    var da = docDate(a.doc_id), db = docDate(b.doc_id);
    if (da !== db) return da < db ? -1 : 1;
    return (obj(a.trigger).start || 0) - (obj(b.trigger).start || 0);
  }

  // ---------- badges and evidence ----------
  function signBadge(sign, words) {
    var s = sign === 1 ? "pos" : sign === -1 ? "neg" : "neu";
    var label = words || (sign === 1 ? "friendly" : sign === -1 ? "hostile" : "neutral");
    return el("span", { "class": "badge " + s, text: label });
  }
  function actorChip(id, onclick) {
    return el("span", { "class": "chip", title: "Show " + nameOf(id) + " in the network", onclick: onclick || function () { focusActor(id); } }, [
      el("span", { "class": "sq", style: { background: campColor(campOf(id)) } }), nameOf(id)
    ]);
  }
  function locate(text, base, span) {
    if (!span || typeof span.text !== "string" || !span.text) return null;
    var s = (span.start || 0) - base, e = (span.end || 0) - base;
    if (s >= 0 && e <= text.length && s < e && text.slice(s, e) === span.text) return [s, e];
    var i = text.indexOf(span.text);
    return i < 0 ? null : [i, i + span.text.length];
  }
  // clip: show at most about this many characters around the marked words (whole text if 0)
  function highlighted(r, clip) {
    var sent = obj(r.sentence);
    var text = typeof sent.text === "string" ? sent.text : "";
    var box = el("div", { "class": "ev-sent" });
    if (!text) {
      append(box, [el("span", { "class": "muted", text: "(sentence not available) " }),
        el("mark", { "class": "trigger", text: obj(r.trigger).text || "" })]);
      return box;
    }
    var base = typeof sent.start === "number" ? sent.start : 0;
    var marks = [];
    [[r.trigger, "trigger"], [r.source, "arg"], [r.target, "arg"]].forEach(function (p) {
      var span = locate(text, base, p[0]);
      if (!span) return;
      var clash = marks.some(function (m) { return span[0] < m[1] && m[0] < span[1]; });
      if (!clash) marks.push([span[0], span[1], p[1]]);
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var lo = 0, hi = text.length;
    while (lo < hi && /\s/.test(text.charAt(lo))) lo++;
    while (hi > lo && /\s/.test(text.charAt(hi - 1))) hi--;
    if (clip && hi - lo > clip) {
      var m0 = marks.length ? marks[0][0] : lo, m1 = marks.length ? marks[marks.length - 1][1] : lo;
      var pad = Math.max(40, Math.floor((clip - (m1 - m0)) / 2));
      var nlo = Math.max(lo, m0 - pad), nhi = Math.min(hi, m1 + pad);
      // start and end on word boundaries
      if (nlo > lo) { var sp = text.indexOf(" ", nlo); if (sp >= 0 && sp < m0) nlo = sp + 1; }
      if (nhi < hi) { var sp2 = text.lastIndexOf(" ", nhi); if (sp2 > m1) nhi = sp2; }
      if (nlo > lo) { box.appendChild(el("span", { "class": "muted", text: "…" })); }
      lo = nlo;
      var cut = nhi < hi;
      hi = nhi;
      if (cut) box.dataset.clipped = "1";
    }
    function piece(a, b) { return text.slice(a, b).replace(/[ \t]*\n\s*/g, "\n"); }
    var pos = lo;
    marks.forEach(function (m) {
      if (m[0] < lo || m[1] > hi) return;
      if (m[0] > pos) box.appendChild(document.createTextNode(piece(pos, m[0])));
      box.appendChild(el(m[2] === "trigger" ? "mark" : "span", { "class": m[2], text: text.slice(m[0], m[1]) }));
      pos = m[1];
    });
    if (pos < hi) box.appendChild(document.createTextNode(piece(pos, hi)));
    if (box.dataset.clipped) box.appendChild(el("span", { "class": "muted", text: "…" }));
    return box;
  }
  function docLine(docId) {
    var d = docs[docId] || {};
    var parts = [];
    parts.push(el("span", { "class": "outlet", text: d.outlet || "unknown outlet" }));
    parts.push(el("span", { text: d.published ? String(d.published).slice(0, 10) : "undated" }));
    if (d.title) parts.push(el("span", { "class": "doc-title", text: d.title }));
    else parts.push(el("span", { text: String(docId) }));
    return parts;
  }
  function relBadge(r) {
    if (!r.negated) return signBadge(r.sign);
    return el("span", { "class": "badge neu", title: "the sentence denies this relation", text: r.sign === 1 ? "not friendly" : r.sign === -1 ? "not hostile" : "denied" });
  }
  function evidenceItem(r, clip) {
    var excluded = !!(r.negated || r.hypothetical);
    var meta = el("div", { "class": "ev-meta" });
    append(meta, relBadge(r));
    append(meta, el("span", { "class": "badge cat", title: "relation category", text: (r.category || "?") + (r.mode ? " / " + r.mode : "") }));
    if (r.negated) append(meta, el("span", { "class": "badge negated", title: "the sentence says this did not happen; not counted as a tie", text: "negated" }));
    if (r.hypothetical) append(meta, el("span", { "class": "badge hypothetical", title: "future, conditional, intended or asked-for; not counted as a tie", text: "hypothetical" }));
    docLine(r.doc_id).forEach(function (p, i) { if (i) append(meta, "·"); append(meta, p); });
    var foot = el("div", { "class": "ev-foot" });
    append(foot, [nameOf(obj(r.source).actor_id), el("span", { "class": "arrow", text: "→" }), nameOf(obj(r.target).actor_id)]);
    if (r.attributed_to && r.attributed_to.text) append(foot, ["  · claimed by: ", el("i", { text: r.attributed_to.text })]);
    if (typeof r.confidence === "number") append(foot, "  · confidence " + r.confidence.toFixed(2));
    if (excluded) append(foot, "  · not counted in the network");
    return el("li", { "class": "ev" + (excluded ? " excluded" : ""), "data-relation": r.id }, [meta, highlighted(r, clip), foot]);
  }
  function evidenceList(list, limit, clip) {
    limit = limit || 25;
    var ul = el("ul", { "class": "evidence" });
    if (!list.length) { ul.appendChild(el("li", { "class": "none", text: "No evidence sentences found." })); return ul; }
    list.slice(0, limit).forEach(function (r) { ul.appendChild(evidenceItem(r, clip)); });
    if (list.length > limit) {
      var more = el("li", {}, el("button", { text: "Show all " + list.length + " sentences", onclick: function () {
        ul.removeChild(more);
        list.slice(limit).forEach(function (r) { ul.appendChild(evidenceItem(r, clip)); });
      } }));
      ul.appendChild(more);
    }
    return ul;
  }
  function relsFromIds(ids) {
    return arr(ids).map(function (id) { return rels[id]; }).filter(Boolean).sort(relOrder);
  }

  // ---------- page skeleton ----------
  var app = document.getElementById("app");
  var meta = obj(B.meta);
  var S = obj(V.summary);
  var SECTIONS = [
    ["findings", "Key findings"], ["network", "Network"], ["alliances", "Uneasy alliances"],
    ["triangles", "Unbalanced triangles"], ["camps", "Camps"], ["exposure", "Exposure paths"],
    ["timeline", "Timeline"], ["outlets", "Outlets"], ["quotes", "Quotes"], ["acts", "Acts"],
    ["numbers", "Numbers"], ["documents", "Documents"]
  ];

  function header() {
    var h = el("header", { "class": "top" });
    h.appendChild(el("h1", { text: "Who stands with whom" }));
    var sub = "Corpus: " + (meta.corpus || "unnamed");
    if (S.first) sub += " · " + S.first + (S.last && S.last !== S.first ? " to " + S.last : "");
    if (meta.generated) sub += " · generated " + String(meta.generated).replace("T", " ").slice(0, 16);
    if (meta.version) sub += " · allegiance " + meta.version;
    h.appendChild(el("div", { "class": "sub", text: sub }));
    var stats = el("div", { "class": "stats" });
    [[S.documents, "documents"], [S.outlets, "outlets"], [S.actors, "actors"],
     [S.ties, "ties"], [typeof S.friendly === "number" ? S.friendly : S.positive, "friendly ties"],
     [typeof S.hostile === "number" ? S.hostile : S.negative, "hostile ties"], [S.mixed || 0, "mixed ties"],
     [S.relations, "evidence sentences"], [S.quotes, "quotes"], [S.quantities, "numbers"],
     [S.skipped, "skipped files"]].forEach(function (p) {
      stats.appendChild(el("div", { "class": "stat" }, [el("b", { text: fmt(p[0] || 0) }), el("span", { text: p[1] })]));
    });
    h.appendChild(stats);
    var dl = el("div", { "class": "downloads" }, el("span", { text: "Download the data:" }));
    [["bundle (JSON)", "dl-bundle", exportBundle, "everything in this report, as JSON (see docs/bundle.md)"],
     ["ties (CSV)", "dl-ties", exportTies, "one row per tie between two actors"],
     ["evidence (CSV)", "dl-evidence", exportEvidence, "one row per evidence sentence, negated and hypothetical ones flagged"],
     ["quotes (CSV)", "dl-quotes", exportQuotes, "one row per quote"],
     ["numbers (CSV)", "dl-numbers", exportNumbers, "one row per reported number"]].forEach(function (b) {
      dl.appendChild(el("button", { id: b[1], title: b[3], text: b[0], onclick: b[2] }));
    });
    h.appendChild(dl);
    return h;
  }

  // ---------- exports: made in the page from the embedded data, nothing is fetched ----------
  function csvCell(v) {
    if (v === null || v === undefined) return "";
    if (Array.isArray(v)) v = v.map(function (x) { return typeof x === "object" && x ? JSON.stringify(x) : String(x); }).join("; ");
    else if (typeof v === "object") v = JSON.stringify(v);
    var t = String(v);
    // text a spreadsheet would run as a formula is kept as text
    if (typeof v === "string" && /^[=+\-@\t\r]/.test(t)) t = "'" + t;
    return /[",\r\n]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
  }
  function toCsv(head, rows) {
    return [head].concat(rows).map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }
  function save(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = el("a", { href: url, download: name, style: { display: "none" } });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 4000);
  }
  function exportBundle() { save("allegiance-bundle.json", "application/json", JSON.stringify(B, null, 1)); }
  function exportTies() {
    save("allegiance-ties.csv", "text/csv", toCsv(
      ["source", "source_name", "target", "target_name", "sign", "state", "evidence", "positive", "negative", "positive_mass", "negative_mass", "description", "first", "last", "outlets", "uneasy_alliance", "relations"],
      edges.map(function (e) {
        return [e.source, nameOf(e.source), e.target, nameOf(e.target), e.sign, stateOf(e), e.evidence, e.positive, e.negative, e.positive_mass, e.negative_mass, e.description, e.first, e.last,
          arr(e.outlets), uneasyKeys[pairKey(e.source, e.target)] ? 1 : 0, arr(e.relations)];
      })));
  }
  function exportEvidence() {
    save("allegiance-evidence.csv", "text/csv", toCsv(
      ["id", "doc_id", "outlet", "published", "source", "source_name", "target", "target_name", "category", "mode", "sign", "negated", "hypothetical", "trigger", "claimed_by", "confidence", "sentence"],
      relList.map(function (r) {
        var d = docs[r.doc_id] || {};
        return [r.id, r.doc_id, d.outlet, d.published, obj(r.source).actor_id, nameOf(obj(r.source).actor_id), obj(r.target).actor_id, nameOf(obj(r.target).actor_id),
          r.category, r.mode, r.sign, r.negated ? 1 : 0, r.hypothetical ? 1 : 0, obj(r.trigger).text, obj(r.attributed_to).text,
          r.confidence, String(obj(r.sentence).text || "").trim()];
      })));
  }
  function exportQuotes() {
    save("allegiance-quotes.csv", "text/csv", toCsv(
      ["id", "doc_id", "outlet", "published", "speaker", "speaker_actor", "speaker_role", "anonymous", "direct", "text"],
      arr(B.quotes).filter(Boolean).map(function (q) {
        var d = docs[q.doc_id] || {}, sp = obj(q.speaker);
        return [q.id, q.doc_id, d.outlet, d.published, sp.text, sp.actor_id, q.speaker_role, q.anonymous ? 1 : 0, q.direct ? 1 : 0, q.text];
      })));
  }
  function exportNumbers() {
    save("allegiance-numbers.csv", "text/csv", toCsv(
      ["id", "doc_id", "outlet", "date", "concept", "actor_id", "actor_name", "value", "low", "high", "approximate", "change", "text", "sentence"],
      arr(B.quantities).filter(Boolean).map(function (q) {
        var d = docs[q.doc_id] || {};
        return [q.id, q.doc_id, d.outlet, q.date || d.published, q.concept, q.actor_id, q.actor_id ? nameOf(q.actor_id) : "", q.value, q.low, q.high,
          q.approximate ? 1 : 0, q.change, q.text, String(obj(q.sentence).text || "").trim()];
      })));
  }
  function nav() {
    var n = el("nav", { "class": "toc" });
    SECTIONS.forEach(function (s) { n.appendChild(el("a", { href: "#" + s[0], text: s[1] })); });
    return n;
  }
  function section(id, title, intro) {
    var s = el("section", { id: id }, el("h2", { text: title }));
    if (intro) s.appendChild(el("p", { "class": "intro", text: intro }));
    return s;
  }

  // ---------- key findings ----------
  var H = obj(V.headline);
  function compactEvidence(r) {
    var meta = el("div", { "class": "ev-meta" });
    append(meta, relBadge(r));
    if (r.negated) append(meta, el("span", { "class": "badge negated", text: "negated" }));
    if (r.hypothetical) append(meta, el("span", { "class": "badge hypothetical", text: "hypothetical" }));
    docLine(r.doc_id).slice(0, 2).forEach(function (p) { append(meta, ["·", p]); });
    return el("li", { "class": "ev compact" + (r.negated || r.hypothetical ? " excluded" : ""), "data-relation": r.id }, [meta, highlighted(r, 240)]);
  }
  // a small picture of the alliance: the pair below, the common enemy above
  function allianceDiagram(al, enemy) {
    var W = 400, Ht = enemy ? 250 : 120;
    var A = [95, Ht - 62], Bp = [W - 95, Ht - 62], E = [W / 2, 40];
    var g = svg("svg", { viewBox: "0 0 " + W + " " + Ht, width: W, height: Ht, "class": "diagram", role: "img",
      "aria-label": nameOf(al.a) + " and " + nameOf(al.b) + (enemy ? " against " + nameOf(enemy.id) : "") });
    function line(p, q, color, dash, width, off) {
      var dx = q[1] - p[1], dy = p[0] - q[0], len = Math.sqrt(dx * dx + dy * dy) || 1;
      var ox = (off || 0) * dx / len, oy = (off || 0) * dy / len;
      g.appendChild(svg("line", { x1: p[0] + ox, y1: p[1] + oy, x2: q[0] + ox, y2: q[1] + oy, stroke: color,
        "stroke-width": width || 4, "stroke-dasharray": dash || null, "stroke-linecap": "round" }));
    }
    function label(x, y, t, color, anchor, weight) {
      var lines = String(t).split("\n");
      lines.forEach(function (ln, i) {
        g.appendChild(svg("text", { x: x, y: y + i * 15, "font-size": 12.5, "text-anchor": anchor || "middle", fill: color || "#1d2330", "font-weight": weight || 400, text: ln }));
      });
    }
    if (enemy) {
      [[A, al.a], [Bp, al.b]].forEach(function (p) {
        var side = obj(obj(enemy.sides)[p[1]]);
        line(p[0], E, side.tie ? SIGN_COLOR["-1"] : "#e8a39d", side.tie ? "9 6" : "2 6", side.tie ? 4 : 3);
      });
      var ea = obj(obj(enemy.sides)[al.a]), eb = obj(obj(enemy.sides)[al.b]);
      function sideText(sd) {
        return sd.tie ? "hostile\n" + plural(arr(sd.ties).length || 1, "report") : "hostile only in\n" + plural(arr(sd.statements).length, "uncounted\nstatement");
      }
      label((A[0] + E[0]) / 2 - 12, (A[1] + E[1]) / 2 - 8, sideText(ea), SIGN_COLOR["-1"], "end");
      label((Bp[0] + E[0]) / 2 + 12, (Bp[1] + E[1]) / 2 - 8, sideText(eb), SIGN_COLOR["-1"], "start");
    }
    line(A, Bp, SIGN_COLOR["1"], null, 4, -4);
    line(A, Bp, SIGN_COLOR["-1"], "9 6", 4, 4);
    label(W / 2, A[1] - 14, fmt(al.positive || 0) + " working together", "#0f6b36");
    label(W / 2, A[1] + 24, fmt(al.negative || 0) + " at odds", "#a31f18");
    [[A, al.a], [Bp, al.b]].concat(enemy ? [[E, enemy.id]] : []).forEach(function (p) {
      g.appendChild(svg("circle", { cx: p[0][0], cy: p[0][1], r: 13, fill: campColor(campOf(p[1])), stroke: "#fff", "stroke-width": 2 }));
    });
    // long names on two lines, so that the two never meet
    function wrapName(t) {
      if (t.length <= 18) return t;
      var mid = Math.floor(t.length / 2), cut = -1;
      for (var d = 0; d < mid && cut < 0; d++) {
        if (t.charAt(mid + d) === " ") cut = mid + d;
        else if (t.charAt(mid - d) === " ") cut = mid - d;
      }
      return cut < 0 ? t : t.slice(0, cut) + "\n" + t.slice(cut + 1);
    }
    label(A[0], A[1] + 44, wrapName(nameOf(al.a)), null, "middle", 600);
    label(Bp[0], Bp[1] + 44, wrapName(nameOf(al.b)), null, "middle", 600);
    if (enemy) label(E[0], E[1] - 20, nameOf(enemy.id), null, "middle", 600);
    return g;
  }
  function leadAlliance(al) {
    var enemies = arr(al.enemies);
    var enemy = enemies[0];
    var card = el("div", { "class": "lead-card", id: "lead-alliance" });
    var title = "Uneasy alliance: " + nameOf(al.a) + " and " + nameOf(al.b) + (enemy ? " against " + nameOf(enemy.id) : "");
    card.appendChild(el("div", { "class": "kicker", text: "The strongest uneasy alliance" }));
    card.appendChild(el("h3", { "class": "lead-title", text: title }));
    var why = "Why uneasy: " + (arr(al.reasons).length ? arr(al.reasons).join("; ") : "reported both working together and at odds") + ".";
    if (enemies.length) why += " Both are hostile to " + enemies.slice(0, 3).map(function (e) { return nameOf(e.id); }).join(", ") + ".";
    card.appendChild(el("p", { "class": "lead-why", text: why }));
    var body = el("div", { "class": "lead-body" });
    var pic = el("div", { "class": "lead-pic" }, allianceDiagram(al, enemy));
    body.appendChild(pic);
    var ev = el("div", { "class": "lead-ev" });
    var pos = relsFromIds(al.show_positive), neg = relsFromIds(al.show_negative);
    var ulp = el("ul", { "class": "evidence" }), uln = el("ul", { "class": "evidence" });
    pos.forEach(function (r) { ulp.appendChild(compactEvidence(r)); });
    neg.forEach(function (r) { uln.appendChild(compactEvidence(r)); });
    append(ev, [el("div", { "class": "colhead pos", text: "Working together (" + (al.positive || 0) + ")" }), ulp,
      el("div", { "class": "colhead neg", text: "At odds (" + (al.negative || 0) + ")" }), uln]);
    body.appendChild(ev);
    card.appendChild(body);
    if (enemy) {
      var det = el("details", { "class": "enemy-why" }, el("summary", { text: "Why " + nameOf(enemy.id) + " is their common enemy" }));
      [al.a, al.b].forEach(function (side) {
        var sd = obj(obj(enemy.sides)[side]);
        var ties = relsFromIds(sd.ties), said = relsFromIds(sd.statements);
        var head = nameOf(side) + " against " + nameOf(enemy.id) + ": ";
        head += sd.tie ? plural(ties.length || 1, "counted report") : "no counted report";
        if (said.length) head += ", " + plural(said.length, "statement") + " not counted (hypothetical)";
        det.appendChild(el("div", { "class": "colhead", text: head }));
        det.appendChild(evidenceList(ties.concat(said), 4));
      });
      if (!enemy.counted) det.appendChild(el("p", { "class": "small muted", text: "A hostile tie that rests only on hypothetical statements (future, conditional, intended, or asked as a question) is not part of the network; it is shown here so that you can judge it." }));
      pic.appendChild(det);
    }
    pic.appendChild(el("div", { "class": "lead-actions" }, [
      el("button", { text: "Show this tie in the network", onclick: function () { focusPair(al.a, al.b); } }),
      el("a", { href: "#alliances", text: "All uneasy alliances" })]));
    return card;
  }
  function leadSide() {
    var box = el("div", { "class": "lead-side" });
    var groups = arr(H.camps);
    if (groups.length >= 2) {
      box.appendChild(el("div", { "class": "kicker", text: "The camps" }));
      box.appendChild(el("p", { "class": "small muted", text: "The split into two sides that best explains the ties: friends together, enemies apart." }));
      groups.forEach(function (g) {
        var members = arr(g.members);
        var shown = members.slice(0, 6);
        var row = el("div", { "class": "camp-line", style: { borderLeftColor: campColor(g.camp) } }, [
          el("b", { style: { color: campColor(g.camp) }, text: campName(g.camp) + " (" + members.length + ")" })]);
        var chips = el("div", { "class": "chips" });
        shown.forEach(function (id) { chips.appendChild(actorChip(id)); });
        if (members.length > shown.length) chips.appendChild(el("a", { "class": "small", href: "#camps", text: "+" + (members.length - shown.length) + " more" }));
        row.appendChild(chips);
        box.appendChild(row);
      });
    }
    var fr = obj(H.frustration);
    if (typeof fr.index === "number") {
      box.appendChild(el("div", { "class": "kicker", text: "How tangled" }));
      var p = el("p", { "class": "frus" }, [el("b", { text: "Frustration index L = " + fmt(fr.index) }),
        el("span", { text: ": " + fmt(fr.index) + " of the " + fmt(fr.ties) + " ties " + (fr.index === 1 ? "goes" : "go") +
          " against the camps" + (fr.exact === false ? " (an estimate)" : "") + ". 0 would be a clean split into friends and enemies." })]);
      box.appendChild(p);
    }
    if (typeof H.unbalanced === "number") {
      box.appendChild(el("p", { "class": "small" }, [el("a", { href: "#triangles", text: plural(H.unbalanced, "unbalanced triangle") }),
        H.unbalanced ? " (the friend of a friend is an enemy): the strained spots." : ": no strain between three mutually tied actors."]));
    }
    return box;
  }
  function findingsSection() {
    var s = section("findings", "Key findings");
    var al = H.alliance;
    var lead = el("div", { "class": "lead" });
    if (al && al.a !== undefined) lead.appendChild(leadAlliance(al));
    var side = leadSide();
    if (side.childNodes.length) lead.appendChild(side);
    if (lead.childNodes.length) s.appendChild(lead);
    // the other findings; the lead already says the first uneasy alliance, the camps and L
    var shownKinds = { camps: groupsShown(), frustration: !!obj(H.frustration).ties, triangles: typeof H.unbalanced === "number" };
    var rest = arr(V.findings).filter(function (f, i) {
      if (f.kind === "uneasy" && al && i === 0) return false;
      return !shownKinds[f.kind];
    });
    var grid = el("div", { "class": "findings" });
    rest.forEach(function (f) {
      grid.appendChild(el("div", { "class": "finding f-" + (f.kind || "other") }, [el("h3", { text: f.title }), el("p", { text: f.text })]));
    });
    if (rest.length) s.appendChild(grid);
    if (!lead.childNodes.length && !rest.length) s.appendChild(none("findings"));
    return s;
  }
  function groupsShown() { return arr(H.camps).length >= 2; }

  // ---------- network ----------
  var cy = null;
  var panel = null;
  var tip = null;
  var topN = Math.min(DEFAULT_TOP, nodes.length);
  var showSign = { "1": true, "-1": true, "0": true, "mixed": true };
  var minEvidence = 1;
  var showIsolated = false;
  var pinned = {};
  var pinnedPairs = {};
  var score = {};
  nodes.forEach(function (n) { score[n.id] = 0; });
  edges.forEach(function (e) {
    var w = typeof e.evidence === "number" ? e.evidence : 1;
    if (score[e.source] !== undefined) score[e.source] += w;
    if (score[e.target] !== undefined) score[e.target] += w;
  });
  var ranked = nodes.slice().sort(function (a, b) {
    return (score[b.id] - score[a.id]) || ((b.mentions || 0) - (a.mentions || 0)) || (nameOf(a.id) < nameOf(b.id) ? -1 : 1);
  });
  var cyIdOfActor = {};
  ranked.forEach(function (n, i) { cyIdOfActor[n.id] = "n" + i; });
  var maxMentions = Math.max.apply(null, [1].concat(nodes.map(function (n) { return n.mentions || n.degree || 0; })));
  var maxEvidence = Math.max.apply(null, [1].concat(edges.map(function (e) { return e.evidence || 0; })));
  function signKey(sign) { return sign === 1 ? "1" : sign === -1 ? "-1" : "0"; }

  function visibleActors() {
    var vis = {};
    ranked.filter(function (n) { return showIsolated || score[n.id] > 0; })
      .slice(0, topN).forEach(function (n) { vis[n.id] = true; });
    Object.keys(pinned).forEach(function (id) { vis[id] = true; });
    return vis;
  }
  function edgeShown(e, vis) {
    if (!vis[e.source] || !vis[e.target] || e.source === e.target) return false;
    if (pinnedPairs[pairKey(e.source, e.target)]) return true;
    return showSign[stateOf(e) === "mixed" ? "mixed" : signKey(e.sign)] && (e.evidence || 1) >= minEvidence;
  }
  var rankOf = {};
  ranked.forEach(function (n, i) { rankOf[n.id] = i; });
  var LABELLED = 60;
  function buildElements() {
    var vis = visibleActors();
    var els = [];
    var ids = Object.keys(vis);
    var campsSeen = {};
    ids.forEach(function (id) { campsSeen[campOf(id) === null ? "x" : campOf(id)] = true; });
    var campList = Object.keys(campsSeen).sort();
    var perCamp = {};
    ranked.forEach(function (n) {
      if (!vis[n.id]) return;
      var c = campOf(n.id);
      var k = campList.indexOf(c === null ? "x" : String(c));
      // start each camp in its own region so that the layout keeps camps apart
      var angle = (2 * Math.PI * k) / Math.max(1, campList.length);
      var j = perCamp[k] = (perCamp[k] || 0) + 1;
      var r = 40 * Math.sqrt(j), t = j * 2.4;
      var m = n.mentions || n.degree || 0;
      els.push({ group: "nodes", data: {
        id: cyIdOfActor[n.id], actor: n.id, name: nameOf(n.id), color: campColor(c),
        label: rankOf[n.id] < (ids.length > 80 ? 25 : LABELLED) || pinned[n.id] ? nameOf(n.id) : "",
        size: (ids.length > 80 ? 0.6 : 1) * (20 + 30 * Math.sqrt(m / maxMentions)),
        z: 5000 - (rankOf[n.id] || 0)  // the top actors are drawn above the rest, labels too
      }, position: {
        x: (campList.length > 1 ? 380 * Math.cos(angle) : 0) + r * Math.cos(t),
        y: (campList.length > 1 ? 300 * Math.sin(angle) : 0) + r * Math.sin(t)
      } });
    });
    var shown = edges.filter(function (e) { return edgeShown(e, vis); }).length;
    var thin = shown > 200 ? 0.35 : shown > 80 ? 0.6 : 1;  // a dense graph needs fine lines
    edges.forEach(function (e, i) {
      if (!edgeShown(e, vis)) return;
      var sign = e.sign === 1 ? 1 : e.sign === -1 ? -1 : 0;
      var mixed = stateOf(e) === "mixed";
      var uneasy = uneasyKeys[pairKey(e.source, e.target)] ? 1 : 0;
      els.push({ group: "edges", data: {
        id: "e" + i, source: cyIdOfActor[e.source], target: cyIdOfActor[e.target], idx: i,
        color: mixed ? MIXED_COLOR : SIGN_COLOR[String(sign)], state: stateOf(e), width: thin * (1.5 + 9 * Math.sqrt((e.evidence || 1) / maxEvidence)),
        style: mixed ? "dotted" : sign === -1 ? "dashed" : "solid", uneasy: uneasy,
        elabel: uneasy ? "uneasy alliance" : ""
      } });
    });
    return els;
  }
  // A small signed force layout for up to SMALL_GRAPH actors: friendly ties pull actors close,
  // hostile ties hold them apart, so camps form visibly; labels are wide, so actors repel
  // more sideways than up and down. Deterministic: the same data gives the same picture.
  var SMALL_GRAPH = 150;
  function signedLayout(shake) {
    var ns = cy.nodes(), es = cy.edges();
    var n = ns.length;
    var idx = {}, X = [], Y = [], R = [];
    var seed = 12345 + (shake || 0) * 7919;
    function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
    ns.forEach(function (node, i) {
      idx[node.id()] = i;
      var p = node.position();
      X.push(p.x + (rnd() - 0.5) * (shake ? 600 : 20)); Y.push(p.y + (rnd() - 0.5) * (shake ? 600 : 20));
      R.push(node.data("size") / 2);
    });
    var springs = [];
    es.forEach(function (edge) {
      var e = edges[edge.data("idx")] || {};
      var len = edge.data("uneasy") ? 190 : e.sign === 1 ? 95 : e.sign === -1 ? 230 : 140;
      var k = e.sign === -1 ? 0.02 : 0.06;
      springs.push([idx[edge.source().id()], idx[edge.target().id()], len, k]);
    });
    var temp = 60;
    for (var it = 0; it < 500; it++) {
      var dx = new Array(n).fill(0), dy = new Array(n).fill(0);
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var ex = (X[i] - X[j]) / 2.2, ey = Y[i] - Y[j];
          var d2 = ex * ex + ey * ey + 0.01, d = Math.sqrt(d2);
          var f = 9000 / d2;
          var gap = (R[i] + R[j]) + 28 - d;
          if (gap > 0) f += gap * 0.5;
          dx[i] += f * ex / d; dy[i] += f * ey / d;
          dx[j] -= f * ex / d; dy[j] -= f * ey / d;
        }
      }
      springs.forEach(function (sp) {
        var a = sp[0], b = sp[1];
        var ex = X[b] - X[a], ey = Y[b] - Y[a], d = Math.sqrt(ex * ex + ey * ey) + 0.01;
        var f = sp[3] * (d - sp[2]);
        dx[a] += f * ex / d; dy[a] += f * ey / d;
        dx[b] -= f * ex / d; dy[b] -= f * ey / d;
      });
      for (var m = 0; m < n; m++) {
        dx[m] -= 0.012 * X[m]; dy[m] -= 0.018 * Y[m];
        var mv = Math.sqrt(dx[m] * dx[m] + dy[m] * dy[m]) || 1;
        var step = Math.min(mv, temp);
        X[m] += dx[m] / mv * step; Y[m] += dy[m] / mv * step;
      }
      temp = Math.max(1, temp * 0.985);
    }
    ns.positions(function (node) { var i = idx[node.id()]; return { x: X[i], y: Y[i] }; });
    cy.fit(undefined, 36);
  }
  function layout(shake) {
    if (!cy) return;
    var n = cy.nodes().length;
    if (n <= SMALL_GRAPH) { signedLayout(shake); return; }
    cy.layout({
      name: "cose", animate: false, randomize: false, fit: true, padding: 36,
      nodeRepulsion: function () { return 12000; }, idealEdgeLength: function () { return 60; },
      edgeElasticity: function () { return 100; }, gravity: 0.6, nodeOverlap: 20,
      numIter: 250, componentSpacing: 60
    }).run();
  }
  function redraw() {
    if (!cy) return;
    cy.startBatch();
    cy.elements().remove();
    cy.add(buildElements());
    var big = cy.edges().length > 600;
    if (big) cy.edges().addClass("hay");
    if (cy.edges().length > 200) cy.edges().addClass("dense");
    cy.endBatch();
    layout();
    updateCounter();
    scaleLabels();
    cy.fit(undefined, 30);  // again: the labels have grown to stay readable
    // a small graph is not blown up: thick lines and huge circles read as emphasis
    if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(); }
    scaleLabels();
    declutter();
  }
  // keep labels readable when a small graph is zoomed out to fit (labels live in model units)
  var labelSize = 0;
  function scaleLabels() {
    if (!cy) return;
    var size = cy.nodes().length > 150 ? 12 : Math.round(Math.min(30, Math.max(12, 13 / cy.zoom())));
    if (size === labelSize) return;
    labelSize = size;
    cy.style().selector("node").style({ "font-size": size, "text-background-padding": size / 6, "text-max-width": size * 13 })
      .selector("edge[uneasy = 1]").style({ "font-size": Math.max(10, size - 2) }).update();
  }
  // a label is drawn only where it has room. Actors are drawn in rank order (the top ones
  // above), and so are their labels: a label is kept unless it would overlap a label already
  // kept, lie under the circle of an actor drawn above it, or run past the edge of the view.
  // Hover and selection always show the name.
  function labelBox(n) {
    var bb = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
    return bb && isFinite(bb.x1) && bb.w > 0 ? bb : null;
  }
  function meets(a, b, gap) {
    return a.x1 - gap < b.x2 && b.x1 - gap < a.x2 && a.y1 - gap < b.y2 && b.y1 - gap < a.y2;
  }
  function declutter() {
    if (!cy) return;
    var W = cy.width(), H = cy.height(), shown = [], above = [], hide = [];
    var ns = cy.nodes().sort(function (a, b) { return (b.data("z") || 0) - (a.data("z") || 0); });
    cy.startBatch();
    ns.removeClass("nolabel");
    cy.endBatch();
    ns.forEach(function (n) {
      var bb = labelBox(n);
      if (bb) {
        var out = bb.x1 < 0 || bb.y1 < 0 || bb.x2 > W || bb.y2 > H;
        var clash = out || shown.some(function (o) { return meets(bb, o, 2); }) ||
          above.some(function (c) { return meets(bb, c, -1); });
        if (clash) hide.push(n); else shown.push(bb);
      }
      if (n.visible()) above.push(n.renderedBoundingBox({ includeNodes: true, includeLabels: false, includeEdges: false }));
    });
    cy.startBatch();
    hide.forEach(function (n) { n.addClass("nolabel"); });
    cy.endBatch();
  }
  var declutterTimer = null;
  function declutterSoon() {
    if (declutterTimer) clearTimeout(declutterTimer);
    declutterTimer = setTimeout(function () { declutterTimer = null; declutter(); }, 80);
  }
  function eligibleCount() {
    return nodes.filter(function (n) { return showIsolated || score[n.id] > 0; }).length;
  }
  function syncSlider() {
    var sl = document.getElementById("top-n"), lab = document.getElementById("top-n-label");
    var max = Math.max(1, eligibleCount());
    topN = Math.min(topN, max);
    if (sl) { sl.max = max; sl.min = Math.min(5, max); sl.value = topN; }
    if (lab) lab.textContent = "Top " + topN + " of " + max + " actors by evidence";
  }
  var counterEl = null;
  function updateCounter() {
    if (!counterEl || !cy) return;
    counterEl.textContent = "Showing " + cy.nodes().length + " of " + nodes.length + " actors and " +
      cy.edges().length + " of " + edges.length + " ties";
  }
  function edgeSummary(e) {
    var parts = [plural(e.evidence || 0, "report")];
    if (typeof e.positive === "number" || typeof e.negative === "number")
      parts.push((e.positive || 0) + " friendly, " + (e.negative || 0) + " hostile");
    if (typeof e.positive_mass === "number" && typeof e.negative_mass === "number")
      parts.push("weight " + e.positive_mass.toFixed(2) + " friendly / " + e.negative_mass.toFixed(2) + " hostile");
    if (e.description) parts.push(e.description);
    if (typeof e.intensity_mean === "number") parts.push("mean intensity " + e.intensity_mean.toFixed(1));
    if (e.first) parts.push(e.first === e.last || !e.last ? String(e.first) : e.first + " to " + e.last);
    return parts.join(" · ");
  }
  function showPair(a, b) {
    if (!panel) return;
    clear(panel);
    var e = edgeByKey[pairKey(a, b)];
    var title = el("h3", {}, [actorChip(a), el("span", { "class": "arrow", text: "—" }), actorChip(b)]);
    panel.appendChild(title);
    var all = (pairRels[pairKey(a, b)] || []).slice().sort(relOrder);
    var counted;
    if (e) {
      var line = el("p", { "class": "tie-state", "data-state": stateOf(e) }, [stateBadge(e), " ", edgeSummary(e)]);
      if (uneasyKeys[pairKey(a, b)]) append(line, [" ", el("a", { "class": "badge hypothetical", href: "#alliances", text: "uneasy alliance" })]);
      panel.appendChild(line);
      if (arr(e.outlets).length) panel.appendChild(el("p", { "class": "small muted", text: "Outlets: " + arr(e.outlets).join(", ") }));
      var ids = {};
      arr(e.relations).forEach(function (id) { ids[id] = true; });
      counted = arr(e.relations).length ? relsFromIds(e.relations) : all.filter(function (r) { return !r.negated && !r.hypothetical; });
      all.forEach(function (r) { if (!ids[r.id] && !r.negated && !r.hypothetical && arr(e.relations).length) counted.push(r); });
    } else {
      panel.appendChild(el("p", { "class": "muted", text: "No tie: nothing here counts as a fact." }));
      counted = [];
    }
    var countedIds = {};
    counted.forEach(function (r) { countedIds[r.id] = true; });
    var other = all.filter(function (r) { return !countedIds[r.id]; });
    var pos = counted.filter(function (r) { return r.sign === 1; }), neg = counted.filter(function (r) { return r.sign === -1; });
    if (pos.length && neg.length) {
      // both signs: show the two sides of the tie apart
      var rest = counted.filter(function (r) { return r.sign !== 1 && r.sign !== -1; });
      panel.appendChild(el("h4", { "class": "colhead pos", text: "Working together (" + pos.length + ")" }));
      panel.appendChild(evidenceList(pos));
      panel.appendChild(el("h4", { "class": "colhead neg", text: "At odds (" + neg.length + ")" }));
      panel.appendChild(evidenceList(neg));
      if (rest.length) {
        panel.appendChild(el("h4", { text: "Neutral (" + rest.length + ")" }));
        panel.appendChild(evidenceList(rest));
      }
    } else {
      panel.appendChild(el("h4", { text: "Evidence behind the tie (" + counted.length + ")" }));
      panel.appendChild(evidenceList(counted));
    }
    if (other.length) {
      panel.appendChild(el("h4", { text: "Also said, not counted: negated or hypothetical (" + other.length + ")" }));
      panel.appendChild(evidenceList(other));
    }
    panel.scrollTop = 0;
  }
  function showActor(id) {
    if (!panel) return;
    clear(panel);
    var n = nodeById[id] || {};
    var c = campOf(id);
    panel.appendChild(el("h3", {}, [el("span", { "class": "chip" }, [el("span", { "class": "sq", style: { background: campColor(c) } }), nameOf(id)])]));
    var facts = [campName(c)];
    if (n.type) facts.push(String(n.type).replace(/_/g, " "));
    if (n.country) facts.push(String(n.country));
    if (typeof n.mentions === "number") facts.push(plural(n.mentions, "mention"));
    if (typeof n.degree === "number") facts.push(plural(n.degree, "tie"));
    panel.appendChild(el("p", { "class": "muted", text: facts.join(" · ") }));
    var ties = edges.filter(function (e) { return e.source === id || e.target === id; })
      .sort(function (a, b) { return (b.evidence || 0) - (a.evidence || 0); });
    panel.appendChild(el("h4", { text: "Ties (" + ties.length + ")" }));
    if (!ties.length) panel.appendChild(none("ties"));
    var chips = el("div", { "class": "chips" });
    ties.forEach(function (e) {
      var other = e.source === id ? e.target : e.source;
      chips.appendChild(el("span", { "class": "chip", title: "Show the evidence for this tie", onclick: function () { focusPair(id, other); } }, [
        el("span", { "class": "sq", style: { background: SIGN_COLOR[signKey(e.sign)] } }),
        nameOf(other) + " (" + (e.evidence || 0) + ")"
      ]));
    });
    panel.appendChild(chips);
    var list = (actorRels[id] || []).slice().sort(relOrder);
    panel.appendChild(el("h4", { text: "All evidence sentences (" + list.length + ")" }));
    panel.appendChild(evidenceList(list, 30));
    panel.scrollTop = 0;
  }
  function legendBox() {
    var legend = el("div", { "class": "legend" });
    var lines = el("div", { "class": "legend-row" }, el("b", { text: "Lines:" }));
    append(lines, [
      el("span", {}, [el("span", { "class": "sw", style: { borderColor: SIGN_COLOR["1"] } }), "friendly tie"]),
      el("span", {}, [el("span", { "class": "sw", style: { borderColor: SIGN_COLOR["-1"], borderTopStyle: "dashed" } }), "hostile tie"]),
      el("span", {}, [el("span", { "class": "sw", style: { borderColor: MIXED_COLOR, borderTopStyle: "dotted" } }), "mixed tie (cooperative and hostile)"]),
      el("span", {}, [el("span", { "class": "sw", style: { borderColor: SIGN_COLOR["0"] } }), "neutral tie"]),
      el("span", {}, [el("span", { "class": "sw", style: { borderColor: "#ffd34d", borderTopWidth: "8px" } }), "uneasy alliance (both friendly and hostile reports)"]),
      el("span", {}, [el("span", { "class": "sw thin", style: { borderColor: "#8a8f98" } }), el("span", { "class": "sw thick", style: { borderColor: "#8a8f98" } }), "more reports, thicker line"])
    ]);
    legend.appendChild(lines);
    var circles = el("div", { "class": "legend-row" }, el("b", { text: "Circles:" }));
    append(circles, el("span", { text: "one actor; size = mentions; colour = camp:" }));
    var groups = arr(H.camps);
    var seen = {};
    groups.forEach(function (g) {
      seen[g.camp] = true;
      var top = arr(g.members).slice(0, 3).map(nameOf).join(", ");
      append(circles, el("span", { "class": "legend-camp", title: arr(g.members).map(nameOf).join(", ") }, [
        el("span", { "class": "dot", style: { background: campColor(g.camp) } }),
        campName(g.camp) + (top ? " (" + top + (arr(g.members).length > 3 ? "…" : "") + ")" : "")]));
    });
    if (nodes.some(function (n) { return campOf(n.id) === null; }))
      append(circles, el("span", {}, [el("span", { "class": "dot", style: { background: NO_CAMP } }), "no camp"]));
    legend.appendChild(circles);
    return legend;
  }
  function netSection() {
    var s = section("network", "The actor network",
      "Who stands with whom. Click an actor or a line to read every sentence behind it; hover to see a summary. " +
      "Drag to pan, scroll to zoom. Negated and hypothetical statements are listed with the evidence but never drawn as ties.");
    if (!nodes.length) { s.appendChild(none("actors or ties")); return s; }
    var bar = el("div", { "class": "toolbar" });
    var dl = el("datalist", { id: "actor-names" });
    ranked.forEach(function (n) { dl.appendChild(el("option", { value: nameOf(n.id) })); });
    var search = el("input", { type: "search", id: "actor-search", placeholder: "Find an actor…", list: "actor-names", "aria-label": "Find an actor" });
    function doSearch() {
      var q = search.value.trim().toLowerCase();
      if (!q) return;
      var hit = ranked.filter(function (n) { return nameOf(n.id).toLowerCase() === q; })[0] ||
        ranked.filter(function (n) { return nameOf(n.id).toLowerCase().indexOf(q) >= 0 || String(n.id).toLowerCase() === q; })[0];
      search.style.borderColor = hit ? "" : "#d73027";
      if (hit) focusActor(hit.id);
    }
    search.addEventListener("change", doSearch);
    search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") doSearch(); });
    bar.appendChild(el("label", {}, [search, dl]));
    var slider = el("input", { type: "range", id: "top-n", min: Math.min(5, nodes.length), max: nodes.length, step: 1, value: topN, "aria-label": "Number of actors shown" });
    var sliderLabel = el("span", { id: "top-n-label", text: "Top " + topN + " actors by evidence" });
    var timer = null;
    slider.addEventListener("input", function () {
      topN = parseInt(slider.value, 10);
      syncSlider();
      clearTimeout(timer);
      timer = setTimeout(redraw, 200);
    });
    bar.appendChild(el("label", {}, [sliderLabel, slider]));
    var signs = el("span", { "class": "signs" }, el("span", { text: "Show:" }));
    [["1", "friendly"], ["-1", "hostile"], ["mixed", "mixed"], ["0", "neutral"]].forEach(function (p) {
      var box = el("input", { type: "checkbox", id: "show-sign-" + (p[0] === "-1" ? "neg" : p[0] === "1" ? "pos" : p[0] === "mixed" ? "mixed" : "neu"), checked: "checked" });
      box.addEventListener("change", function () { showSign[p[0]] = box.checked; redraw(); });
      signs.appendChild(el("label", {}, [box, el("span", { "class": "sq", style: { background: p[0] === "mixed" ? MIXED_COLOR : SIGN_COLOR[p[0]] } }), p[1]]));
    });
    bar.appendChild(signs);
    if (maxEvidence > 1) {
      var minBox = el("input", { type: "number", id: "min-evidence", min: 1, max: maxEvidence, value: 1, "aria-label": "Minimum reports per tie" });
      minBox.addEventListener("change", function () {
        minEvidence = Math.max(1, parseInt(minBox.value, 10) || 1);
        redraw();
      });
      bar.appendChild(el("label", { title: "hide ties backed by fewer reports" }, ["at least", minBox, "reports per tie"]));
    }
    var isolated = nodes.filter(function (n) { return !(score[n.id] > 0); }).length;
    if (isolated) {
      var isoBox = el("input", { type: "checkbox", id: "show-isolated" });
      isoBox.addEventListener("change", function () {
        showIsolated = isoBox.checked;
        topN = showIsolated ? Math.max(topN, Math.min(DEFAULT_TOP, nodes.length)) : topN;
        syncSlider();
        redraw();
      });
      bar.appendChild(el("label", { title: "actors that are mentioned but have no tie" }, [isoBox, "actors without ties (" + isolated + ")"]));
    }
    var shakes = 0;
    bar.appendChild(el("button", { text: "Re-arrange", title: "lay the network out again from another start", onclick: function () {
      shakes += 1;
      if (cy.nodes().length > SMALL_GRAPH) cy.nodes().positions(function () { return { x: Math.random() * 800, y: Math.random() * 600 }; });
      layout(shakes);
      scaleLabels();
      declutter();
    } }));
    bar.appendChild(el("button", { text: "Fit", onclick: function () { cy.fit(undefined, 30); declutter(); } }));
    counterEl = el("span", { "class": "counter" });
    bar.appendChild(counterEl);
    s.appendChild(bar);
    s.appendChild(legendBox());
    var wrap = el("div", { "class": "netwrap" });
    var cyBox = el("div", { id: "cy", role: "img", "aria-label": "Signed actor network" });
    tip = el("div", { "class": "cy-tip", id: "cy-tip", role: "status" });
    panel = el("aside", { "class": "panel", id: "evidence-panel", "aria-live": "polite" }, [
      el("h3", { text: "Evidence" }),
      el("p", { "class": "hint", text: "Click an actor or a line in the network (or a name anywhere in the report) to see every sentence behind it, with the words that express the relation highlighted." })
    ]);
    wrap.appendChild(el("div", { "class": "cybox" }, [cyBox, tip]));
    wrap.appendChild(panel);
    s.appendChild(wrap);
    return s;
  }
  function showTip(ev, parts) {
    if (!tip) return;
    clear(tip);
    parts.forEach(function (p, i) { tip.appendChild(el(i ? "div" : "b", { text: p })); });
    var pos = ev.renderedPosition || { x: 0, y: 0 };
    tip.style.left = Math.min(pos.x + 14, (cy ? cy.width() : 600) - 260) + "px";
    tip.style.top = (pos.y + 14) + "px";
    tip.style.display = "block";
  }
  function hideTip() { if (tip) tip.style.display = "none"; }
  function initGraph() {
    var box = document.getElementById("cy");
    if (!box || typeof cytoscape !== "function") return;
    var big = edges.length > 1500;
    cy = cytoscape({
      container: box,
      elements: [],
      minZoom: 0.05, maxZoom: 4,
      textureOnViewport: big, hideEdgesOnViewport: big, pixelRatio: "auto",
      style: [
        { selector: "node", style: {
          "background-color": "data(color)", width: "data(size)", height: "data(size)",
          label: "data(label)", "font-size": 12, color: "#1d2330", "text-valign": "bottom",
          "text-margin-y": 3, "text-background-color": "#ffffff", "text-background-opacity": 0.8,
          "text-background-padding": 2, "text-background-shape": "roundrectangle",
          "text-wrap": "wrap", "text-max-width": 150,
          "border-width": 2, "border-color": "#ffffff", "min-zoomed-font-size": 7, "z-index": "data(z)"
        } },
        { selector: "edge", style: {
          "line-color": "data(color)", width: "data(width)", "line-style": "data(style)",
          "curve-style": "bezier", opacity: 0.8
        } },
        { selector: "edge.dense", style: { opacity: 0.45 } },
        { selector: "edge.hay", style: { "curve-style": "haystack" } },
        { selector: "edge[uneasy = 1]", style: {
          "underlay-color": "#ffd34d", "underlay-opacity": 0.9, "underlay-padding": 6, opacity: 1,
          label: "data(elabel)", "font-size": 11, color: "#7a4a00", "font-weight": 600,
          "text-background-color": "#fff3d6", "text-background-opacity": 1, "text-background-padding": 2,
          "text-background-shape": "roundrectangle", "text-rotation": "autorotate", "z-index": 5
        } },
        { selector: "node:selected", style: { "border-color": "#1d2330", "border-width": 4 } },
        { selector: "edge:selected", style: { opacity: 1, "overlay-color": "#1d2330", "overlay-opacity": 0.22, "overlay-padding": 5 } },
        { selector: ".faded", style: { opacity: 0.12 } },
        // dimmed: faint, with no label box or underlay of their own (an underlay opacity on
        // a plain node would draw a grey box round it); an uneasy tie keeps a faint halo
        { selector: ".dim", style: { opacity: 0.16, "text-background-opacity": 0, "underlay-opacity": 0 } },
        { selector: "edge[uneasy = 1].dim", style: { "underlay-opacity": 0.12 } },
        { selector: "node.nolabel", style: { label: "" } },
        { selector: "node.hover, node:selected", style: { label: "data(name)", "z-index": 1000000 } }
      ]
    });
    cy.on("tap", "node", function (ev) { showActor(ev.target.data("actor")); spotlight(ev.target); });
    cy.on("tap", "edge", function (ev) {
      var e = edges[ev.target.data("idx")];
      if (e) showPair(e.source, e.target);
      spotlight(ev.target);
    });
    cy.on("tap", function (ev) { if (ev.target === cy) spotlight(null); });
    cy.on("mouseover", "node", function (ev) {
      ev.target.addClass("hover");
      var keep = ev.target.closedNeighborhood();
      cy.elements().not(keep).addClass("faded");
      var id = ev.target.data("actor"), n = nodeById[id] || {};
      showTip(ev, [nameOf(id), campName(campOf(id)) + " · " + plural(n.mentions || 0, "mention") + " · " + plural(n.degree || 0, "tie"), "Click to read its evidence"]);
    });
    cy.on("mouseover", "edge", function (ev) {
      var e = edges[ev.target.data("idx")];
      if (!e) return;
      var lines = [nameOf(e.source) + " — " + nameOf(e.target),
        stateOf(e) + " tie · " + edgeSummary(e)];
      if (uneasyKeys[pairKey(e.source, e.target)]) lines.push("An uneasy alliance");
      lines.push("Click to read the sentences");
      showTip(ev, lines);
    });
    cy.on("zoom", function () { scaleLabels(); hideTip(); declutterSoon(); });
    cy.on("pan", function () { hideTip(); declutterSoon(); });
    cy.on("dragfree", "node", declutterSoon);
    cy.on("mouseout", "node", function () { cy.elements().removeClass("faded"); cy.nodes().removeClass("hover"); hideTip(); });
    cy.on("mouseout", "edge", hideTip);
    redraw();
  }
  // dim everything but the chosen actor and its ties, or the chosen tie and its two actors
  function spotlight(x) {
    if (!cy) return;
    cy.elements().removeClass("dim");
    if (!x || !x.length) return;
    var keep = x.isNode() ? x.closedNeighborhood() : x.union(x.connectedNodes());
    cy.elements().not(keep).addClass("dim");
  }
  function selectIn(cyId) {
    if (!cy) return;
    cy.elements().unselect();
    var x = cy.getElementById(cyId);
    spotlight(x);
    if (x && x.length) {
      x.select();
      var bb = x.renderedBoundingBox(), w = cy.width(), h = cy.height();
      if (bb.x1 < 0 || bb.y1 < 0 || bb.x2 > w || bb.y2 > h) cy.animate({ center: { eles: x } }, { duration: 250 });
    }
  }
  function ensureVisible(ids, pair) {
    var vis = visibleActors();
    var missing = ids.filter(function (id) { return nodeById[id] && !vis[id]; });
    var e = pair ? edgeByKey[pairKey(ids[0], ids[1])] : null;
    var hidden = e && !edgeShown(e, vis) && !missing.length;
    if (missing.length || hidden) {
      missing.forEach(function (id) { pinned[id] = true; });
      if (e) pinnedPairs[pairKey(ids[0], ids[1])] = true;
      redraw();
    }
  }
  function revealNetwork() {
    var sec = document.getElementById("network");
    if (!sec) return;
    var top = sec.getBoundingClientRect().top;
    if (top < -200 || top > window.innerHeight * 0.6) sec.scrollIntoView();
  }
  function focusActor(id) {
    ensureVisible([id]);
    showActor(id);
    selectIn(cyIdOfActor[id]);
    revealNetwork();
  }
  function focusPair(a, b) {
    ensureVisible([a, b], true);
    showPair(a, b);
    var e = edgeByKey[pairKey(a, b)];
    if (e) selectIn("e" + edges.indexOf(e));
    revealNetwork();
  }

  // ---------- uneasy alliances ----------
  function alliancesSection() {
    var s = section("alliances", "Uneasy alliances",
      "Pairs of actors that are reported both working together and at odds, often because they share an enemy. " +
      "Each side of the evidence is listed with its sentences.");
    var list = arr(B.uneasy_alliances).filter(Boolean);
    if (!list.length) { s.appendChild(none("uneasy alliances")); return s; }
    var cards = el("div", { "class": "cards" });
    var extra = arr(V.alliances);
    list.forEach(function (u, ui) {
      var more = obj(extra[ui]);
      var card = el("div", { "class": "card" });
      card.appendChild(el("h3", {}, [actorChip(u.a), el("span", { "class": "arrow", text: "⇄" }), actorChip(u.b),
        typeof u.score === "number" ? el("span", { "class": "badge cat", title: "how uneasy: higher is more", text: "score " + fmt(u.score) }) : null,
        el("button", { "class": "linkish", text: "show in network", onclick: function () { focusPair(u.a, u.b); } })]));
      var reasons = arr(more.reasons).length ? arr(more.reasons) : arr(u.reason);
      if (reasons.length) {
        card.appendChild(el("p", { "class": "small", text: "Why uneasy: " + reasons.map(function (x) { return typeof x === "string" ? x.replace(/_/g, " ") : JSON.stringify(x); }).join("; ") + "." }));
      }
      var enemies = arr(more.enemies).length ? arr(more.enemies) : arr(u.shared_enemies).map(function (x) { return { id: x && typeof x === "object" ? (x.id || x.actor) : x, counted: true }; });
      if (enemies.length) {
        var chips = el("div", { "class": "chips" }, el("span", { "class": "small muted", text: "Common enemies:" }));
        enemies.forEach(function (x) {
          chips.appendChild(actorChip(x.id));
          if (!x.counted) chips.appendChild(el("span", { "class": "badge hypothetical", title: "for one side, the hostility rests only on hypothetical statements, which the network does not count", text: "partly uncounted" }));
        });
        card.appendChild(chips);
      }
      var pos = relsFromIds(u.positive_evidence), neg = relsFromIds(u.negative_evidence);
      card.appendChild(el("div", { "class": "twocol" }, [
        el("div", {}, [el("div", { "class": "colhead pos", text: "Working together (" + pos.length + ")" }), evidenceList(pos, 3, 320)]),
        el("div", {}, [el("div", { "class": "colhead neg", text: "At odds (" + neg.length + ")" }), evidenceList(neg, 3, 320)])
      ]));
      cards.appendChild(card);
    });
    s.appendChild(cards);
    return s;
  }

  // ---------- triangles ----------
  function triangleIcon(signs) {
    var pts = [[30, 6], [6, 50], [54, 50]];
    var g = svg("svg", { width: 60, height: 56, viewBox: "0 0 60 56", "aria-hidden": "true" });
    [[0, 1, 0], [1, 2, 1], [0, 2, 2]].forEach(function (p) {
      var s = signs[p[2]];
      g.appendChild(svg("line", { x1: pts[p[0]][0], y1: pts[p[0]][1], x2: pts[p[1]][0], y2: pts[p[1]][1],
        stroke: SIGN_COLOR[String(s === 1 ? 1 : s === -1 ? -1 : 0)], "stroke-width": 4, "stroke-dasharray": s === -1 ? "5 3" : null }));
    });
    pts.forEach(function (p) { g.appendChild(svg("circle", { cx: p[0], cy: p[1], r: 5, fill: "#1d2330" })); });
    return g;
  }
  // say in words why a triangle is unbalanced
  function triangleWhy(ns, sg) {
    if (ns.length !== 3 || sg.length !== 3) return "";
    var pairs = [[0, 1], [1, 2], [0, 2]];
    var pos = [0, 1, 2].filter(function (i) { return sg[i] === 1; });
    if (pos.length === 2) {
      var a = pairs[pos[0]], b = pairs[pos[1]];
      var hub = a.filter(function (x) { return b.indexOf(x) >= 0; })[0];
      var others = [0, 1, 2].filter(function (x) { return x !== hub; });
      return nameOf(ns[hub]) + " is friendly with both " + nameOf(ns[others[0]]) + " and " + nameOf(ns[others[1]]) + ", who are hostile to each other.";
    }
    if (pos.length === 0 && sg.every(function (x) { return x === -1; }))
      return "All three are hostile to one another; the strict rule expects two of them to side together against the third.";
    return "";
  }
  function trianglesSection() {
    var s = section("triangles", "Unbalanced triangles",
      "Three actors tied to one another form a triangle. It is balanced when the friend of a friend is a friend and " +
      "the enemy of an enemy is a friend; otherwise it is unbalanced, a sign of strain (someone must choose a side).");
    var t = obj(B.triangles);
    var census = obj(t.census);
    var ckeys = Object.keys(census);
    if (ckeys.length) {
      var explain = { "+++": "three friends: balanced", "++-": "two friends disagree about a third: unbalanced",
        "+--": "two friends share an enemy: balanced", "---": "three mutual enemies: balanced only in the weak sense" };
      var tb = el("tbody");
      ["+++", "++-", "+--", "---"].concat(ckeys.filter(function (k) { return !explain[k]; })).forEach(function (k) {
        if (census[k] === undefined) return;
        tb.appendChild(el("tr", {}, [el("td", {}, triangleIcon(k.split("").map(function (c) { return c === "+" ? 1 : -1; }))),
          el("td", { text: k }), el("td", { text: explain[k] || "" }), el("td", { "class": "num", text: fmt(census[k]) })]));
      });
      s.appendChild(el("table", {}, [el("thead", {}, el("tr", {}, [el("th", { text: "" }), el("th", { text: "signs" }), el("th", { text: "meaning" }), el("th", { "class": "num", text: "count" })])), tb]));
      var ratios = [];
      if (typeof t.strong_balance_ratio === "number") ratios.push(pct(t.strong_balance_ratio) + " of triangles are balanced in the strict sense");
      if (typeof t.weak_balance_ratio === "number") ratios.push(pct(t.weak_balance_ratio) + " when three mutual enemies count as balanced");
      if (ratios.length) s.appendChild(el("p", { text: ratios.join("; ") + "." }));
    }
    var list = arr(V.triangles).filter(Boolean);
    if (!list.length) { s.appendChild(none("unbalanced triangles")); return s; }
    var limit = 30;
    var box = el("div");
    function row(tr) {
      var ns = arr(tr.nodes), sg = arr(tr.signs);
      var names3 = el("div", { "class": "chips" });
      ns.forEach(function (n) { names3.appendChild(actorChip(n)); });
      var pairs = el("div", { "class": "small" });
      [[0, 1, 0], [1, 2, 1], [0, 2, 2]].forEach(function (p, i) {
        if (ns[p[0]] === undefined || ns[p[1]] === undefined) return;
        if (i) append(pairs, " · ");
        append(pairs, [nameOf(ns[p[0]]) + " – " + nameOf(ns[p[1]]) + " ", signBadge(sg[p[2]])]);
      });
      var why = triangleWhy(ns, sg);
      if (why) append(pairs, el("div", { "class": "tri-why", text: why }));
      var det = el("details", {}, el("summary", { text: "Evidence (" + arr(tr.relations).length + " sentences)" }));
      det.addEventListener("toggle", function () {
        if (det.open && det.childNodes.length === 1) det.appendChild(evidenceList(relsFromIds(tr.relations), 12));
      });
      return el("div", { "class": "tri-row" }, [triangleIcon(sg), el("div", { "class": "tri-text" }, [names3, pairs, det])]);
    }
    list.slice(0, limit).forEach(function (tr) { box.appendChild(row(tr)); });
    if (list.length > limit) box.appendChild(el("button", { text: "Show all " + list.length + " unbalanced triangles", onclick: function (ev) {
      ev.target.remove();
      list.slice(limit).forEach(function (tr) { box.appendChild(row(tr)); });
    } }));
    s.appendChild(box);
    return s;
  }

  // ---------- camps ----------
  function campsSection() {
    var fr = obj(B.frustration);
    var s = section("camps", "Camps",
      "The actors divided into the camps that best explain the ties: friendly ties inside a camp, hostile ties between camps.");
    var groups = {};
    Object.keys(camps).forEach(function (id) { (groups[camps[id]] = groups[camps[id]] || []).push(id); });
    var keys = Object.keys(groups).sort(function (a, b) { return a - b; });
    if (!keys.length) { s.appendChild(none("camps")); }
    else {
      var grid = el("div", { "class": "camps" });
      keys.forEach(function (k) {
        var c = parseInt(k, 10);
        var members = groups[k].sort(function (a, b) { return ((nodeById[b] || {}).mentions || 0) - ((nodeById[a] || {}).mentions || 0); });
        var chips = el("div", { "class": "chips" });
        members.forEach(function (id) { chips.appendChild(actorChip(id)); });
        grid.appendChild(el("div", { "class": "camp", style: { borderColor: campColor(c) } }, [
          el("h3", { style: { color: campColor(c) }, text: campName(c) + " (" + members.length + ")" }), chips]));
      });
      s.appendChild(grid);
    }
    if (typeof fr.index === "number") {
      var p = el("p", {});
      append(p, [el("b", { text: "Frustration index L = " + fmt(fr.index) }), ". " +
        "This is the smallest number of ties that go against any split into two camps (a friendly tie across camps or a hostile tie inside one). " +
        "0 would mean a clean split into friends and enemies."]);
      if (fr.exact === false) append(p, " This value comes from a fast heuristic; the true minimum is at least " + fmt(fr.lower_bound) + ".");
      else if (fr.exact === true) append(p, " It is exact.");
      s.appendChild(p);
    }
    var fe = arr(fr.frustrated_edges);
    if (fe.length) {
      s.appendChild(el("h3", { text: "Ties that go against the camps (" + fe.length + ")" }));
      var chips = el("div", { "class": "chips" });
      fe.forEach(function (pair) {
        var e = edgeByKey[pairKey(pair[0], pair[1])] || {};
        chips.appendChild(el("span", { "class": "chip", title: "Show the evidence", onclick: function () { focusPair(pair[0], pair[1]); } }, [
          el("span", { "class": "sq", style: { background: SIGN_COLOR[String(e.sign === 1 ? 1 : e.sign === -1 ? -1 : 0)] } }),
          nameOf(pair[0]) + " – " + nameOf(pair[1])]));
      });
      s.appendChild(chips);
    }
    // the signed communities, when they split the actors otherwise than the two camps
    var comm = arr(obj(B.coalitions).camps).filter(function (c) { return arr(c).length; });
    var same = comm.length === keys.length && comm.every(function (c) {
      var k = campOf(arr(c)[0]);
      return arr(c).every(function (id) { return campOf(id) === k; });
    });
    if (comm.length && !same) {
      var det = el("details", { id: "communities" }, el("summary", { text: "Another view: " + comm.length + " signed communities (any number of groups, not just two)" }));
      comm.forEach(function (c, i) {
        var chips2 = el("div", { "class": "chips" }, el("b", { "class": "small", text: "Group " + (i + 1) + " (" + arr(c).length + "):" }));
        arr(c).forEach(function (id) { chips2.appendChild(actorChip(id)); });
        det.appendChild(chips2);
      });
      s.appendChild(det);
    }
    var stats = obj(obj(B.coalitions).stats);
    var sk = Object.keys(stats);
    if (sk.length) {
      var tb = el("tbody");
      sk.forEach(function (k) {
        var v = stats[k];
        tb.appendChild(el("tr", {}, [el("td", { text: k.replace(/_/g, " ") }), el("td", { text: typeof v === "object" ? JSON.stringify(v) : fmt(v) })]));
      });
      s.appendChild(el("details", {}, [el("summary", { text: "Camp detection details" }), el("table", {}, tb)]));
    }
    return s;
  }

  // ---------- exposure paths ----------
  function exposureSection() {
    var s = section("exposure", "Exposure paths",
      "Chains of friendly ties that lead from an actor to one of its enemies: working with a friend can mean working, indirectly, with a foe. Choose an actor.");
    var ex = obj(V.exposure);
    var withPaths = Object.keys(ex).filter(function (k) { return arr(ex[k]).length; });
    if (!withPaths.length) { s.appendChild(none("exposure paths (no chain of friends leads any actor to one of its enemies)")); return s; }
    // every actor with a tie can be chosen; those with paths come first
    var actors = ranked.filter(function (n) { return score[n.id] > 0; }).map(function (n) { return n.id; });
    withPaths.forEach(function (k) { if (actors.indexOf(k) < 0) actors.push(k); });
    actors.sort(function (a, b) {
      return (arr(ex[b]).length ? 1 : 0) - (arr(ex[a]).length ? 1 : 0) || (score[b] || 0) - (score[a] || 0) || (nameOf(a) < nameOf(b) ? -1 : 1);
    });
    var sel = el("select", { id: "exposure-actor", "aria-label": "Actor" });
    actors.forEach(function (a) { sel.appendChild(el("option", { value: a, text: nameOf(a) + " (" + plural(arr(ex[a]).length, "path") + ")" })); });
    var out = el("div");
    function draw() {
      clear(out);
      var a = sel.value;
      var list = arr(ex[a]);
      if (!list.length) { out.appendChild(el("p", { "class": "none", text: "No chain of friendly ties leads " + nameOf(a) + " to one of its enemies." })); return; }
      var tb = el("tbody");
      list.forEach(function (p) {
        var path = arr(p.path);
        var cell = el("div", { "class": "chips" });
        path.forEach(function (n, i) {
          if (i) {
            var e = edgeByKey[pairKey(path[i - 1], n)] || {};
            var prev = path[i - 1];
            cell.appendChild(el("span", { "class": "arrow step", title: "show the evidence for this step", style: { color: SIGN_COLOR[signKey(e.sign)] },
              text: "→", onclick: function () { focusPair(prev, n); } }));
          }
          cell.appendChild(actorChip(n));
        });
        var end = p.enemy !== undefined && p.enemy !== null ? p.enemy : path[path.length - 1];
        var e2 = edgeByKey[pairKey(a, end)];
        var enemyCell = el("td", {}, [signBadge(-1, "enemy"), " ", el("span", { "class": "chip", title: "show why they are enemies", onclick: function () { focusPair(a, end); } },
          nameOf(a) + " – " + nameOf(end) + (e2 ? " (" + plural(e2.evidence || 0, "report") + ")" : ""))]);
        tb.appendChild(el("tr", {}, [el("td", {}, cell), enemyCell, el("td", { "class": "num", text: fmt(p.evidence) })]));
      });
      out.appendChild(el("table", {}, [el("thead", {}, el("tr", {}, [el("th", { text: "path through friends" }), el("th", { text: "yet hostile to each other" }), el("th", { "class": "num", text: "reports along the path" })])), tb]));
    }
    sel.addEventListener("change", draw);
    s.appendChild(el("label", { "class": "small" }, ["Actor: ", sel]));
    s.appendChild(out);
    draw();
    return s;
  }

  // ---------- timeline ----------
  function monthLabel(m) {
    var names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    return names[parseInt(m.slice(5, 7), 10) - 1] + " " + m.slice(0, 4);
  }
  function timelineSection() {
    var s = section("timeline", "Timeline of ties",
      "Reports of friendly (up, green) and hostile (down, red) relations per month, by the time each relation is about: its own date when the text gives one (\u201clast week\u201d, \u201con March 3\u201d), else the publication date of its document. Relations about the past are listed under History.");
    var t = obj(V.timeline);
    var months = arr(t.months);
    if (!months.length) { s.appendChild(none("documents have no publication dates")); timelineHistory(s, t); return s; }
    var counts = obj(t.counts);
    var colW = Math.max(10, Math.min(48, Math.floor(1000 / months.length)));
    var left = 230, width = left + months.length * colW + 20, h = 110;
    var maxUp = 1, maxDown = 1;
    months.forEach(function (m) {
      var c = obj(counts[m]);
      maxUp = Math.max(maxUp, (c.positive || 0) + (c.neutral || 0));
      maxDown = Math.max(maxDown, c.negative || 0);
    });
    var scale = h / Math.max(maxUp, maxDown);
    var g = svg("svg", { width: width, height: 2 * h + 66, role: "img", "aria-label": "Relations per month" });
    var mid = h + 22;
    g.appendChild(svg("line", { x1: left, x2: width - 10, y1: mid, y2: mid, stroke: "#9aa0aa" }));
    g.appendChild(svg("text", { x: left - 8, y: mid - h * maxUp / Math.max(maxUp, maxDown) + 10, "font-size": 11, "text-anchor": "end", fill: "#1a9850", text: "friendly: " + maxUp }));
    g.appendChild(svg("text", { x: left - 8, y: mid + h * maxDown / Math.max(maxUp, maxDown), "font-size": 11, "text-anchor": "end", fill: "#d73027", text: "hostile: " + maxDown }));
    g.appendChild(svg("text", { x: left - 8, y: mid + 4, "font-size": 11, "text-anchor": "end", fill: "#5d6676", text: "reports per month" }));
    var every = Math.ceil(months.length / 14);
    // label every few months, and every month that has reports when there is room
    var labelled = {};
    var minGap = Math.ceil(56 / colW);
    function room(i) {
      for (var k = i - minGap + 1; k < i + minGap; k++) if (labelled[k]) return false;
      return true;
    }
    months.forEach(function (m, i) {
      var c = obj(counts[m]);
      if ((c.positive || 0) + (c.negative || 0) + (c.neutral || 0) > 0 && room(i)) labelled[i] = true;
    });
    months.forEach(function (m, i) { if (i % every === 0 && room(i)) labelled[i] = true; });
    function showMonth(i) { return !!labelled[i]; }
    months.forEach(function (m, i) {
      var c = obj(counts[m]);
      var x = left + i * colW + 2, w = Math.max(4, colW - 4);
      var up = (c.positive || 0) * scale, neu = (c.neutral || 0) * scale, down = (c.negative || 0) * scale;
      var tip = monthLabel(m) + ": " + (c.positive || 0) + " friendly, " + (c.negative || 0) + " hostile, " + (c.neutral || 0) + " neutral" +
        (c.excluded ? ", " + c.excluded + " negated or hypothetical (not counted)" : "");
      var grp = svg("g", {}, svg("title", { text: tip }));
      if (up) grp.appendChild(svg("rect", { x: x, y: mid - up, width: w, height: up, fill: "#1a9850" }));
      if (neu) grp.appendChild(svg("rect", { x: x, y: mid - up - neu, width: w, height: neu, fill: "#9aa0aa" }));
      if (down) grp.appendChild(svg("rect", { x: x, y: mid, width: w, height: down, fill: "#d73027" }));
      grp.appendChild(svg("rect", { x: x - 2, y: 0, width: colW, height: 2 * h + 36, fill: "transparent" }));
      g.appendChild(grp);
      if (showMonth(i)) g.appendChild(svg("text", { x: x + w / 2, y: 2 * h + 58, "font-size": 10, "text-anchor": "middle", fill: "#5d6676", text: monthLabel(m) }));
      if (colW >= 18 && (c.positive || c.neutral)) g.appendChild(svg("text", { x: x + w / 2, y: mid - up - neu - 4, "font-size": 10, "text-anchor": "middle", fill: "#0f6b36", text: (c.positive || 0) + (c.neutral || 0) }));
      if (colW >= 18 && c.negative) g.appendChild(svg("text", { x: x + w / 2, y: mid + down + 12, "font-size": 10, "text-anchor": "middle", fill: "#a31f18", text: c.negative }));
    });
    s.appendChild(el("div", { "class": "chartbox" }, g));
    var pairs = arr(t.pairs);
    if (pairs.length) {
      s.appendChild(el("h3", { text: "The most reported pairs, month by month" }));
      var rowH = 26, lw = left;
      var pw = lw + months.length * colW + 20;
      var pg = svg("svg", { width: pw, height: pairs.length * rowH + 30, role: "img", "aria-label": "Pairs of actors over time" });
      pairs.forEach(function (p, r) {
        var y = r * rowH + 16;
        if (r % 2 === 0) pg.appendChild(svg("rect", { x: 0, y: y - 12, width: pw, height: rowH, fill: "#f5f6f8" }));
        var full = nameOf(p.a) + " – " + nameOf(p.b);
        var label = svg("text", { x: 4, y: y + 4, "font-size": 12, fill: "#1d2330", text: full.length > 34 ? full.slice(0, 33) + "…" : full, style: "cursor:pointer" },
          svg("title", { text: full + ": click to read the evidence" }));
        label.addEventListener("click", function () { focusPair(p.a, p.b); });
        pg.appendChild(label);
        months.forEach(function (m, i) {
          var c = obj(obj(p.months)[m]);
          var cx = lw + i * colW + colW / 2;
          var tip = nameOf(p.a) + " – " + nameOf(p.b) + ", " + monthLabel(m) + ": " + (c.positive || 0) + " friendly, " + (c.negative || 0) + " hostile";
          if (c.positive) pg.appendChild(svg("circle", { cx: cx, cy: y - 3, r: Math.min(colW / 2 - 1, 3 + 2 * Math.sqrt(c.positive)), fill: "#1a9850", opacity: 0.85 }, svg("title", { text: tip })));
          if (c.negative) pg.appendChild(svg("circle", { cx: cx, cy: y + 4, r: Math.min(colW / 2 - 1, 3 + 2 * Math.sqrt(c.negative)), fill: "#d73027", opacity: 0.85 }, svg("title", { text: tip })));
          if (c.neutral && !c.positive && !c.negative) pg.appendChild(svg("circle", { cx: cx, cy: y, r: 3, fill: "#9aa0aa" }, svg("title", { text: tip })));
        });
      });
      months.forEach(function (m, i) {
        if (showMonth(i)) pg.appendChild(svg("text", { x: lw + i * colW + colW / 2, y: pairs.length * rowH + 24, "font-size": 10, "text-anchor": "middle", fill: "#5d6676", text: monthLabel(m) }));
      });
      s.appendChild(el("div", { "class": "chartbox" }, pg));
    }
    if (t.by_own_time) s.appendChild(el("p", { "class": "small muted", text: plural(t.by_own_time, "relation") + " placed by the date the text gives, not the publication date." }));
    if (t.undated) s.appendChild(el("p", { "class": "small muted", text: plural(t.undated, "relation") + " from undated documents are not shown." }));
    timelineHistory(s, t);
    return s;
  }
  // relations about the past ("the days of the US occupation", "in 2003" in a 2016 article)
  function timelineHistory(s, t) {
    var hist = arr(t.history);
    if (!hist.length) return;
    var inNet = !!obj(B.meta).include_history;
    s.appendChild(el("h3", { text: "History" }));
    s.appendChild(el("p", { "class": "small muted", text: plural(hist.length, "relation") + " about the past" +
      (inNet ? " (counted in the network: --include-history)." : ", kept apart from the present network (--include-history counts them).") }));
    var tb = el("tbody");
    hist.forEach(function (h) {
      var when = h.start || h.end ? (h.start ? String(h.start).slice(0, h.precision === "day" ? 10 : h.precision === "month" ? 7 : 4) : "") +
        (h.end && h.end !== h.start && h.precision !== "day" && String(h.end).slice(0, 4) !== String(h.start || "").slice(0, 4) ? " \u2013 " + String(h.end).slice(0, 4) : "") : "the past";
      var pair = h.a && h.b ? pairCell(h.a, h.b) : el("span", { text: "" });
      tb.appendChild(el("tr", {}, [
        el("td", { text: when }),
        el("td", {}, pair),
        el("td", { "class": h.sign === 1 ? "pos" : h.sign === -1 ? "neg" : null, text: (h.sign === 1 ? "friendly" : h.sign === -1 ? "hostile" : "neutral") + (h.category ? " (" + h.category + ")" : "") }),
        el("td", { text: h.text ? "\u201c" + h.text + "\u201d" : "" }),
        el("td", { "class": "small", text: h.sentence || "" })
      ]));
    });
    s.appendChild(el("table", { id: "timeline-history" }, [el("thead", {}, el("tr", {}, ["when", "pair", "tie", "words", "sentence"].map(function (x) { return el("th", { text: x }); }))), tb]));
  }

  // ---------- outlets ----------
  function pairCell(a, b) {
    return el("span", { "class": "chip", title: "Show the evidence", onclick: function () { focusPair(a, b); } }, nameOf(a) + " – " + nameOf(b));
  }
  function toneBar(tn) {
    var p = Math.max(0, Math.min(1, tn.positive || 0)), n = Math.max(0, Math.min(1 - p, tn.negative || 0));
    return el("span", { "class": "tone", title: pct(p) + " of its relations friendly, " + pct(n) + " hostile" }, [
      el("span", { "class": "tone-bar" }, [el("span", { style: { width: (60 * p) + "px", background: "#1a9850" } }),
        el("span", { style: { width: (60 * n) + "px", background: "#d73027" } })]),
      el("span", { "class": "small", text: " " + pct(p) + " / " + pct(n) })]);
  }
  function outletsSection() {
    var s = section("outlets", "Outlets compared",
      "How each outlet tells the story, side by side: whom it covers and in what tone, whom it quotes, what it reports; then where the outlets differ.");
    var outs = obj(B.outlets);
    var names2 = Object.keys(outs).sort();
    var docCount = {}, docDates = {};
    arr(B.documents).forEach(function (d) {
      if (!d) return;
      docCount[d.outlet] = (docCount[d.outlet] || 0) + 1;
      if (d.published) (docDates[d.outlet] = docDates[d.outlet] || []).push(String(d.published).slice(0, 10));
    });
    if (!names2.length) s.appendChild(none("outlet data"));
    else {
      var head = el("tr", {}, [el("th", { text: "" })].concat(names2.map(function (o) { return el("th", { "class": "outlet-col", text: o }); })));
      var tb = el("tbody");
      function row(label, cells, cls) { tb.appendChild(el("tr", { "class": cls || null }, [el("th", { "class": "rowhead", text: label })].concat(cells))); }
      row("documents", names2.map(function (o) {
        var ds = (docDates[o] || []).sort();
        return el("td", { text: fmt(docCount[o] || 0) + (ds.length ? " · " + ds[0] + (ds[ds.length - 1] !== ds[0] ? " to " + ds[ds.length - 1] : "") : "") });
      }));
      // "actors" means what the header counts: actors in at least one tie
      row("actors in ties", names2.map(function (o) {
        var d = obj(outs[o]), n = typeof d.n_actors === "number" ? d.n_actors : null;
        if (n === null) { var seen = {}; arr(d.ties).filter(Boolean).forEach(function (t) { seen[t.a] = seen[t.b] = true; }); n = Object.keys(seen).length; }
        return el("td", { text: fmt(n) });
      }));
      row("actors mentioned", names2.map(function (o) { return el("td", { text: fmt(arr(obj(outs[o]).actors).length) }); }), "sub");
      row("ties reported", names2.map(function (o) {
        var ts = arr(obj(outs[o]).ties).filter(Boolean);
        var p = ts.filter(function (t) { return stateOf(t) === "friendly"; }).length, n = ts.filter(function (t) { return stateOf(t) === "hostile"; }).length;
        var m = ts.filter(function (t) { return stateOf(t) === "mixed"; }).length;
        return el("td", {}, [fmt(ts.length) + " ", el("span", { "class": "small", text: "(" }), el("span", { "class": "pos-t", text: p + " friendly" }), ", ", el("span", { "class": "neg-t", text: n + " hostile" }), ", " + m + " mixed", el("span", { "class": "small", text: ")" })]);
      }));
      var maxSrc = 1;
      names2.forEach(function (o) { var sr = obj(obj(outs[o]).sources); maxSrc = Math.max(maxSrc, (sr.named || 0) + (sr.anonymous || 0)); });
      row("sources quoted", names2.map(function (o) {
        var sr = obj(obj(outs[o]).sources), nm = sr.named || 0, an = sr.anonymous || 0;
        return el("td", {}, [el("span", { "class": "srcbar", title: nm + " named, " + an + " anonymous" }, [
          el("span", { "class": "named", style: { width: Math.round(120 * nm / maxSrc) + "px" } }),
          el("span", { "class": "anon", style: { width: Math.round(120 * an / maxSrc) + "px" } })]),
          " " + fmt(nm) + " named · " + fmt(an) + " anonymous" + (nm + an ? " (" + pct(an / (nm + an)) + " anonymous)" : "")]);
      }));
      var affKeys = [];
      names2.forEach(function (o) { Object.keys(obj(obj(obj(outs[o]).sources).by_affiliation)).forEach(function (k) { if (affKeys.indexOf(k) < 0) affKeys.push(k); }); });
      affKeys.filter(function (k) { return names2.some(function (o) { return obj(obj(obj(outs[o]).sources).by_affiliation)[k]; }); }).forEach(function (k) {
        row("· " + k.replace(/_/g, " "), names2.map(function (o) { return el("td", { "class": "small", text: fmt(obj(obj(obj(outs[o]).sources).by_affiliation)[k] || 0) }); }), "sub");
      });
      row("numbers reported", names2.map(function (o) { return el("td", { text: fmt(arr(obj(outs[o]).quantities).length) }); }));
      s.appendChild(el("div", { "class": "chartbox" }, el("table", { "class": "side", id: "outlet-table" }, [el("thead", {}, head), tb])));

      // actors side by side: share of mentions and tone per outlet
      var total = {}, byOutlet = {};
      names2.forEach(function (o) {
        byOutlet[o] = {};
        arr(obj(outs[o]).actors).filter(Boolean).forEach(function (a) {
          byOutlet[o][a.actor_id] = a;
          total[a.actor_id] = (total[a.actor_id] || 0) + (a.mentions || 0);
        });
      });
      var top = Object.keys(total).sort(function (a, b) { return total[b] - total[a] || (nameOf(a) < nameOf(b) ? -1 : 1); });
      if (top.length) {
        s.appendChild(el("h3", { text: "Who each outlet covers, and in what tone" }));
        s.appendChild(el("p", { "class": "small muted", text: "Share of the outlet's actor mentions, then the tone of the relations it reports about the actor (green friendly, red hostile). “not covered”: the outlet never names the actor." }));
        var tb3 = el("tbody");
        function actorRow(id) {
          tb3.appendChild(el("tr", {}, [el("td", {}, actorChip(id))].concat(names2.map(function (o) {
            var a = byOutlet[o][id];
            if (!a) return el("td", { "class": "not-covered", text: "not covered" });
            var tn = obj(obj(obj(outs[o]).tone)[id]);
            return el("td", { "class": "nowrap" }, [el("span", { "class": "bar", style: { width: Math.round(50 * Math.min(1, (a.share || 0) / 0.25)) + "px" } }),
              el("span", { "class": "small", text: pct(a.share) + " " }), tn.positive !== undefined || tn.negative !== undefined ? toneBar(tn) : el("span", { "class": "small muted", text: "no ties" })]);
          }))));
        }
        top.slice(0, 15).forEach(actorRow);
        var actTable = el("table", { "class": "side" }, [el("thead", {}, el("tr", {}, [el("th", { text: "actor" })].concat(names2.map(function (o) { return el("th", { "class": "outlet-col", text: o }); })))), tb3]);
        s.appendChild(el("div", { "class": "chartbox" }, actTable));
        if (top.length > 15) s.appendChild(el("button", { text: "Show all " + top.length + " actors", onclick: function (ev) { ev.target.remove(); top.slice(15).forEach(actorRow); } }));
      }

      // per outlet: the ties and the numbers it reports
      var grid = el("div", { "class": "outlets" });
      names2.forEach(function (o) {
        var d = obj(outs[o]);
        var card = el("div", { "class": "card" }, el("h4", { text: o }));
        var ties = arr(d.ties).filter(Boolean).slice().sort(function (x, y) { return (y.evidence || 0) - (x.evidence || 0); });
        if (ties.length) {
          var det = el("details", {}, el("summary", { text: "Ties " + o + " reports (" + ties.length + ")" }));
          var tb2 = el("tbody");
          ties.forEach(function (t) { tb2.appendChild(el("tr", {}, [el("td", {}, pairCell(t.a, t.b)), el("td", {}, stateBadge(t)), el("td", { "class": "num", text: fmt(t.evidence) })])); });
          det.appendChild(el("table", {}, tb2));
          card.appendChild(det);
        }
        var qs = arr(d.quantities);
        if (qs.length) {
          var det2 = el("details", {}, el("summary", { text: "Numbers " + o + " reports (" + qs.length + ")" }));
          var ul = el("ul", { "class": "small" });
          qs.forEach(function (q) {
            var rec = typeof q === "object" && q ? q : quantities[q];
            if (!rec) { ul.appendChild(el("li", { text: String(q) })); return; }
            ul.appendChild(el("li", { text: (rec.text || fmt(rec.value)) + (rec.concept ? " (" + rec.concept + (rec.actor_id ? ", " + nameOf(rec.actor_id) : "") + ")" : "") + (rec.date ? " · " + rec.date : "") }));
          });
          det2.appendChild(ul);
          card.appendChild(det2);
        }
        grid.appendChild(card);
      });
      s.appendChild(grid);
    }
    var dif = obj(B.outlet_differences);
    s.appendChild(el("h3", { text: "Where outlets differ" }));
    function table(title, heads, rows) {
      s.appendChild(el("h4", { text: title + " (" + rows.length + ")" }));
      if (!rows.length) { s.appendChild(none()); return; }
      var tb = el("tbody");
      function add(r) { tb.appendChild(el("tr", {}, r.map(function (c) { return el("td", {}, c); }))); }
      rows.slice(0, 8).forEach(add);
      s.appendChild(el("table", {}, [el("thead", {}, el("tr", {}, heads.map(function (h) { return el("th", { text: h }); }))), tb]));
      if (rows.length > 8) s.appendChild(el("button", { text: "Show all " + rows.length + " rows", onclick: function (ev) {
        ev.target.remove();
        rows.slice(8).forEach(add);
      } }));
    }
    table("Ties reported by one outlet only", ["outlet", "tie", "sign"], arr(dif.only_in).filter(Boolean).map(function (x) {
      return [x.outlet || "–", pairCell(x.a, x.b), stateBadge(x)];
    }));
    table("Ties the outlets see with opposite signs", ["tie", "signs by outlet"], arr(dif.opposite_sign).filter(Boolean).map(function (x) {
      var cell = el("span");
      var sg = obj(x.signs);
      var ks = Object.keys(sg);
      if (ks.length) ks.forEach(function (k, i) { append(cell, [i ? " · " : "", k + ": ", signBadge(sg[k])]); });
      else Object.keys(x).forEach(function (k) { if (k !== "a" && k !== "b") append(cell, k + ": " + JSON.stringify(x[k]) + " "); });
      return [pairCell(x.a, x.b), cell];
    }));
    table("Numbers that change or disagree", ["what", "values", "kind"], arr(dif.numbers).filter(Boolean).map(function (x) {
      var vals = arr(x.values).slice().sort(function (p, q) { return String(p.date) < String(q.date) ? -1 : 1; });
      var cell = el("span");
      vals.forEach(function (v, i) { append(cell, [i ? el("span", { "class": "arrow", text: "→" }) : "", el("b", { text: fmt(v.value) }), " (" + (v.outlet || "?") + ", " + (v.date || "undated") + ")"]); });
      return [(x.actor_id ? nameOf(x.actor_id) + " " : "") + (x.concept || "number"), cell,
        x.kind === "change_over_time" ? "change over time" : x.kind === "discrepancy" ? "discrepancy" : String(x.kind || "")];
    }));
    table("Actors not every outlet covers", ["actor", "covered by", "ignored by"], arr(dif.not_covered).filter(Boolean).map(function (x) {
      return [actorChip(x.actor_id), arr(x.covered_by).join(", ") || "–", arr(x.ignored_by).join(", ") || "–"];
    }));
    return s;
  }

  // ---------- quotes ----------
  function norm(t) { return String(t).toLowerCase().replace(/[^a-z0-9\u00c0-\uffff]+/g, " ").trim(); }
  function quotesSection() {
    var s = section("quotes", "Quotes by source",
      "Who is quoted, grouped by speaker; named sources first, then anonymous ones (described by role).");
    var qs = arr(B.quotes).filter(Boolean);
    if (!qs.length) { s.appendChild(none("quotes")); return s; }
    function quoteEl(q) {
      var txt = q.direct ? "“" + (q.text || "") + "”" : (q.text || "");
      var metaLine = el("div", { "class": "qm" });
      docLine(q.doc_id).forEach(function (p, i) { if (i) append(metaLine, " · "); append(metaLine, p); });
      if (!q.direct) append(metaLine, [" · ", el("span", { "class": "badge neu", text: "reported speech" })]);
      if (q.cue && q.cue.text) append(metaLine, " · cue: " + q.cue.text);
      return el("div", { "class": "quote" + (q.anonymous ? " anon" : "") }, [el("div", { "class": "qt", text: txt }), metaLine]);
    }
    var all = qs;
    var outletsQ = [];
    all.forEach(function (q) { var o = (docs[q.doc_id] || {}).outlet || "unknown outlet"; if (outletsQ.indexOf(o) < 0) outletsQ.push(o); });
    outletsQ.sort();
    var summary = el("p", { "class": "small" });
    outletsQ.forEach(function (o, i) {
      var mine = all.filter(function (q) { return ((docs[q.doc_id] || {}).outlet || "unknown outlet") === o; });
      var an = mine.filter(function (q) { return q.anonymous; }).length;
      append(summary, [i ? " · " : "", el("b", { text: o }), ": " + plural(mine.length - an, "named quote") + ", " + fmt(an) + " anonymous"]);
    });
    s.appendChild(summary);
    var holder = el("div");
    if (outletsQ.length > 1) {
      var pick = el("select", { id: "quotes-outlet", "aria-label": "Outlet" }, el("option", { value: "", text: "all outlets" }));
      outletsQ.forEach(function (o) { pick.appendChild(el("option", { value: o, text: o })); });
      pick.addEventListener("change", function () { clear(holder); holder.appendChild(columns(pick.value)); });
      s.appendChild(el("label", { "class": "small" }, ["Show quotes from: ", pick]));
    }
    holder.appendChild(columns(""));
    s.appendChild(holder);
    return s;
    function columns(outlet) {
      qs = outlet ? all.filter(function (q) { return ((docs[q.doc_id] || {}).outlet || "unknown outlet") === outlet; }) : all;
      var cols = el("div", { "class": "twocol" });
      [[false, "Named sources"], [true, "Anonymous sources"]].forEach(function (g) {
        var list = qs.filter(function (q) { return !!q.anonymous === g[0]; });
        var col = el("div", {}, el("h3", { text: g[1] + " (" + list.length + ")" }));
        if (!list.length) col.appendChild(none());
        var groups = {}, order = [];
        list.forEach(function (q) {
          var sp = obj(q.speaker);
          var key;
          if (g[0]) key = q.speaker_role || sp.text || "unnamed source";
          else if (sp.actor_name && sp.text && norm(sp.actor_name).indexOf(norm(sp.text)) >= 0) key = sp.actor_name;
          else key = sp.text || sp.actor_name || "unknown speaker";
          if (!groups[key]) { groups[key] = []; order.push(key); }
          groups[key].push(q);
        });
        if (!g[0]) {
          // "Galloway" and "Rankine-Galloway" are the "Adrian Rankine-Galloway" quoted earlier
          order.slice().forEach(function (k) {
            var nk = " " + norm(k) + " ";
            var into = order.filter(function (o) { return o !== k && o.length > k.length && norm(k).length >= 4 && (" " + norm(o) + " ").indexOf(nk) >= 0; })
              .sort(function (a, b) { return b.length - a.length; })[0];
            if (into) { groups[into] = groups[into].concat(groups[k]); delete groups[k]; order.splice(order.indexOf(k), 1); }
          });
        }
        order.sort(function (a, b) { return groups[b].length - groups[a].length; });
        order.forEach(function (k) {
          var first = groups[k][0];
          var sp = obj(first.speaker);
          var head = el("div", { "class": "speaker" }, [k]);
          if (!g[0] && first.speaker_role && k.toLowerCase().indexOf(String(first.speaker_role).toLowerCase()) < 0) append(head, el("span", { "class": "role", text: ", " + first.speaker_role }));
          if (sp.actor_id && norm(nameOf(sp.actor_id)) !== norm(k)) append(head, [" ", actorChip(sp.actor_id)]);
          if (g[0]) append(head, [" ", el("span", { "class": "badge anon", text: "anonymous" })]);
          col.appendChild(head);
          groups[k].forEach(function (q) { col.appendChild(quoteEl(q)); });
        });
        cols.appendChild(col);
      });
      return cols;
    }
  }

  // ---------- acts ----------
  // one-actor events: no tie, so not in the network; grouped by who acted, most active first
  function actsSection() {
    var s = section("acts", "Acts by one actor",
      "What an actor did that names no other actor: a surrender, a strike, a mobilisation, a release. No tie, so the network leaves them out; denied and hypothetical ones are marked.");
    var list = arr(B.acts).filter(Boolean);
    if (!list.length) { s.appendChild(none("acts")); return s; }
    var groups = {}, order = [];
    list.forEach(function (a) {
      var id = obj(a.source).actor_id || "?";
      if (!groups[id]) { groups[id] = []; order.push(id); }
      groups[id].push(a);
    });
    order.sort(function (x, y) { return groups[y].length - groups[x].length || (x < y ? -1 : 1); });
    order.forEach(function (id) {
      var who = obj(groups[id][0].source);
      s.appendChild(el("h3", { "class": "act-actor", text: (who.actor_name || nameOf(id)) + " (" + groups[id].length + ")" }));
      groups[id].sort(relOrder).forEach(function (a) {
        var meta = el("div", { "class": "ev-meta" });
        append(meta, el("span", { "class": "badge cat", title: "act category", text: (a.category || "?") + (a.mode ? " / " + a.mode : "") }));
        if (a.negated) append(meta, [" ", el("span", { "class": "badge neu", title: "the sentence denies this act", text: "denied" })]);
        if (a.hypothetical) append(meta, [" ", el("span", { "class": "badge neu", title: "said of the future, wished or conditional", text: "hypothetical" })]);
        docLine(a.doc_id).forEach(function (p) { append(meta, [" · ", p]); });
        s.appendChild(el("div", { "class": "act" }, [meta, highlighted(a, 320)]));
      });
    });
    return s;
  }

  // ---------- numbers ----------
  function lineChart(title, points) {
    var W = 560, H = 190, L = 64, R = 44, T = 34, Bm = 30;
    var ts = points.map(function (p) { return p.t; }), vs = points.map(function (p) { return p.value; });
    var t0 = Math.min.apply(null, ts), t1 = Math.max.apply(null, ts);
    var vmax = Math.max.apply(null, vs) * 1.15 || 1;
    function x(t) { return t1 === t0 ? (L + W - R) / 2 : L + (W - L - R) * (t - t0) / (t1 - t0); }
    function y(v) { return T + (H - T - Bm) * (1 - v / vmax); }
    var g = svg("svg", { viewBox: "0 0 " + W + " " + H, width: "100%", style: "max-width:" + W + "px", role: "img", "aria-label": title });
    g.appendChild(svg("text", { x: 4, y: 14, "font-size": 12, "font-weight": 600, fill: "#1d2330", text: title }));
    g.appendChild(svg("line", { x1: L, x2: W - R, y1: H - Bm, y2: H - Bm, stroke: "#c4cad6" }));
    g.appendChild(svg("line", { x1: L, x2: L, y1: T, y2: H - Bm, stroke: "#c4cad6" }));
    g.appendChild(svg("text", { x: L - 4, y: y(0) + 4, "font-size": 10, "text-anchor": "end", fill: "#5d6676", text: "0" }));
    g.appendChild(svg("text", { x: L - 4, y: y(vmax / 1.15) + 4, "font-size": 10, "text-anchor": "end", fill: "#5d6676", text: fmt(Math.round(vmax / 1.15)) }));
    g.appendChild(svg("line", { x1: L, x2: W - R, y1: y(vmax / 1.15), y2: y(vmax / 1.15), stroke: "#eceef2" }));
    var d = points.map(function (p, i) { return (i ? "L" : "M") + x(p.t).toFixed(1) + " " + y(p.value).toFixed(1); }).join(" ");
    var seen = {}, sameDate = points.some(function (p) { var dup = seen[p.t]; seen[p.t] = true; return dup; });
    // a line only makes sense when each date has one value; otherwise show the points alone
    if (!sameDate) g.appendChild(svg("path", { d: d, fill: "none", stroke: "#3f6fd1", "stroke-width": 2 }));
    var lastLabel = -1e9, lastDate = -1e9;
    points.forEach(function (p) {
      var px = x(p.t);
      g.appendChild(svg("circle", { cx: x(p.t), cy: y(p.value), r: 4.5, fill: "#3f6fd1" },
        svg("title", { text: fmt(p.value) + " · " + p.outlet + " · " + p.date + (p.text ? " · " + p.text : "") })));
      if (px - lastLabel > 40) { g.appendChild(svg("text", { x: px, y: y(p.value) - 9, "font-size": 11, "text-anchor": "middle", fill: "#1d2330", text: fmt(p.value) })); lastLabel = px; }
      if (px - lastDate > 56) { g.appendChild(svg("text", { x: px, y: H - Bm + 15, "font-size": 10, "text-anchor": "middle", fill: "#5d6676", text: String(p.date).slice(0, 7) })); lastDate = px; }
    });
    return g;
  }
  function numberText(q) {
    var val = fmt(q.value), lo = typeof q.low === "number", hi = typeof q.high === "number";
    if (lo && hi && q.low !== q.high) return fmt(q.low) + "–" + fmt(q.high);
    if (lo && !hi) return "over " + fmt(q.low);
    if (hi && !lo) return "up to " + fmt(q.high);
    return (q.approximate ? "about " : "") + val;
  }
  function numbersSection() {
    var s = section("numbers", "Reported numbers over time",
      "Numbers the articles report (troops, fighters, casualties…), grouped by what they count and whose they are, in date order. " +
      "A chart is drawn when a number is reported on two or more dates; additions (“1,500 more troops”) are listed but not drawn as totals.");
    var qs = arr(B.quantities).filter(Boolean);
    if (!qs.length) { s.appendChild(none("numbers")); return s; }
    function qDate(q) { return q.date || docDate(q.doc_id) || ""; }
    var groups = {}, order = [];
    qs.forEach(function (q) {
      var key = (q.actor_id ? nameOf(q.actor_id) + " " : "") + (q.concept || q.unit || "other");
      if (!groups[key]) { groups[key] = []; order.push(key); }
      groups[key].push(q);
    });
    order.sort(function (a, b) {
      var wa = groups[a][0].actor_id ? 1 : 0, wb = groups[b][0].actor_id ? 1 : 0;
      return wb - wa || groups[b].length - groups[a].length || (a < b ? -1 : 1);
    });
    var charts = el("div", { "class": "charts" });
    order.forEach(function (k) {
      var pts = groups[k].filter(function (q) { return q.change !== "up" && q.change !== "down"; }).map(function (q) {
        var d = qDate(q);
        return { t: toTime(d), value: q.value, date: d, outlet: (docs[q.doc_id] || {}).outlet || "?", text: q.text };
      }).filter(function (p) { return isFinite(p.t) && typeof p.value === "number"; }).sort(function (a, b) { return a.t - b.t; });
      var distinct = {};
      pts.forEach(function (p) { distinct[p.t] = true; });
      if (Object.keys(distinct).length >= 2) charts.appendChild(el("div", { "class": "card" }, lineChart(k, pts)));
    });
    if (charts.childNodes.length) s.appendChild(charts);
    function table(keys) {
      var tb = el("tbody");
      keys.forEach(function (k) {
        groups[k].slice().sort(function (a, b) { return qDate(a) < qDate(b) ? -1 : 1; }).forEach(function (q) {
          var ch = q.change === "up" ? "▲ more" : q.change === "down" ? "▼ fewer" : "";
          var sentence = obj(q.sentence).text ? highlighted({ sentence: q.sentence, trigger: { text: q.text, start: q.start, end: q.end } }, 320) : el("span", { text: q.text || "" });
          tb.appendChild(el("tr", {}, [el("td", { text: k }), el("td", { "class": "num nowrap" }, el("b", { text: numberText(q) })), el("td", { "class": "nowrap", text: ch }),
            el("td", { "class": "nowrap", text: qDate(q) || "undated" }), el("td", { text: (docs[q.doc_id] || {}).outlet || "–" }), el("td", {}, sentence)]));
        });
      });
      return el("table", {}, [el("thead", {}, el("tr", {}, ["what", "value", "change", "date", "outlet", "sentence"].map(function (h) { return el("th", { text: h }); }))), tb]);
    }
    // numbers tied to an actor first; the rest (years, "two ways"…) folded away
    var owned = order.filter(function (k) { return groups[k][0].actor_id; });
    var rest = order.filter(function (k) { return !groups[k][0].actor_id; });
    if (owned.length) s.appendChild(table(owned));
    if (rest.length) {
      var n = rest.reduce(function (t, k) { return t + groups[k].length; }, 0);
      var det = el("details", { "class": "other-numbers" }, el("summary", { text: "Other numbers, not tied to an actor (" + n + ")" }));
      det.appendChild(table(rest));
      if (!owned.length) det.open = true;
      s.appendChild(det);
    }
    return s;
  }

  // ---------- documents ----------
  function documentsSection() {
    var s = section("documents", "Documents");
    var ds = arr(B.documents).filter(Boolean);
    if (!ds.length) s.appendChild(none("documents"));
    else {
      var tb = el("tbody");
      ds.forEach(function (d) {
        var url = safeUrl(d.url);
        tb.appendChild(el("tr", {}, [el("td", { text: d.title || d.doc_id }), el("td", { text: d.outlet || "–" }),
          el("td", { text: d.published ? String(d.published).slice(0, 10) : "undated" }),
          el("td", { "class": "num", text: fmt(d.n_chars) }),
          el("td", {}, url ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank", text: url }) : (d.url ? String(d.url) : "–"))]));
      });
      s.appendChild(el("table", {}, [el("thead", {}, el("tr", {}, ["title", "outlet", "published", "characters", "address"].map(function (h, i) { return el("th", { "class": i === 3 ? "num" : null, text: h }); }))), tb]));
    }
    var cut = meta.truncated;  // a report from a large store embeds part of the evidence
    if (cut && cut.total && cut.embedded) {
      s.appendChild(el("h3", { text: "Not embedded" }));
      s.appendChild(el("p", { "class": "small", text: "This report embeds " + ["documents", "relations", "quotes", "quantities"].map(function (k) { return fmt(cut.embedded[k]) + " of " + fmt(cut.total[k]) + " " + k; }).join(", ") + (cut.evidence_per_tie ? " (the " + cut.evidence_per_tie + " heaviest reports of each tie; its counts are whole)" : "") + ". The rest: " + String(cut.how_to_get_the_rest || "") }));
    }
    var skipped = arr(meta.skipped);
    if (skipped.length || meta.n_skipped) {
      s.appendChild(el("h3", { text: "Skipped (" + (meta.n_skipped || skipped.length) + ")" }));
      var ul = el("ul", { "class": "small" });
      skipped.forEach(function (m) { ul.appendChild(el("li", { text: String(m) })); });
      s.appendChild(ul);
    }
    return s;
  }

  // ---------- assemble ----------
  app.appendChild(header());
  app.appendChild(nav());
  var main = el("main");
  app.appendChild(main);
  [findingsSection, netSection, alliancesSection, trianglesSection, campsSection, exposureSection,
   timelineSection, outletsSection, quotesSection, actsSection, numbersSection, documentsSection].forEach(function (f) {
    try { main.appendChild(f()); }
    catch (err) { main.appendChild(el("section", {}, el("p", { "class": "none", text: "This section could not be drawn: " + err })));
      if (window.console) console.error(err); }
  });
  app.appendChild(el("footer", { text: "Made with allegiance. Everything in this file works offline; the data is embedded as JSON." }));
  initGraph();
  syncSlider();

  // hook for tests and for users who want to script the page
  window.__allegiance = {
    cy: cy, data: DATA,
    selectActor: focusActor, selectPair: focusPair,
    setTopN: function (n) {
      topN = Math.max(1, Math.min(nodes.length, n));
      syncSlider();
      redraw();
    },
    edgeIndex: function (a, b) { var e = edgeByKey[pairKey(a, b)]; return e ? edges.indexOf(e) : -1; }
  };
  window.__allegianceReady = true;
})();
