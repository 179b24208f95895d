"""A password given to a credentials constructor by its place (DESIGN.md guarantee 1; from ``bench/contexts42``).

sbt's ``Credentials(realm, host, user, password)`` takes four strings, the password last
(``credentials += Credentials("Sonatype Nexus Repository Manager", "oss.example.com", "deploy",
"V")`` in ``build.sbt`` or ``~/.sbt/1.0/credentials.sbt``); Java's ``new
PasswordAuthentication("user", "V".toCharArray())`` takes two, the password last as a char
array. The value in that place is judged as after ``password=`` (``tables.judged``: a reference
or an empty string stays); a ``Credentials(Path.userHome / ".sbt" / ".credentials")`` or a
``sys.env("…")`` in the password's place is no literal and is not read.

From bench/contexts43, two more calls that take a password second: a Wi-Fi station's join
(MicroPython's ``wlan.connect('ssid', 'V')``, ``sta_if.connect``, CircuitPython's
``wifi.radio.connect``, Arduino's ``WiFi.begin("ssid", "V")``, ``wifiMulti.addAP``), its
receiver named for Wi-Fi, and an LDAP simple bind (python-ldap's ``conn.simple_bind_s(dn, 'V')``,
``bind_s``, PHP's ``ldap_bind($conn, $dn, 'V')``). Either quote.
"""

from __future__ import annotations

from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import password_value

STRING = r"\"[^\"\\\n]{0,200}\"[ \t]*,[ \t\r\n]*"
VALUE = r"\"(?P<value>[^\"\\\n]{1,1000})\""
# ``Credentials("realm", "host", "user", "V")`` and ``Authentication("user", "V".toCharArray())``.
SBT = Lazy(r"Credentials\([ \t\r\n]*" + STRING * 3 + VALUE + r"[ \t\r\n]*\)")
JAVA = Lazy(r"Authentication\([ \t]*" + STRING + VALUE + r"(?:\.toCharArray\(\))?[ \t]*\)")
# A first string in either quote, then the password in either quote, closing the call.
ANY_STRING = r"(?P<q1>[\"'])[^\"'\\\n]{0,300}(?P=q1)[ \t]*,[ \t]*"
ANY_VALUE = r"(?P<q>[\"'])(?P<value>[^\"'\\\n]{1,1000})(?P=q)[ \t]*\)"
WIFI = Lazy(
    r"(?i:wlan|wifi|sta_if|radio)[A-Za-z0-9_]*\.(?:connect|begin|addAP)\([ \t]*"
    + ANY_STRING
    + ANY_VALUE
)
LDAP_BIND = Lazy(
    r"(?:\.(?:simple_bind_s|simple_bind|bind_s)\(|\bldap_bind\([ \t]*\$\w+[ \t]*,)[ \t]*"
    + ANY_STRING
    + ANY_VALUE
)


def rules() -> list[Rule]:
    """Return the rules for sbt's four-string ``Credentials`` and Java's ``PasswordAuthentication``."""
    return [
        Rule(
            ("password",),
            (Matcher(Lazy(SBT.pattern), judge=password_value),),
            trigger=Trigger(words=("Credentials(",)),
            gate=r"Credentials\([ \t\r\n]*\"",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(JAVA.pattern), judge=password_value),),
            trigger=Trigger(words=("Authentication(",)),
            gate=r"Authentication\([ \t]*\"",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(WIFI.pattern), judge=password_value),),
            trigger=Trigger(words=(".connect(", ".begin(", ".addap("), lower=True),
            gate=r"(?i)(?:wlan|wifi|sta_if|radio)[A-Za-z0-9_]*\.(?:connect|begin|addap)\([ \t]*[\"']",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(LDAP_BIND.pattern), judge=password_value),),
            trigger=Trigger(words=("bind_s(", "simple_bind(", "ldap_bind(")),
            gate=r"(?:bind_s|simple_bind|ldap_bind)\(",
        ),
    ]
