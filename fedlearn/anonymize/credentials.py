"""Secret rules for credentials with a recognizable shape: cloud, VCS, package, AI, chat tokens.

Each rule is named after what it finds; the name is its placeholder (``<redacted:github-token>``),
its count in the sync summary, and what ``[anonymize] disable`` takes. Patterns start with the
token's literal prefix; ``bounded`` checks that the token does not start inside a longer run and
that its body is no placeholder's fill (``ghp_XXXX…``, ``hf_xxxx…``: ``is_filled``).
"""

from __future__ import annotations

import re

from fedlearn.anonymize import checks, joined_words, words
from fedlearn.anonymize.rules import Check, Lazy, Many, Matcher, Rule, Span, Trigger, secret

TOKEN_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
# A token ends where token characters do, with the run of a mask character that may close it
# (``xoxp-…-572331691188-####…``: judged with it, as its fill, by ``is_filled``); fewer than 4
# are markup (``**ghp_…**``).
END = r"(?:[#*\u2022]{4,})?(?![A-Za-z0-9_-])"
MASK_RUN = Lazy(r"[#*\u2022]{4,}\Z")
# A token masked after its ids: its prefix, parts of digits only, the mask
# (``xoxp-<team>-<user>-<id>-####…``: the drawn part is the one masked).
MASKED_AFTER_IDS = Lazy(r"(?:[A-Za-z]+\.)?[A-Za-z]+[_-](?:[0-9]+[_-])+[#*\u2022]{4,}\Z")
# A token's body filled with one placeholder character after its prefix's last ``_`` or ``-``.
FILL_BODY = Lazy(r"[_-](?:X{16,}|x{16,})\Z")

# A trigger shared by several rules (the literal prefixes of their tokens).
CAPITAL_A = Trigger(patterns=(Lazy(r"A(?:KIA|SIA|BIA|CCA|3T|Iza|TBB|TATT3|TCTT3|AAA)"),))
# A token's literal prefix is its trigger: a run after the prefix may hold dashes, so a shared
# "16 token characters after a dash" pre-check would miss ``glpat-ab-cd…`` that the gate finds.
GITLAB_KINDS = ("pat", "dt", "rt", "ptt", "cbt", "oas", "soat", "imt", "agent", "ffct", "ft", "wt")
SK_DASH = Trigger(words=("sk-",))


def starts_run(match: re.Match[str], text: str) -> bool:
    """Return whether the match starts a run of token characters (is no tail of a longer one)."""
    start = match.start()
    return start == 0 or text[start - 1] not in TOKEN_CHARACTERS


def bounded(check: Check | None = None) -> Check:
    """Return a check that the match starts a token run, is not filled in, passes ``check``."""

    def bounded_check(match: re.Match[str], text: str) -> bool:
        if not starts_run(match, text) or is_filled(match.group()):
            return False
        return check is None or check(match, text)

    return bounded_check


def is_filled(token: str) -> bool:
    """
    Return whether a token is a placeholder's fill rather than a drawn token: its body (last
    ``_`` or ``-`` part) is 16 or more of one ``X`` or ``x`` (``ghp_XXXX…``, ``hf_xxxx…``); or one
    character, either case, fills it (12 or more of it, twice as many as all its other letters and
    digits: ``glpat-XXXXXXXXXXX-XXXXXXXX``, ``s.xxxx…``, ``sntryu_aaaa…``, ``glc_1111…=``); or it
    counts (10 or more letters or digits in a row, each the one after the last: ``…abcdefghij…``,
    ``ntn_1234567890…``), as documentation and test fixtures write one. A closing run of a mask
    character (``#``, ``*``, ``•``) counts as that one character: a token masked whole
    (``xoxb-1-################``) is a fill, and so is one with only its ids (digit parts) left
    before the mask (``xoxp-<3 ids>-####…``); one with drawn parts left (``xoxb-<id>-Hq2L…****``)
    is redacted whole, its mask with it (no ``<redacted:…>****`` left).
    """
    if FILL_BODY.compiled.search(token) is not None:
        return True
    if MASKED_AFTER_IDS.compiled.match(token) is not None:
        return True
    return checks.is_fill(MASK_RUN.compiled.sub(lambda run: "X" * len(run.group()), token))


def token(*patterns: str, check: Check | None = None) -> tuple[Matcher, ...]:
    """Return a matcher per token shape; each pattern starts with the token's literal prefix."""
    return tuple(Matcher(Lazy(pattern + END), bounded(check)) for pattern in patterns)


def no_example(match: re.Match[str], text: str) -> bool:
    """Return whether the match is not a documentation example (``AKIAIOSFODNN7EXAMPLE``)."""
    return "EXAMPLE" not in match.group().upper()


def no_key_example(match: re.Match[str], text: str) -> bool:
    """Return whether an access key id is no example: ``AKIAIOSFODNN7EXAMPLE``, ``AKIAXXXX…``."""
    return no_example(match, text) and len(set(match.group()[4:])) > 2


def generated_body(match: re.Match[str], text: str) -> bool:
    """Return whether a token's body (past its prefix) reads as generated, not as a name."""
    return words.is_token_body(match.group().split("_", 1)[-1].removeprefix("org_"))


def slack_body(match: re.Match[str], text: str) -> bool:
    """
    Return whether a Slack token's body (past ``xoxb-``, ``xoxe.xoxp-``) reads as generated:
    ids and drawn parts (``1-duoQafkHC``), not words (``1-initial``, ``my-bot-token``). A bot,
    user or refresh token (``xoxb-``, ``xoxp-``, ``xoxe-``) is a team id and more parts, 20
    characters or more: one number or a short pair (``xoxp-1234567890``, ``xoxb-12345-abcd234``)
    is an example cut short, which holds no secret.
    """
    kind, body = match.group().split("-", 1)
    if kind in ("xoxb", "xoxp", "xoxe") and ("-" not in body.rstrip("-") or len(body) < 20):
        return False
    return words.is_token_body(body)


def openai_shaped(match: re.Match[str], text: str) -> bool:
    """
    Return whether an ``sk-`` token is OpenAI's (Anthropic's start ``sk-ant-``).

    A short one needs a digit (``sk-learn-with-examples`` is prose); a long one does not.
    """
    token = match.group()
    if token.startswith("sk-ant-") or not no_example(match, text):
        return False
    return len(token) >= 35 or any(c.isdigit() for c in token)


def shape(
    name: str,
    *patterns: str,
    trigger: Trigger | None = None,
    check: Check | None = None,
    gate: str | None = None,
) -> Rule:
    """
    Return the rule of a token shape; its patterns are also its RE2 gate unless ``gate`` is.

    Without a ``trigger`` the rule's is its patterns' literal prefixes (``rules.derived``).
    """
    gate = gate or "|".join(patterns)
    return secret(name, *token(*patterns, check=check), gate=gate, trigger=trigger)


def discord_span(match: re.Match[str], text: str) -> Span | None:
    """Return the bot token around its first dot (``<base64 id>.<6>.<27 to 40>``), or None."""
    start = match.start()
    first = start
    while first > 0 and text[first - 1] in TOKEN_CHARACTERS and start - first < 28:
        first -= 1
    if not 23 <= start - first <= 27 or text[first] not in "MNO":
        return None
    if first > 0 and text[first - 1] in TOKEN_CHARACTERS:
        return None
    # Real tokens start with a base64 Discord id; the three-part shape alone is distinctive enough
    # when the whole is varied like a generated token.
    whole = text[first : match.end()]
    if checks.is_snowflake(text[first:start]) or checks.character_classes(whole) >= 3:
        return first, match.end()
    return None


def telegram_span(match: re.Match[str], text: str) -> Span | None:
    """Return the bot token (``<bot id>:AA…``) around its ``:AA`` when 8 to 10 digits precede."""
    first = match.start()
    while first > 0 and text[first - 1].isdigit():
        first -= 1
    digits = match.start() - first
    in_url = text.endswith("/bot", 0, first)
    if not 8 <= digits <= 10 or (first > 0 and text[first - 1] in TOKEN_CHARACTERS and not in_url):
        return None
    return first, match.end()


def azure_secret_span(match: re.Match[str], text: str) -> Span | None:
    """Return an Azure AD client secret (``abc8Q~…``) around its ``Q~``, unless a fill
    (``bP88Q~xxxx…``: ``is_filled``, as every token shape's)."""
    first = match.start() - 4
    if first < 0 or not text[first + 3].isdigit():
        return None
    if any(c not in TOKEN_CHARACTERS and c not in "~." for c in text[first : first + 3]):
        return None
    if first > 0 and (text[first - 1] in TOKEN_CHARACTERS or text[first - 1] in "~."):
        return None
    return None if is_filled(text[first : match.end()]) else (first, match.end())


# A run of base64 as long as half a PEM line: key material, not ``anything`` or ``...``.
KEY_BODY = Lazy(r"[A-Za-z0-9+/=]{32}")
# The lines of base64 (8 characters or more each) right above a private key's END line, whose
# BEGIN line the text does not hold (a cut, a scrolled terminal): the key's tail.
KEY_TAIL = (
    r"(?m)^(?P<body>(?:[ \t]*[A-Za-z0-9+/=]{8,}[ \t]*\r?\n)+)"
    r"[ \t]*-----END[A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?-----"
)


def has_key_body(match: re.Match[str], text: str) -> bool:
    """
    Return whether a private key block holds key material: a run of 32 or more base64
    characters between its lines (a PEM line has 64, OpenSSH's 70; an Ed25519 key's whole body is
    one). ``-----BEGIN PRIVATE KEY-----\\nanything\\n-----END…`` and an empty block are documentation;
    a truncated key (no END) with such a run is a key.
    """
    return KEY_BODY.compiled.search(match.group("body")) is not None


PROVIDER = Lazy(
    r"(?:cohere|mistralai|mistral|together|groq|openai|anthropic|replicate)\.(?:Async)?\Z", re.I
)


def after_provider(match: re.Match[str], text: str) -> bool:
    """Return whether ``Client(`` is called on an AI provider's module (``cohere.Client("…")``)."""
    return PROVIDER.search(text, max(0, match.start() - 24), match.start()) is not None


def shaped() -> list[Rule]:
    """Return the rules for secrets with a recognizable shape, most specific first."""
    return [
        secret(
            "private-key",
            Matcher(
                Lazy(
                    r"-----BEGIN[A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?-----"
                    r"(?P<body>[A-Za-z0-9+/=\s\\:,.()_-]*?)"
                    r"(?:-----END[A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?-----"
                    r"|(?![A-Za-z0-9+/=\s\\:,.()_-]))"
                ),
                has_key_body,
            ),
            gate=r"-----BEGIN[A-Z0-9 ]{0,30}PRIVATE KEY",
            trigger=Trigger(words=("PRIVATE KEY",)),
        ),
        secret(
            "private-key",
            # A key's tail cut from its BEGIN line: the base64 lines right above its END line.
            Matcher(Lazy(KEY_TAIL), has_key_body),
            gate=r"\n[ \t]*-----END[A-Z0-9 ]{0,30}PRIVATE KEY",
            trigger=Trigger(words=("PRIVATE KEY",)),
        ),
        shape(
            "jwt",
            r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*){0,3}",
            trigger=Trigger(words=("eyJ",)),
        ),
        shape(
            "aws-access-key",
            r"A(?:KIA|SIA|BIA|CCA|3T[A-Z0-9])[A-Z0-9]{16}",
            trigger=CAPITAL_A,
            check=no_key_example,
        ),
        shape("google-api-key", r"AIza[0-9A-Za-z_-]{35}", trigger=CAPITAL_A, check=no_example),
        shape("google-oauth", r"GOCSPX-[A-Za-z0-9_-]{28}", trigger=Trigger(words=("GOCSPX-",))),
        shape("bitbucket-token", r"AT(?:BB|CTT3)[A-Za-z0-9_=.-]{28,}", trigger=CAPITAL_A),
        shape("atlassian-token", r"ATATT3[A-Za-z0-9_=.-]{30,}", trigger=CAPITAL_A),
        shape(
            "github-token",
            r"gh[pousr]_[A-Za-z0-9]{30,255}",
            r"github_pat_[A-Za-z0-9_]{30,255}",
            # {30,255} would cost RE2 2 ms to compile; a gate only needs to hold every match.
            gate=r"gh[pousr]_[A-Za-z0-9]{30}|github_pat_[A-Za-z0-9_]{30}",
        ),
        shape(
            "gitlab-token",
            r"gl(?:pat|dt|rt|ptt|cbt|oas|soat|imt|agent|ffct|ft|wt)-[A-Za-z0-9_=-]{20,}"
            r"(?:\.[0-9a-z]{2}\.[a-z0-9]{9})?",
            trigger=Trigger(words=tuple(f"gl{kind}-" for kind in GITLAB_KINDS)),
            check=joined_words.drawn_body,
        ),
        shape("anthropic-key", r"sk-ant-[a-z]{2,10}[0-9]{2}-[A-Za-z0-9_-]{20,}", trigger=SK_DASH),
        shape(
            "openai-key",
            r"sk-(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,}",
            trigger=SK_DASH,
            check=openai_shaped,
        ),
        shape(
            "huggingface-token",
            r"hf_[A-Za-z0-9]{30,}",
            r"api_org_[A-Za-z0-9]{30,}",
            trigger=Trigger(words=("hf_", "api_org_")),
            check=generated_body,
        ),
        shape("groq-key", r"gsk_[A-Za-z0-9]{40,}", trigger=Trigger(words=("gsk_",))),
        shape("replicate-token", r"r8_[A-Za-z0-9]{30,}", trigger=Trigger(words=("r8_",))),
        shape("perplexity-key", r"pplx-[A-Za-z0-9]{40,}", trigger=Trigger(words=("pplx-",))),
        shape("together-key", r"tgp_v1_[A-Za-z0-9_-]{30,}", trigger=Trigger(words=("tgp_v1_",))),
        shape("npm-token", r"npm_[A-Za-z0-9]{36}", trigger=Trigger(words=("npm_",))),
        shape("pypi-token", r"pypi-AgE[A-Za-z0-9_-]{50,}", trigger=Trigger(words=("pypi-AgE",))),
        shape(
            "slack-token",
            r"(?:xoxe\.)?xox[abposrce]-[A-Za-z0-9-]{8,}",
            r"xapp-[0-9]+-[A-Za-z0-9/+-]{10,}",
            trigger=Trigger(words=("xox", "xapp-")),
            check=slack_body,
        ),
        secret(
            "slack-webhook",
            Matcher(
                Lazy(
                    r"hooks\.slack\.com/(?:services|workflows|triggers)/(?P<value>[A-Za-z0-9_/+]{16,})"
                )
            ),
            gate=r"hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/+]{16}",
        ),
        secret(
            "discord-webhook",
            Matcher(Lazy(r"discord(?:app)?\.com/api/webhooks/(?P<value>[0-9]+/[A-Za-z0-9_-]+)")),
            gate=r"discord(?:app)?\.com/api/webhooks/[0-9]+/[A-Za-z0-9_-]",
        ),
        secret(
            "discord-token",
            Matcher(Lazy(r"\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}" + END), widen=discord_span),
            # At a run's start only (``discord_span``): an M, N or O anywhere in a run started a
            # count at each, and their offsets multiplied the RE2 set's states (~24 MB).
            gate=r"(?:^|[^A-Za-z0-9_-])[MNO][A-Za-z0-9_-]{22,26}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27}",
            trigger=Trigger(patterns=(Many(Lazy(r"\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27}"), 2),)),
        ),
        secret(
            "telegram-bot-token",
            Matcher(Lazy(r":AA[A-Za-z0-9_-]{33}" + END), widen=telegram_span),
            # Not the bot id's ``[0-9]{8}``: digit counts in the set multiply the automaton's
            # states with the card's and phone's (a cold sync pays for each one it meets).
            gate=r":AA[A-Za-z0-9_-]{33}",
            trigger=Trigger(words=(":AA",)),
        ),
        shape(
            "stripe-key",
            r"sk_(?:live|test)_[A-Za-z0-9]{20,}",
            r"rk_(?:live|test)_[A-Za-z0-9]{20,}",
            r"whsec_[A-Za-z0-9]{32,}",
        ),
        shape(
            "age-secret-key",
            r"AGE-SECRET-KEY-1[0-9A-Z]{58}",
            trigger=Trigger(words=("AGE-SECRET-KEY-1",)),
        ),
        secret(
            "azure-sas",
            Matcher(Lazy(r"sig=(?P<value>[A-Za-z0-9%+/=]{20,})"), starts_run),
            gate=r"sig=[A-Za-z0-9%+/=]{20}",
            trigger=Trigger(words=("sig=",)),
        ),
        secret(
            "azure-client-secret",
            Matcher(Lazy(r"Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])"), widen=azure_secret_span),
            gate=r"[0-9]Q~[A-Za-z0-9_~.-]{31}",
            trigger=Trigger(words=("Q~",)),
        ),
        secret(
            "provider-key",
            Matcher(
                Lazy(r"Client(?:V2)?\([ \t]*[\"'](?P<value>[A-Za-z0-9_-]{20,})[\"']"),
                after_provider,
            ),
            gate=r"\.(?:Async)?Client(?:V2)?\([ \t]*[\"'][A-Za-z0-9_-]{20}",
            trigger=Trigger(words=("Client(",)),
        ),
        shape(
            "password-hash",
            r"\$(?:1|2[abxy]?|5|6|7|8|9|y|gy|apr1|argon2(?:id|i|d))\$[./A-Za-z0-9$=,+]{20,}",
            r"\$krb5(?:asrep|tgs)\$23\$[A-Za-z0-9./:@_$*-]{40,}",
            r"pbkdf2_sha(?:1|256|512)\$[0-9]{4,7}\$[A-Za-z0-9./+]{4,64}\$[A-Za-z0-9./+]{20,}=*",
            r"\{(?:SSHA|SSHA256|SSHA512|SMD5|SHA|SHA256|SHA512)\}[A-Za-z0-9+/]{20,}=*",
            trigger=Trigger(words=("$", "{S")),
            # The first two patterns whole, the others by their heads: long counted runs would
            # swell the RE2 set's automaton.
            gate=r"\$(?:1|2[abxy]?|5|6|7|8|9|y|gy|apr1|argon2(?:id|i|d))\$[./A-Za-z0-9$=,+]{20,}"
            r"|\$krb5(?:asrep|tgs)\$23\$[A-Za-z0-9./:@_$*-]{40,}"
            r"|pbkdf2_sha(?:1|256|512)\$[0-9]{4}|\{S(?:SHA|MD5|HA)[0-9]{0,3}\}[A-Za-z0-9+/]{4}",
        ),
    ]
