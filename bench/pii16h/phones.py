"""Phone number families of pii16h: one per country, drawn from the country's national numbering
plan (country code, trunk prefix, mobile and geographic ranges, number lengths) as the ITU-T
E.164 national plans and the regulators' published plans give them, and written in the forms
people and systems print: E.164 (``+CC NSN``), ``00`` international prefix, ``+CC (0)``, the
national form with the trunk prefix, grouped with spaces, dots, dashes or slashes, with an
extension, as a ``tel:`` URI (RFC 3966) or a SIP URI user part. Every number is generated.

Ranges reserved for fiction are avoided (UK 07700 900xxx and 020 7946 0xxx, US/CA 555-01xx,
Australia 0491 570-579 and 55 50 xxxx): those are in ``fiction.py``, reported apart.
"""

from __future__ import annotations

import random
import string

# country -> (country code, trunk prefix, [(prefixes, subscriber length, grouping[, first digits])])
# A prefix is the leading digits of the national significant number (NSN): a mobile range or an
# area code; the subscriber part follows. Grouping is a list of group sizes for the subscriber.
PLANS: dict[str, tuple[str, str, list[tuple]]] = {
    "de": (
        "49",
        "0",
        [
            (
                [
                    "151",
                    "152",
                    "157",
                    "160",
                    "170",
                    "171",
                    "172",
                    "173",
                    "175",
                    "176",
                    "177",
                    "178",
                    "179",
                ],
                8,
                [4, 4],
            ),
            (["30", "40", "89", "69", "221", "711"], 7, [3, 4]),
        ],
    ),
    "at": (
        "43",
        "0",
        [
            (["650", "660", "664", "676", "680", "681", "688", "699"], 7, [3, 4]),
            (["1"], 7, [3, 2, 2]),
        ],
    ),
    "ch": (
        "41",
        "0",
        [(["75", "76", "77", "78", "79"], 7, [3, 2, 2]), (["44", "31", "61", "22"], 7, [3, 2, 2])],
    ),
    "fr": (
        "33",
        "0",
        [(["6", "7"], 8, [2, 2, 2, 2]), (["1", "2", "3", "4", "5"], 8, [2, 2, 2, 2])],
    ),
    "gb": (
        "44",
        "0",
        [
            (["7400", "7500", "7700", "7800", "7900", "7911", "7956", "7480"], 6, [6]),
            (["20"], 8, [4, 4], "378"),
            (["161", "131", "121"], 7, [3, 4]),
        ],
    ),
    "ie": ("353", "0", [(["83", "85", "86", "87", "89"], 7, [3, 4]), (["1"], 7, [3, 4])]),
    "es": ("34", "", [(["6", "7"], 8, [2, 3, 3]), (["91", "93", "95"], 7, [3, 2, 2])]),
    "pt": ("351", "", [(["91", "92", "93", "96"], 7, [3, 4]), (["21", "22"], 7, [3, 4])]),
    "it": (
        "39",
        "",
        [
            (["320", "328", "333", "338", "340", "347", "349", "366", "380", "393"], 7, [3, 4]),
            (["06", "02", "011", "055"], 7, [4, 3]),
        ],
    ),
    "nl": ("31", "0", [(["6"], 8, [8]), (["20", "10", "70", "30"], 7, [3, 4])]),
    "be": (
        "32",
        "0",
        [
            (
                [
                    "470",
                    "471",
                    "472",
                    "475",
                    "477",
                    "478",
                    "479",
                    "484",
                    "485",
                    "486",
                    "495",
                    "496",
                    "497",
                    "498",
                    "499",
                ],
                6,
                [2, 2, 2],
            ),
            (["2"], 7, [3, 2, 2]),
        ],
    ),
    "lu": ("352", "", [(["621", "661", "691"], 6, [3, 3]), (["4", "2"], 5, [2, 3])]),
    "dk": ("45", "", [(["2", "3", "4", "5", "6", "7", "8", "9"], 7, [1, 2, 2, 2])]),
    "se": ("46", "0", [(["70", "72", "73", "76", "79"], 7, [3, 2, 2]), (["8"], 7, [3, 2, 2])]),
    "no": ("47", "", [(["4", "9"], 7, [2, 2, 3]), (["2"], 7, [1, 2, 2, 2])]),
    "fi": ("358", "0", [(["40", "41", "44", "45", "50"], 7, [3, 4]), (["9"], 7, [3, 4])]),
    "is": ("354", "", [(["6", "7", "8"], 6, [2, 4])]),
    "pl": (
        "48",
        "",
        [
            (["50", "51", "53", "57", "60", "66", "69", "72", "78", "79", "88"], 7, [1, 3, 3]),
            (["22", "12", "61", "71"], 7, [3, 2, 2]),
        ],
    ),
    "cz": ("420", "", [(["60", "72", "73", "77", "79"], 7, [1, 3, 3]), (["2"], 8, [2, 3, 3])]),
    "sk": ("421", "0", [(["90", "91", "94"], 7, [1, 3, 3]), (["2"], 8, [4, 4])]),
    "hu": ("36", "06", [(["20", "30", "31", "50", "70"], 7, [3, 4]), (["1"], 7, [3, 4])]),
    "ro": ("40", "0", [(["72", "74", "75", "76", "78"], 7, [1, 3, 3]), (["21"], 7, [3, 2, 2])]),
    "bg": ("359", "0", [(["87", "88", "89", "98"], 7, [3, 4]), (["2"], 7, [3, 4])]),
    "gr": ("30", "", [(["69"], 8, [1, 3, 4]), (["21"], 8, [1, 3, 4])]),
    "hr": ("385", "0", [(["91", "92", "95", "98", "99"], 7, [3, 4]), (["1"], 7, [3, 4])]),
    "si": ("386", "0", [(["31", "40", "41", "51", "64", "70"], 6, [3, 3])]),
    "rs": ("381", "0", [(["60", "61", "62", "63", "64", "65", "66"], 7, [7]), (["11"], 7, [3, 4])]),
    "ua": (
        "380",
        "0",
        [
            (["50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98"], 7, [3, 2, 2]),
            (["44"], 7, [3, 2, 2]),
        ],
    ),
    "ru": (
        "7",
        "8",
        [
            (["903", "905", "909", "912", "915", "916", "926", "977", "985"], 7, [3, 2, 2]),
            (["495", "499", "812"], 7, [3, 2, 2]),
        ],
    ),
    "tr": (
        "90",
        "0",
        [
            (["530", "532", "533", "535", "542", "544", "505", "555"], 7, [3, 2, 2]),
            (["212", "216", "312"], 7, [3, 2, 2]),
        ],
    ),
    "il": (
        "972",
        "0",
        [(["50", "52", "53", "54", "55", "58"], 7, [3, 4]), (["3", "2"], 7, [3, 4])],
    ),
    "ae": (
        "971",
        "0",
        [(["50", "52", "54", "55", "56", "58"], 7, [3, 4]), (["4", "2"], 7, [3, 4])],
    ),
    "sa": ("966", "0", [(["50", "53", "54", "55", "56", "59"], 7, [3, 4]), (["11"], 7, [3, 4])]),
    "eg": ("20", "0", [(["10", "11", "12", "15"], 8, [4, 4]), (["2"], 8, [4, 4])]),
    "za": (
        "27",
        "0",
        [
            (["60", "71", "72", "73", "76", "79", "82", "83", "84"], 7, [3, 4]),
            (["11", "21"], 7, [3, 4]),
        ],
    ),
    "ng": (
        "234",
        "0",
        [(["703", "706", "803", "806", "810", "813", "816", "903", "906"], 7, [3, 4])],
    ),
    "ke": ("254", "0", [(["70", "71", "72", "79", "11"], 7, [3, 4])]),
    "us": (
        "1",
        "1",
        [(["212", "312", "415", "617", "206", "512", "303", "404", "646", "702"], 7, [3, 4])],
    ),
    "ca": ("1", "1", [(["416", "604", "514", "403", "613", "780", "902"], 7, [3, 4])]),
    "mx": ("52", "", [(["55", "33", "81"], 8, [4, 4]), (["222", "442", "998"], 7, [3, 4])]),
    "br": (
        "55",
        "0",
        [(["11", "21", "31", "41", "61"], 9, [5, 4], "9"), (["11", "21", "51"], 8, [4, 4], "2345")],
    ),
    "ar": ("54", "0", [(["11", "351", "341"], 8, [4, 4], "2345")]),
    "cl": ("56", "", [(["9"], 8, [4, 4]), (["2"], 8, [4, 4], "2")]),
    "co": (
        "57",
        "",
        [
            (["300", "301", "310", "311", "312", "315", "320", "321"], 7, [3, 4]),
            (["601"], 7, [3, 4]),
        ],
    ),
    "pe": ("51", "", [(["9"], 8, [2, 3, 3]), (["1"], 7, [3, 4])]),
    "in": (
        "91",
        "0",
        [
            (
                ["98", "99", "97", "96", "94", "93", "91", "90", "88", "87", "81", "70", "63"],
                8,
                [3, 5],
            ),
            (["11", "22", "80"], 8, [4, 4]),
        ],
    ),
    "pk": ("92", "0", [(["300", "301", "311", "321", "333", "345"], 7, [7])]),
    "bd": ("880", "0", [(["13", "15", "16", "17", "18", "19"], 8, [2, 6])]),
    "cn": (
        "86",
        "0",
        [
            (["138", "139", "135", "136", "150", "186", "188", "159", "177", "199"], 8, [4, 4]),
            (["10", "21"], 8, [4, 4]),
        ],
    ),
    "hk": ("852", "", [(["5", "6", "9"], 7, [3, 4])]),
    "tw": ("886", "0", [(["9"], 8, [2, 3, 3]), (["2"], 8, [4, 4])]),
    "jp": ("81", "0", [(["70", "80", "90"], 8, [4, 4]), (["3", "6"], 8, [4, 4])]),
    "kr": ("82", "0", [(["10"], 8, [4, 4]), (["2"], 8, [4, 4])]),
    "sg": ("65", "", [(["8", "9"], 7, [3, 4]), (["6"], 7, [3, 4])]),
    "my": ("60", "0", [(["12", "13", "16", "17", "19"], 7, [3, 4]), (["11"], 8, [4, 4])]),
    "th": ("66", "0", [(["81", "86", "89", "91", "95", "98"], 7, [3, 4]), (["2"], 7, [3, 4])]),
    "vn": (
        "84",
        "0",
        [
            (["32", "35", "90", "91", "93", "96", "97", "98"], 7, [3, 2, 2]),
            (["24", "28"], 8, [4, 4]),
        ],
    ),
    "ph": (
        "63",
        "0",
        [(["917", "918", "919", "920", "927", "995"], 7, [3, 4]), (["2"], 8, [4, 4])],
    ),
    "id": (
        "62",
        "0",
        [(["811", "812", "813", "821", "852", "857", "878"], 8, [4, 4]), (["21"], 8, [4, 4])],
    ),
    "au": (
        "61",
        "0",
        [
            (
                [
                    "400",
                    "401",
                    "403",
                    "404",
                    "405",
                    "407",
                    "408",
                    "410",
                    "412",
                    "413",
                    "414",
                    "416",
                    "417",
                    "418",
                    "419",
                    "422",
                    "423",
                    "424",
                    "425",
                    "430",
                    "431",
                    "432",
                    "433",
                    "434",
                    "438",
                    "450",
                    "455",
                    "466",
                    "468",
                    "470",
                    "478",
                    "481",
                    "487",
                    "488",
                    "499",
                ],
                6,
                [3, 3],
            ),
            (["2", "3", "7", "8"], 8, [4, 4], "3456789"),
        ],
    ),
    "nz": ("64", "0", [(["21", "22", "27"], 7, [3, 4]), (["9", "4"], 7, [3, 4])]),
}
# Countries whose national form keeps the area code in parentheses (NANP, Brazil, Australia geographic).
PARENS = {"us", "ca", "br"}
# Countries where "+CC (0)..." is a usual printed form (mostly Europe).
INTL0 = {"de", "at", "ch", "gb", "fr", "nl", "be", "ie", "se", "fi", "za", "au", "nz"}


def digits(rng: random.Random, n: int) -> str:
    s = "".join(rng.choice(string.digits) for _ in range(n))
    return s


def subscriber(rng: random.Random, country: str, prefix: str, n: int, firsts: str) -> str:
    """Subscriber digits, avoiding the ranges reserved for fiction and NANP N11/555 exchanges."""
    while True:
        s = rng.choice(firsts) + digits(rng, n - 1)
        if country in ("us", "ca") and (s[0] in "01" or s[1:3] == "11" or s.startswith("555")):
            continue
        if country == "gb" and (
            (prefix == "7700" and s.startswith("900"))
            or (prefix.startswith("20") and s.startswith("7946"))
        ):
            continue
        if country == "au" and (prefix.startswith("49") or s.startswith("5550")):
            continue
        if s.strip("0") == "" or len(set(s)) < 3:
            continue
        return s


def group(s: str, sizes: list[int]) -> list[str]:
    out, i = [], 0
    for size in sizes:
        out.append(s[i : i + size])
        i += size
    if i < len(s):
        out[-1] += s[i:]
    return [g for g in out if g]


def draw(country: str, rng: random.Random) -> str:
    """One number of ``country`` in one printed form."""
    cc, trunk, ranges = PLANS[country]
    prefixes, n, sizes, *first = rng.choice(ranges)
    prefix = rng.choice(prefixes)
    sub = subscriber(rng, country, prefix, n, first[0] if first else "123456789")
    pre = prefix.replace(" ", "")
    nsn = pre + sub
    groups = group(sub, sizes)
    form = rng.choice(
        [
            "e164",
            "intl",
            "intl",
            "intl0",
            "00",
            "national",
            "national",
            "national-dash",
            "dots",
            "slash",
            "ext",
            "tel",
            "sip",
        ]
    )
    if (form == "intl0" and country not in INTL0) or (
        form == "slash" and country not in ("de", "at", "ch")
    ):
        form = "intl"
    sep = " "
    if form == "e164":
        return f"+{cc}{nsn}"
    if form == "intl":
        return f"+{cc} {prefix} {' '.join(groups)}"
    if form == "intl0":
        return f"+{cc} ({trunk}){prefix} {' '.join(groups)}"
    if form == "00":
        return f"00{cc} {prefix} {''.join(groups) if rng.random() < 0.5 else ' '.join(groups)}"
    tr = trunk if country not in PARENS else ""
    if form in ("national", "ext"):
        if country in PARENS:
            core = f"({prefix}) {'-'.join(groups)}"
        elif country == "ru":
            core = f"8 ({prefix}) {'-'.join(groups)}"
        else:
            core = f"{tr}{prefix}{sep}{' '.join(groups)}"
        if form == "ext":
            ext = rng.choice(
                [
                    f" x{digits(rng, 3)}",
                    f" ext. {digits(rng, 1)}",
                    f" ext {digits(rng, 4)}",
                    f";ext={digits(rng, 3)}",
                    f" Durchwahl -{digits(rng, 2)}",
                    f" (int. {digits(rng, 3)})",
                ]
            )
            return core, core + ext  # type: ignore[return-value]
        return core
    if form == "national-dash":
        lead = rng.choice(["", "1-"]) if country in ("us", "ca") else tr
        return f"{lead}{prefix.replace(' ', '-')}-{'-'.join(groups)}"
    if form == "dots":
        return (
            f"{tr}{prefix.replace(' ', '.')}.{'.'.join(groups)}"
            if tr
            else f"+{cc}.{prefix.replace(' ', '.')}.{'.'.join(groups)}"
        )
    if form == "slash":
        return f"{trunk}{pre}/{' '.join(groups) if rng.random() < 0.5 else ''.join(groups)}"
    if form == "tel":
        value = f"+{cc}-{prefix.replace(' ', '-')}-{'-'.join(groups)}"
        return value, f"tel:{value}" + rng.choice(
            ["", f";ext={digits(rng, 3)}", ";phone-context=+" + cc]
        )  # type: ignore[return-value]
    host = rng.choice(
        [
            "pbx.kanzlei-berger.de",
            "sip.telnyx-edge.net",
            "voip.hostel-aurora.it",
            "10.20.0.15:5060",
            "trunk.plivo-eu.net",
        ]
    )
    value = f"+{cc}{nsn}"
    return value, f"sip:{value}@{host}" + rng.choice(["", ";user=phone", ";transport=udp"])  # type: ignore[return-value]


def gen(country: str):
    """A generator for the family: returns ``value`` or ``(secret, printed)``."""

    def make(rng: random.Random):
        return draw(country, rng)

    return make


FAMILIES = [(f"pii:phone-{c}", gen(c), "itu-e164") for c in PLANS]
