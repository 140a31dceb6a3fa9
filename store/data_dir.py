"""The data dir holds veterans' records (DESIGN.md §6: data dir 0700, files 0600): the SQLite database and
its WAL and SHM files, the embedded search index, the originals (blobs), the page image cache, incoming
uploads, logs, the embedded Redis's files and the secret key.

`secure_data_dir` is called first by every entry point (the CLI, through which `serve` and `worker` run,
and the app factory): it sets the process's umask to 077, so every file this process and the processes
it starts (workers, Redis) create is private whatever the operator's umask, and it fixes what an earlier
run left readable by others, returning what it changed so the caller can say so.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE_UMASK = 0o077


class DataDirRefused(RuntimeError):
    """The data dir cannot be made private (another user owns it)."""


def secure_data_dir(data_dir: Path) -> list[Path]:
    """Make `data_dir` private (see the module doc). Returns the paths whose mode was fixed."""
    os.umask(PRIVATE_UMASK)
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    me = os.geteuid()
    owner = data_dir.stat().st_uid
    if owner != me and me != 0:
        raise DataDirRefused(f"the data dir {data_dir} is owned by another user (uid {owner}); "
                             "run claimdex as its owner, or give it a data dir of its own")
    fixed: list[Path] = []
    _make_private(data_dir, fixed)
    for root, dirs, files in os.walk(data_dir):  # symbolic links are not followed
        for name in dirs + files:
            _make_private(Path(root) / name, fixed)
    return fixed


def _make_private(path: Path, fixed: list[Path]) -> None:
    try:
        st = path.lstat()
    except FileNotFoundError:  # removed meanwhile (a temp file of a running process)
        return
    if stat.S_ISLNK(st.st_mode) or not st.st_mode & 0o077:
        return
    os.chmod(path, stat.S_IMODE(st.st_mode) & 0o700)
    fixed.append(path)
