"""Dates as claim files write them, OCR-damaged ones included, and the date a document is "of"."""

from __future__ import annotations

import datetime as dt

import pytest

from classifiers.dates import PartialDate, damaged_date_line, find_dates

MARCH_14 = dt.date(2009, 3, 14)


@pytest.mark.parametrize(
    "text",
    [
        "seen 14 MAR 2009 at TMC",
        "seen 14Mar2009",
        "seen 03/14/2009",
        "seen 3/14/09",
        "seen March 14, 2009",
        "seen 2009-03-14",
        "DATE ENTERED 20090314",
        "DATE OF NOTE: MAR 14, 2009@10:15",
        "14-Mar-09",
        "O3/l4/2OO9",  # OCR: O for 0, l for 1
        "2OO9O314",
        "14 MAR 2OO9",
    ],
)
def test_each_format_reads_as_the_same_day(text: str) -> None:
    assert [d.date for d in find_dates(text)] == [MARCH_14]


@pytest.mark.parametrize("text", ["02/31/2009", "13/45/2020", "20091332", "31 FEB 2010", "00/00/0000"])
def test_impossible_dates_are_never_returned(text: str) -> None:
    assert find_dates(text) == []


def test_offsets_point_at_the_date_and_label_names_it() -> None:
    text = "DOB: 05/02/1980   DATE OF NOTE: MAR 14, 2009@10:15"
    found = find_dates(text)
    assert [d.date for d in found] == [dt.date(1980, 5, 2), MARCH_14]
    assert text[found[1].start:found[1].end] == "MAR 14, 2009"
    assert found[0].label == "DOB"
    assert found[1].label == "DATE OF NOTE"


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("fell from a truck in April 2009", "2009-04", "month"),
        ("Hx of lumbar strain 04/2008 (hard landing)", "2008-04", "month"),
        ("a back injury in 2005, treated with Motrin", "2005", "year"),
        ("has worked as a roofer since 2013", "2013", "year"),
        ("Date of Service: June 23, 2020", "2020-06-23", "day"),
    ],
)
def test_partial_dates_keep_their_precision(text: str, value: str, precision: str) -> None:
    [found] = find_dates(text)
    assert (str(found.value), found.precision) == (value, precision)
    assert found.date == found.value.earliest  # the old field: the earliest day it can mean


def test_a_bare_number_is_no_year_and_an_impossible_partial_date_is_none() -> None:
    assert find_dates("OMB 2900-0808, 2013 pages, ICD S39.012") == []
    assert find_dates("13/2009 and 2009-14") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("Oct ober12, 2007", "2007-10-12"), ("Noveber 28,2020", "2020-11-28"), ("12./22/2007", "2007-12-22"),
     ("Date: 11/30/,2010", "2010-11-30"), ("Arrival: 04/18/201419:25", "2014-04-18"), ("08l26/2010", "2010-08-26"),
     ("Visit #8 January 18, 2018", "2018-01-18"), ("Date/Time: 09 JUN 19930700", "1993-06-09")],
)
def test_ocr_damaged_dates(text: str, value: str) -> None:
    assert [str(d.value) for d in find_dates(text)] == [value]


def test_partial_date_bounds_and_order() -> None:
    april = PartialDate(2008, 4)
    assert (april.earliest, april.latest) == (dt.date(2008, 4, 1), dt.date(2008, 4, 30))
    assert PartialDate(2008) < april < PartialDate(2008, 4, 22)
    assert PartialDate.parse("2008-04") == april and str(PartialDate(2005)) == "2005"
    with pytest.raises(ValueError):
        PartialDate(2009, 2, 30)


def test_a_label_stops_at_the_previous_fields_value() -> None:
    found = find_dates("DOB: 12/20/1986 Exam Date: 11/14/2023")
    assert [d.label for d in found] == ["DOB", "Exam Date"]


# OCR damage seen on scanned pages, written fresh (not corpus text): look-alikes inside a date-shaped token,
# a military date's year, a stray dot by the comma, 5 for S in a month.
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Seen by: R. Okoye   Date: Ll/O4/2O19", "2019-11-04"),
        ("22jano7 BAS walk-in, ankle", "2007-01-22"),
        ("l9 FEB O6 sick call", "2006-02-19"),
        ("Tacoma, WA, Apr 3,.2018", "2018-04-03"),
        ("Injured 27 5EP 2011 on the obstacle course", "2011-09-27"),
        ("Invoice date os/l4/2O21", "2021-05-14"),
    ],
)
def test_digit_look_alikes_inside_date_shapes(text: str, value: str) -> None:
    assert [str(d.value) for d in find_dates(text)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Triage time / arrival: 0622/2017 14:05", "2017-06-22"),  # slash lost between month and day
        ("Date signed 09/1l2013", "2013-09-11"),  # slash lost between day and year
        ("Study date: 06/30/219", "2019-06-30"),  # a year's digit lost: one year fits
        ("Visit date: 02/11/2O8l", "2081-02-11"),  # look-alikes, an intact year
        ("Dictated: 04/02/7016", "2016-04-02"),  # a year's digit misread: one year fits
        ("Exam date 02/14/201\nPrior study 03/01/2018", "2018-02-14"),  # more than one fits: the page's year
        ("Kingsport, TN\n\n0908/2016\n\nDear Sir,", "2016-09-08"),  # a letter's date line on its own
        ("Procedure date: 82/19/2010", "2010-02-19"),  # a month's leading 0 read as 8
        ("DOS: 11/93/2012", "2012-11-03"),  # a day's leading 0 read as 9
        ("Date of Servce: 10/04.2019  Visit #3", "2019-10-04"),  # a slash read as a dot
        ("OCT-09-2019 08:12 FROM: LAKESIDE PT\nDate of service: 10/04/201 Visit #3", "2019-10-09"),
    ],
)
def test_damaged_dates_are_repaired_where_a_date_label_or_an_own_line_says_so(text: str, value: str) -> None:
    assert str(find_dates(text)[0].value) == value


@pytest.mark.parametrize(
    "text",
    [
        "Lot 0622/2017 returned",  # no date label, not alone on its line
        "the 14/201 ratio",
        "Dictated: 04/02/201 by",  # 2001 or 2010-2019 or 20x1: no year fits alone, none on the page
        "L4-L5-S1 disc bulges",
        "Dose 62/05/2014 units",  # "Dose" is no date label
    ],
)
def test_damaged_numbers_without_a_date_label_stay_unread(text: str) -> None:
    assert find_dates(text) == []


def test_a_damaged_year_takes_the_one_fitting_year_another_date_on_the_page_has() -> None:
    text = "OCT-09-2019 08:12 FROM: LAKESIDE PT\nDate of service: 10/04/201 Visit #3"
    assert [str(d.value) for d in find_dates(text)] == ["2019-10-09", "2019-10-04"]


def test_a_memorandums_damaged_date_ending_a_top_line_is_read_with_the_pages_year() -> None:
    # Written fresh: the office symbol, then the date whose year lost a digit; the body dates the year.
    text = ("DEPARTMENT OF THE ARMY\nHHC 2-7 IN\nAFZC-BD      17 MAY 201\nMEMORANDUM FOR RECORD\n"
            "1. On 02 MAY 2016 the Soldier")
    assert [str(d.value) for d in find_dates(text)] == ["2016-05-17", "2016-05-02"]


def test_a_month_with_rn_for_m_is_read() -> None:
    """OCR reads "m" as "rn": "Novernber", "Decernber", "Septernber"."""
    cases = {"DATE: Novernber 4, 2013": "2013-11-04", "Signed: Decernber 30, 2008": "2008-12-30",
             "Septernber 3, 2012": "2012-09-03"}
    for text, want in cases.items():
        assert [str(d.value) for d in find_dates(text)] == [want], text


# OCR damage to month names and date punctuation, written fresh.
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Claimant: Ortega, Lucia  Octo ber 30, 2012", "2012-10-30"),  # the word before is no first part
        ("Regarding: Hollis Breen ward\nNove mber 2, 2016", "2016-11-02"),  # "Breen ward" pairs first
        ("DATE: Sep,tmber 9, 2014 ORDER", "2014-09-09"),  # broken and a letter lost
        ("Feb`ru ary 11, 2005", "2005-02-11"),  # a backtick inside the word, then a break
        ("Screening date: 14A ug2003", "2003-08-14"),  # a broken abbreviation beside its day
        ("Requested by: RO   Date: June 8', 2017 Claimant", "2017-06-08"),  # an apostrophe by the comma
        ("Decided: Morch 21, 2013", "2013-03-21"),  # o for a in a five-letter name
    ],
)
def test_ocr_damaged_month_names_and_punctuation(text: str, value: str) -> None:
    assert [str(d.value) for d in find_dates(text)] == [value]


@pytest.mark.parametrize("text", ["the scores match 4, 2015 norms", "a marsh 2015 survey", "he may be 5 in 2010 or"])
def test_words_one_letter_from_a_month_are_no_month(text: str) -> None:
    assert [d.precision for d in find_dates(text)] in ([], ["year"])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("EC Visit|03/17|2011  Mercy General", "2011-03-17"),  # the second slash read as |
        ("Seen 07/28l2019 in clinic", "2019-07-28"),  # ... as l after a two-digit day
        ("12/141996  AID STATION - SICK CALL", "1996-12-14"),  # a slash lost in a date opening its line
    ],
)
def test_a_slash_read_as_a_letter_or_lost_at_the_start_of_a_line(text: str, value: str) -> None:
    assert [str(d.value) for d in find_dates(text)] == [value]


def test_a_slash_or_one_after_a_one_digit_day_stays_unread() -> None:
    """"4/2l2009": 4/2/2009 or 4/21/2009 with a slash lost: no day is guessed."""
    assert find_dates("Visit 4/2l2009 ok") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Provider signature: R. Amadi   Date signed: 14 NV 2011", "2011-11-14"),
        ("PRIMARY CARE NOTE UG 09, 2016@08:40", "2016-08-09"),
        ("Sick call 3 EC 1997 BAS", "1997-12-03"),
    ],
)
def test_a_month_abbreviation_that_lost_a_letter_is_read_where_one_month_fits(text: str, value: str) -> None:
    assert [str(d.value) for d in find_dates(text)] == [value]


@pytest.mark.parametrize(
    "text",
    ["Rx 14 MA 2011 refill",  # MAR or MAY
     "seen 2 JU 2014",  # JUN or JUL
     "Was he treated? 3 NO 2012",  # a word
     "CT 12, 2019 lumbar",  # a scan
     "Dr. Obi, MR 5, 2010"],  # an abbreviation of its own
)
def test_two_letters_that_are_two_months_or_a_word_are_no_month(text: str) -> None:
    assert [d.precision for d in find_dates(text) if d.precision == "day"] == []


@pytest.mark.parametrize(
    "line",
    [
        "Report date: 1O/2B 2O1?x",  # a label, then a date OCR broke
        "Signed 88 NOV 2019 by the examiner",  # a day's place that is no day
        "EXAM DATE . 2017O3l4O6",  # eight digits and look-alikes run together
        "Date of injury (ATE 1l 3O9l 7",  # the label itself damaged ("(ATE")
        "Follow-up Visit December 4, 19S62",  # a month word, then digits that are no date
    ],
)
def test_a_line_whose_date_ocr_damaged_past_reading_asks_for_a_second_read(line: str) -> None:
    assert not [d for d in find_dates(line) if d.precision == "day"]
    assert damaged_date_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Report date: 10/28/2017",  # read: nothing to recover
        "Signed: 10/28/2017 14:02",
        "VA FORM 21-526EZ, NOV 2022",  # a form's edition, a month-year read whole
        "Exam date: NOV 2017",
        "MRN 55512345 Room 402",  # numbers with no date label or month
        "Temp 98.6 HR 72 BP 120/80",
        "a forced march with 40 lb pack",  # "march" the word, not the month
        "Date of birth unknown",
    ],
)
def test_a_line_with_its_date_read_or_no_date_at_all_is_read_once(line: str) -> None:
    assert not damaged_date_line(line)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("PHYSICAL THERAPY NOTE  JUN OS, 2018@10:40", "2018-06-05"),  # a day of look-alikes alone
        ("Seen in clinic SEP lO, 2004", "2004-09-10"),
        ("Date/Time: 11;04/2019 08:15", "2019-11-04"),  # a slash read as a semicolon
        ("Date/Time: 11/04;2019 08:15", "2019-11-04"),
        ("Date of service: 07/1 9/2016", "2016-07-19"),  # a space inside the day
    ],
)
def test_a_full_date_with_one_kind_of_ocr_damage_the_text_resolves_is_read(text: str, value: str) -> None:
    assert [str(d.value) for d in find_dates(text)] == [value]


@pytest.mark.parametrize(
    "text",
    ["the long march IS, 2010 notwithstanding",  # "march" the word, no day
     "CT SCAN lO, 2009",  # no month word
     "Date of service: 07/3 9/2016"],  # 39 is no day
)
def test_look_alikes_and_spaces_are_not_read_as_a_day_where_no_day_fits(text: str) -> None:
    assert [d for d in find_dates(text) if d.precision == "day"] == []
