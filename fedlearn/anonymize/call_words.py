"""A phone number a request to call introduces in prose (DESIGN.md guarantee 1).

``numbers`` takes a number after a phone word (``phone``, ``tel``, ``mobile``…) and ``phones``
one in its country's print with a trunk prefix or ``00``; a number people give in a message often
has neither (``333 277 7215``, ``9-86-288-817``) and no noun names it: the verb does. Right after
asking to be called, in the languages people write support messages in (at most one short word
between: ``nomor WA saya …``, ``ring mig på nu …``), a number of 7 to 15 digits, maybe
grouped, standing alone and not a date, is a phone number:

- English ``call me at``, ``reach me on``, ``text us at``; German ``ruf mich an unter``,
  ``rufen Sie mich unter``, ``erreichbar unter``; French ``appelez-moi au``, ``rappelle-moi au``,
  ``joignable au``; Spanish ``llámame al``; Italian ``chiamami al``, ``richiamarmi al``;
  Portuguese ``ligue-me para``; Dutch ``bel me (terug) op``; Swedish, Danish, Norwegian ``ring
  mig/meg/til mig på``; Polish ``zadzwoń (do mnie) pod``; Czech and Slovak ``zavolejte mi (prosím)
  na``; Hungarian ``hívjon (fel) a``; Indonesian and Malay ``nomor WA/HP/telepon``, ``hubungi saya
  di``; Vietnamese ``gọi cho tôi theo số``, ``số điện thoại``; Greek ``καλέστε με στο``,
  ``τηλέφωνο``.

A number after ``ring``, ``bel`` or ``call`` alone (``ring buffer 4096``, ``call 2 of 3``) stays:
the verb must ask for the writer (``me``, ``mig``, ``mi``…).
"""

from __future__ import annotations

import re

from fedlearn.anonymize import numbers, phones
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, personal

PHRASES = (
    r"(?:call|reach|text|ring|phone) (?:me|us)(?: back)? (?:at|on)"
    r"|ruf(?:en sie)? (?:mich|uns)(?: an)?(?: unter)?|erreichbar unter"
    r"|(?:r?appel(?:ez|le)|contactez)[- ](?:moi|nous) au|joignable au"
    r"|ll[aá]m(?:ame|eme|enme|anos) al"
    r"|(?:ri)?chiama(?:mi|rmi|temi|teci|rci) al"
    r"|lig(?:ue|a)[- ]me (?:para|no)"
    r"|bel (?:me|mij|ons)(?: even)?(?: terug)? op"
    r"|ring (?:mig|meg|os|oss|til mig|til meg) (?:på|pa)"
    r"|zadzwo[nń](?: do mnie| do nas)? (?:pod|na)"
    r"|zavolaj(?:te)? mi(?: pros[ií]m)? na|zavolejte (?:mi|nám)(?: pros[ií]m)? na"
    r"|h[ií]vj(?:on|ál)(?: fel)?(?: az?)?"
    r"|nomor (?:wa|hp|telepon|telp|ponsel|whatsapp)|hubungi (?:saya|kami) (?:di|ke)"
    r"|gọi (?:cho )?(?:tôi|mình|chúng tôi)(?: theo| qua)?(?: số)?|số điện thoại"
    r"|καλ[εέ]στε με(?: στο)?|τηλ[εέ]φων[οα]"  # noqa: RUF001
)
CALL = Lazy(
    rf"(?<![\w-])(?:{PHRASES})(?![\w-])[ :,]{{1,3}}(?:[^\W\d]{{1,4}}[ :,]{{1,2}})?"
    r"(?P<value>\+?\(?[0-9][0-9 ().-]{5,22}[0-9])",
    re.IGNORECASE,
)
TRIGGER_WORDS = (
    "call", "reach", "text", "ring", "phone", "ruf", "erreichbar", "appel", "contactez",
    "joignable", "llám", "llam", "chiam", "lig", "bel ", "zadzwo", "zavola", "zavole", "hívj",
    "hivj", "nomor", "hubungi", "gọi", "số điện thoại", "καλ", "τηλ",
)  # fmt: skip
# The phrase itself, then a digit later on the line.
GATE = rf"(?i)(?:{PHRASES})[ :,][^\n]*[0-9]"


def introduced(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the number after a request to call: 7 to 15 digits, standing alone, not a date."""
    start, end = match.span("value")
    groups, _, _ = phones.groups_of(text[start:end])
    if phones.is_date(groups) or phones.DATE.match(text, start, end):
        return None
    return numbers.introduced(match, text)


def rules() -> list[Rule]:
    """Return the rule for a phone number right after a request to call."""
    return [
        personal(
            "phone",
            "<phone>",
            Matcher(Lazy(CALL.pattern, re.IGNORECASE), judge=introduced),
            gate=GATE,
            trigger=Trigger(words=TRIGGER_WORDS, lower=True),
        )
    ]
