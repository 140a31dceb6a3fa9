"""Server-rendered provider pages: login, claims, upload, claim overview, search, page view, summary, audit.

Pages read through the same access checks and audit log as the JSON API; actions (upload, review,
corrections) are small fetch() calls from static JS to that API, carrying the session's CSRF token.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from sqlalchemy.orm import Session

from api import audit
from api.access import accessible_claims, claim_users, require_claim
from api.auth import Principal, current_principal, get_db, principal_from_request, require_staff
from api.routes_claims import PageNumber, claim_overview, claim_summary
from api.routes_pages import page_detail
from api.routes_search import FLAG_CATEGORIES, RECORD_TYPES, run_search
from indexers.base import SearchQuery

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.filters["label"] = lambda s: (s or "").replace("_", " ")


def _marks(fragment: str) -> Markup:
    """Search fragments: escape everything, then allow back only <mark> (whatever the backend escaped)."""
    safe = str(escape(html.unescape(fragment)))
    return Markup(safe.replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>"))


def _emph(sentence: str, words: str) -> Markup:
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


templates.env.filters["marks"] = _marks
templates.env.filters["emph"] = _emph
templates.env.filters["markdown"] = markdown_html


def render(request: Request, name: str, principal: Principal | None, status_code: int = 200,
           **context: Any) -> HTMLResponse:
    context.update(principal=principal, csrf_token=principal.csrf_token if principal else "",
                   record_types=RECORD_TYPES, flag_categories=FLAG_CATEGORIES)
    return templates.TemplateResponse(request, name, context, status_code=status_code)


@router.get("/login")
def login_page(request: Request, next: str = "/", error: int = 0, db: Session = Depends(get_db)) -> Response:
    if principal_from_request(request, db) is not None:
        return RedirectResponse("/claims", status_code=303)
    return render(request, "login.html", None, next=next, error=error)


@router.get("/")
def home(principal: Principal = Depends(current_principal)) -> Response:
    return RedirectResponse("/claims", status_code=303)


@router.get("/claims")
def claims_page(request: Request, principal: Principal = Depends(current_principal),
                db: Session = Depends(get_db)) -> Response:
    claims = [claim_summary(db, c) for c in accessible_claims(db, principal)]
    audit.record(db, principal, "claims_list", count=len(claims))
    return render(request, "claims.html", principal, claims=claims)


@router.get("/upload")
def upload_page(request: Request, claim_id: str = Query("", max_length=128),
                principal: Principal = Depends(require_staff)) -> Response:
    return render(request, "upload.html", principal, claim_id=claim_id)


@router.get("/claims/{claim_id}")
def claim_page(request: Request, claim_id: str, principal: Principal = Depends(current_principal),
               db: Session = Depends(get_db)) -> Response:
    claim = require_claim(db, principal, claim_id)
    audit.record(db, principal, "claim_read", claim_id)
    users = claim_users(db, claim_id) if principal.is_staff else []
    return render(request, "claim.html", principal, claim=claim, users=users, **claim_overview(db, claim_id))


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@router.get("/claims/{claim_id}/search")
def search_page(request: Request, claim_id: str, q: str = Query("", max_length=1000),
                type: list[str] = Query(default_factory=list),  # noqa: A002
                flag: list[str] = Query(default_factory=list), in_service: str = "",
                date_from: str = Query("", alias="from"), date_to: str = Query("", alias="to"),
                sort: str = "relevance", cursor: str | None = None,
                principal: Principal = Depends(current_principal), db: Session = Depends(get_db)) -> Response:
    claim = require_claim(db, principal, claim_id)
    filters = {"q": q, "type": [t for t in type if t in RECORD_TYPES],
               "flag": [f for f in flag if f in FLAG_CATEGORIES],
               "in_service": in_service if in_service in ("true", "false") else "", "from": date_from,
               "to": date_to, "sort": sort if sort in ("relevance", "date") else "relevance"}
    result, error = None, None
    if q or filters["type"] or filters["flag"] or filters["in_service"]:
        query = SearchQuery(claim_id=claim_id, text=q, record_types=filters["type"], flag_categories=filters["flag"],
                            in_service={"true": True, "false": False}.get(filters["in_service"]),
                            date_from=_date(date_from), date_to=_date(date_to), sort=filters["sort"], size=25,
                            cursor=cursor)
        try:
            result = run_search(request, db, claim_id, query)
        except HTTPException as exc:
            error = str(exc.detail)
        audit.record(db, principal, "search", claim_id, query=audit.fingerprint(q),
                     hits=len(result["hits"]) if result else None)
    return render(request, "search.html", principal, claim=claim, filters=filters, result=result, error=error)


TERM = re.compile(r"[\w']+")


def _norm(word: str) -> str:
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


@router.get("/claims/{claim_id}/files/{file_id}/pages/{page}")
def page_view(request: Request, claim_id: str, file_id: str, page: int = PageNumber,
              q: str = Query("", max_length=1000),
              flag: str = Query("", max_length=64), principal: Principal = Depends(current_principal),
              db: Session = Depends(get_db)) -> Response:
    claim = require_claim(db, principal, claim_id)
    detail = page_detail(db, claim_id, file_id, page)
    terms = {_norm(t) for t in TERM.findall(q)} - {""}
    hit_words = [w for w in detail["words"] if len(w) >= 7 and _norm(str(w[0])) in terms]
    spans = [(int(w[1]), int(w[2]), "hit") for w in hit_words]
    spans += [(g["start"], g["end"], f"flag flag-{g['status']}") for g in detail["flags"]]
    audit.record(db, principal, "page_read", claim_id, file_id=file_id, page=page)
    return render(request, "page.html", principal, claim=claim, p=detail, q=q, focus_flag=flag,
                  hit_boxes=[[float(v) for v in w[3:7]] for w in hit_words],
                  segments=text_segments(detail["text"], spans))


@router.get("/claims/{claim_id}/summary")
def summary_page(request: Request, claim_id: str, principal: Principal = Depends(current_principal),
                 db: Session = Depends(get_db)) -> Response:
    from api.routes_export import evidence_summary

    claim = require_claim(db, principal, claim_id)
    markdown, error = None, None
    try:
        markdown = evidence_summary(db, claim_id)[1]
    except HTTPException as exc:
        error = str(exc.detail)
    audit.record(db, principal, "summary_read", claim_id)
    return render(request, "summary.html", principal, claim=claim, markdown=markdown, error=error)


@router.get("/audit")
def audit_page(request: Request, claim_id: str = Query("", max_length=128), user: str = Query("", max_length=128),
               principal: Principal = Depends(require_staff), db: Session = Depends(get_db)) -> Response:
    if claim_id:
        require_claim(db, principal, claim_id)
    events = [audit.event_json(e) for e in audit.query_events(db, principal, claim_id or None, user or None, 300)]
    audit.record(db, principal, "audit_read", claim_id or None, user=user or None)
    return render(request, "audit.html", principal, events=events, claim_id=claim_id, user=user,
                  claims=[c.claim_id for c in accessible_claims(db, principal)])
