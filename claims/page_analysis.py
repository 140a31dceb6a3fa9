"""A page's own share of the analysis, done by the task that stores the page, on every worker in parallel.

The file's analysis (claims/analysis.py) needs the whole file to group pages into documents and type
them, and a page's evidence flags depend on its document's type (in an imaging report a diagnosis is
also an imaging finding; in a service record heavy lifting is duty). What a page can do alone: predict
its own type (`page_features` and `predict_pages`, one page at a time, as segmentation does it first)
and find its flags for that type. The chunk and page tasks do both and keep the page's features and
prediction (`pages.type_cache`) and its flags (`pages.flag_cache`) on the page row; segmentation reuses
the features and prediction when the page's text and number, the classifier code and rules and the
record-type model are the ones they were computed with (the same values, so the same documents), and
computes them otherwise;
the file's analysis reuses them for a page whose document got that same type, when the page's text,
the flag code, its rules and the flag model are the ones they were found with, and runs `find_flags`
itself otherwise. Either way each page's flags are what `find_flags` gives for its final type, so the
result is the same; the single finish step of a file only does the work that needs the whole file.

Nothing here writes: the tasks pass the payloads to claims/page_results.store_pages.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import classifiers
import config
from claims.dataclass_json import UnsupportedValue, from_json, to_json
from claims.trained_models import FLAG_MODEL, RECORD_TYPE_MODEL, flag_model, record_type_model
from classifiers.document_segmentation import PagePrediction, predict_pages
from classifiers.evidence_flags import FlagHit, find_flags
from classifiers.page_features import PageFeatures, page_features
from config.settings import Settings
from store.page_content import Word, boxes_for_span, words_of

log = logging.getLogger(__name__)

# A flag's boxes on its page ([x0, y0, x1, y1] per line of each span), None when no word lies under it.
HitBoxes = list[list[float]] | None

CACHE_FORMAT = 1
TYPE_CACHE_FORMAT = 1
_HIT_FIELDS = tuple(f.name for f in dataclasses.fields(FlagHit))
_HIT_FIELD_SET = frozenset(_HIT_FIELDS)


@lru_cache(maxsize=1)
def classifier_code_digest() -> str:
    """sha256 of every file the finder's result can depend on in this checkout: the classifiers, the
    configuration code and its rule packs. Read once per process (code does not change under it)."""
    digest = hashlib.sha256()
    for root in (Path(classifiers.__file__).parent, Path(config.__file__).parent):
        for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".yaml", ".yml", ".json")):
            digest.update(str(path.relative_to(root.parent)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=4)
def _model_digest(manifest: str, _version: tuple[float, int]) -> str:
    return str(json.loads(Path(manifest).read_text(encoding="utf-8")).get("arrays_sha256", ""))


def _model_checksum(settings: Settings, name: str) -> str:
    manifest = settings.resolved_model_dir / f"{name}.json"
    st = manifest.stat()
    return _model_digest(str(manifest), (st.st_mtime, st.st_size))


def flags_version(settings: Settings) -> str:
    """What a page's flags were found with: the flag code and rules, and the flag model's checksum."""
    model = _model_checksum(settings, FLAG_MODEL)
    return hashlib.sha256(f"{CACHE_FORMAT}:{classifier_code_digest()}:{model}".encode()).hexdigest()[:32]


def typing_version(settings: Settings) -> str:
    """What a page's features and prediction were computed with: the classifier code and rules, and the
    record-type model's checksum."""
    model = _model_checksum(settings, RECORD_TYPE_MODEL)
    return hashlib.sha256(f"{TYPE_CACHE_FORMAT}:{classifier_code_digest()}:{model}".encode()).hexdigest()[:32]


def _text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _encode(hit: FlagHit) -> dict[str, Any]:
    out = {name: getattr(hit, name) for name in _HIT_FIELDS}
    out["spans"] = [list(span) for span in hit.spans]
    out["date"] = hit.date.isoformat() if hit.date is not None else None
    return out


def _decode(value: dict[str, Any]) -> FlagHit:
    fields = dict(value)
    fields["spans"] = tuple((int(a), int(b)) for a, b in fields["spans"])
    fields["date"] = dt.date.fromisoformat(fields["date"]) if fields["date"] is not None else None
    return FlagHit(**fields)


def hit_boxes(hit: FlagHit, words: Sequence[Word]) -> HitBoxes:
    """The boxes of every span of a flag, for highlighting it on the page."""
    spans = hit.spans or ((hit.start, hit.end),)
    return [box for start, end in spans for box in boxes_for_span(words, start, end)] or None


@dataclasses.dataclass(frozen=True)
class PageCaches:
    """What a page's task computed for its file's analysis, as kept on the page row (JSON each)."""

    flags: dict[str, Any]  # pages.flag_cache: its flags for its predicted type, with their boxes
    typing: dict[str, Any]  # pages.type_cache: its features and type prediction


def page_caches(pages: Sequence[tuple[int, str, Sequence[Word]]], settings: Settings) -> dict[int, PageCaches]:
    """For each (page number, text, words) read by one task: its features and predicted type, and its
    flags for that type with their boxes.

    An optimisation only: when anything fails (no model yet, a page the finder chokes on) the pages
    are stored without it and the file's analysis does this work itself, failing there if it must.
    """
    if not pages:
        return {}
    try:
        version = flags_version(settings)
        typed_with = typing_version(settings)
        model = record_type_model(settings)
        finder = flag_model(settings)
        texts = [text for _n, text, _words in pages]
        features = [page_features(n, text, model.rules) for n, text, _w in pages]
        predictions = predict_pages(texts, features, model)
        caches = {}
        for (n, text, words), page, prediction in zip(pages, features, predictions, strict=True):
            hits = find_flags(text, prediction.record_type, finder)
            # The words as the file's analysis would read them back from the page row (a JSON list each).
            stored = words_of([list(w) for w in words]) if hits else []
            digest = _text_digest(text)
            flags = {"format": CACHE_FORMAT, "version": version, "text": digest,
                     "record_type": prediction.record_type, "hits": [_encode(hit) for hit in hits],
                     "boxes": [hit_boxes(hit, stored) for hit in hits]}
            typing = {"format": TYPE_CACHE_FORMAT, "version": typed_with, "text": digest, "page": n,
                      "features": to_json(page), "prediction": to_json(prediction)}
            caches[n] = PageCaches(flags, typing)
        return caches
    except Exception as exc:  # noqa: BLE001 - the file's analysis does this work when it cannot be done here
        log.warning("page analysis left to the file's analysis", extra={"pages": len(pages),
                                                                        "error": type(exc).__name__})
        return {}


def cached_typing(cache: dict[str, Any] | None, page: int, text: str, version: str
                  ) -> tuple[PageFeatures, PagePrediction] | None:
    """The page's stored features and type prediction if computed for this page number, text and
    version (what `page_features` and `predict_pages` give now); else None."""
    if (
        not cache or cache.get("format") != TYPE_CACHE_FORMAT or cache.get("version") != version
        or cache.get("page") != page or cache.get("text") != _text_digest(text)
    ):
        return None
    try:
        return from_json(cache.get("features"), PageFeatures), from_json(cache.get("prediction"), PagePrediction)
    except (UnsupportedValue, ValueError, TypeError) as exc:
        log.warning("stored page features unusable", extra={"page": page, "error": type(exc).__name__})
        return None


def stored_flag_count(cache: dict[str, Any] | None, text: str, record_type: str, version: str) -> int | None:
    """How many flags the page's task stored, if they were found for this type, text and version and are
    well formed (cached_flags then gives them); else None."""
    if (
        not cache or cache.get("format") != CACHE_FORMAT or cache.get("version") != version
        or cache.get("record_type") != record_type or cache.get("text") != _text_digest(text)
    ):
        return None
    hits, boxes = cache.get("hits"), cache.get("boxes")
    if (not isinstance(hits, list) or not isinstance(boxes, list) or len(boxes) != len(hits)
            or any(not isinstance(h, dict) or h.keys() != _HIT_FIELD_SET for h in hits)):
        return None
    return len(hits)


def cached_flags(cache: dict[str, Any] | None, text: str, record_type: str, version: str
                 ) -> tuple[list[FlagHit], list[HitBoxes]] | None:
    """The page's stored flags and their boxes if they were found for this type, text and version; else None."""
    if cache is None or stored_flag_count(cache, text, record_type, version) is None:
        return None
    return [_decode(h) for h in cache["hits"]], cache["boxes"]
