"""The training site: Markdown pages, navigation and static files generated from the model.

`generator.render.site.tree.render_site(content, lang)` returns every page; the MkDocs
plugin (`generator.adapters.mkdocs_plugin`) publishes them, and `partnerkit build --out`
writes them to a folder for any other engine. One small module per page kind
(`pages_*.py`) computes what its page shows; the page's Jinja template (`templates/`,
overridable from a project's own `templates/`, see `templating.py`) writes the markup,
with shared fragments in `templates/fragments/`; all UI words in the message
catalog, `generator.messages`.
"""
