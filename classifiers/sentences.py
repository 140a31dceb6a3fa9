"""Sentence splitting for OCR text and clinical shorthand.

Why not a general-purpose splitter: claim files are OCRed forms and notes where a period is as often an
abbreviation ("pt.", "Dr.", "b.i.d.") as a sentence end, where headers and form fields carry no period at
all, and where a sentence is broken across lines by the page width. Flag context (negation, history)
must not leak from one sentence into the next, so the boundaries matter more than elegance.
Offsets always index the original text; nothing is normalised in place.
"""

from __future__ import annotations

import re

# Tokens that end in a period without ending a sentence (compared lower-case, without the final dot).
_ABBREVIATION_WORDS = """
    pt pts dr drs mr mrs ms mx st jr sr vs v e.g eg i.e ie etc approx appt dept no nos fig hx dx tx rx sx fx
    b.i.d t.i.d q.i.d q.d p.r.n p.o q.h.s h.s a.m p.m bid tid qid prn po qhs yr yrs y.o wk wks mo mos hr hrs
    min mins sec lt rt l r bil bilat ext flex neg pos approx. cont inc med meds lbs lb oz mg mcg ml cc cm mm
    sgt ssg sfc msg 1sg pfc spc cpl pvt lt col maj capt cpt gen adm cdr lcdr ens amn sra ssgt tsgt msgt
    u.s a.k.a dob ref attn cf ca co ft in mt al
"""
ABBREVIATIONS: frozenset[str] = frozenset(_ABBREVIATION_WORDS.split())

_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25cf>o]\s+|\(?\d{1,2}[.)]\s+|\(?[a-hA-H][.)]\s+)")
_HEADER_LINE = re.compile(r"^\s*[A-Z0-9][A-Z0-9 /&,()'#-]{2,60}:?\s*$")
_FIELD_START = re.compile(r"^\s*[A-Z][A-Za-z /&()'#-]{1,40}:\s")
_TERMINAL = re.compile(r"[.!?:;]['\")\]]*\s*$")
# A candidate boundary inside a line: end punctuation, optional closing quote/bracket, whitespace.
_INLINE_END = re.compile(r"[.!?]+['\")\]]*(?=\s+)")
# A period glued to the next sentence, as exports and transcriptions often leave them ("with no cord
# impingement.C3-4: There is...", "left side only.Station: mild drift.Gait: ..."): after a word of two or
# more characters, a capitalised word, a heading or field name ending in ":", or a spinal level.
_GLUED_END = re.compile(
    r"(?<=[A-Za-z0-9)%-][A-Za-z0-9)%])\.(?=[A-Z](?:[a-z]+\b|[A-Z0-9 /&,()'#-]{1,60}:|\d))"
    r"(?![A-Za-z0-9-]*\.[a-z]{2,3}\b)"  # not a web address ("www.Example.com")
)
_MAX_SENTENCE = 1500
_MAX_TITLE = 70  # characters of a Title Case line read as a heading
# A word a sentence cannot end on: a line ending with one was wrapped, whatever the next line starts with.
_OPEN_END = re.compile(
    r"(?i)\b(?:at|of|to|in|on|with|without|and|or|the|a|an|for|from|by|into|over|than|as|is|are|was|were)\s*$"
)


def _is_abbreviation_before(text: str, dot: int) -> bool:
    """True when the period at `dot` closes an abbreviation, an initial or a number like '4.'."""
    start = dot
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    token = text[start:dot].lower().lstrip("([\"'")
    if not token:
        return False
    if token in ABBREVIATIONS:
        return True
    if len(token) == 1 and token.isalpha():
        return True  # an initial: "J. Smith"
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]?", token))  # "b.i.d", "e.g"


def _next_starts_sentence(text: str, pos: int) -> bool:
    """The text after a period starts a new sentence when it opens with a capital, a digit or a bullet."""
    m = re.compile(r"\s*").match(text, pos)
    nxt = m.end() if m else pos
    if nxt >= len(text):
        return True
    ch = text[nxt]
    return ch.isupper() or ch.isdigit() or ch in "-*\u2022(\"'["


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        spans.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)
    return spans


# Words a title leaves lower-case ("Range of Motion", "Review of Systems").
_TITLE_SMALL_WORDS = frozenset(
    {"of", "and", "the", "to", "in", "for", "with", "on", "at", "or", "a", "an", "by", "from", "vs"}
)
_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _is_title_line(line: str) -> bool:
    """A line in Title Case ("Left Lower Back", "Range of Motion Testing"): every word capitalised but the
    small ones, with no sentence punctuation at its end. ALL CAPS lines are `_HEADER_LINE`'s to judge."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_TITLE or not any(ch.islower() for ch in stripped):
        return False
    if any(ch in stripped for ch in ",;()"):
        return False  # a list or an aside: "MOS 11B, Senior Parachutist" wrapped mid-item
    words = _TITLE_WORD.findall(stripped)
    return (
        2 <= len(words) <= 8
        and all(w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words)
        and words[-1][0].isupper()
    )


def _break_between_lines(prev: str, nxt: str) -> bool:
    """Decide whether a line break also ends a sentence (OCR wraps lines mid-sentence)."""
    if not prev.strip() or not nxt.strip():
        return True
    if _TERMINAL.search(prev) and not prev.rstrip().endswith(","):
        return True
    if _BULLET.match(nxt) or _FIELD_START.match(nxt):
        return True
    if _HEADER_LINE.match(prev) and not prev.rstrip().endswith(("-", ",")):
        return True
    if _HEADER_LINE.match(nxt) and len(nxt.strip()) < 40:
        return True
    if _OPEN_END.search(prev):
        return False  # a line ending on "at", "of", "the"... is wrapped mid-sentence
    if _is_title_line(prev) and nxt.lstrip()[:1].isupper():
        return True  # "Chief Complaint 1. Left Lower Back": a heading, however long, not a wrapped sentence
    stripped_next = nxt.lstrip()
    # a short form-like line followed by a capitalised line: a new field, not a wrapped sentence
    return len(prev.strip()) < 30 and stripped_next[:1].isupper() and not prev.rstrip().endswith(("-", ","))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of `text`, in order, whitespace trimmed.

    Boundaries: sentence punctuation followed by a capital/digit (unless it closes an abbreviation),
    blank lines, bullets, headers and form fields on their own line. A line break inside a running
    sentence (OCR wrap) does not split it. Very long runs are cut at line ends so that context scopes
    stay local.
    """
    if not text:
        return []
    lines = _line_spans(text)
    # 1. group lines into blocks, joining wrapped lines
    blocks: list[tuple[int, int]] = []
    cur_start: int | None = None
    cur_end = 0
    prev_line = ""
    for start, end in lines:
        line = text[start:end]
        if not line.strip():
            if cur_start is not None:
                blocks.append((cur_start, cur_end))
                cur_start = None
            prev_line = ""
            continue
        if cur_start is None:
            cur_start, cur_end = start, end
        elif _break_between_lines(prev_line, line) or end - cur_start > _MAX_SENTENCE:
            blocks.append((cur_start, cur_end))
            cur_start, cur_end = start, end
        else:
            cur_end = end
        prev_line = line
    if cur_start is not None:
        blocks.append((cur_start, cur_end))

    # 2. split each block at inline sentence ends
    spans: list[tuple[int, int]] = []
    for b_start, b_end in blocks:
        seg_start = b_start
        for m in _sentence_ends(text, b_start, b_end):
            end = m.end()
            punct = text[m.start()]
            if punct == "." and m.end() - m.start() == 1 and _is_abbreviation_before(text, m.start()):
                continue
            if punct == "." and m.start() > 0 and text[m.start() - 1].isdigit() and _looks_like_list_number(
                text, m.start()
            ):
                continue
            if not _next_starts_sentence(text, end):
                continue
            spans.append((seg_start, end))
            seg_start = end
        spans.append((seg_start, b_end))

    out: list[tuple[int, int]] = []
    for s, e in _cap_length(text, spans):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _sentence_ends(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Candidate sentence ends in text[start:end], in order: punctuation before whitespace, and a period
    glued to the next sentence."""
    found = list(_INLINE_END.finditer(text, start, end)) + list(_GLUED_END.finditer(text, start, end))
    return sorted(found, key=lambda m: m.start())


def _cap_length(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut a run longer than _MAX_SENTENCE (an OCRed table, a page without punctuation) at whitespace.

    Nothing is dropped: every character stays in some span. It keeps context scopes local and the
    context stage linear in the page length.
    """
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while e - s > _MAX_SENTENCE:
            cut = -1
            for sep in ("\n", ", ", "; ", " "):  # the most natural break in the second half of the window
                cut = text.rfind(sep, s + _MAX_SENTENCE // 2, s + _MAX_SENTENCE)
                if cut > s:
                    cut += len(sep)
                    break
            if cut <= s:
                cut = s + _MAX_SENTENCE
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out


def _looks_like_list_number(text: str, dot: int) -> bool:
    """'1.' or '12.' at the start of a line or after a header is a list number, not a sentence end."""
    start = dot
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    if dot - start > 2:
        return False
    before = text[max(0, start - 3) : start]
    return start == 0 or "\n" in before or before.endswith(":  ") or before.strip() == ""
