"""Tesseract inside the worker process, through its C API (libtesseract), its model loaded once.

The `tesseract` command loads its language model on every run: about 0.25 s of CPU of a ~1.2 s page
at 300 dpi, a fifth of a page's OCR (measured: the command on a 200 x 100 blank image costs 0.19-0.25 s
of CPU). One engine per worker process, kept from page to page, skips that; the result is the TSV the
command prints (the same library, the same GetTSVText), from the same pixels, with the same resolution.

An engine is made lazily in the process that uses it (never before a fork: a handle is not shared
with a child) and is None when the library or the languages cannot be loaded; the caller then runs
the command, which reports what is wrong. Tesseract's own deadline (its progress monitor) bounds a
page's recognition, as the command's timeout did.
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import logging
import os
import threading
import time

from PIL import Image

log = logging.getLogger(__name__)

LIBRARY_NAMES = ("tesseract", "libtesseract.so.5")
PSM_AUTO = 3
PSM_SINGLE_LINE = 7  # the image is one line of text (a second read of a line's crop, workers/ocr.py)


class EngineError(RuntimeError):
    """Tesseract's recognition failed on a page (may be transient: the task retries it)."""


class EngineTimeout(EngineError):
    """Recognition ran past its deadline and was stopped by Tesseract's monitor."""


def _load_library() -> ctypes.CDLL | None:
    # One OpenMP thread per Tesseract (workers run one process per core), read when the library loads.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    for name in LIBRARY_NAMES:
        path = ctypes.util.find_library(name) if "." not in name else name
        if not path:
            continue
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        _declare(lib)
        return lib
    return None


def _declare(lib: ctypes.CDLL) -> None:
    p, i, s = ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p
    signatures: dict[str, tuple[type | None, list[type]]] = {
        "TessBaseAPICreate": (p, []),
        "TessBaseAPIInit3": (i, [p, s, s]),
        "TessBaseAPISetVariable": (i, [p, s, s]),
        "TessBaseAPISetPageSegMode": (None, [p, i]),
        "TessBaseAPISetImage": (None, [p, s, i, i, i, i]),
        "TessBaseAPISetSourceResolution": (None, [p, i]),
        "TessBaseAPIRecognize": (i, [p, p]),
        "TessBaseAPIGetTsvText": (p, [p, i]),
        "TessBaseAPIClear": (None, [p]),
        "TessBaseAPIEnd": (None, [p]),
        "TessBaseAPIDelete": (None, [p]),
        "TessDeleteText": (None, [p]),
        "TessMonitorCreate": (p, []),
        "TessMonitorDelete": (None, [p]),
        "TessMonitorSetDeadlineMSecs": (None, [p, i]),
    }
    for name, (restype, argtypes) in signatures.items():
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes


class TesseractEngine:
    """One TessBaseAPI with `languages` loaded; recognise() one grayscale page at a time."""

    def __init__(self, lib: ctypes.CDLL, languages: str) -> None:
        self._lib = lib
        self.languages = languages
        self._lock = threading.Lock()
        api = lib.TessBaseAPICreate()
        if not api:
            raise EngineError("TessBaseAPICreate failed")
        # tessdata from the library's own default (TESSDATA_PREFIX or its install path), as the command.
        if lib.TessBaseAPIInit3(api, None, languages.encode()) != 0:
            lib.TessBaseAPIDelete(api)
            raise EngineError(f"Tesseract could not load the languages {languages!r}")
        # The command's default (automatic page segmentation); the API's own default is a single block.
        lib.TessBaseAPISetPageSegMode(api, PSM_AUTO)
        # Tesseract's diagnostics ("Detected 11 diacritics") would go to the worker's log: the command's
        # stderr was thrown away by pytesseract, these are too.
        lib.TessBaseAPISetVariable(api, b"debug_file", os.devnull.encode())
        self._api: int = api

    def close(self) -> None:
        """Free the model (at exit: Tesseract otherwise warns of its caches at interpreter teardown)."""
        with self._lock:
            if self._api:
                self._lib.TessBaseAPIEnd(self._api)
                self._lib.TessBaseAPIDelete(self._api)
                self._api = 0

    def recognise_tsv(self, image: Image.Image, dpi: float, timeout_s: float, psm: int = PSM_AUTO) -> str:
        """Tesseract's TSV of an 8-bit gray image (no header line), as `tesseract IMAGE out --dpi N --psm P tsv`."""
        if image.mode != "L":
            image = image.convert("L")
        pixels = image.tobytes()
        lib = self._lib
        with self._lock:
            api = self._api
            if not api:
                raise EngineError("the Tesseract engine was closed")
            monitor = lib.TessMonitorCreate()
            try:
                # As the command's --dpi: the resolution Tesseract scales its thresholds and sizes by.
                lib.TessBaseAPISetVariable(api, b"user_defined_dpi", str(round(dpi)).encode())
                if psm != PSM_AUTO:
                    lib.TessBaseAPISetPageSegMode(api, psm)
                lib.TessBaseAPISetImage(api, pixels, image.width, image.height, 1, image.width)
                lib.TessBaseAPISetSourceResolution(api, round(dpi))
                lib.TessMonitorSetDeadlineMSecs(monitor, max(1, int(timeout_s * 1000)))
                started = time.monotonic()
                status = lib.TessBaseAPIRecognize(api, monitor)
                if status != 0:
                    if time.monotonic() - started >= timeout_s:
                        raise EngineTimeout(f"Tesseract did not finish within {timeout_s:.0f} s and was stopped")
                    raise EngineError(f"Tesseract recognition failed (status {status})")
                text_ptr = lib.TessBaseAPIGetTsvText(api, 0)
                if not text_ptr:
                    raise EngineError("Tesseract returned no TSV")
                try:
                    return ctypes.string_at(text_ptr).decode("utf-8", errors="replace")
                finally:
                    lib.TessDeleteText(text_ptr)
            finally:
                lib.TessBaseAPIClear(api)
                lib.TessMonitorDelete(monitor)
                if psm != PSM_AUTO:
                    lib.TessBaseAPISetPageSegMode(api, PSM_AUTO)


_lock = threading.Lock()
_engines: dict[tuple[int, str], TesseractEngine | None] = {}
_library: list[ctypes.CDLL | None] = []


def engine_for(languages: str) -> TesseractEngine | None:
    """This process's engine for `languages` (made on first use), or None when it cannot be had."""
    key = (os.getpid(), languages)
    with _lock:
        if key in _engines:
            return _engines[key]
        if not _library:
            _library.append(_load_library())
        lib = _library[0]
        engine: TesseractEngine | None = None
        if lib is not None:
            try:
                engine = TesseractEngine(lib, languages)
            except EngineError as exc:
                log.warning("in-process Tesseract unavailable, using the command", extra={"error": str(exc)[:200]})
        _engines[key] = engine
        return engine


@atexit.register
def _close_engines() -> None:
    pid = os.getpid()
    for (owner, _), engine in list(_engines.items()):
        if owner == pid and engine is not None:  # a forked child never frees its parent's engine
            engine.close()
