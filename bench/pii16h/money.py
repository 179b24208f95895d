"""Payment card, IBAN and national bank account families of pii16h.

Cards: each brand's IIN ranges and lengths as the card networks and ISO/IEC 7812 registries
publish them (Visa 4 / 13, 16, 19; Mastercard 51-55 and 2221-2720; Amex 34/37 / 15; Discover
6011, 644-649, 65; JCB 3528-3589 / 16, 19; Diners 36, 300-305, 38-39 / 14; UnionPay 62 / 16-19;
Maestro 5018, 5020, 5038, 5893, 6304, 6759, 6761-6763 / 12-19; Mir 2200-2204; RuPay 60, 65, 81,
82, 508; Elo; Hipercard 606282, 3841; Troy 9792; Verve 506099-506198, 650002-650027; UATP 1;
Dankort 5019), Luhn-valid, printed in the brand's groups (4-4-4-4, Amex 4-6-5, Diners 4-6-4) with
spaces, dashes or none.

IBANs: every country of the SWIFT IBAN registry (release 2024-2025: country code, length, BBAN
structure ``n``/``a``/``c``), ISO 13616 mod-97 check digits, written electronic (no spaces) or
paper (groups of 4), sometimes lower case; Belgian, French/Monégasque and Norwegian BBANs carry
their national check digits too.

National accounts as banks print them beside their routing code: UK sort code + account, US ABA
routing (3-7-1 checksum) + account, Australian BSB + account, Canadian transit/institution +
account, Indian IFSC + account, New Zealand bank-branch-account-suffix, German BLZ + Kontonummer,
Mexican CLABE (3-7-1 weights check digit), Brazilian agência + conta with its digit.
"""

from __future__ import annotations

import random
import string

UP = string.ascii_uppercase
ALNUM = string.digits * 8 + UP  # mostly digits, as most BBANs are


def d(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        n = int(ch)
        if i % 2 == 0:
            n *= 2
            n -= 9 if n > 9 else 0
        total += n
    return str((10 - total % 10) % 10)


# --- cards --------------------------------------------------------------------------------------

CARDS: list[tuple[str, list[str], list[int]]] = [
    ("visa-16", ["4"], [16]),
    ("visa-13", ["4"], [13]),
    ("visa-19", ["4"], [19]),
    ("mastercard-5x", ["51", "52", "53", "54", "55"], [16]),
    ("mastercard-2series", [str(x) for x in range(2221, 2721, 37)], [16]),
    ("amex", ["34", "37"], [15]),
    ("discover-6011", ["6011"], [16, 19]),
    ("discover-64-65", ["644", "645", "646", "647", "648", "649", "65"], [16]),
    ("jcb-16", [str(x) for x in range(3528, 3590, 7)], [16]),
    ("jcb-19", ["3528", "3540", "3566", "3589"], [19]),
    ("diners-36", ["36"], [14]),
    ("diners-300-305", ["300", "301", "302", "303", "304", "305"], [14]),
    ("diners-38-39", ["38", "39"], [14, 16]),
    ("unionpay-16", ["62"], [16]),
    ("unionpay-19", ["62"], [17, 18, 19]),
    ("maestro-short", ["5018", "5020", "5038", "6304", "6759"], [12, 13, 15]),
    ("maestro-long", ["5893", "6761", "6762", "6763", "6759"], [16, 18, 19]),
    ("mir", ["2200", "2201", "2202", "2203", "2204"], [16]),
    ("rupay", ["60", "652", "81", "82", "508"], [16]),
    (
        "elo",
        [
            "401178",
            "438935",
            "451416",
            "504175",
            "506699",
            "509048",
            "627780",
            "636297",
            "636368",
            "650031",
            "651652",
        ],
        [16],
    ),
    ("hipercard", ["606282", "384100", "384140", "384160"], [16, 19]),
    ("troy", ["9792"], [16]),
    ("verve", ["506099", "506120", "506198", "650002", "650027"], [16, 18, 19]),
    ("uatp", ["1"], [15]),
    ("dankort", ["5019"], [16]),
]


def card_number(prefixes: list[str], lengths: list[int], rng: random.Random) -> str:
    prefix = rng.choice(prefixes)
    n = rng.choice(lengths)
    body = prefix + d(rng, n - 1 - len(prefix))
    return body + luhn_digit(body)


def print_card(pan: str, rng: random.Random) -> str:
    n = len(pan)
    sizes = {15: [4, 6, 5], 14: [4, 6, 4]}.get(n) or [4] * (n // 4) + ([n % 4] if n % 4 else [])
    sep = rng.choice([" ", " ", "-", "", ""])
    out, i = [], 0
    for size in sizes:
        out.append(pan[i : i + size])
        i += size
    return sep.join(out)


def card_gen(prefixes: list[str], lengths: list[int]):
    def make(rng: random.Random) -> str:
        return print_card(card_number(prefixes, lengths, rng), rng)

    return make


# --- IBAN ---------------------------------------------------------------------------------------

# SWIFT IBAN registry: country -> BBAN structure (the IBAN is CC + 2 check digits + BBAN).
IBAN: dict[str, str] = {
    "AD": "4n4n12c",
    "AE": "3n16n",
    "AL": "8n16c",
    "AT": "5n11n",
    "AZ": "4a20c",
    "BA": "3n3n8n2n",
    "BE": "3n7n2n",
    "BG": "4a4n2n8c",
    "BH": "4a14c",
    "BI": "5n5n11n2n",
    "BR": "8n5n10n1a1c",
    "BY": "4c4n16c",
    "CH": "5n12c",
    "CR": "4n14n",
    "CY": "3n5n16c",
    "CZ": "4n6n10n",
    "DE": "8n10n",
    "DJ": "5n5n11n2n",
    "DK": "4n9n1n",
    "DO": "4c20n",
    "EE": "2n2n11n1n",
    "EG": "4n4n17n",
    "ES": "4n4n1n1n10n",
    "FI": "3n11n",
    "FK": "2a12n",
    "FO": "4n9n1n",
    "FR": "5n5n11c2n",
    "GB": "4a6n8n",
    "GE": "2a16n",
    "GI": "4a15c",
    "GL": "4n9n1n",
    "GR": "3n4n16c",
    "GT": "4c20c",
    "HR": "7n10n",
    "HU": "3n4n1n15n1n",
    "IE": "4a6n8n",
    "IL": "3n3n13n",
    "IQ": "4a3n12n",
    "IS": "4n2n6n10n",
    "IT": "1a5n5n12c",
    "JO": "4a4n18c",
    "KW": "4a22c",
    "KZ": "3n13c",
    "LB": "4n20c",
    "LC": "4a24c",
    "LI": "5n12c",
    "LT": "5n11n",
    "LU": "3n13c",
    "LV": "4a13c",
    "LY": "3n3n15n",
    "MC": "5n5n11c2n",
    "MD": "2c18c",
    "ME": "3n13n2n",
    "MK": "3n10c2n",
    "MN": "4n12n",
    "MR": "5n5n11n2n",
    "MT": "4a5n18c",
    "MU": "4a2n2n12n3n3a",
    "NI": "4a20n",
    "NL": "4a10n",
    "NO": "4n6n1n",
    "OM": "3n16c",
    "PK": "4a16c",
    "PL": "8n16n",
    "PS": "4a21c",
    "PT": "4n4n11n2n",
    "QA": "4a21c",
    "RO": "4a16c",
    "RS": "3n13n2n",
    "RU": "9n5n15c",
    "SA": "2n18c",
    "SC": "4a2n2n16n3a",
    "SD": "2n12n",
    "SE": "3n16n1n",
    "SI": "5n8n2n",
    "SK": "4n6n10n",
    "SM": "1a5n5n12c",
    "SO": "4n3n12n",
    "ST": "4n4n11n2n",
    "SV": "4a20n",
    "TL": "3n14n2n",
    "TN": "2n3n13n2n",
    "TR": "5n1n16c",
    "UA": "6n19c",
    "VA": "3n15n",
    "VG": "4a16n",
    "XK": "4n10n2n",
    "YE": "4a4n18c",
}
BANK_LETTERS = {
    "GB": ["NWBK", "BARC", "LOYD", "HBUK", "MIDL"],
    "IE": ["AIBK", "BOFI"],
    "NL": ["ABNA", "INGB", "RABO", "TRIO"],
}


def _part(spec: str, rng: random.Random) -> list[str]:
    out, num = [], ""
    for ch in spec:
        if ch.isdigit():
            num += ch
            continue
        alphabet = {"n": string.digits, "a": UP, "c": ALNUM}[ch]
        out.append("".join(rng.choice(alphabet) for _ in range(int(num))))
        num = ""
    return out


def _alpha_num(s: str) -> str:
    return "".join(str(int(c, 36)) for c in s)


def iban_check(country: str, bban: str) -> str:
    return f"{98 - int(_alpha_num(bban + country + '00')) % 97:02d}"


def bban(country: str, rng: random.Random) -> str:
    parts = _part(IBAN[country], rng)
    if country in BANK_LETTERS:
        parts[0] = rng.choice(BANK_LETTERS[country])
    if country == "BE":  # account check: first 10 digits mod 97 (97 for 0)
        r = int(parts[0] + parts[1]) % 97
        parts[2] = f"{r or 97:02d}"
    elif country in ("FR", "MC"):  # RIB key over bank, branch, account (digits only here)
        parts[2] = d(rng, 11)
        k = 97 - (89 * int(parts[0]) + 15 * int(parts[1]) + 3 * int(parts[2])) % 97
        parts[3] = f"{k:02d}"
    elif country == "NO":  # mod 11 with weights 5 4 3 2 7 6 5 4 3 2
        while True:
            body = parts[0] + parts[1]
            s = (
                sum(int(c) * w for c, w in zip(body, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2], strict=True))
                % 11
            )
            if s != 1:
                parts[2] = str((11 - s) % 11)
                break
            parts = _part(IBAN[country], rng)
    return "".join(parts)


def iban_gen(country: str):
    def make(rng: random.Random) -> str:
        b = bban(country, rng)
        iban = country + iban_check(country, b) + b
        form = rng.choice(["electronic", "paper", "paper", "lower", "lower-paper"])
        if "paper" in form:
            iban = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban.lower() if form.startswith("lower") else iban

    return make


# --- national accounts with their routing codes ------------------------------------------------


def aba(rng: random.Random) -> str:
    body = rng.choice(["0", "1", "2", "3"]) + rng.choice("123456789") + d(rng, 6)
    s = sum(int(c) * w for c, w in zip(body, [3, 7, 1, 3, 7, 1, 3, 7], strict=True))
    return body + str((10 - s % 10) % 10)


def bban_uk(rng: random.Random) -> tuple[str, str]:
    acct = rng.choice("1234567") + d(rng, 7)
    sort = f"{rng.choice(['20', '30', '40', '60', '77', '83', '09'])}-{d(rng, 2)}-{d(rng, 2)}"
    return acct, rng.choice(
        [
            f"Sort code {sort}, account {acct}",
            f"{sort} {acct}",
            f"S/C: {sort.replace('-', '')}  A/C: {acct}",
        ]
    )


def bban_us(rng: random.Random) -> tuple[str, str]:
    acct = rng.choice("123456789") + d(rng, rng.choice([8, 9, 10, 11]))
    r = aba(rng)
    return acct, rng.choice(
        [f"routing {r} account {acct}", f"ABA/RTN: {r}  Acct#: {acct}", f"⑆{r}⑆ {acct}⑈"]
    )


def bban_au(rng: random.Random) -> tuple[str, str]:
    acct = rng.choice("123456789") + d(rng, rng.choice([5, 7, 8]))
    bsb = f"{rng.choice(['062', '063', '082', '083', '032', '033', '484'])}-{d(rng, 3)}"
    return acct, rng.choice(
        [f"BSB {bsb} Account {acct}", f"BSB: {bsb} / Acc: {acct}", f"{bsb} {acct}"]
    )


def bban_ca(rng: random.Random) -> tuple[str, str]:
    acct = rng.choice("123456789") + d(rng, rng.choice([6, 7, 11]))
    transit, inst = d(rng, 5), rng.choice(["001", "002", "003", "004", "006", "010", "016", "815"])
    return acct, rng.choice(
        [
            f"transit {transit}, institution {inst}, account {acct}",
            f"{transit}-{inst} {acct}",
            f"Transit/Inst: {transit}-{inst}  Acct: {acct}",
        ]
    )


def bban_in(rng: random.Random) -> tuple[str, str]:
    acct = rng.choice("123456789") + d(rng, rng.choice([10, 11, 13, 15]))
    ifsc = rng.choice(["SBIN", "HDFC", "ICIC", "UTIB", "PUNB", "KKBK"]) + "0" + d(rng, 6)
    return acct, rng.choice(
        [f"A/c No. {acct} IFSC {ifsc}", f"Account: {acct}, IFSC: {ifsc}", f"{ifsc} / {acct}"]
    )


def bban_nz(rng: random.Random) -> str:
    return f"{rng.choice(['01', '02', '03', '06', '12', '38'])}-{d(rng, 4)}-{rng.choice('0123456789')}{d(rng, 6)}-{d(rng, rng.choice([2, 3]))}"


def bban_de(rng: random.Random) -> tuple[str, str]:
    kto = rng.choice("123456789") + d(rng, rng.choice([6, 8, 9]))
    blz = f"{rng.choice('1234567')}{d(rng, 2)} {d(rng, 3)} {d(rng, 2)}"
    return kto, rng.choice(
        [
            f"Kto.-Nr. {kto}, BLZ {blz}",
            f"Konto {kto} (BLZ {blz.replace(' ', '')})",
            f"Kontonummer: {kto} Bankleitzahl: {blz}",
        ]
    )


def bban_mx_clabe(rng: random.Random) -> str:
    body = rng.choice(["002", "012", "014", "021", "030", "036", "044", "072"]) + d(rng, 14)
    s = sum(int(c) * w for c, w in zip(body, [3, 7, 1] * 6, strict=False)) % 10
    v = body + str((10 - s) % 10)
    return v if rng.random() < 0.6 else f"{v[:3]} {v[3:6]} {v[6:17]} {v[17]}"


def bban_br(rng: random.Random) -> tuple[str, str]:
    conta = f"{d(rng, rng.choice([5, 6, 8]))}-{rng.choice('0123456789X')}"
    ag = d(rng, 4)
    return conta, rng.choice(
        [
            f"Agência {ag} Conta {conta}",
            f"Ag: {ag}-{d(rng, 1)} C/C: {conta}",
            f"agência {ag}, conta corrente {conta}",
        ]
    )


# --- e-mail addresses --------------------------------------------------------------------------

FIRST = [
    "anna",
    "lukas",
    "sofia",
    "mateo",
    "chiara",
    "jonas",
    "amelie",
    "piotr",
    "ingrid",
    "kenji",
    "aylin",
    "oluwaseun",
    "priya",
    "mehmet",
    "eleni",
    "dmitri",
    "noor",
    "thabo",
    "linnea",
    "joao",
]
LAST = [
    "schneider",
    "rossi",
    "kowalski",
    "johansson",
    "tanaka",
    "yilmaz",
    "okafor",
    "sharma",
    "papadopoulou",
    "ivanova",
    "dubois",
    "van-der-berg",
    "oconnell",
    "nguyen",
    "haddad",
    "mokoena",
    "fernandes",
    "novak",
    "lindqvist",
    "moreau",
]
DOMAINS = [
    "gmail.com",
    "outlook.de",
    "web.de",
    "gmx.at",
    "yahoo.co.jp",
    "proton.me",
    "libero.it",
    "orange.fr",
    "wp.pl",
    "seznam.cz",
    "bluewin.ch",
    "telenet.be",
    "mail.ru",
    "naver.com",
    "uol.com.br",
]
COMPANY = [
    "holzbau-kessler",
    "studio-lumen",
    "ferreira-advogados",
    "nordlicht-logistik",
    "kiraku-design",
    "bakkerij-visser",
    "atelier-moreau",
    "zanetti-impianti",
    "koster-steuer",
    "vega-clinic",
]
TLD = ["de", "it", "nl", "fr", "pt", "co.uk", "com.au", "ch", "se", "es", "pl", "at"]
IDN = [
    "müller-bäckerei.de",
    "café-lumière.fr",
    "bücher-ecke.ch",
    "kraków-meble.pl",
    "örebro-måleri.se",
    "пример-почта.рф",
    "例え.jp",
    "ελληνικά-νέα.gr",
    "españa-viajes.es",
    "şirket-örnek.com.tr",
]
PUNY = [
    "xn--mller-kva.de",
    "xn--caf-dma.fr",
    "xn--bcher-kva.ch",
    "xn--e1afmkfd.xn--p1ai",
    "xn--r8jz45g.jp",
    "xn--espaa-rta.es",
]
IDN_LOCAL = [
    "jürgen",
    "josé.garcía",
    "françoise",
    "zoë.brandt",
    "søren",
    "łukasz",
    "ödön",
    "李明",
    "анна.петрова",
    "δημήτρης",
]


def local(rng: random.Random) -> str:
    f, last = rng.choice(FIRST), rng.choice(LAST)
    return rng.choice(
        [
            f"{f}.{last}",
            f"{f[0]}.{last}",
            f"{f}{last[:3]}{rng.randrange(70, 100)}",
            f"{f}_{last}",
            f"{last}.{f}{rng.randrange(1, 30)}",
        ]
    )


def company(rng: random.Random) -> str:
    return f"{rng.choice(COMPANY)}.{rng.choice(TLD)}"


def email_plain(rng: random.Random) -> str:
    return f"{local(rng)}@{rng.choice([*DOMAINS, company(rng)])}"


def email_plus(rng: random.Random) -> str:
    return f"{local(rng)}+{rng.choice(['invoices', 'shop', 'news', 'bank', 'kita2026', 'ebay', 'tax'])}@{rng.choice(DOMAINS)}"


def email_subdomain(rng: random.Random) -> str:
    sub = rng.choice(["mail", "eu.mail", "corp", "staff.hq", "students.uni", "ext"])
    return f"{local(rng)}@{sub}.{company(rng)}"


def email_quoted(rng: random.Random) -> str:
    f, last = rng.choice(FIRST), rng.choice(LAST)
    q = rng.choice([f'"{f} {last}"', f'"{f}..{last}"', f'"{f}@home"', f'"{last},{f}"'])
    return f"{q}@{rng.choice([*DOMAINS, company(rng)])}"


def email_idn_domain(rng: random.Random) -> str:
    return f"{local(rng)}@{rng.choice(IDN)}"


def email_idn_local(rng: random.Random) -> str:
    return f"{rng.choice(IDN_LOCAL)}@{rng.choice(DOMAINS + IDN)}"


def email_punycode(rng: random.Random) -> str:
    return f"{local(rng)}@{rng.choice(PUNY)}"


def email_obfuscated(rng: random.Random) -> str:
    loc, dom = local(rng), rng.choice([*DOMAINS, company(rng)])
    name, _, tld = dom.rpartition(".")
    return rng.choice(
        [
            f"{loc} [at] {name} [dot] {tld}",
            f"{loc}(at){name}(dot){tld}",
            f"{loc} at {name} dot {tld}",
            f"{loc}@{name}[.]{tld}",
            f"{loc} {{at}} {name} {{dot}} {tld}",
            f"{loc} AT {name} DOT {tld}",
        ]
    )


def email_mailto(rng: random.Random) -> tuple[str, str]:
    addr = email_plain(rng)
    return addr, f"mailto:{addr}" + rng.choice(
        ["", "?subject=Rechnung%2012", "?cc=office%40" + company(rng)]
    )


def email_numeric(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)}{rng.randrange(1950, 2010)}@{rng.choice(DOMAINS)}"


EMAILS = [
    ("pii:email-plain", email_plain),
    ("pii:email-plus-tag", email_plus),
    ("pii:email-subdomain", email_subdomain),
    ("pii:email-quoted-local", email_quoted),
    ("pii:email-idn-domain", email_idn_domain),
    ("pii:email-idn-local", email_idn_local),
    ("pii:email-punycode", email_punycode),
    ("pii:email-obfuscated", email_obfuscated),
    ("pii:email-mailto", email_mailto),
    ("pii:email-year", email_numeric),
]
BBANS = [
    ("pii:bban-gb-sortcode", bban_uk),
    ("pii:bban-us-routing", bban_us),
    ("pii:bban-au-bsb", bban_au),
    ("pii:bban-ca-transit", bban_ca),
    ("pii:bban-in-ifsc", bban_in),
    ("pii:bban-nz", bban_nz),
    ("pii:bban-de-blz", bban_de),
    ("pii:bban-mx-clabe", bban_mx_clabe),
    ("pii:bban-br-agencia", bban_br),
]
FAMILIES = (
    [(f"pii:card-{n}", card_gen(p, ls), "iin") for n, p, ls in CARDS]
    + [(f"pii:iban-{c.lower()}", iban_gen(c), "swift-iban") for c in IBAN]
    + [(n, g, "bank") for n, g in BBANS]
    + [(n, g, "email") for n, g in EMAILS]
)
