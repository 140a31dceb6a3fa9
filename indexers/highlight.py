"""Cut highlighted page text into a few HTML-safe fragments with ``<mark>…</mark>``.

The embedded backend asks FTS5's ``highlight()`` to mark every match in the *whole* page (no token or
character limit, so a match at the end of a 200 KB page is marked like one at the start) using private-use
sentinel characters; this pure module turns that into fragments. Page text is HTML-escaped here so OCR
text containing ``<`` can never inject markup into the provider UI; only our own ``<mark>`` tags remain.
"""

from __future__ import annotations

import html

OPEN = "\ue000"
CLOSE = "\ue001"
FRAGMENT_CHARS = 160
MAX_FRAGMENTS = 3


def strip_sentinels(text: str) -> str:
    """Remove the sentinel characters from page text before indexing, so they only ever mean "match"."""
    if OPEN in text or CLOSE in text:
        return text.replace(OPEN, "").replace(CLOSE, "")
    return text


def _spans(marked: str) -> tuple[str, list[tuple[int, int]]]:
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    start = -1
    i = 0
    n = len(marked)
    while i < n:
        j_open = marked.find(OPEN, i)
        j_close = marked.find(CLOSE, i)
        nxt = min(j for j in (j_open, j_close, n) if j >= 0)
        chunk = marked[i:nxt]
        plain.append(chunk)
        pos += len(chunk)
        if nxt == n:
            break
        if marked[nxt] == OPEN:
            start = pos
        elif start >= 0:
            spans.append((start, pos))
            start = -1
        i = nxt + 1
    return "".join(plain), spans


def _snap_left(text: str, i: int, limit: int) -> int:
    """Move a fragment start back to a word boundary (at most ``limit`` chars)."""
    j = i
    while j > 0 and i - j < limit and not text[j - 1].isspace():
        j -= 1
    return j if j == 0 or text[j - 1].isspace() else i


def _snap_right(text: str, i: int, limit: int) -> int:
    j = i
    while j < len(text) and j - i < limit and not text[j].isspace():
        j += 1
    return j


def fragments(marked: str, fragment_chars: int = FRAGMENT_CHARS, max_fragments: int = MAX_FRAGMENTS) -> list[str]:
    """Fragments around the marked matches, in page order, each about ``fragment_chars`` long."""
    text, spans = _spans(marked)
    if not spans:
        return []
    out: list[str] = []
    i = 0
    while i < len(spans) and len(out) < max_fragments:
        first_start, first_end = spans[i]
        lead = max(0, (fragment_chars - (first_end - first_start)) // 3)
        frag_start = _snap_left(text, max(0, first_start - lead), 20)
        frag_end = max(first_end, frag_start + fragment_chars)
        members = [spans[i]]
        i += 1
        while i < len(spans) and spans[i][1] <= frag_end:
            members.append(spans[i])
            i += 1
        frag_end = _snap_right(text, min(len(text), frag_end), 20)
        parts: list[str] = []
        cur = frag_start
        for s, e in members:
            parts.append(html.escape(text[cur:s], quote=False))
            parts.append("<mark>" + html.escape(text[s:e], quote=False) + "</mark>")
            cur = e
        parts.append(html.escape(text[cur:frag_end], quote=False))
        out.append(" ".join("".join(parts).split()))
    return out
