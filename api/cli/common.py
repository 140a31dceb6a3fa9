"""What every command needs first: the settings with the data dir created, and the schema in place; the
exit codes; how to name the `claimdex` command to the user.

Exit codes, one convention for every command that processes files (ingest, retry, demo):
  0  every file done (or nothing new to do)
  1  the command could not do what was asked (refused input, unknown claim, no runtime): see the message
  2  usage error (a bad option or argument)
  3  finished partial: some pages or files failed and the rest were processed (the reasons are printed)
  4  finished failed: nothing could be processed (the reasons are printed)
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import click

from claims.claim_ids import CLAIM_ID_RULE, is_claim_id
from claims.errors import UseCaseError
from config.settings import Settings, get_settings
from store.db import create_schema

EXIT_PARTIAL = 3
EXIT_FAILED = 4
EXIT_CODES_HELP = ("Exit codes: 0 every file done (or nothing new); 1 error (see the message); 2 usage error; "
                   "3 partial (some pages or files failed, the rest processed); 4 failed (nothing could be "
                   "processed).")
# The record-type model's artifact files (claims/trained_models.py writes them; `claimdex train`).
MODEL_FILES = ("record_type_model.json", "record_type_model.npz", "flag_sentence_model.json", "flag_sentence_model.npz")


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


def exit_code_for(status: str) -> int:
    """The convention above, from a claim's (or an upload's) final status."""
    return {"partial": EXIT_PARTIAL, "failed": EXIT_FAILED}.get(status, 0)


def model_files_problem(settings: Settings) -> str | None:
    """Why processing cannot start for want of a trained model, checked without loading it.

    Loading the model (scikit-learn and its arrays) costs the command about 2 s; the workers load it
    (once per pool) and verify its checksum and rule pack there. This only catches the common first-run
    case of no model at all, before anything is queued.
    """
    directory = settings.resolved_model_dir
    missing = [name for name in MODEL_FILES if not (directory / name).is_file()]
    if missing:
        return f"no trained model ({missing[0]}) in {directory}: run `{claimdex_command()} train`"
    try:
        json.loads((directory / MODEL_FILES[0]).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return f"the record-type model in {directory} is unreadable: run `{claimdex_command()} train`"
    return None


def claimdex_command() -> str:
    """How the user can type this command: `claimdex` when it is on the PATH, else its full path."""
    on_path = shutil.which("claimdex")
    here = Path(sys.executable).parent / "claimdex"
    if on_path and Path(on_path).resolve() == here.resolve():
        return "claimdex"
    if on_path and not here.exists():
        return "claimdex"
    return str(here) if here.exists() else f"{sys.executable} -m api.cli"


def activate_hint() -> str | None:
    """The one line that puts `claimdex` on the PATH, when it is not."""
    if claimdex_command() == "claimdex":
        return None
    activate = Path(sys.executable).parent / "activate"
    if activate.exists():
        return f"(or first `source {activate}` to type just `claimdex`)"
    return None
