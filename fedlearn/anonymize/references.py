"""Values under a secret's key that name where the secret is, not it (DESIGN.md guarantee 1).

``is_reference`` is ``checks.is_reference`` (a ``$VAR``, a template, a placeholder) for the key
rules, with what a key's value adds: a command that prints a stored secret (``pass show mail``),
words that say fake, sops' ciphertext, and a URL-encoded value judged as it decodes
(``%24%7BDB_PASSWORD%7D``). Base64 that starts with ``/`` reads as a file
(``/OAQV4Zfb…+ItoS/tGZV…``) but is a value when a part of it looks generated (``is_blob``), and so
is a generated value with ``xxx`` in it by chance (``is_chance_xxx``). ``is_encoded_reference``
is the same question after a secret word in prose (``secret_words``).
"""

from __future__ import annotations

from fedlearn.anonymize import checks, said_fake, weak_values, words
from fedlearn.anonymize.rules import Lazy

# A value that assigns another variable: an upper-case name (``BUILD_SHA``), ``=``, more.
ASSIGNED = Lazy(r"(?:[A-Z]+(?:_[A-Z0-9]+)+|[A-Z]{2,12})=[^=\s]")
# A percent-escape of a printable ASCII character (``%24`` is ``$``, ``%7B`` ``{``).
PERCENT = Lazy(r"%([2-7][0-9A-Fa-f])")
# A run of exactly three ``x``, a placeholder's (``is_chance_xxx``).
LONE_XXX = Lazy(r"(?i)(?<!x)xxx(?!x)")
# A command that prints a stored secret, as a value in backticks (mutt's ``set imap_pass =
# `pass show mail` ``, a shell's command substitution): the name of where the secret is, not it.
STORE_COMMAND = Lazy(
    r"(?:(?:go)?pass[ \t]+(?:show|otp)|secret-tool[ \t]+lookup|security[ \t]+find-[a-z]+-password"
    r"|op[ \t]+read|bw[ \t]+get|lpass[ \t]+show|keyring[ \t]+get|sops[ \t]+(?:-d|--decrypt)"
    r"|gpg[ \t]+(?:-[a-z-]+[ \t]+)*(?:-d|--decrypt)|cat(?=[ \t]+[^ \t]*[/~.]))"
    r"(?:[ \t]+[\w./~:@-]+){1,8}"
)
# A sops value: ``ENC[<cipher>,data:…,iv:…,tag:…,type:…]``, the ciphertext of what it stands for.
SOPS_VALUE = Lazy(
    r"ENC\[[A-Z0-9_]{3,20},data:[A-Za-z0-9+/=]*(?:,[a-z]{2,8}:[A-Za-z0-9+/=_-]*){1,6}\]"
)
# Base64 that starts with ``/`` as a file's path does (``is_blob``).
BLOB = Lazy(r"/[A-Za-z0-9+/]{19,}={0,2}")


def is_reference(value: str) -> bool:
    """
    Return ``checks.is_reference``, except for base64 that only starts like a file (``is_blob``);
    a URL-encoded value is judged as it decodes (``password=%24%7BDB_PASSWORD%7D`` in a query or
    form body is the reference ``${DB_PASSWORD}``, sent unexpanded).
    """
    if checks.is_reference(value) and not is_blob(value) and not is_chance_xxx(value):
        # ``changeme43``: a password chosen from the placeholder, not it (``weak_values``)
        return not weak_values.is_placeholder_chosen(value)
    if STORE_COMMAND.compiled.fullmatch(value):
        return True  # ``pass show mail/x``: a command that reads the secret (bench/contexts34)
    if said_fake.is_said_fake(value):
        return True  # words that say fake: ``somefakekey``, ``a-fake-tooshort-key``
    if value.startswith("ENC[") and SOPS_VALUE.compiled.fullmatch(value):
        return True  # sops' ciphertext of the secret, committed by design
    if "%" not in value:
        return False
    decoded = PERCENT.compiled.sub(lambda escape: chr(int(escape[1], 16)), value)
    return decoded != value and is_reference(decoded)


def is_encoded_reference(value: str) -> bool:
    """
    Return ``checks.is_reference`` of ``value`` or, when it is URL-encoded, whether it decodes to
    a reference (``vault%3Asecret%2Fdata%2Fdb%23password``, ``%24%28cat%20%2Frun%2Fsecrets%2Fdb
    %29``) or to words with blanks between them (``%20flag%20%26%20docker``): no token. An
    assignment to another variable (``token BUILD_SHA=<sha>``: an upper-case name, then ``=``;
    bench/contexts33) is that variable's value, not the secret's either. A drawn token's ``=``
    after lower-case letters (``iptndv=vtyw…``, ``b_fp06k…__=-ux8…``) is no assignment.
    """
    if checks.is_reference(value) or ASSIGNED.compiled.match(value) is not None:
        return True
    if "%" not in value:
        return False
    decoded = PERCENT.compiled.sub(lambda escape: chr(int(escape[1], 16)), value)
    return decoded != value and (checks.is_reference(decoded) or len(decoded.split()) > 1)


def is_chance_xxx(value: str) -> bool:
    """
    Return whether a placeholder's ``xxx`` is in ``value`` by chance: a run of exactly three
    ``x`` (any case) in a value that, without it, is no reference and looks generated (16 or more
    characters left); ``sk-xxxxxxxx`` and ``sk_test_xxx`` stay placeholders.
    """
    if "xxxx" in value.lower():
        return False
    rest = LONE_XXX.compiled.sub("", value)
    if rest == value or checks.is_reference(rest) or not checks.looks_random(rest, minimum=16):
        return False
    return not words.is_wordy(rest)


def is_blob(value: str) -> bool:
    """
    Return whether ``value`` starting with ``/`` is base64, not a file: 20 or more base64
    characters, three slashes at most, and a ``+``, ``=`` or a part of 12 or more that mixes
    upper and lower case and digits and reads as no words.
    """
    if not value.startswith("/") or value.count("/") > 3 or not BLOB.fullmatch(value):
        return False
    if "+" in value or value.endswith("="):
        return True
    longest = max(value.split("/"), key=len)
    return (
        len(longest) >= 12
        and checks.character_classes(longest) == 3
        and not words.is_wordy(longest)
    )
