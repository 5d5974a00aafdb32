"""Print: documents, role cards, tools and workbooks as tagged PDF/UA-1 files, through Typst.

`build_pdfs(content, out_dir)` writes every PDF under `out_dir/<lang>/` and the
downloads manifest. Only this package imports `typst`. The names below load on first
use, so importing the package stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.render.print.build import BuildReport, build_pdfs, build_pdfs_report, resolve_timestamp

__all__ = ["BuildReport", "build_pdfs", "build_pdfs_report", "resolve_timestamp"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from generator.render.print import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
