"""Trained models as artifacts, and which one the pipeline uses.

An artifact is two files in the model directory (settings.resolved_model_dir): NAME.npz, plain numeric
and string arrays written by numpy.savez and read with allow_pickle=False, and NAME.json, its metadata
with the sha256 of the .npz. Nothing in either can execute code when loaded. A file that is writable by
group or others, owned by another user, or whose checksum does not match is refused with the reason:
a planted model must not decide how a veteran's records are read.

Models are loaded once per process and re-read when `claimdex train` replaces them.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from claims.private_files import write_private
from classifiers.flag_sentence_model import FlagSentenceModel
from classifiers.record_type_model import RecordTypeModel
from classifiers.record_types import RULE_PACK, default_rules
from config.rule_packs import rule_pack_digest
from config.settings import Settings

RECORD_TYPE_MODEL = "record_type_model"
FLAG_MODEL = "flag_sentence_model"


class ModelUnavailable(RuntimeError):
    """No usable artifact: the message says which file and what to do (`claimdex train`)."""


def save_artifact(directory: Path, name: str, arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> Path:
    """Write NAME.npz then NAME.json (atomically, mode 600); the JSON names the .npz's sha256."""
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    npz = directory / f"{name}.npz"
    with tempfile.TemporaryFile() as buf:
        np.savez(buf, **arrays)
        buf.seek(0)
        data = buf.read()
    write_private(npz, data)
    manifest = {**meta, "arrays_sha256": hashlib.sha256(data).hexdigest()}
    write_private(directory / f"{name}.json", json.dumps(manifest, indent=1, sort_keys=True).encode())
    return npz


def _check_private(path: Path) -> None:
    """Refuse a file (or its folder) that someone other than us or root could have written."""
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        raise ModelUnavailable(f"no model at {path}: run `claimdex train`") from exc
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        fix = "chmod 700 it" if path.is_dir() else "chmod 600 it"
        raise ModelUnavailable(f"refusing {path}: writable by group or others ({fix}, or retrain)")
    if st.st_uid not in (os.getuid(), 0):
        raise ModelUnavailable(f"refusing {path}: owned by another user")


def load_artifact(directory: Path, name: str) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """(arrays, metadata) of an artifact, after the permission and checksum checks."""
    npz, manifest = directory / f"{name}.npz", directory / f"{name}.json"
    for path in (directory, manifest, npz):
        _check_private(path)
    try:
        meta = json.loads(manifest.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelUnavailable(f"refusing {manifest}: not a valid model manifest; run `claimdex train`") from exc
    data = npz.read_bytes()
    if not isinstance(meta, dict) or hashlib.sha256(data).hexdigest() != meta.get("arrays_sha256"):
        raise ModelUnavailable(f"refusing {npz}: its checksum does not match {manifest.name}; run `claimdex train`")
    try:
        with np.load(npz, allow_pickle=False) as loaded:
            arrays = {key: loaded[key] for key in loaded.files}
    except (ValueError, OSError, AttributeError, zipfile.BadZipFile) as exc:
        # np.load refuses pickled data (allow_pickle=False); anything that is not an archive of plain
        # arrays is refused the same way.
        raise ModelUnavailable(f"refusing {npz}: not a valid model artifact ({type(exc).__name__}); "
                               "run `claimdex train`") from exc
    return arrays, meta


def save_record_type_model(directory: Path, model: RecordTypeModel) -> Path:
    arrays, meta = model.to_arrays()
    meta["rules_sha256"] = rule_pack_digest(RULE_PACK)
    return save_artifact(directory, RECORD_TYPE_MODEL, arrays, meta)


@lru_cache(maxsize=2)
def _record_type_model_at(directory: str, _version: tuple[float, int]) -> RecordTypeModel:
    arrays, meta = load_artifact(Path(directory), RECORD_TYPE_MODEL)
    if meta.get("rules_sha256") != rule_pack_digest(RULE_PACK):
        raise ModelUnavailable("the record-type rule pack changed since the model was trained: run `claimdex train`")
    try:
        return RecordTypeModel.from_arrays(arrays, meta, default_rules())
    except (KeyError, ValueError) as exc:
        raise ModelUnavailable(f"record-type model in {directory} is unusable ({exc}): run `claimdex train`") from exc


def _artifact_version(settings: Settings, name: str, what: str) -> tuple[str, tuple[float, int]]:
    """(model directory, version of its NAME.json): the cache key that makes a retrained model re-read."""
    directory = settings.resolved_model_dir
    try:
        st = (directory / f"{name}.json").stat()
    except FileNotFoundError as exc:
        raise ModelUnavailable(f"no {what} in {directory}: run `claimdex train`") from exc
    return str(directory), (st.st_mtime, st.st_size)


def record_type_model(settings: Settings) -> RecordTypeModel:
    """The model `claimdex train` saved for these settings, loaded once (again when it is retrained)."""
    return _record_type_model_at(*_artifact_version(settings, RECORD_TYPE_MODEL, "record-type model"))


def save_flag_model(directory: Path, model: FlagSentenceModel) -> Path:
    return save_artifact(directory, FLAG_MODEL, model.to_arrays(), {"format": "claimdex.flag_sentence_model"})


@lru_cache(maxsize=2)
def _flag_model_at(directory: str, _version: tuple[float, int]) -> FlagSentenceModel:
    arrays, _meta = load_artifact(Path(directory), FLAG_MODEL)
    try:
        return FlagSentenceModel.from_arrays(arrays)
    except (KeyError, ValueError) as exc:
        raise ModelUnavailable(f"evidence sentence model in {directory} is unusable ({exc}): run `claimdex train`"
                               ) from exc


def flag_model(settings: Settings) -> FlagSentenceModel:
    """The evidence finder's sentence model `claimdex train` saved, loaded once (again when retrained)."""
    return _flag_model_at(*_artifact_version(settings, FLAG_MODEL, "evidence sentence model"))


def model_status(settings: Settings) -> str | None:
    """None when the pipeline's models load; else why not (for commands that start processing)."""
    try:
        record_type_model(settings)
        flag_model(settings)
    except ModelUnavailable as exc:
        return str(exc)
    return None
