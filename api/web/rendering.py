"""How the provider pages are drawn: the Jinja templates, their filters (readable labels, search marks,
bold evidence), the evidence brief's blocks as HTML, and the page-text segments that show matched words
and flags.

Every piece of record text is escaped before any markup is added back.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from claims.accounts import Principal
from claims.brief_layout import Block, Bullets, Heading, Line, ListItem, Para, Table
from claims.readable import readable
from config.vocabulary import FLAG_CATEGORIES, RECORD_TYPES

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.filters["label"] = readable


def marked_fragment(fragment: str) -> Markup:
    """Search fragments: escape everything, then allow back only <mark> (whatever the backend escaped)."""
    safe = str(escape(html.unescape(fragment)))
    return Markup(safe.replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>"))


def emphasised_sentence(sentence: str, words: str) -> Markup:
    """The flag's sentence with its matched words in bold, so the eye lands on the evidence."""
    i = sentence.lower().find((words or "").lower()) if words else -1
    if i < 0:
        return Markup(escape(sentence))
    j = i + len(words)
    return Markup(f"{escape(sentence[:i])}<strong>{escape(sentence[i:j])}</strong>{escape(sentence[j:])}")


# The HTML twin of api/web/brief_pdf._runs: one layout of the brief, two renderings (alike on purpose).
def _runs_html(runs: Line) -> str:
    out = []
    for r in runs:
        text = str(escape(r.text))
        if r.badge:
            text = f'<span class="badge {escape(r.badge)}">{text}</span>'
        if r.strong:
            text = f"<strong>{text}</strong>"
        elif r.em:
            text = f"<em>{text}</em>"
        if r.href is not None:
            text = f'<a href="{escape(r.href)}">{text}</a>'
        out.append(text)
    return "".join(out)


def _items_html(items: tuple[ListItem, ...]) -> str:
    return "<ul>" + "".join(
        f"<li>{_runs_html(it.runs)}{_items_html(it.children) if it.children else ''}</li>" for it in items) + "</ul>"


def _block_html(block: Block) -> str:
    if isinstance(block, Heading):
        anchor = f' id="{escape(block.anchor)}"' if block.anchor else ""
        level = min(block.level, 6)
        return f"<h{level}{anchor}>{escape(block.text)}</h{level}>"
    if isinstance(block, Para):
        cls = f' class="{escape(block.style)}"' if block.style else ""
        return f"<p{cls}>{_runs_html(block.runs)}</p>"
    if isinstance(block, Bullets):
        return _items_html(block.items)
    if isinstance(block, Table):
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in block.header)
        rows = []
        for i, row in enumerate(block.rows):
            mark = block.row_marks[i] if i < len(block.row_marks) and block.row_marks[i] else ""
            cls = f' class="{escape(mark)}"' if mark else ""
            rows.append(f"<tr{cls}>" + "".join(f"<td>{_runs_html(cell)}</td>" for cell in row) + "</tr>")
        return (f'<div class="table-scroll"><table class="grid compact brief-table"><thead><tr>{head}</tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table></div>')
    inner = "".join(_block_html(b) for b in block.blocks)
    return f'<section class="card {escape(block.kind)}">{inner}</section>'


def brief_html(blocks: list[Block]) -> Markup:
    """The evidence brief's blocks as HTML: every piece of text escaped, only the tags made here are markup."""
    return Markup("\n".join(_block_html(b) for b in blocks))


templates.env.filters["marks"] = marked_fragment
templates.env.filters["emph"] = emphasised_sentence


def render(request: Request, name: str, principal: Principal | None, status_code: int = 200,
           **context: Any) -> HTMLResponse:
    context.update(principal=principal, csrf_token=principal.csrf_token if principal else "",
                   record_types=RECORD_TYPES, flag_categories=FLAG_CATEGORIES)
    return templates.TemplateResponse(request, name, context, status_code=status_code)




TERM = re.compile(r"[\w']+")


def normalised_word(word: str) -> str:
    return "".join(TERM.findall(word.lower()))


def text_segments(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """Split the page text into (piece, css class) so matched words and flags show as marks."""
    marks = [""] * (len(text) + 1)
    for start, end, cls in sorted(spans, key=lambda s: s[2] == "hit"):
        for i in range(max(0, start), min(len(text), end)):
            marks[i] = cls
    out: list[tuple[str, str]] = []
    for i, ch in enumerate(text):
        if out and out[-1][1] == marks[i]:
            out[-1] = (out[-1][0] + ch, marks[i])
        else:
            out.append((ch, marks[i]))
    return out
