"""JSON values through the anonymizer (DESIGN.md guarantee 1): every string, keys included.

A string under a key that names a secret (``{"password": "hunter2"}``) is redacted whole, as it
would be in ``password: hunter2`` (``key_names.field_secret``); every other string is anonymized
as text, all of a value's strings in one batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from fedlearn.anonymize import key_names, rules
from fedlearn.anonymize.engine import Engine


class JsonValues(Engine):
    """The engine's passes over JSON values: the methods ``Anonymizer`` gets for them."""

    def anonymize_value(
        self, value: Any, many: Callable[[Sequence[str]], list[str]] | None = None
    ) -> Any:
        """
        Return a JSON value with every string (keys included) anonymized, all in one batch.

        A string under a key that names a secret (``{"password": "hunter2"}``) is redacted whole,
        as it would be in ``password: hunter2``. ``many`` replaces ``anonymize_many`` for the
        strings (a memo of it, say).
        """
        strings = list(strings_in(value))
        done = (many or self.anonymize_many)(strings)
        return self._rebuilt(value, dict(zip(strings, done, strict=True)))

    def _rebuilt(self, value: Any, done: dict[str, str]) -> Any:
        """Return ``value`` with each string replaced by its anonymized form in ``done``."""
        if isinstance(value, str):
            return done[value]
        if isinstance(value, dict):
            return {
                done[str(key)]: self._field(str(key), item, done) for key, item in value.items()
            }
        if isinstance(value, list | tuple):
            return [self._rebuilt(item, done) for item in value]
        return value

    def _field(self, key: str, value: Any, done: dict[str, str]) -> Any:
        anonymized = self._rebuilt(value, done)
        name = self.field_secret(key, value)
        if name is None or rules.PLACEHOLDER.fullmatch(str(anonymized)):
            return anonymized
        self.counts[name] += 1
        return f"<redacted:{name}>"

    def field_secret(self, key: str, value: Any) -> str | None:
        """Return the rule that makes ``value`` a secret under JSON key ``key``, or None."""
        name = key_names.field_secret(key, value)
        if name is None or name in self.disabled or rules.PLACEHOLDER.fullmatch(value):
            return None
        return None if any(allowed.fullmatch(value) for allowed in self.allow) else name

    def scan_value(self, value: Any) -> list[str]:
        """Return the rule of every secret in a JSON value, keys and secret-keyed values too."""
        if isinstance(value, str):
            return [finding.rule for finding in self.scan(value)]
        found: list[str] = []
        if isinstance(value, dict):
            for key, item in value.items():
                found += self.scan_value(str(key))
                name = self.field_secret(str(key), item)
                found += [name] if name else self.scan_value(item)
        elif isinstance(value, list):
            for item in value:
                found += self.scan_value(item)
        return found


def strings_in(value: Any) -> Iterator[str]:
    """Yield every string of a JSON value, object keys included, in order."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)
