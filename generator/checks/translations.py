"""Translations whose source text changed after they were confirmed.

`translations.lock` records a hash of each field's source text when its translation is
confirmed (`partnerkit translations confirm`, or `import` of a translator's PO file). A
source text that no longer matches its hash means the translation may say something the
source no longer says: a warning on the translation itself. A field the lock does not
know is unconfirmed, not outdated, and is not reported here (`partnerkit translations`
counts those).
"""

from __future__ import annotations

from generator.issues import Issue, Severity
from generator.loading.project import LoadedFiles
from generator.loading.translatable import Status, translatable_texts


def check_translations(loaded: LoadedFiles, languages: list[str]) -> list[Issue]:
    """A warning on every translation into a site language whose source text changed since it was confirmed."""
    if len(languages) < 2 or not loaded.lock.stamps:
        return []
    issues: list[Issue] = []
    for text in translatable_texts(loaded, languages[0]):
        for lang in text.targets(languages):
            if text.status(lang, loaded.lock) is Status.OUTDATED:
                issues.append(text.origin.issue(
                    text.value_path(lang), Severity.WARNING,
                    f"translation outdated: the '{text.source_lang}' text changed after this '{lang}' "
                    "translation was confirmed",
                    where=text.path,
                    hint=f"update the '{lang}' text, then run 'partnerkit translations confirm'",
                ))
    return issues
