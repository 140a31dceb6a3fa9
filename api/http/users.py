"""Accounts, for staff: users (create, disable, enable, remove, new password), their API tokens (issue,
list, revoke) and log-in blocks (unlock). Every change is audited in its own transaction with the change.
A user's own password change is in api/http/auth.py."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from api.dependencies import Db, csrf_protect, require_staff
from claims import account_changes
from claims.accounts import (
    ROLES,
    Principal,
    list_api_tokens,
    list_users,
)

router = APIRouter(tags=["users"])
Username = Path(min_length=1, max_length=128)


class NewUser(BaseModel):
    username: str = Field(min_length=1, max_length=128)
    role: Literal[ROLES]  # type: ignore[valid-type]
    password: str = Field(min_length=1, max_length=1024)


class NewPassword(BaseModel):
    password: str = Field(min_length=1, max_length=1024)


class NewToken(BaseModel):
    label: str | None = Field(default=None, max_length=128)
    expires_in_days: int = Field(default=90, ge=1, le=365)


class AddressUnlock(BaseModel):
    address: str = Field(min_length=1, max_length=80)


def _not_yourself(principal: Principal, username: str) -> None:
    if principal.username == username:
        raise HTTPException(status_code=422, detail="not your own account: ask another staff member")


@router.get("/api/users")
def users(_staff: Principal = Depends(require_staff), db: Session = Db) -> dict[str, Any]:
    """Staff pick whom to assign a claim to, and manage accounts: names, roles, disabled or not."""
    return {"users": list_users(db)}


@router.post("/api/users", status_code=201)
def add_user(body: NewUser, staff: Principal = Depends(require_staff), _csrf: Principal = Depends(csrf_protect),
             db: Session = Db) -> dict[str, Any]:
    user = account_changes.add_user(db, staff, body.username, body.password, body.role)
    return {"username": user.username, "role": user.role, "disabled": False}


@router.post("/api/users/{username}/disable")
def disable(username: str = Username, staff: Principal = Depends(require_staff),
            _csrf: Principal = Depends(csrf_protect), db: Session = Db) -> dict[str, str]:
    """The account stops working at once: its sessions end, its tokens are refused."""
    _not_yourself(staff, username)
    account_changes.disable(db, staff, username)
    return {"disabled": username}


@router.post("/api/users/{username}/enable")
def enable(username: str = Username, staff: Principal = Depends(require_staff),
           _csrf: Principal = Depends(csrf_protect), db: Session = Db) -> dict[str, str]:
    account_changes.enable(db, staff, username)
    return {"enabled": username}


@router.delete("/api/users/{username}")
def remove(username: str = Username, staff: Principal = Depends(require_staff),
           _csrf: Principal = Depends(csrf_protect), db: Session = Db) -> dict[str, str]:
    _not_yourself(staff, username)
    account_changes.remove(db, staff, username)
    return {"removed": username}


@router.put("/api/users/{username}/password")
def reset_password(body: NewPassword, username: str = Username, staff: Principal = Depends(require_staff),
                   _csrf: Principal = Depends(csrf_protect), db: Session = Db) -> dict[str, str]:
    """A new password set by staff: every session of the user ends."""
    account_changes.reset_password(db, staff, username, body.password)
    return {"status": "password set"}


@router.post("/api/users/{username}/unlock")
def unlock_account(username: str = Username, staff: Principal = Depends(require_staff),
                   _csrf: Principal = Depends(csrf_protect), db: Session = Db) -> dict[str, Any]:
    """Lift the log-in slow-down of an account after failed log-ins."""
    n = account_changes.unlock_logins(db, staff, username=username)
    return {"unlocked": username, "cleared": n}


@router.post("/api/login-blocks/unlock")
def unlock_address(body: AddressUnlock, staff: Principal = Depends(require_staff),
                   _csrf: Principal = Depends(csrf_protect), db: Session = Db) -> dict[str, Any]:
    """Lift the block of a client address after failed log-ins."""
    n = account_changes.unlock_logins(db, staff, address=body.address)
    return {"unlocked": body.address, "cleared": n}


@router.get("/api/users/{username}/tokens")
def tokens(username: str = Username, _staff: Principal = Depends(require_staff), db: Session = Db
           ) -> dict[str, Any]:
    return {"tokens": list_api_tokens(db, username)}


@router.post("/api/users/{username}/tokens", status_code=201)
def issue_token(body: NewToken, username: str = Username, staff: Principal = Depends(require_staff),
                _csrf: Principal = Depends(csrf_protect), db: Session = Db) -> dict[str, Any]:
    """A token for a script acting as `username`: shown once here, only its hash is kept; it expires."""
    issued = account_changes.issue_token(db, staff, username, body.label, dt.timedelta(days=body.expires_in_days))
    return {"id": issued.id, "token": issued.token, "expires_at": issued.expires_at.isoformat() + "Z"}


@router.delete("/api/tokens/{token_id}")
def revoke_token(token_id: int = Path(ge=1, le=2**62), staff: Principal = Depends(require_staff),
                 _csrf: Principal = Depends(csrf_protect), db: Session = Db) -> dict[str, Any]:
    account_changes.revoke_token(db, staff, token_id)
    return {"revoked": token_id}
