"""The evidence brief from a hand-built export v2 (documents, encounters, flags with spans, notes and
statuses): opinions first with their rationale and factors, every record dated, one chronology row per
encounter, evidence by element with the physician's work in it, the checklist; and its Markdown: no
repeated line, no internal id, every citation a link."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from claims.brief_layout import layout, md_escape
from claims.evidence_brief import build_evidence_summary, quote_parts, render_summary_markdown
from claims.readable import ServicePeriods, date_at_precision, readable
from config.vocabulary import FLAG_CATEGORIES, RECORD_TYPES

CP_P1 = """BACK (THORACOLUMBAR SPINE) CONDITIONS
DISABILITY BENEFITS QUESTIONNAIRE
He has worked as a roofer since 2013.
SECTION XII - MEDICAL OPINION
Opinion requested: Direct service connection, lumbar spine condition.
[X] The claimed condition was less likely than not (less than 50%
probability) incurred in or caused by the claimed in-service
injury, event or illness."""
CP_P2 = """SECTION XII - MEDICAL OPINION (continued)
RATIONALE: The STRs document an acute lumbar strain in April 2008. The current lumbar DDD is
consistent with the natural aging process. Obesity (BMI 36) is a more likely contributor.
There was no treatment for years after separation.

Examiner: /es/ KAREN L. MOSBY, PA-C
C&P Examiner, Dayton VAMC         Date signed: September 19, 2024"""
STR_P = """CHRONOLOGICAL RECORD OF MEDICAL CARE
22 APR 2008 BN AID STATION
S: c/o low back pain after a hard parachute landing.
A: Lumbar strain, acute.
14 MAR 2009 TMC
S: LBP after a 12-mile ruck march with 80 lb.
Denies numbness."""
VA_P = """PRIMARY CARE NOTE
He has had back pain ever since service.
GAIT: antalgic, favoring the right.
Father had back surgery."""
RATING_P = """RATING DECISION
1. Service connection for lumbar degenerative disc disease is denied.
The VA examiner opined that your back condition is less likely than not caused by service.
The examiner explained that the condition is consistent with aging.
Service connection is denied.

/s/ T. R. HALVORSEN
Rating Veterans Service Representative"""
MRI_P = "MRI LUMBAR SPINE\nIMPRESSION: Disc desiccation at L4-5.\nNo fracture."

PAGES = {1: STR_P, 2: VA_P, 3: MRI_P, 4: CP_P1, 5: CP_P2, 6: RATING_P, 7: "DD FORM 214\nINFANTRY 11B",
         8: "STATEMENT IN SUPPORT OF CLAIM", 9: "LAY STATEMENT"}


def flag(flag_id: str, category: str, page: int, phrase: str, sentence: str | None = None,
         **kw: Any) -> dict[str, Any]:
    text = PAGES[page]
    start = text.index(phrase)
    sentence = sentence if sentence is not None else next(
        line for line in text.split("\n") if phrase.split("\n")[0] in line)
    base: dict[str, Any] = {
        "flag_id": flag_id, "category": category, "file_id": "f1", "page": page, "document_id": kw.pop("doc"),
        "record_type": kw.pop("record_type", "other"), "text": phrase, "sentence": sentence, "start": start,
        "end": start + len(phrase), "negated": False, "historical": False, "hypothetical": False,
        "experiencer": "patient", "polarity": None, "in_service": None, "status": "pending", "note": None,
        "spans": [[start, start + len(phrase)]], "encounter_id": None, "record_date": None,
        "record_date_precision": None, "event_date": None, "event_date_precision": None, "date": None,
    }
    base.update(kw)
    return base


def make_export() -> dict[str, Any]:
    docs = [
        ("d_str", 1, 1, "service_treatment", "2008-04-22", "day", "CHRONOLOGICAL RECORD OF MEDICAL CARE"),
        ("d_va", 2, 2, "va_treatment", "2019-10-01", "month", "PRIMARY CARE NOTE"),
        ("d_mri", 3, 3, "imaging_report", "2021-03-02", "day", "MRI LUMBAR SPINE"),
        ("d_cp", 4, 5, "cp_exam", "2024-09-17", "day", "BACK (THORACOLUMBAR SPINE) CONDITIONS"),
        ("d_rating", 6, 6, "rating_decision", "2024-11-04", "day", None),
        ("d_dd214", 7, 7, "service_personnel", "2005-01-01", "year", "DD FORM 214"),
        ("d_stmt", 8, 8, "personal_statement", None, None, "STATEMENT IN SUPPORT OF CLAIM"),
        ("d_buddy", 9, 9, "buddy_statement", "2025-01-20", "day", "LAY STATEMENT"),
    ]
    return {
        "schema_version": 2, "claim_id": "c1",
        "service_periods": [{"start": "1991-06-11", "end": "2011-08-31", "branch": "Army"}],
        "files": [{"file_id": "f1", "filename": "cfile.pdf", "sha256": "0" * 64, "page_count": 9, "status": "done",
                   "errors": []}],
        "pages": [{"file_id": "f1", "page": n, "text": t, "source": "text_layer", "document_id": None}
                  for n, t in PAGES.items()],
        "documents": [{"document_id": d, "file_id": "f1", "first_page": a, "last_page": b, "record_type": rt,
                       "confidence": 0.9, "date": date, "date_precision": prec, "title": title}
                      for d, a, b, rt, date, prec, title in docs],
        "encounters": [
            {"encounter_id": "e1", "document_id": "d_str", "file_id": "f1", "first_page": 1, "last_page": 1,
             "start": STR_P.index("22 APR"), "end": STR_P.index("14 MAR"), "date": "2008-04-22",
             "date_precision": "day", "kind": "sick call", "provider": None, "facility": "BN AID STATION",
             "in_service": True},
            {"encounter_id": "e2", "document_id": "d_str", "file_id": "f1", "first_page": 1, "last_page": 1,
             "start": STR_P.index("14 MAR"), "end": len(STR_P), "date": "2009-03-14", "date_precision": "day",
             "kind": "sick call", "provider": None, "facility": "TMC", "in_service": None},
        ],
        "flags": [
            flag("g_inj", "injury", 1, "hard parachute landing", doc="d_str", record_type="service_treatment",
                 in_service=True, encounter_id="e1"),
            flag("g_lbp", "back_complaint", 1, "low back pain", doc="d_str", record_type="service_treatment",
                 in_service=True, encounter_id="e1"),
            flag("g_dx", "diagnosis", 1, "Lumbar strain", doc="d_str", record_type="service_treatment",
                 in_service=True, encounter_id="e1", status="confirmed", note="Acute strain on the jump day."),
            flag("g_ruck", "service_strain", 1, "12-mile ruck march with 80 lb", doc="d_str",
                 record_type="service_treatment", encounter_id="e2"),
            flag("g_numb", "back_complaint", 1, "numbness", doc="d_str", record_type="service_treatment",
                 negated=True, encounter_id="e2"),
            flag("g_cont", "continuity", 2, "back pain ever since service", doc="d_va", record_type="va_treatment"),
            flag("g_gait", "gait", 2, "antalgic", doc="d_va", record_type="va_treatment"),
            flag("g_father", "back_complaint", 2, "back surgery", doc="d_va", record_type="va_treatment",
                 experiencer="other"),
            flag("g_mri", "imaging_finding", 3, "Disc desiccation at L4-5", doc="d_mri", record_type="imaging_report"),
            flag("g_mri_dx", "diagnosis", 3, "Disc desiccation", doc="d_mri", record_type="imaging_report",
                 status="dismissed"),
            flag("g_nofx", "imaging_finding", 3, "fracture", doc="d_mri", record_type="imaging_report", negated=True),
            flag("g_roof", "alternative_cause", 4, "worked as a roofer", doc="d_cp", record_type="cp_exam"),
            flag("g_op", "medical_opinion", 4, "less likely than not",
                 sentence="[X] The claimed condition was less likely than not (less than 50%\nprobability) "
                          "incurred in or caused by the claimed in-service\ninjury, event or illness.",
                 doc="d_cp", record_type="cp_exam", polarity="negative", note="Ignores the 2008 jump."),
            flag("g_age", "aging_attribution", 5, "consistent with the natural aging process",
                 sentence="The current lumbar DDD is\nconsistent with the natural aging process.", doc="d_cp",
                 record_type="cp_exam"),
            flag("g_bmi", "alternative_cause", 5, "Obesity (BMI 36)", doc="d_cp", record_type="cp_exam"),
            flag("g_gap", "continuity", 5, "no treatment for years after separation", doc="d_cp",
                 record_type="cp_exam", negated=True),
            flag("g_rop", "medical_opinion", 6, "less likely than not", doc="d_rating", record_type="rating_decision",
                 polarity="negative"),
            flag("g_rage", "aging_attribution", 6, "consistent with aging", doc="d_rating",
                 record_type="rating_decision"),
            flag("g_plan", "back_complaint", 2, "GAIT", doc="d_va", record_type="va_treatment", hypothetical=True),
        ],
    }


def md() -> str:
    return render_summary_markdown(build_evidence_summary(make_export()), base_url="")


def test_opinions_come_first_with_author_date_conclusion_rationale_and_factors() -> None:
    brief = build_evidence_summary(make_export())
    cp, rating = brief.opinions
    assert (cp.source, cp.date) == ("C&P examination", "2024-09-17")
    assert cp.author == "KAREN L. MOSBY, PA-C (C&P Examiner, Dayton VAMC)"
    assert cp.issue == "Direct service connection, lumbar spine condition"
    assert cp.polarity == "unfavourable (less likely than not)"
    assert "".join(p.text for p in cp.conclusion or ()).startswith("The claimed condition was less likely")
    assert [p.text for p in cp.conclusion or () if p.strong] == ["less likely than not"]
    assert cp.rationale and cp.rationale.startswith("The STRs document an acute lumbar strain")
    assert cp.rationale_link and cp.rationale_link.label == "p. 5"
    assert {f.label for f in cp.factors} == {"Civilian work", "Aging", "Weight", "Gap in treatment"}
    for f in cp.factors:
        assert f.item.links[0].href.startswith("/claims/c1/files/f1/pages/") and "?flag=g_" in f.item.links[0].href
    assert cp.notes == ["Ignores the 2008 jump."]
    assert cp.link.href == "/claims/c1/files/f1/pages/4?flag=g_op"
    assert rating.source == "Rating decision"
    assert rating.author == "T. R. HALVORSEN (Rating Veterans Service Representative)"
    assert rating.issue == "Service connection for lumbar degenerative disc disease is denied"
    assert rating.rationale and rating.rationale.startswith("The examiner explained")
    assert [f.label for f in rating.factors] == ["Aging"]
    text = md()
    assert text.index("## 1. Opinions to answer") < text.index("## 2. Records reviewed") < text.index(
        "## 3. Chronology") < text.index("## 4. Evidence by nexus element") < text.index("## 5. What a strong")
    assert text.index("### C&P examination, 2024-09-17") < text.index("### Rating decision, 2024-11-04")


def test_every_record_appears_with_its_date_at_its_precision_primary_first() -> None:
    brief = build_evidence_summary(make_export())
    labels = [g.label for g in brief.records]
    assert labels[:4] == ["Service treatment records", "Service personnel records", "VA treatment records",
                          "Imaging reports"]
    assert all(g.primary for g in brief.records[:4]) and not any(g.primary for g in brief.records[4:])
    entries = {r.title: r for g in brief.records for r in g.records}
    assert len(entries) == 8
    assert entries["DD FORM 214"].date == "2005"
    assert entries["PRIMARY CARE NOTE"].date == "October 2019"
    assert entries["MRI LUMBAR SPINE"].date == "2021-03-02"
    assert entries["STATEMENT IN SUPPORT OF CLAIM"].date == "undated"
    assert entries["Rating decision"].pages == "p. 6"  # no title: its type names it
    assert entries["BACK (THORACOLUMBAR SPINE) CONDITIONS"].pages == "pp. 4–5"
    assert "more" not in md().split("## 2. Records reviewed")[1].split("## 3.")[0]


def test_chronology_one_row_per_encounter_else_per_dated_document() -> None:
    brief = build_evidence_summary(make_export())
    assert brief.chronology_from_encounters
    rows = [(r.date, r.kind, r.in_service) for r in brief.chronology]
    assert rows[:3] == [("2005", "Service personnel record", True),
                        ("2008-04-22", "Service treatment record · sick call", True),
                        ("2009-03-14", "Service treatment record · sick call", True)]  # inside the DD 214 period
    assert ("October 2019", "VA treatment record", False) in rows
    assert len(rows) == len(set(rows)) == 8  # two encounters + six dated documents; the undated statement is out
    sick = brief.chronology[1]
    assert sick.who == "BN AID STATION" and "hard parachute landing" in sick.finding or "Lumbar strain" in sick.finding
    assert sick.link.href.startswith("/claims/c1/files/f1/pages/1?flag=")
    assert set(sick.categories) == {"injury", "back_complaint", "diagnosis"}


def test_chronology_merges_a_record_filed_twice() -> None:
    export = make_export()
    dup = copy.deepcopy(next(d for d in export["documents"] if d["document_id"] == "d_mri"))
    export["pages"].append({"file_id": "f1", "page": 10, "text": MRI_P, "source": "text_layer", "document_id": None})
    export["documents"].append({**dup, "document_id": "d_mri2", "first_page": 10, "last_page": 10})
    export["flags"].append({**next(f for f in export["flags"] if f["flag_id"] == "g_mri"), "flag_id": "g_mri2",
                            "page": 10, "document_id": "d_mri2"})
    brief = build_evidence_summary(export)
    mri = [r for r in brief.chronology if r.kind == "Imaging report"]
    assert len(mri) == 1 and [x.label for x in mri[0].more_links] == ["p. 10"]
    imaging = brief.element_by_key["imaging"]
    assert [x.label for x in imaging.items[0].links] == ["p. 3", "p. 10"]  # one line, both places


def test_evidence_by_element_confirmed_first_notes_shown_dismissed_out_against_listed() -> None:
    brief = build_evidence_summary(make_export())
    e = brief.element_by_key
    diagnosis = e["diagnosis"].items
    assert diagnosis[0].confirmed and diagnosis[0].notes == ["Acute strain on the jump day."]
    assert all("Disc desiccation" not in it.text for it in diagnosis)  # dismissed as a diagnosis
    assert [it.text for it in e["imaging"].items] == ["IMPRESSION: Disc desiccation at L4-5."]
    assert [it.against for it in e["imaging"].against] == ["stated absent or normal"]
    assert any("numbness" in it.text for it in e["in_service"].against)
    assert any("ever since service" in it.text for it in e["continuity"].items)
    assert any("antalgic" in it.text for it in e["secondary"].items)
    # The opinion's own factors are quoted with it, not again here.
    assert not any("aging" in it.text.lower() for it in e["alternative"].items)
    keys = [it.key for el in brief.elements for it in el.items + el.more + el.against + el.more_against]
    assert len(keys) == len(set(keys))
    assert brief.set_aside == {"about someone else": 1, "dismissed by the physician": 1,
                               "hypothetical (plans, questions, rule-outs)": 1, "stated absent or normal": 3}


def test_confirmations_notes_and_dismissals_change_the_brief() -> None:
    export = make_export()
    before = render_summary_markdown(build_evidence_summary(export), base_url="")
    assert "back pain ever since service" in before and "Note from review" not in before
    for g in export["flags"]:
        if g["flag_id"] == "g_cont":
            g["status"] = "dismissed"
        if g["flag_id"] == "g_gait":
            g["status"], g["note"] = "confirmed", "Note from review: limp since 2015."
    after = render_summary_markdown(build_evidence_summary(export), base_url="")
    assert "back pain ever since service" not in after
    assert "**[confirmed]**" in after.split("### 4.5")[1].split("###")[0]
    assert "Physician's note:** Note from review: limp since 2015." in after
    brief = build_evidence_summary(export)
    assert brief.reviewed == {"confirmed": 2, "dismissed": 2, "to review": 15}


def test_checklist_found_at_or_missing() -> None:
    brief = build_evidence_summary(make_export())
    items = {c.need.split(":")[0].split(" (")[0]: c for c in brief.checklist}
    assert items["A current diagnosis that names the condition"].found
    assert items["An in-service injury or event"].links[0].label == "p. 1"
    assert items["Imaging that shows the condition"].found
    assert items["The C&P examination"].links[0].label == "pp. 4–5"
    assert items["Opinions against the claim, which the letter must answer directly"].comment
    assert not items["For a secondary knee claim"].found
    text = md()
    assert "\\[ \\] For a secondary knee claim: an established knee diagnosis — **missing**" in text
    assert re.search(r"— \*\*found at\*\* \[p\. 1\]\(/claims/c1/files/f1/pages/1\?flag=g_\w+\)", text)


def test_markdown_has_no_repeated_line_no_internal_id_and_every_citation_is_a_link() -> None:
    text = md()
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == len(set(lines))
    visible = re.sub(r"\]\([^)]*\)", "]", text)  # link targets may carry ids; the words may not
    visible = re.sub(r'<a id="[^"]*"></a>', "", visible)
    ids = [x for x in (*FLAG_CATEGORIES, *RECORD_TYPES) if "_" in x] + ["g_", "d_cp", "f1", "e1"]
    for raw in ids:  # ("injury", "gait" ... are words of the records themselves)
        assert raw not in visible and md_escape(raw) not in visible, raw
    bare = re.findall(r"(?<!\[)\bpp?\. \d+(?:–\d+)?(?!\]\()", re.sub(r"\[[^\]]*\]\([^)]*\)", "", text))
    assert bare == [], bare  # every page citation is inside a link
    assert re.findall(r"\]\((/claims/c1/files/f1/pages/\d+(?:\?flag=g_\w+)?)\)", text)


def test_markdown_escapes_hostile_record_text_and_links_to_the_base_url() -> None:
    export = make_export()
    export["files"][0]["filename"] = "**a *b** c*.pdf"
    export["files"].append({**export["files"][0], "file_id": "f2", "filename": "[x](javascript:y) <b>|#"})
    for d in export["documents"]:
        if d["document_id"] == "d_mri":
            d["title"] = "*MRI* _lumbar_ `spine` | [link](http://evil)"
    text = render_summary_markdown(build_evidence_summary(export), base_url="https://claimdex.example.org")
    assert "\\*\\*a \\*b\\*\\* c\\*.pdf" in text
    assert "\\*MRI\\* \\_lumbar\\_ \\`spine\\` \\| \\[link\\](http://evil)" in text
    assert "](https://claimdex.example.org/claims/c1/files/f1/pages/" in text
    assert not re.search(r"(?<!\\)\]\(http://evil", text)  # the title's brackets are text, not a link


def test_an_adjudicative_record_leaning_on_aging_without_an_opinion_sentence_is_answered() -> None:
    export = make_export()
    export["flags"] = [g for g in export["flags"] if g["flag_id"] != "g_rop"]
    brief = build_evidence_summary(export)
    rating = brief.opinions[-1]
    assert rating.source == "Rating decision" and rating.conclusion is None and [f.label for f in rating.factors] == [
        "Aging"]


def test_empty_export() -> None:
    brief = build_evidence_summary({"claim_id": "x", "files": [], "pages": [], "documents": [], "flags": []})
    assert brief.opinions == [] and brief.chronology == [] and not any(c.found for c in brief.checklist)
    text = render_summary_markdown(brief, base_url="")
    assert "No dated records." in text and "No documents yet." in text


@pytest.mark.parametrize(("value", "precision", "shown"), [
    ("2005-01-01", "year", "2005"), ("2008-04-01", "month", "April 2008"), ("2008-04-22", "day", "2008-04-22"),
    ("2008-04-22", None, "2008-04-22"), (None, "day", "undated"), ("garbage", "day", "undated")])
def test_dates_at_their_precision(value: str | None, precision: str | None, shown: str) -> None:
    assert date_at_precision(value, precision) == shown


def test_service_periods_and_labels() -> None:
    periods = ServicePeriods.of([{"start": "1991-06-11", "end": "2011-08-31"}])
    assert periods.contains("2008-04-22") is True and periods.contains("2012-01-01") is False
    assert periods.contains(None) is None and ServicePeriods.of([]).contains("2008-01-01") is None
    assert readable("service_strain") == "Service duties and strain" and readable("cp_exam") == "C&P examination"
    assert all("_" not in readable(x) for x in (*FLAG_CATEGORIES, *RECORD_TYPES))


def test_quotes_are_clipped_around_the_evidence_and_strip_control_characters() -> None:
    sentence = " ".join(f"word{i}" for i in range(200)) + " the antalgic gait here\x00 and more words after it"
    parts = quote_parts(sentence, ["antalgic gait"], max_chars=120)
    text = "".join(p.text for p in parts)
    assert text.startswith("… ") and "\x00" not in text and len(text) <= 125
    assert [p.text for p in parts if p.strong] == ["antalgic gait"]


def test_layout_is_one_model_for_every_renderer() -> None:
    blocks = layout(build_evidence_summary(make_export()))
    assert blocks[0].text == "Evidence brief: claim c1"  # type: ignore[union-attr]
