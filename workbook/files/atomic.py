"""Atomic file writes: a reader sees the old file or the new one, never a partial one."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def atomic_write(path: Path, text: str) -> None:
    """Write `text` to `path` via a temporary file in the same folder, fsync, then rename.

    The new file keeps the permissions of the file it replaces; a new file gets the usual
    permissions (0666 minus the umask), so a folder shared by a team stays readable for the team.
    """
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """`atomic_write` for bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp, fd = _create_temp(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if path.exists():
                os.chmod(handle.fileno(), stat.S_IMODE(path.stat().st_mode))
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def temp_files(path: Path) -> list[Path]:
    """Temporary files `atomic_write` left beside `path` when its process was killed mid-write."""
    return sorted(path.parent.glob(f".{path.name}.*{TEMP_SUFFIX}"))


def _create_temp(path: Path) -> tuple[Path, int]:
    """A new, empty temporary file beside `path`, created with the umask's permissions."""
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")
        try:
            return tmp, os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
