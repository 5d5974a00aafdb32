"""Validation across the whole content set: references, texts, images, the course."""
