"""How the provider pages are drawn: the Jinja templates, their filters (search marks, bold evidence,
the summary's Markdown subset) and the page-text segments that show matched words and flags.

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
from config.vocabulary import FLAG_CATEGORIES, RECORD_TYPES

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.filters["label"] = lambda s: (s or "").replace("_", " ")


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


def markdown_html(markdown: str) -> Markup:
    """The summary's small Markdown subset (headings, nested bullets, tables, bold) as HTML.

    Every piece of text is escaped first; only the tags produced here are markup."""
    out: list[str] = []
    depth = 0

    def inline(text: str) -> str:
        s = str(escape(text))
        s = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", s)
        return re.sub(r"`([^`]+)`", r"<code>\1</code>", s)

    def close_lists(to: int) -> None:
        nonlocal depth
        while depth > to:
            out.append("</ul>")
            depth -= 1

    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        bullet = re.match(r"^(\s*)[-*+]\s+(.*)$", line)
        if m := re.match(r"^(#{1,6})\s+(.*)$", line):
            close_lists(0)
            level = min(len(m.group(1)) + 1, 6)
            out.append(f"<h{level}>{inline(m.group(2))}</h{level}>")
        elif bullet:
            level = len(bullet.group(1).expandtabs(2)) // 2 + 1
            while depth < level:
                out.append("<ul>")
                depth += 1
            close_lists(level)
            out.append(f"<li>{inline(bullet.group(2))}</li>")
        elif line.lstrip().startswith("|"):
            close_lists(0)
            rows = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                if not re.match(r"^\s*\|?\s*:?-{2,}", lines[i]):
                    rows.append([c.strip() for c in lines[i].strip().strip("|").split("|")])
                i += 1
            body = "".join("<tr>" + "".join(f"<td>{inline(c)}</td>" for c in r) + "</tr>" for r in rows[1:])
            head = "".join(f"<th>{inline(c)}</th>" for c in rows[0]) if rows else ""
            out.append(f'<table class="grid compact"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')
            continue
        elif line.strip():
            close_lists(0)
            out.append(f"<p>{inline(line.strip())}</p>")
        else:
            close_lists(0)
        i += 1
    close_lists(0)
    return Markup("\n".join(out))


templates.env.filters["marks"] = marked_fragment
templates.env.filters["emph"] = emphasised_sentence
templates.env.filters["markdown"] = markdown_html


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
