"""Token families of the seventh held-out corpus (issue 16): wallet keys, one-time-password seeds and
recovery codes, password hashes, and vendor tokens; ``pii.py`` adds the personal data.

Two kinds of rows. ``TABLE``: ``name | provider word | ENV name | shape | source`` in audit16e's
shape notation (``'lit'`` a literal, ``X{n}`` n characters of alphabet X, ``@xyz`` one of xyz,
``uuid`` a UUID v4; alphabets below). ``GENERATED``: families whose value carries a checksum or
an encoding (Base58Check, Bech32, Stellar StrKey with CRC16-XModem), drawn by a function.

Sources (facts only; no rule text copied):

- ``crypto``: the published encodings: Bitcoin WIF and BIP32 extended private keys (Base58Check
  with version bytes 0x80 and 0x0488ADE4/0x04358394/0x049D7878/0x04B2430C), Nostr NIP-19
  ``nsec`` (Bech32), Stellar SEP-23 StrKey seeds (version byte 18<<3, CRC16-XModem), Ripple
  family seeds (version 0x21, Ripple's Base58 alphabet), Tezos ``edsk`` (Base58Check, prefix
  0d0f3a07), Solana keypairs (64 bytes in Base58, and the CLI's JSON array), Cardano
  ``ed25519_sk`` (Bech32), Ethereum/Monero 32-byte hex keys, Tendermint ``priv_validator_key``
  (base64 of 64 bytes), LND macaroons (hex, ``0201036c6e64`` = v2 ``lnd``);
- ``otp``: RFC 4226/6238 shared secrets in Base32 (16, 32 and AWS's 64 characters, and grouped in
  fours as setup screens show them), Steam Guard ``shared_secret``/``identity_secret`` (base64 of
  20 bytes), recovery and backup codes as GitHub (``xxxxx-xxxxx`` hex), GitLab (16 hex), Google
  (8 digits), Microsoft (5×5), Apple (7×4), 1Password Secret Key (``A3-``…), BitLocker (48
  digits in 8 groups of 6) and FileVault (6×4) print them;
- ``dlp``: credential kinds of Google Sensitive Data Protection's infoType list
  (https://cloud.google.com/sensitive-data-protection/docs/infotypes-reference:
  WEAK_PASSWORD_HASH, ENCRYPTION_KEY, XSRF/session tokens) and Amazon Macie's credential
  identifiers (https://docs.aws.amazon.com/macie/latest/user/mdis-reference-quick.html): crypt(3)
  hashes (``$1$``, ``$apr1$``, ``$5$``, ``$6$``, ``$y$``, ``$2b$``), ``$argon2id$``, Django
  ``pbkdf2_sha256$``, LDAP ``{SSHA}``, NTLM hashes in pwdump lines, PostgreSQL ``md5`` hashes;
- ``vendor``: vendors' documented token formats as the writer knows them (prefixes and
  alphabets documented; some lengths approximate).
"""

from __future__ import annotations

import base64
import hashlib
import random
import string
import uuid
from collections.abc import Callable

ALPHABETS = {
    "H": "0123456789abcdef",
    "K": "0123456789ABCDEF",
    "A": string.ascii_letters + string.digits,
    "a": string.ascii_lowercase + string.digits,
    "U": string.ascii_uppercase + string.digits,
    "B": string.ascii_letters + string.digits + "-_",
    "b": string.ascii_letters + string.digits + "+/",
    "D": string.digits,
    "L": string.ascii_lowercase,
    "Z": string.ascii_uppercase + "234567",
    "c": "./" + string.digits + string.ascii_uppercase + string.ascii_lowercase,
    "V": "23456789ABCDEFGHJKLMNPQRSTVWXYZ",
}

TABLE = r"""
eth-private-key | ethereum | ETH_PRIVATE_KEY | H{64} | crypto
monero-spend-key | monero | MONERO_SPEND_KEY | H{64} | crypto
lnd-macaroon | lnd | LND_ADMIN_MACAROON | '0201036c6e6402f801030a10' H{32} '1201301a160a0761646472657373120472656164120577726974651a130a04696e666f120472656164120577726974651a170a08696e766f69636573120472656164120577726974651a210a086d616361726f6f6e120867656e6572617465120472656164120577726974651a160a076d657373616765120472656164120577726974651a170a086f6666636861696e120472656164120577726974651a160a076f6e636861696e120472656164120577726974651a140a057065657273120472656164120577726974651a180a067369676e6572120867656e657261746512047265616400000620' H{64} | crypto
tendermint-validator-key | tendermint | PRIV_VALIDATOR_KEY | b{86} '==' | crypto
totp-seed-16 | totp | TOTP_SECRET | Z{16} | otp
totp-seed-32 | authenticator | MFA_SECRET | Z{32} | otp
aws-virtual-mfa-seed | mfa | AWS_MFA_SEED | Z{64} | otp
steam-shared-secret | steam | STEAM_SHARED_SECRET | b{27} '=' | otp
steam-identity-secret | steam | STEAM_IDENTITY_SECRET | b{27} '=' | otp
github-recovery-code | github | GITHUB_RECOVERY_CODE | H{5} '-' H{5} | otp
gitlab-recovery-code | gitlab | GITLAB_RECOVERY_CODE | H{16} | otp
microsoft-recovery-code | microsoft | MSA_RECOVERY_CODE | V{5} '-' V{5} '-' V{5} '-' V{5} '-' V{5} | otp
apple-recovery-key | apple | APPLE_RECOVERY_KEY | V{4} '-' V{4} '-' V{4} '-' V{4} '-' V{4} '-' V{4} '-' V{4} | otp
onepassword-secret-key | 1password | OP_SECRET_KEY | 'A3-' V{6} '-' V{6} '-' V{5} '-' V{5} '-' V{5} '-' V{5} | otp
bitlocker-recovery-key | bitlocker | BITLOCKER_RECOVERY_KEY | D{6} '-' D{6} '-' D{6} '-' D{6} '-' D{6} '-' D{6} '-' D{6} '-' D{6} | otp
filevault-recovery-key | filevault | FILEVAULT_RECOVERY_KEY | V{4} '-' V{4} '-' V{4} '-' V{4} '-' V{4} '-' V{4} | otp
bitwarden-recovery-code | bitwarden | BW_RECOVERY_CODE | L{4} '-' L{4} '-' L{4} '-' L{4} '-' L{4} '-' L{4} '-' L{4} '-' L{4} | otp
duo-bypass-code | duo | DUO_BYPASS_CODE | D{9} | otp
md5crypt-hash | shadow | ROOT_PASSWORD_HASH | '$1$' c{8} '$' c{22} | dlp
apr1-hash | htpasswd | HTPASSWD_HASH | '$apr1$' c{8} '$' c{22} | dlp
sha256crypt-hash | shadow | USER_PASSWORD_HASH | '$5$' c{16} '$' c{43} | dlp
sha512crypt-hash | shadow | ADMIN_PASSWORD_HASH | '$6$' c{16} '$' c{86} | dlp
yescrypt-hash | shadow | PASSWORD_HASH | '$y$j9T$' c{22} '$' c{43} | dlp
bcrypt-hash | bcrypt | DB_PASSWORD_BCRYPT | '$2b$12$' c{53} | dlp
argon2id-hash | argon2 | ARGON2_PASSWORD_HASH | '$argon2id$v=19$m=65536,t=3,p=4$' b{22} '$' b{43} | dlp
django-pbkdf2-hash | django | DJANGO_PASSWORD_HASH | 'pbkdf2_sha256$870000$' A{22} '$' b{43} '=' | dlp
ldap-ssha-hash | ldap | LDAP_USER_PASSWORD | '{SSHA}' b{32} | dlp
postgres-md5-hash | postgres | PG_ROLE_PASSWORD | 'md5' H{32} | dlp
ntlm-hash | ntlm | NTLM_HASH | H{32} | dlp
xsrf-token | xsrf | XSRF_TOKEN | B{43} | dlp
aes256-key-hex | encryption | DATA_ENCRYPTION_KEY | H{64} | dlp
aes256-key-b64 | encryption | MASTER_ENCRYPTION_KEY | b{43} '=' | dlp
cerebras-api-key | cerebras | CEREBRAS_API_KEY | 'csk-' a{48} | vendor
neon-api-key | neon | NEON_API_KEY | 'napi_' a{60} | vendor
resend-api-key | resend | RESEND_API_KEY | 're_' A{8} '_' A{24} | vendor
render-api-key | render | RENDER_API_KEY | 'rnd_' A{28} | vendor
supabase-secret-key | supabase | SUPABASE_SECRET_KEY | 'sb_secret_' B{31} | vendor
sentry-user-token | sentry | SENTRY_AUTH_TOKEN | 'sntryu_' H{64} | vendor
posthog-personal-key | posthog | POSTHOG_PERSONAL_API_KEY | 'phx_' A{47} | vendor
fireworks-api-key | fireworks | FIREWORKS_API_KEY | 'fw_' A{24} | vendor
jina-api-key | jina | JINA_API_KEY | 'jina_' H{32} A{28} | vendor
elevenlabs-api-key | elevenlabs | ELEVENLABS_API_KEY | 'sk_' H{48} | vendor
langfuse-secret-key | langfuse | LANGFUSE_SECRET_KEY | 'sk-lf-' uuid | vendor
helicone-api-key | helicone | HELICONE_API_KEY | 'sk-helicone-' a{7} '-' a{7} '-' a{7} '-' a{7} | vendor
deepgram-api-key | deepgram | DEEPGRAM_API_KEY | H{40} | vendor
assemblyai-api-key | assemblyai | ASSEMBLYAI_API_KEY | H{32} | vendor
mistral-api-key | mistral | MISTRAL_API_KEY | A{32} | vendor
cohere-api-key | cohere | CO_API_KEY | A{40} | vendor
wandb-api-key | wandb | WANDB_API_KEY | H{40} | vendor
hcp-client-secret | hcp | HCP_CLIENT_SECRET | A{64} | vendor
infisical-service-token | infisical | INFISICAL_TOKEN | 'st.' uuid '.' H{32} '.' H{32} | vendor
bws-access-token | bitwarden | BWS_ACCESS_TOKEN | '0.' uuid '.' A{30} ':' b{22} '==' | vendor
onepassword-service-account | 1password | OP_SERVICE_ACCOUNT_TOKEN | 'ops_eyJ' B{300} | vendor
openai-admin-key | openai | OPENAI_ADMIN_KEY | 'sk-admin-' B{74} | vendor
anthropic-admin-key | anthropic | ANTHROPIC_ADMIN_KEY | 'sk-ant-admin01-' B{86} 'AA' | vendor
github-fine-grained | github | GH_TOKEN | 'github_pat_11' U{20} '_' A{59} | vendor
gitlab-pat | gitlab | GITLAB_TOKEN | 'glpat-' B{20} | vendor
slack-bot-token | slack | SLACK_BOT_TOKEN | 'xoxb-' D{12} '-' D{13} '-' A{24} | vendor
stripe-restricted-key | stripe | STRIPE_RESTRICTED_KEY | 'rk_live_' A{99} | vendor
huggingface-token | huggingface | HF_TOKEN | 'hf_' A{34} | vendor
aws-secret-access-key | aws | AWS_SECRET_ACCESS_KEY | b{40} | vendor
google-api-key | google | GOOGLE_API_KEY | 'AIza' B{35} | vendor
npm-token | npm | NPM_TOKEN | 'npm_' A{36} | vendor
sendgrid-api-key | sendgrid | SENDGRID_API_KEY | 'SG.' B{22} '.' B{43} | vendor
twilio-auth-token | twilio | TWILIO_AUTH_TOKEN | H{32} | vendor
"""

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
RIPPLE58 = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz"
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def b58(data: bytes, alphabet: str = B58) -> str:
    """Base58 of bytes (leading zero bytes as the alphabet's first character)."""
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = alphabet[r] + out
    pad = len(data) - len(data.lstrip(b"\0"))
    return alphabet[0] * pad + out


def b58check(payload: bytes, alphabet: str = B58) -> str:
    """Base58Check: payload + the first 4 bytes of its double SHA-256."""
    check = hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    return b58(payload + check, alphabet)


def _polymod(values: list[int]) -> int:
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((top >> i) & 1) else 0
    return chk


def bech32(hrp: str, data: bytes) -> str:
    """BIP-173 Bech32 of 8-bit data."""
    acc, bits, five = 0, 0, []
    for byte in data:
        acc = (acc << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            five.append((acc >> bits) & 31)
    if bits:
        five.append((acc << (5 - bits)) & 31)
    expand = [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]
    mod = _polymod(expand + five + [0] * 6) ^ 1
    check = [(mod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32[d] for d in five + check)


def crc16_xmodem(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def rand(rng: random.Random, n: int) -> bytes:
    return bytes(rng.getrandbits(8) for _ in range(n))


def wif(compressed: bool, testnet: bool = False) -> Callable[[random.Random], str]:
    def gen(rng: random.Random) -> str:
        body = bytes([0xEF if testnet else 0x80]) + rand(rng, 32)
        return b58check(body + (b"\x01" if compressed else b""))

    return gen


def bip32(version: int) -> Callable[[random.Random], str]:
    def gen(rng: random.Random) -> str:
        depth = rng.choice([0, 3, 4])
        body = version.to_bytes(4, "big") + bytes([depth])
        body += (b"\0" * 8 if depth == 0 else rand(rng, 8)) + rand(rng, 32) + b"\0" + rand(rng, 32)
        return b58check(body)

    return gen


def stellar_seed(rng: random.Random) -> str:
    body = bytes([18 << 3]) + rand(rng, 32)
    crc = crc16_xmodem(body)
    return base64.b32encode(body + crc.to_bytes(2, "little")).decode()


def ripple_seed(rng: random.Random) -> str:
    return b58check(b"\x21" + rand(rng, 16), RIPPLE58)


def tezos_edsk(rng: random.Random) -> str:
    return b58check(bytes.fromhex("0d0f3a07") + rand(rng, 32))


def solana_b58(rng: random.Random) -> str:
    return b58(rand(rng, 64))


def solana_json(rng: random.Random) -> str:
    return "[" + ",".join(str(b) for b in rand(rng, 64)) + "]"


def nsec(rng: random.Random) -> str:
    return bech32("nsec", rand(rng, 32))


def cardano_sk(rng: random.Random) -> str:
    return bech32("ed25519_sk", rand(rng, 32))


def totp_grouped(rng: random.Random) -> str:
    raw = base64.b32encode(rand(rng, 20)).decode().lower()
    return " ".join(raw[i : i + 4] for i in range(0, 32, 4))


def google_backup(rng: random.Random) -> str:
    """A Google backup code as printed: two groups of four digits."""
    return f"{rng.randrange(10**4):04d} {rng.randrange(10**4):04d}"


GENERATED: list[tuple[str, str, str, Callable[[random.Random], str], str]] = [
    ("btc-wif-compressed", "bitcoin", "BTC_PRIVATE_KEY_WIF", wif(True), "crypto"),
    ("btc-wif-uncompressed", "bitcoin", "BITCOIN_WIF", wif(False), "crypto"),
    ("btc-wif-testnet", "bitcoin", "TESTNET_WIF", wif(True, testnet=True), "crypto"),
    ("bip32-xprv", "bitcoin", "WALLET_XPRV", bip32(0x0488ADE4), "crypto"),
    ("bip32-tprv", "bitcoin", "WALLET_TPRV", bip32(0x04358394), "crypto"),
    ("bip32-yprv", "bitcoin", "WALLET_YPRV", bip32(0x049D7878), "crypto"),
    ("bip32-zprv", "bitcoin", "WALLET_ZPRV", bip32(0x04B2430C), "crypto"),
    ("stellar-secret-seed", "stellar", "STELLAR_SECRET_SEED", stellar_seed, "crypto"),
    ("ripple-secret", "ripple", "XRP_SECRET", ripple_seed, "crypto"),
    ("tezos-edsk", "tezos", "TEZOS_SECRET_KEY", tezos_edsk, "crypto"),
    ("solana-keypair-b58", "solana", "SOLANA_PRIVATE_KEY", solana_b58, "crypto"),
    ("solana-keypair-json", "solana", "SOLANA_KEYPAIR", solana_json, "crypto"),
    ("nostr-nsec", "nostr", "NOSTR_NSEC", nsec, "crypto"),
    ("cardano-ed25519-sk", "cardano", "CARDANO_SIGNING_KEY", cardano_sk, "crypto"),
    ("totp-seed-grouped", "totp", "OTP_SETUP_KEY", totp_grouped, "otp"),
    ("google-backup-code", "google", "GOOGLE_BACKUP_CODE", google_backup, "otp"),
]


def parse() -> list[dict[str, object]]:
    """Every token family as a dict: name, word, env, parts (or gen), source."""
    rows: list[dict[str, object]] = []
    for line in TABLE.strip().splitlines():
        name, word, env, rest = (cell.strip() for cell in line.split("|", 3))
        shape, source = (cell.strip() for cell in rest.rsplit("|", 1))
        parts: list[tuple[str, object]] = []
        for item in shape.split(" "):
            if item.startswith("'"):
                parts.append(("lit", item.strip("'")))
            elif item.startswith("@"):
                parts.append(("one", item[1:]))
            elif item == "uuid":
                parts.append(("uuid", None))
            else:
                parts.append((item[0], int(item[2:-1])))
        rows.append({"name": name, "word": word, "env": env, "parts": parts, "source": source})
    for name, word, env, gen, source in GENERATED:
        rows.append(
            {"name": name, "word": word, "env": env, "gen": gen, "parts": [], "source": source}
        )
    return rows


def draw(parts: list[tuple[str, object]], rng: random.Random) -> str:
    """Draw one token."""
    out: list[str] = []
    for kind, arg in parts:
        if kind == "lit":
            out.append(str(arg))
        elif kind == "one":
            out.append(rng.choice(str(arg)))
        elif kind == "uuid":
            out.append(str(uuid.UUID(int=rng.getrandbits(128), version=4)))
        else:
            out.append("".join(rng.choice(ALPHABETS[kind]) for _ in range(int(str(arg)))))
    return "".join(out)
