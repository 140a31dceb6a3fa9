"""Map a character span of a page's text back to the rectangles of its words on the page image."""

from __future__ import annotations

from typing import Any


def boxes_for_span(words: list[Any] | None, start: int, end: int) -> list[list[float]]:
    """Boxes ([x0, y0, x1, y1] in points) of the words overlapping [start, end), merged per line.

    Merging neighbours on one line gives one rectangle per highlighted phrase line, which is what a
    reader's eye expects, instead of a row of word-sized boxes.
    """
    if not words:
        return []
    picked = [w for w in words if len(w) >= 7 and w[1] < end and w[2] > start]
    merged: list[list[float]] = []
    for w in sorted(picked, key=lambda w: (round(float(w[4])), float(w[3]))):
        x0, y0, x1, y1 = (float(v) for v in w[3:7])
        if merged:
            last = merged[-1]
            same_line = abs(last[1] - y0) < 0.6 * max(1.0, y1 - y0)
            if same_line and x0 - last[2] < 2.5 * max(1.0, y1 - y0):
                last[0], last[1] = min(last[0], x0), min(last[1], y0)
                last[2], last[3] = max(last[2], x1), max(last[3], y1)
                continue
        merged.append([x0, y0, x1, y1])
    return [[round(v, 2) for v in box] for box in merged]
