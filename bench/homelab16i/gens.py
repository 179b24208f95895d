"""Generated families of the home-lab corpus: values with structure (a URL, a file, a hash line).

Each function returns ``(value, secret)`` or ``(value, secret, also)``: the value as the program
holds it, the secret part that must not appear in the output and other secret parts that must
not either. Formats from the tools' docs: sha512crypt/yescrypt (``mkpasswd``), PHC argon2
strings, bcrypt ``$2b$``, Apache ``$apr1$``, ``wg genkey``/``wg genpsk``, OpenVPN static key V1,
age identities, Nix ``nix-store --generate-binary-cache-key`` (``name:base64(seed||public)``),
cloudflared ``credentials.json`` and tunnel tokens (base64 of ``{"a","t","s"}``), Proxmox
``PVEAPIToken=user@realm!id=uuid``, Docker ``config.json`` ``auth`` (base64 ``user:password``),
rclone ``obscure`` (base64url of IV and AES-CTR ciphertext), Matrix ``syt_`` tokens (base64 of the
localpart, 20 random characters, a CRC32 in base62), Home Assistant long-lived tokens (HS256 JWT
with ``iss`` a 32-hex refresh-token id).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import random
import string
import urllib.parse
import uuid
import zlib

import keys

CRYPT = "./" + string.digits + string.ascii_uppercase + string.ascii_lowercase
B64 = string.ascii_letters + string.digits + "+/"
PW = string.ascii_letters + string.digits + "!#%^*-_+.,"
USERS = ["alice", "bob", "admin", "homelab", "nas", "media", "backup", "svc-ha", "root", "kai"]
HOSTS = [
    "nas.lan",
    "truenas.home.arpa",
    "pve.lan",
    "backup.example.net",
    "192.168.1.20",
    "u123456.your-storagebox.de",
    "10.0.10.5",
    "fileserver.internal",
]


def s(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def pw(rng: random.Random) -> str:
    return s(rng, PW, rng.randint(14, 24))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def jwt(rng: random.Random, claims: dict | None = None) -> str:
    """An HS256 JWT signed with a random key."""
    head = b64u(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    now = 1764900000 + rng.randint(0, 9000000)
    body = claims or {"sub": uid(rng), "iat": now}
    payload = b64u(json.dumps(body, separators=(",", ":")).encode())
    sig = hmac.new(keys.rand(rng, 32), f"{head}.{payload}".encode(), hashlib.sha256).digest()
    return f"{head}.{payload}.{b64u(sig)}"


def grafana_sa(rng: random.Random) -> str:
    body = s(rng, string.ascii_letters + string.digits, 32)
    return f"glsa_{body}_{zlib.crc32(body.encode()):08x}"


def cachix_token(rng: random.Random) -> tuple[str, str]:
    t = jwt(rng, {"jti": uid(rng), "scopes": "tx"})
    return t, t


def nix_signing_key(rng: random.Random) -> tuple[str, str]:
    seed = keys.rand(rng, 32)
    secret = b64(seed + keys.ed25519_public(seed))
    name = rng.choice(["cache.nas.lan-1", "nas-1", "builder.home.arpa-1", "hydra.lan-2"])
    return f"{name}:{secret}", secret


def netrc(rng: random.Random) -> tuple[str, str]:
    p = s(rng, string.ascii_letters + string.digits, 32)
    host = rng.choice(["cache.nas.lan", "attic.home.arpa", "nix-cache.example.net"])
    return f"machine {host}\nlogin nix\npassword {p}", p


def age_key(rng: random.Random) -> tuple[str, str]:
    k = keys.bech32("age-secret-key-", keys.rand(rng, 32)).upper()
    return k, k


def sha512crypt(rng: random.Random) -> tuple[str, str]:
    h = f"$6${s(rng, CRYPT, 16)}${s(rng, CRYPT, 86)}"
    return h, h


def yescrypt(rng: random.Random) -> tuple[str, str]:
    h = f"$y$j9T${s(rng, CRYPT, 22)}${s(rng, CRYPT, 43)}"
    return h, h


def wg_private(rng: random.Random) -> tuple[str, str]:
    k = b64(keys.clamp(keys.rand(rng, 32)))
    return k, k


def wg_psk(rng: random.Random) -> tuple[str, str]:
    k = b64(keys.rand(rng, 32))
    return k, k


def wg_conf(rng: random.Random) -> tuple[str, str, list[str]]:
    priv = keys.clamp(keys.rand(rng, 32))
    peer = b64(keys.x25519_public(keys.rand(rng, 32)))
    psk = b64(keys.rand(rng, 32))
    text = (
        f"[Interface]\nAddress = 10.100.0.{rng.randint(2, 250)}/24\nPrivateKey = {b64(priv)}\n"
        f"ListenPort = 51820\n\n[Peer]\nPublicKey = {peer}\nPresharedKey = {psk}\n"
        f"AllowedIPs = 10.100.0.0/24\nEndpoint = vpn.example.net:51820"
    )
    return text, b64(priv), [psk]


def openvpn_static(rng: random.Random) -> tuple[str, str, list[str]]:
    lines = [keys.rand(rng, 16).hex() for _ in range(16)]
    text = (
        "#\n# 2048 bit OpenVPN static key\n#\n-----BEGIN OpenVPN Static key V1-----\n"
        + "\n".join(lines)
        + "\n-----END OpenVPN Static key V1-----"
    )
    return text, lines[3], [lines[12]]


def openssh_key(rng: random.Random) -> tuple[str, str, list[str]]:
    text, _ = keys.openssh_ed25519(rng, f"root@{rng.choice(['nas', 'pve', 'router'])}")
    body = text.splitlines()[1:-1]
    return text, body[2], [body[-2]]


def cloudflared_creds(rng: random.Random) -> tuple[str, str]:
    secret = b64(keys.rand(rng, 32))
    text = json.dumps(
        {"AccountTag": keys.rand(rng, 16).hex(), "TunnelSecret": secret, "TunnelID": uid(rng)},
        separators=(",", ":"),
    )
    return text, secret


def cloudflared_token(rng: random.Random) -> tuple[str, str]:
    body = {"a": keys.rand(rng, 16).hex(), "t": uid(rng), "s": b64(keys.rand(rng, 32))}
    t = b64(json.dumps(body, separators=(",", ":")).encode())
    return t, t


def eab_hmac(rng: random.Random) -> tuple[str, str]:
    k = b64u(keys.rand(rng, 64))
    return k, k


def argon2_phc(rng: random.Random) -> tuple[str, str]:
    h = f"$argon2id$v=19$m=65540,t=3,p=4${b64(keys.rand(rng, 32)).rstrip('=')}${b64(keys.rand(rng, 32)).rstrip('=')}"
    return h, h


def gitea_internal(rng: random.Random) -> tuple[str, str]:
    t = jwt(rng, {"nbf": 1764900000 + rng.randint(0, 9000000)})
    return t, t


def hass_token(rng: random.Random) -> tuple[str, str]:
    now = 1764900000 + rng.randint(0, 9000000)
    t = jwt(rng, {"iss": keys.rand(rng, 16).hex(), "iat": now, "exp": now + 315360000})
    return t, t


def zigbee_key(rng: random.Random) -> tuple[str, str]:
    t = "[" + ", ".join(str(b) for b in keys.rand(rng, 16)) + "]"
    return t, t


def mosquitto_line(rng: random.Random) -> tuple[str, str]:
    digest = b64(keys.rand(rng, 64))
    return f"{rng.choice(USERS)}:$7$101${b64(keys.rand(rng, 12))}${digest}", digest


def restic_rest(rng: random.Random) -> tuple[str, str]:
    p = pw(rng)
    q = urllib.parse.quote(p, safe="")
    return f"rest:https://{rng.choice(USERS)}:{q}@{rng.choice(HOSTS)}:8000/{rng.choice(USERS)}/", q


def borg_sftp(rng: random.Random) -> tuple[str, str]:
    p = pw(rng)
    q = urllib.parse.quote(p, safe="")
    return f"sftp://{rng.choice(USERS)}:{q}@{rng.choice(HOSTS)}:23/./borg/{rng.choice(USERS)}", q


def rclone_obscured(rng: random.Random) -> tuple[str, str]:
    t = b64u(keys.rand(rng, 16 + rng.randint(12, 24)))
    return t, t


def rclone_drive(rng: random.Random) -> tuple[str, str, list[str]]:
    access = "ya29.a0" + s(rng, string.ascii_letters + string.digits + "-_", 150)
    refresh = "1//0" + s(rng, string.ascii_letters + string.digits + "-_", 99)
    text = json.dumps(
        {
            "access_token": access,
            "token_type": "Bearer",
            "refresh_token": refresh,
            "expiry": "2026-12-05T23:41:07.123456789+01:00",
        },
        separators=(",", ":"),
    )
    return text, refresh, [access]


def pve_token(rng: random.Random) -> tuple[str, str]:
    u = uid(rng)
    who = rng.choice(["root@pam", "terraform@pve", "homepage@pve", "monitor@pve"])
    return f"PVEAPIToken={who}!{rng.choice(['ci', 'tf', 'ro', 'hp'])}={u}", u


def pbs_token(rng: random.Random) -> tuple[str, str]:
    u = uid(rng)
    return f"PBSAPIToken=backup@pbs!nixos:{u}", u


def docker_auth(rng: random.Random) -> tuple[str, str]:
    a = b64(f"{rng.choice(USERS)}:{pw(rng)}".encode())
    reg = rng.choice(["ghcr.io", "registry.nas.lan:5000", "https://index.docker.io/v1/"])
    return json.dumps({"auths": {reg: {"auth": a}}}), a


def netrc_home(rng: random.Random) -> tuple[str, str]:
    p = pw(rng)
    return f"machine {rng.choice(HOSTS)}\n  login {rng.choice(USERS)}\n  password {p}", p


def pgpass(rng: random.Random) -> tuple[str, str]:
    p = s(rng, string.ascii_letters + string.digits + "!#%^*-_+.", 20)
    return (
        f"localhost:5432:{rng.choice(['immich', 'nextcloud', 'gitea', 'paperless'])}:{rng.choice(USERS)}:{p}",
        p,
    )


def mycnf(rng: random.Random) -> tuple[str, str]:
    p = pw(rng)
    return f'[client]\nuser={rng.choice(USERS)}\npassword="{p}"\nhost=127.0.0.1', p


def postgres_url(rng: random.Random) -> tuple[str, str]:
    p = urllib.parse.quote(pw(rng), safe="")
    db = rng.choice(["immich", "nextcloud", "gitea", "paperless", "litellm", "n8n"])
    return f"postgresql://{db}:{p}@127.0.0.1:5432/{db}?sslmode=disable", p


def mqtt_url(rng: random.Random) -> tuple[str, str]:
    p = urllib.parse.quote(pw(rng), safe="")
    return (
        f"mqtt://{rng.choice(['homeassistant', 'zigbee2mqtt', 'frigate'])}:{p}@192.168.1.{rng.randint(2, 250)}:1883",
        p,
    )


def rtsp_url(rng: random.Random) -> tuple[str, str]:
    p = urllib.parse.quote(pw(rng), safe="")
    return (
        f"rtsp://admin:{p}@192.168.20.{rng.randint(2, 250)}:554/cam/realmonitor?channel=1&subtype=0",
        p,
    )


def apr1(rng: random.Random) -> tuple[str, str]:
    h = f"$apr1${s(rng, CRYPT, 8)}${s(rng, CRYPT, 22)}"
    return f"{rng.choice(USERS)}:{h}", h


def bcrypt(rng: random.Random) -> tuple[str, str]:
    h = f"$2b$14${s(rng, CRYPT, 53)}"
    return h, h


def jupyter_hash(rng: random.Random) -> tuple[str, str]:
    h = f"argon2:$argon2id$v=19$m=10240,t=10,p=8${b64(keys.rand(rng, 16)).rstrip('=')}${b64(keys.rand(rng, 32)).rstrip('=')}"
    return h, h.split("$")[-1]


def sasl_passwd(rng: random.Random) -> tuple[str, str]:
    p = pw(rng)
    relay = rng.choice(
        ["smtp.fastmail.com", "smtp-relay.brevo.com", "smtp.mailgun.org", "mail.smtp2go.com"]
    )
    return f"[{relay}]:587 {rng.choice(USERS)}@example.net:{p}", p


def tsig(rng: random.Random) -> tuple[str, str]:
    k = b64(keys.rand(rng, 32))
    return f'key "acme-update" {{ algorithm hmac-sha256; secret "{k}"; }};', k


def pg_role(rng: random.Random) -> tuple[str, str]:
    p = s(rng, string.ascii_letters + string.digits + "!#%^*-_+.", 20)
    role = rng.choice(["grafana", "hass", "vaultwarden", "n8n", "litellm"])
    return f"CREATE ROLE {role} WITH LOGIN PASSWORD '{p}' CREATEDB;", p


def matrix_token(rng: random.Random) -> tuple[str, str]:
    local = b64u(rng.choice(["alice", "bot", "hass", "admin"]).encode())
    rand = s(rng, string.ascii_letters, 20)
    body = f"syt_{local}_{rand}"
    t = f"{body}_{keys.b62(zlib.crc32(body.encode()), 6)}"
    return t, t


def discord_webhook(rng: random.Random) -> tuple[str, str]:
    tok = s(rng, string.ascii_letters + string.digits + "-_", 68)
    return f"https://discord.com/api/webhooks/{rng.randint(10**17, 10**18)}/{tok}", tok


def hass_secrets(rng: random.Random) -> tuple[str, str, list[str]]:
    wifi, mqtt = pw(rng), pw(rng)
    text = (
        f'wifi_ssid: "Homelab-IoT"\nwifi_password: "{wifi}"\nmqtt_password: {mqtt}\n'
        f"latitude: 52.52\nelevation: 34"
    )
    return text, wifi, [mqtt]


def gcp_sa(rng: random.Random) -> tuple[str, str]:
    body = b64(keys.rand(rng, 1190))
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    pem = "-----BEGIN PRIVATE KEY-----\n" + "\n".join(lines) + "\n-----END PRIVATE KEY-----\n"
    text = json.dumps(
        {
            "type": "service_account",
            "project_id": "homelab-ai-4471",
            "private_key_id": keys.rand(rng, 20).hex(),
            "private_key": pem,
            "client_email": "litellm@homelab-ai-4471.iam.gserviceaccount.com",
        }
    )
    return text, lines[5]
