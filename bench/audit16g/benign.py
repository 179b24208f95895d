"""Benign look-alikes of the seventh held-out corpus: what a telemetry log holds that looks random or
names a secret but is not one, of kinds none of the earlier corpora's READMEs list.

Public keys and addresses of the wallets whose private keys families.py draws (Stellar ``G…``,
Nostr ``npub``, Cardano ``addr1``, Lightning invoices, Bitcoin block hashes), Vault audit-log
HMACs (``hmac-sha256:…``: Vault's own redaction), lock-file hashes of ecosystems no earlier set
has (mix.lock, Julia Manifest.toml, renv.lock, Podfile.lock, pubspec.lock, NuGet
packages.lock.json ``contentHash``), id schemes (TypeID, KSUID, cuid2, xid, 1Password item ids,
Grafana uids, Alertmanager fingerprints, HAProxy unique ids, Erlang pids and refs, SAML message
ids, WebAuthn credential ids and AAGUIDs, AD ``objectGUID::``/``objectSid::`` in LDIF), public
registry numbers with check digits (LEI, ISIN, ORCID, ISO 6346 container numbers, ISBN-13),
``codesign -dv`` output, Android build fingerprints, Windows class GUIDs in registry paths, diff
``index`` lines, HL7 ``MSH`` headers without a patient, and settings that name a secret without
holding one (``totp_period``, ``recovery_codes_remaining``, ``passport_verified``). No e-mail or
IP address, SSH key, or personal number: the anonymizer redacts those on purpose.
"""

from __future__ import annotations

import base64
import hashlib
import random
import string
import uuid
from collections.abc import Callable

import families

A = string.ascii_letters + string.digits
HEX = "0123456789abcdef"


def s(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def stellar_pub(rng: random.Random) -> str:
    body = bytes([6 << 3]) + families.rand(rng, 32)
    crc = families.crc16_xmodem(body)
    return base64.b32encode(body + crc.to_bytes(2, "little")).decode()


def k_stellar(rng: random.Random) -> str:
    return f"payment submitted from {stellar_pub(rng)} to {stellar_pub(rng)}: tx_bad_seq (op_underfunded)"


def k_npub(rng: random.Random) -> str:
    return f'relay wss://relay.damus.io rejected event: {{"pubkey_npub":"{families.bech32("npub", families.rand(rng, 32))}","kind":1,"reason":"rate-limited"}}'


def k_cardano(rng: random.Random) -> str:
    addr = families.bech32("addr_test", bytes(1) + families.rand(rng, 56))
    return f"tx build failed: insufficient funds at {addr}"


def k_lightning(rng: random.Random) -> str:
    inv = (
        "lnbc"
        + str(rng.choice([10, 250, 2500]))
        + rng.choice("um")
        + "1p"
        + s(rng, families.BECH32, 280)
    )
    return f"pay: invoice expired: {inv}"


def k_block(rng: random.Random) -> str:
    return f"UpdateTip: new best=00000000000000000{s(rng, HEX, 47)} height={rng.randrange(870000, 930000)} version=0x20000000 log2_work=95.4"


def k_vault_audit(rng: random.Random) -> str:
    return (
        '{"type":"response","auth":{"client_token":"hmac-sha256:'
        + s(rng, HEX, 64)
        + '","accessor":"hmac-sha256:'
        + s(rng, HEX, 64)
        + '","policies":["default"]},"request":{"path":"secret/data/app","client_token":"hmac-sha256:'
        + s(rng, HEX, 64)
        + '"}}'
    )


def k_mix_lock(rng: random.Random) -> str:
    pkg = rng.choice(["jason", "plug", "phoenix", "ecto", "finch", "telemetry"])
    return f'  "{pkg}": {{:hex, :{pkg}, "1.{rng.randrange(20)}.{rng.randrange(9)}", "{s(rng, HEX, 64)}", [:mix], [], "hexpm", "{s(rng, HEX, 64)}"}},'


def k_julia_manifest(rng: random.Random) -> str:
    pkg = rng.choice(["CSV", "DataFrames", "HTTP", "JSON3", "Flux"])
    return f'[[deps.{pkg}]]\ndeps = ["Dates", "Mmap"]\ngit-tree-sha1 = "{s(rng, HEX, 40)}"\nuuid = "{uid(rng)}"\nversion = "1.{rng.randrange(12)}.{rng.randrange(9)}"'


def k_renv(rng: random.Random) -> str:
    pkg = rng.choice(["dplyr", "ggplot2", "httr", "jsonlite", "readr"])
    return f'    "{pkg}": {{\n      "Package": "{pkg}",\n      "Version": "1.{rng.randrange(9)}.{rng.randrange(9)}",\n      "Source": "Repository",\n      "Hash": "{s(rng, HEX, 32)}"\n    }},'


def k_podfile(rng: random.Random) -> str:
    pod = rng.choice(["Alamofire", "Firebase", "SDWebImage", "SnapKit", "Sentry"])
    return f"SPEC CHECKSUMS:\n  {pod}: {s(rng, HEX, 40)}\n\nPODFILE CHECKSUM: {s(rng, HEX, 40)}"


def k_pubspec(rng: random.Random) -> str:
    pkg = rng.choice(["http", "provider", "intl", "dio", "path"])
    return f'  {pkg}:\n    dependency: "direct main"\n    description:\n      name: {pkg}\n      sha256: "{s(rng, HEX, 64)}"\n      url: "https://pub.dev"\n    source: hosted'


def k_nuget(rng: random.Random) -> str:
    pkg = rng.choice(["Newtonsoft.Json", "Serilog", "Polly", "Dapper", "AutoMapper"])
    h = base64.b64encode(hashlib.sha512(families.rand(rng, 16)).digest()).decode()
    return f'      "{pkg}": {{\n        "type": "Direct",\n        "requested": "[13.0.3, )",\n        "resolved": "13.0.3",\n        "contentHash": "{h}"\n      }},'


def crockford(rng: random.Random, n: int) -> str:
    return s(rng, "0123456789abcdefghjkmnpqrstvwxyz", n)


def k_typeid(rng: random.Random) -> str:
    kind = rng.choice(["user", "org", "invoice", "session_evt", "api_call"])
    return f"lookup failed for {kind}_0{crockford(rng, 25)}: not found"


def k_ksuid(rng: random.Random) -> str:
    return f"event_id={s(rng, '0123456789', 1)}{s(rng, A, 26)} segment processed in 12ms"


def k_cuid2(rng: random.Random) -> str:
    return f'prisma: record {{ id: "{rng.choice(string.ascii_lowercase)}{s(rng, string.ascii_lowercase + string.digits, 23)}" }} not found'


def k_xid(rng: random.Random) -> str:
    return f"request xid={s(rng, '0123456789abcdefghijklmnopqrstuv', 20)} completed status=200"


def k_op_item(rng: random.Random) -> str:
    return f'[ERROR] 2026/12/05 10:04:11 "{s(rng, string.ascii_lowercase + string.digits, 26)}" isn\'t an item in the "Engineering" vault. Specify the item with its UUID, name, or domain.'


def k_grafana(rng: random.Random) -> str:
    return f'{{"dashboard":{{"uid":"{s(rng, A + "-_", 14)}","title":"API latency"}},"datasource":{{"type":"prometheus","uid":"P{s(rng, "0123456789ABCDEF", 16)}"}}}}'


def k_alertmanager(rng: random.Random) -> str:
    return f'{{"status":"firing","labels":{{"alertname":"HighErrorRate","job":"api"}},"fingerprint":"{s(rng, HEX, 16)}","groupKey":"{{}}:{{alertname=\\"HighErrorRate\\"}}"}}'


def k_haproxy_uid(rng: random.Random) -> str:
    return f"unique-id: {s(rng, '0123456789ABCDEF', 8)}:{s(rng, '0123456789ABCDEF', 4)}_{s(rng, '0123456789ABCDEF', 8)}:01BB_{s(rng, '0123456789ABCDEF', 8)}_{s(rng, '0123456789ABCDEF', 4)}:{s(rng, '0123456789ABCDEF', 4)}"


def k_erlang(rng: random.Random) -> str:
    return f"** Process #PID<0.{rng.randrange(100, 9999)}.0> terminating, ref #Reference<0.{rng.randrange(10**9, 4 * 10**9)}.{rng.randrange(10**9, 4 * 10**9)}.{rng.randrange(10**5, 10**6)}>"


def k_saml_ids(rng: random.Random) -> str:
    return f'<samlp:Response ID="_{s(rng, HEX, 40)}" InResponseTo="_{s(rng, HEX, 40)}" Version="2.0" IssueInstant="2026-12-05T10:04:11Z">'


def k_webauthn(rng: random.Random) -> str:
    cred = base64.urlsafe_b64encode(families.rand(rng, 32)).decode().rstrip("=")
    return f'{{"credentialId":"{cred}","aaguid":"{uid(rng)}","counter":{rng.randrange(1, 900)},"transports":["internal","hybrid"]}}'


def k_ad_ldif(rng: random.Random) -> str:
    guid = base64.b64encode(families.rand(rng, 16)).decode()
    sid = base64.b64encode(
        b"\x01\x05\x00\x00\x00\x00\x00\x05\x15\x00\x00\x00" + families.rand(rng, 16)
    ).decode()
    return f"dn: CN=J Garcia,OU=Staff,DC=corp,DC=example\nobjectGUID:: {guid}\nobjectSid:: {sid}\nwhenChanged: 20261205100411.0Z"


def k_lei(rng: random.Random) -> str:
    body = s(rng, "0123456789", 4) + "00" + s(rng, string.ascii_uppercase + string.digits, 12)
    num = int("".join(str(int(c, 36)) for c in body + "00"))
    return f"counterparty LEI {body}{98 - num % 97:02d} not in GLEIF cache"


def k_isin(rng: random.Random) -> str:
    body = rng.choice(["US", "DE", "GB", "FR"]) + s(rng, string.ascii_uppercase + string.digits, 9)
    digits = "".join(str(int(c, 36)) for c in body)
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n // 10 + n % 10
    return f"price feed stale for ISIN {body}{(10 - total % 10) % 10} (last 2026-12-04)"


def k_orcid(rng: random.Random) -> str:
    body = "0000000" + s(rng, "0123456789", 8)
    total = 0
    for c in body:
        total = (total + int(c)) * 2
    r = (12 - total % 11) % 11
    v = body + ("X" if r == 10 else str(r))
    return f"author https://orcid.org/{v[:4]}-{v[4:8]}-{v[8:12]}-{v[12:]} has no public works"


def k_container(rng: random.Random) -> str:
    owner = rng.choice(["MSCU", "MAEU", "CMAU", "HLXU", "TGHU"]) + s(rng, "0123456789", 6)
    vals = {
        c: v
        for c, v in zip(
            string.ascii_uppercase,
            [
                10,
                12,
                13,
                14,
                15,
                16,
                17,
                18,
                19,
                20,
                21,
                23,
                24,
                25,
                26,
                27,
                28,
                29,
                30,
                31,
                32,
                34,
                35,
                36,
                37,
                38,
            ],
            strict=True,
        )
    }
    total = sum((vals[c] if c.isalpha() else int(c)) * 2**i for i, c in enumerate(owner))
    return f"EDI IFTSTA: container {owner}{total % 11 % 10} gated out at DEHAM"


def k_isbn(rng: random.Random) -> str:
    body = "978" + s(rng, "0123456789", 9)
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return f"catalog import: ISBN {body[:3]}-{body[3]}-{body[4:8]}-{body[8:]}-{(10 - total % 10) % 10} duplicate"


def k_codesign(rng: random.Random) -> str:
    return (
        "Executable=/Applications/Acme.app/Contents/MacOS/Acme\nIdentifier=com.acme.desktop\n"
        f"CodeDirectory v=20500 size=1234 flags=0x10000(runtime) hashes=28+7 location=embedded\n"
        f"CDHash={s(rng, HEX, 40)}\nTeamIdentifier={s(rng, string.ascii_uppercase + string.digits, 10)}"
    )


def k_android_fp(rng: random.Random) -> str:
    dev = rng.choice(["oriole", "panther", "husky", "shiba"])
    return f"Build fingerprint: 'google/{dev}/{dev}:14/AP2A.{rng.randrange(240000, 250000)}.{rng.randrange(1, 9):03d}/{rng.randrange(10**7, 10**8)}:user/release-keys'"


def k_class_guid(rng: random.Random) -> str:
    g = uid(rng).upper()
    return f"HKLM\\SYSTEM\\CurrentControlSet\\Control\\Class\\{{{g}}}\\0004  DriverVersion  REG_SZ  31.0.101.{rng.randrange(1000, 6000)}"


def k_diff_index(rng: random.Random) -> str:
    return f"diff --git a/src/auth/token.py b/src/auth/token.py\nindex {s(rng, HEX, 12)}..{s(rng, HEX, 12)} 100644"


def k_hl7_msh(rng: random.Random) -> str:
    return f"MSH|^~\\&|LAB|HOSP|CRM|ACME|20261205100411||ORU^R01|{s(rng, string.ascii_uppercase + string.digits, 20)}|P|2.5.1\rMSA|AE|{s(rng, string.ascii_uppercase + string.digits, 20)}"


def k_secret_settings(rng: random.Random) -> str:
    return rng.choice(
        [
            f"totp_period={rng.choice([30, 60])} totp_digits=6 totp_algorithm=SHA1",
            f"recovery_codes_remaining={rng.randrange(0, 10)} mfa_enforced=true",
            f"passport_verified=true driver_license_verified=false kyc_level={rng.randrange(1, 4)}",
            f"wallet_private_key_path=/run/secrets/wallet.key keystore_kdf=scrypt n={2 ** rng.randrange(14, 19)}",
            f"bitlocker_recovery_key_backed_up=true escrow=aad tpm_version=2.0 pcr_banks={rng.choice(['sha256', 'sha1,sha256'])}",
            f"password_hash_algorithm=argon2id memory_cost={2 ** rng.randrange(15, 18)} time_cost={rng.randrange(2, 5)}",
        ]
    )


KINDS: dict[str, Callable[[random.Random], str]] = {
    "stellar-public-keys": k_stellar,
    "nostr-npub": k_npub,
    "cardano-address": k_cardano,
    "lightning-invoice": k_lightning,
    "bitcoin-block-hash": k_block,
    "vault-audit-hmac": k_vault_audit,
    "mix-lock": k_mix_lock,
    "julia-manifest": k_julia_manifest,
    "renv-lock": k_renv,
    "podfile-lock": k_podfile,
    "pubspec-lock": k_pubspec,
    "nuget-content-hash": k_nuget,
    "typeid": k_typeid,
    "ksuid": k_ksuid,
    "cuid2": k_cuid2,
    "xid": k_xid,
    "1password-item-id": k_op_item,
    "grafana-uids": k_grafana,
    "alertmanager-fingerprint": k_alertmanager,
    "haproxy-unique-id": k_haproxy_uid,
    "erlang-pid-ref": k_erlang,
    "saml-message-ids": k_saml_ids,
    "webauthn-credential-id": k_webauthn,
    "ad-ldif-guid-sid": k_ad_ldif,
    "lei": k_lei,
    "isin": k_isin,
    "orcid": k_orcid,
    "iso6346-container": k_container,
    "isbn13": k_isbn,
    "codesign-output": k_codesign,
    "android-fingerprint": k_android_fp,
    "windows-class-guid": k_class_guid,
    "diff-index-line": k_diff_index,
    "hl7-msh": k_hl7_msh,
    "secret-named-settings": k_secret_settings,
}
