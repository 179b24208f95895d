"""Numbers reserved for fiction and documentation, reported apart (``fiction/benign.jsonl``).

Regulators reserve ranges no subscriber can hold: Ofcom's drama numbers (07700 900000-900999,
020 7946 0000-0999, 0113 496 0xxx, 0161 496 0xxx), NANPA's 555-0100 to 555-0199, ACMA's
0491 570 xxx and (02) 5550 xxxx; payment networks and banks publish test card numbers (the
processors' 4242 4242 4242 4242 family) and the IBAN registry's example IBANs. They are not
personal data, but an anonymizer that redacts them loses nothing, and a rule that spares them
must know each range; so they are measured as benign here but not counted in pii16h's benign
rate (see README.md).
"""

from __future__ import annotations

import random

from money import d

EXAMPLE_IBANS = [
    "DE89 3704 0044 0532 0130 00",
    "GB82 WEST 1234 5698 7654 32",
    "FR14 2004 1010 0505 0001 3M02 606",
    "NL91ABNA0417164300",
    "CH9300762011623852957",
    "BE68539007547034",
]
TEST_CARDS = [
    "4242 4242 4242 4242",
    "4000 0566 5566 5556",
    "5555 5555 5555 4444",
    "2223 0031 2200 3222",
    "3782 822463 10005",
    "6011 1111 1111 1117",
    "3566 0020 2036 0505",
    "4111111111111111",
]


def value(rng: random.Random) -> str:
    return rng.choice(
        [
            f"07700 900{d(rng, 3)}",
            f"+44 7700 900{d(rng, 3)}",
            f"020 7946 0{d(rng, 3)}",
            f"0161 496 0{d(rng, 3)}",
            f"(212) 555-01{d(rng, 2)}",
            f"+1 415 555 01{d(rng, 2)}",
            f"0491 570 {rng.choice(['006', '156', '157', '158', '159', '110', '313', '737'])}",
            f"(02) 5550 {d(rng, 4)}",
            rng.choice(EXAMPLE_IBANS),
            rng.choice(TEST_CARDS),
        ]
    )


def make(rng: random.Random) -> str:
    v = value(rng)
    return rng.choice(
        [
            f"fixture: customer phone/payment set to {v} (documentation value)",
            f'{{"test_value":"{v}","env":"staging"}}',
            f"seed data row 3: {v}",
        ]
    )
