"""The one pattern of a claim id, checked at every entry (HTTP path and query parameters, request bodies,
uploads, the CLI). A claim id appears in URLs, in file names of downloads and in HTTP headers
(Content-Disposition), so it is letters, digits, '.', '_' and '-' only: never a quote, a semicolon, a
slash, CR or LF."""

from __future__ import annotations

import re

from claims.errors import Invalid

CLAIM_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"
# For an optional filter (a query parameter a form may send empty).
CLAIM_ID_OR_EMPTY_PATTERN = r"^(|[A-Za-z0-9][A-Za-z0-9._-]{0,127})$"
CLAIM_ID_RULE = "a claim id is 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit"


def is_claim_id(value: str | None) -> bool:
    return bool(value) and re.fullmatch(CLAIM_ID_PATTERN, value or "") is not None


def check_claim_id(claim_id: str) -> str:
    if not is_claim_id(claim_id):
        raise Invalid(CLAIM_ID_RULE)
    return claim_id
