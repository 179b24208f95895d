"""Personal data families of the seventh held-out corpus: identity documents, tax, health, bank and
device numbers of kinds and countries no earlier corpus holds.

The kinds are those of Google Sensitive Data Protection's high-sensitivity infoTypes
(https://cloud.google.com/sensitive-data-protection/docs/high-sensitivity-infotypes-reference)
and Amazon Macie's managed data identifiers for PII, PHI and financial data
(https://docs.aws.amazon.com/macie/latest/user/mdis-reference-quick.html); the formats and check
digits are the issuers' published rules (ISO 7064, Luhn, mod 11, mod 97, the 7-3-1 weights of
German/ICAO documents), each written as people write it. Every value is generated; none is real.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

Gen = Callable[[random.Random], str]
UP = string.ascii_uppercase


def d(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def up(rng: random.Random, n: int, alphabet: str = UP) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        n = int(ch)
        if i % 2 == 0:
            n *= 2
            n -= 9 if n > 9 else 0
        total += n
    return str((10 - total % 10) % 10)


def mod11(body: str, weights: list[int]) -> int:
    return sum(int(c) * w for c, w in zip(body, weights, strict=False)) % 11


def date6(rng: random.Random) -> tuple[int, int, int]:
    return rng.randrange(40, 99), rng.randrange(1, 13), rng.randrange(1, 29)


def icao_check(s: str) -> str:
    """ICAO 9303 check digit (weights 7, 3, 1; A=10 … Z=35, < = 0)."""
    vals = [int(c) if c.isdigit() else (0 if c == "<" else ord(c) - 55) for c in s]
    return str(sum(v * (7, 3, 1)[i % 3] for i, v in enumerate(vals)) % 10)


# --- North America ------------------------------------------------------------------------------


def us_dl_ca(rng: random.Random) -> str:
    return rng.choice(UP) + d(rng, 7)


def us_dl_fl(rng: random.Random) -> str:
    v = rng.choice(UP) + d(rng, 12)
    return f"{v[:4]}-{v[4:7]}-{v[7:9]}-{v[9:12]}-{v[12]}"


def us_dl_ny(rng: random.Random) -> str:
    v = d(rng, 9)
    return f"{v[:3]} {v[3:6]} {v[6:]}"


def us_passport(rng: random.Random) -> str:
    return rng.choice(["", rng.choice("ACEGHJKLMN")]) + d(rng, 9 if rng.random() < 0.5 else 8)


def us_bank_account(rng: random.Random) -> str:
    return d(rng, rng.choice([10, 11, 12]))


def us_mbi(rng: random.Random) -> str:
    letters = "ACDEFGHJKMNPQRTUVWXY"
    alnum = letters + string.digits
    v = (
        str(rng.randrange(1, 10))
        + rng.choice(letters)
        + rng.choice(alnum)
        + d(rng, 1)
        + "-"
        + rng.choice(letters)
        + rng.choice(alnum)
        + d(rng, 1)
        + "-"
        + rng.choice(letters)
        + rng.choice(letters)
        + d(rng, 2)
    )
    return v


def us_npi(rng: random.Random) -> str:
    body = rng.choice("12") + d(rng, 8)
    return body + luhn_digit("80840" + body)


def us_dea(rng: random.Random) -> str:
    first = rng.choice("ABFGMPR")
    second = rng.choice(UP)
    n = d(rng, 6)
    check = (int(n[0]) + int(n[2]) + int(n[4]) + 2 * (int(n[1]) + int(n[3]) + int(n[5]))) % 10
    return f"{first}{second}{n}{check}"


def us_ein(rng: random.Random) -> str:
    return f"{rng.choice(['12', '27', '45', '84', '94'])}-{d(rng, 7)}"


def us_dod_id(rng: random.Random) -> str:
    return "1" + d(rng, 9)


def us_hicn(rng: random.Random) -> str:
    return f"{d(rng, 3)}-{d(rng, 2)}-{d(rng, 4)}{rng.choice('ABCDMT')}"


def ca_passport(rng: random.Random) -> str:
    return up(rng, 2) + d(rng, 6)


def ca_on_dl(rng: random.Random) -> str:
    v = d(rng, 14)
    return f"{rng.choice(UP)}{v[:4]}-{v[4:9]}-{v[9:]}"


def ca_ohip(rng: random.Random) -> str:
    v = d(rng, 10)
    return f"{v[:4]}-{v[4:7]}-{v[7:]}-{up(rng, 2)}"


def ca_bc_phn(rng: random.Random) -> str:
    while True:
        body = "9" + d(rng, 8)
        s = sum(int(c) * w for c, w in zip(body[1:], [2, 4, 8, 5, 10, 9, 7, 3], strict=True)) % 11
        if s != 1:  # check = 11 - s; s in {0, 1} cannot be written (10/11)
            if s == 0:
                continue
            v = body + str(11 - s)
            return f"{v[:4]} {v[4:7]} {v[7:]}"


def ca_quebec_hin(rng: random.Random) -> str:
    y, m, dd = date6(rng)
    return f"{up(rng, 4)} {y:02d}{m + rng.choice([0, 50]):02d} {dd:02d}{d(rng, 2)}"


def ca_bank_account(rng: random.Random) -> str:
    return f"{d(rng, 5)}-{rng.choice(['001', '002', '003', '004', '006', '815'])}-{d(rng, 7)}"


def mx_curp(rng: random.Random) -> str:
    y, m, dd = date6(rng)
    body = (
        up(rng, 1, "BCDFGHJKLMNPRSTVZ")
        + up(rng, 1, "AEIOU")
        + up(rng, 2)
        + f"{y:02d}{m:02d}{dd:02d}"
        + rng.choice("HM")
        + rng.choice(["DF", "JC", "NL", "MC", "PL", "GT", "VZ"])
        + up(rng, 3, "BCDFGHJKLMNPRSTVZ")
        + rng.choice("0")
    )
    table = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"
    total = sum(table.index(c) * (18 - i) for i, c in enumerate(body))
    return body + str((10 - total % 10) % 10)


def mx_rfc(rng: random.Random) -> str:
    y, m, dd = date6(rng)
    return up(rng, 4) + f"{y:02d}{m:02d}{dd:02d}" + up(rng, 3, UP + string.digits)


def mx_passport(rng: random.Random) -> str:
    return rng.choice("GN") + d(rng, 8)


# --- South America --------------------------------------------------------------------------------


def ar_dni(rng: random.Random) -> str:
    v = str(rng.randrange(20_000_000, 45_000_000))
    return f"{v[:2]}.{v[2:5]}.{v[5:]}"


def ar_cuit(rng: random.Random) -> str:
    while True:
        body = rng.choice(["20", "23", "27", "30"]) + str(rng.randrange(20_000_000, 45_000_000))
        r = 11 - mod11(body, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        if r == 10:
            continue
        return f"{body[:2]}-{body[2:]}-{0 if r == 11 else r}"


def cl_rut(rng: random.Random) -> str:
    n = str(rng.randrange(5_000_000, 26_000_000))
    total = sum(int(c) * (2 + i % 6) for i, c in enumerate(reversed(n)))
    r = 11 - total % 11
    dv = {11: "0", 10: "K"}.get(r, str(r))
    return f"{int(n):,}".replace(",", ".") + "-" + dv


def co_cedula(rng: random.Random) -> str:
    return f"{rng.randrange(1_000_000_000, 1_200_000_000):,}".replace(",", ".")


def br_cnpj(rng: random.Random) -> str:
    base = d(rng, 8) + "0001"
    w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]
    r = sum(int(c) * w for c, w in zip(base, w1, strict=True)) % 11
    base += str(0 if r < 2 else 11 - r)
    r = sum(int(c) * w for c, w in zip(base, [6, *w1], strict=True)) % 11
    base += str(0 if r < 2 else 11 - r)
    return f"{base[:2]}.{base[2:5]}.{base[5:8]}/{base[8:12]}-{base[12:]}"


def br_rg(rng: random.Random) -> str:
    v = d(rng, 8)
    return f"{v[:2]}.{v[2:5]}.{v[5:]}-{rng.choice(string.digits + 'X')}"


# --- Europe -----------------------------------------------------------------------------------------


def uk_passport(rng: random.Random) -> str:
    return d(rng, 9)


def uk_driving(rng: random.Random) -> str:
    surname = rng.choice(["MORGA", "SMITH", "JONES", "PATEL", "WILLI", "TAYLO", "BROWN", "KHAN9"])
    y, m, dd = date6(rng)
    decade, year = divmod(y, 10)
    month = m + rng.choice([0, 50])
    return f"{surname}{decade}{month:02d}{dd:02d}{year}{up(rng, 2)}9{up(rng, 2)}"


def uk_utr(rng: random.Random) -> str:
    v = d(rng, 10)
    return f"{v[:5]} {v[5:]}"


def uk_account(rng: random.Random) -> str:
    return d(rng, 8)


def fr_nir(rng: random.Random) -> str:
    y, m, _ = date6(rng)
    body = f"{rng.choice('12')}{y:02d}{m:02d}{rng.randrange(1, 96):02d}{d(rng, 3)}{d(rng, 3)}"
    key = 97 - int(body) % 97
    return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}"


def fr_cni(rng: random.Random) -> str:
    return up(rng, 4, UP + string.digits) + d(rng, 1) + up(rng, 4, UP + string.digits)


def fr_passport(rng: random.Random) -> str:
    return d(rng, 2) + up(rng, 2) + d(rng, 5)


def fr_tax(rng: random.Random) -> str:
    v = rng.choice("0123") + d(rng, 12)
    return f"{v[:2]} {v[2:4]} {v[4:7]} {v[7:10]} {v[10:]}"


def fr_dl(rng: random.Random) -> str:
    return d(rng, 12)


def de_id_card(rng: random.Random) -> str:
    body = up(rng, 1, "CFGHJKLMNPRTVWXYZ") + up(rng, 8, "CFGHJKLMNPRTVWXYZ0123456789")
    return body + icao_check(body)


def de_passport(rng: random.Random) -> str:
    return "C" + up(rng, 8, "CFGHJKLMNPRTVWXYZ0123456789")


def de_dl(rng: random.Random) -> str:
    return (
        rng.choice(UP)
        + d(rng, 2)
        + up(rng, 6, UP + string.digits)
        + d(rng, 1)
        + up(rng, 1, UP + string.digits)
    )


def ie_ppsn(rng: random.Random) -> str:
    body = d(rng, 7)
    total = sum(int(c) * w for c, w in zip(body, range(8, 1, -1), strict=True))
    return body + "WABCDEFGHIJKLMNOPQRSTUV"[total % 23]


def ie_passport(rng: random.Random) -> str:
    return up(rng, 2) + d(rng, 7)


def es_passport(rng: random.Random) -> str:
    return up(rng, 3) + d(rng, 6)


def es_nss(rng: random.Random) -> str:
    prov = f"{rng.randrange(1, 53):02d}"
    num = d(rng, 8)
    return f"{prov}/{num}/{int(prov + num) % 97:02d}"


def pt_nif(rng: random.Random) -> str:
    while True:
        body = rng.choice("12") + d(rng, 7)
        r = 11 - sum(int(c) * w for c, w in zip(body, range(9, 1, -1), strict=True)) % 11
        if r < 10:
            return body + str(r)
        if r in (10, 11):
            return body + "0"


def pt_cc(rng: random.Random) -> str:
    return f"{d(rng, 8)} {d(rng, 1)} {up(rng, 2)}{d(rng, 1)}"


def it_cie(rng: random.Random) -> str:
    return "C" + up(rng, 1) + d(rng, 5) + up(rng, 2)


def it_passport(rng: random.Random) -> str:
    return up(rng, 2) + d(rng, 7)


def nl_passport(rng: random.Random) -> str:
    return (
        up(rng, 2, "ABCDEFGHIJKLMNPQRSTUVWXYZ")
        + up(rng, 6, "ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789")
        + d(rng, 1)
    )


def be_nn(rng: random.Random) -> str:
    y, m, dd = date6(rng)
    body = f"{y:02d}{m:02d}{dd:02d}{rng.randrange(1, 998):03d}"
    check = 97 - int(body) % 97
    return f"{body[:2]}.{body[2:4]}.{body[4:6]}-{body[6:9]}.{check:02d}"


def dk_cpr(rng: random.Random) -> str:
    y, m, dd = date6(rng)
    return f"{dd:02d}{m:02d}{y:02d}-{d(rng, 4)}"


def se_pnr(rng: random.Random) -> str:
    y, m, dd = date6(rng)
    body = f"{y:02d}{m:02d}{dd:02d}{d(rng, 3)}"
    return f"{body[:6]}-{body[6:]}{luhn_digit(body)}"


def no_fnr(rng: random.Random) -> str:
    while True:
        y, m, dd = date6(rng)
        body = f"{dd:02d}{m:02d}{y:02d}{d(rng, 3)}"
        k1 = 11 - mod11(body, [3, 7, 6, 1, 8, 9, 4, 5, 2])
        k1 = 0 if k1 == 11 else k1
        if k1 == 10:
            continue
        body += str(k1)
        k2 = 11 - mod11(body, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        k2 = 0 if k2 == 11 else k2
        if k2 == 10:
            continue
        return body + str(k2)


def pl_id_card(rng: random.Random) -> str:
    letters = up(rng, 3)
    digits = d(rng, 5)
    vals = [ord(c) - 55 for c in letters]
    w = [7, 3, 1]
    total = sum(v * w[i] for i, v in enumerate(vals)) + sum(
        int(c) * w2 for c, w2 in zip(digits, [7, 3, 1, 7, 3], strict=True)
    )
    return f"{letters}{total % 10}{digits}"


def pl_nip(rng: random.Random) -> str:
    while True:
        body = d(rng, 9)
        r = mod11(body, [6, 5, 7, 2, 3, 4, 5, 6, 7])
        if r < 10:
            v = body + str(r)
            return f"{v[:3]}-{v[3:6]}-{v[6:8]}-{v[8:]}"


def ro_cnp(rng: random.Random) -> str:
    y, m, dd = date6(rng)
    body = f"{rng.choice('12')}{y:02d}{m:02d}{dd:02d}{rng.randrange(1, 47):02d}{d(rng, 3)}"
    r = sum(int(c) * int(w) for c, w in zip(body, "279146358279", strict=True)) % 11
    return body + ("1" if r == 10 else str(r))


def bg_egn(rng: random.Random) -> str:
    y, m, dd = date6(rng)
    body = f"{y:02d}{m:02d}{dd:02d}{d(rng, 3)}"
    r = sum(int(c) * w for c, w in zip(body, [2, 4, 8, 5, 10, 9, 7, 3, 6], strict=True)) % 11
    return body + str(0 if r == 10 else r)


def hr_oib(rng: random.Random) -> str:
    body = d(rng, 10)
    p = 10
    for c in body:
        p = (p + int(c)) % 10 or 10
        p = (p * 2) % 11
    return body + str((11 - p) % 10)


def cz_rc(rng: random.Random) -> str:
    while True:
        y, m, dd = date6(rng)
        body = f"{y:02d}{m + rng.choice([0, 50]):02d}{dd:02d}{d(rng, 3)}"
        r = int(body) % 11
        if r < 10:
            return f"{body[:6]}/{body[6:]}{r}"


def gr_amka(rng: random.Random) -> str:
    y, m, dd = date6(rng)
    body = f"{dd:02d}{m:02d}{y:02d}{d(rng, 4)}"
    return body + luhn_digit(body)


def at_svnr(rng: random.Random) -> str:
    while True:
        y, m, dd = date6(rng)
        serial = str(rng.randrange(100, 1000))
        birth = f"{dd:02d}{m:02d}{y:02d}"
        c = (
            sum(
                int(x) * w for x, w in zip(serial + birth, [3, 7, 9, 5, 8, 4, 2, 1, 6], strict=True)
            )
            % 11
        )
        if c < 10:
            return f"{serial}{c} {birth}"


def ch_ahv(rng: random.Random) -> str:
    body = "756" + d(rng, 9)
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    v = body + str((10 - total % 10) % 10)
    return f"{v[:3]}.{v[3:7]}.{v[7:11]}.{v[11:]}"


def tr_tckn(rng: random.Random) -> str:
    n = [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(8)]
    d10 = ((n[0] + n[2] + n[4] + n[6] + n[8]) * 7 - (n[1] + n[3] + n[5] + n[7])) % 10
    d11 = (sum(n) + d10) % 10
    return "".join(map(str, n)) + str(d10) + str(d11)


# --- Asia, Oceania, Africa, Middle East ---------------------------------------------------------------


def cn_rid(rng: random.Random) -> str:
    y, m, dd = date6(rng)
    body = (
        f"{rng.choice(['110101', '310104', '440305', '510107'])}19{y:02d}{m:02d}{dd:02d}{d(rng, 3)}"
    )
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * x for c, x in zip(body, w, strict=True)) % 11]


def cn_passport(rng: random.Random) -> str:
    return rng.choice(["E", "EA", "EB"]) + d(rng, 8 if rng.random() < 0.5 else 7)


def hk_id(rng: random.Random) -> str:
    letter = rng.choice(UP)
    digits = d(rng, 6)
    total = (
        36 * 9
        + (ord(letter) - 55) * 8
        + sum(int(c) * w for c, w in zip(digits, range(7, 1, -1), strict=True))
    )
    r = 11 - total % 11
    check = {10: "A", 11: "0"}.get(r, str(r))
    return f"{letter}{digits}({check})"


def tw_id(rng: random.Random) -> str:
    codes = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36), strict=True))
    letter = rng.choice("ABCDEFGHJKLMNPQRSTUVXYWZIO")
    body = rng.choice("12") + d(rng, 7)
    v = codes[letter]
    total = (
        v // 10 + (v % 10) * 9 + sum(int(c) * w for c, w in zip(body, range(8, 0, -1), strict=True))
    )
    return f"{letter}{body}{(10 - total % 10) % 10}"


def jp_my_number(rng: random.Random) -> str:
    body = d(rng, 11)
    q = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    r = sum(int(c) * w for c, w in zip(body, q, strict=True)) % 11
    v = body + str(0 if r <= 1 else 11 - r)
    return f"{v[:4]} {v[4:8]} {v[8:]}"


def jp_passport(rng: random.Random) -> str:
    return rng.choice(["TK", "TR", "MZ", "TZ"]) + d(rng, 7)


def jp_dl(rng: random.Random) -> str:
    return rng.choice(["30", "45", "62"]) + d(rng, 10)


def jp_bank(rng: random.Random) -> str:
    return f"{d(rng, 3)}-{d(rng, 7)}"


def kr_passport(rng: random.Random) -> str:
    return rng.choice("MSR") + d(rng, 3) + rng.choice(UP) + d(rng, 4)


def in_passport(rng: random.Random) -> str:
    return rng.choice("JKLMNPRSTUVWZ") + d(rng, 7)


def in_gst(rng: random.Random) -> str:
    pan = up(rng, 3) + "P" + up(rng, 1) + d(rng, 4) + up(rng, 1)
    return f"{rng.randrange(1, 38):02d}{pan}1Z{rng.choice(UP + string.digits)}"


def in_epic(rng: random.Random) -> str:
    return up(rng, 3) + d(rng, 7)


def id_nik(rng: random.Random) -> str:
    y, m, dd = date6(rng)
    return f"{rng.choice(['3171', '3273', '3578', '5171'])}{d(rng, 2)}{dd + rng.choice([0, 40]):02d}{m:02d}{y:02d}{d(rng, 4)}"


def my_mykad(rng: random.Random) -> str:
    y, m, dd = date6(rng)
    return f"{y:02d}{m:02d}{dd:02d}-{rng.choice(['01', '08', '10', '14'])}-{d(rng, 4)}"


def th_id(rng: random.Random) -> str:
    body = rng.choice("1358") + d(rng, 11)
    total = sum(int(c) * w for c, w in zip(body, range(13, 1, -1), strict=True))
    v = body + str((11 - total % 11) % 10)
    return f"{v[0]}-{v[1:5]}-{v[5:10]}-{v[10:12]}-{v[12]}"


def sg_passport(rng: random.Random) -> str:
    return rng.choice("EK") + d(rng, 7) + rng.choice(UP)


def ph_sss(rng: random.Random) -> str:
    return f"{d(rng, 2)}-{d(rng, 7)}-{d(rng, 1)}"


def vn_cccd(rng: random.Random) -> str:
    return f"0{rng.randrange(1, 97):02d}{rng.choice('0123')}{d(rng, 8)}"


def nz_ird(rng: random.Random) -> str:
    while True:
        body = str(rng.randrange(10_000_000, 99_999_999))
        r = sum(int(c) * w for c, w in zip(body, [3, 2, 7, 6, 5, 4, 3, 2], strict=True)) % 11
        c = 0 if r == 0 else 11 - r
        if c < 10:
            v = body + str(c)
            return f"{v[:3]}-{v[3:6]}-{v[6:]}"


def nz_nhi(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    while True:
        a = up(rng, 3, letters)
        n = d(rng, 3)
        vals = [letters.index(c) + 1 for c in a] + [int(c) for c in n]
        r = sum(v * w for v, w in zip(vals, range(7, 1, -1), strict=True)) % 11
        c = 11 - r
        if r != 0 and c != 10:
            return a + n + str(c % 10)


def au_passport(rng: random.Random) -> str:
    return rng.choice(["N", "PA", "PB", "RA"]) + d(rng, 7)


def au_dl(rng: random.Random) -> str:
    return d(rng, rng.choice([8, 9, 10]))


def au_bsb_account(rng: random.Random) -> str:
    return d(rng, 9)


def za_id(rng: random.Random) -> str:
    y, m, dd = date6(rng)
    body = f"{y:02d}{m:02d}{dd:02d}{d(rng, 4)}{rng.choice('01')}8"
    return body + luhn_digit(body)


def il_id(rng: random.Random) -> str:
    body = d(rng, 8)
    total = 0
    for i, c in enumerate(body):
        n = int(c) * (1 + i % 2)
        total += n - 9 if n > 9 else n
    return body + str((10 - total % 10) % 10)


def ae_eid(rng: random.Random) -> str:
    body = f"784{rng.randrange(1960, 2005)}{d(rng, 7)}"
    return f"{body[:3]}-{body[3:7]}-{body[7:]}-{luhn_digit(body)}"


def sa_nid(rng: random.Random) -> str:
    body = rng.choice("12") + d(rng, 8)
    return body + luhn_digit(body)


def ng_nin(rng: random.Random) -> str:
    return d(rng, 11)


# --- devices and payment data ----------------------------------------------------------------------


def imei(rng: random.Random) -> str:
    body = rng.choice(["35", "86", "01", "99"]) + d(rng, 12)
    return body + luhn_digit(body)


def imsi(rng: random.Random) -> str:
    return rng.choice(["310260", "234150", "262010", "44010"]) + d(rng, 9)


def iccid(rng: random.Random) -> str:
    body = "89" + rng.choice(["01", "44", "49", "33"]) + d(rng, 14)
    return body + luhn_digit(body)


def track2(rng: random.Random) -> str:
    body = "4" + d(rng, 14)
    pan = body + luhn_digit(body)
    return f";{pan}={rng.randrange(27, 31)}{rng.randrange(1, 13):02d}101{d(rng, 12)}?"


def track1(rng: random.Random) -> str:
    body = "5" + rng.choice("12345") + d(rng, 13)
    pan = body + luhn_digit(body)
    return f"%B{pan}^DOE/JANE^{rng.randrange(27, 31)}{rng.randrange(1, 13):02d}101{d(rng, 9)}?"


FAMILIES: list[tuple[str, str, str, Gen, str]] = [
    ("pii:us-dl-california", "driver", "DRIVERS_LICENSE_NUMBER", us_dl_ca, "macie"),
    ("pii:us-dl-florida", "driver", "DRIVER_LICENSE", us_dl_fl, "macie"),
    ("pii:us-dl-newyork", "license", "DL_NUMBER", us_dl_ny, "macie"),
    ("pii:us-passport", "passport", "PASSPORT_NUMBER", us_passport, "macie"),
    ("pii:us-bank-account", "account", "BANK_ACCOUNT_NUMBER", us_bank_account, "macie"),
    ("pii:us-medicare-mbi", "medicare", "MEDICARE_BENEFICIARY_ID", us_mbi, "macie"),
    ("pii:us-npi", "npi", "PROVIDER_NPI", us_npi, "macie"),
    ("pii:us-dea", "dea", "DEA_NUMBER", us_dea, "macie"),
    ("pii:us-ein", "ein", "EMPLOYER_ID_NUMBER", us_ein, "dlp"),
    ("pii:us-dod-id", "dod", "DOD_ID", us_dod_id, "dlp"),
    ("pii:us-hicn", "hicn", "HEALTH_INSURANCE_CLAIM_NUMBER", us_hicn, "macie"),
    ("pii:ca-passport", "passport", "PASSPORT_NO", ca_passport, "dlp"),
    ("pii:ca-ontario-dl", "licence", "DRIVERS_LICENCE", ca_on_dl, "dlp"),
    ("pii:ca-ohip", "ohip", "HEALTH_CARD_NUMBER", ca_ohip, "dlp"),
    ("pii:ca-bc-phn", "phn", "PERSONAL_HEALTH_NUMBER", ca_bc_phn, "dlp"),
    ("pii:ca-quebec-hin", "ramq", "HEALTH_INSURANCE_NUMBER", ca_quebec_hin, "dlp"),
    ("pii:ca-bank-account", "account", "BANK_ACCOUNT", ca_bank_account, "dlp"),
    ("pii:mx-curp", "curp", "CURP", mx_curp, "dlp"),
    ("pii:mx-rfc", "rfc", "RFC", mx_rfc, "dlp"),
    ("pii:mx-passport", "pasaporte", "PASSPORT", mx_passport, "dlp"),
    ("pii:ar-dni", "dni", "DOCUMENTO", ar_dni, "dlp"),
    ("pii:ar-cuit", "cuit", "CUIT", ar_cuit, "dlp"),
    ("pii:cl-rut", "rut", "RUT", cl_rut, "dlp"),
    ("pii:co-cedula", "cedula", "CEDULA", co_cedula, "dlp"),
    ("pii:br-cnpj", "cnpj", "CNPJ", br_cnpj, "macie"),
    ("pii:br-rg", "rg", "RG_NUMBER", br_rg, "dlp"),
    ("pii:uk-passport", "passport", "PASSPORT_NUMBER", uk_passport, "macie"),
    ("pii:uk-driving-licence", "licence", "DRIVING_LICENCE_NUMBER", uk_driving, "macie"),
    ("pii:uk-utr", "utr", "UNIQUE_TAXPAYER_REFERENCE", uk_utr, "macie"),
    ("pii:uk-bank-account", "account", "ACCOUNT_NUMBER", uk_account, "macie"),
    ("pii:fr-nir", "insee", "NUMERO_SECURITE_SOCIALE", fr_nir, "dlp"),
    ("pii:fr-cni", "cni", "CARTE_IDENTITE", fr_cni, "dlp"),
    ("pii:fr-passport", "passeport", "PASSEPORT", fr_passport, "dlp"),
    ("pii:fr-tax-id", "fiscal", "NUMERO_FISCAL", fr_tax, "dlp"),
    ("pii:fr-driving-licence", "permis", "NUMERO_PERMIS", fr_dl, "dlp"),
    ("pii:de-id-card", "ausweis", "PERSONALAUSWEIS_NUMMER", de_id_card, "dlp"),
    ("pii:de-passport", "reisepass", "REISEPASS_NUMMER", de_passport, "dlp"),
    ("pii:de-driving-licence", "fuehrerschein", "FUEHRERSCHEIN_NUMMER", de_dl, "dlp"),
    ("pii:ie-ppsn", "ppsn", "PPS_NUMBER", ie_ppsn, "dlp"),
    ("pii:ie-passport", "passport", "PASSPORT_NUMBER", ie_passport, "dlp"),
    ("pii:es-passport", "pasaporte", "NUMERO_PASAPORTE", es_passport, "macie"),
    ("pii:es-nss", "nss", "NUMERO_SEGURIDAD_SOCIAL", es_nss, "dlp"),
    ("pii:pt-nif", "nif", "NIF", pt_nif, "dlp"),
    ("pii:pt-cartao-cidadao", "cidadao", "CARTAO_CIDADAO", pt_cc, "dlp"),
    ("pii:it-carta-identita", "identita", "CARTA_IDENTITA", it_cie, "macie"),
    ("pii:it-passport", "passaporto", "PASSAPORTO", it_passport, "macie"),
    ("pii:nl-passport", "paspoort", "PASPOORT_NUMMER", nl_passport, "dlp"),
    ("pii:be-national-number", "rijksregister", "RIJKSREGISTERNUMMER", be_nn, "dlp"),
    ("pii:dk-cpr", "cpr", "CPR_NUMMER", dk_cpr, "dlp"),
    ("pii:se-personnummer", "personnummer", "PERSONNUMMER", se_pnr, "dlp"),
    ("pii:no-fodselsnummer", "fodselsnummer", "FODSELSNUMMER", no_fnr, "dlp"),
    ("pii:pl-id-card", "dowod", "DOWOD_OSOBISTY", pl_id_card, "dlp"),
    ("pii:pl-nip", "nip", "NIP", pl_nip, "dlp"),
    ("pii:ro-cnp", "cnp", "CNP", ro_cnp, "macie"),
    ("pii:bg-egn", "egn", "EGN", bg_egn, "macie"),
    ("pii:hr-oib", "oib", "OIB", hr_oib, "dlp"),
    ("pii:cz-rodne-cislo", "rodne", "RODNE_CISLO", cz_rc, "macie"),
    ("pii:gr-amka", "amka", "AMKA", gr_amka, "macie"),
    ("pii:at-svnr", "svnr", "SOZIALVERSICHERUNGSNUMMER", at_svnr, "macie"),
    ("pii:ch-ahv", "ahv", "AHV_NUMMER", ch_ahv, "dlp"),
    ("pii:tr-tckn", "kimlik", "TC_KIMLIK_NO", tr_tckn, "dlp"),
    ("pii:cn-resident-id", "shenfenzheng", "RESIDENT_ID", cn_rid, "dlp"),
    ("pii:cn-passport", "passport", "PASSPORT_NO", cn_passport, "dlp"),
    ("pii:hk-id", "hkid", "HKID", hk_id, "dlp"),
    ("pii:tw-id", "national", "NATIONAL_ID", tw_id, "dlp"),
    ("pii:jp-my-number", "mynumber", "MY_NUMBER", jp_my_number, "dlp"),
    ("pii:jp-passport", "passport", "PASSPORT_NUMBER", jp_passport, "dlp"),
    ("pii:jp-driving-licence", "menkyo", "UNTEN_MENKYO_BANGO", jp_dl, "dlp"),
    ("pii:jp-bank-account", "koza", "KOZA_BANGO", jp_bank, "dlp"),
    ("pii:kr-passport", "passport", "PASSPORT_NUMBER", kr_passport, "dlp"),
    ("pii:in-passport", "passport", "PASSPORT_NO", in_passport, "dlp"),
    ("pii:in-gstin", "gstin", "GSTIN", in_gst, "dlp"),
    ("pii:in-voter-id", "epic", "VOTER_ID", in_epic, "dlp"),
    ("pii:id-nik", "nik", "NIK", id_nik, "dlp"),
    ("pii:my-mykad", "mykad", "MYKAD_NO", my_mykad, "dlp"),
    ("pii:th-national-id", "national", "NATIONAL_ID_NUMBER", th_id, "dlp"),
    ("pii:sg-passport", "passport", "PASSPORT_NUMBER", sg_passport, "dlp"),
    ("pii:ph-sss", "sss", "SSS_NUMBER", ph_sss, "dlp"),
    ("pii:vn-cccd", "cccd", "CCCD", vn_cccd, "dlp"),
    ("pii:nz-ird", "ird", "IRD_NUMBER", nz_ird, "dlp"),
    ("pii:nz-nhi", "nhi", "NHI_NUMBER", nz_nhi, "dlp"),
    ("pii:au-passport", "passport", "PASSPORT_NUMBER", au_passport, "dlp"),
    ("pii:au-driving-licence", "licence", "LICENCE_NUMBER", au_dl, "dlp"),
    ("pii:au-bank-account", "account", "ACCOUNT_NUMBER", au_bsb_account, "dlp"),
    ("pii:za-id", "identity", "ID_NUMBER", za_id, "dlp"),
    ("pii:il-id", "teudat", "TEUDAT_ZEHUT", il_id, "dlp"),
    ("pii:ae-emirates-id", "emirates", "EMIRATES_ID", ae_eid, "dlp"),
    ("pii:sa-national-id", "national", "NATIONAL_ID", sa_nid, "dlp"),
    ("pii:ng-nin", "nin", "NIN", ng_nin, "dlp"),
    ("pii:imei", "imei", "IMEI", imei, "dlp"),
    ("pii:imsi", "imsi", "IMSI", imsi, "dlp"),
    ("pii:iccid", "iccid", "SIM_ICCID", iccid, "dlp"),
    ("pii:card-track2", "track", "TRACK2_DATA", track2, "dlp"),
    ("pii:card-track1", "track", "TRACK1_DATA", track1, "dlp"),
]


def parse() -> list[dict[str, object]]:
    """The families as dicts in families.py's form (``gen`` instead of ``parts``)."""
    return [
        {"name": n, "word": w, "env": e, "gen": g, "source": f"{src}", "parts": []}
        for n, w, e, g, src in FAMILIES
    ]
