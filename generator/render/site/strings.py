"""The site's words live in the one message catalog, `generator.messages`; this name stays
for modules that still import `has` from here."""

from generator.messages import has

__all__ = ["has"]
