"""What a use case refuses, in words every interface can render: HTTP maps each to a status, the CLI
prints the message. A claim the caller may not open is reported exactly like one that does not exist."""

from __future__ import annotations


class UseCaseError(Exception):
    """Base: `str(error)` is a message safe to show the caller (no paths, no other claims' existence)."""


class NotFound(UseCaseError, LookupError):
    """No such claim (or not yours), file, page, document, flag or user."""


class ClaimNotFound(NotFound):
    def __init__(self, claim_id: str) -> None:
        super().__init__("no such claim")
        self.claim_id = claim_id


class Invalid(UseCaseError, ValueError):
    """The request is well formed but cannot be done (a page past the end, an unknown record type)."""


class Conflict(UseCaseError):
    """The thing exists already (a claim id taken)."""


class Unavailable(UseCaseError):
    """A backing service (the search index) cannot answer now; try again shortly."""
