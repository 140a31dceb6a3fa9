"""What every command needs first: the settings with the data dir created, and the schema in place."""

from __future__ import annotations

import os

import click

from claims.claim_ids import CLAIM_ID_RULE, is_claim_id
from claims.errors import UseCaseError
from config.settings import Settings, get_settings
from store.db import create_schema


def prepared_settings(schema: bool = True) -> Settings:
    settings = get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    if schema:
        create_schema()
    return settings


def cli_user() -> str:
    """Who to record as the author of a change made from the command line."""
    return os.environ.get("USER", "cli")


def refused(exc: UseCaseError) -> click.ClickException:
    """A use case's refusal as the command's error message (exit code 1)."""
    return click.ClickException(str(exc))


class ClaimIdParam(click.ParamType):
    """A claim id argument or option, checked against the one pattern (claims/claim_ids.py)."""

    name = "claim_id"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        if not is_claim_id(text):
            self.fail(CLAIM_ID_RULE, param, ctx)
        return text


CLAIM_ID = ClaimIdParam()
