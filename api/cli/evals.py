"""`claimdex eval`: the quality evaluations in bench/ (the CLI's only door into bench/). Arguments are
passed through to the evaluation (`claimdex eval flags --help` lists them)."""

from __future__ import annotations

import click

PASS_THROUGH = {"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []}


@click.group(name="eval")
def eval_group() -> None:
    """Quality evaluations: record types and documents, evidence flags, clinical context (NegEx kit)."""


@eval_group.command(name="classify", context_settings=PASS_THROUGH)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def eval_classify(args: tuple[str, ...]) -> None:
    """Record typing, segmentation and dates on held-out corpus variants (bench/eval_classify.py)."""
    from bench.eval_classify import main as run

    run(list(args))


@eval_group.command(name="flags", context_settings=PASS_THROUGH)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def eval_flags(args: tuple[str, ...]) -> None:
    """Evidence flags per category (bench/eval_flags.py)."""
    from bench.eval_flags import main as run

    run(list(args))


@eval_group.command(name="negex", context_settings=PASS_THROUGH)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def eval_negex(args: tuple[str, ...]) -> None:
    """Clinical context on the NegEx test kit (bench/eval_negex.py)."""
    from bench.eval_negex import main as run

    run(list(args))
