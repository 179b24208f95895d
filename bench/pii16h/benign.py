"""Benign strings of pii16h: numbers that look like phones, cards, IBANs or e-mail addresses and are
not personal data, each in the context where it appears. Check digits are computed where the
scheme has one (UPS 1Z mod 10, FedEx 12-digit mod 11, DHL mod 7, USPS IMpb mod 10, UPU S10
mod 11, ISBN-10/13, ISSN, GTIN/EAN/UPC, SIRET Luhn, ABA routing 3-7-1), so each value is one the
issuer could print. Judgement calls are in README.md.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

from money import IBAN, UP, d, luhn_digit


def gtin_check(body: str) -> str:
    s = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body)))
    return str((10 - s % 10) % 10)


def order_number(rng: random.Random) -> str:
    return rng.choice(
        [
            f"Order #{rng.randrange(100000000, 999999999)} could not be captured: gateway timeout",
            f"order_id=ORD-2026-{d(rng, 6)} status=pending_payment retry=3",
            f"Bestellnummer {d(rng, 3)}-{d(rng, 7)}-{d(rng, 7)} wurde storniert",
            f"magento: sales_order increment_id {rng.choice('12')}{d(rng, 8)} stuck in state processing",
        ]
    )


def invoice_number(rng: random.Random) -> str:
    return rng.choice(
        [
            f"Invoice INV-{rng.randrange(2019, 2027)}-{d(rng, 5)} failed PDF render: font missing",
            f"Rechnungsnummer RE{rng.randrange(2019, 2027)}{d(rng, 6)} bereits vergeben",
            f"invoice.number={d(rng, 4)}/{rng.randrange(2019, 2027)}/FV duplicate",
        ]
    )


def ups(rng: random.Random) -> str:
    body = (
        up(rng, 6, UP + string.digits) + d(rng, 2) + d(rng, 7)
    )  # shipper account, service, package
    vals = [int(c) if c.isdigit() else (ord(c) - 63) % 10 for c in body]
    s = sum(v * (2 if i % 2 else 1) for i, v in enumerate(vals))
    num = f"1Z{body}{(10 - s % 10) % 10}"
    return rng.choice(
        [
            f"UPS tracking {num}: label void",
            f"carrier=ups tracking_number={num} event=exception",
            f"Sendungsverfolgung: {num[:2]} {num[2:5]} {num[5:8]} {num[8:10]} {num[10:14]} {num[14:]}",
        ]
    )


def up(rng: random.Random, n: int, alphabet: str = UP) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def fedex(rng: random.Random) -> str:
    while True:
        body = d(rng, 11)
        s = sum(int(c) * w for c, w in zip(reversed(body), [1, 3, 7] * 4, strict=False)) % 11
        if s != 10:
            num = body + str(s % 10)
            return rng.choice(
                [
                    f"FedEx tracking {num} not found",
                    f'{{"carrier":"fedex","trackingNumber":"{num}","status":"DE"}}',
                    f"fedex shipment {num[:4]} {num[4:8]} {num[8:]} delayed",
                ]
            )


def dhl(rng: random.Random) -> str:
    body = d(rng, 9)
    num = body + str(int(body) % 7)
    return rng.choice(
        [
            f"DHL Express waybill {num} created",
            f"AWB {num} customs hold",
            f"dhl: shipment {num} out for delivery",
        ]
    )


def usps(rng: random.Random) -> str:
    body = rng.choice(["9400", "9205", "9407", "9303"]) + d(rng, 17)
    s = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body)))
    num = body + str((10 - s % 10) % 10)
    return rng.choice(
        [
            f"USPS tracking {num}",
            f"usps label {' '.join(num[i : i + 4] for i in range(0, len(num), 4))} printed",
            f"tracking={num}&carrier=usps",
        ]
    )


def upu_s10(rng: random.Random) -> str:
    body = d(rng, 8)
    s = 11 - sum(int(c) * w for c, w in zip(body, [8, 6, 4, 2, 3, 5, 9, 7], strict=True)) % 11
    check = {10: 0, 11: 5}.get(s, s)
    num = f"{rng.choice(['RR', 'CP', 'LX', 'EE', 'RB'])}{body}{check}{rng.choice(['DE', 'GB', 'CH', 'NL', 'PL', 'CN'])}"
    return rng.choice(
        [
            f"Einschreiben {num} zugestellt",
            f"postal item {num} returned to sender",
            f"tracking {num[:2]} {body[:3]} {body[3:6]} {body[6:]}{check} {num[-2:]}",
        ]
    )


def isbn(rng: random.Random) -> str:
    body = "978" + rng.choice(["3", "0", "1", "88", "84"]) + d(rng, 8)
    body = body[:12]
    num = body + gtin_check(body)
    b10 = num[3:12]
    c10 = (11 - sum(int(c) * w for c, w in zip(b10, range(10, 1, -1), strict=True)) % 11) % 11
    isbn10 = b10 + ("X" if c10 == 10 else str(c10))
    return rng.choice(
        [
            f"ISBN {num[:3]}-{num[3]}-{num[4:8]}-{num[8:12]}-{num[12]} not in catalogue",
            f"isbn13={num}",
            f"ISBN-10 {isbn10} out of print",
        ]
    )


def issn(rng: random.Random) -> str:
    body = d(rng, 7)
    c = (11 - sum(int(ch) * w for ch, w in zip(body, range(8, 1, -1), strict=True)) % 11) % 11
    num = f"{body[:4]}-{body[4:]}{'X' if c == 10 else c}"
    return rng.choice(
        [
            f"ISSN {num} (print)",
            f"journal issn: {num}, eissn: missing",
            f"crossref lookup failed for ISSN {num}",
        ]
    )


def gtin(rng: random.Random) -> str:
    n = rng.choice([12, 13, 14, 8])
    body = (rng.choice(["40", "50", "76", "80", "0"]) + d(rng, 13))[: n - 1]
    num = body + gtin_check(body)
    name = {12: "UPC", 13: "EAN", 14: "GTIN", 8: "EAN-8"}[n]
    return rng.choice(
        [
            f"{name} {num} not found in product feed",
            f'{{"sku":"{up(rng, 3)}-{d(rng, 4)}","gtin":"{num}"}}',
            f"barcode scan {num} ({name}) ok",
        ]
    )


def masked_card(rng: random.Random) -> str:
    last4 = d(rng, 4)
    bin6 = rng.choice(["424242", "555555", "378282", "601100", "353011"])
    return rng.choice(
        [
            f"charge declined for card **** **** **** {last4}",
            f"pan={bin6}******{last4} result=05",
            f"Visa ending in {last4} expired",
            f"card •••• {last4} added to wallet",
            f"XXXX-XXXX-XXXX-{last4} (Mastercard) was refunded",
            f"{bin6[:4]} {bin6[4:]}** **** {last4}",
        ]
    )


def bin_only(rng: random.Random) -> str:
    b = rng.choice(
        ["424242", "400000", "510510", "222300", "378282", "601100", "356600", "620000", "220000"]
    ) + (d(rng, 2) if rng.random() < 0.3 else "")
    return rng.choice(
        [
            f"BIN {b} lookup: issuer unknown",
            f'{{"iin":"{b}","scheme":"visa","country":"DE"}}',
            f"binlist: {b} -> debit/prepaid",
        ]
    )


def timestamp(rng: random.Random) -> str:
    y, mo, da = rng.randrange(2019, 2027), rng.randrange(1, 13), rng.randrange(1, 29)
    h, mi, s = rng.randrange(24), rng.randrange(60), rng.randrange(60)
    return rng.choice(
        [
            f"{y}-{mo:02d}-{da:02d}T{h:02d}:{mi:02d}:{s:02d}.{d(rng, 6)}+01:00 job finished",
            f"backup-{y}{mo:02d}{da:02d}{h:02d}{mi:02d}{s:02d}.tar.zst written",
            f"{da:02d}.{mo:02d}.{y} {h:02d}:{mi:02d}:{s:02d},{d(rng, 3)} WARN pool exhausted",
            f"{y}/{mo:02d}/{da:02d} {h:02d}:{mi:02d}:{s:02d} [error] 1234#0: upstream timed out",
        ]
    )


def epoch_ms(rng: random.Random) -> str:
    ms = rng.randrange(1_600_000_000_000, 1_800_000_000_000)
    return rng.choice(
        [
            f"created_at={ms}",
            f'{{"ts":{ms},"level":"warn"}}',
            f"lastModified {ms} older than cache",
            f"epoch {ms // 1000}.{ms % 1000:03d}",
        ]
    )


def duration(rng: random.Random) -> str:
    return rng.choice(
        [
            f"request took {rng.randrange(100000, 99999999)} µs",
            f"timeout after {rng.randrange(1, 99)}h{rng.randrange(60):02d}m{rng.randrange(60):02d}s",
            f"duration_ns={rng.randrange(10**9, 10**12)}",
            f"PT{rng.randrange(1, 24)}H{rng.randrange(60)}M elapsed",
        ]
    )


def port_range(rng: random.Random) -> str:
    a = rng.randrange(1024, 40000)
    return rng.choice(
        [
            f"rtp ports {a}-{a + rng.randrange(100, 20000)}/udp exhausted",
            f"ip_local_port_range = {a}\t{a + 20000}",
            f"-p {a}-{a + 10}:{a}-{a + 10}",
            f"firewall: allow {a}:{a + 999}/tcp",
        ]
    )


def version(rng: random.Random) -> str:
    a, b, c = rng.randrange(0, 30), rng.randrange(0, 40), rng.randrange(0, 300)
    return rng.choice(
        [
            f"upgraded to {a}.{b}.{c}+build.{d(rng, 8)}",
            f"v{a}.{b}.{c}-rc.{rng.randrange(1, 9)}+{rng.randrange(2019, 2027)}{d(rng, 4)}.{hx(rng)}",
            f"kernel {a % 7}.{b}.{c}-{rng.randrange(100, 999)}.{rng.randrange(1, 99)}.{rng.randrange(1, 9)}.el9_4.x86_64",
            f"package version 1:{a}.{b}.{c}-{rng.randrange(1, 9)}ubuntu{rng.randrange(1, 9)}~{rng.choice(['22.04', '24.04'])}.{rng.randrange(1, 9)}",
        ]
    )


def hx(rng: random.Random) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(7))


def coordinates(rng: random.Random) -> str:
    lat, lon = rng.uniform(-60, 70), rng.uniform(-170, 170)
    return rng.choice(
        [
            f"geocode ok: {lat:.6f}, {lon:.6f}",
            f'{{"lat":{lat:.7f},"lng":{lon:.7f}}}',
            f"POINT({lon:.5f} {lat:.5f})",
            f"{abs(lat):.4f}°{'N' if lat > 0 else 'S'} {abs(lon):.4f}°{'E' if lon > 0 else 'W'}",
        ]
    )


def amount(rng: random.Random) -> str:
    v = rng.randrange(100, 10**9)
    us = f"{v // 100:,}.{v % 100:02d}"
    eu = us.replace(",", "X").replace(".", ",").replace("X", ".")
    return rng.choice(
        [
            f"captured ${us}",
            f"Betrag: {eu} EUR",
            f"total CHF {us.replace(',', chr(39))}",
            f"amount_minor={v} currency=JPY",
            f"₹{us} refunded",
        ]
    )


def test_ids(rng: random.Random) -> str:
    return rng.choice(
        [
            f"pytest run {rng.randrange(2019, 2027)}{d(rng, 10)} collected {rng.randrange(10, 999)} items",
            f"build #{d(rng, rng.choice([11, 12, 13]))} failed in stage deploy",
            f"snowflake id {rng.randrange(10**17, 10**18)} not found",
            f"chat_id={rng.choice(['-100', ''])}{d(rng, 10)} message_id={rng.randrange(1, 99999)}",
            f"trace_id={d(rng, 19)} span_id={d(rng, 15)}",
        ]
    )


def company_reg(rng: random.Random) -> str:
    siren = d(rng, 8)
    siren += luhn_digit(siren)
    siret = siren + d(rng, 4)
    siret += luhn_digit(siret)
    return rng.choice(
        [
            f"Companies House number {rng.choice(['0', 'SC', 'NI', 'OC'])}{d(rng, 6)} dissolved",
            f"Amtsgericht München HRB {rng.randrange(1000, 299999)}",
            f"SIRET {siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]} (RCS Paris)",
            f"siren={siren} naf=6201Z",
            f"KvK-nummer {d(rng, 8)}",
            f"USt-IdNr. DE{d(rng, 9)} (Impressum)",
            f"VAT number GB{d(rng, 9)} of the supplier",
        ]
    )


def swift_bic(rng: random.Random) -> str:
    bic = rng.choice(
        [
            "DEUTDEFF",
            "COBADEFF",
            "NWBKGB2L",
            "BNPAFRPP",
            "INGBNL2A",
            "UBSWCHZH80A",
            "BARCGB22",
            "CHASUS33",
            "RABONL2U",
            "SOGEFRPP",
            "UNCRITMM",
            "BKAUATWW",
            "HELADEF1822",
            "GENODEF1M04",
        ]
    )
    if len(bic) == 8 and rng.random() < 0.4:
        bic += "XXX"
    return rng.choice(
        [
            f"BIC {bic}",
            f"SWIFT code: {bic}",
            f'{{"bic":"{bic}","name":"correspondent"}}',
            f"pacs.008 BICFI {bic} unreachable",
        ]
    )


def aba(rng: random.Random) -> str:
    body = rng.choice(["0", "1", "2", "3"]) + rng.choice("123456789") + d(rng, 6)
    s = sum(int(c) * w for c, w in zip(body, [3, 7, 1, 3, 7, 1, 3, 7], strict=True))
    return body + str((10 - s % 10) % 10)


def routing_only(rng: random.Random) -> str:
    return rng.choice(
        [
            f"ABA routing number {aba(rng)} not on the Fedwire list",
            f"sort code {rng.choice(['20', '40', '60', '83'])}-{d(rng, 2)}-{d(rng, 2)} (bank branch lookup)",
            f"BSB {rng.choice(['062', '082', '033'])}-{d(rng, 3)} is a Sydney branch",
            f"IFSC {rng.choice(['SBIN', 'HDFC', 'ICIC'])}0{d(rng, 6)} belongs to Mumbai",
            f"BLZ {rng.choice('1234567')}{d(rng, 7)} wurde zusammengelegt",
            f"transit {d(rng, 5)}-{rng.choice(['001', '004', '006'])} (branch)",
        ]
    )


def masked_iban_phone(rng: random.Random) -> str:
    cc = rng.choice(sorted(IBAN))
    return rng.choice(
        [
            f"SEPA mandate for {cc}{d(rng, 2)} **** **** **** {d(rng, 2)} revoked",
            f"iban={cc}{d(rng, 2)}XXXXXXXXXXXX{d(rng, 4)}",
            f"SMS code sent to +49 *** ***{d(rng, 2)}",
            f"verification call to (***) ***-{d(rng, 4)} failed",
            f"phone +44 7*** ***{d(rng, 3)} already verified",
        ]
    )


def at_not_email(rng: random.Random) -> str:
    return rng.choice(
        [
            f"npm ERR! peer dep missing: @types/node@{rng.randrange(14, 23)}.{rng.randrange(0, 20)}.{rng.randrange(0, 30)}",
            f"unit getty@tty{rng.randrange(1, 7)}.service entered failed state",
            f"docker pull nginx@sha256:{''.join(rng.choice('0123456789abcdef') for _ in range(64))}",
            f"pip: requests @ git+https://github.com/psf/requests@v2.{rng.randrange(20, 33)}.0",
            f"systemctl restart openvpn-client@site{rng.randrange(1, 9)}",
            f"@Override at line {rng.randrange(10, 900)}: method does not override",
            f"go: example.com/mod@v1.{rng.randrange(0, 20)}.{rng.randrange(0, 9)}: invalid version",
        ]
    )


def numbers_in_logs(rng: random.Random) -> str:
    return rng.choice(
        [
            f"sha256 prefix {''.join(rng.choice('0123456789abcdef') for _ in range(16))} mismatch",
            f"line {rng.randrange(1, 9999)} col {rng.randrange(1, 200)}: unexpected token",
            f"HRESULT 0x{rng.randrange(0x80000000, 0x8FFFFFFF):08X} from COM call",
            f"errno {rng.randrange(1, 133)} while reading inode {rng.randrange(10**6, 10**9)}",
            f"disk /dev/nvme0n1: {rng.randrange(10**11, 10**13)} bytes, {rng.randrange(10**8, 10**10)} sectors",
        ]
    )


def example_domains(rng: random.Random) -> str:
    return rng.choice(
        [
            f"git config user.email is unset; using {rng.choice(['root', 'builder', 'nobody'])}@localhost",
            "noreply@github.com rejected the push",
            f"postmaster@{rng.choice(['mx', 'smtp'])}.internal: relay denied",
            f"MAILER-DAEMON returned message {rng.randrange(1000, 9999)}",
            "DMARC report from noreply-dmarc-support@google.com",
        ]
    )


KINDS: dict[str, Callable[[random.Random], str]] = {
    "order-number": order_number,
    "invoice-number": invoice_number,
    "ups-1z": ups,
    "fedex": fedex,
    "dhl-express": dhl,
    "usps-impb": usps,
    "upu-s10": upu_s10,
    "isbn": isbn,
    "issn": issn,
    "gtin-ean-upc": gtin,
    "masked-card": masked_card,
    "bin-only": bin_only,
    "timestamp": timestamp,
    "epoch-ms": epoch_ms,
    "duration": duration,
    "port-range": port_range,
    "version": version,
    "coordinates": coordinates,
    "amount": amount,
    "test-ids": test_ids,
    "company-registration": company_reg,
    "swift-bic": swift_bic,
    "routing-code-alone": routing_only,
    "masked-iban-phone": masked_iban_phone,
    "at-sign-not-email": at_not_email,
    "numbers-in-logs": numbers_in_logs,
    "role-mailbox": example_domains,
}
