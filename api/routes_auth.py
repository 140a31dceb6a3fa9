"""Log in and out: JSON for scripts and tests, HTML form posts for the browser."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlparse

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api import audit
from api.auth import (
    SESSION_COOKIE,
    SESSION_TTL,
    Principal,
    authenticate,
    close_session,
    csrf_protect,
    current_principal,
    get_db,
    open_session,
)
from store.auth_models import AuditEvent
from store.models import utcnow

router = APIRouter(tags=["auth"])


class LoginBody(BaseModel):
    username: str = Field(min_length=1, max_length=128)
    password: str = Field(min_length=1, max_length=1024)


# Online password guessing: after this many failures for one username in the window, refuse for a while.
MAX_FAILURES = 10
FAILURE_WINDOW = dt.timedelta(minutes=15)


def _locked_out(db: Session, username: str) -> bool:
    """Counted from the audit log's login_failed rows, so the limit holds across server processes."""
    since = utcnow() - FAILURE_WINDOW
    n = db.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.username == username[:128], AuditEvent.action == "login_failed", AuditEvent.at >= since))
    return (n or 0) >= MAX_FAILURES


def _set_cookie(response: Response, request: Request, value: str) -> None:
    response.set_cookie(SESSION_COOKIE, value, max_age=int(SESSION_TTL.total_seconds()), httponly=True,
                        samesite="lax", secure=request.url.scheme == "https", path="/")


def _safe_next(target: str | None) -> str:
    """Only same-site paths: an open redirect after login would be a phishing aid."""
    if not target:
        return "/"
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


@router.post("/api/login")
def api_login(body: LoginBody, request: Request, response: Response,
              db: Session = Depends(get_db)) -> dict[str, Any]:
    if _locked_out(db, body.username):
        raise HTTPException(status_code=429, detail="too many failed log-ins; try again in 15 minutes")
    user = authenticate(db, body.username, body.password)
    if user is None:
        audit.record(db, body.username[:128], "login_failed")
        db.commit()
        raise HTTPException(status_code=401, detail="wrong username or password")
    cookie, csrf = open_session(db, user)
    _set_cookie(response, request, cookie)
    audit.record(db, user.username, "login")
    return {"username": user.username, "role": user.role, "csrf_token": csrf}


@router.post("/login", include_in_schema=False)
def form_login(request: Request, username: str = Form(""), password: str = Form(""), next: str = Form("/"),
               db: Session = Depends(get_db)) -> Response:
    if _locked_out(db, username):
        return RedirectResponse(f"/login?error=2&next={_safe_next(next)}", status_code=303)
    user = authenticate(db, username, password) if username and password else None
    if user is None:
        audit.record(db, username[:128] or "-", "login_failed")
        db.commit()
        return RedirectResponse(f"/login?error=1&next={_safe_next(next)}", status_code=303)
    response = RedirectResponse(_safe_next(next), status_code=303)
    _set_cookie(response, request, open_session(db, user)[0])
    audit.record(db, user.username, "login")
    return response


@router.post("/api/logout")
def api_logout(request: Request, response: Response, principal: Principal = Depends(csrf_protect),
               db: Session = Depends(get_db)) -> dict[str, str]:
    close_session(db, request.cookies.get(SESSION_COOKIE))
    audit.record(db, principal, "logout")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return {"status": "logged out"}


@router.post("/logout", include_in_schema=False)
def form_logout(request: Request, principal: Principal = Depends(csrf_protect),
                db: Session = Depends(get_db)) -> Response:
    close_session(db, request.cookies.get(SESSION_COOKIE))
    audit.record(db, principal, "logout")
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/api/me")
def me(principal: Principal = Depends(current_principal)) -> dict[str, Any]:
    return {"username": principal.username, "role": principal.role, "via": principal.via,
            "csrf_token": principal.csrf_token}
