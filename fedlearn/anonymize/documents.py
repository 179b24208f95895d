"""Identity document, tax, health, device and bank account numbers after a word naming them.

``personal_ids`` knows the national ids of twenty countries by their check digits; every other
country, and the documents people carry (driving licences, identity cards, passports, health
cards), have shapes too many to list. What they share: the word right before the number names
the document (``passport_no``, ``fuehrerschein_nummer``, ``HEALTH_CARD_NUMBER``,
``personnummer``, in any key spelling that starts with the word, or in prose, in the languages
the documents are issued in), and the number is written in capitals and digits, maybe in groups
(``1 86 04 87 525 223 02``, ``L878-400-57-566-8``, ``12.345.678-K``, ``A123456(7)``). So a
number right after such a word is redacted when it stands alone, has no lower-case letter, holds
6 to 24 letters and digits of which 5 or more are digits (4 with a letter: ``CXD5437``; 2 after
a passport or identity card word: ``C01X00T47``), and its groups after a blank hold a digit (so
the word after it stays; from the first such group on, the rest is words: ``A/c No.
50100234567891 IFSC HDFC0001234``). A bank account's word says bank account alone
(``Kontonummer``, ``numéro de compte``, ``A/c``, ``accountNumber``: DESIGN.md guarantee 1); a
bare ``account`` is ``numbers``' (with a bank word near). After a word of three letters or fewer
(``CPR``, ``RUT``, ``NIN``, ``A/c``) a number of digits only needs 8 or more of them
(``pps=150000`` is a rate).

A name and its value apart, in the slots a format pairs them in (``LABELLED``): ArcSight CEF's
custom fields (``cs1Label=nationalId … cs1=…``, also ``cn``, ``cfp``, ``flexString``), ``pdftk
dump_data_fields`` (``FieldName:`` then ``FieldValue:``), SAML attributes (``Name="…"`` then its
``<AttributeValue>``; a URI name's last part) and Windows event data (``<Data Name="…">``): the
value is judged as it would be right after its name, as a document number above or as a secret
(``apart.json_pair``: the value under a key naming a secret).

Also: card track 1 data (``%B<card>^NAME^YYMM…?``, ISO/IEC 7813), whose card number touches the
``B`` and the name the card rule does not read.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import apart, check_digits, heads, key_names, numbers
from fedlearn.anonymize.keyed_numbers import VAR_DUMP, is_key_start
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, personal

# Each kind: its placeholder's name, its words (lower case, a regex), and trigger literals that
# occur in every match of the words (lower case).
KINDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "driving-licence",
        r"driv(?:er'?s?|ing)[ _.-]?licen[cs]es?|licen[cs]es?|dl[ _.-]?(?:number|no|nr)"
        r"|permis(?:[ _-]?de[ _-]?conduire)?|f(?:ue|ü)hrerschein|licencia(?:[ _-]?de[ _-]?conducir)?"
        r"|rijbewijs|k[oö]rkort|patente|unten[ _-]?menkyo|運転免許証?|免許証|驾驶证|驾照|운전면허",
        ("licen", "dl", "permis", "hrerschein", "rijbewijs", "rkort", "patente", "menkyo",
         "運転免許", "免許証", "驾驶证", "驾照", "운전면허"),
    ),
    (
        "passport",
        r"passports?|passeport|pasaporte|reisepass|passaporto|paspoort|passaporte|pasaport"
        r"|passnummer|パスポート|护照|여권",
        ("passport", "passeport", "pasaport", "reisepass", "passaport", "paspoort", "passnummer",
         "パスポート", "护照", "여권"),
    ),
    (
        "national-id",
        r"national[ _-]?id(?:entity)?|identity(?:[ _-]?card)?|id[ _-]?card|(?:personal)?ausweis"
        r"|resident[ _-]?id(?:entity)?|carte[ _-]?(?:d'?|de[ _-]?)?identit[eé]|cni|c[eé]dula|documento|rg|curp|rfc|cuit|cuil|rut|cnpj|nik"
        r"|mykad|hkid|emirates[ _-]?id|teudat[ _-]?zehut|my[ _-]?number|マイナンバー|个人编号"
        r"|身份证|shenfenzheng|주민등록번호|kimlik|personnummer|f[oø]dselsnummer|cpr"
        r"|rijksregister(?:nummer)?|insee|nir|s[eé]curit[eé][ _-]?sociale|ppsn|pps[ _.-]?n(?:o|umber)"
        r"|amka|svnr|sozialversicherungsnummer|ahv|avs|oib|cnp|egn|rodn[eé][ _-]?[cč][ií]slo"
        r"|dow[oó]d(?:[ _-]?osobisty)?|nss|seguridad[ _-]?social|cart[aã]o[ _-]?(?:de[ _-]?)?cidad[aã]o"
        r"|carta[ _-]?(?:d'?)?identit[aà]|cccd|nin|epic[ _.-]?n(?:o|umber)|voter[ _-]?id|sss|tckn",
        ("national", "identit", "card", "ausweis", "resident", "cni", "dula", "documento", "rg", "curp", "rfc",
         "cuit", "cuil", "rut", "cnpj", "nik", "mykad", "hkid", "emirates", "zehut", "mynumber",
         "my number", "my_number", "my-number",
         "マイナンバー", "个人编号", "身份证", "shenfenzheng", "주민등록번호", "kimlik",
         "personnummer", "dselsnummer", "cpr", "rijksregister", "insee", "nir", "sociale", "pps",
         "amka", "svnr", "sozialversicherungsnummer", "ahv", "avs", "oib", "cnp", "egn", "rodn",
         "dow", "nss", "social", "cidad", "cccd", "nin", "epic", "voter", "sss", "tckn"),
    ),
    (
        "tax-id",
        r"tax[ _-]?(?:id|payer|number|no)|taxpayer|tin|ein|employer[ _-]?id(?:entification)?"
        r"|utr|unique[ _-]?taxpayer[ _-]?reference|steuernummer|num[eé]ro[ _-]?fiscal|nip|nif"
        r"|gstin?|ird",
        ("tax", "tin", "ein", "employer", "utr", "steuernummer", "fiscal", "nip", "nif", "gst",
         "ird"),
    ),
    (
        "health-id",
        r"health[ _-]?insurance[ _-]?claim|health[ _-]?(?:card|insurance|id|number|plan|index)"
        r"|ohip|phn|personal[ _-]?health|ramq|hin|mbi|medicare[ _-]?beneficiary|hicn|npi|dea|nhi"
        r"|dod[ _-]?id|edipi|insurance",
        ("health", "ohip", "phn", "ramq", "hin", "mbi", "medicare", "hicn", "npi", "dea", "nhi",
         "dod", "edipi", "insurance"),
    ),
    ("device-id", r"imei|imsi|iccid|meid", ("imei", "imsi", "iccid", "meid")),
    (
        "bank-account",
        r"(?:bank[ _-]?)?(?:account|acct|acc)[ _.-]?(?:numbers?|nos?|nr|num|#)|a/c|c/c|bankkonto"
        r"|bankverbindung|konto[ _-]{0,3}(?:nummer|nr)|num[eé]ro[ _-]?de[ _-]?compte|n°[ _-]?de[ _-]?compte"
        r"|n[uú]mero[ _-]?de[ _-]?cuenta|n[uú]mero[ _-]?da[ _-]?conta|numero[ _-]?di[ _-]?conto"
        r"|(?:cuenta|conta|conto)[ _-]?(?:corriente|corrente|bancaria|banc[aá]ria)"
        r"|rekening[ _-]?(?:nummer|nr)|nomor[ _-]?rekening|s[oố][ _-]?t[aà]i[ _-]?kho[aả]n"
        r"|[cč][ií]slo[ _-]?[uú][cč]tu|(?:numer|nr)[ _-]?(?:konta|rachunku)|sz[aá]mlasz[aá]m"
        r"|tilinumero|αριθμ[οό]ς[ _-]?λογαριασμο[υύ]|k[oō]za[ _-]?bang[oō]|口座番号|계좌번호"
        r"|银行账号|银行帐号|номер[ _-]?сч[её]та|hesap[ _-]?(?:numaras.|no)",
        ("acc", "a/c", "c/c", "konto", "bankverbindung", "compte", "cuenta", "conta", "conto",
         "rekening", "kho", "slo", "konta", "rachunku", "mlasz", "tilinumero", "λογαριασμ", "bang", "口座番号",
         "계좌번호", "银行账号", "银行帐号", "сч", "hesap"),
    ),
)  # fmt: skip
# Words of documents whose numbers may hold as few as 2 digits (``C01X00T47``): passports,
# identity cards and driving licences (a bare ``license`` may be a software licence's
# ``CC-BY-4.0``, so it is not one of them).
STRONG = Lazy(
    r"pass|paspoort|ausweis|card|cart|dow|driv|hrerschein|permis|rijbewijs|rkort|menkyo|免許|驾"
    r"|운전|여권|护照|パスポート"
)
# After the word: its own ``number``/``no``/``code`` in any language, then a few characters.
SUFFIX = (
    r"(?:[ _.-]?(?:numbers?|num|nos?|nr|ids?|identifiers?|identification|#|nummer|n[uú]mero|numer|numéro|code|card|cards"
    r"|bango|番号|号码|号|번호))*(?![a-z])"
)
# A few separators, PHP's var_dump, or a name/value pair's ``","value":"`` (FHIR, Elasticsearch).
GAP = rf"(?:[^0-9a-z\n]{{1,4}}value[^0-9a-z\n]{{1,4}}|{VAR_DUMP}|[^0-9a-z\n]{{0,6}}?)"
VALUE = r"[a-z0-9][a-z0-9 ./()-]{4,40}"
HAS_DIGIT = re.compile("[0-9]")
GROUPED = Lazy(r"[A-Z0-9]+(?:\([0-9A-Z]\))?(?:[ ./-][A-Z0-9]+(?:\([0-9A-Z]\))?)*")


def number_at(text: str, start: int, strong: bool, short: bool) -> int | None:
    """
    Return where the document number starting at ``start`` ends, or None when it is none.

    Groups of capitals and digits joined by one ``.``, ``-``, ``/`` or blank (a check character in
    parentheses may end a group); groups after a blank without a digit are the next word's. In a
    form-encoded value (right after ``=``) a ``+`` is a blank.
    """
    window = text[start : start + 48]
    if start > 0 and text[start - 1] == "=" and "+" in window:
        # A form-encoded value (``account_number=30-86-66+36777464&…``): its ``+`` is a blank.
        found = GROUPED.compiled.match(window.replace("+", " "))
    else:
        found = GROUPED.compiled.match(text, start)
    if found is None:
        return None
    first, *groups = found.group().split(" ")
    kept = next((at for at, group in enumerate(groups) if not HAS_DIGIT.search(group)), None)
    value = " ".join([first, *groups[:kept]])
    end = start + len(value)
    while end > start and text[end - 1] in "./-":
        end -= 1
    value = text[start:end]
    plain = [c for c in value if c.isalnum()]
    digits = sum(c.isdigit() for c in plain)
    if not 6 <= len(plain) <= 24 or digits < (2 if strong else 4 if digits < len(plain) else 5):
        return None
    if short and digits == len(plain) and digits < 8:
        return None
    if not numbers.stands_alone(text, start, end) or (end < len(text) and text[end] == "("):
        return None
    return end


def documented(kind: str) -> Matcher:
    """Return the matcher of a number right after one of ``kind``'s words."""
    words = next(row[1] for row in KINDS if row[0] == kind)

    def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
        if not is_key_start(text, match.start()):
            return None
        word = match.group("word")
        start = match.start("value")
        strong = STRONG.compiled.search(word) is not None
        end = number_at(text, start, strong, short=len(word) <= 3)
        return None if end is None else (start, end, "")

    # The word starts a word (a camelCase hump inside a key is not read); the look-behind past
    # each word's first letter (``heads.behind_first``), so the regex skips to those letters.
    led = heads.behind_first("[a-z0-9]", words, "word")
    return Matcher(Lazy(rf"{led}{SUFFIX}{GAP}(?P<value>{VALUE})"), judge=judge)


# Each: the name (``key``) and its paired value (``value``) on one match.
LABELLED = (
    r"(?P<f>(?:c[sn]|cfp|flexString|flexNumber)[0-9])Label=(?P<key>[^=\n]{1,60}?)"
    r"(?=[ \t]+[A-Za-z0-9_]+=)[^\n]*?(?<![A-Za-z0-9_])(?P=f)=(?P<value>[^\n]*?)"
    r"(?=[ \t]+[A-Za-z0-9_]+=|\r?\n|\Z)",
    r"FieldName: (?P<key>[^\n]{1,80})\r?\n(?:Field(?!Value)[A-Za-z]*: [^\n]*\r?\n){0,8}?"
    r"FieldValue: (?P<value>[^\n]{1,400})",
    r"<(?:saml2?:)?Attribute\b[^>]*?\bName=\"(?:[^\"]{0,120}[/:#])?(?P<key>[^\"/:#]{1,80})\""
    r"[^>]*>\s*<(?:saml2?:)?AttributeValue\b[^>]*>(?P<value>[^<]{1,400})</",
    r"<Data Name=\"(?P<key>[^\"]{1,80})\">(?P<value>[^<]{1,400})</Data>",
)
LABELLED_GATE = r"Label=|FieldValue: |AttributeValue|<Data Name=\""
LABELLED_WORDS = ("Label=", "FieldValue: ", "AttributeValue", "<Data Name=")


def labelled(kind: str) -> tuple[Matcher, ...]:
    """Return the matchers of a document number paired with a name of ``kind``'s words."""
    words = Lazy(rf"(?:{next(row[1] for row in KINDS if row[0] == kind)}){SUFFIX}\Z")

    def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
        key = match.group("key").strip()
        named = words.compiled.search(key.lower())
        if named is None or not is_key_start(key, named.start()):
            return None
        start = match.start("value")
        strong = STRONG.compiled.search(named.group()) is not None
        short = len(named.group()) <= 3
        end = number_at(text, start, strong, short)
        return None if end is None or text[end : match.end("value")].strip() else (start, end, "")

    return tuple(Matcher(Lazy(form), judge=judge) for form in LABELLED)


def track_one(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return card track 1 data whose card number passes Luhn."""
    return (*match.span(), "") if check_digits.is_luhn(match.group("pan")) else None


def rules() -> list[Rule]:
    """Return a rule per kind of document number (after its word, or paired with it), then card
    track 1 data, then secrets paired with their names."""
    found = [
        personal(
            name,
            f"<{name}>",
            documented(name),
            gate=numbers.word_gate(
                rf"(?:^|[^a-z0-9])(?:{words})", "nu|nú|no|nr|id|co|ca|ba|番|号|번"
            ),
            trigger=Trigger(words=triggers, lower=True),
            lower=True,
        )
        for name, words, triggers in KINDS
    ]
    found += [
        personal(
            name,
            f"<{name}>",
            *labelled(name),
            gate=LABELLED_GATE,
            trigger=Trigger(words=LABELLED_WORDS),
        )
        for name, _, _ in KINDS
    ]
    found.append(
        personal(
            "card",
            "<card>",
            Matcher(
                Lazy(r"%B(?P<pan>[0-9]{13,19})\^[^^\n]{2,26}\^[0-9]{4}[0-9 ]{0,40}\??"),
                judge=track_one,
            ),
            gate=r"%B[0-9]{13}",
            trigger=Trigger(words=("%B",)),
        )
    )
    found.append(
        Rule(
            key_names.NAMES,
            tuple(Matcher(Lazy(form), judge=apart.json_pair) for form in LABELLED),
            trigger=Trigger(words=LABELLED_WORDS),
            gate=LABELLED_GATE,
        )
    )
    return found
