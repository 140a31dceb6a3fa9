"""What one upload may cost (DESIGN.md §6: sizes capped, nothing hidden): the bytes it stores (its files
and the members expanded from its ZIPs) and how many files that makes. One budget spans a whole upload
(an HTTP request, or one `claimdex ingest`), across every file and archive in it, so many small ZIPs
cannot add up to what one large ZIP may not."""

from __future__ import annotations

from claims.input_kinds import InputError
from config.settings import Settings


class OverBudget(InputError):
    """The upload would store more than its budget allows: the file (or archive) is refused whole."""


class UploadBudget:
    def __init__(self, settings: Settings) -> None:
        self.max_bytes = settings.max_upload_bytes
        self.max_files = settings.max_upload_files
        self.bytes = 0
        self.files = 0

    def add_file(self, what: str) -> None:
        if self.files + 1 > self.max_files:
            raise OverBudget("upload_too_many_files",
                             f"{what}: the upload holds more than {self.max_files} files "
                             "(limit CLAIMDEX_MAX_UPLOAD_FILES); send the rest in another upload")
        self.files += 1

    def add_bytes(self, n: int, what: str) -> None:
        if self.bytes + n > self.max_bytes:
            raise OverBudget("upload_too_large",
                             f"{what}: the upload would store more than {self.max_bytes} bytes "
                             "(limit CLAIMDEX_MAX_UPLOAD_BYTES); send the rest in another upload")
        self.bytes += n

    def give_back(self, n_bytes: int, n_files: int) -> None:
        """Return what a refused archive had taken (its members were deleted)."""
        self.bytes -= n_bytes
        self.files -= n_files
