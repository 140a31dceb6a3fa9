"""What a page says about itself: page numbering, continuation, VistA header, letterhead, header date."""

from __future__ import annotations

import datetime as dt

from classifiers.page_features import page_features
from classifiers.record_types import default_rules


def features(text: str):  # noqa: ANN201 - test helper
    return page_features(1, text, default_rules())


def test_page_k_of_n_is_read_even_with_ocr_damage() -> None:
    assert features("text\nPage 2 of 4").page_of == (2, 4)
    assert features("text\nPage l of 3").page_of == (1, 3)
    assert features("text\nPg. 3/3").page_of == (3, 3)
    assert features("text\nPage 5 of 3").page_of is None


def test_first_page_of_a_form_opens_a_document_and_page_two_does_not() -> None:
    first = features("CHRONOLOGICAL RECORD OF MEDICAL CARE\n14 MAR 2009 sick call\nS: LBP\nPage 1 of 2")
    second = features("plan continued\nmotrin\nlight duty\nmore\nPage 2 of 2")
    assert first.opens_document and not second.opens_document


def test_form_number_in_the_footer_is_not_a_new_form() -> None:
    text = "item 12 normal\nitem 13 normal\nitem 14 normal\nitem 15 normal\nDD FORM 2808, OCT 2005"
    page = features(text)
    assert not page.opens_document
    assert "service_exam" in page.rule_scores.zone_titled  # but it still says what form this is


def test_vista_note_header_and_its_title() -> None:
    page = features(
        "LOCAL TITLE: PRIMARY CARE NOTE\nSTANDARD TITLE: PRIMARY CARE NOTE\nDATE OF NOTE: MAR 14, 2019@10:15"
    )
    assert page.vista_note_start and page.opens_document
    assert page.title == "PRIMARY CARE NOTE"
    assert page.header_date == dt.date(2019, 3, 14)


def test_continued_marker_wins_over_a_repeated_title() -> None:
    page = features("DA FORM 1307 (CONT) SMITH, JOHN\n 15 20 DEC 2014 C-130 SICILY")
    assert page.continued_marker and not page.opens_document


def test_letterhead_is_a_phone_and_an_address_at_the_top() -> None:
    page = features("Bayside Spine Clinic\n88 Harbor Blvd\nNorfolk, VA 23510\nTel (757) 555-0134\n\nPatient seen today")
    assert page.letterhead and page.opens_document


def test_blank_page() -> None:
    assert features("  \n ").is_blank


def test_page_numbers_without_a_total() -> None:
    bare = features("text of the page\nmore text\n\n- 3 -")
    assert (bare.page_number, bare.page_number_explicit) == (3, False)
    page = features("RE: Terry Nelson - Page 2\nthe remainder of the letter")
    assert page.page_number == 2 and page.page_number_explicit


def test_a_fax_banner_is_looked_past() -> None:
    page = features("05/06/2022 10:01  FROM: SOUND PT  206 555 0100  P.2/4\nDate of Service: 05/05/2022\nS: LBP")
    assert page.fax_key is not None and page.fax_counter == (2, 4)
    assert page.header_date == dt.date(2022, 5, 5)  # the visit date, not the transmission date
    assert page.page_of is None  # the fax counter counts the transmission, not the record


def test_letter_structure_and_text_running_on() -> None:
    first = features("March 3, 2025\n\nDear Judge:\n\nI examined the veteran and reviewed the records that his"
                     " representative sent me, which include the")
    assert first.salutation and first.letter_opening and first.runs_on and not first.closing
    last = features("service records and the separation examination.\n\nRespectfully,\n\n/s/ Maria Velasquez, MD")
    assert last.starts_mid_sentence and last.closing and last.closing_at_end


def test_a_salutation_run_into_the_first_sentence_still_opens_a_letter_and_closes_nothing() -> None:
    # OCR joined the salutation to the letter's first line; "Veterans Law Judge" here is who it is written to.
    page = features("Kessler Spine Clinic\n\nRe: Appellant Orlando Vance\nDear Veterans Law Judge:  I write at the"
                    " request of Mr. Vance about the remand of his claim for the low back and")
    assert page.salutation and not page.closing
    assert not features("He said his dear friend Tom: never mind the pain.").salutation


def test_a_judge_a_letter_is_addressed_to_is_no_signature_but_a_courts_signature_is() -> None:
    letter = features("Hon. Teresa Ambrose\nVeterans Law Judge\nBoard of Veterans' Appeals\n\nDear Judge Ambrose:\n\n"
                      "I treated Mr. Vance for his neck from 2016 until his fusion, and the Veterans Law Judge asked")
    assert letter.salutation and not letter.closing
    court = features("the Board must address the favorable evidence on remand.\n\nSET ASIDE and REMANDED.\n\n"
                     "OKAFOR, Judge")
    assert court.closing


def test_a_title_must_be_shaped_like_one() -> None:
    sentence = features("Emergency department course: the patient was given ketorolac and improved quickly.\nmore")
    assert "private_treatment" in sentence.rule_scores.top_titles and not sentence.opens_document
    title = features("EMERGENCY DEPARTMENT RECORD\nPatient: NELSON, TERRY\nArrival: 05/05/2022 23:10")
    assert title.opens_document and title.header_date == dt.date(2022, 5, 5)
