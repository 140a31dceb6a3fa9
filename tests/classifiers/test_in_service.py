"""in_service: service records, dates inside a DD 214 period, after separation, unknown."""

from __future__ import annotations

from datetime import date

import pytest

from classifiers.in_service import decide_in_service, decide_page_in_service

PERIODS = [(date(2001, 6, 1), date(2005, 5, 31)), (date(2007, 1, 10), date(2010, 12, 31))]


@pytest.mark.parametrize("record_type", ["service_treatment", "service_exam", "service_personnel", "line_of_duty"])
def test_service_records_are_in_service_even_undated(record_type: str) -> None:
    assert decide_in_service(record_type, None, []) is True


def test_date_inside_a_period() -> None:
    assert decide_in_service("va_treatment", date(2003, 2, 1), PERIODS) is True
    assert decide_in_service("private_treatment", date(2010, 12, 31), PERIODS) is True


def test_date_after_last_separation_is_not_in_service() -> None:
    assert decide_in_service("private_treatment", date(2015, 3, 1), PERIODS) is False


def test_unknown_cases_are_none() -> None:
    assert decide_in_service("va_treatment", None, PERIODS) is None  # undated
    assert decide_in_service("va_treatment", date(2012, 1, 1), []) is None  # no DD 214
    assert decide_in_service("va_treatment", date(2006, 3, 1), PERIODS) is None  # gap between periods
    assert decide_in_service("va_treatment", date(1999, 3, 1), PERIODS) is None  # before entry


def test_open_ended_periods() -> None:
    assert decide_in_service("other", date(2004, 1, 1), [(None, date(2005, 1, 1))]) is True
    assert decide_in_service("other", date(2020, 1, 1), [(date(2001, 1, 1), None)]) is True


def test_a_page_is_in_service_by_its_flags_first_then_by_the_rule_for_flags() -> None:
    assert decide_page_in_service([None, True], "va_treatment", None, []) is True
    assert decide_page_in_service([False], "service_treatment", None, []) is False
    assert decide_page_in_service([], "va_treatment", date(2003, 2, 1), PERIODS) is True
    # One rule for pages and flags: a service record speaks of service even when dated oddly.
    assert decide_page_in_service([], "service_treatment", date(2015, 1, 1), PERIODS) is True
    assert decide_page_in_service([], "va_treatment", date(2015, 1, 1), PERIODS) is False
    assert decide_page_in_service([], "va_treatment", None, PERIODS) is None


def test_a_month_or_a_year_is_in_service_only_when_all_of_it_is() -> None:
    from classifiers.in_service import decide_span_in_service

    # PERIODS: 2001-06-01..2005-05-31 and 2007-01-10..2010-12-31
    assert decide_span_in_service("va_treatment", date(2003, 4, 1), date(2003, 4, 30), PERIODS) is True
    assert decide_span_in_service("va_treatment", date(2005, 1, 1), date(2005, 12, 31), PERIODS) is None  # 2005
    assert decide_span_in_service("va_treatment", date(2012, 1, 1), date(2012, 12, 31), PERIODS) is False
    assert decide_span_in_service("va_treatment", date(2010, 12, 1), date(2010, 12, 31), PERIODS) is True
    assert decide_span_in_service("va_treatment", date(2010, 1, 1), date(2010, 12, 31), PERIODS) is True
    assert decide_span_in_service("service_treatment", date(2012, 1, 1), date(2012, 12, 31), PERIODS) is True
