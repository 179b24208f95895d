"""Personal data families of the sixth held-out corpus: checksum-valid values, as written in logs.

The kinds follow Microsoft Presidio's predefined recognizers
(github.com/microsoft/presidio, ``presidio-analyzer/presidio_analyzer/predefined_recognizers/``:
credit_card (Luhn), iban (ISO 13616 mod 97), phone (libphonenumber formats), us_ssn, us_itin,
uk_nhs (mod 11), au_tfn, au_medicare, es_nie, it_fiscal_code, pl_pesel, sg_fin (NRIC/FIN check
letter), in_pan, kr_rrn, fi_personal_identity_code, ru_inn, ru_snils, de_tax_id, ca_sin (Luhn)).
Every value is generated here from the published check rules (no value is copied), and written
the way people write it (groups of four, dashes, spaces, national phone formats). Family names
start with ``pii:`` so ``through_sync.py`` also prints the rate without them.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

D = string.digits


def digits(r: random.Random, n: int) -> str:
    """n random digits."""
    return "".join(r.choice(D) for _ in range(n))


def luhn_complete(body: str) -> str:
    """body + its Luhn check digit."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return body + str((10 - total % 10) % 10)


def card(prefixes: list[str], length: int, groups: list[int]) -> Callable[[random.Random], str]:
    """A Luhn-valid card number of the brand, grouped by spaces or dashes or not at all."""

    def make(r: random.Random) -> str:
        prefix = r.choice(prefixes)
        number = luhn_complete(prefix + digits(r, length - len(prefix) - 1))
        sep = r.choice([" ", "-", "", " "])
        out, i = [], 0
        for g in groups:
            out.append(number[i : i + g])
            i += g
        return sep.join(out)

    return make


def iban_check(country: str, bban: str) -> str:
    """The two ISO 13616 check digits."""
    moved = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in moved)
    return f"{98 - int(num) % 97:02d}"


def iban(country: str, spec: str) -> Callable[[random.Random], str]:
    """An IBAN of the country (spec: n digits, a upper letters, c upper alnum), printed in 4s or not."""

    def make(r: random.Random) -> str:
        bban = ""
        for part in spec.split():
            kind, n = part[-1], int(part[:-1])
            alphabet = {"n": D, "a": string.ascii_uppercase, "c": D + string.ascii_uppercase}[kind]
            bban += "".join(r.choice(alphabet) for _ in range(n))
        value = country + iban_check(country, bban) + bban
        if r.random() < 0.5:
            return " ".join(value[i : i + 4] for i in range(0, len(value), 4))
        return value

    return make


def phone(patterns: list[str]) -> Callable[[random.Random], str]:
    """A phone number: each # of a pattern a digit, each N a digit 2-9, the rest literal."""

    def make(r: random.Random) -> str:
        pattern = r.choice(patterns)
        return "".join(
            r.choice(D) if c == "#" else r.choice("23456789") if c == "N" else c for c in pattern
        )

    return make


def ssn(r: random.Random) -> str:
    area = r.choice([a for a in range(1, 900) if a != 666])
    return f"{area:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"


def itin(r: random.Random) -> str:
    return f"9{digits(r, 2)}-{r.choice(list(range(70, 89)))}-{digits(r, 4)}"


def nhs(r: random.Random) -> str:
    while True:
        body = digits(r, 9)
        check = 11 - sum(int(d) * w for d, w in zip(body, range(10, 1, -1), strict=True)) % 11
        if check == 11:
            check = 0
        if check != 10:
            n = body + str(check)
            return f"{n[:3]} {n[3:6]} {n[6:]}"


def tfn(r: random.Random) -> str:
    weights = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        n = digits(r, 9)
        if sum(int(d) * w for d, w in zip(n, weights, strict=True)) % 11 == 0:
            return f"{n[:3]} {n[3:6]} {n[6:]}"


def medicare(r: random.Random) -> str:
    body = r.choice("23456") + digits(r, 7)
    check = sum(int(d) * w for d, w in zip(body, [1, 3, 7, 9, 1, 3, 7, 9], strict=True)) % 10
    n = body + str(check) + r.choice("123456789")
    return f"{n[:4]} {n[4:9]} {n[9]}"


def nie(r: random.Random) -> str:
    head = r.choice("XYZ")
    body = digits(r, 7)
    letter = "TRWAGMYFPDXBNJZSQVHLCKE"[int(str("XYZ".index(head)) + body) % 23]
    return f"{head}{body}{letter}"


ODD_DIGITS = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21]
ODD = dict(
    zip(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        [*ODD_DIGITS, *ODD_DIGITS, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23],
        strict=True,
    )
)


def codice_fiscale(r: random.Random) -> str:
    cons = "BCDFGHJKLMNPQRSTVWXZ"
    body = "".join(r.choice(cons) for _ in range(6))
    body += (
        digits(r, 2)
        + r.choice("ABCDEHLMPRST")
        + f"{r.choice([r.randint(1, 28), r.randint(41, 68)]):02d}"
    )
    body += r.choice("ABCDEFGHLMZ") + digits(r, 3)
    total = 0
    for i, c in enumerate(body):
        if i % 2 == 0:
            total += ODD[c]
        else:
            total += int(c) if c.isdigit() else ord(c) - 65
    return body + chr(65 + total % 26)


def pesel(r: random.Random) -> str:
    year, month, day = r.randint(50, 99), r.randint(1, 12), r.randint(1, 28)
    body = f"{year:02d}{month:02d}{day:02d}" + digits(r, 4)
    s = sum(int(d) * w for d, w in zip(body, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3], strict=True))
    return body + str((10 - s % 10) % 10)


def nric(r: random.Random) -> str:
    head = r.choice("STFG")
    body = digits(r, 7)
    total = sum(int(d) * w for d, w in zip(body, [2, 7, 6, 5, 4, 3, 2], strict=True))
    total += 4 if head in "TG" else 0
    table = "JZIHGFEDCBA" if head in "ST" else "XWUTRQPNMLK"
    return head + body + table[total % 11]


def pan(r: random.Random) -> str:
    up = string.ascii_uppercase
    return (
        "".join(r.choice(up) for _ in range(3)) + "P" + r.choice(up) + digits(r, 4) + r.choice(up)
    )


def rrn(r: random.Random) -> str:
    body = (
        f"{r.randint(60, 99):02d}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
        + r.choice("12")
        + digits(r, 5)
    )
    s = sum(int(d) * w for d, w in zip(body, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5], strict=True))
    n = body + str((11 - s % 11) % 10)
    return f"{n[:6]}-{n[6:]}"


def hetu(r: random.Random) -> str:
    dd, mm, yy = r.randint(1, 28), r.randint(1, 12), r.randint(50, 99)
    ind = r.randint(2, 899)
    key = int(f"{dd:02d}{mm:02d}{yy:02d}{ind:03d}") % 31
    return f"{dd:02d}{mm:02d}{yy:02d}-{ind:03d}" + "0123456789ABCDEFHJKLMNPRSTUVWXY"[key]


def inn(r: random.Random) -> str:
    body = r.choice("1234567") + digits(r, 9)
    c1 = (
        sum(int(d) * w for d, w in zip(body, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8], strict=True))
        % 11
        % 10
    )
    body += str(c1)
    c2 = (
        sum(int(d) * w for d, w in zip(body, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8], strict=True))
        % 11
        % 10
    )
    return body + str(c2)


def snils(r: random.Random) -> str:
    body = "1" + digits(r, 8)
    s = sum(int(d) * (9 - i) for i, d in enumerate(body))
    check = s if s < 100 else 0 if s in (100, 101) else s % 101
    check = 0 if check == 100 else check
    return f"{body[:3]}-{body[3:6]}-{body[6:]} {check:02d}"


def steuer_id(r: random.Random) -> str:
    body = r.choice("123456789") + digits(r, 9)
    product = 10
    for d in body:
        total = (int(d) + product) % 10 or 10
        product = (total * 2) % 11
    check = 11 - product
    return body + str(0 if check == 10 else check)


def sin(r: random.Random) -> str:
    n = luhn_complete(r.choice("1234567") + digits(r, 7))
    return f"{n[:3]}-{n[3:6]}-{n[6:]}" if r.random() < 0.6 else f"{n[:3]} {n[3:6]} {n[6:]}"


# name, provider word, ENV name, generator, Presidio recognizer the kind follows
FAMILIES: list[tuple[str, str, str, Callable[[random.Random], str], str]] = [
    ("pii:card-visa", "card", "CARD_NUMBER", card(["4"], 16, [4, 4, 4, 4]), "credit_card"),
    (
        "pii:card-mastercard",
        "card",
        "CARD_NUMBER",
        card(["51", "52", "53", "54", "55"], 16, [4, 4, 4, 4]),
        "credit_card",
    ),
    (
        "pii:card-mastercard-2series",
        "card",
        "PAYMENT_CARD",
        card(["2221", "2300", "2510", "2720"], 16, [4, 4, 4, 4]),
        "credit_card",
    ),
    ("pii:card-amex", "amex", "CARD_NUMBER", card(["34", "37"], 15, [4, 6, 5]), "credit_card"),
    (
        "pii:card-discover",
        "card",
        "CC_NUMBER",
        card(["6011", "65"], 16, [4, 4, 4, 4]),
        "credit_card",
    ),
    (
        "pii:card-jcb",
        "jcb",
        "CARD_PAN",
        card(["3528", "3530", "3589"], 16, [4, 4, 4, 4]),
        "credit_card",
    ),
    ("pii:card-diners", "diners", "CARD_NUMBER", card(["36", "38"], 14, [4, 6, 4]), "credit_card"),
    (
        "pii:card-unionpay",
        "unionpay",
        "CARD_NUMBER",
        card(["62"], 19, [4, 4, 4, 4, 3]),
        "credit_card",
    ),
    ("pii:iban-de", "iban", "IBAN", iban("DE", "18n"), "iban"),
    ("pii:iban-gb", "iban", "PAYEE_IBAN", iban("GB", "4a 14n"), "iban"),
    ("pii:iban-fr", "iban", "IBAN", iban("FR", "10n 11c 2n"), "iban"),
    ("pii:iban-es", "iban", "IBAN", iban("ES", "20n"), "iban"),
    ("pii:iban-it", "iban", "IBAN", iban("IT", "1a 10n 12c"), "iban"),
    ("pii:iban-nl", "iban", "BANK_IBAN", iban("NL", "4a 10n"), "iban"),
    ("pii:iban-ch", "iban", "IBAN", iban("CH", "5n 12c"), "iban"),
    ("pii:iban-pl", "iban", "IBAN", iban("PL", "24n"), "iban"),
    ("pii:iban-be", "iban", "IBAN", iban("BE", "12n"), "iban"),
    ("pii:iban-at", "iban", "IBAN", iban("AT", "16n"), "iban"),
    ("pii:iban-se", "iban", "IBAN", iban("SE", "20n"), "iban"),
    ("pii:iban-ie", "iban", "IBAN", iban("IE", "4a 14n"), "iban"),
    ("pii:iban-pt", "iban", "IBAN", iban("PT", "21n"), "iban"),
    ("pii:iban-no", "iban", "IBAN", iban("NO", "11n"), "iban"),
    ("pii:iban-dk", "iban", "IBAN", iban("DK", "14n"), "iban"),
    ("pii:iban-fi", "iban", "IBAN", iban("FI", "14n"), "iban"),
    ("pii:iban-lu", "iban", "IBAN", iban("LU", "3n 13c"), "iban"),
    (
        "pii:phone-us",
        "phone",
        "PHONE_NUMBER",
        phone(
            [
                "(N##) N##-####",
                "N##-N##-####",
                "+1 N##-N##-####",
                "N##.N##.####",
                "+1 (N##) N##-####",
            ]
        ),
        "phone_recognizer",
    ),
    (
        "pii:phone-uk",
        "phone",
        "MOBILE",
        phone(["+44 7### ######", "07### ######", "+44 (0)20 N### ####"]),
        "phone_recognizer",
    ),
    (
        "pii:phone-de",
        "phone",
        "TELEFON",
        phone(["+49 151 N#######", "+49 30 N#######", "0171 N######", "+49 (0)89 N######"]),
        "phone_recognizer",
    ),
    (
        "pii:phone-fr",
        "phone",
        "TELEPHONE",
        phone(["+33 6 ## ## ## ##", "06 ## ## ## ##", "+33 1 ## ## ## ##"]),
        "phone_recognizer",
    ),
    (
        "pii:phone-in",
        "phone",
        "MOBILE_NUMBER",
        phone(["+91 9#### #####", "+91-9#########", "09#### #####"]),
        "phone_recognizer",
    ),
    (
        "pii:phone-br",
        "phone",
        "CELULAR",
        phone(["+55 11 9####-####", "(21) 9####-####", "+55 (31) 9####-####"]),
        "phone_recognizer",
    ),
    (
        "pii:phone-jp",
        "phone",
        "PHONE",
        phone(["+81 90-####-####", "090-####-####", "+81 3-####-####"]),
        "phone_recognizer",
    ),
    (
        "pii:phone-au",
        "phone",
        "PHONE",
        phone(["+61 4## ### ###", "04## ### ###", "+61 2 N### ####"]),
        "phone_recognizer",
    ),
    (
        "pii:phone-e164",
        "phone",
        "CALLER_ID",
        phone(["+1415N######", "+4479########", "+49179#######", "+3361#######", "+91 9#########"]),
        "phone_recognizer",
    ),
    ("pii:us-ssn", "ssn", "SSN", ssn, "us_ssn"),
    ("pii:us-itin", "itin", "TAXPAYER_ITIN", itin, "us_itin"),
    ("pii:ca-sin", "sin", "SIN", sin, "ca_sin"),
    ("pii:uk-nhs", "nhs", "NHS_NUMBER", nhs, "uk_nhs"),
    ("pii:au-tfn", "tfn", "TAX_FILE_NUMBER", tfn, "au_tfn"),
    ("pii:au-medicare", "medicare", "MEDICARE_NUMBER", medicare, "au_medicare"),
    ("pii:es-nie", "nie", "NIE", nie, "es_nie"),
    ("pii:it-fiscal-code", "codicefiscale", "CODICE_FISCALE", codice_fiscale, "it_fiscal_code"),
    ("pii:pl-pesel", "pesel", "PESEL", pesel, "pl_pesel"),
    ("pii:sg-nric", "nric", "NRIC", nric, "sg_fin"),
    ("pii:in-pan", "pan", "PAN_NUMBER", pan, "in_pan"),
    ("pii:kr-rrn", "rrn", "RESIDENT_REGISTRATION_NUMBER", rrn, "kr_rrn"),
    ("pii:fi-hetu", "hetu", "HENKILOTUNNUS", hetu, "fi_personal_identity_code"),
    ("pii:ru-inn", "inn", "INN", inn, "ru_inn"),
    ("pii:ru-snils", "snils", "SNILS", snils, "ru_snils"),
    ("pii:de-tax-id", "steuerid", "STEUER_ID", steuer_id, "de_tax_id"),
]


def parse() -> list[dict[str, object]]:
    """The families as dicts in families.py's form (``gen`` instead of ``parts``)."""
    return [
        {"name": n, "word": w, "env": e, "gen": g, "source": f"presidio:{src}", "parts": []}
        for n, w, e, g, src in FAMILIES
    ]
