"""Print: documents, role cards and tools as tagged PDF/UA-1 files, through Typst.

`build_pdfs(content, out_dir)` writes every PDF under `out_dir/<lang>/` and the
downloads manifest. Only this package imports `typst`.
"""

from __future__ import annotations

from generator.render.print.build import BuildReport, build_pdfs, build_pdfs_report, resolve_timestamp

__all__ = ["BuildReport", "build_pdfs", "build_pdfs_report", "resolve_timestamp"]
