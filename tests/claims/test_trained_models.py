"""Finding 3 of issue 14: code ran from a planted file. Workers used to unpickle
DATA_DIR/models/*.joblib and ~/.cache/claimdex/models/*.pickle. Now a model is an .npz read with
allow_pickle=False plus a JSON manifest with its sha256, refused when tampered with, writable by others
or owned by another user; nothing else in the old places is ever read."""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
from pathlib import Path

import pytest

from claims.trained_models import RECORD_TYPE_MODEL, ModelUnavailable, model_status, record_type_model
from config.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ("config", "classifiers", "store", "indexers", "claims", "workers", "api")


class _Payload:
    """Unpickling this creates a directory: proof that a planted file ran code."""

    def __init__(self, canary: Path) -> None:
        self.canary = canary

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os.mkdir, (str(self.canary),))


def _artifact_copy(trained_model_dir: Path, into: Path) -> Path:
    into.mkdir(mode=0o700)
    for suffix in (".npz", ".json"):
        shutil.copy2(trained_model_dir / f"{RECORD_TYPE_MODEL}{suffix}", into / f"{RECORD_TYPE_MODEL}{suffix}")
    return into


def test_planted_pickles_in_the_old_places_are_never_loaded(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    canary = tmp_path / "pwned"
    evil = pickle.dumps(_Payload(canary))
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("CLAIMDEX_MODEL_DIR", raising=False)
    data_dir = tmp_path / "data"
    models = data_dir / "models"
    models.mkdir(parents=True, mode=0o700)
    shared = home / ".cache" / "claimdex" / "models"
    shared.mkdir(parents=True)
    for folder in (models, shared):
        for name in ("record_type_model.joblib", "record_type_model.pickle", "record_type_model.pkl",
                     "model.joblib"):
            (folder / name).write_bytes(evil)
            (folder / name).chmod(0o600)
    settings = Settings(data_dir=data_dir)
    assert settings.resolved_model_dir == models

    with pytest.raises(ModelUnavailable, match="claimdex train"):
        record_type_model(settings)
    assert model_status(settings) and not canary.exists()

    # The pickle disguised as the artifact, with a manifest naming its checksum: still refused, never run.
    import hashlib

    (models / f"{RECORD_TYPE_MODEL}.npz").write_bytes(evil)
    (models / f"{RECORD_TYPE_MODEL}.json").write_text(json.dumps({"arrays_sha256": hashlib.sha256(evil).hexdigest()}))
    for path in models.iterdir():
        path.chmod(0o600)
    with pytest.raises(ModelUnavailable, match="not a valid model artifact"):
        record_type_model(settings)
    assert not canary.exists()


def test_no_product_code_can_unpickle() -> None:
    risky = re.compile(r"\bimport pickle\b|\bjoblib\b|allow_pickle\s*=\s*True|\bpickle\.loads?\(|yaml\.load\(|"
                       r"\btorch\.load\(|\bdill\b|\bcloudpickle\b")
    found = [f"{p.relative_to(ROOT)}" for pkg in PRODUCT for p in (ROOT / pkg).rglob("*.py")
             if risky.search(p.read_text(encoding="utf-8"))]
    assert not found, found


def test_a_tampered_artifact_is_refused_with_a_clear_message(trained_model_dir: Path, tmp_path: Path) -> None:
    folder = _artifact_copy(trained_model_dir, tmp_path / "models")
    assert record_type_model(Settings(data_dir=tmp_path, model_dir=folder)) is not None
    npz = folder / f"{RECORD_TYPE_MODEL}.npz"
    data = bytearray(npz.read_bytes())
    data[len(data) // 2] ^= 0xFF
    npz.write_bytes(bytes(data))
    tampered = _artifact_copy(trained_model_dir, tmp_path / "tampered")
    shutil.copy2(npz, tampered / npz.name)
    with pytest.raises(ModelUnavailable, match="checksum does not match") as err:
        record_type_model(Settings(data_dir=tmp_path, model_dir=tampered))
    assert "claimdex train" in str(err.value)


@pytest.mark.parametrize("which", ["npz", "json", "folder"])
def test_an_artifact_writable_by_others_is_refused(trained_model_dir: Path, tmp_path: Path, which: str) -> None:
    folder = _artifact_copy(trained_model_dir, tmp_path / "models")
    target = folder if which == "folder" else folder / f"{RECORD_TYPE_MODEL}.{which}"
    target.chmod(0o777 if which == "folder" else 0o666)
    with pytest.raises(ModelUnavailable, match="writable by group or others"):
        record_type_model(Settings(data_dir=tmp_path, model_dir=folder))


@pytest.mark.skipif(os.getuid() != 0, reason="only root can give a file to another user")
def test_an_artifact_owned_by_another_user_is_refused(trained_model_dir: Path, tmp_path: Path) -> None:
    folder = _artifact_copy(trained_model_dir, tmp_path / "models")
    os.chown(folder / f"{RECORD_TYPE_MODEL}.npz", 54321, 54321)
    with pytest.raises(ModelUnavailable, match="owned by another user"):
        record_type_model(Settings(data_dir=tmp_path, model_dir=folder))
