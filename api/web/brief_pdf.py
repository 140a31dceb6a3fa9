"""The evidence brief as a printable PDF (reportlab), drawn from the same blocks as its Markdown and HTML.

reportlab's Paragraph reads a small XML markup, so every piece of text is escaped (and stripped of
characters XML cannot carry) before the only tags made here are added: a file named `**a *b** c*.pdf`
or a title line `<b>` prints as itself. Citations are link annotations to the page viewer: absolute
URLs (base URL + viewer path), because a relative URI in a PDF has no base every viewer agrees on;
anchors inside the brief ("appendix A.2") are internal links.
"""

from __future__ import annotations

import io
import unicodedata
from xml.sax.saxutils import escape, quoteattr

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, HRFlowable, LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from claims.brief_layout import Block, Bullets, Heading, Line, ListItem, Para, Table

_STYLES = getSampleStyleSheet()
_BODY = ParagraphStyle("body", parent=_STYLES["BodyText"], fontSize=9, leading=11.5, spaceAfter=3)
_MUTED = ParagraphStyle("muted", parent=_BODY, textColor=colors.Color(0.4, 0.44, 0.52))
_NOTE = ParagraphStyle("note", parent=_BODY, leftIndent=12, textColor=colors.Color(0.28, 0.33, 0.4))
_CELL = ParagraphStyle("cell", parent=_BODY, fontSize=7.5, leading=9, spaceAfter=0)
_HEADINGS = {
    1: ParagraphStyle("h1", parent=_STYLES["Heading1"], fontSize=16, leading=19, spaceAfter=4),
    2: ParagraphStyle("h2", parent=_STYLES["Heading2"], fontSize=13, leading=16, spaceBefore=10, spaceAfter=4),
    3: ParagraphStyle("h3", parent=_STYLES["Heading3"], fontSize=10.5, leading=13, spaceBefore=6, spaceAfter=2),
}
_LINK = "#1f5fbf"
_BADGE = {"confirmed": "#1b7f3b", "against": "#b54708", "in-service": "#1a4590"}
_MARGIN = 0.7 * inch
_WIDTH = LETTER[0] - 2 * _MARGIN


def pdf_text(text: str) -> str:
    """Text for reportlab's paragraph markup: escaped, without control characters or lone surrogates."""
    clean = "".join(ch for ch in text if ch in "\t\n" or not unicodedata.category(ch).startswith("C"))
    return escape(clean.replace("\t", " ").replace("\n", " "))


def _href(href: str, base_url: str) -> str:
    return href if href.startswith("#") else base_url.rstrip("/") + href


def _runs(runs: Line, base_url: str) -> str:
    out = []
    for r in runs:
        text = pdf_text(r.text)
        if r.badge:
            text = f'<font color="{_BADGE.get(r.badge, "#344054")}"><b>[{text}]</b></font>'
        elif r.strong:
            text = f"<b>{text}</b>"
        elif r.em:
            text = f"<i>{text}</i>"
        if r.href is not None:
            text = f'<a href={quoteattr(_href(r.href, base_url))} color="{_LINK}"><u>{text}</u></a>'
        out.append(text)
    return "".join(out)


def _bullets(items: tuple[ListItem, ...], base_url: str, level: int = 0) -> list[Flowable]:
    style = ParagraphStyle(f"bullet{level}", parent=_BODY, leftIndent=12 + 12 * level, bulletIndent=3 + 12 * level)
    out: list[Flowable] = []
    for it in items:
        out.append(Paragraph(_runs(it.runs, base_url), style, bulletText="\u2022"))
        out += _bullets(it.children, base_url, level + 1)
    return out


def _table(block: Table, base_url: str) -> Flowable:
    data = [[Paragraph(f"<b>{pdf_text(h)}</b>", _CELL) for h in block.header]]
    data += [[Paragraph(_runs(cell, base_url), _CELL) for cell in row] for row in block.rows]
    table = LongTable(data, repeatRows=1, colWidths=[_WIDTH * w for w in block.widths])
    style = [("GRID", (0, 0), (-1, -1), 0.3, colors.Color(0.8, 0.82, 0.86)),
             ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.94, 0.97)),
             ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for i, mark in enumerate(block.row_marks, start=1):
        if mark == "in-service":
            style.append(("BACKGROUND", (0, i), (-1, i), colors.Color(0.93, 0.96, 1.0)))
    table.setStyle(TableStyle(style))
    return table


def _flowables(block: Block, base_url: str) -> list[Flowable]:
    if isinstance(block, Heading):
        anchor = f'<a name="{pdf_text(block.anchor)}"/>' if block.anchor else ""
        return [Paragraph(anchor + pdf_text(block.text), _HEADINGS[min(block.level, 3)])]
    if isinstance(block, Para):
        style = {"muted": _MUTED, "note": _NOTE, "quote": _NOTE}.get(block.style, _BODY)
        return [Paragraph(_runs(block.runs, base_url), style)]
    if isinstance(block, Bullets):
        return _bullets(block.items, base_url)
    if isinstance(block, Table):
        return [_table(block, base_url), Spacer(1, 4)]
    out: list[Flowable] = [HRFlowable(width="100%", color=colors.Color(0.8, 0.82, 0.86), spaceBefore=4,
                                      spaceAfter=0)]
    for inner in block.blocks:
        out += _flowables(inner, base_url)
    return out


def brief_to_pdf(blocks: list[Block], base_url: str, title: str = "Evidence brief") -> bytes:
    """The brief as PDF bytes; citations link to `base_url` + the viewer's path."""
    buf = io.BytesIO()
    footer_title = "".join(ch for ch in title if not unicodedata.category(ch).startswith("C"))
    doc = SimpleDocTemplate(buf, pagesize=LETTER, title=footer_title, leftMargin=_MARGIN, rightMargin=_MARGIN,
                            topMargin=_MARGIN, bottomMargin=_MARGIN)

    def footer(canvas, document) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.drawString(_MARGIN, 0.45 * inch, f"{footer_title[:120]}  \u2014  page {document.page}")
        canvas.restoreState()

    story: list[Flowable] = []
    for block in blocks:
        story += _flowables(block, base_url)
    doc.build(story or [Paragraph("(empty brief)", _BODY)], onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()
