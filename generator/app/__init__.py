"""The application layer: every side effect of a partnerkit run.

Commands (build, pdf, serve) and the MkDocs plugin hand it one `Options` object; it
decides what is written where, refuses output folders that would touch the sources,
loads the content once, prints the PDFs through the cache, and stages and swaps
folders so that a failed run leaves the previous output intact. It never imports MkDocs
or argparse: the site engine is handed in by the adapters (see `app.site.SiteEngine`).
"""
