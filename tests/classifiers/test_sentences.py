"""Sentence splitting on OCR text and clinical shorthand: context must not leak across sentences."""

from __future__ import annotations

from classifiers.sentences import split_sentences


def sentences_of(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Pt. c/o LBP x 3 days. Seen by Dr. Smith, i.e. the flight surgeon. Tylenol 500 mg b.i.d. prn pain."
    assert sentences_of(text) == [
        "Pt. c/o LBP x 3 days.",
        "Seen by Dr. Smith, i.e. the flight surgeon.",
        "Tylenol 500 mg b.i.d. prn pain.",
    ]


def test_spinal_levels_and_decimals_stay_inside_a_sentence() -> None:
    text = "Tenderness over L4-5 and L5-S1 paraspinals. Temp 98.6 today."
    assert sentences_of(text) == ["Tenderness over L4-5 and L5-S1 paraspinals.", "Temp 98.6 today."]


def test_ocr_line_wrap_is_joined_but_headers_and_bullets_split() -> None:
    text = (
        "CHRONOLOGICAL RECORD OF MEDICAL CARE\n"
        "SM reports low back pain after a ruck march and\n"
        "denies numbness or tingling.\n"
        "ASSESSMENT\n"
        "- lumbar strain\n"
        "- antalgic gait\n"
        "1. Motrin 800 mg.\n"
        "2. Profile x 7 days."
    )
    assert sentences_of(text) == [
        "CHRONOLOGICAL RECORD OF MEDICAL CARE",
        "SM reports low back pain after a ruck march and\ndenies numbness or tingling.",
        "ASSESSMENT",
        "- lumbar strain",
        "- antalgic gait",
        "1. Motrin 800 mg.",
        "2. Profile x 7 days.",
    ]


def test_offsets_index_the_original_text_and_blank_lines_split() -> None:
    text = "  Denies back pain\n\nFather had back surgery.  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Denies back pain", "Father had back surgery."]
    assert spans[0][0] == 2


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n\n ") == []


def test_a_run_without_punctuation_is_cut_but_nothing_is_lost() -> None:
    text = "back pain " * 1000
    spans = split_sentences(text)
    assert len(spans) > 1 and all(e - s <= 1500 for s, e in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


def test_a_line_ending_on_a_preposition_or_article_is_wrapped() -> None:
    text = "There is mild narrowing at\nL3-L4 and at L4-L5.\nMRI was reviewed with the\nPatient and his wife."
    assert sentences_of(text) == [
        "There is mild narrowing at\nL3-L4 and at L4-L5.",
        "MRI was reviewed with the\nPatient and his wife.",
    ]


def test_a_period_glued_to_the_next_sentence_ends_it() -> None:
    """Exported and transcribed notes lose the space after a period; the context of one sentence must not
    reach the next ("no stenosis.L4-5: There is a broad disc bulge" is a positive finding at L4-5)."""
    text = ("No stenosis at L3-4.L4-5: There is a broad-based disc bulge.Impression: mild facet arthropathy."
            "PLAN: Return in two weeks.Denies falls.He walks with a cane.")
    assert sentences_of(text) == [
        "No stenosis at L3-4.",
        "L4-5: There is a broad-based disc bulge.",
        "Impression: mild facet arthropathy.",
        "PLAN: Return in two weeks.",
        "Denies falls.",
        "He walks with a cane.",
    ]


def test_a_glued_period_of_an_abbreviation_initial_or_address_does_not_end_a_sentence() -> None:
    for text in ("Seen by Dr.Alvarez for the knee.", "Served in the U.S.Navy for six years.",
                 "Forms are at www.Benefits.gov for the claim.", "Wrote to J.Marsh about the claim."):
        assert sentences_of(text) == [text], text


def test_a_glued_negation_does_not_negate_the_next_finding() -> None:
    from classifiers.evidence_flags import find_flags

    text = "No fracture or dislocation.Severe tenderness over the lumbar paraspinal muscles."
    back = [f for f in find_flags(text, "private_treatment") if f.category == "back_complaint"]
    assert back and not back[0].negated


def test_a_title_case_line_is_a_heading_not_a_wrapped_sentence() -> None:
    text = "Presenting Problem 2. Right Sacroiliac Region\nIntermittent ache on rising from a chair.\n"
    pieces = [text[s:e] for s, e in split_sentences(text)]
    assert pieces[-1] == "Intermittent ache on rising from a chair."
    assert "Right Sacroiliac Region" in pieces[-2]
    # a wrapped list item is not a title, though its words are capitalised
    item = "- Award (Navy, 2004), Fleet Marine Force Ribbon, Sea Service\nDeployment Ribbon with two stars.\n"
    assert len(split_sentences(item)) == 1
    # nor a wrapped sentence whose line ends mid-phrase
    wrapped = "She Reports Pain In The Lower Back And\nLeft Hip since the move.\n"
    assert len(split_sentences(wrapped)) == 1
