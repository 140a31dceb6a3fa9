"""Files only this service may write: the model artifacts and what worker pools keep beside them.

One home for "write it atomically, mode 600" and "was it written by us (or root) only": a file that
someone else could have written is never read back (it could change what the analysis finds).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder (mode 600), replaced atomically."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def written_by_us_only(path: Path) -> bool:
    """True when neither the file nor its folder is writable by group or others, and both are ours or
    root's. Raises FileNotFoundError for a missing file."""
    for item in (path, path.parent):
        st = item.stat()
        if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH) or st.st_uid not in (os.getuid(), 0):
            return False
    return True
