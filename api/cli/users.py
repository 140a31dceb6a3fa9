"""`claimdex user`: users, API tokens and claim access."""

from __future__ import annotations

import click

from api.cli.common import CLAIM_ID, prepared_settings
from claims.access import grant_claim
from claims.accounts import ROLES, create_api_token, create_user, list_users
from store.db import session_scope


@click.group()
def user() -> None:
    """Manage users, API tokens and claim access."""


@user.command(name="add")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
def user_add(username: str, role: str, password: str) -> None:
    prepared_settings()
    try:
        with session_scope() as s:
            create_user(s, username, password, role)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"user {username} ({role}) created")


@user.command(name="list")
def user_list() -> None:
    """Every user, with role and state."""
    prepared_settings()
    with session_scope() as s:
        for u in list_users(s):
            click.echo(f"{u['username']}\t{u['role']}\t{'disabled' if u['disabled'] else 'active'}")


@user.command(name="token")
@click.argument("username")
@click.option("--label", default="cli")
def user_token(username: str, label: str) -> None:
    prepared_settings()
    try:
        with session_scope() as s:
            token = create_api_token(s, username, label)
    except LookupError as exc:
        raise click.ClickException(f"no user {username}") from exc
    click.echo(token)


@user.command(name="grant")
@click.argument("username")
@click.argument("claim_id", type=CLAIM_ID)
def user_grant(username: str, claim_id: str) -> None:
    prepared_settings()
    try:
        with session_scope() as s:
            grant_claim(s, username, claim_id)
    except (LookupError, ValueError) as exc:
        raise click.ClickException(str(exc) or f"no user {username}") from exc
    click.echo(f"{username} may now open claim {claim_id}")
