"""Renderers: turn the resolved model into site pages and printable documents."""
