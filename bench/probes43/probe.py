"""Fill each form of a forms file with secret key names and drawn values; print the forms that leak.

    python bench/probes43/probe.py TREE SEED FORMS [weak]

A form is one line of a tool's or a language's text with ``{v}`` for a value and ``{snake}``,
``{UPPER}``, ``{camel}``, ``{Pascal}``, ``{kebab}`` for a secret key's name in each spelling
(``⏎`` is a line break). Each form is filled with 8 key names and a value of 4 shapes (alphanumeric
12–20, with punctuation 10–16, 32 hex, 43 URL-safe; with ``weak``: a word and digits, a word with
a capital, digits and a symbol, 6–8 alphanumerics, a leet prefix and a word), the lead's
``lead-probe9.py`` draws. A value leaks when it (or its middle) is in the output. Prints each
leaking form's count and one output, then the leaks and the texts.
"""

from __future__ import annotations

import random
import re
import string
import sys
from pathlib import Path

sys.path.insert(0, sys.argv[1])
from fedlearn import config
from fedlearn.anonymize import Anonymizer, Machine

MACHINE = Machine(
    hostname="quasar",
    fqdn="quasar.corp.acme-robotics.io",
    user="jdoe",
    home="/home/jdoe",
)
WORDS = [
    "summer",
    "winter",
    "dragon",
    "monkey",
    "hunter",
    "letmein",
    "welcome",
    "shadow",
    "master",
    "sunshine",
    "football",
    "baseball",
    "princess",
    "qwerty",
    "trustno1",
    "freedom",
    "raspberry",
    "secret",
    "admin",
    "changeme",
    "password",
    "tiger",
    "falcon",
    "orange",
    "purple",
]
KEYS = [
    "password",
    "apiKey",
    "secret_token",
    "clientSecret",
    "db_pass",
    "authToken",
    "privateKey",
    "accessKey",
]
ALNUM = string.ascii_letters + string.digits


def value(draw: random.Random, kind: int, weak: bool) -> str:
    """Return a drawn value of shape ``kind``."""
    if weak:
        word = draw.choice(WORDS)
        if kind == 0:
            return word.title() + str(draw.randint(1, 2030)) + draw.choice("!@#$")
        if kind == 1:
            return word + str(draw.randint(10, 99))
        if kind == 2:
            return "".join(draw.choice(ALNUM) for _ in range(draw.randint(6, 8)))
        return (
            draw.choice(["P@ss", "S3cr", "Adm1n", "Qw3rty"]) + word[:4] + str(draw.randint(0, 99))
        )
    if kind == 0:
        return "".join(draw.choice(ALNUM) for _ in range(draw.randint(12, 20)))
    if kind == 1:
        return "".join(draw.choice(ALNUM + "!*-_.~") for _ in range(draw.randint(10, 16)))
    if kind == 2:
        return "".join(draw.choice("0123456789abcdef") for _ in range(32))
    return "".join(draw.choice(ALNUM + "-_") for _ in range(43))


def spellings(key: str) -> dict[str, str]:
    """Return the key's spellings by placeholder."""
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", key).lower()
    parts = snake.split("_")
    camel = parts[0] + "".join(part.title() for part in parts[1:])
    return {
        "{snake}": snake,
        "{UPPER}": snake.upper(),
        "{camel}": camel,
        "{Pascal}": camel[0].upper() + camel[1:],
        "{kebab}": snake.replace("_", "-"),
    }


def main() -> None:
    """Probe every form of the file with the seed's draws."""
    anonymizer = Anonymizer(config.Anonymize(), MACHINE)
    draw = random.Random(int(sys.argv[2]))
    weak = len(sys.argv) > 4 and sys.argv[4] == "weak"
    forms = Path(sys.argv[3]).read_text(encoding="utf-8").strip().split("\n")
    total = 0
    leaked: dict[str, list[str]] = {}
    for form in forms:
        for key in KEYS:
            secret = value(draw, draw.randrange(4), weak)
            text = form.replace("⏎", "\n").replace("{v}", secret)
            for placeholder, spelling in spellings(key).items():
                text = text.replace(placeholder, spelling)
            out = anonymizer.anonymize(text)
            total += 1
            if secret in out or (len(secret) > 8 and secret[3:-3] in out):
                leaked.setdefault(form, []).append(out)
    for outs in leaked.values():
        print(len(outs), "|", outs[0].replace("\n", "⏎"))
    print(sum(len(outs) for outs in leaked.values()), total)


if __name__ == "__main__":
    main()
