"""`claimdex user`: users and their lifecycle, API tokens, log-in blocks, claim access.

Passwords are never taken from the command line (argv is visible to every user of the machine through
`ps` and lands in shell histories): they are asked at a hidden prompt, or read from stdin with
`--password-stdin` for scripts. Every change is audited under the operating-system user who made it.
"""

from __future__ import annotations

import datetime as dt
import sys

import click

from api.cli.common import CLAIM_ID, cli_user, prepared_settings
from claims import account_changes
from claims.accounts import (
    MAX_TOKEN_TTL,
    ROLES,
    TOKEN_TTL,
    list_api_tokens,
    list_users,
)
from claims.errors import UseCaseError
from store.db import session_scope

PASSWORD_STDIN = click.option("--password-stdin", is_flag=True,
                              help="Read the password from the first line of stdin (for scripts).")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise click.ClickException("no password on stdin")
        return line.rstrip("\r\n")
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))


@click.group()
def user() -> None:
    """Manage users, API tokens, log-in blocks and claim access."""


@user.command(name="add")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), required=True)
@PASSWORD_STDIN
def user_add(username: str, role: str, password_stdin: bool) -> None:
    """Create a user; the password is asked (hidden), or read from stdin."""
    prepared_settings()
    password = _password(password_stdin)
    try:
        with session_scope() as s:
            account_changes.add_user(s, cli_user(), username, password, role)
    except (UseCaseError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"user {username} ({role}) created")


@user.command(name="list")
def user_list() -> None:
    """Every user, with role and state."""
    prepared_settings()
    with session_scope() as s:
        for u in list_users(s):
            click.echo(f"{u['username']}\t{u['role']}\t{'disabled' if u['disabled'] else 'active'}")


def _lifecycle(action: str, username: str) -> None:
    prepared_settings()
    change = {"user_disable": account_changes.disable, "user_enable": account_changes.enable,
              "user_remove": account_changes.remove}[action]
    try:
        with session_scope() as s:
            change(s, cli_user(), username)
    except UseCaseError as exc:
        raise click.ClickException(str(exc)) from exc


@user.command(name="disable")
@click.argument("username")
def user_disable(username: str) -> None:
    """Stop an account at once: its sessions end and its tokens are refused (until `enable`)."""
    _lifecycle("user_disable", username)
    click.echo(f"user {username} disabled")


@user.command(name="enable")
@click.argument("username")
def user_enable(username: str) -> None:
    _lifecycle("user_enable", username)
    click.echo(f"user {username} enabled")


@user.command(name="remove")
@click.argument("username")
@click.confirmation_option(prompt="Remove this user, their tokens and their claim access?")
def user_remove(username: str) -> None:
    """Delete a user with their sessions, tokens and claim access (the audit log keeps their name)."""
    _lifecycle("user_remove", username)
    click.echo(f"user {username} removed")


@user.command(name="passwd")
@click.argument("username")
@PASSWORD_STDIN
def user_passwd(username: str, password_stdin: bool) -> None:
    """Set a new password (asked, or from stdin); the user's sessions end."""
    prepared_settings()
    password = _password(password_stdin)
    try:
        with session_scope() as s:
            account_changes.reset_password(s, cli_user(), username, password)
    except UseCaseError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"password of {username} changed; their sessions have ended")


@user.command(name="unlock")
@click.argument("username", required=False)
@click.option("--address", help="Also lift the block of this client address.")
def user_unlock(username: str | None, address: str | None) -> None:
    """Lift the log-in slow-down of an account, or the block of a client address, after failed log-ins."""
    if not username and not address:
        raise click.UsageError("give a USERNAME, an --address, or both")
    prepared_settings()
    try:
        with session_scope() as s:
            n = account_changes.unlock_logins(s, cli_user(), username, address)
    except UseCaseError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"unlocked ({n} block(s) lifted)")


@user.group(name="token")
def token() -> None:
    """API tokens for scripts: create (shown once), list, revoke. Every token expires."""


@token.command(name="create")
@click.argument("username")
@click.option("--label", default="cli")
@click.option("--expires-in-days", type=click.IntRange(1, MAX_TOKEN_TTL.days), default=TOKEN_TTL.days,
              show_default=True)
def token_create(username: str, label: str, expires_in_days: int) -> None:
    """Issue a token acting as USERNAME; it is printed once (only its hash is kept)."""
    prepared_settings()
    try:
        with session_scope() as s:
            issued = account_changes.issue_token(s, cli_user(), username, label, dt.timedelta(days=expires_in_days))
    except UseCaseError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"token {issued.id} for {username}, expires {issued.expires_at:%Y-%m-%d %H:%M} UTC:", err=True)
    click.echo(issued.token)


@token.command(name="list")
@click.argument("username", required=False)
def token_list(username: str | None) -> None:
    """Tokens (id, user, label, expiry, state), of one user or all; never their value."""
    prepared_settings()
    try:
        with session_scope() as s:
            rows = list_api_tokens(s, username)
    except UseCaseError as exc:
        raise click.ClickException(str(exc)) from exc
    for t in rows:
        click.echo(f"{t['id']}\t{t['username']}\t{t['label'] or ''}\texpires {t['expires_at']}\t{t['state']}")


@token.command(name="revoke")
@click.argument("token_id", type=click.IntRange(1))
def token_revoke(token_id: int) -> None:
    """Revoke a token by its id (`claimdex user token list`): it stops working at once."""
    prepared_settings()
    try:
        with session_scope() as s:
            username = account_changes.revoke_token(s, cli_user(), token_id)
    except UseCaseError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"token {token_id} of {username} revoked")


@user.command(name="grant")
@click.argument("username")
@click.argument("claim_id", type=CLAIM_ID)
def user_grant(username: str, claim_id: str) -> None:
    """Let USERNAME open CLAIM_ID."""
    prepared_settings()
    try:
        with session_scope() as s:
            account_changes.grant(s, cli_user(), username, claim_id)
    except (LookupError, ValueError) as exc:
        raise click.ClickException(str(exc) or f"no user {username}") from exc
    click.echo(f"{username} may now open claim {claim_id}")
