"""Log in and out with JSON (scripts, the browser's fetch calls); who am I. Form posts are in api/web."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from api.dependencies import SESSION_COOKIE, Db, csrf_protect, current_principal, set_session_cookie
from claims import audit
from claims.accounts import Principal, authenticate, close_session, locked_out, open_session

router = APIRouter(tags=["auth"])


class LoginBody(BaseModel):
    username: str = Field(min_length=1, max_length=128)
    password: str = Field(min_length=1, max_length=1024)


@router.post("/api/login")
def api_login(body: LoginBody, request: Request, response: Response,
              db: Session = Db) -> dict[str, Any]:
    if locked_out(db, body.username):
        raise HTTPException(status_code=429, detail="too many failed log-ins; try again in 15 minutes")
    user = authenticate(db, body.username, body.password)
    if user is None:
        audit.record_now(body.username[:128], "login_failed")
        raise HTTPException(status_code=401, detail="wrong username or password")
    cookie, csrf = open_session(db, user)
    set_session_cookie(response, request, cookie)
    audit.record(db, user.username, "login")
    return {"username": user.username, "role": user.role, "csrf_token": csrf}


@router.post("/api/logout")
def api_logout(request: Request, response: Response, principal: Principal = Depends(csrf_protect),
               db: Session = Db) -> dict[str, str]:
    close_session(db, request.cookies.get(SESSION_COOKIE))
    audit.record(db, principal, "logout")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return {"status": "logged out"}


@router.get("/api/me")
def me(principal: Principal = Depends(current_principal)) -> dict[str, Any]:
    return {"username": principal.username, "role": principal.role, "via": principal.via,
            "csrf_token": principal.csrf_token}
