"""Safe file names and atomic writes for every output of ``geo`` (snapshots and exports).

* :func:`safe_filename` turns any user-given name (a title, a deck entry, a download name)
  into a plain, portable file name: no directories, no control characters, no Windows
  reserved device names, only ``[A-Za-z0-9._-]`` and the letters and digits of other scripts
  (``走廊A`` stays ``走廊A``: two names that differ in Chinese stay two files), the extension
  kept, bounded length (in characters and in UTF-8 bytes).
* :func:`atomic_output` / :func:`atomic_write_bytes` write to a temporary file in the target's
  directory and rename it over the target only when the writer finished without error, so a
  reader never sees a half-written file and a failed write leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from geo.errors import ExportError
from geo.i18n import N_

MAX_FILENAME_CHARS: Final[int] = 120
#: Linux and macOS file systems allow 255 bytes a name; a Chinese character takes 3 in UTF-8.
MAX_FILENAME_BYTES: Final[int] = 240
MAX_EXTENSION_CHARS: Final[int] = 10

#: Device names Windows refuses as file names, with or without an extension.
WINDOWS_RESERVED: Final[frozenset[str]] = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{i}" for i in range(10)}
    | {f"LPT{i}" for i in range(10)}
)

_UNDERSCORES_RE: Final[re.Pattern[str]] = re.compile(r"_+")
_REPEAT_RE: Final[re.Pattern[str]] = re.compile(r"([._-])[._-]+")
_EXTENSION_RE: Final[re.Pattern[str]] = re.compile(rf"^[A-Za-z0-9]{{1,{MAX_EXTENSION_CHARS}}}$")
_SEPARATORS_RE: Final[re.Pattern[str]] = re.compile(r"[/\\:]+")


def _portable(text: str) -> str:
    """Accents folded (``é`` → ``e``, ``Ａ`` → ``A``), control and format characters dropped
    (``\\x1b``, ``\\u202e``); letters, digits and their marks of every script kept as they are
    (``走廊``, ``부산``, ``ø``), in NFC; other non-ASCII characters (``→``, ``°``, ``、``)
    dropped."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        kind = unicodedata.category(ch)[0]
        if kind == "C":
            continue
        folded = "".join(
            c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
        )
        if folded.isascii():
            out.append(folded)
        elif kind in "LNM":
            out.append(ch)
    return "".join(out)


def _clean_part(text: str) -> str:
    text = "".join(
        c if not c.isascii() or c.isalnum() or c in "._-" else "_" for c in _portable(text)
    )
    text = _REPEAT_RE.sub(r"\1", _UNDERSCORES_RE.sub("_", text))
    return text.strip("._- ")


def fit_stem(stem: str, extension: str) -> str:
    """``stem`` shortened so that ``stem + extension`` has at most :data:`MAX_FILENAME_CHARS`
    characters and :data:`MAX_FILENAME_BYTES` bytes in UTF-8."""
    stem = stem[: MAX_FILENAME_CHARS - len(extension) - 1]
    budget = MAX_FILENAME_BYTES - len(extension.encode("utf-8"))
    while len(stem.encode("utf-8")) > budget:
        stem = stem[:-1]
    return stem.rstrip("._- ")


def safe_filename(name: str, default: str = "snapshot") -> str:
    """A portable file name made from ``name``; ``default`` replaces a stem that ends up empty.

    Path components are joined with ``_`` after ``.`` and ``..`` are dropped (so
    ``"../../etc/passwd"`` → ``"etc_passwd"`` and nothing can escape the output directory);
    control characters are removed, accents folded, letters and digits of other scripts kept
    (Chinese, Korean, Cyrillic …: they are valid file names on Linux, macOS and Windows), other
    non-ASCII characters dropped, any other ASCII character outside ``[A-Za-z0-9._-]``
    (``/ \\ : * ? " < > |``, spaces) becomes ``_``; leading dots (hidden files) and trailing
    dots/spaces are stripped; a Windows device name (``CON``, ``NUL``, ``COM1`` ...) gets a
    ``_`` suffix; the extension (up to 10 ASCII letters/digits) is kept, lower-cased; the
    result is at most 120 characters and 240 bytes of UTF-8.

    >>> safe_filename("Shanghai → San Pedro Bay.PNG")
    'Shanghai_San_Pedro_Bay.png'
    >>> safe_filename("../../etc/passwd")
    'etc_passwd'
    >>> safe_filename("CON.png")
    'CON_.png'
    >>> safe_filename("航线A.svg"), safe_filename("走廊A.svg")
    ('航线A.svg', '走廊A.svg')
    >>> safe_filename("→.svg")
    'snapshot.svg'
    """
    text = str(name)
    parts = [p for p in _SEPARATORS_RE.split(text) if p.strip() not in ("", ".", "..")]
    joined = "_".join(parts)
    stem, dot, ext = joined.rpartition(".")
    if not dot:
        stem, ext = joined, ""
    ext_clean = _portable(ext).strip()
    if dot and _EXTENSION_RE.match(ext_clean):
        extension = "." + ext_clean.lower()
    else:
        stem, extension = joined, ""
    stem = _clean_part(stem) or _clean_part(default) or "snapshot"
    stem = fit_stem(stem, extension) or "snapshot"
    device = stem.split(".")[0]
    if device.upper() in WINDOWS_RESERVED:
        stem = f"{device}_{stem[len(device) :]}"
    return stem + extension


def _temp_sibling(path: Path) -> Path:
    """A fresh, hidden name next to ``path`` with the same suffix (writers pick formats by it)."""
    token = secrets.token_hex(6)
    return path.with_name(f".{path.stem[:60]}.{token}.tmp{path.suffix}")


def _remove_quietly(path: Path) -> None:
    for candidate in (path, *(Path(f"{path}{s}") for s in ("-journal", "-wal", "-shm"))):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms that cannot open files read-only
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - file systems without fsync
        pass
    finally:
        os.close(fd)


def _keep_mode(path: Path, tmp: Path) -> None:
    """An overwritten file keeps its permission bits (a new one gets the umask's)."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on success rename it over ``path``.

    The temporary path does not exist yet and has the same suffix as ``path`` (so writers that
    choose a format by extension, such as matplotlib or GDAL, still work); it is hidden
    (``.name.<random>.tmp.ext``) and lives in the same directory, so the final ``os.replace``
    is atomic. If the ``with`` block raises, the temporary file (and any SQLite sidecar files
    GDAL left) is removed and ``path`` is untouched. If the block finishes without creating the
    file, :class:`~geo.errors.ExportError` is raised.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     target = Path(d) / "out.txt"
    ...     with atomic_output(target) as tmp:
    ...         _ = tmp.write_text("done")
    ...     target.read_text()
    'done'
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise ExportError(
            N_(
                "cannot write {path}: the folder {folder} does not exist",
                path=path,
                folder=path.parent,
            )
        )
    tmp = _temp_sibling(path)
    try:
        yield tmp
        if not tmp.exists():
            raise ExportError(N_("writing {path} produced no file", path=path))
        _fsync(tmp)
        _keep_mode(path, tmp)
        os.replace(tmp, path)
    except OSError as exc:  # a full disk, a read-only folder: the project's error, named
        _remove_quietly(tmp)
        reason = exc.strerror or exc
        raise ExportError(N_("cannot write {path}: {reason}", path=path, reason=reason)) from exc
    except BaseException:
        _remove_quietly(tmp)
        raise
    finally:
        # sidecars of a successful SQLite write (none normally, but never leave them)
        for suffix in ("-journal", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{tmp}{suffix}").unlink()


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_output`); returns ``path``."""
    path = Path(path)
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)
    return path
