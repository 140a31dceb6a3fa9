"""Dates in record text, as claim files write them, each kept at the precision the text gives.

A claim file writes dates a dozen ways (14 MAR 2009, 14Mar2009, 03/14/2009, 3/14/09, March 14, 2009,
2009-03-14, 20090314, "DATE OF NOTE: MAR 14, 2009@10:15"), and often only part of one: "April 2008",
"04/2008", "in 2005". OCR garbles them (O for 0, l for 1, "Oct ober", "Noveber", "12./22/2007").
Digit look-alikes next to digits are folded and specks inside numbers dropped before matching, offsets
are kept, and every candidate goes through datetime.date, so an impossible date (31 Feb, month 14) is
never returned. A month-year or a year is never given an invented day: it is a PartialDate of month
or year precision ("in 2005" stays 2005, never 2005-07-01).

Which of a document's dates is the one it is OF (note, exam, decision, signature) is decided by role
in classifiers/document_dates.py; here every date mention is found.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

MIN_YEAR = 1900
MAX_YEAR = 2100

Precision = Literal["day", "month", "year"]
PRECISIONS: tuple[Precision, ...] = ("day", "month", "year")


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to the day, the month or only the year.

    ``PartialDate(2005)`` is "2005", ``PartialDate(2008, 4)`` is "April 2008". Ordering is by year, then
    month, then day, with an unknown part first (2008 < 2008-04 < 2008-04-22)."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # Raises ValueError for an impossible calendar date.
        dt.date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def of(cls, value: dt.date, precision: Precision = "day") -> PartialDate:
        if precision == "day":
            return cls(value.year, value.month, value.day)
        if precision == "month":
            return cls(value.year, value.month)
        return cls(value.year)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """From isoformat(): "2005", "2005-07" or "2005-07-14"."""
        parts = [int(p) for p in text.strip().split("-")]
        if not 1 <= len(parts) <= 3:
            raise ValueError(f"not a partial date: {text!r}")
        return cls(*parts)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def earliest(self) -> dt.date:
        """The first day the value can mean (2008-04 -> 2008-04-01)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day the value can mean (2008-04 -> 2008-04-30)."""
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def _key(self) -> tuple[int, int, int]:
        return self.year, self.month or 0, self.day or 0

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def isoformat(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.isoformat()


_MONTHS = {
    "JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6,
    "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12,
}
_MONTH_NAMES = {
    "JANUARY": 1, "FEBRUARY": 2, "MARCH": 3, "APRIL": 4, "MAY": 5, "JUNE": 6, "JULY": 7,
    "AUGUST": 8, "SEPTEMBER": 9, "OCTOBER": 10, "NOVEMBER": 11, "DECEMBER": 12,
}
# Exact spellings: abbreviations, "SEPT", full names (OCR's 0 for O folded first).
_MONTH_EXACT: dict[str, int] = {**_MONTHS, "SEPT": 9, **_MONTH_NAMES}
# Long names with one letter lost or misread by OCR ("NOVEBER", "DECENBER", "0CTOBCR", "MRCH"): a word
# one deletion (from a name of five or more letters, keeping its first letter) or one substitution (from
# a name of six or more) away.
_MONTH_FUZZY: dict[str, int] = {}
# Letters OCR reads for one another (upper case: month words are compared upper-cased).
_LOOKALIKE_LETTERS = {"A": "O", "O": "AQ", "C": "EO", "E": "C", "I": "LJ", "L": "I", "H": "B", "R": "", "P": "F"}
for _name, _number in _MONTH_NAMES.items():
    for _i in range(1, len(_name)):
        if len(_name) >= 5:
            _MONTH_FUZZY.setdefault(_name[:_i] + _name[_i + 1:], _number)
        if len(_name) >= 6 or _name in ("JUNE", "JULY"):
            _MONTH_FUZZY.setdefault(_name[:_i] + "?" + _name[_i + 1:], _number)
        elif len(_name) == 5:  # MARCH, APRIL: only a letter OCR confuses with the right one ("Morch", "Marek")
            for _wrong in _LOOKALIKE_LETTERS.get(_name[_i], ""):
                _MONTH_FUZZY.setdefault(_name[:_i] + _wrong + _name[_i + 1:], _number)
    if len(_name) >= 7:  # the first letter misread too ("Gecember")
        _MONTH_FUZZY.setdefault("?" + _name[1:], _number)


# A month abbreviation with one letter lost ("NV", "UL", "CT"), where only one month fits and the two
# letters are no word or abbreviation of their own (NO, MY, MR, DC... and MA, JU, JN, AR: two months).
_MONTH_TWO: dict[str, int] = {}
for _abbr, _number in _MONTHS.items():
    for _i in range(3):
        _two = _abbr[:_i] + _abbr[_i + 1:]
        _MONTH_TWO[_two] = 0 if _MONTH_TWO.get(_two, _number) != _number else _number
for _two in ("NO", "AN", "MY", "UN", "DE", "SE", "AU", "PR", "AP", "OT", "FE", "MR", "DC", "CT"):
    _MONTH_TWO[_two] = 0


@functools.lru_cache(maxsize=4096)
def month_number(word: str) -> int | None:
    """The month a word names (JAN, Sept, OCTOBER, 0CT, 5EP, Noveber), or None."""
    key = word.upper().replace("0", "O").replace("5", "S").rstrip(".")
    if key in _MONTH_EXACT:
        return _MONTH_EXACT[key]
    if len(key) < 4 or not key.isalpha():
        return None
    if key in _MONTH_FUZZY:
        return _MONTH_FUZZY[key]
    if "RN" in key:  # OCR's "rn" for "m": "Septernber", "DECERNBER"
        return month_number(key.replace("RN", "M"))
    for i in range(len(key)):
        found = _MONTH_FUZZY.get(key[:i] + "?" + key[i + 1:])
        if found is not None:
            return found
    return None


# A word that may be a month (checked by month_number): letters, OCR's 0 for O and 5 for S allowed inside.
_MONTH_WORD = r"(?P<mon>[A-Za-z05][A-Za-z0]{2,9})\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2}|\d{2})"
_YEAR4 = r"(?P<year>(?:19|20)\d{2})"
_DAY = r"(?P<day>[0-3]?\d)"

# Full dates, then month-year, then years; a later pattern never re-reads part of an earlier match.
_DAY_PATTERNS: list[re.Pattern[str]] = [
    # 2009-03-14, 2009/03/14
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"),
    # 03/14/2009, 3/14/09, 03-14-2009 (and "04/18/201419:25", a time run into the year by OCR)
    re.compile(r"(?<![\d/])(?P<month>[01]?\d)\s?[/-]\s?(?P<day>[0-3]?\d)\s?[/-]\s?" + _YEAR
               + r"(?:(?![\d/])|(?<=\d{4})(?=\d{1,2}:\d{2}))"),
    # 14 MAR 2009, 14Mar2009, 14-Mar-09 (and "09 JUN 19930700", a military time run into the year)
    # ("Visit #8 January 18, 2018" is no 8 January 2018: a count is no day, and a two-digit "year" followed
    # by a four-digit one is the day of a March 14, 2009 date)
    re.compile(r"(?<![\dA-Za-z#])" + _DAY + r"[\s-]?" + _MONTH_WORD + r"[\s,-]{0,2}" + _YEAR
               + r"(?:(?!\d)(?<!\b\d\d)|(?<=\b\d\d)(?!\d)(?!\s?,?\s?(?:19|20)\d{2}\b)"
               + r"|(?<=\d{4})(?=[0-2]\d[0-5]\d(?!\d)))"),
    # March 14, 2009 / MAR 14,2009@10:15 / May  4, 2011 / AUG-06-2015 (fax banners)
    # (OCR's stray dot by the comma: "May 22,.2020")
    re.compile(r"(?<![A-Za-z])" + _MONTH_WORD + r"(?:\s{0,3}|-)" + _DAY + r"(?:ST|ND|RD|TH|st|nd|rd|th)?"
               + r"(?:\s?[,.]{1,2}\s?|\s{1,3}|-)" + _YEAR + r"(?!\d)"),
    # 27 NV 2000, UL 16, 2001: an abbreviation that lost a letter to OCR, upper case, between a day and a
    # four-digit year (see _MONTH_TWO)
    re.compile(r"(?<![\dA-Za-z#])(?P<day>[0-3]?\d)\s?(?P<mon2>[A-Z]{2})\s?(?P<year>(?:19|20)\d{2})(?!\d)"
               r"|(?<![A-Za-z])(?P<mon3>[A-Z]{2})\s{1,2}(?P<day2>[0-3]?\d)\s?[,.]{1,2}\s?(?P<year2>(?:19|20)\d{2})(?!\d)"),
    # 20090314 (DD 214 blocks, VistA exports)
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<month>[01]\d)(?P<day>[0-3]\d)(?!\d)"),
]
_MONTH_PATTERNS: list[re.Pattern[str]] = [
    # April 2008, APR 2008, Apr. 2008, April, 2008, Apr-2008
    re.compile(r"(?<![A-Za-z])" + _MONTH_WORD + r"[\s,-]{1,3}" + _YEAR4 + r"(?![\d/])"),
    # 04/2008, 4/2008, 04-2008
    re.compile(r"(?<![\d/.-])(?P<month>[01]?\d)\s?[/-]\s?" + _YEAR4 + r"(?![\d/-])"),
]
# A year on its own counts only where the words make it a date: after a preposition or a date label
# ("in 2005", "since 2013", "Date: 2008"), or as the second year of a range ("2003-2005", "2003 to 2005").
_YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|since|during|from|until|till|to|through|thru|by|circa|ca|around|about|of|early|late|mid|year|"
    r"spring|summer|fall|autumn|winter|date|dated|approx|approximately|approximate|before|after|between|and|"
    r"onset|began|starting|started|beginning|ended)|\))\W{0,3}$"
    r"|(?<![\d/.-])(?:19|20)\d{2}\s?(?:-|–|to|through|until)\s?$",
    re.I,
)
_YEAR_ONLY = re.compile(r"(?<![\d/.A-Za-z])(?P<year>(?:19|20)\d{2})(?![\d/]|-(?!(?:19|20)\d{2}\b)\d|\.\d)")

_LOOKALIKE_DIGITS = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "|": "1",
                                   "i": "1", "!": "1", "S": "5", "B": "8", "Z": "2"})
# A run of digits and digit look-alikes standing alone as a token (not part of a word).
_NUMBERISH_TOKEN = re.compile(r"(?<![A-Za-z])[0-9OoQDIl|!SBZ]{2,}(?![A-Za-z])")


@dataclass(frozen=True)
class FoundDate:
    """A date found in text: its value, its [start, end) offsets, the words labelling it, its precision.

    ``date`` is the earliest day the mention can mean (a month-year reads as its first day, a year as
    1 January): use ``value`` (a PartialDate) or ``precision`` wherever a partial date matters."""

    date: dt.date
    start: int
    end: int
    label: str
    precision: Precision = "day"

    @property
    def value(self) -> PartialDate:
        return PartialDate.of(self.date, self.precision)


def _fold_lookalikes(text: str) -> str:
    """Same-length copy of text with O/l/I/S… read as digits inside tokens that are mostly digits."""

    def fold(m: re.Match[str]) -> str:
        token = m.group(0)
        digits = sum(ch.isdigit() for ch in token)
        return token.translate(_LOOKALIKE_DIGITS) if digits and digits * 2 >= len(token) else token

    return _NUMBERISH_TOKEN.sub(fold, text)


# Inside a token shaped like a date, every digit look-alike is a digit, L and s included ("LL/L7/2016",
# "Il/O7/2O16", "os/o1/2016"), and so is a military date's day and year ("10julo3", "l5 MAR O9"). The shapes
# need three real digits, so words are never read as numbers.
_X = "[0-9OoQDIlL|!SsBZ]"
_DATE_SHAPE = re.compile(
    rf"(?<![A-Za-z0-9/]){_X}{{1,2}}([/-]){_X}{{1,2}}\1{_X}{{2,4}}(?![A-Za-z0-9/])"
    rf"|(?<![A-Za-z0-9/]){_X}{{2}}/{_X}{{6}}(?![A-Za-z0-9/])|(?<![A-Za-z0-9/]){_X}{{4}}/{_X}{{4}}(?![A-Za-z0-9/])"
)
_MILITARY_SHAPE = re.compile(
    r"(?<![A-Za-z0-9])(?P<day>[0-9OoIl]{1,2})(?P<mid>\s?(?P<mon>[A-Za-z]{3,4})\.?\s?)"
    r"(?P<year>[0-9OoIlSB]{2}(?:[0-9OoIlSB]{2})?)(?![A-Za-z0-9])"
)
# A day of look-alikes alone between a capitalised month word and its year ("FEB OS, 2023", "AUG lO, 2009"): only a day
# stands there, so its look-alikes are digits.
_MONTH_DAY_SHAPE = re.compile(
    r"(?<![A-Za-z])(?P<mon>[A-Z][A-Za-z]{2,8})(?P<gap>\.?\s{1,3})(?P<day>[0-9OoIlSB]{1,2})(?=\s?,\s?(?:19|20)\d{2}(?!\d))"
)
# A slash of a date read as a semicolon ("10;03/2011", "10/03;2011").
_SEMICOLON_AS_SLASH = re.compile(r"(?<![\d/;])(\d{1,2});(?=\d{1,2}/(?:19|20)\d{2}(?!\d))"
                                 r"|(?<![\d/;])(\d{1,2}/\d{1,2});(?=(?:19|20)\d{2}(?!\d))")
_SHAPE_DIGITS = str.maketrans({"O": "0", "o": "0", "Q": "0", "D": "0", "l": "1", "L": "1", "I": "1", "|": "1",
                               "!": "1", "S": "5", "s": "5", "B": "8", "Z": "2"})


def _fold_date_shapes(text: str) -> str:
    """Same-length copy of text with look-alikes read as digits inside date-shaped tokens."""

    def fold(m: re.Match[str]) -> str:
        token = m.group(0)
        return token.translate(_SHAPE_DIGITS) if sum(ch.isdigit() for ch in token) >= 3 else token

    def fold_military(m: re.Match[str]) -> str:
        day, year = m.group("day"), m.group("year")
        if month_number(m.group("mon")) is None or sum(ch.isdigit() for ch in day + year) < 2:
            return m.group(0)
        return day.translate(_SHAPE_DIGITS) + m.group("mid") + year.translate(_SHAPE_DIGITS)

    def fold_month_day(m: re.Match[str]) -> str:
        if month_number(m.group("mon").upper()) is None:
            return m.group(0)
        return m.group("mon") + m.group("gap") + m.group("day").translate(_SHAPE_DIGITS)

    if ";" in text:
        text = _SEMICOLON_AS_SLASH.sub(lambda m: (m.group(1) or m.group(2)) + "/", text)
    text = _MONTH_DAY_SHAPE.sub(fold_month_day, text)
    return _MILITARY_SHAPE.sub(fold_military, _DATE_SHAPE.sub(fold, text))


# Dates OCR damaged past the patterns above, read only where a date label stands before them on the line
# (a date word among its last three: "Exam Date: 10/24/223", "Date of Service: 05/17.2015", "Arrival:
# 0117/2015", "Decision Date: 07/10/7012") or where they stand alone on theirs (a letter's date line): a
# slash lost or read as a dot, a year with a digit lost or misread, repaired only when one year fits (or
# one fitting year is another date's on the page), or a month or day whose leading 0 was read as 6, 8 or 9
# ("Exam Date: 62/05/2014").
_DAMAGED_PATTERNS: list[re.Pattern[str]] = [
    re.compile(r"(?<![\d/])(?P<month>[01]\d)/(?P<day>[0-3]\d)(?P<year>(?:19|20)\d{2})(?![\d/])"),
    re.compile(r"(?<![\d/])(?P<month>[01]\d)(?P<day>[0-3]\d)/(?P<year>(?:19|20)\d{2})(?![\d/])"),
    # (one slash read as a dot: "05/17.2015")
    re.compile(r"(?<![\d/.])(?P<month>\d?\d)/(?P<day>\d?\d)/(?P<year>\d{3,4})(?![\d/])"
               r"|(?<![\d/.])(?P<month2>\d?\d)(?:/(?P<day2>\d?\d)\.|\.(?P<day3>\d?\d)/)(?P<year2>\d{4})(?![\d/.])"),
    re.compile(r"(?<![\dA-Za-z])" + _DAY + r"[\s-]?" + _MONTH_WORD + r"[\s,-]{1,2}(?P<year>\d{3})(?![\d/])"),
    re.compile(r"(?<![A-Za-z])" + _MONTH_WORD + r"\s{0,3}" + _DAY + r"\s?[,.]{1,2}\s?(?P<year>\d{3})(?![\d/])"),
]
_DATE_LABEL_CUE = re.compile(
    r"(?:\b(?:DAT[EI]|SIGN|ARRI|ADMI|VISIT|EXAM|NOTE|REPORT|DECI|SEEN|DICT|TRANSCR|VERIF|STUDY|PROCED|ENCOUNT)"
    r"[A-Za-z]*|\b(?:ON|OF|DT|DOS))(?:\W+[A-Za-z]+){0,2}\W*$",
    re.I,
)


_ZERO_LOOKALIKES = "689"


def _repaired_number(raw: str, highest: int) -> int:
    """A month or day with its leading 0 misread as 6, 8 or 9 ("62" is 2); else the number as written."""
    value = int(raw)
    if value > highest and len(raw) == 2 and raw[0] in _ZERO_LOOKALIKES and raw[1] != "0":
        return int(raw[1])
    return value


def _repaired_year(raw: str, page_years: set[int]) -> int | None:
    """The year a 3-digit or out-of-range 4-digit OCR year was: the one year that fits (one digit added or
    changed), or the one fitting year another date on the page has; None when that is not one year."""
    if len(raw) == 4 and MIN_YEAR <= int(raw) <= MAX_YEAR:
        return int(raw)
    if len(raw) == 3:
        options = {raw[:i] + d + raw[i:] for i in range(4) for d in "0123456789"}
    elif len(raw) == 4:
        options = {raw[:i] + d + raw[i + 1:] for i in range(4) for d in "0123456789"}
    else:
        return None
    years = {int(o) for o in options if o[0] != "0" and MIN_YEAR <= int(o) <= MAX_YEAR}
    if len(years) == 1:
        return years.pop()
    on_page = years & page_years
    return on_page.pop() if len(on_page) == 1 else None


# OCR specks inside a number or word ("02/2'1/2005", "2016012~8", "03,/16/2009", "2.022", "12./22/2007",
# "02/0.5/2023").
# OCR specks inside a number or word ("02/2'1/2005", "2016012~8", "12./22/2007", "02/0.5/2023", "22' SEP
# 2007", "5,` 2031"), removed first; then commas and dots inside numbers ("03,/16/2009", "2.022"), but not
# the comma between a day and its year ("28,2020").
# A backtick or tilde inside a word ("De`cember", "Jan~uary") and an apostrophe between a day and its comma
# ("July 2', 2011") are specks too (an apostrophe inside a word is not: "Veteran's").
_SPECK = re.compile(  # each branch starts with its speck, so the scan skips ahead (the lookbehinds follow it)
    r"[`'~](?:(?<=[0-9A-Za-z].)(?=[0-9/])|(?<=[0-9/].)(?=[0-9])|(?<=\d.)(?=\s[A-Za-z]{3}))"
    r"|[`~](?:(?=\s?\d)|(?<=\d.)|(?<=[A-Za-z].)(?=[A-Za-z]))|'(?<=\d.)(?=,)"
)
_PUNCT_IN_NUMBER = re.compile(
    r"(?<=[0-9A-Za-z]),(?=[0-9/])(?!(?:19|20)\d{2}(?!\d))|(?<=[0-9/]),(?=[0-9])(?!(?:19|20)\d{2}(?!\d))|(?<=/),"
    r"|(?<=\d)\.(?=/)|(?<=/)\.(?=\d)|(?<=\d)\.(?=\d{1,2}/)|(?<=/\d)\.(?=\d)"
)
# "08l26/2010", "10/09|2007": OCR read a slash of a date as l, I or |.
_SLASH_AS_LETTER = re.compile(r"(?<![\d/])(\d{1,2})[lI|](?=\d{1,2}/\d{2,4}(?!\d))"
                              r"|(?<![\d/])(\d{1,2}/\d{2}[lI|]|\d{1,2}/\d\|)(?=(?:19|20)\d{2}(?!\d))")
_SLASH_HINT = re.compile(r"\d[lI|]\d")  # a cheap test first: most pages have no slash read as a letter
# A space OCR put inside a date's two-digit day ("08/2 1/2008"): the day's two digits, joined.
_SPACE_IN_DAY = re.compile(r"(?<![\d/])[01]?\d/[0-3](?P<space> )\d/(?:19|20)\d{2}(?![\d/])")
_DOT_IN_NUMBER = re.compile(r"(?<![\d.])(\d+)\.(\d+)(?![\d.])")
# A month name broken by OCR: "Oct ober", "Jun,e", "Sep~tember", "No,veber", "28F eb2000". Every word is
# tried as a first part (a lookahead), so the word before ("Jennifer Benn ett\nSepte mber") never takes
# the month's first part for itself.
_BROKEN_WORD = re.compile(r"(?<![A-Za-z])([JFMASONDjfmasond][A-Za-z]{0,7})(?=[\s,.'`~]([A-Za-z]{1,8})(?![A-Za-z]))")
# A broken abbreviation ("F eb", "O ct") is joined only beside a number: a day before it or a day or year after.
_BESIDE_NUMBER = re.compile(r"\s?\d")


def _drop(text: str, offsets: list[int], drop: set[int]) -> tuple[str, list[int]]:
    """text without the characters at the drop positions, with the kept characters' original offsets."""
    if not drop:
        return text, offsets
    kept = [i for i in range(len(text)) if i not in drop]
    return "".join(text[i] for i in kept), [offsets[i] for i in kept] + [offsets[len(text)]]


def _despeckle(text: str) -> tuple[str, list[int]]:
    """text without OCR specks inside numbers and month names, and for each kept character its offset."""
    if _SLASH_HINT.search(text):
        text = _SLASH_AS_LETTER.sub(lambda m: m.group(1) + "/" if m.group(1) else m.group(2)[:-1] + "/", text)
    offsets = list(range(len(text) + 1))
    text, offsets = _drop(text, offsets, {m.start() for m in _SPECK.finditer(text)})
    drop: set[int] = {m.start() for m in _PUNCT_IN_NUMBER.finditer(text)}
    drop.update(m.start("space") for m in _SPACE_IN_DAY.finditer(text))
    for m in _DOT_IN_NUMBER.finditer(text):
        if len(m.group(1)) + len(m.group(2)) in (4, 8):  # a year or a YYYYMMDD split by a speck
            drop.add(m.start() + len(m.group(1)))
    for m in _BROKEN_WORD.finditer(text):
        first, second = m.group(1), m.group(2)
        joined = first + second
        if not 3 <= len(joined) <= 10 or first.upper() in _MONTH_NAMES:
            continue  # "June e": a month already whole
        if len(second) >= 3 and month_number(second) is not None:
            continue  # "in June"
        if len(joined) < 5 and not (text[max(0, m.start() - 1):m.start()].isdigit()
                                    or _BESIDE_NUMBER.match(text, m.end(1) + 1 + len(second))):
            continue
        if month_number(joined) is not None:
            drop.add(m.end(1))
    return _drop(text, offsets, drop)


def _year(raw: str) -> int:
    year = int(raw)
    if len(raw) == 2:
        year += 2000 if year <= 40 else 1900
    return year


def _month(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    if groups.get("mon"):
        return month_number(groups["mon"])
    two = groups.get("mon2") or groups.get("mon3")
    if two:
        return _MONTH_TWO.get(two) or None
    return int(groups["month"])


def _label_before(text: str, start: int) -> str:
    """The words on the same line just before a date: 'DATE OF NOTE', '12b. SEPARATION DATE THIS PERIOD'."""
    line_start = text.rfind("\n", 0, start) + 1
    window = text[max(line_start, start - 60):start]
    window = re.sub(r"[\s:;=\-–(),.#]+$", "", window)
    # Keep the last clause only: two fields on one line are separated by 2+ spaces or a pipe, or by the
    # value of the field before ("DOB: 12/20/1986 Exam Date").
    window = re.split(r"\s{2,}|\|", window)[-1]
    window = re.split(r"\d[\d/.:-]*\s+(?=[A-Za-z])", window)[-1]
    return window.strip(" :.-").strip()


# A memorandum's date ends one of its first lines ("AFVG-CO      04 OCT 2012").
MEMO_DATE_LINES = 5


def _labelled_or_alone(text: str, start: int, end: int) -> bool:
    """A date label just before [start, end) on its line, nothing else on the line or nothing before it
    (an entry opening its line: "11/091992  BN AID STATION"), or a date ending one of the first
    MEMO_DATE_LINES lines after a gap of spaces."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = text[line_start:start]
    after = text[end:len(text) if line_end < 0 else line_end]
    if not before.strip(" \t:;,.-"):
        return True
    if not after.strip() and before.endswith("  ") and text.count("\n", 0, start) < MEMO_DATE_LINES:
        return True
    return bool(_DATE_LABEL_CUE.search(before.rstrip(" \t:;,.-=")[-40:]))


def find_dates(text: str) -> list[FoundDate]:
    """Every date mention in text, in reading order, without overlaps; offsets index text.

    Full dates (precision "day"), month-years ("April 2008", "04/2008": "month") and years that the words
    make dates ("in 2005", "since 2013", "Date: 2008": "year"). A bare number that could be a year
    (a count, a code) is not a date."""
    return list(_cached_dates(text))


@functools.lru_cache(maxsize=2048)
def _cached_dates(text: str) -> tuple[FoundDate, ...]:
    """find_dates, remembered: segmentation, dating and encounters read the same pages."""
    clean, offsets = _despeckle(text)
    return tuple(
        FoundDate(d.date, offsets[d.start], offsets[d.end - 1] + 1, _label_before(text, offsets[d.start]), d.precision)
        for d in _find_dates_in(clean)
    )


def _overlaps(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _find_dates_in(text: str) -> list[FoundDate]:
    folded = _fold_date_shapes(_fold_lookalikes(text))
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DAY_PATTERNS:
        for m in pattern.finditer(folded):
            start, end = m.span()
            if _overlaps(start, end, taken):
                continue
            month = _month(m)
            if month is None:  # a word that is not a month: nothing here, and nothing taken
                continue
            groups = m.groupdict()
            try:
                value: dt.date | None = dt.date(_year(groups.get("year") or groups["year2"]), month,
                                                int(groups.get("day") or groups["day2"]))
            except ValueError:
                value = None
            # Written as a date but not a possible one: never re-read part of it as another date.
            taken.append((start, end))
            if value is not None and MIN_YEAR <= value.year <= MAX_YEAR:
                found.append(FoundDate(value, start, end, _label_before(text, start), "day"))
    page_years = {f.date.year for f in found}
    for pattern in _DAMAGED_PATTERNS:
        for m in pattern.finditer(folded):
            start, end = m.span()
            if _overlaps(start, end, taken) or not _labelled_or_alone(folded, start, end):
                continue
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            raw_month = groups.get("month") or groups.get("month2")
            raw_day = groups.get("day") or groups.get("day2") or groups.get("day3") or ""
            raw_year = groups.get("year") or groups.get("year2") or ""
            month = month_number(groups["mon"]) if "mon" in groups else _repaired_number(raw_month or "", 12)
            year = _repaired_year(raw_year, page_years)
            if month is None or year is None:
                continue
            try:
                value = dt.date(year, month, _repaired_number(raw_day, 31))
            except ValueError:
                continue
            taken.append((start, end))
            found.append(FoundDate(value, start, end, _label_before(text, start), "day"))
    # Month-years: the same scan as full dates above, at month precision (alike on purpose).
    for pattern in _MONTH_PATTERNS:
        for m in pattern.finditer(folded):
            start, end = m.span()
            if _overlaps(start, end, taken):
                continue
            month = _month(m)
            if month is None or not 1 <= month <= 12:
                continue
            taken.append((start, end))
            found.append(FoundDate(dt.date(int(m.group("year")), month, 1), start, end,
                                   _label_before(text, start), "month"))
    for m in _YEAR_ONLY.finditer(folded):
        start, end = m.span()
        if _overlaps(start, end, taken):
            continue
        line_start = folded.rfind("\n", 0, start) + 1
        if not _YEAR_CONTEXT.search(folded[max(line_start, start - 24):start]):
            continue
        taken.append((start, end))
        found.append(FoundDate(dt.date(int(m.group("year")), 1, 1), start, end, _label_before(text, start), "year"))
    found.sort(key=lambda f: f.start)
    return found


# A word that labels a date, as OCR leaves it: "Date" with its first letter lost or misread ("(ATE",
# "Bate", "DATIO"), "Dated", "Signed", "Arrival", "Visit", "Exam", "Note", "Procedure", "Service", "DOB".
_DAMAGED_DATE_LABEL = re.compile(
    r"(?<![A-Za-z])(?:[DdBbOo0(]?[Aa][Tt][EeIi]\w*|DATED|SIGNED|ARRIV\w*|ADMI\w*|VISIT|EXAM\w*|NOTE|REPORT\w*"
    r"|DECISION|SEEN|SERVICE|PROCEDURE|RECEIVED|ENTRY|DOS)(?![A-Za-z])",
    re.I,
)
_CAPITALISED_WORD = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]{2,8}(?![A-Za-z])")
# What follows a label or a month word in a damaged date: three digits or more in the next 16 characters.
_DIGITS_AFTER = re.compile(r"\D{0,8}\d(?:\D{0,3}\d){2}")
# A day's place before a month word, as OCR leaves it: one to three characters with a digit ("64", "2]", "G6").
_DAY_REMNANT_BEFORE = re.compile(r"(?:^|\s)(?=\S{0,2}\d)\S{1,3}[\s-]?$")
# A month word's clean year: "OCT 2005" (a form's edition), "December 2007" are month-years, not damage.
_YEAR_AFTER = re.compile(r"[\s,.-]{1,2}(?:19|20)\d\d(?![\d/])")


def damaged_date_line(line: str) -> bool:
    """Whether one OCR'd line seems to hold a full date that OCR damaged past reading, so that a second,
    closer read of that line (workers/ocr.py) may recover it: no full date is read in it, yet a date
    label ("DATE", "(ATE", "Signed") or a capitalised month word is followed closely by digits ("DATE OF
    NOTE: MAR 15, 7417009", "(ATE Ob 1620L5", "DATE OF EXAMINATION 199808175.", "64 OCT 2012"); a month
    and its year alone ("VA FORM 21-4138, JUN 2021", "December 2007") are no damage. Nothing here reads
    a date: the line's second read must give one the page supports."""
    if not any(ch.isdigit() for ch in line):
        return False
    found = find_dates(line)
    if any(d.precision == "day" for d in found):
        return False
    for m in _DAMAGED_DATE_LABEL.finditer(line):
        # A label followed by a month-year or a year read whole ("Exam date: NOV 2017") is no damage.
        if _DIGITS_AFTER.match(line, m.end(), m.end() + 16) and not any(
                m.end() <= d.start <= m.end() + 8 for d in found):
            return True
    for m in _CAPITALISED_WORD.finditer(line):
        if month_number(m.group().upper()) is None or not _DIGITS_AFTER.match(line, m.end(), m.end() + 12):
            continue
        if not _YEAR_AFTER.match(line, m.end()) or _DAY_REMNANT_BEFORE.search(line, 0, m.start()):
            return True
    return False


def line_number(text: str, offset: int) -> int:
    """The 1-based line of text that offset falls on."""
    return text.count("\n", 0, offset) + 1


# What separates two events in one sentence: a semicolon, a new clause ("and", "but", "then", "later",
# "after that"), a colon. A date across one of these is further from an event word than its characters say.
_CLAUSE_BREAK = re.compile(r"[;:]|,?\s\b(?:and|but|then|later|whereas|while|after that|before that)\b", re.I)
CLAUSE_BREAK_DISTANCE = 40


def nearest_date(dates: Sequence[FoundDate], start: int, end: int | None = None, text: str | None = None
                 ) -> FoundDate | None:
    """The date mention nearest the span [start, end) (an event's words), or None when there is none.

    Distance is in characters between the two spans; with text given, each clause break between them
    ("; ", ", and ", " but ") adds CLAUSE_BREAK_DISTANCE, so in "fell in April 2009, and in 2011 hurt his
    knee" the fall is dated April 2009 and the knee 2011. Ties go to the date before the event."""
    end = start if end is None else end
    best: tuple[float, int, FoundDate] | None = None
    for d in dates:
        if d.end <= start:
            gap_start, gap_end, after = d.end, start, 1
        elif d.start >= end:
            gap_start, gap_end, after = end, d.start, 2
        else:
            gap_start = gap_end = after = 0
        distance: float = gap_end - gap_start
        if text is not None and gap_end > gap_start:
            distance += CLAUSE_BREAK_DISTANCE * len(_CLAUSE_BREAK.findall(text[gap_start:gap_end]))
        key = (distance, after, d)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None
