"""Zip files that are the same bytes for the same input: the packages' container.

Entries are written in name order, dated by the build's timestamp (never the clock or the
files' own times), with ordinary permissions; files that are compressed already (PDFs,
images, fonts, gzip) are stored as they are, the rest deflated.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from generator.writing import FILE_MODE

_STORED = (".pdf", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".woff", ".woff2", ".gz", ".zip")
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def _date_time(moment: datetime) -> tuple[int, int, int, int, int, int]:
    stamp = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    return max(stamp, _ZIP_EPOCH)  # zip dates start in 1980


def files_under(folder: Path, prefix: str = "") -> dict[str, Path]:
    """Every file under `folder`, by its name in a zip (`prefix` + its path, with /)."""
    return {prefix + path.relative_to(folder).as_posix(): path
            for path in sorted(folder.rglob("*")) if path.is_file()}


def entry_info(name: str, moment: datetime) -> zipfile.ZipInfo:
    """The zip entry `name`: dated `moment`, a regular file, stored or deflated by its kind."""
    info = zipfile.ZipInfo(name, date_time=_date_time(moment))
    info.external_attr = (0o100000 | FILE_MODE) << 16  # a regular file, readable as the umask allows
    info.create_system = 3  # Unix, so those permissions are read
    stored = name.lower().endswith(_STORED)
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    return info


def add_entries(archive: zipfile.ZipFile, entries: Mapping[str, Path | bytes], moment: datetime) -> None:
    """Add `entries` (name -> a file's path, or its bytes) to an open zip, in name order."""
    for name in sorted(entries):
        source = entries[name]
        info = entry_info(name, moment)
        data = source if isinstance(source, bytes) else source.read_bytes()
        archive.writestr(info, data, compresslevel=6 if info.compress_type == zipfile.ZIP_DEFLATED else None)


def write_zip(target: Path, entries: Mapping[str, Path | bytes], moment: datetime) -> int:
    """Write `entries` into the new zip `target`; its size in bytes."""
    with zipfile.ZipFile(target, "w") as archive:
        add_entries(archive, entries, moment)
    return target.stat().st_size
