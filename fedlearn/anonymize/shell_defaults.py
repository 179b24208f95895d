"""The default literal of an expansion whose name is a secret's (DESIGN.md guarantee 1).

``${DB_PASSWORD:-hunter2…}`` in a shell script or Compose file, Spring's ``${db.password:…}``: the
default is the secret when no environment sets it. ``assignments`` finds the name and calls here.
"""

from __future__ import annotations

from fedlearn.anonymize import checks, key_names, rules

# The word a rule's key ends with, as ``checks.is_code`` reads it (``pass`` of ``password``).
SECRET_WORDS = {"password": "pass", "secret": "secret", "token": "token", "api-key": "key"}
SLICE = rules.Lazy(r":(?:[-=?+ \t}]|[0-9]+(?::[0-9]+)?\})")  # bash's ``${X:0:8}``, no default


def shell_default(text: str, key_end: int, name: str, key: str) -> tuple[int, int, str] | None:
    """
    Return the span and rule of the default literal of a shell expansion whose name is a secret's
    (``${DB_PASSWORD:-hunter2…}``, ``${API_TOKEN:=…}``); ``key_end`` is where the name ends.

    Only ``:-``/``:=`` defaults count, and Spring's ``:`` (``${db.password:…}``; not bash's
    slice ``${TOKEN:0:8}``), up to the closing brace, without a nested expansion; ``${NAME}``,
    ``${NAME:?message}`` and ``${NAME:+alternative}`` are no literal secret.
    """
    if text.startswith((":-", ":="), key_end):
        start = key_end + 2
    elif text.startswith(":", key_end) and not SLICE.match(text, key_end):
        start = key_end + 1
    else:
        return None
    end = text.find("}", start, start + 201)
    value = text[start:end]
    if end < 0 or not value or "$" in value or "{" in value or value.isspace():
        return None
    following = text[end : end + 3]
    word = SECRET_WORDS.get(name, "")
    if checks.is_code(value, key, word, following) or checks.is_prose(value, following):
        return None  # as an unquoted value is judged
    return (start, end, name) if key_names.is_secret_value(name, key, value) else None
