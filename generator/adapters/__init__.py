"""Adapters: the only modules that talk to the outside (terminal, MkDocs)."""
