"""Shares of the built-in rules, for measuring what each costs and catches (``--rule-costs`` of
bench_high_value.py, ``--rules`` of corpus_dump.py): every rule; the shaped and prefixed tokens
and personal data only (the kind of rule set fedlearn's first version had); those and the values
under a secret's key name (``KEY=value`` and its kin) and long random runs; or none."""

from __future__ import annotations

from typing import Any

RULE_SETS = {
    "none": "no rule (the floor: decode, score, categorize, content id, tally)",
    "shaped": "the shaped and prefixed tokens and personal data only",
    "keyed": "those, values under a secret's key name, and long random runs",
    "all": "every rule",
}


def with_rules(which: str) -> None:
    """Make every ``Anonymizer`` built from now on use the rule set ``which`` (``RULE_SETS``)."""
    import fedlearn.anonymize as package
    from fedlearn.anonymize import (
        assignments,
        beside_keys,
        credentials,
        entropy,
        forms,
        personal,
        personal_ids,
        providers,
        vendors,
    )

    every = package.builtin_rules

    def chosen(*args: Any, **kwargs: Any) -> list[Any]:
        if which == "none":
            return []
        shaped = credentials.shaped() + providers.prefixed() + vendors.prefixed()
        personal_data = personal.network() + personal_ids.rules()
        if which == "shaped":
            return shaped + personal_data
        if which == "keyed":
            keyed = assignments.keyed() + beside_keys.keyed() + forms.formed() + entropy.looks()
            return shaped + keyed + personal_data
        return every(*args, **kwargs)

    package.builtin_rules = chosen  # type: ignore[assignment]
