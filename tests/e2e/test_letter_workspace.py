"""The letter workspace (issue 13) in a real headless Chromium, on the sample claim processed by the real
pipeline: the evidence brief (HTML and PDF), the chronology screen, the grouped review queue with inline
notes, the page viewer (scroll to the flag, zoom, rotate, an OCR-turned scan upright), and every screen
at 390 px. The sample is ingested once for the module with `claimdex ingest`, then served by
`claimdex serve --no-workers`.

Screenshots go to test-artifacts/screenshots/workspace-*.png; they are for looking at, not only for
asserting.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.serving import (
    CHROMIUM,
    CHROMIUM_ARGS,
    add_user,
    browser_marks,
    cli,
    login,
    server_env,
    shot,
    start_server,
    stop_server,
)

CLAIM = "SAMPLE-1"
pytestmark = browser_marks()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from samples.make_sample_claim import write_sample_claim

    root = tmp_path_factory.mktemp("workspace")
    env = server_env(root / "d")
    pdf = write_sample_claim(root / "sample", tiff=False, zip=False).pdf
    cli(env, "ingest", "--claim", CLAIM, "--concurrency", "2", str(pdf), timeout=600)
    add_user(env, "drsmith", "physician")
    cli(env, "user", "grant", "drsmith", CLAIM)
    proc, base = start_server(env, root / "serve.log", "--no-workers")
    try:
        yield base
    finally:
        stop_server(proc)


@pytest.fixture(scope="module")
def browser(served: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, served: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    login(pg, served, "drsmith")
    yield pg
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def _export(page: Any, base: str) -> dict[str, Any]:
    return page.request.get(f"{base}/api/claims/{CLAIM}/export").json()  # type: ignore[no-any-return]


def _csrf(page: Any) -> str:
    return str(page.locator('meta[name="csrf-token"]').get_attribute("content"))


def _review(page: Any, base: str, flag_id: str, body: dict[str, Any]) -> None:
    r = page.request.post(f"{base}/api/claims/{CLAIM}/flags/{flag_id}/review", data=body,
                          headers={"X-CSRF-Token": _csrf(page)})
    assert r.ok, r.text()


def _in_view(page: Any, selector: str) -> bool:
    return bool(page.evaluate("""(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth; }""",
                              selector))


def test_the_brief_answers_the_cp_opinion_first_and_cites_every_record(page: Any, served: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{served}/claims/{CLAIM}/summary")
    brief = page.locator("article#brief")
    first = brief.locator("section.opinion").first
    expect(first.locator("h3")).to_have_text("C&P examination, 2024-09-17")
    for words in ("Author: KAREN L. MOSBY, PA-C", "Opinion 1.1, unfavourable (less likely than not)",
                  "Rationale of 1.1, quoted:", "consistent with the natural aging process", "Factors 1.1 relied on:",
                  "Aging:", "Weight", "Civilian work"):
        expect(first).to_contain_text(words)
    factor_links = first.locator("li a")
    assert factor_links.count() >= 3 and all("?flag=" in (factor_links.nth(i).get_attribute("href") or "")
                                             for i in range(factor_links.count()))
    order = page.evaluate("""() => [...document.querySelectorAll('#brief h2, #brief section.opinion')]
        .map(e => e.tagName === 'H2' ? e.textContent : 'opinion')""")
    assert order[:2] == ["1. Opinions to answer", "opinion"] and order.index("2. Records reviewed") > 1
    shot(page, "workspace-01-brief")

    # every record, with its date
    records = brief.locator("#records ~ ul li").all_inner_texts()
    for d in _export(page, served)["documents"]:
        assert any(d["date"] in r and " ".join((d["title"] or "").split()) in r for r in records), d["title"]
    # no repeated line, no internal id, in the Markdown and on the page
    md = page.request.get(f"{served}/api/claims/{CLAIM}/summary.md").text()
    repeated = [line for line, n in Counter(x for x in md.splitlines() if x.strip()).items() if n > 1]
    assert repeated == []
    text = brief.inner_text()
    items = [x for x in brief.locator("li").all_inner_texts()]
    assert [x for x, n in Counter(items).items() if n > 1] == []
    for raw in ("service_strain", "back_complaint", "cp_exam", "medical_opinion", "g_", "f_", "text_layer"):
        assert raw not in text, raw
    # every citation is a working link (HTML)
    hrefs = page.evaluate("() => [...document.querySelectorAll('#brief a[href]')].map(a => a.getAttribute('href'))")
    anchors = {h for h in hrefs if h.startswith("#")}
    pages = {h for h in hrefs if not h.startswith("#")}
    assert pages and all(h.startswith(f"/claims/{CLAIM}/files/") for h in pages)
    for h in anchors:
        assert page.locator(f"[id='{h[1:]}']").count() == 1, h
    for h in pages:
        assert page.request.get(served + h).status == 200, h
    # ... and in the PDF, as link annotations
    with page.expect_download() as download:
        page.click("#download-pdf")
    target = Path(download.value.path())
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(target.read_bytes()))
    uris = [str(a.get_object()["/A"]["/URI"]) for pg in reader.pages for a in (pg.get("/Annots") or [])
            if a.get_object().get("/Subtype") == "/Link" and "/URI" in a.get_object().get("/A", {})]
    assert len(uris) >= len(pages) and all(u.startswith(f"{served}/claims/{CLAIM}/files/") for u in uris)
    assert {u.removeprefix(served) for u in uris} == pages
    main_pages = next(i for i, pg in enumerate(reader.pages) if "Appendix A" in (pg.extract_text() or ""))
    assert main_pages <= 6, f"the main body runs {main_pages + 1} pages"


def test_reviews_change_the_brief(page: Any, served: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{served}/claims/{CLAIM}/summary")
    opinion = page.locator("section.opinion").first
    citation = opinion.locator("p", has_text="Opinion 1.1").locator("a")
    flag_id = (citation.get_attribute("href") or "").split("flag=")[1]
    citation.click()
    page.wait_for_url(f"**flag={flag_id}")
    item = page.locator(f"#flag-{flag_id}")
    expect(item).to_have_class(re.compile("focus"))
    item.locator("textarea").fill("Examiner ignored the LOD-documented jump injury.")
    item.locator("textarea").press("Enter")
    expect(item.locator(".note-status")).to_have_text("Note saved")
    item.locator("button.confirm").click()
    expect(item.locator('[data-role="status"]')).to_have_text("confirmed")
    shot(page, "workspace-02-viewer-note-confirm")
    page.goto(f"{served}/claims/{CLAIM}/summary")
    opinion = page.locator("section.opinion").first
    expect(opinion.locator(".badge.confirmed")).to_be_visible()
    expect(opinion).to_contain_text("Physician's note on 1.1: Examiner ignored the LOD-documented jump injury.")
    # dismissing every flag of a sentence takes it out of the brief
    continuity = page.locator("#element-continuity ~ ul").first.locator("li").first
    cited = (continuity.locator("a").first.get_attribute("href") or "").split("flag=")[1]
    flags = _export(page, served)["flags"]
    sentence = " ".join(next(g["sentence"] for g in flags if g["flag_id"] == cited).split())
    same = [g["flag_id"] for g in flags if " ".join(g["sentence"].split()) == sentence]
    assert sentence[:40] in page.locator("article#brief").inner_text()
    for g in same:
        _review(page, served, g, {"status": "dismissed"})
    page.reload()
    assert sentence[:40] not in page.locator("article#brief").inner_text()
    for g in same:
        _review(page, served, g, {"status": "pending"})
    _review(page, served, flag_id, {"status": "pending", "note": ""})


def test_chronology_screen_filters_and_opens_pages(page: Any, served: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{served}/claims/{CLAIM}/chronology")
    rows = page.locator("tr.chrono-row")
    export = _export(page, served)
    # One row per dated encounter (a document holding several dated entries gives several rows).
    dated = [e for e in export["encounters"] if e["date"]]
    types = {d["document_id"]: d["record_type"] for d in export["documents"]}
    in_service = [e for e in dated if e["in_service"]]
    treatment = [e for e in in_service if types[e["document_id"]] == "service_treatment"]
    assert len(dated) > len({e["document_id"] for e in dated})  # the sample has a multi-entry document
    expect(rows).to_have_count(len(dated))
    dates = rows.locator("td:first-child").all_inner_texts()
    assert [d.split()[0] for d in dates] == sorted(d.split()[0] for d in dates)
    # the sick calls, PT visit, LOD, separation exam and DD 214
    assert page.locator("tr.chrono-row.in-service").count() == len(in_service) >= 6
    shot(page, "workspace-03-chronology")
    page.select_option("#f-in-service", "true")
    page.wait_for_url("**in_service=true**")
    expect(rows).to_have_count(len(in_service))
    assert all("in service" in t for t in rows.locator("td:first-child").all_inner_texts())
    page.select_option("#f-record-type", "service_treatment")
    page.wait_for_url("**record_type=service_treatment**")
    expect(rows).to_have_count(len(treatment))
    page.goto(f"{served}/claims/{CLAIM}/chronology?category=imaging_finding")
    assert 0 < rows.count() < len(dated)
    assert all("Imaging finding" in t for t in rows.locator("td[data-label=Flags]").all_inner_texts())
    shot(page, "workspace-04-chronology-filtered")
    href = rows.first.locator("a.open-page").get_attribute("href") or ""
    rows.first.locator("td[data-label=Finding]").click()
    page.wait_for_url(f"**{href}")
    expect(page.locator(".flag-item.focus")).to_be_visible()


def test_review_queue_grouped_filtered_with_inline_notes(page: Any, served: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{served}/claims/{CLAIM}/review")
    groups = page.locator("tbody.flag-group")
    assert groups.count() >= 10
    heads = page.locator("tr.group-head").all_inner_texts()
    assert any("chronological record of medical care" in h.lower() and "2008-04-22" in h for h in heads)
    shot(page, "workspace-05-review-grouped")
    # primary records only
    page.check("#f-primary")
    page.wait_for_url("**primary=1**")
    kinds = page.locator("tr.group-head .badge").all_inner_texts()
    assert kinds and not {"C&P examination", "Medical opinion", "Rating decision", "Claim form"} & set(kinds)
    # in service, by date, newest first
    page.goto(f"{served}/claims/{CLAIM}/review?in_service=true&sort=date_desc")
    dates = page.locator("tr.group-head .group-date").all_inner_texts()
    assert dates and dates == sorted(dates, reverse=True)
    rows = page.locator("tr.flag-row")
    assert rows.count() == page.locator("tr.flag-row .badge.in-service").count() > 0  # later records tell of it too
    page.goto(f"{served}/claims/{CLAIM}/review?from=2021-01-01&to=2021-12-31&category=gait")
    assert {d[:4] for d in page.locator("tr.group-head .group-date").all_inner_texts()} == {"2021"}
    # inline note with the keyboard: j, n, type, Enter; no prompt box
    page.goto(f"{served}/claims/{CLAIM}/review?category=gait")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.keyboard.press("j")
    row = page.locator("tr.flag-row.current")
    flag_id = row.get_attribute("data-flag")
    page.keyboard.press("n")
    expect(row.locator("textarea")).to_be_focused()
    page.keyboard.type("Antalgic gait documented by PT.")
    page.keyboard.press("Enter")
    expect(row.locator(".note-status")).to_have_text("Note saved")
    shot(page, "workspace-06-review-inline-note")
    page.keyboard.press("Escape")
    page.keyboard.press("c")
    expect(page.locator(f'tr[data-flag="{flag_id}"] [data-role="status"]')).to_have_text("confirmed")
    page.goto(f"{served}/claims/{CLAIM}/review?category=gait&status=confirmed")
    expect(page.locator(f"#note-{flag_id}")).to_have_value("Antalgic gait documented by PT.")
    assert dialogs == []  # no prompt box
    # bulk: a group's box selects its flags
    page.goto(f"{served}/claims/{CLAIM}/review?category=gait")
    group = page.locator("tbody.flag-group").first
    n = group.locator("tr.flag-row").count()
    group.locator(".sel-group").check()
    expect(page.locator("#selected-count")).to_have_text(str(n))
    _review(page, served, str(flag_id), {"status": "pending", "note": ""})


def test_viewer_scrolls_to_the_flag_zooms_and_rotates(page: Any, served: str) -> None:
    from playwright.sync_api import expect

    export = _export(page, served)
    file_id = export["files"][0]["file_id"]
    on_16 = [g for g in export["flags"] if g["page"] == 16]
    last = max(on_16, key=lambda g: g["start"])  # far down the side list
    page.goto(f"{served}/claims/{CLAIM}/files/{file_id}/pages/16?flag={last['flag_id']}")
    page.wait_for_function("() => document.querySelector('.page-image img').naturalWidth > 0")
    item = page.locator(f"#flag-{last['flag_id']}")
    expect(item).to_have_class(re.compile("focus"))
    side = page.locator("#page-side").bounding_box()
    box = item.bounding_box()
    assert side and box and side["y"] <= box["y"] and box["y"] + 20 <= side["y"] + side["height"], "list not scrolled"
    lit = page.locator(f'.hl.flag.focus[data-flag="{last["flag_id"]}"]')
    assert lit.count() >= 1 and _in_view(page, f'.hl.flag.focus[data-flag="{last["flag_id"]}"]')
    assert page.locator(".hl.flag.cat-gait").count() + page.locator(".hl.flag.cat-diagnosis").count() > 1
    expect(page.locator("#provenance")).to_have_text("Read from the PDF's text")
    shot(page, "workspace-07-viewer-focus")

    image = page.locator("#page-image")
    fit = image.bounding_box()
    assert fit
    page.click("#zoom-in")
    page.click("#zoom-in")
    expect(page.locator("#zoom-level")).to_have_text("150%")
    zoomed = image.bounding_box()
    assert zoomed and abs(zoomed["width"] / fit["width"] - 1.5) < 0.02
    shot(page, "workspace-08-viewer-zoom")
    page.click("#zoom-fit")
    page.click("#rotate-right")
    expect(image).to_have_attribute("data-rotation", "90")
    turned = image.bounding_box()  # the turned page: as wide as before, its height the page's width ratio
    assert turned and abs(turned["width"] - fit["width"]) < 2 and turned["height"] < turned["width"]
    hl = page.locator(".hl.flag").first.bounding_box()
    assert hl and turned["x"] <= hl["x"] and hl["x"] + hl["width"] <= turned["x"] + turned["width"] + 1
    shot(page, "workspace-09-viewer-rotated")
    page.click("#rotate-left")
    expect(image).to_have_attribute("data-rotation", "0")

    # the OCR-turned LOD report (scanned sideways) shows upright with its boxes on its words
    page.goto(f"{served}/claims/{CLAIM}/files/{file_id}/pages/4")
    page.wait_for_function("() => document.querySelector('.page-image img').naturalWidth > 0")
    natural = page.evaluate("() => { const i = document.querySelector('.page-image img');"
                            " return [i.naturalWidth, i.naturalHeight]; }")
    assert natural[0] < natural[1]  # portrait: turned upright
    expect(page.locator("#provenance")).to_contain_text("the scan was turned 270° to read it")
    shown = image.bounding_box()
    assert shown and abs(shown["width"] / shown["height"] - natural[0] / natural[1]) < 0.01  # not squashed
    boxes = page.locator(".hl.flag")
    assert boxes.count() > 5
    for i in range(boxes.count()):
        b = boxes.nth(i).bounding_box()
        assert b and b["width"] > b["height"]  # words run across the upright page
    shot(page, "workspace-10-viewer-ocr-turned", full_page=True)


@pytest.mark.parametrize("screen", ["summary", "chronology", "review", "viewer"])
def test_390px_layout(browser: Any, served: str, screen: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    pg = context.new_page()
    login(pg, served, "drsmith")
    export = _export(pg, served)
    file_id = export["files"][0]["file_id"]
    opinion = next(g for g in export["flags"] if g["category"] == "medical_opinion" and g["polarity"] == "negative")
    url = {"summary": f"/claims/{CLAIM}/summary", "chronology": f"/claims/{CLAIM}/chronology",
           "review": f"/claims/{CLAIM}/review",
           "viewer": f"/claims/{CLAIM}/files/{file_id}/pages/{opinion['page']}?flag={opinion['flag_id']}"}[screen]
    pg.goto(served + url)
    pg.wait_for_load_state("networkidle")
    width = pg.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, f"{screen} scrolls sideways: {width} px"
    if screen == "viewer":
        img = pg.locator("#page-image").bounding_box()
        assert img and img["width"] >= 300, "the scan shrank"
        side = pg.locator("#page-side").bounding_box()
        assert side and side["y"] >= img["y"] + img["height"] - 1  # one column: flags below the scan
    if screen == "review":
        assert pg.locator("tr.flag-row").first.bounding_box()["width"] <= 390  # type: ignore[index]
    shot(pg, f"workspace-11-390-{screen}")
    if screen in ("summary", "review"):
        pg.evaluate("() => window.scrollTo(0, 0)")
        shot(pg, f"workspace-12-390-{screen}-top")
    # keyboard basics: a skip link first, every form control labelled (the viewer opened for a flag
    # focuses that flag instead, so this is checked on the page alone)
    pg.goto(served + url.split("?")[0])
    pg.keyboard.press("Tab")
    assert pg.evaluate("() => document.activeElement.textContent") == "Skip to content"
    unlabelled = pg.evaluate("""() => [...document.querySelectorAll('main input, main select, main textarea')]
        .filter(e => e.type !== 'hidden' && !e.labels?.length && !e.getAttribute('aria-label'))
        .map(e => e.outerHTML)""")
    assert unlabelled == []
    context.close()
