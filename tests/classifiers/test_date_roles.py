"""What each date on a page is: the document's own date or a birth, edition, fax, entry or follow-up date."""

from __future__ import annotations

import pytest

from classifiers.date_roles import NOT_DOCUMENT_ROLES, date_role
from classifiers.dates import find_dates


def roles(text: str) -> list[str]:
    return [date_role(text, d) for d in find_dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DATE OF NOTE: MAR 14, 2019@10:15   ENTRY DATE: MAR 14, 2019@10:20", ["note", "header"]),
        ("Patient DOB 05/02/1980   Exam Date: 03/02/2021", ["birth", "exam"]),
        ("VA FORM 21-4138, JUN 2021", ["edition"]),
        ("SF 600 (REV. 6-97) printed SEP 2019 EDITION", ["edition"]),
        ("ACTIVE DUTY: EOD 06/11/1991 - RAD 08/31/2011", ["service", "service"]),
        ("RATING DECISION DATE: 11/04/2024", ["decision"]),
        ("SIGNATURE: /s/ Rafael Quintero            DATE: 01/20/2025", ["signature"]),
        ("Follow up on 04/02/2009 or sooner", ["future"]),
        ("Printed On Oct 21, 2019", ["print"]),
        ("March 3, 2025", ["letter"]),
        ("14 MAR 2009   TROOP MEDICAL CLINIC 3   0915 HRS", ["entry"]),
        ("Rating decision dated 03/02/2020 denied the claim.", ["mentioned"]),
        ("Decison date 08/17/2021", ["decision"]),  # OCR: a letter lost
        # Written fresh for OCR and layout rules (not corpus text):
        ("Date of reasessment 11/02/2014", ["mentioned"]),  # shares "DATE OF RE" with "date of release" only
        ("Exarnination date: 06/19/2015", ["exam"]),
        ("The Board decision dat ed May 2, 2016 remanded", ["mentioned"]),  # "dated", broken by OCR
        ("Appeal: decisi0ndated 12/09/2019 is final", ["mentioned"]),
        ("RATING PERIOD 20140601 THROUGH 20150531", ["mentioned", "report"]),  # a report is of its period's end
        ("ORDERS 114-027   24 APR 2013", ["header"]),  # orders: their number and issue date
        ("Date of rcpor t: 07/08/2016", ["report"]),  # one letter misread, one space
        ("RATING PERIOD 20140601 TH.RU 20150531", ["mentioned", "report"]),  # a speck inside THRU
    ],
)
def test_roles(text: str, expected: list[str]) -> None:
    assert roles(text) == expected


def test_roles_that_never_date_a_document() -> None:
    assert {"birth", "edition", "fax", "print", "service", "future"} <= NOT_DOCUMENT_ROLES


LETTER_BODY = "\n".join(f"Paragraph line {i} of a typed letter about the claim." for i in range(18))


@pytest.mark.parametrize(
    "closing",
    [
        "Respectfuly,\nMaria Lopez\nDafe: 03/02/2020",  # the date label garbled, the closing misspelt
        "Sincere1y,\n\nMaria Lopez\n03/02/2020",  # a bare date under the signature
        "I swear this is true and correct.\nMaria Lopez    O3/O2/2O2O",
    ],
)
def test_a_date_in_the_signature_block_is_the_signature_date_whatever_its_label(closing: str) -> None:
    # Written fresh (not corpus text).
    assert roles(LETTER_BODY + "\n" + closing) == ["signature"]


def test_an_sf600_entry_after_the_last_entrys_signature_is_still_an_entry() -> None:
    assert roles(LETTER_BODY + "\n/s/ J. KIM, PA-C\n\n03/02/2020  TMC 4  S/C") == ["entry"]


@pytest.mark.parametrize(
    "last_page",
    [
        # The short last page of a letter: a date alone under the closing is the signature's, not a letter date.
        "and my knees give out on stairs.\n\nThank you,\n\nOrlando Vance\nJuly 9, 2022",
        "the pain never left.\n\nVery truly yours,\nOrlando Vance\nDate: 07/09/2022",
        "the pain never left.\n\nRegards\n\nOrlando Vance\n07/09/2022",
    ],
)
def test_a_date_under_the_closing_of_a_short_last_page_is_the_signature_date(last_page: str) -> None:
    # Written fresh (not corpus text).
    assert roles(last_page) == ["signature"]


def test_a_date_alone_at_the_top_of_a_letter_is_still_its_letter_date() -> None:
    assert roles("Orlando Vance\n14 Birch Lane\n\nJuly 9, 2022\n\nDear Sir or Madam:") == ["letter"]


def test_an_orders_date_is_its_header_when_ocr_specked_the_orders_number() -> None:
    text = "HEADQUARTERS, 3RD SIG BDE\nORDERS 2`41-117   09 APR 2013\nReport date: 20130512"
    [orders, _] = find_dates(text)
    assert date_role(text, orders) == "header"


def test_an_orders_date_is_its_header_when_ocr_specked_the_word_orders() -> None:
    text = "HEADQUARTERS, 1ST MED BDE\nORDE`RS 118-204   21 JUL 2009\nReport date: 20090830"
    [orders, _] = find_dates(text)
    assert date_role(text, orders) == "header"


@pytest.mark.parametrize("label", ["Writen", "Wrltten", "WRITTCN"])
def test_a_statements_written_line_is_its_signature_however_ocr_spelled_written(label: str) -> None:
    text = f"Ana Ruiz - my account\n\nI hurt my knee in 2003 on a road march.\n{label} in the fall of 2015."
    roles = {str(d.value): date_role(text, d) for d in find_dates(text)}
    assert roles["2015"] == "signature"


def test_a_date_of_first_treatment_is_no_document_date() -> None:
    text = "TREATING PHYSICIAN QUESTIONNAIRE\n2. Date of first treatment: 04/11/2016\nSignature: L. Park"
    [first] = find_dates(text)
    assert date_role(text, first) == "incident"


@pytest.mark.parametrize("line", [
    "7332  Hemorrhoids.  Service Connected, Incurred  10% from 02/14/2019",
    "5010  Arthritis, right wrist.  SC, Aggravated  20 percent since March 3, 2017",
    "6260  Tinnitus.  Incurred  1O%from O9/3O/2O15",  # OCR: O for 0, the space lost
])
def test_a_ratings_percentage_from_a_day_is_its_effective_date(line: str) -> None:
    # Written fresh: a codesheet's disability lines; the day a rating runs from never dates the codesheet.
    [found] = find_dates(line)
    assert date_role(line, found) == "effective"
