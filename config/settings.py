"""One typed settings object, read from ``CLAIMDEX_*`` environment variables.

Every other module asks :func:`get_settings` instead of reading the environment itself, so the
embedded default and the distributed deployment differ only in these values (DESIGN.md §4).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "claimdex"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CLAIMDEX_", env_file=None, extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir)
    # Empty means "SQLite file under data_dir".
    database_url: str = ""
    # Empty means "start a private Redis on a unix socket under data_dir" (embedded default).
    broker_url: str = ""
    # Empty means "use the embedded search index under data_dir".
    elasticsearch_url: str = ""
    elasticsearch_index_prefix: str = "claimdex"
    # The Celery queue. Deployments sharing one Redis, and concurrent test runs, each use their own.
    task_queue: str = "claimdex"

    ocr_dpi: int = 300
    # The Tesseract executable; an operator may point it at a wrapper (nice, ulimit) or a build of theirs.
    tesseract_cmd: str = "tesseract"
    # Tesseract inside each worker process (libtesseract, its model loaded once per process: ~a fifth less
    # CPU a page than the command). Off, or with an own tesseract_cmd, the command runs for every page.
    ocr_in_process: bool = True
    ocr_languages: str = "eng"
    # Below this mean word confidence an upright OCR result is suspect and orientation is checked.
    ocr_orientation_check_confidence: float = 60.0

    # Limits on untrusted input (DESIGN.md §6).
    max_file_bytes: int = 2 * 1024**3
    max_pages_per_file: int = 10_000
    max_image_pixels: int = 20_000 * 20_000 // 4  # 100 megapixels
    max_zip_members: int = 10_000
    max_zip_uncompressed_bytes: int = 8 * 1024**3
    max_zip_ratio: float = 200.0
    max_page_text_chars: int = 1_000_000
    # One upload (an HTTP request, or one `claimdex ingest`): bytes stored (files and ZIP members) and files.
    max_upload_bytes: int = 20 * 1024**3
    max_upload_files: int = 10_000
    # Any other request body (JSON, forms): read only up to this.
    max_request_bytes: int = 1024 * 1024

    # Celery reliability (DESIGN.md §6).
    task_soft_time_limit: int = 240
    task_time_limit: int = 300
    # Longer than any task's time limit, so a message is not redelivered while its task still runs.
    broker_visibility_timeout: int = 900
    task_max_attempts: int = 3
    retry_backoff_max: int = 300
    worker_concurrency: int = 0  # 0 = one process per core
    worker_max_memory_kb: int = 1_500_000
    # Born-digital pages are read in runs of this many, the PDF opened once (pages needing OCR still get a
    # task each): fewer, larger tasks for CAPRI/VBMS prints of thousands of pages.
    text_chunk_pages: int = 25

    # Where `claimdex train` writes the model artifacts the pipeline reads. Empty means data_dir/models;
    # an image may point it at a read-only folder built with the image.
    model_dir: Path | None = None

    secret_key: str = ""
    # The address physicians open claimdex at (https://claimdex.example.org): the evidence brief's
    # citations link to it in the CLI's Markdown and the PDF. Empty: the PDF links to the address it was
    # downloaded from, the CLI prints site-relative links.
    public_url: str = ""
    log_level: str = "INFO"

    # Behind a TLS-terminating proxy (docker-compose.yml: Caddy): the addresses or networks (comma-separated)
    # whose X-Forwarded-For / X-Forwarded-Proto are believed. Anyone else's are ignored.
    trusted_proxies: str = "127.0.0.1,::1"
    # Session cookies always Secure (behind the TLS proxy), not only when the request came over HTTPS.
    secure_cookies: bool = False

    # The resolved_* properties read alike on purpose: a configured value, else the embedded default
    # under data_dir (DESIGN.md §4: same code, different URLs).
    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'claimdex.sqlite3'}"

    @property
    def resolved_model_dir(self) -> Path:
        return self.model_dir or self.data_dir / "models"

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    @property
    def embedded_redis_socket(self) -> Path:
        return self.data_dir / "redis.sock"

    @property
    def resolved_broker_url(self) -> str:
        if self.broker_url:
            return self.broker_url
        return f"redis+socket://{self.embedded_redis_socket}"

    @property
    def uses_embedded_broker(self) -> bool:
        return not self.broker_url

    @property
    def embedded_index_path(self) -> Path:
        return self.data_dir / "search.sqlite3"

    @property
    def effective_concurrency(self) -> int:
        return self.worker_concurrency or (os.cpu_count() or 1)


# Values copied from .env.example that must never run: the placeholders, and secrets too short to be ones.
PLACEHOLDER = "change-me"
MIN_SECRET_KEY_LENGTH = 32
# Secrets the compose services read from the same .env file (the api and worker containers see them too).
DEPLOYMENT_SECRETS = ("POSTGRES_PASSWORD", "ELASTIC_PASSWORD")


def insecure_settings(settings: Settings, environ: dict[str, str] | None = None) -> list[str]:
    """What makes these settings unfit to serve medical records: the example's `change-me` secrets (or a
    secret key too short to be one). Names only, never the values."""
    environ = dict(os.environ) if environ is None else environ
    problems = []
    key = settings.secret_key
    if key and (PLACEHOLDER in key.lower() or len(key) < MIN_SECRET_KEY_LENGTH):
        problems.append(f"CLAIMDEX_SECRET_KEY is the example's placeholder or shorter than {MIN_SECRET_KEY_LENGTH} "
                        "characters (generate one: python -c 'import secrets; print(secrets.token_urlsafe(48))')")
    for name, value in (("CLAIMDEX_DATABASE_URL", settings.database_url), ("CLAIMDEX_BROKER_URL", settings.broker_url),
                        ("CLAIMDEX_ELASTICSEARCH_URL", settings.elasticsearch_url)):
        if PLACEHOLDER in value.lower():
            problems.append(f"{name} holds the example's `{PLACEHOLDER}` password")
    for name in DEPLOYMENT_SECRETS:
        if PLACEHOLDER in environ.get(name, "").lower():
            problems.append(f"{name} is the example's `{PLACEHOLDER}` value")
    return problems


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


def reset_settings_cache() -> None:
    """Tests and the CLI change the environment and then need a fresh object."""
    get_settings.cache_clear()
