"""Log in and out with JSON (scripts, the browser's fetch calls); who am I. Form posts are in api/web."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from api.dependencies import SESSION_COOKIE, Db, client_address, csrf_protect, current_principal, set_session_cookie
from claims import audit
from claims.accounts import Principal, close_session, log_in, open_session, set_password, verify_current_password
from claims.login_throttle import TooManyAttempts

router = APIRouter(tags=["auth"])


class LoginBody(BaseModel):
    username: str = Field(min_length=1, max_length=128)
    password: str = Field(min_length=1, max_length=1024)


class PasswordChange(BaseModel):
    current_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(min_length=1, max_length=1024)


@router.post("/api/login")
def api_login(body: LoginBody, request: Request, response: Response,
              db: Session = Db) -> dict[str, Any]:
    address = client_address(request)
    try:
        user = log_in(body.username, body.password, address)
    except TooManyAttempts as exc:
        raise HTTPException(status_code=429, detail=str(exc)) from exc
    if user is None:
        audit.record_failed_login(body.username, address)
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


@router.post("/api/me/password")
def change_own_password(body: PasswordChange, request: Request, principal: Principal = Depends(csrf_protect),
                        db: Session = Db) -> dict[str, str]:
    """A new password for the caller (the current one is asked again); their other sessions end."""
    if not verify_current_password(db, principal.username, body.current_password):
        raise HTTPException(status_code=403, detail="the current password is not right")
    set_password(db, principal.username, body.new_password, keep_session_cookie=request.cookies.get(SESSION_COOKIE))
    audit.record(db, principal, "password_change", user=principal.username)
    return {"status": "password changed"}
