"""Literals code gives a secret's variable through a wrapper, a fallback or a default (DESIGN.md
guarantee 1).

``assignments`` reads ``KEY = "V"``; code also writes the literal one step away from its key:
- wrapped: ``api_key = SecretStr("V")``, ``password = SecretString::new("V".into())``, ``token =
  ["V"]``, ``client_secret = ("V",)``, ``new Secret("V")``; and R's ``api_key <- "V"`` (an
  assignment with no wrapper too);
- a fallback: ``os.getenv("PASSWORD") or "V"``, ``process.env.API_KEY || 'V'``, ``?? "V"``,
  ``?: 'V'`` (the key is what the expression before the operator reads last);
- a call's default: ``config("API_KEY", default="V")``, ``env.str("PASSWORD", default="V")``,
  ``add_argument("--api-key", type=str, default="V")``, ``@click.option("--db-pass",
  default="V")`` (the key is the call's first string).
The literal is judged as if assigned to the key (``tables.judged``); through a wrapper or a
fallback it must also read generated (``key_names.reads_generated``, no name), so a prompt
(``password = input("Password: ")``), an environment variable's name (``token =
os.environ.get("GITHUB_TOKEN")``) or a store's path (``get_secret("prod/db-password")``) stays.
From the lead's probe of code idioms with random values (session 36).
"""

from __future__ import annotations

import re

from fedlearn.anonymize.assignments import key_before
from fedlearn.anonymize.key_names import NAMES, reads_drawn
from fedlearn.anonymize.per_text import line_start
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged
from fedlearn.anonymize.wrapped import GETTER

# A string literal, with Python's prefixes (``f"…"``, ``b'…'``, ``r"…"``).
QUOTED = r"(?P<prefix>[rbfuRBFU]{1,2})?(?P<q>[\"'`])(?P<value>[^\"'`\n\\]{1,300})(?P=q)"
# ``=`` (not ``==``, ``<=``…) or R's ``<-``/``<<-``, then a wrapper: a call (``new`` before it),
# ``::new(``, or an opening bracket; the literal is its only or first argument.
WRAPPED = (
    r"[ \t]*(?P<wrap>(?:new[ \t]+)?[A-Za-z_][A-Za-z0-9_.:]{0,80}[ \t]*\([ \t]*|[\[(][ \t]*)?"
    + QUOTED
    + r"(?=[ \t]*(?:[)\],;]|\.into\(\)|\r?\n|\Z))"
)
# ``=`` (not ``==``, ``<=``, ``+=``…: checked after the literal, so the engine skips to it) or
# R's ``<-``/``<<-``.
ASSIGNED = Lazy(r"=(?<![=!<>+*/%&|^-]=)(?![=>])" + WRAPPED)
ARROW = Lazy(r"(?P<arrow><<?-)(?!-)" + WRAPPED)
FALLBACK = Lazy(r"(?:\|\||\?\?|\?:|(?<=[ \t)\]])or)[ \t]*" + QUOTED)
# What an expression before a fallback reads last: a name, or a string in a call or index.
READ_LAST = Lazy(r"(?P<key>[A-Za-z_][A-Za-z0-9_.-]{0,80})(?:\(\))?[\"']?[ \t]*[)\]]*[ \t]*\Z")
DEFAULT = Lazy(
    r"[\"'](?P<key>[A-Za-z0-9_.-]{1,80})[\"'][ \t]*,[^()\n]{0,80}?"
    r"(?<![A-Za-z0-9_])(?:default(?:_?value|Value)?|fallback)[ \t]*[=:][ \t]*" + QUOTED
)
SEGMENT = re.compile(r"[.:]")
# A test's expectation on a value (``expect(token).toBe("V")``, ``assertThat(k).isEqualTo("V")``)
# and a stub's answer (``when(cfg.getPassword()).thenReturn("V")``, ``mock.api_key.return_value
# = "V"``, jest's ``mockReturnValue``, RSpec's ``and_return``, Moq's ``Returns``): the key is what
# the expression before reads last.
EXPECTED = Lazy(
    r"\.(?:to(?:Be|Equal|StrictEqual)|to\.(?:equal|eql|eq|be)|should\.(?:equal|eql|eq)"
    r"|isEqualTo|shouldBe|shouldEqual|thenReturn|mockReturnValue(?:Once)?|mockResolvedValue"
    r"|and_return|[Rr]eturns|return_value[ \t]*=)[ \t]*\(?[ \t]*" + QUOTED
)
EXPECTED_WORDS = (
    *("tobe", "toequal", "tostrictequal", "to.", "should.", "shouldbe", "shouldequal"),
    *("isequalto", "thenreturn", "mockreturnvalue", "mockresolvedvalue", "and_return"),
    *("returns", "return_value"),
)
# An assertion comparing a name with a literal, either order (Go's testify passes ``t`` first):
# ``assertEquals("V", password)``, ``assert_eq!(token, "V")``, ``assert.Equal(t, "V", token)``.
ASSERTED = Lazy(
    r"assert(?:_eq!|[A-Za-z_.]{0,20})\([ \t]*(?:t[ \t]*,[ \t]*)?(?:"
    + QUOTED
    + r"[ \t]*,[ \t]*(?P<after>[A-Za-z_][A-Za-z0-9_.]{0,80})(?:\(\))?[ \t]*[,)]"
    r"|(?P<before>[A-Za-z_][A-Za-z0-9_.]{0,80})(?:\(\))?[ \t]*,[ \t]*"
    + QUOTED.replace("<prefix>", "<prefix2>")
    .replace("<q>", "<q2>")
    .replace("<value>", "<value2>")
    .replace("(?P=q)", "(?P=q2)")
    + r")"
)


def is_lookup(wrapper: str) -> bool:
    """Return whether a wrapper call looks its value up by what it is given (``wrapped.GETTER``:
    ``store.load_value(ID)``, ``vault.read(PATH)``), holding no secret itself."""
    name = wrapper.rstrip(" \t(").rpartition(".")[2].rpartition("::")[2]
    return bool(GETTER.compiled.match(name))


def assigned(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a literal wrapped for, or R-assigned to, a secret's key."""
    wrapped = match.group("wrap") is not None or match.group("prefix") is not None
    if match.groupdict().get("arrow") is None and not wrapped:
        return None  # ``KEY = "V"``: ``assignments``' own
    key, _ = key_before(text, match.start())
    value = match.group("value")
    if wrapped and (not reads_drawn(value) or is_lookup(match.group("wrap") or "")):
        return None
    return judged(SEGMENT.split(key)[-1], value, match.end("value"))


def read_before(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """
    Return the span and rule of a literal after an expression that reads a secret last: a
    fallback's (``os.getenv("PASSWORD") or "V"``), a test's expectation or a stub's answer
    (``expect(token).toBe("V")``, ``when(cfg.getPassword()).thenReturn("V")``).
    """
    start = max(line_start(text, match.start()), match.start() - 200)
    read = READ_LAST.compiled.search(text, start, match.start())
    value = match.group("value")
    if read is None or not reads_drawn(value):
        return None
    return judged(SEGMENT.split(read.group("key"))[-1], value, match.end("value"))


def asserted(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a literal an assertion compares with a secret's name."""
    value, group = ("value", "after") if match.group("value") is not None else ("value2", "before")
    if not reads_drawn(match.group(value)):
        return None
    return judged(SEGMENT.split(match.group(group))[-1], match.group(value), match.end(value))


def defaulted(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a call's default literal for a key that names a secret."""
    return judged(match.group("key"), match.group("value"), match.end("value"))


def rules() -> list[Rule]:
    """Return the rules for literals given to a secret's variable one step from its key."""
    return [
        Rule(
            NAMES,
            (
                Matcher(Lazy(ASSIGNED.pattern), judge=assigned),
                Matcher(Lazy(ARROW.pattern), judge=assigned),
            ),
            trigger=Trigger(words=("=", "<-")),
            # What ``assigned`` keeps after ``=``: a wrapper, then its literal's quote (``=
            # SecretStr("``), or a prefixed literal (``= b"``); a plain call (``= Client(url=``)
            # or ``= "V"`` alone is refused there.
            gate=(
                r"(?:<-|=[ \t]*(?:(?:(?:new[ \t]+)?[A-Za-z_][A-Za-z0-9_.:]*[ \t]*\(|[\[(])"
                r"[ \t]*[rbfuRBFU]{0,2}|[rbfuRBFU]{1,2})[\"'`])"
            ),
        ),
        Rule(
            NAMES,
            (Matcher(Lazy(FALLBACK.pattern), judge=read_before),),
            trigger=Trigger(words=("||", "??", "?:", " or", "\tor", ")or", "]or")),
            gate=r"(?:\|\||\?\?|\?:|[ \t)\]]or)[ \t]*[rbfuRBFU]{0,2}[\"'`]",
        ),
        Rule(
            NAMES,
            (Matcher(Lazy(EXPECTED.pattern), judge=read_before),),
            trigger=Trigger(words=EXPECTED_WORDS, lower=True),
            gate=(
                r"(?i)\.(?:to\.?(?:be|equal|eql|eq|strictequal)|should\.?(?:be|equal|eql|eq)|isequalto"
                r"|thenreturn|mock(?:returnvalue|resolvedvalue)|and_return|returns|return_value)"
            ),
        ),
        Rule(
            NAMES,
            (Matcher(Lazy(ASSERTED.pattern), judge=asserted),),
            trigger=Trigger(words=("assert",), lower=True),
            gate=r"assert(?:_eq!|[A-Za-z_.]*)\(",
        ),
        Rule(
            NAMES,
            (Matcher(Lazy(DEFAULT.pattern), judge=defaulted),),
            trigger=Trigger(words=("default", "fallback"), lower=True),
            gate=r"(?i)(?:default(?:_?value)?|fallback)[ \t]*[=:][ \t]*[rbfu]{0,2}[\"'`]",
        ),
    ]
