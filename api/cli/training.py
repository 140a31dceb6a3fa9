"""`claimdex train`: build the model artifacts the pipeline reads, from the repository's generated
corpus (samples/, read only here, by demo and by the eval commands) and providers' corrections."""

from __future__ import annotations

from pathlib import Path

import click

from api.cli.common import prepared_settings
from store.db import session_scope


def train_models(out_dir: Path, with_corrections: bool) -> tuple[Path, int]:
    """Train and save both models; returns (where, how many corrected pages were learned from)."""
    # Model fitting pulls in scikit-learn: loaded by the commands that train only. The repository's
    # labelled data (samples/) is training data only, read by this command (and demo, eval).
    from claims.flag_model_training import fit_flag_model
    from claims.record_type_training import correction_examples, train_record_type_model
    from claims.trained_models import save_flag_model, save_record_type_model
    from samples.labelled_text import repo_training_texts
    from samples.record_corpus import training_examples

    extra = []
    if with_corrections:
        with session_scope() as s:
            extra = correction_examples(s)
    model = train_record_type_model(training_examples() + extra)
    save_flag_model(out_dir, fit_flag_model(repo_training_texts()))
    return save_record_type_model(out_dir, model).parent, len(extra)


@click.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the model artifacts (default: CLAIMDEX_MODEL_DIR, else DATA_DIR/models).")
@click.option("--corrections/--no-corrections", default=True,
              help="Also learn from providers' type corrections in this data dir's database (default).")
def train(out_dir: Path | None, corrections: bool) -> None:
    """Build the model artifacts the pipeline reads: the generated corpus plus providers' corrections."""
    settings = prepared_settings(schema=corrections)
    where, n = train_models(out_dir or settings.resolved_model_dir, corrections)
    click.echo(f"trained on the generated corpus + {n} corrected page(s); saved to {where}")
