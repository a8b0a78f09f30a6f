"""Storage: atomic writes, the backup and the side file of a broken annotation file.

A save writes a temporary file in the same directory, flushes and fsyncs it,
``os.replace``s the file and fsyncs the directory, so a crash leaves the old or
the new file; the previous file is kept as ``FILE.bak``; temporary files a killed
save left behind are removed by a later save once they are ten minutes old.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file.

    Temporary file in the same directory, flush + fsync, ``os.replace``, fsync of
    the directory. The file keeps its permission bits (new files: 0o644).
    Raises OSError; the temporary file is removed on failure.
    """
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    """Make a rename durable; a no-op where directories cannot be opened (Windows)."""
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


STALE_TEMP_SECONDS = 600


def sweep_stale_temps(path: Path, now: float | None = None) -> None:
    """Remove temporary files a killed save left next to ``path`` (and its .bak).

    Only ``.NAME.*.tmp`` files older than STALE_TEMP_SECONDS go, so a save in
    progress in another process is never disturbed. Errors are ignored.
    """
    limit = (time.time() if now is None else now) - STALE_TEMP_SECONDS
    for pattern in (f".{path.name}.*.tmp", f".{backup_path(path).name}.*.tmp"):
        for temp in path.parent.glob(pattern):
            with contextlib.suppress(OSError):
                if temp.stat().st_mtime < limit:
                    temp.unlink()


def backup_path(path: Path) -> Path:
    """Where the previous version is kept: ``FILE.bak``."""
    return path.with_name(path.name + ".bak")


def recovered_path(path: Path) -> Path:
    """The side file used while ``path`` is broken: ``<stem>.recovered.yaml``."""
    return path.with_name(path.stem + ".recovered.yaml")


def read_disk(path: Path) -> tuple[bytes | None, str | None]:
    """The file's bytes and their sha256 (the change check); (None, None) if there is no file.

    Only the content counts: a touch is not a change, and an edit within the
    same mtime tick on a coarse filesystem still is one.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, None
    return data, hashlib.sha256(data).hexdigest()


def os_message(exc: OSError, path: Path) -> str:
    reason = exc.strerror or type(exc).__name__
    return f"{reason}: {exc.filename or path}"
