"""Validation: per-file model checks, then checks across the whole content set."""
