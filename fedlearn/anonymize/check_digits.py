"""Check digits (and the shapes of numbers that have none): Luhn for payment cards, mod 97 for
IBANs, and the national ids ``numbers`` and ``personal_ids`` find: US SSN and ITIN, Brazil CPF,
Netherlands BSN, Spain DNI/NIE, UK NINO and NHS, Canada SIN, Australia TFN and Medicare, Italy's
codice fiscale, Poland PESEL, Singapore NRIC/FIN, India PAN, Korea RRN, Finland HETU, Russia INN
and SNILS, Germany's Steuer-ID. Each takes the number's letters and digits, upper case, no blanks.
"""

from __future__ import annotations

from fedlearn.anonymize.rules import Lazy


def weighted(digits: str, weights: tuple[int, ...]) -> int:
    """Return the sum of the digits times their weights."""
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True))


def is_luhn(digits: str) -> bool:
    """Return whether the digit string passes the Luhn check (payment card numbers)."""
    total = 0
    for index, character in enumerate(reversed(digits)):
        digit = int(character)
        if index % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def is_iban(value: str) -> bool:
    """Return whether ``value`` (no blanks) passes the IBAN mod-97 check."""
    moved = value[4:] + value[:4]
    number = "".join(str(int(c, 36)) for c in moved)
    return int(number) % 97 == 1


# The check letter of a Spanish DNI or NIE: the letter at the number modulo 23.
DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
# Letters no UK National Insurance number starts with, has second, or starts with as a pair.
NINO_NOT_FIRST = frozenset("DFIQUV")
NINO_NOT_SECOND = frozenset("DFIOQUV")
NINO_NOT_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


def is_ssn(digits: str) -> bool:
    """Return whether 9 digits can be a US Social Security number (area, group, serial rules)."""
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    if len(digits) != 9 or area in ("000", "666") or area[0] == "9":
        return False
    return group != "00" and serial != "0000"


def is_cpf(digits: str) -> bool:
    """Return whether 11 digits are a Brazilian CPF: both check digits right, not one digit."""
    if len(digits) != 11 or len(set(digits)) == 1:
        return False
    values = [int(digit) for digit in digits]
    for size in (9, 10):
        total = sum(
            value * weight for value, weight in zip(values, range(size + 1, 1, -1), strict=False)
        )
        if values[size] != (0 if total % 11 < 2 else 11 - total % 11):
            return False
    return True


def is_bsn(digits: str) -> bool:
    """Return whether 9 digits pass the Dutch BSN 11-test (the last digit weighs -1)."""
    if len(digits) != 9 or digits == "000000000":
        return False
    return weighted(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1)) % 11 == 0


def is_dni(value: str) -> bool:
    """Return whether ``value`` (upper case, no blanks) is a Spanish DNI or NIE with its letter."""
    if len(value) != 9 or not value[-1].isalpha():
        return False
    number = value[:-1]
    if number[0] in "XYZ":
        number = str("XYZ".index(number[0])) + number[1:]
    return number.isdigit() and DNI_LETTERS[int(number) % 23] == value[-1]


def is_nino(value: str) -> bool:
    """Return whether ``value`` (upper case, no blanks) is a UK National Insurance number."""
    if len(value) not in (8, 9) or not value[2:8].isdigit() or not value[:2].isalpha():
        return False
    if value[0] in NINO_NOT_FIRST or value[1] in NINO_NOT_SECOND or value[:2] in NINO_NOT_PREFIXES:
        return False
    return len(value) == 8 or value[8] in "ABCD"


def is_itin(digits: str) -> bool:
    """Return whether 9 digits are a US ITIN: a 9, and a group of 50–65, 70–88, 90–92 or 94–99."""
    group = int(digits[3:5]) if len(digits) == 9 and digits.isdigit() else 0
    return digits[:1] == "9" and (50 <= group <= 65 or 70 <= group <= 88 or group in ITIN_HIGH)


ITIN_HIGH = frozenset({90, 91, 92, 94, 95, 96, 97, 98, 99})


def is_sin(digits: str) -> bool:
    """Return whether 9 digits are a Canadian SIN: Luhn, not starting with 0 or 8."""
    return len(digits) == 9 and digits[0] not in "08" and is_luhn(digits)


def is_nhs(digits: str) -> bool:
    """Return whether 10 digits are a UK NHS number (mod 11 check digit)."""
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    check = 11 - weighted(digits[:9], (10, 9, 8, 7, 6, 5, 4, 3, 2)) % 11
    return (0 if check == 11 else check) == int(digits[9])


def is_tfn(digits: str) -> bool:
    """Return whether 9 digits are an Australian tax file number (weighted sum, mod 11)."""
    if len(digits) != 9 or len(set(digits)) == 1:
        return False
    return weighted(digits, (1, 4, 3, 7, 5, 8, 6, 9, 10)) % 11 == 0


def is_medicare(digits: str) -> bool:
    """Return whether 10 or 11 digits are an Australian Medicare number (2–6, check digit)."""
    if len(digits) not in (10, 11) or digits[0] not in "23456":
        return False
    return weighted(digits[:8], (1, 3, 7, 9, 1, 3, 7, 9)) % 10 == int(digits[8])


# The codice fiscale's odd-position values, by character (a digit as the letter at its place).
CF_FIRST = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21)
CF_LETTERS = (*CF_FIRST, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23)
CF_ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", CF_FIRST + CF_LETTERS, strict=True))


def is_codice_fiscale(value: str) -> bool:
    """Return whether 16 characters are an Italian codice fiscale with its check letter."""
    if len(value) != 16 or not value.isalnum():
        return False
    total = 0
    for index, c in enumerate(value[:15]):
        total += CF_ODD[c] if index % 2 == 0 else (int(c) if c.isdigit() else ord(c) - 65)
    return chr(65 + total % 26) == value[15]


def is_pesel(digits: str) -> bool:
    """Return whether 11 digits are a Polish PESEL: a real month (century-coded), its check."""
    if len(digits) != 11 or not 1 <= int(digits[2:4]) % 20 <= 12 or not 1 <= int(digits[4:6]) <= 31:
        return False
    return (10 - weighted(digits[:10], (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)) % 10) % 10 == int(digits[10])


def is_nric(value: str) -> bool:
    """Return whether ``S1234567D`` is a Singapore NRIC/FIN (S, T, F, G) with its check letter."""
    if len(value) != 9 or value[0] not in "STFG" or not value[1:8].isdigit():
        return False
    total = weighted(value[1:8], (2, 7, 6, 5, 4, 3, 2)) + (4 if value[0] in "TG" else 0)
    table = "JZIHGFEDCBA" if value[0] in "ST" else "XWUTRQPNMLK"
    return table[total % 11] == value[8]


def is_pan(value: str) -> bool:
    """Return whether 10 characters are shaped like an Indian PAN (it has no check character)."""
    return bool(PAN.fullmatch(value))


PAN = Lazy(r"[A-Z]{3}[ABCFGHJLPT][A-Z][0-9]{4}[A-Z]")


def is_date(day: str, month: str) -> bool:
    """Return whether day and month (two digits each) can be a calendar day."""
    return 1 <= int(month) <= 12 and 1 <= int(day) <= 31


def is_rrn(digits: str) -> bool:
    """Return whether 13 digits are a Korean resident registration number: a date, its check."""
    if len(digits) != 13 or digits[6] not in "12345678" or not is_date(digits[4:6], digits[2:4]):
        return False
    check = (11 - weighted(digits[:12], (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)) % 11) % 10
    return check == int(digits[12])


HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def is_hetu(value: str) -> bool:
    """Return whether ``DDMMYY-NNNC`` (its ``-``/``+`` may be gone) is a Finnish identity code."""
    if len(value) == 10:
        value = value[:6] + "-" + value[6:]
    if len(value) != 11 or not (value[:6] + value[7:10]).isdigit() or value[6] not in HETU_SIGNS:
        return False
    return (
        is_date(value[:2], value[2:4])
        and HETU_CHECK[int(value[:6] + value[7:10]) % 31] == value[10]
    )


HETU_SIGNS = "-+ABCDEFUVWXY"


def is_inn(digits: str) -> bool:
    """Return whether 10 or 12 digits are a Russian INN with its check digit(s)."""
    weights = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
    if len(digits) == 10:
        return weighted(digits[:9], weights[2:]) % 11 % 10 == int(digits[9])
    if len(digits) != 12:
        return False
    first = weighted(digits[:10], weights[1:]) % 11 % 10
    return first == int(digits[10]) and weighted(digits[:11], weights) % 11 % 10 == int(digits[11])


def is_snils(digits: str) -> bool:
    """Return whether 11 digits are a Russian SNILS with its two check digits."""
    if len(digits) != 11 or len(set(digits[:9])) == 1:
        return False
    total = weighted(digits[:9], (9, 8, 7, 6, 5, 4, 3, 2, 1))
    check = total if total < 100 else 0 if total in (100, 101) else total % 101 % 100
    return check == int(digits[9:])


def is_steuer_id(digits: str) -> bool:
    """Return whether 11 digits are a German Steuer-ID (ISO 7064 mod 11,10; no leading 0)."""
    if len(digits) != 11 or digits[0] == "0" or len(set(digits[:10])) > 9:
        return False
    product = 10
    for d in digits[:10]:
        total = (int(d) + product) % 10 or 10
        product = total * 2 % 11
    return (11 - product) % 10 == int(digits[10])


def is_nir(value: str) -> bool:
    """Return whether 15 characters are a French NIR (numéro de sécurité sociale): a sex digit,
    a month, a department (Corsica ``2A``/``2B``), and the key ``97 - N mod 97``."""
    if len(value) != 15 or value[0] not in "12378" or not (value[:5] + value[7:]).isdigit():
        return False
    department = {"2A": "19", "2B": "18"}.get(value[5:7], value[5:7])
    month = int(value[3:5])
    if not department.isdigit() or not (1 <= month <= 12 or month == 20 or month >= 30):
        return False
    return 97 - int(value[:5] + department + value[7:13]) % 97 == int(value[13:])


def is_za_id(digits: str) -> bool:
    """Return whether 13 digits are a South African identity number: a date of birth, a
    citizenship digit (0, 1, 2), Luhn."""
    if len(digits) != 13 or not digits.isdigit() or digits[10] not in "012":
        return False
    return is_date(digits[4:6], digits[2:4]) and is_luhn(digits)
