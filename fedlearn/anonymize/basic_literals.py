"""A ``user:password`` literal written for HTTP Basic authentication (DESIGN.md guarantee 1).

From the lead's form probes (session 39, ``bench/probes43``): code builds a Basic credential
from one literal ``"user:V"`` that no key word names, and three places say what it is:

- a base64 encoder called on it: Python's ``base64.b64encode(b"user:V")`` (or
  ``"user:V".encode()``), JS's ``btoa("user:V")`` and ``Buffer.from("user:V").toString("base64")``,
  Go's ``base64.StdEncoding.EncodeToString([]byte("user:V"))``, Java's
  ``Base64.getEncoder().encodeToString("user:V".getBytes())``, .NET's
  ``Convert.ToBase64String(Encoding.ASCII.GetBytes("user:V"))`` (PowerShell's
  ``[Text.Encoding]::ASCII.GetBytes``), Ruby's
  ``Base64.strict_encode64("user:V")``, PHP's ``base64_encode("user:V")``;
- a shell pipe into ``base64``: ``echo -n 'user:V' | base64``, ``printf '%s' "user:V" | base64``;
- libcurl's option for it: ``CURLOPT_USERPWD``/``CURLOPT_PROXYUSERPWD`` (PHP's ``curl_setopt``,
  C's ``curl_easy_setopt``, pycurl's ``USERPWD``), and the password alone after
  ``CURLOPT_PASSWORD``/``CURLOPT_PROXYPASSWORD``/``pycurl.PASSWORD``.

The part after the first ``:`` is judged as after ``password=`` (``tables.judged``: a reference,
an empty string or the word ``password`` stays); a user part with a blank, a quote or a ``/``
(``"https://host"``, a time ``"12:30"`` has no password shape either: ``judged`` wants 4 characters)
does not make the pair.
"""

from __future__ import annotations

from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import password_value

USER = r"[A-Za-z0-9_.@+-]{1,100}"
# ``"user:V"``, maybe as bytes; the value stops at its quote.
PAIR = (
    r"(?:[bu]|\[\]byte\(|(?:\[(?:System\.)?Text\.Encoding\]::|Encoding\.)[A-Za-z0-9]{1,10}\.GetBytes\()?(?P<q>[\"'`])"
    + USER
    + (r":(?P<value>[^\"'`\\\n]{1,300})(?P=q)")
)
ENCODED = Lazy(
    r"(?:b64encode|btoa|EncodeToString|encodeToString|ToBase64String|encode64|base64_encode)"
    r"\([ \t]*" + PAIR
)
# ``Buffer.from("user:V")`` only when it becomes base64.
BUFFER = Lazy(
    r"Buffer\.from\([ \t]*" + PAIR + r"[ \t]*(?:,[ \t]*[\"'][a-z0-9-]{1,10}[\"'][ \t]*)?\)"
    r"\.toString\([ \t]*[\"']base64"
)
PIPED = Lazy(
    r"(?:echo(?:[ \t]+-[neE]{1,3})*|printf(?:[ \t]+(?:'%s'|\"%s\"))?)[ \t]+"
    r"(?P<q>[\"']?)" + USER + r":(?P<value>[^\s\"'|;&]{1,300})(?P=q)[ \t]*\|[ \t]*base64\b"
)
USERPWD = Lazy(
    r"(?:CURLOPT_|pycurl\.)(?:PROXY)?USERPWD[ \t]*,[ \t]*(?P<q>[\"'])"
    + USER
    + r":(?P<value>[^\"'\\\n]{1,300})(?P=q)"
)
PASSWORD = Lazy(
    r"(?:CURLOPT_|pycurl\.)(?:PROXY)?PASSWORD[ \t]*,[ \t]*(?P<q>[\"'])(?P<value>[^\"'\\\n]{1,300})(?P=q)"
)


def rules() -> list[Rule]:
    """Return the rule for Basic pairs; trigger and gate come from the encoders' and options' heads."""
    return [
        Rule(
            ("password",),
            tuple(
                Matcher(Lazy(pattern.pattern), judge=password_value)
                for pattern in (ENCODED, BUFFER, USERPWD, PASSWORD)
            ),
        ),
        # ``echo`` and ``printf`` are everywhere: the pipe into ``base64`` is the condition.
        Rule(
            ("password",),
            (Matcher(Lazy(PIPED.pattern), judge=password_value),),
            trigger=Trigger(words=("base64",), needs="|"),
            gate=r"(?:echo|printf)[ \t][^\n]*:[^\n]*\|[ \t]*base64",
        ),
    ]
