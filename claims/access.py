"""Per-claim access: a user sees only the claims assigned to them, enforced in every query.

Every claim-scoped read or change goes through :func:`require_claim`. A claim the caller may not open
is refused exactly like a claim that does not exist (ClaimNotFound), so ids of other veterans' claims
cannot be probed.
"""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from claims.accounts import Principal, get_user
from claims.claim_ids import check_claim_id
from claims.errors import ClaimNotFound
from store.auth_models import ClaimAccess, User
from store.models import Claim


def grant_claim(session: Session, username: str, claim_id: str) -> ClaimAccess:
    """Let `username` open `claim_id` (the CLI's `claimdex user grant`). Idempotent."""
    check_claim_id(claim_id)
    user = get_user(session, username)
    row = session.scalar(select(ClaimAccess).where(ClaimAccess.user_id == user.user_id,
                                                   ClaimAccess.claim_id == claim_id))
    if row is None:
        row = ClaimAccess(user_id=user.user_id, claim_id=claim_id)
        session.add(row)
        session.flush()
    return row


def revoke_claim(session: Session, username: str, claim_id: str) -> bool:
    user = get_user(session, username)
    row = session.scalar(select(ClaimAccess).where(ClaimAccess.user_id == user.user_id,
                                                   ClaimAccess.claim_id == claim_id))
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def claim_users(session: Session, claim_id: str) -> list[User]:
    return list(session.scalars(select(User).join(ClaimAccess, ClaimAccess.user_id == User.user_id)
                                .where(ClaimAccess.claim_id == claim_id).order_by(User.username)))


def accessible_claim_ids(principal: Principal) -> Select[tuple[str]]:
    """A subquery of the claim ids the caller may open: join or `in_` it into any claim query."""
    return select(ClaimAccess.claim_id).where(ClaimAccess.user_id == principal.user_id)


def accessible_claims(session: Session, principal: Principal) -> list[Claim]:
    return list(session.scalars(select(Claim).where(Claim.claim_id.in_(accessible_claim_ids(principal)))
                                .order_by(Claim.created_at.desc())))


def can_open(session: Session, principal: Principal, claim_id: str) -> bool:
    return session.scalar(select(ClaimAccess.id).where(ClaimAccess.user_id == principal.user_id,
                                                       ClaimAccess.claim_id == claim_id)) is not None


def require_claim(session: Session, principal: Principal, claim_id: str) -> Claim:
    """The claim, if it exists and the caller is assigned to it; else ClaimNotFound (never "forbidden")."""
    claim = session.get(Claim, claim_id) if can_open(session, principal, claim_id) else None
    if claim is None:
        raise ClaimNotFound(claim_id)
    return claim
