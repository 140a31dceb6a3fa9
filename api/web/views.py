"""Server-rendered provider pages: login, claims, upload, claim overview, search, page view, review
queue, chronology, evidence brief (and its PDF), audit.

Pages read through the same use cases, access checks and audit log as the JSON API; actions (upload,
review, corrections) are small fetch() calls from static JS to that API, carrying the session's CSRF
token.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from urllib.parse import quote, urlparse

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from api.dependencies import (
    SESSION_COOKIE,
    Db,
    OpenClaim,
    PageNumber,
    attachment,
    client_address,
    csrf_protect,
    current_principal,
    open_claim,
    principal_from_request,
    read_claim,
    require_staff,
    search_index,
    set_session_cookie,
)
from api.web.brief_pdf import brief_to_pdf
from api.web.rendering import TERM, brief_html, normalised_word, render, text_segments
from claims import audit
from claims.access import accessible_claims, claim_users, require_claim
from claims.accounts import Principal, close_session, log_in, open_session
from claims.brief_layout import layout
from claims.claim_ids import CLAIM_ID_OR_EMPTY_PATTERN
from claims.documents import page_detail
from claims.errors import UseCaseError
from claims.evidence_brief import claim_brief
from claims.indexing import search_claim
from claims.login_throttle import TooManyAttempts
from claims.progress import claim_overview, claim_summary
from claims.reviews import QUEUE_LIMIT, QUEUE_SORTS, FlagFilter, review_queue
from config.settings import get_settings
from config.vocabulary import FLAG_CATEGORIES, RECORD_TYPES
from indexers.base import SearchIndex, SearchQuery

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    """Only same-site paths: an open redirect after login would be a phishing aid."""
    if not target:
        return "/"
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


@router.get("/login")
def login_page(request: Request, next: str = "/", error: int = 0, db: Session = Db) -> Response:
    if principal_from_request(request, db) is not None:
        return RedirectResponse("/claims", status_code=303)
    return render(request, "login.html", None, next=next, error=error)


@router.post("/login")
def form_login(request: Request, username: str = Form(""), password: str = Form(""), next: str = Form("/"),
               db: Session = Db) -> Response:
    address = client_address(request)
    try:
        user = log_in(username[:128], password[:1024], address) if username and password else None
    except TooManyAttempts:
        return RedirectResponse(f"/login?error=2&next={quote(_safe_next(next))}", status_code=303)
    if user is None:
        audit.record_failed_login(username[:128] or "-", address)
        return RedirectResponse(f"/login?error=1&next={quote(_safe_next(next))}", status_code=303)
    response = RedirectResponse(_safe_next(next), status_code=303)
    set_session_cookie(response, request, open_session(db, user)[0])
    audit.record(db, user.username, "login")
    return response


@router.post("/logout")
def form_logout(request: Request, principal: Principal = Depends(csrf_protect),
                db: Session = Db) -> Response:
    close_session(db, request.cookies.get(SESSION_COOKIE))
    audit.record(db, principal, "logout")
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/")
def home(principal: Principal = Depends(current_principal)) -> Response:
    return RedirectResponse("/claims", status_code=303)


@router.get("/claims")
def claims_page(request: Request, principal: Principal = Depends(current_principal),
                db: Session = Db) -> Response:
    claims = [claim_summary(db, c) for c in accessible_claims(db, principal)]
    audit.record_now(principal, "claims_list", count=len(claims))
    return render(request, "claims.html", principal, claims=claims)


@router.get("/upload")
def upload_page(request: Request, claim_id: str | None = Query(None, max_length=128, pattern=CLAIM_ID_OR_EMPTY_PATTERN),
                principal: Principal = Depends(require_staff)) -> Response:
    return render(request, "upload.html", principal, claim_id=claim_id or "")


@router.get("/claims/{claim_id}")
def claim_page(request: Request, c: OpenClaim = Depends(read_claim("claim_read"))) -> Response:
    users = claim_users(c.db, c.claim_id) if c.principal.is_staff else []
    return render(request, "claim.html", c.principal, claim=c.claim, users=users, **claim_overview(c.db, c.claim_id))


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@router.get("/claims/{claim_id}/search")
def search_page(request: Request, q: str = Query("", max_length=1000),
                type: list[str] = Query(default_factory=list),  # noqa: A002
                flag: list[str] = Query(default_factory=list), in_service: str = "",
                date_from: str = Query("", alias="from"), date_to: str = Query("", alias="to"),
                sort: str = "relevance", cursor: str | None = None, c: OpenClaim = Depends(open_claim),
                index: SearchIndex | None = Depends(search_index)) -> Response:
    filters = {"q": q, "type": [t for t in type if t in RECORD_TYPES],
               "flag": [f for f in flag if f in FLAG_CATEGORIES],
               "in_service": in_service if in_service in ("true", "false") else "", "from": date_from,
               "to": date_to, "sort": sort if sort in ("relevance", "date") else "relevance"}
    result, error = None, None
    if q or filters["type"] or filters["flag"] or filters["in_service"]:
        query = SearchQuery(claim_id=c.claim_id, text=q, record_types=filters["type"],
                            flag_categories=filters["flag"],
                            in_service={"true": True, "false": False}.get(filters["in_service"]),
                            date_from=_date(date_from), date_to=_date(date_to), sort=filters["sort"], size=25,
                            cursor=cursor)
        try:
            result = search_claim(c.db, index, query)
        except UseCaseError as exc:
            error = str(exc)
        c.audit("search", query=audit.fingerprint(q), hits=len(result["hits"]) if result else None)
    return render(request, "search.html", c.principal, claim=c.claim, filters=filters, result=result, error=error)


@router.get("/claims/{claim_id}/files/{file_id}/pages/{page}")
def page_view(request: Request, file_id: str, page: int = PageNumber, q: str = Query("", max_length=1000),
              flag: str = Query("", max_length=64), c: OpenClaim = Depends(read_claim("page_read"))) -> Response:
    detail = page_detail(c.db, c.claim_id, file_id, page)
    terms = {normalised_word(t) for t in TERM.findall(q)} - {""}
    hit_words = [w for w in detail["words"] if normalised_word(w.text) in terms]
    spans = [(w.start, w.end, "hit") for w in hit_words]
    ordered = sorted(detail["flags"], key=lambda g: g["flag_id"] == flag)  # the flag opened for: drawn last
    spans += [(int(start), int(end), f"flag cat-{g['category']} status-{g['status']}"
               + (" focus" if g["flag_id"] == flag else "")) for g in ordered for start, end in g["spans"]]
    categories = [cat for cat in FLAG_CATEGORIES if any(g["category"] == cat for g in detail["flags"])]
    return render(request, "page.html", c.principal, claim=c.claim, p=detail, q=q, focus_flag=flag,
                  hit_boxes=[[w.x0, w.y0, w.x1, w.y1] for w in hit_words], legend=categories,
                  segments=text_segments(detail["text"], spans))


def _tri(value: str) -> bool | None:
    return {"true": True, "false": False}.get(value)


@router.get("/claims/{claim_id}/review")
def review_page(request: Request, category: str = Query("", max_length=64),
                status: str = Query("pending", max_length=16), record_type: str = Query("", max_length=64),
                primary: str = Query("", max_length=8), in_service: str = Query("", max_length=8),
                date_from: str = Query("", alias="from", max_length=16),
                date_to: str = Query("", alias="to", max_length=16),
                sort: str = Query("document", max_length=16), c: OpenClaim = Depends(open_claim)) -> Response:
    filters = FlagFilter(categories=[category] if category in FLAG_CATEGORIES else [],
                         statuses=[status] if status in ("pending", "confirmed", "dismissed") else [],
                         record_types=[record_type] if record_type in RECORD_TYPES else [],
                         primary_only=primary == "1", in_service=_tri(in_service),
                         date_from=_date(date_from), date_to=_date(date_to))
    sort = sort if sort in QUEUE_SORTS else "document"
    groups = review_queue(c.db, c.claim_id, filters, sort=sort)
    count = sum(len(g["flags"]) for g in groups)
    c.audit("review_queue_read", count=count)
    return render(request, "review.html", c.principal, claim=c.claim, groups=groups, count=count,
                  limit=QUEUE_LIMIT, can_review=c.principal.is_physician,
                  filters={"category": category, "status": status, "record_type": record_type,
                           "primary": primary == "1", "in_service": in_service if _tri(in_service) is not None
                           else "", "from": date_from if _date(date_from) else "",
                           "to": date_to if _date(date_to) else "", "sort": sort})


@router.get("/claims/{claim_id}/chronology")
def chronology_page(request: Request, in_service: str = Query("", max_length=8),
                    record_type: str = Query("", max_length=64), category: str = Query("", max_length=64),
                    c: OpenClaim = Depends(read_claim("chronology_read"))) -> Response:
    brief = claim_brief(c.db, c.claim_id)
    wanted = _tri(in_service)
    rows = [r for r in brief.chronology
            if (wanted is None or r.in_service is wanted)
            and (record_type not in RECORD_TYPES or r.record_type == record_type)
            and (category not in FLAG_CATEGORIES or category in r.categories)]
    if category in FLAG_CATEGORIES:  # filtered by a flag: each row shows, and opens, its sentence of that flag
        rows = [replace(r, finding=r.by_category[category][0], link=r.by_category[category][1]) for r in rows]
    return render(request, "chronology.html", c.principal, claim=c.claim, rows=rows, total=len(brief.chronology),
                  show_who=any(r.who for r in rows),
                  from_encounters=brief.chronology_from_encounters,
                  present_types=[t for t in RECORD_TYPES if any(r.record_type == t for r in brief.chronology)],
                  filters={"in_service": in_service if wanted is not None else "",
                           "record_type": record_type if record_type in RECORD_TYPES else "",
                           "category": category if category in FLAG_CATEGORIES else ""})


@router.get("/claims/{claim_id}/summary")
def summary_page(request: Request, c: OpenClaim = Depends(read_claim("summary_read"))) -> Response:
    brief = claim_brief(c.db, c.claim_id)
    return render(request, "summary.html", c.principal, claim=c.claim, brief_html=brief_html(layout(brief)),
                  error=None)


@router.get("/api/claims/{claim_id}/summary.pdf", response_class=Response,
            responses={200: {"content": {"application/pdf": {}}}})
def summary_pdf(request: Request, c: OpenClaim = Depends(read_claim("summary_pdf"))) -> Response:
    """The evidence brief as a printable PDF; its citations link to the page viewer at the public
    address (CLAIMDEX_PUBLIC_URL), else at the address this PDF was downloaded from."""
    base_url = get_settings().public_url or str(request.base_url)
    pdf = brief_to_pdf(layout(claim_brief(c.db, c.claim_id)), base_url, title=f"Evidence brief: claim {c.claim_id}")
    return Response(pdf, media_type="application/pdf", headers=attachment(f"evidence-brief-{c.claim_id}.pdf"))


@router.get("/audit")
def audit_page(request: Request, claim_id: str | None = Query(None, max_length=128, pattern=CLAIM_ID_OR_EMPTY_PATTERN),
               user: str = Query("", max_length=128),
               principal: Principal = Depends(require_staff), db: Session = Db) -> Response:
    if claim_id:
        require_claim(db, principal, claim_id)
    events = [audit.event_json(e) for e in audit.query_events(db, principal, claim_id or None, user or None, 300)]
    audit.record_now(principal, "audit_read", claim_id or None, user=user or None)
    return render(request, "audit.html", principal, events=events, claim_id=claim_id or "", user=user,
                  claims=[c.claim_id for c in accessible_claims(db, principal)])
