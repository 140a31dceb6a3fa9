"""find_flags: all eleven categories in realistic sentences, with context, polarity, offsets and dates."""

from __future__ import annotations

from datetime import date

import pytest

from classifiers.evidence_flags import FLAG_CATEGORIES, FlagHit, find_flags


def hits_of(text: str, category: str) -> list[FlagHit]:
    return [h for h in find_flags(text) if h.category == category]


@pytest.mark.parametrize(
    ("category", "sentence", "words"),
    [
        ("back_complaint", "SM c/o LBP x 3 days after a road march.", "LBP"),
        ("back_complaint", "Tenderness over L4-L5 paraspinals on palpation.", "Tenderness over L4-L5 paraspinals"),
        ("injury", "He fell from the vehicle ramp while loading the truck.", "fell from the vehicle ramp"),
        ("injury", "Sustained a hard landing on a night jump at Fort Bragg.", "hard landing"),
        ("gait", "Antalgic gait favoring the right leg.", "Antalgic gait favoring the right leg"),
        ("gait", "He uses a cane for longer distances.", "uses a cane"),
        ("aging_attribution", "The changes are consistent with the natural aging process.", "natural aging process"),
        ("diagnosis", "Assessment: lumbar DDD with left L5 radiculopathy.", "lumbar DDD"),
        ("imaging_finding", "MRI: disc desiccation at L4-5 with mild foraminal narrowing.", "disc desiccation at L4-5"),
        ("service_strain", "Completed 12-mile ruck marches with 80 lb every month.", "12-mile ruck marches with 80 lb"),
        ("medical_opinion", "It is less likely than not that it was incurred in service.", "less likely than not"),
        ("alternative_cause", "He has worked as a roofer since 2012.", "worked as a roofer"),
        ("continuity", "He has had back pain ever since.", "ever since"),
        ("secondary_link", "Altered gait from the knee has strained the back.", "has strained the back"),
    ],
)
def test_each_category_in_a_realistic_sentence(category: str, sentence: str, words: str) -> None:
    hits = hits_of(sentence, category)
    assert hits, f"no {category} in {sentence!r}"
    at = sentence.index(words)
    assert any(h.start < at + len(words) and at < h.end for h in hits), [h.text for h in hits]
    for h in hits:
        assert sentence[h.start : h.end] == h.text
        assert not h.negated


def test_all_eleven_categories_exist() -> None:
    assert len(FLAG_CATEGORIES) == 11


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Veteran denies back pain.", "back_complaint"),
        ("No evidence of foraminal narrowing.", "imaging_finding"),
        ("Negative for radiculopathy on EMG.", "diagnosis"),
        ("Walks steadily without a cane.", "gait"),
    ],
)
def test_negated_flags_are_returned_negated_with_the_right_category(sentence: str, category: str) -> None:
    hits = [h for h in hits_of(sentence, category) if h.text.lower() not in ("walks",)]
    assert hits and all(h.negated for h in hits), hits


def test_one_flag_per_sentence_and_category_carries_every_span() -> None:
    sentence = "Gait steady, without a cane."
    hits = hits_of(sentence, "gait")
    assert len(hits) == 1
    assert [sentence[s:e] for s, e in hits[0].spans] == ["Gait", "cane"]
    assert hits[0].negated  # a normal gait and an absent device: evidence against, flagged negated
    limp = hits_of("Antalgic gait on the left, no cane.", "gait")
    assert len(limp) == 1 and not limp[0].negated  # one affirmed span makes the flag affirmed


def test_family_history_is_flagged_for_another_experiencer() -> None:
    hits = hits_of("His father had chronic back pain.", "back_complaint")
    assert hits and hits[0].experiencer == "other"
    own = hits_of("He has chronic back pain.", "back_complaint")
    assert own and own[0].experiencer == "patient"


def test_hypothetical_and_historical() -> None:
    hyp = hits_of("Return to clinic if back pain worsens.", "back_complaint")
    assert hyp and hyp[0].hypothetical and not hyp[0].negated
    hist = hits_of("Past medical history of lumbar strain.", "diagnosis")
    assert hist and hist[0].historical


@pytest.mark.parametrize(
    "sentence",
    [
        "Degenerative changes are consistent with his age.",
        "Findings represent age-related degenerative changes.",
        "This reflects the natural progression of the disease.",
        "Wear and tear of aging rather than any in-service event.",
        "Such findings are common in this age group.",
        "The changes are due to the natural aging process.",
        "The condition is degenerative in nature and due to age.",
    ],
)
def test_aging_language_is_an_aging_attribution(sentence: str) -> None:
    assert hits_of(sentence, "aging_attribution")


@pytest.mark.parametrize(
    "sentence",
    [
        "A 54-year-old male presents with low back pain.",
        "Age: 54.",
        "Veteran, aged 61, here for annual exam.",
        "Enlisted at age 18 in 1990.",
        "He is a 58 y/o veteran with hypertension.",
    ],
)
def test_a_plain_age_is_not_an_aging_attribution(sentence: str) -> None:
    assert not hits_of(sentence, "aging_attribution")


def test_negated_aging_attribution_keeps_its_category() -> None:
    hits = hits_of("The back condition is not due to age.", "aging_attribution")
    assert hits and hits[0].negated


@pytest.mark.parametrize(
    ("sentence", "polarity"),
    [
        ("It is at least as likely as not that the back condition was incurred in service.", "positive"),
        ("The lumbar DDD is more likely than not due to his military service.", "positive"),
        ("The claimed condition is less likely than not related to military service.", "negative"),
        ("The back disability was not caused by the in-service injury.", "negative"),
        ("I cannot resolve this issue without resort to mere speculation.", "speculative"),
    ],
)
def test_opinion_polarity(sentence: str, polarity: str) -> None:
    hits = hits_of(sentence, "medical_opinion")
    assert hits and {h.polarity for h in hits} == {polarity}


def test_polarity_only_on_opinions() -> None:
    assert all(h.polarity is None for h in find_flags("SM c/o LBP. Antalgic gait.") )


@pytest.mark.parametrize(
    "sentence",
    ["Sore throat x 2 days.", "Neck pain radiating to the shoulder.", "Pain in the back of the head.",
     "He will be back at work Monday.", "Fell asleep during the briefing.", "Fall risk assessment completed."],
)
def test_non_back_complaints_and_traps_flag_nothing(sentence: str) -> None:
    assert find_flags(sentence) == []


def test_sentence_offsets_dates_and_determinism() -> None:
    text = "CHRONOLOGICAL RECORD OF MEDICAL CARE\nOn 14 March 2004 SM fell from the\nvehicle ramp. Denies back pain."
    hits = find_flags(text)
    assert find_flags(text) == hits
    injury = [h for h in hits if h.category == "injury"][0]
    assert text[injury.sentence_start : injury.sentence_start + len(injury.sentence)] == injury.sentence
    assert injury.date == date(2004, 3, 14)
    back = [h for h in hits if h.category == "back_complaint"][0]
    assert back.negated and back.date is None
    keys = [(h.category, h.start, h.end) for h in hits]
    assert len(keys) == len(set(keys))


def test_event_dates_come_from_the_dates_module_and_are_never_misread() -> None:
    assert find_flags("Hard landing on 22 April 2008.")[0].date == date(2008, 4, 22)
    # a month and year is not the 20th of April; partial dates are classifiers.dates' to read
    assert find_flags("Hard landing in April 2008.")[0].date in (None, date(2008, 4, 1))


def test_sample_claim_flags_all_categories_with_context() -> None:
    """The lead's sample claim file (samples/claim_content.py) is the end-to-end ground truth."""
    claim = pytest.importorskip("samples.claim_content")
    found_categories: set[str] = set()
    expected = right = 0
    for doc in claim.DOCUMENTS:
        for page, flags, not_flags in zip(doc.pages, doc.flags, doc.not_flags, strict=True):
            text = "\n".join(line.lstrip("^") for line in page.split("\n"))
            hits = find_flags(text, doc.record_type)
            found_categories |= {h.category for h in hits if not h.negated}
            for f in flags:
                at = text.find(f.phrase)
                if at < 0:
                    continue  # phrase split by layout markup
                expected += 1
                same = [h for h in hits if h.category == f.category
                        and any(s < at + len(f.phrase) and at < e for s, e in h.spans)]
                right += any(
                    (h.negated, h.hypothetical, h.experiencer) == (f.negated, f.hypothetical, f.experiencer)
                    and (f.polarity is None or h.polarity == f.polarity)
                    for h in same
                )
            for nf in not_flags:
                at = text.find(nf.phrase)
                plain = [
                    h for h in hits
                    if h.category == nf.category and any(s < at + len(nf.phrase) and at < e for s, e in h.spans)
                    and not (h.negated or h.hypothetical or h.experiencer == "other")
                ]
                assert not plain, (nf.phrase, nf.why)
    assert found_categories == set(FLAG_CATEGORIES)
    assert expected >= 50 and right / expected >= 0.9, (right, expected)


def test_ocr_digits_inside_words_are_read_as_letters() -> None:
    text = "Pt c/o 1ower back pain; n0 numbness. L5-S1 and 11B unchanged."
    hits = find_flags(text)
    back = [h for h in hits if h.category == "back_complaint"]
    assert back and back[0].text == "1ower back pain" and not back[0].negated
    assert any(h.category == "service_strain" and h.text == "11B" for h in hits)


def test_unchecked_form_option_and_line_of_duty_wording_are_not_opinions() -> None:
    dbq = (
        "[ ] The claimed condition was at least as likely as not incurred in service.\n"
        "[X] The claimed condition was less likely than not incurred in service."
    )
    opinions = hits_of(dbq, "medical_opinion")
    assert [(h.text, h.polarity) for h in opinions] == [("less likely than not", "negative")]
    assert hits_of("14. MEDICAL OPINION: INJURY WAS NOT DUE TO ALCOHOL OR DRUG ABUSE.", "medical_opinion") == []


def test_an_opinion_is_not_dated_by_the_event_it_discusses() -> None:
    hits = find_flags("The lumbar DDD is at least as likely as not due to the hard landing on 22 April 2008.")
    by_category = {h.category: h for h in hits}
    assert by_category["injury"].date == date(2008, 4, 22)
    assert by_category["medical_opinion"].date is None


@pytest.mark.parametrize(
    ("noisy", "category"),
    [
        ("Prior history of sciatlca.", "diagnosis"),
        ("Paraehute malfunction on the drop zone.", "injury"),
        ("He favors his riqht leg when walking.", "gait"),
        ("The changes are part of the nafural aqing process.", "aging_attribution"),
    ],
)
def test_ocr_confusions_inside_words_still_match(noisy: str, category: str) -> None:
    assert hits_of(noisy, category)


def test_short_triggers_stay_literal_under_ocr_tolerance() -> None:
    """'if' (hypothetical) must not fire on 'It', nor 'he' on 'be'."""
    hits = hits_of("It is my opinion that the back pain is at least as likely as not due to service.", "back_complaint")
    assert hits and not hits[0].hypothetical


def test_generic_persistence_is_continuity_only_about_the_back_or_service() -> None:
    assert hits_of("He continues to have back pain.", "continuity")
    assert not hits_of("She still continues to have throat discomfort.", "continuity")
    assert not hits_of("She has been nauseated since then.", "continuity")
