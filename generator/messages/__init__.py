"""partnerkit's own words, one catalog for every renderer: see `catalog`."""

from generator.messages.catalog import (
    NO_OVERRIDES,
    Overrides,
    format_number,
    has,
    language_name,
    long_date,
    message,
    template,
)

__all__ = ["NO_OVERRIDES", "Overrides", "format_number", "has", "language_name", "long_date", "message", "template"]
