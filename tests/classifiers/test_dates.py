"""Dates as claim files write them, OCR-damaged ones included, and the date a document is "of"."""

from __future__ import annotations

import datetime as dt

import pytest

from classifiers.dates import find_dates

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
