"""OCR results in SQL by page-image hash: re-processing a page that was already OCRed costs nothing."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from store.db import session_scope
from store.models import OcrCacheEntry
from store.page_content import OcrResult, words_of


class SqlOcrCache:
    def __init__(self, engine: Engine | None = None) -> None:
        self.engine = engine
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> OcrResult | None:
        with session_scope(self.engine) as s:
            row = s.get(OcrCacheEntry, key)
            if row is None:
                self.misses += 1
                return None
            self.hits += 1
            return OcrResult(
                text=row.text,
                words=words_of(row.words),
                confidence=row.confidence,
                rotation=row.rotation,
                width=row.width or 0.0,
                height=row.height or 0.0,
            )

    def put(self, key: str, result: OcrResult) -> None:
        try:
            with session_scope(self.engine) as s:
                if s.get(OcrCacheEntry, key) is None:
                    s.add(
                        OcrCacheEntry(
                            cache_key=key,
                            text=result.text,
                            words=[list(w) for w in result.words],
                            confidence=result.confidence,
                            rotation=result.rotation,
                            width=result.width,
                            height=result.height,
                        )
                    )
        except IntegrityError:
            # Another worker OCRed the same image at the same moment: its row is as good as ours.
            pass
