"""The report in a real headless Chromium: drawn, clickable, offline, and inert to markup."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from allegiance.report import render_report

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _chromium() -> str | None:
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module (skipped when no chromium binary exists)."""
    exe = _chromium()
    if exe is None:
        pytest.skip("no chromium binary (apt-get install chromium); browser tests skipped")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Opened:
    """A loaded report page with what it logged and requested."""

    def __init__(self, page: Any, errors: list[str], requests: list[str]) -> None:
        self.page = page
        self.errors = errors
        self.requests = requests


@pytest.fixture
def open_report(browser: Any, tmp_path: Path) -> Iterator[Any]:
    """Render a bundle to a file and open it via file://, recording errors and requests."""
    pages: list[Any] = []

    def _open(bundle: dict[str, Any], name: str = "report.html") -> Opened:
        path = render_report(bundle, tmp_path / name)
        page = browser.new_page(viewport={"width": 1400, "height": 950})
        pages.append(page)
        errors: list[str] = []
        requests: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.__allegianceReady === true", timeout=60_000)
        return Opened(page, errors, requests)

    yield _open
    for p in pages:
        p.close()


def _canvas_has_ink(page: Any) -> bool:
    return bool(
        page.evaluate(
            """() => Array.from(document.querySelectorAll('#cy canvas')).some(c => {
                 const ctx = c.getContext('2d');
                 if (!ctx || !c.width || !c.height) return false;
                 const d = ctx.getImageData(0, 0, c.width, c.height).data;
                 for (let i = 3; i < d.length; i += 4) if (d[i] > 0) return true;
                 return false; })"""
        )
    )


def _tap_edge(page: Any, a: str, b: str) -> None:
    idx = page.evaluate(f"window.__allegiance.edgeIndex({a!r}, {b!r})")
    assert idx >= 0
    page.evaluate(f"() => {{ window.__allegiance.cy.getElementById('e{idx}').emit('tap'); }}")


def test_sample_report_draws_the_network_offline(
    open_report: Any, sample_bundle: dict[str, Any], output_dir: Path
) -> None:
    r = open_report(sample_bundle)
    page = r.page
    assert r.errors == []
    assert [u for u in r.requests if not u.startswith("file://")] == []
    n_nodes = len(sample_bundle["network"]["nodes"])
    assert page.evaluate("window.__allegiance.cy.nodes().length") == n_nodes
    assert page.evaluate("window.__allegiance.cy.edges().length") == len(
        sample_bundle["network"]["edges"]
    )
    assert _canvas_has_ink(page)
    # every section is there, and the key findings name the uneasy alliance
    for sec in ("findings", "network", "alliances", "triangles", "camps", "exposure",
                "timeline", "outlets", "quotes", "acts", "numbers", "documents"):  # fmt: skip
        assert page.locator(f"section#{sec}").count() == 1
    assert "Uneasy alliance: Iran and United States" in page.locator("#findings").inner_text()
    page.screenshot(path=str(output_dir / "report_sample_top.png"))
    page.screenshot(path=str(output_dir / "report_sample_full.png"), full_page=True)


def test_tapping_a_tie_lists_its_evidence_with_the_trigger_marked(
    open_report: Any, sample_bundle: dict[str, Any], output_dir: Path
) -> None:
    page = open_report(sample_bundle).page
    _tap_edge(page, "USA", "IRN")
    panel = page.locator("#evidence-panel")
    pair = [r for r in sample_bundle["relations"]
            if {r["source"]["actor_id"], r["target"]["actor_id"]} == {"USA", "IRN"}]  # fmt: skip
    assert panel.locator("li.ev").count() == len(pair)
    marks = panel.locator("mark.trigger").all_inner_texts()
    assert sorted(marks) == sorted(r["trigger"]["text"] for r in pair)
    # the negated statements are shown, flagged, and set apart from the counted evidence
    n_negated = sum(r["negated"] for r in pair)
    assert n_negated and panel.locator(".badge.negated").count() == n_negated
    assert panel.locator("li.ev.excluded").count() == n_negated
    assert "Al Jazeera" in panel.inner_text() and "2014-11-12" in panel.inner_text()
    page.locator("#network").screenshot(path=str(output_dir / "report_sample_tie_panel.png"))


def test_clicking_a_node_shows_the_actor(open_report: Any, sample_bundle: dict[str, Any]) -> None:
    page = open_report(sample_bundle).page
    page.evaluate(
        "window.scrollTo({top: document.getElementById('network').offsetTop, behavior: 'instant'})"
    )
    page.wait_for_timeout(100)
    pos = page.evaluate(
        """() => { const cy = window.__allegiance.cy;
                   const n = cy.nodes().filter(x => x.data('actor') === 'TUR')[0];
                   const p = n.renderedPosition(); const box = cy.container().getBoundingClientRect();
                   return [box.left + p.x, box.top + p.y]; }"""
    )
    page.mouse.click(pos[0], pos[1])
    panel = page.locator("#evidence-panel")
    assert panel.locator("h3").first.inner_text().strip() == "Turkey"
    turkey = [r for r in sample_bundle["relations"]
              if "TUR" in (r["source"]["actor_id"], r["target"]["actor_id"])]  # fmt: skip
    assert panel.locator("li.ev").count() == len(turkey)


def test_search_box_finds_an_actor(open_report: Any, sample_bundle: dict[str, Any]) -> None:
    page = open_report(sample_bundle).page
    page.fill("#actor-search", "peshmerga")
    page.press("#actor-search", "Enter")
    assert "Kurdish Peshmerga" in page.locator("#evidence-panel h3").first.inner_text()
    assert page.evaluate("window.__allegiance.cy.$(':selected').data('actor')") == "PESH"


def test_injected_markup_is_shown_as_text_and_never_runs(
    open_report: Any, hostile_bundle: dict[str, Any], payloads: tuple[str, ...], output_dir: Path
) -> None:
    r = open_report(hostile_bundle, "hostile.html")
    page = r.page
    _tap_edge(page, "USA", "IRN")
    page.evaluate("window.__allegiance.selectActor('USA')")
    page.locator("#documents a, #documents td").first.wait_for()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert r.errors == []
    assert [u for u in r.requests if not u.startswith("file://")] == []
    assert not any(u.endswith("/x") for u in r.requests)  # the <img src=x> never loaded
    assert page.evaluate("document.querySelectorAll('#app img, #app script').length") == 0
    text = page.locator("#app").inner_text()
    for p in payloads:
        assert p in text, p
    # a javascript: address is never made a link
    assert page.evaluate("document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    page.screenshot(path=str(output_dir / "report_hostile.png"))


def test_large_graph_starts_with_the_top_actors_and_grows_on_demand(
    open_report: Any, large_bundle: dict[str, Any], output_dir: Path
) -> None:
    r = open_report(large_bundle, "large.html")
    page = r.page
    assert r.errors == []
    cy = "window.__allegiance.cy"
    assert page.evaluate(f"{cy}.nodes().length") == 40
    tied = {n for e in large_bundle["network"]["edges"] for n in (e["source"], e["target"])}
    # the slider reaches every actor with a tie (untied ones come with their own checkbox)
    assert page.evaluate("document.getElementById('top-n').max") == str(len(tied))
    # the 40 drawn actors are those with the most evidence
    score: dict[str, int] = {}
    for e in large_bundle["network"]["edges"]:
        for n in (e["source"], e["target"]):
            score[n] = score.get(n, 0) + e["evidence"]
    shown = set(page.evaluate(f"{cy}.nodes().map(n => n.data('actor'))"))
    cutoff = sorted(score.values(), reverse=True)[39]
    assert all(score[a] >= cutoff for a in shown)
    page.evaluate("window.__allegiance.setTopN(150)")
    assert page.evaluate(f"{cy}.nodes().length") == 150
    shown = set(page.evaluate(f"{cy}.nodes().map(n => n.data('actor'))"))
    among = sum(1 for e in large_bundle["network"]["edges"]
                if e["source"] in shown and e["target"] in shown)  # fmt: skip
    assert page.evaluate(f"{cy}.edges().length") == among
    assert _canvas_has_ink(page)
    assert r.errors == []
    page.locator("#network").screenshot(path=str(output_dir / "report_large_network.png"))


def test_a_bundle_without_dates_or_analysis_says_none_found(
    open_report: Any, sample_bundle: dict[str, Any]
) -> None:
    for d in sample_bundle["documents"]:
        d["published"] = None
    for key in ("uneasy_alliances", "triangles", "exposure_paths", "quotes", "outlets"):
        del sample_bundle[key]
    r = open_report(sample_bundle, "bare.html")
    assert r.errors == []
    for sec in ("timeline", "alliances", "triangles", "exposure", "quotes"):
        assert "None found" in r.page.locator(f"#{sec}").inner_text(), sec


def test_an_empty_bundle_renders_without_errors(open_report: Any) -> None:
    r = open_report({})
    assert r.errors == []
    assert r.page.locator("#network").inner_text().count("None found") == 1


def _in_viewport(page: Any, selector: str, wait: bool = False) -> bool:
    check = f"""() => {{ const r = document.querySelector({selector!r}).getBoundingClientRect();
                        return r.top < window.innerHeight && r.bottom > 0; }}"""
    if wait:  # the page scrolls smoothly
        try:
            page.wait_for_function(check, timeout=3000)
        except Exception:
            return False
    return bool(page.evaluate(check))


def test_headline_shows_the_uneasy_alliance_its_enemy_and_both_sides(
    open_report: Any, sample_bundle: dict[str, Any], output_dir: Path
) -> None:
    page = open_report(sample_bundle).page
    lead = page.locator("#lead-alliance")
    assert lead.locator("h3").inner_text() == "Uneasy alliance: Iran and United States against ISIL"
    assert lead.locator("svg.diagram").count() == 1
    diagram = lead.locator("svg.diagram").text_content() or ""
    assert "ISIL" in diagram and "2 working together" in diagram and "5 at odds" in diagram
    # evidence from both sides, each sentence with its trigger marked and its outlet named
    heads = lead.locator(".lead-ev .colhead").all_inner_texts()
    assert heads[:2] == ["Working together (2)", "At odds (5)"]
    items = lead.locator(".lead-ev li.ev")
    assert items.count() >= 2
    for i in range(items.count()):
        assert items.nth(i).locator("mark.trigger").count() == 1
        assert items.nth(i).locator(".outlet").count() == 1
    side = page.locator(".lead-side").inner_text()
    assert "Camp A (7)" in side and "Camp B (3)" in side
    assert "Frustration index L = 4" in side
    page.locator("#findings").screenshot(path=str(output_dir / "report_sample_headline.png"))
    assert not _in_viewport(page, "#cy")
    lead.get_by_role("button", name="Show this tie in the network").click()
    assert page.locator("#evidence-panel h3").first.inner_text().replace("\n", " ").split("—") == [
        "Iran",
        "United States",
    ]
    assert _in_viewport(page, "#cy", wait=True)
    assert page.evaluate("window.__allegiance.cy.$(':selected').length") == 1


def test_the_panel_shows_the_two_sides_of_a_mixed_tie_apart(
    open_report: Any, sample_bundle: dict[str, Any]
) -> None:
    page = open_report(sample_bundle).page
    _tap_edge(page, "USA", "IRN")
    panel = page.locator("#evidence-panel")
    counted = {r["id"]: r for r in sample_bundle["relations"]
               if {r["source"]["actor_id"], r["target"]["actor_id"]} == {"USA", "IRN"}
               and not r["negated"] and not r["hypothetical"]}  # fmt: skip
    pos = sum(r["sign"] == 1 for r in counted.values())
    neg = sum(r["sign"] == -1 for r in counted.values())
    assert pos and neg
    heads = panel.locator("h4").all_inner_texts()
    assert f"Working together ({pos})" in heads and f"At odds ({neg})" in heads
    # the tie and its two actors stand out; the rest of the network is dimmed
    lit = page.evaluate(
        "window.__allegiance.cy.elements().filter(x => !x.hasClass('dim')).map(x => x.isNode()"
        " ? x.data('actor') : 'edge')"
    )
    assert sorted(lit) == ["IRN", "USA", "edge"]


def _download(page: Any, button: str) -> str:
    with page.expect_download() as info:
        page.click(button)
    path = info.value.path()
    return Path(path).read_text(encoding="utf-8")


def test_downloads_come_from_the_embedded_data_without_a_request(
    open_report: Any, sample_bundle: dict[str, Any]
) -> None:
    import csv
    import io
    import json

    r = open_report(sample_bundle)
    page = r.page
    assert json.loads(_download(page, "#dl-bundle")) == sample_bundle
    ties = list(csv.DictReader(io.StringIO(_download(page, "#dl-ties"))))
    edges = sample_bundle["network"]["edges"]
    assert len(ties) == len(edges)
    assert [(t["source"], t["target"], int(t["sign"]), int(t["evidence"])) for t in ties] == [
        (e["source"], e["target"], e["sign"], e["evidence"]) for e in edges
    ]
    usa_irn = next(t for t in ties if {t["source"], t["target"]} == {"USA", "IRN"})
    assert usa_irn["uneasy_alliance"] == "1" and usa_irn["source_name"] in ("United States", "Iran")
    evidence = list(csv.DictReader(io.StringIO(_download(page, "#dl-evidence"))))
    assert [e["id"] for e in evidence] == [x["id"] for x in sample_bundle["relations"]]
    assert all(e["outlet"] for e in evidence)
    assert sum(e["negated"] == "1" for e in evidence) == sum(
        x["negated"] for x in sample_bundle["relations"]
    )
    quotes = list(csv.DictReader(io.StringIO(_download(page, "#dl-quotes"))))
    assert len(quotes) == len(sample_bundle["quotes"])
    numbers = list(csv.DictReader(io.StringIO(_download(page, "#dl-numbers"))))
    assert len(numbers) == len(sample_bundle["quantities"])
    assert r.errors == []
    assert [u for u in r.requests if not u.startswith(("file://", "blob:"))] == []


def test_csv_cells_that_look_like_formulas_stay_text(
    open_report: Any, sample_bundle: dict[str, Any]
) -> None:
    import csv
    import io

    formula = '=HYPERLINK("http://example.org","x")'
    for n in sample_bundle["network"]["nodes"]:
        if n["id"] == "TUR":
            n["name"] = formula
    page = open_report(sample_bundle).page
    ties = list(csv.DictReader(io.StringIO(_download(page, "#dl-ties"))))
    names = {t["source_name"] for t in ties} | {t["target_name"] for t in ties}
    assert "'" + formula in names and formula not in names


def test_filters_hide_ties_by_sign_and_by_evidence(
    open_report: Any, sample_bundle: dict[str, Any]
) -> None:
    page = open_report(sample_bundle).page
    cy = "window.__allegiance.cy"
    edges = sample_bundle["network"]["edges"]
    page.uncheck("#show-sign-neg")
    assert page.evaluate(f"{cy}.edges().length") == sum(e["sign"] != -1 for e in edges)
    page.check("#show-sign-neg")
    page.fill("#min-evidence", "2")
    page.dispatch_event("#min-evidence", "change")
    assert page.evaluate(f"{cy}.edges().length") == sum(e["evidence"] >= 2 for e in edges)
    # a tie chosen elsewhere in the report is shown even when the filters hide it
    page.evaluate("window.__allegiance.selectPair('IRN', 'ISIL')")
    assert page.evaluate(f"{cy}.$(':selected').length") == 1


def test_hovering_a_tie_shows_its_summary(open_report: Any, sample_bundle: dict[str, Any]) -> None:
    page = open_report(sample_bundle).page
    idx = page.evaluate("window.__allegiance.edgeIndex('USA', 'IRN')")
    assert not page.locator("#cy-tip").is_visible()
    page.evaluate(f"window.__allegiance.cy.getElementById('e{idx}').emit('mouseover')")
    tip = page.locator("#cy-tip")
    assert tip.is_visible()
    text = tip.inner_text()
    assert "Iran — United States" in text or "United States — Iran" in text
    assert "An uneasy alliance" in text and "4 reports" in text


def test_the_layout_holds_enemies_further_apart_than_friends(
    open_report: Any, sample_bundle: dict[str, Any]
) -> None:
    page = open_report(sample_bundle).page
    mean = page.evaluate(
        """() => { const cy = window.__allegiance.cy, es = window.__allegiance.data.bundle.network.edges;
                   const d = {1: [], '-1': []};
                   cy.edges().forEach(e => {
                     const s = es[e.data('idx')].sign;
                     const p = e.source().position(), q = e.target().position();
                     if (s in d) d[s].push(Math.hypot(p.x - q.x, p.y - q.y)); });
                   const m = a => a.reduce((x, y) => x + y, 0) / a.length;
                   return [m(d[1]), m(d['-1'])]; }"""
    )
    assert mean[1] > 1.3 * mean[0]


def test_network_module_shapes_of_triangles_and_paths_are_drawn(
    open_report: Any, sample_bundle: dict[str, Any]
) -> None:
    edges = {frozenset((e["source"], e["target"])): e for e in sample_bundle["network"]["edges"]}
    for t in sample_bundle["triangles"]["unbalanced"]:
        a, b, c = t.pop("nodes")
        del t["signs"], t["relations"]
        t["nodes"] = [a, b, c]
        t["edges"] = [{"source": x, "target": y, "sign": edges[frozenset((x, y))]["sign"],
                       "relations": edges[frozenset((x, y))]["relations"]}
                      for x, y in ((a, b), (b, c), (a, c))]  # fmt: skip
    for paths in sample_bundle["exposure_paths"].values():
        for p in paths:
            p["enemy"] = p.pop("hostile_end")
            p["evidence"] = [1, p["evidence"] - 1]
    r = open_report(sample_bundle)
    assert r.errors == []
    first = r.page.locator("#triangles .tri-row").first
    assert first.locator(".badge.neu").count() == 0  # every side has its sign
    text = first.inner_text()
    assert "Iraqi army is friendly with both Iran and United States, who are hostile" in text
    n = sum(len(e["relations"]) for e in sample_bundle["triangles"]["unbalanced"][0]["edges"])
    assert f"Evidence ({n} sentences)" in text
    r.page.select_option("#exposure-actor", "PMF")
    cells = r.page.locator("#exposure tbody tr td.num").all_inner_texts()
    assert cells == [str(p["evidence"][0] + p["evidence"][1])
                     for p in sample_bundle["exposure_paths"]["PMF"]]  # fmt: skip


def test_exposure_paths_can_be_asked_for_any_actor(
    open_report: Any, sample_bundle: dict[str, Any]
) -> None:
    page = open_report(sample_bundle).page
    options = page.locator("#exposure-actor option").evaluate_all("os => os.map(o => o.value)")
    assert "ISIL" in options and "ISIL" not in sample_bundle["exposure_paths"]
    page.select_option("#exposure-actor", "ISIL")
    assert "No chain of friendly ties leads ISIL" in page.locator("#exposure").inner_text()


def test_outlets_are_compared_side_by_side(open_report: Any, sample_bundle: dict[str, Any]) -> None:
    page = open_report(sample_bundle).page
    outlets = sorted(sample_bundle["outlets"])
    heads = page.locator("#outlet-table thead th").all_inner_texts()
    assert heads[1:] == outlets
    rows = page.locator("#outlet-table tbody tr")
    sources = next(rows.nth(i) for i in range(rows.count())
                   if rows.nth(i).locator("th").inner_text() == "sources quoted")  # fmt: skip
    for o, cell in zip(outlets, sources.locator("td").all_inner_texts(), strict=True):
        src = sample_bundle["outlets"][o]["sources"]
        assert f"{src['named']} named · {src['anonymous']} anonymous" in cell
    covered = {o: {a["actor_id"] for a in sample_bundle["outlets"][o]["actors"]} for o in outlets}
    assert any(not covered[o] >= set().union(*covered.values()) for o in outlets)
    assert page.locator("#outlets td.not-covered").count() > 0


def test_quotes_can_be_read_one_outlet_at_a_time(
    open_report: Any, sample_bundle: dict[str, Any]
) -> None:
    page = open_report(sample_bundle).page
    outlet = {d["doc_id"]: d["outlet"] for d in sample_bundle["documents"]}
    fox = [q for q in sample_bundle["quotes"] if outlet[q["doc_id"]] == "Fox News"]
    assert 0 < len(fox) < len(sample_bundle["quotes"])
    assert page.locator("#quotes .quote").count() == len(sample_bundle["quotes"])
    page.select_option("#quotes-outlet", "Fox News")
    shown = page.locator("#quotes .quote .outlet").all_inner_texts()
    assert shown == ["Fox News"] * len(fox)
    anon = sum(q["anonymous"] for q in fox)
    assert f"Anonymous sources ({anon})" in page.locator("#quotes").inner_text()


def test_dimmed_nodes_have_no_grey_box_when_a_tie_is_selected(
    open_report: Any, sample_bundle: dict[str, Any], output_dir: Path
) -> None:
    page = open_report(sample_bundle).page
    _tap_edge(page, "USA", "IRN")
    styles = page.evaluate(
        """() => window.__allegiance.cy.nodes('.dim').map(n => [
             n.data('actor'), +n.style('underlay-opacity'), +n.style('text-background-opacity')])"""
    )
    assert styles, "nothing is dimmed"
    for actor, underlay, label_box in styles:
        assert underlay == 0 and label_box == 0, actor
    # and in the pixels: the area round a dimmed node is as light as the page (no box)
    dark = page.evaluate(
        """() => { const cy = window.__allegiance.cy, n = cy.nodes('.dim')[0];
             const p = n.renderedPosition(), r = n.renderedOuterWidth() / 2 + 6;
             const c = Array.from(document.querySelectorAll('#cy canvas'));
             let worst = 255;
             for (const cv of c) { const ctx = cv.getContext('2d'); if (!ctx) continue;
               const k = cv.width / cv.clientWidth;
               for (const [dx, dy] of [[-r, -r], [r, -r], [-r, r], [r, r]]) {
                 const d = ctx.getImageData((p.x + dx) * k, (p.y + dy) * k, 1, 1).data;
                 if (d[3] > 0) worst = Math.min(worst, (d[0] + d[1] + d[2]) / 3 * d[3] / 255
                                                 + 255 * (1 - d[3] / 255)); } }
             return worst; }"""
    )
    assert dark > 235, dark
    page.locator("#network").screenshot(path=str(output_dir / "report_tie_selected_dim.png"))


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The demo report, made by really running `allegiance analyze` on the bundled corpus."""
    from click.testing import CliRunner

    from allegiance.cli import main

    out = tmp_path_factory.mktemp("demo")
    html, bundle = out / "report.html", out / "bundle.json"
    result = CliRunner().invoke(main, ["analyze", "-o", str(html), "--json", str(bundle)])
    assert result.exit_code == 0, result.output
    return html, json.loads(bundle.read_text(encoding="utf-8"))


def _open_file(browser: Any, path: Path) -> Any:
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.__allegianceReady === true", timeout=60_000)
    assert errors == []
    return page


@pytest.mark.model
@pytest.mark.slow
def test_the_demo_report_draws_a_timeline_and_compares_two_outlets(
    browser: Any, demo_report: tuple[Path, dict[str, Any]], output_dir: Path
) -> None:
    html, bundle = demo_report
    dated = [d for d in bundle["documents"] if d.get("published")]
    assert len(dated) >= 20
    page = _open_file(browser, html)
    timeline = page.locator("#timeline")
    assert "None found" not in timeline.inner_text()
    # one column of bars per month, with at least one friendly and one hostile bar drawn
    assert page.locator("#timeline svg rect").count() > 10
    assert "Oct 2016" in timeline.inner_text()
    outlets = page.locator("#outlets").inner_text()
    assert "CENTCOM" in outlets and "US State Department" in outlets
    timeline.screenshot(path=str(output_dir / "report_demo_timeline.png"))
    page.close()


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.xfail(
    strict=True,
    reason="the demo's re3d texts give no uneasy alliance with today's extraction "
    "(src/allegiance/data/demo/README.md says why); passes once one is found",
)
def test_the_demo_report_has_an_uneasy_alliance_card(
    browser: Any, demo_report: tuple[Path, dict[str, Any]]
) -> None:
    page = _open_file(browser, demo_report[0])
    cards = page.locator("#alliances .card")
    assert cards.count() >= 1
    assert "⇄" in cards.first.inner_text()
    page.close()


_LABELS = """() => { const cy = window.__allegiance.cy, W = cy.width(), H = cy.height();
  const shown = cy.nodes().filter(n => n.visible() && !n.hasClass('nolabel')
                                      && String(n.style('label') || '').length > 0);
  const boxes = shown.map(n => { const b = n.renderedBoundingBox(
      {includeNodes: false, includeEdges: false, includeLabels: true});
    return {id: n.data('actor'), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2, size: n.data('size')}; });
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps.push([a.id, b.id]); }
  const cut = boxes.filter(b => b.x1 < 0 || b.y1 < 0 || b.x2 > W || b.y2 > H).map(b => b.id);
  // nor under the circle of an actor drawn above it (a higher z-index)
  const covered = [];
  shown.forEach(n => { const b = n.renderedBoundingBox(
      {includeNodes: false, includeEdges: false, includeLabels: true});
    cy.nodes().filter(m => m.visible() && m.data('z') > n.data('z')).forEach(m => {
      const c = m.renderedBoundingBox({includeNodes: true, includeLabels: false, includeEdges: false});
      if (b.x1 + 1 < c.x2 && c.x1 + 1 < b.x2 && b.y1 + 1 < c.y2 && c.y1 + 1 < b.y2)
        covered.push([n.data('actor'), m.data('actor')]); }); });
  const biggest = cy.nodes().max(n => n.data('size')).ele.data('actor');
  return {shown: boxes.map(b => b.id), overlaps: overlaps, cut: cut, covered: covered,
          biggest: biggest}; }"""


def _wait_for_tidy_labels(page: Any, timeout_ms: int = 5000) -> None:
    """Wait until the report has sorted its labels out after a zoom (it does so on a short
    timer, later on a loaded machine); gives up silently: the caller's assertion then fails
    with the labels that still overlap."""
    tidy = (
        f"() => {{ const r = ({_LABELS})();"
        " return !r.overlaps.length && !r.cut.length && !r.covered.length; }"
    )
    # playwright's TimeoutError: the caller's assertion then reports what is wrong
    with contextlib.suppress(Exception):
        page.wait_for_function(tidy, timeout=timeout_ms)


@pytest.mark.parametrize("which", ["sample", "large"])
def test_network_labels_never_overlap_or_run_past_the_edge(
    open_report: Any,
    sample_bundle: dict[str, Any],
    large_bundle: dict[str, Any],
    output_dir: Path,
    which: str,
) -> None:
    bundle = sample_bundle if which == "sample" else large_bundle
    page = open_report(bundle, f"labels_{which}.html").page
    first = page.evaluate(_LABELS)
    assert first["overlaps"] == [] and first["cut"] == [] and first["covered"] == []
    assert first["biggest"] in first["shown"] and len(first["shown"]) >= 8
    # zoomed in on the centre, then out again: labels are sorted out anew
    page.evaluate("() => { const cy = window.__allegiance.cy; cy.zoom({level: cy.zoom() * 2,"
                  " renderedPosition: {x: cy.width() / 2, y: cy.height() / 2}}); }")  # fmt: skip
    _wait_for_tidy_labels(page)
    zoomed = page.evaluate(_LABELS)
    assert zoomed["overlaps"] == [] and zoomed["cut"] == [] and zoomed["covered"] == []
    # a hidden label still shows on hover
    hidden = page.evaluate("window.__allegiance.cy.nodes('.nolabel').map(n => n.id())")
    if hidden:
        label = page.evaluate(
            f"() => {{ const n = window.__allegiance.cy.getElementById({hidden[0]!r});"
            " n.addClass('hover'); return n.style('label'); }"
        )
        assert label
    page.locator("#network").screenshot(path=str(output_dir / f"report_labels_{which}.png"))


def test_timeline_lists_history_apart_from_the_months(
    open_report: Any, sample_bundle: dict[str, Any], output_dir: Path
) -> None:
    rel = dict(sample_bundle["relations"][0])
    rel["id"] = "history-1"
    rel["sentence"] = dict(rel["sentence"], text="That reminds some of the days of the occupation.")
    rel["time"] = {"start": None, "end": None, "precision": None, "historical": True,
                   "how": "reference", "rule": "history:noun", "expression": None,
                   "marker": {"text": "the days of", "start": 0, "end": 11}}  # fmt: skip
    sample_bundle["relations"].append(rel)
    sample_bundle.pop("timeline", None)
    r = open_report(sample_bundle)
    assert r.errors == []
    rows = r.page.locator("#timeline-history tbody tr")
    assert rows.count() == 1
    assert "the days of" in rows.first.inner_text() and "the past" in rows.first.inner_text()
    r.page.locator("section#timeline").screenshot(path=str(output_dir / "report_timeline.png"))


# --- on bundles that `analyze` really produced (demo corpus, seed articles) ---------------

REAL = ("demo", "seeds")


def _real(analyzed_bundles: dict[str, Any], name: str) -> Any:
    if name not in analyzed_bundles:
        pytest.skip(f"no {name} bundle (../shared/seeds absent)")
    return analyzed_bundles[name]


def _header_stats(page: Any) -> dict[str, int]:
    pairs = page.evaluate(
        """() => Array.from(document.querySelectorAll('.stats .stat')).map(
             s => [s.querySelector('span').textContent, s.querySelector('b').textContent])"""
    )
    return {label: int(number.replace(",", "")) for label, number in pairs}


@pytest.mark.model
@pytest.mark.parametrize("name", REAL)
def test_an_analyzed_report_draws_offline_and_its_header_tells_the_bundles_counts(
    open_report: Any, analyzed_bundles: dict[str, Any], name: str, output_dir: Path
) -> None:
    bundle = _real(analyzed_bundles, name)
    r = open_report(bundle, f"{name}.html")
    page = r.page
    assert r.errors == []
    assert [u for u in r.requests if not u.startswith("file://")] == []
    c = bundle.counts
    assert c.ties > 0
    page.evaluate(f"window.__allegiance.setTopN({c.actors})")  # a large network shows its top
    assert page.evaluate("window.__allegiance.cy.nodes().length") == c.actors
    assert page.evaluate("window.__allegiance.cy.edges().length") == c.ties
    assert _canvas_has_ink(page)
    stats = _header_stats(page)
    assert stats["documents"] == bundle.meta.n_documents
    assert (stats["actors"], stats["ties"]) == (c.actors, c.ties)
    assert (stats["friendly ties"], stats["hostile ties"], stats["mixed ties"]) == (
        c.friendly,
        c.hostile,
        c.mixed,
    )
    assert stats["evidence sentences"] == len(bundle.relations)
    assert stats["quotes"] == len(bundle.quotes)
    page.screenshot(path=str(output_dir / f"report_{name}_top.png"))


@pytest.mark.model
@pytest.mark.parametrize("name", REAL)
def test_tapping_an_analyzed_tie_lists_every_relation_behind_it(
    open_report: Any, analyzed_bundles: dict[str, Any], name: str
) -> None:
    bundle = _real(analyzed_bundles, name)
    page = open_report(bundle, f"{name}_tie.html").page
    edge = max(bundle.network.edges, key=lambda e: (e.evidence, e.source, e.target))
    _tap_edge(page, edge.source, edge.target)
    panel = page.locator("#evidence-panel")
    show_all = panel.locator("button", has_text="Show all")
    if show_all.count():  # a long list shows its first sentences until asked
        show_all.first.click()
    shown = panel.locator("li.ev:not(.excluded)").count()
    assert shown == len(edge.relations) > 0
    assert bundle.name(edge.source) in panel.inner_text()


def test_acts_are_listed_by_actor_with_their_sentence(
    open_report: Any, sample_bundle: dict[str, Any]
) -> None:
    doc_id = sample_bundle["documents"][0]["doc_id"]

    def act(i: int, actor: str, name: str, category: str, sentence: str, trigger: str) -> dict:
        start = sentence.index(trigger)
        return {"kind": "act", "id": f"a{i}", "doc_id": doc_id,
                "sentence": {"text": sentence, "start": 0, "end": len(sentence)},
                "source": {"text": name, "start": 0, "end": len(name), "actor_id": actor,
                           "actor_name": name},
                "category": category, "quad_class": 4, "sign": -1, "intensity": -5.0,
                "negated": False, "hypothetical": i == 2,
                "trigger": {"text": trigger, "start": start, "end": start + len(trigger)},
                "confidence": 0.6}  # fmt: skip

    sample_bundle["acts"] = [
        act(0, "GEN.LABOR", "Teachers", "PROTEST", "Teachers went on strike.", "strike"),
        act(1, "IRN", "Iran", "MOBILIZE", "Iran mobilised its reserves.", "mobilised"),
        act(2, "IRN", "Iran", "MOBILIZE", "Iran may deploy more troops.", "deploy"),
    ]
    r = open_report(sample_bundle, "acts.html")
    assert r.errors == []
    heads = r.page.locator("#acts h3.act-actor").all_inner_texts()
    assert heads == ["Iran (2)", "Teachers (1)"]  # the most active first
    text = r.page.locator("#acts").inner_text()
    assert "Teachers went on strike." in text and "hypothetical" in text
    assert r.page.locator("#acts mark.trigger").all_inner_texts() == [
        "mobilised",
        "deploy",
        "strike",
    ]


def test_a_bundle_without_acts_says_none_found(
    open_report: Any, sample_bundle: dict[str, Any]
) -> None:
    sample_bundle.pop("acts", None)
    r = open_report(sample_bundle, "no-acts.html")
    assert r.errors == [] and "None found" in r.page.locator("#acts").inner_text()
