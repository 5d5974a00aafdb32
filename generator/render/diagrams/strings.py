"""Labels the figures print, per language (content values come from the model)."""

from __future__ import annotations

_STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "framework_title": "The framework: families of practice by management level "
                           "and change phase",
        "levels": "Management levels",
        "phases": "Change phases",
        "families": "Practice families",
        "adapted": "adapted practice",
        "renewed": "renewed practice",
        "practices_one": "1 practice",
        "practices_many": "{n} practices",
        "none": "none",
        "framework_desc": "{families} families of managerial practice in rows; columns show "
                          "how many practices each family has at each management level and in "
                          "each change phase. {rows}",
        "process_title": "{name}: the steps and who carries each",
        "process_desc": "{count} steps in order. {steps}",
        "step": "Step {n}",
        "who": "Who",
        "timeline_title": "{case}: timeline of dated events by change phase",
        "timeline_desc": "{count} dated events. {events}",
        "no_events": "No dated events.",
        "no_dated_event": "No dated event in this phase",
    },
    "fr": {
        "framework_title": "Le cadre : familles de pratiques par niveau de gestion et phase "
                           "du changement",
        "levels": "Niveaux de gestion",
        "phases": "Phases du changement",
        "families": "Familles de pratiques",
        "adapted": "pratique adaptée",
        "renewed": "pratique renouvelée",
        "practices_one": "1 pratique",
        "practices_many": "{n} pratiques",
        "none": "aucune",
        "framework_desc": "{families} familles de pratiques de gestion en lignes ; les colonnes "
                          "indiquent combien de pratiques chaque famille compte à chaque niveau de "
                          "gestion et dans chaque phase du changement. {rows}",
        "process_title": "{name} : les étapes et qui porte chacune",
        "process_desc": "{count} étapes dans l'ordre. {steps}",
        "step": "Étape {n}",
        "who": "Qui",
        "timeline_title": "{case} : chronologie des événements datés par phase du changement",
        "timeline_desc": "{count} événements datés. {events}",
        "no_events": "Aucun événement daté.",
        "no_dated_event": "Aucun événement daté dans cette phase",
    },
}


def label(lang: str, key: str, **values: object) -> str:
    """The label `key` in `lang` (English when the language has no table)."""
    table = _STRINGS.get(lang, _STRINGS["en"])
    return table.get(key, _STRINGS["en"][key]).format(**values)


def count_label(lang: str, n: int) -> str:
    """'1 practice', '3 practices', 'none'."""
    if n == 0:
        return label(lang, "none")
    return label(lang, "practices_one") if n == 1 else label(lang, "practices_many", n=n)
