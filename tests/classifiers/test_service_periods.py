"""DD 214 blocks 12a/12b in the layouts they come in."""

from __future__ import annotations

import datetime as dt

from classifiers.service_periods import FoundServicePeriod, find_service_periods


def test_values_after_their_labels() -> None:
    text = (
        "CERTIFICATE OF RELEASE OR DISCHARGE FROM ACTIVE DUTY\n"
        "2. DEPARTMENT, COMPONENT AND BRANCH  ARMY/RA\n"
        "12. RECORD OF SERVICE  YEAR(S) MONTH(S) DAY(S)\n"
        "a. DATE ENTERED AD THIS PERIOD  20050615\n"
        "b. SEPARATION DATE THIS PERIOD  20090830\n"
        "c. NET ACTIVE SERVICE THIS PERIOD 0004 02 15\n"
    )
    assert find_service_periods(text) == [FoundServicePeriod(dt.date(2005, 6, 15), dt.date(2009, 8, 30), "Army")]


def test_both_labels_on_one_line_then_both_values_with_ocr_noise() -> None:
    text = (
        "12a. DATE ENTERED AD THlS PERlOD     12b. SEPARATl0N DATE THIS PERIOD\n"
        "2OO5O615                             20090830\n"
        "1. BRANCH: NAVY"
    )
    assert find_service_periods(text) == [FoundServicePeriod(dt.date(2005, 6, 15), dt.date(2009, 8, 30), "Navy")]


def test_old_form_year_month_day_columns() -> None:
    text = "a. DATE ENTERED AD THIS PERIOD 85 06 15   b. SEPARATION DATE THIS PERIOD 89 08 30  MARINE CORPS"
    assert find_service_periods(text) == [
        FoundServicePeriod(dt.date(1985, 6, 15), dt.date(1989, 8, 30), "Marine Corps")
    ]


def test_year_month_day_columns_of_block_12() -> None:
    text = (
        "12. RECORD OF SERVICE                        YEAR(S)   MONTH(S)   DAY(S)\n"
        "    a. DATE ENTERED AD THIS PERIOD             1991       06        11\n"
        "    b. SEPARATION DATE THIS PERIOD             2011       08        31\n"
        "    c. NET ACTIVE SERVICE THIS PERIOD          0020       02        21\n"
        "2. DEPARTMENT, COMPONENT AND BRANCH  ARMY/RA"
    )
    assert find_service_periods(text) == [FoundServicePeriod(dt.date(1991, 6, 11), dt.date(2011, 8, 31), "Army")]


def test_unreadable_separation_date_keeps_the_entry_date() -> None:
    text = "DATE ENTERED AD THIS PERIOD 1998-01-20\nSEPARATION DATE THIS PERIOD ########  AIR FORCE"
    assert find_service_periods(text) == [FoundServicePeriod(dt.date(1998, 1, 20), None, "Air Force")]


def test_page_without_the_blocks_has_no_period() -> None:
    assert find_service_periods("The veteran served in the Army from 2005 to 2009.") == []


# Real Tesseract output of the sample DD 214's block 12: the days of 12a/12b are unreadable.
_OCR_BLOCK_12 = (
    "5. DATE OF BIRTH (YYYYMMDD) 6. RESERVE OBLIGATION TERMINATION DATE\n"
    "19700802 00000000\n"
    "12. RECORD OF SERVICE YEAR(S) MONTH(S) DAY(S)\n"
    "a. DATE ENTERED AD THIS PERIOD 1991 06 ill\n"
    "b. SEPARATION DATE THIS PERIOD 2011 08 SE\n"
    "c. NET ACTIVE SERVICE THIS PERIOD 0020 02 21\n"
    "d. TOTAL PRIOR ACTIVE SERVICE 0000 00 00\n"
    "h. EFFECTIVE DATE OF PAY GRADE 2007 10 01\n"
    "DEPARTMENT, COMPONENT AND BRANCH ARMY /RA/ INFANTRY\n"
)


def test_unreadable_days_give_month_precision_never_another_blocks_date() -> None:
    assert find_service_periods(_OCR_BLOCK_12) == [
        FoundServicePeriod(dt.date(1991, 6, 1), dt.date(2011, 8, 31), "Army", "month", "month")
    ]


def test_month_precision_is_made_exact_by_the_remarks_of_the_same_form() -> None:
    text = _OCR_BLOCK_12 + ("18. REMARKS: CONTINUOUS HONORABLE ACTIVE SERVICE FROM 19910611 UNTIL\n"
                            "20110830 // NOTHING FOLLOWS")
    assert find_service_periods(text) == [FoundServicePeriod(dt.date(1991, 6, 11), dt.date(2011, 8, 30), "Army")]


def test_a_pay_grade_date_never_stands_in_for_an_unreadable_entry_date() -> None:
    text = ("a. DATE ENTERED AD THIS PERIOD ########\nb. SEPARATION DATE THIS PERIOD 20110831\n"
            "h. EFFECTIVE DATE OF PAY GRADE 20071001\n")
    assert find_service_periods(text) == [FoundServicePeriod(None, dt.date(2011, 8, 31), None)]


def test_ocr_look_alikes_in_a_yyyymmdd_value_are_repaired() -> None:
    text = "a. DATE ENTERED AD THIS PERIOD 199106ll\nb. SEPARATION DATE THIS PERIOD 2O11O831\n"
    assert find_service_periods(text) == [FoundServicePeriod(dt.date(1991, 6, 11), dt.date(2011, 8, 31), None)]


def test_a_separation_label_missing_a_letter_to_ocr_still_gives_the_end_of_service() -> None:
    # Written fresh (an NGB 22 block read by OCR).
    [period] = find_service_periods("7. DATE OF ENLISTMENT 20090311\n11. EFFECTIVE DATE OF SEPARTION 20150310\n")
    assert period.end == dt.date(2015, 3, 10)
