/* allegiance report: where events happened, on an offline world map.
 * Country outlines: Natural Earth (public domain), simplified and shipped with the package
 * (allegiance/geo/data/countries.json), inlined as ALLEGIANCE_COUNTRIES. No tiles, no requests.
 * Draws an equirectangular SVG map with one circle per place (area ~ number of reports),
 * and a table of events with their reports, outlets, first/last dates and location. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var dataEl = document.getElementById("allegiance-data");
  var DATA = JSON.parse((dataEl && dataEl.textContent) || "{}");
  var B = DATA.bundle || {};
  var COUNTRIES = (typeof ALLEGIANCE_COUNTRIES !== "undefined" && ALLEGIANCE_COUNTRIES) || { countries: [] };
  var W = 960, H = 480;

  function node(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] != null) e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = String(text);
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function x(lon) { return ((Number(lon) + 180) / 360) * W; }
  function y(lat) { return ((90 - Number(lat)) / 180) * H; }

  function mapSection() {
    var events = Array.isArray(B.events) ? B.events : [];
    var s = node("section", { id: "events", "class": "events" });
    s.appendChild(node("h2", {}, "Events and where they happened"));
    s.appendChild(node("p", { "class": "intro" },
      "Relations that report the same happening, clustered across articles (stances are not events). " +
      "Places are resolved offline (GeoNames, CC BY 4.0; outlines: Natural Earth, public domain); " +
      "each comes with the resolver's confidence."));
    if (!events.length) { s.appendChild(node("p", { "class": "none" }, "No events were found.")); return s; }

    var places = {};
    events.forEach(function (ev) {
      var loc = ev.location;
      if (!loc || loc.lat == null || loc.lon == null) return;
      var key = loc.name + "|" + loc.country;
      var p = places[key] || (places[key] = { name: loc.name, country: loc.country, lat: loc.lat, lon: loc.lon, events: 0, reports: 0, conf: 0 });
      p.events += 1;
      p.reports += Number(ev.n_reports) || 1;
      p.conf = Math.max(p.conf, Number(loc.confidence) || 0);
    });
    var map = svg("svg", { viewBox: "0 0 " + W + " " + H, width: "100%", role: "img", "aria-label": "map of events", "class": "event-map" });
    map.appendChild(svg("rect", { x: 0, y: 0, width: W, height: H, fill: "#eef3f7" }));
    for (var lon = -180; lon <= 180; lon += 30) map.appendChild(svg("line", { x1: x(lon), y1: 0, x2: x(lon), y2: H, stroke: "#d6dee6", "stroke-width": 0.5 }));
    for (var lat = -90; lat <= 90; lat += 30) map.appendChild(svg("line", { x1: 0, y1: y(lat), x2: W, y2: y(lat), stroke: "#d6dee6", "stroke-width": 0.5 }));
    (COUNTRIES.countries || []).forEach(function (c) {
      var d = (c.rings || []).map(function (ring) {
        return "M" + ring.map(function (pt) { return x(pt[0]).toFixed(1) + "," + y(pt[1]).toFixed(1); }).join("L") + "Z";
      }).join("");
      if (!d) return;
      var path = svg("path", { d: d, fill: "#dfe5dc", stroke: "#9aa59a", "stroke-width": 0.4, "fill-rule": "evenodd" });
      var t = svg("title", {}); t.textContent = c.name; path.appendChild(t);
      map.appendChild(path);
    });
    Object.keys(places).sort().forEach(function (k) {
      var p = places[k];
      var r = 3 + 2.5 * Math.sqrt(p.reports);
      var dot = svg("circle", { cx: x(p.lon).toFixed(1), cy: y(p.lat).toFixed(1), r: r.toFixed(1),
        fill: "#c0392b", "fill-opacity": (0.35 + 0.5 * p.conf).toFixed(2), stroke: "#7b241c", "stroke-width": 0.6, "class": "event-place" });
      var t = svg("title", {});
      t.textContent = p.name + " (" + (p.country || "?") + "): " + p.events + " events, " + p.reports + " reports; confidence " + p.conf.toFixed(2);
      dot.appendChild(t);
      map.appendChild(dot);
    });
    s.appendChild(map);

    var tl = B.event_timeline || {};
    var months = Object.keys(tl.months || {});
    if (months.length) {
      var tb0 = node("tbody");
      months.forEach(function (m) {
        var row = node("tr");
        row.appendChild(node("td", {}, m));
        row.appendChild(node("td", { "class": "num" }, tl.months[m].events));
        row.appendChild(node("td", { "class": "num" }, tl.months[m].reports));
        tb0.appendChild(row);
      });
      var t0 = node("table", { "class": "event-timeline" });
      var h0 = node("tr");
      ["month", "events", "reports"].forEach(function (h) { h0.appendChild(node("th", {}, h)); });
      var th0 = node("thead"); th0.appendChild(h0); t0.appendChild(th0); t0.appendChild(tb0);
      s.appendChild(node("h3", {}, "Events by month of first report"));
      s.appendChild(t0);
    }

    var ties = ((B.network || {}).edges || []).filter(function (e) { return Number(e.n_events) > 0; });
    if (ties.length) {
      ties.sort(function (a, b) { return (b.n_events - a.n_events) || (b.n_reports - a.n_reports); });
      var names = {};
      ((B.network || {}).nodes || []).forEach(function (n) { names[n.id] = n.name || n.id; });
      var tbt = node("tbody");
      ties.slice(0, 25).forEach(function (e) {
        var row = node("tr");
        row.appendChild(node("td", {}, (names[e.source] || e.source) + " – " + (names[e.target] || e.target)));
        row.appendChild(node("td", { "class": "num" }, e.n_events));
        row.appendChild(node("td", { "class": "num" }, e.n_reports));
        row.appendChild(node("td", {}, e.state || ""));
        tbt.appendChild(row);
      });
      var tt = node("table", { "class": "event-ties" });
      var ht = node("tr");
      ["tie", "events", "reports", "state"].forEach(function (h) { ht.appendChild(node("th", {}, h)); });
      var tht = node("thead"); tht.appendChild(ht); tt.appendChild(tht); tt.appendChild(tbt);
      s.appendChild(node("h3", {}, "Ties by the events they rest on"));
      s.appendChild(tt);
    }

    var tbody = node("tbody");
    events.slice(0, 200).forEach(function (ev) {
      var row = node("tr");
      var loc = ev.location;
      [ev.category + (ev.mode ? "/" + ev.mode : ""),
       (ev.source_name || ev.source) + " → " + (ev.target_name || ev.target),
       ev.n_reports, (ev.outlets || []).join(", ") || "–",
       ev.first_reported ? ev.first_reported + (ev.last_reported && ev.last_reported !== ev.first_reported ? " – " + ev.last_reported : "") : "undated",
       loc ? loc.as_written + (loc.name !== loc.as_written ? " (" + loc.name + ")" : "") + ", " + (loc.country || "?") + " · " + Number(loc.confidence).toFixed(2) : "–",
       ((ev.reports || [])[0] || {}).sentence || ""].forEach(function (v, i) {
        row.appendChild(node("td", { "class": i === 2 ? "num" : (i === 6 ? "small" : null) }, v));
      });
      tbody.appendChild(row);
    });
    var table = node("table", { "class": "events-table" });
    var head = node("tr");
    ["event", "actors", "reports", "outlets", "reported", "where (confidence)", "evidence"].forEach(function (h) { head.appendChild(node("th", {}, h)); });
    var thead = node("thead"); thead.appendChild(head);
    table.appendChild(thead); table.appendChild(tbody);
    s.appendChild(node("h3", {}, "Events (" + events.length + ")"));
    s.appendChild(table);
    return s;
  }

  try {
    var main = document.querySelector("main") || document.getElementById("app") || document.body;
    var sec = mapSection();
    var docs = document.getElementById("documents");
    if (docs && docs.parentNode === main) main.insertBefore(sec, docs); else main.appendChild(sec);
    var toc = document.querySelector("nav.toc");
    if (toc) {
      var a = node("a", { href: "#events" }, "Events");
      toc.appendChild(a);
    }
    window.__allegianceMap = { places: document.querySelectorAll("circle.event-place").length };
  } catch (err) {
    if (window.console) console.error(err);
  }
})();
