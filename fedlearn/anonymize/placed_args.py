"""A secret given to a library call by its place in the call's signature (DESIGN.md guarantee 1).

From the lead's form probes (session 39, ``bench/probes43``): many calls take a secret as a
positional argument that no key word names, and their signatures are public facts, like a
command's flags. The argument in that place, a string literal, is judged as after the key the
place stands for (``tables.judged``):

- a signing or encryption key, judged as after ``secret=``: ``jwt.encode(p, "V", …)``,
  ``jwt.sign``/``verify``/``decode``, Ruby's and PHP's ``JWT.encode``/``JWT::encode``, jjwt's
  ``.signWith(alg, "V")``, Go's ``.SignedString([]byte("V"))``, ``hmac.new(b"V", …)``, Go's
  ``hmac.New(h, []byte("V"))``, Node's ``crypto.createHmac(alg, "V")`` and
  ``createCipheriv(alg, Buffer.from("V"), iv)``, PHP's ``hash_hmac(alg, data, "V")``, Ruby's
  ``OpenSSL::HMAC.hexdigest(alg, "V", data)``, Java's ``new SecretKeySpec("V".getBytes(), …)``,
  ``Fernet(b"V")``, PyCryptodome's ``AES.new(b"V", …)`` or ``AES.new(key=b"V", …)``, Express's
  ``cookieParser("V")``;
- a password, judged as after ``password=``: ``pika.PlainCredentials(user, "V")``,
  ``cx_Oracle.connect(user, "V", dsn)``, python-ldap's ``bind_s(dn, "V")``,
  ``simple_bind_s(dn, "V")``, ``*.login(user, "V")`` of two arguments (smtplib, ftplib,
  imaplib), JDBC's ``DriverManager.getConnection(url, user, "V")``, ``new Sequelize(db, user,
  "V", …)``, PHP's ``new PDO(dsn, user, "V")``, ``new mysqli(host, user, "V", …)``,
  ``mysqli_connect``, Go's ``smtp.PlainAuth(id, user, "V", host)``, ftplib's ``FTP(host, user,
  "V")``, JNDI's ``Context.SECURITY_CREDENTIALS, "V"``;
- a vendor's API key, judged as after ``api_key=`` (it must read as drawn): Stripe's ``new
  Stripe("V")``/``StripeClient``, Twilio's ``new Twilio(sid, "V")``/``Twilio.init``/
  ``TwilioClient.Init``/``Twilio::REST::Client.new``, SendGrid's ``SendGridAPIClient("V")``/
  ``SendGridClient``, PyGithub's ``Github("V")``, Slack's ``WebClient("V")``/``slack.New``,
  ``telebot.TeleBot("V")``, OpenAI's ``OpenAIClient``/``OpenAiService``/``openai.NewClient``/
  ``OpenAI::client``, ``Mixpanel.init("V")``;
- a Twilio auth token right after its account SID literal (``Client("AC<32 hex>", "V")``),
  judged as after ``api_key=``;
- an AWS secret access key right after its access key id in one argument list
  (``NewStaticCredentials("AKIA…", "V", "")``, ``new BasicAWSCredentials("AKIA…", "V")``,
  ``Aws::Credentials.new('AKIA…', 'V')``), judged as after ``aws_secret_access_key=``.

The arguments before the secret's place are literals, names, dotted or called expressions, or a
bracketed literal (``{ sub: id }``); a name, a reference (``"${DB_PASS}"``) or an empty string in
the place itself is no secret literal and stays. The value may be wrapped as its language passes
bytes (``b"V"``, ``[]byte("V")``, ``Buffer.from("V")``, ``"V".encode()``, ``"V".getBytes()``).
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names, words
from fedlearn.anonymize.rules import Judge, Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged, password_value

# One argument before the secret's place: a literal, a bracketed literal, or an expression
# without quotes or brackets (maybe one call's parentheses: ``Keys.hmac(...)``).
ARGUMENT = (
    r"(?:\"[^\"\\\n]{0,200}\"|'[^'\\\n]{0,200}'|`[^`\\\n]{0,200}`|\{[^{}\n]{0,200}\}|"
    r"\[[^\[\]\n]{0,200}\]|[^,(){}\[\]\"'`\n]{1,200}(?:\([^()\n]{0,200}\))?)"
)
NEXT = r"[ \t]*,[ \t\r\n]*"
# The value, maybe as its language's bytes, then the end of the argument.
VALUE = (
    r"(?:key[ \t]*=[ \t]*)?(?:\[\]byte\(|Buffer\.from\()?(?:[bru]|rb|br)?"
    r"(?P<q>[\"'`])(?P<value>[^\"'`\\\n]{1,300})(?P=q)"
    r"(?:\.(?:encode|getBytes)\([^()\n]{0,40}\)|\))?[ \t\r\n]*[,)]"
)

# The callees by the secret's place (0: the first argument) and the key it is judged under.
SECRET_CALLS = {
    0: (
        r"hmac\.new|SecretKeySpec|Fernet|(?:AES|DES3?|ChaCha20|Salsa20|Blowfish|ARC4)\.new|"
        r"cookieParser|\.SignedString"
    ),
    1: (
        r"(?:jwt|JWT)(?:\.|::)(?:encode|decode|sign|verify)|\.signWith|hmac\.New|"
        r"create(?:Hmac|Cipheriv|Decipheriv)|HMAC\.(?:hexdigest|digest|base64digest)"
    ),
    2: r"hash_hmac",
}
PASSWORD_CALLS = {
    1: (
        r"PlainCredentials|(?:cx_Oracle|oracledb)\.connect|simple_bind_s|\.bind_s|"
        r"Credentials\.basic|\.auth\(\)(?:\.preemptive\(\))?\.basic"
    ),
    2: (
        r"DriverManager\.getConnection|new Sequelize|new PDO|new mysqli|mysqli_connect|"
        r"smtp\.PlainAuth|ftplib\.FTP|(?<![\w.])FTP(?:_TLS)?"
    ),
}
API_KEY_CALLS = {
    0: (
        r"new Stripe|StripeClient|SendGridAPIClient|SendGridClient|(?<![\w.])Github|"
        r"(?<![\w.])WebClient|slack\.New|TeleBot|OpenAIClient|OpenAiService|openai\.NewClient|"
        r"OpenAI::client|Mixpanel\.init|cohere\.Client"
    ),
    1: (
        r"new Twilio|Twilio\.init|TwilioClient\.Init|Twilio::REST::Client\.new|"
        r"require\([\"']twilio[\"']\)|Amplitude\.getInstance\(\)\.initialize"
    ),
}
# A login call of exactly two arguments: smtplib's, ftplib's, imaplib's ``.login(user, "V")``.
LOGIN = Lazy(r"\.login\([ \t]*" + ARGUMENT + NEXT + VALUE.removesuffix("[,)]") + r"\)")
# Guzzle's ``'auth' => ['user', 'V']`` and Faraday's ``:basic, 'user', 'V'``: a user then the password.
BASIC_LIST = Lazy(
    r"(?:[\"']auth[\"'][ \t]*=>[ \t]*\[|:basic[ \t]*,)[ \t]*(?P<uq>[\"'])[^\"'\\\n]{1,100}(?P=uq)"
    + NEXT
    + r"(?P<q>[\"'])(?P<value>[^\"'\\\n]{1,300})(?P=q)[ \t]*[\]},)\n]"
)
# JNDI's environment entry: ``env.put(Context.SECURITY_CREDENTIALS, "V")``.
JNDI = Lazy(r"SECURITY_CREDENTIALS" + NEXT + VALUE)
# pexpect's reply: ``child.sendline("V")`` (the prompt it expected is checked by ``replied``).
SENDLINE = Lazy(r"\.sendline\([ \t]*" + VALUE.removesuffix("[,)]") + r"\)")
# A password prompt on the reply's line or the line before (``child.expect("Password:")``).
PROMPT = Lazy(r"(?i:assword|passphrase)")
PROMPT_WINDOW = 300  # the prompt is looked for this far back at most (a long line's replies)
# A Twilio account SID literal, then the account's auth token literal (``Client("AC…", "V")``).
TWILIO_PAIR = Lazy(
    r"(?<=[\"'])AC[0-9a-f]{32}[\"']" + NEXT + r"(?P<q>[\"'])(?P<value>[^\"'\\\n]{1,300})(?P=q)"
)
# Lower-case words and digits joined by ``-``: a region (``ap-south-1``) or a bucket, no key.
KEBAB = Lazy(r"[a-z0-9]+(?:-[a-z0-9]+)+")
# An AWS access key id literal, then the secret access key literal.
AWS_PAIR = Lazy(
    r"(?<=[\"'])(?:AKIA|ASIA)[A-Z0-9]{16}[\"']"
    + NEXT
    + r"(?P<q>[\"'])(?P<value>[^\"'\\\n]{1,300})(?P=q)"
)


def call_pattern(callees: str, place: int) -> Lazy:
    """Return the pattern of a call of ``callees`` with a literal at argument ``place``."""
    return Lazy(rf"(?:{callees})\([ \t\r\n]*" + (ARGUMENT + NEXT) * place + VALUE)


def judge_as(key: str) -> Judge:
    """Return a judge of the placed literal as after ``key=``."""

    def placed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
        """Return the span and rule of the literal in a call's secret place, or None."""
        return judged(key, match.group("value"), match.end("value"))

    return placed


def replied(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of pexpect's reply when a password prompt is on its line or the one before."""
    start = match.start()
    line = text.rfind("\n", 0, start)
    before = text.rfind("\n", 0, line) if line > 0 else -1
    if PROMPT.compiled.search(text, max(before + 1, start - PROMPT_WINDOW), start) is None:
        return None
    return password_value(match, text)


def aws_secret(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of the literal after an AWS key id when it reads as drawn (no region, bucket)."""
    value = match.group("value")
    if KEBAB.compiled.fullmatch(value) or words.is_named(value):
        return None  # a region, a bucket, a profile's name
    if not key_names.reads_generated(value, 8):
        return None
    return judged("aws_secret_access_key", value, match.end("value"))


def matchers(calls: dict[int, str], key: str) -> list[Matcher]:
    """Return one matcher per place of ``calls``, judged under ``key``."""
    judge = judge_as(key)
    return [Matcher(call_pattern(callees, place), judge=judge) for place, callees in calls.items()]


def rules() -> list[Rule]:
    """Return the rules for secrets placed in a call's signature; trigger and gate come from the callees' literal heads."""
    password = judge_as("password")
    return [
        Rule(("secret",), tuple(matchers(SECRET_CALLS, "secret"))),
        Rule(
            ("password",),
            (
                *matchers(PASSWORD_CALLS, "password"),
                Matcher(Lazy(LOGIN.pattern), judge=password),
                Matcher(Lazy(JNDI.pattern), judge=password),
                Matcher(Lazy(BASIC_LIST.pattern), judge=password),
                Matcher(Lazy(SENDLINE.pattern), judge=replied),
            ),
        ),
        Rule(("api-key",), tuple(matchers(API_KEY_CALLS, "api_key"))),
        Rule(
            ("aws-secret-key",),
            (Matcher(Lazy(AWS_PAIR.pattern), judge=aws_secret),),
        ),
        Rule(
            ("api-key",),
            (Matcher(Lazy(TWILIO_PAIR.pattern), judge=judge_as("api_key")),),
            trigger=Trigger(words=("AC",)),
            gate=r"AC[0-9a-f]{32}[\"'][ \t]*,",
        ),
    ]
