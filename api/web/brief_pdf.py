"""Render the evidence summary's Markdown as a printable PDF (reportlab), without a Markdown library.

The summary uses a small subset of Markdown: headings, paragraphs, bullets (nested by indent),
check boxes, pipe tables, **bold**, *italic*, `code` and rules. Anything else prints as plain text,
so nothing in the summary is ever dropped.
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)

_STYLES = getSampleStyleSheet()
_BODY = ParagraphStyle("body", parent=_STYLES["BodyText"], fontSize=9.5, leading=12.5)
_CELL = ParagraphStyle("cell", parent=_BODY, fontSize=8, leading=10)
_HEADINGS = {1: _STYLES["Heading1"], 2: _STYLES["Heading2"], 3: _STYLES["Heading3"], 4: _STYLES["Heading4"]}


def inline(text: str) -> str:
    """Markdown inline marks to reportlab's mini-HTML, after escaping everything else."""
    out = escape(text)
    out = re.sub(r"`([^`]+)`", r'<font face="Courier">\1</font>', out)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    out = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<i>\1</i>", out)
    return out


def _bullet(line: str) -> tuple[int, str] | None:
    m = re.match(r"^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$", line)
    if not m:
        return None
    text = m.group(2)
    # Check boxes stay as "[ ]" / "[x]": the standard PDF fonts have no ballot-box glyphs.
    return len(m.group(1).expandtabs(2)) // 2, text


def _table(rows: list[str]) -> Flowable:
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows
             if not re.match(r"^\s*\|?\s*:?-{2,}", r)]
    width = max(len(r) for r in cells)
    data = [[Paragraph(inline(c), _CELL) for c in r + [""] * (width - len(r))] for r in cells]
    table = LongTable(data, repeatRows=1, colWidths=[(LETTER[0] - 1.5 * inch) / width] * width)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.92, 0.95)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def markdown_flowables(markdown: str) -> list[Flowable]:
    story: list[Flowable] = []
    lines = markdown.splitlines()
    para: list[str] = []

    def flush() -> None:
        if para:
            story.append(Paragraph(inline(" ".join(para)), _BODY))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            flush()
        elif m := re.match(r"^(#{1,6})\s+(.*)$", line):
            flush()
            story.append(Paragraph(inline(m.group(2)), _HEADINGS[min(len(m.group(1)), 4)]))
        elif re.match(r"^\s*([-*_])\s*\1\s*\1[\s\1]*$", line):
            flush()
            story.append(HRFlowable(width="100%", color=colors.grey, spaceBefore=4, spaceAfter=4))
        elif line.lstrip().startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(lines[i])
                i += 1
            story.append(_table(rows))
            story.append(Spacer(1, 6))
            continue
        elif (b := _bullet(line)) is not None:
            flush()
            level, text = b
            style = ParagraphStyle(f"b{level}", parent=_BODY, leftIndent=14 + 14 * level, bulletIndent=4 + 14 * level)
            story.append(Paragraph(inline(text), style, bulletText="\u2022"))
        else:
            para.append(line.strip())
        i += 1
    flush()
    return story


def markdown_to_pdf(markdown: str, title: str = "Evidence summary") -> bytes:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=LETTER, title=title, leftMargin=0.75 * inch, rightMargin=0.75 * inch,
                            topMargin=0.75 * inch, bottomMargin=0.75 * inch)

    def footer(canvas, document) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(0.75 * inch, 0.5 * inch, f"{title}  \u2014  page {document.page}")
        canvas.restoreState()

    doc.build(markdown_flowables(markdown) or [Paragraph("(empty summary)", _BODY)],
              onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()
