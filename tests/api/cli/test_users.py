"""`claimdex user …`: people-facing errors, not tracebacks."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from api.cli import main


def test_user_add_then_duplicate_is_a_clear_error(data_dir: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["user", "add", "drsmith", "--role", "physician", "--password-stdin"],
                       input="correct horse battery\n")
    assert ok.exit_code == 0 and "drsmith (physician) created" in ok.output
    again = runner.invoke(main, ["user", "add", "drsmith", "--role", "staff", "--password-stdin"],
                          input="correct horse battery\n")
    assert again.exit_code == 1
    assert "Error:" in again.output and "Traceback" not in again.output


def test_token_for_unknown_user_is_a_clear_error(data_dir: Path) -> None:
    result = CliRunner().invoke(main, ["user", "token", "create", "nobody"])
    assert result.exit_code == 1 and "no user nobody" in result.output


def test_grant_then_token_authenticates(data_dir: Path) -> None:
    runner = CliRunner()
    runner.invoke(main, ["user", "add", "staff1", "--role", "staff", "--password-stdin"],
                  input="correct horse battery\n")
    granted = runner.invoke(main, ["user", "grant", "staff1", "claim-9"])
    assert granted.exit_code == 0 and "may now open claim claim-9" in granted.output
    token = runner.invoke(main, ["user", "token", "create", "staff1"]).output.strip().splitlines()[-1]
    assert len(token) >= 32 and token.startswith("cdx_")
