"""Typed models of every content kind, and the resolved model renderers read."""
