"""Benign strings of the home-lab corpus: what the same NixOS machine's telemetry holds that is not
a secret, and that must come out unchanged (26 kinds).

Public by design: Nix store paths (nixbase32 of a hash), ``narHash`` SRI hashes and flake.lock
revisions, derivation names, systemd invocation ids and journal cursors, WireGuard/age public
keys and Nix cache public keys (``trusted-public-keys``), filesystem UUIDs and ZFS pool GUIDs,
Syncthing device IDs (public: they are given to peers), Tailscale node keys, container image
digests, Ollama model digests, sops-encrypted values (``ENC[AES256_GCM,…]``: ciphertext that sops
users commit to public repositories by design), option references to secret FILES
(``passwordFile = config.sops.secrets.x.path``) and placeholders. No private IPv4 address, and no SSH public key: docs/anonymization.md
replaces both by design (``<ip>``, ``<ssh-key>``: they identify a machine or a person; the first
measurement's benign set held 48 such strings, see the README). Password hashes are NOT here:
a ``$6$``/``$y$`` hash is a credential to crack, so the corpus treats it as a secret.
"""

from __future__ import annotations

import base64
import json
import random
import uuid

import keys

HOSTS = ["nas", "pve", "nuc", "homelab", "atlas", "odroid", "mini"]
PKGS = [
    "jellyfin-10.10.3",
    "home-assistant-2024.11.3",
    "ollama-0.5.1",
    "open-webui-0.4.7",
    "grafana-11.3.1",
    "nextcloud-30.0.2",
    "forgejo-9.0.2",
    "syncthing-1.28.1",
    "qdrant-1.12.4",
    "python3-3.12.7",
    "systemd-256.8",
    "linux-6.6.63",
    "zfs-kernel-2.2.6-6.6.63",
    "caddy-2.8.4",
]
SVCS = [
    "jellyfin",
    "home-assistant",
    "ollama",
    "open-webui",
    "grafana",
    "nextcloud-setup",
    "forgejo",
    "syncthing",
    "qdrant",
    "vaultwarden",
    "immich-server",
    "paperless-web",
]


def store(rng: random.Random, name: str | None = None) -> str:
    return "/nix/store/" + keys.nixbase32(keys.rand(rng, 20)) + "-" + (name or rng.choice(PKGS))


def sri(rng: random.Random) -> str:
    return "sha256-" + base64.b64encode(keys.rand(rng, 32)).decode()


def uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def b64(rng: random.Random, n: int) -> str:
    return base64.b64encode(keys.rand(rng, n)).decode()


def store_path(rng: random.Random) -> str:
    return f"copying path '{store(rng)}' from 'https://cache.nixos.org'..."


def nar_hash(rng: random.Random) -> str:
    return json.dumps(
        {
            "locked": {
                "lastModified": 1733000000 + rng.randint(0, 900000),
                "narHash": sri(rng),
                "owner": "NixOS",
                "repo": "nixpkgs",
                "rev": keys.rand(rng, 20).hex(),
                "type": "github",
            }
        },
        indent=2,
    )


def flake_update(rng: random.Random) -> str:
    rev = lambda: keys.rand(rng, 20).hex()  # noqa: E731
    return (
        f"• Updated input 'nixpkgs':\n    'github:NixOS/nixpkgs/{rev()}?narHash={sri(rng).replace('=', '%3D').replace('+', '%2B')}' (2026-11-28)\n"
        f"  → 'github:NixOS/nixpkgs/{rev()}?narHash={sri(rng).replace('=', '%3D').replace('+', '%2B')}' (2026-12-04)"
    )


def drv_build(rng: random.Random) -> str:
    return f"building '{store(rng, rng.choice(PKGS) + '.drv')}'...\nthese 3 derivations will be built:\n  {store(rng, 'etc.drv')}\n  {store(rng, 'nixos-system-nas-25.05.20241203.' + keys.rand(rng, 4).hex()[:7] + '.drv')}"


def hash_mismatch(rng: random.Random) -> str:
    return (
        f"error: hash mismatch in fixed-output derivation '{store(rng, 'source.drv')}':\n"
        f"         specified: sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n            got:    {sri(rng)}"
    )


def invocation(rng: random.Random) -> str:
    svc = rng.choice(SVCS)
    return (
        f"_SYSTEMD_INVOCATION_ID={keys.rand(rng, 16).hex()}\n_SYSTEMD_UNIT={svc}.service\n"
        f"_BOOT_ID={keys.rand(rng, 16).hex()}\nMESSAGE=Started {svc}.service."
    )


def cursor(rng: random.Random) -> str:
    return (
        f"-- cursor: s={keys.rand(rng, 16).hex()};i={rng.randint(100000, 999999):x};b={keys.rand(rng, 16).hex()};"
        f"m={rng.randint(10**8, 10**10):x};t={rng.randint(10**14, 10**15):x};x={keys.rand(rng, 8).hex()}"
    )


def wg_public(rng: random.Random) -> str:
    pub = base64.b64encode(keys.x25519_public(keys.rand(rng, 32))).decode()
    return (
        f"[Peer]\n# {rng.choice(['phone', 'laptop', 'vps', 'parents'])}\nPublicKey = {pub}\n"
        "AllowedIPs = 0.0.0.0/0, ::/0\nEndpoint = vpn.example.net:51820\nPersistentKeepalive = 25"
    )


def wg_show(rng: random.Random) -> str:
    pub = base64.b64encode(keys.x25519_public(keys.rand(rng, 32))).decode()
    me = base64.b64encode(keys.x25519_public(keys.rand(rng, 32))).decode()
    return (
        f"interface: wg0\n  public key: {me}\n  private key: (hidden)\n  listening port: 51820\n\n"
        f"peer: {pub}\n  endpoint: 203.0.113.{rng.randint(2, 250)}:51820\n  allowed ips: 0.0.0.0/0, ::/0\n"
        f"  latest handshake: {rng.randint(2, 59)} seconds ago\n  transfer: 1.{rng.randint(10, 99)} MiB received, 9.{rng.randint(10, 99)} MiB sent"
    )


def age_public(rng: random.Random) -> str:
    recips = [keys.bech32("age", keys.x25519_public(keys.rand(rng, 32))) for _ in range(2)]
    return (
        f"keys:\n  - &admin_alice {recips[0]}\n  - &host_{rng.choice(HOSTS)} {recips[1]}\ncreation_rules:\n"
        "  - path_regex: secrets/[^/]+\\.yaml$\n    key_groups:\n      - age:\n          - *admin_alice"
    )


def path_info(rng: random.Random) -> str:
    return "$ nix path-info -rsSh /run/current-system | tail -3\n" + "\n".join(
        f"{store(rng)}\t {rng.randint(1, 900)}.{rng.randint(0, 9)} MiB\t  {rng.randint(1, 9)}.{rng.randint(0, 9)} GiB"
        for _ in range(3)
    )


def cache_public(rng: random.Random) -> str:
    seed = keys.rand(rng, 32)
    pub = base64.b64encode(keys.ed25519_public(seed)).decode()
    name = rng.choice(["cache.nas.lan-1", "nas-1", "builder.home.arpa-1", "hydra.lan-2"])
    return (
        '  nix.settings.trusted-public-keys = [\n    "cache.nixos.org-1:6NCHdD59X431o0gWypbMrAURkbJ16ZPMQFGspcDShjY="\n'
        f'    "{name}:{pub}"\n  ];'
    )


def fs_uuid(rng: random.Random) -> str:
    return (
        f'  fileSystems."/" = {{\n    device = "/dev/disk/by-uuid/{uid(rng)}";\n    fsType = "btrfs";\n'
        f'    options = [ "subvol=root" "compress=zstd" ];\n  }};\n  boot.initrd.luks.devices."cryptroot".device = "/dev/disk/by-uuid/{uid(rng)}";'
    )


def zpool(rng: random.Random) -> str:
    return (
        f"$ zpool get guid tank\nNAME  PROPERTY  VALUE                 SOURCE\ntank  guid      {rng.getrandbits(63)}  -\n"
        f"$ zfs get -H -o value guid tank/media\n{rng.getrandbits(63)}"
    )


def syncthing_dev(rng: random.Random) -> str:
    return (
        f'  services.syncthing.settings.devices."{rng.choice(["phone", "laptop", "nas"])}" = {{\n'
        f'    id = "{keys.syncthing_id(rng)}";\n    autoAcceptFolders = true;\n  }};'
    )


def tailscale_status(rng: random.Random) -> str:
    return (
        f'$ tailscale status --json | jq .Self\n{{\n  "ID": "n{keys.rand(rng, 6).hex()}CNTRL",\n'
        f'  "PublicKey": "nodekey:{keys.rand(rng, 32).hex()}",\n  "HostName": "{rng.choice(HOSTS)}",\n'
        f'  "OS": "linux",\n  "Online": true\n}}'
    )


def image_digest(rng: random.Random) -> str:
    img = rng.choice(
        [
            "ghcr.io/open-webui/open-webui",
            "ghcr.io/immich-app/immich-server",
            "docker.io/qdrant/qdrant",
            "lscr.io/linuxserver/sonarr",
            "ghcr.io/berriai/litellm",
        ]
    )
    return f'    image = "{img}@sha256:{keys.rand(rng, 32).hex()}";'


def ollama_digest(rng: random.Random) -> str:
    return (
        f"pulling manifest\npulling {keys.rand(rng, 6).hex()}... 100% ▕████████████████▏ 4.9 GB\n"
        f"verifying sha256 digest\nwriting manifest\nsuccess\n$ ollama list\nllama3.1:8b    {keys.rand(rng, 6).hex()}    4.9 GB    3 days ago"
    )


def sops_enc(rng: random.Random) -> str:
    def enc(n: int) -> str:
        return f"ENC[AES256_GCM,data:{b64(rng, n)},iv:{b64(rng, 32)},tag:{b64(rng, 16)},type:str]"

    return (
        f'vaultwarden:\n    admin_token: {enc(48)}\nsops:\n    lastmodified: "2026-12-0{rng.randint(1, 5)}T1{rng.randint(0, 9)}:22:41Z"\n'
        f"    mac: ENC[AES256_GCM,data:{b64(rng, 32)},iv:{b64(rng, 32)},tag:{b64(rng, 16)},type:str]\n    version: 3.9.1"
    )


def secret_refs(rng: random.Random) -> str:
    svc = rng.choice(["grafana", "nextcloud", "vaultwarden", "forgejo", "immich", "paperless"])
    return (
        f'  sops.secrets."{svc}/admin" = {{ owner = "{svc}"; }};\n'
        f'  services.{svc}.settings.security.admin_password = "$__file{{${{config.sops.secrets.\\"{svc}/admin\\".path}}}}";\n'
        f"  users.users.alice.hashedPasswordFile = config.sops.secrets.alice-password.path;"
    )


def placeholders(rng: random.Random) -> str:
    env = rng.choice(
        ["ADMIN_TOKEN", "OPENAI_API_KEY", "CF_DNS_API_TOKEN", "TS_AUTHKEY", "RESTIC_PASSWORD"]
    )
    ph = rng.choice(
        [
            "<your-token-here>",
            "${" + env + "}",
            "CHANGE_ME",
            "xxxxxxxxxxxxxxxx",
            "$(cat /run/secrets/token)",
            "REDACTED",
        ]
    )
    return f"# example from the wiki, fill in your own\n{env}={ph}\n# then: sudo systemctl restart {rng.choice(SVCS)}"


def unit_status(rng: random.Random) -> str:
    svc = rng.choice(SVCS)
    return (
        f"● {svc}.service - {svc}\n     Loaded: loaded (/etc/systemd/system/{svc}.service; enabled; preset: enabled)\n"
        f"     Active: active (running) since Fri 2026-12-05 2{rng.randint(0, 3)}:1{rng.randint(0, 9)}:07 UTC; {rng.randint(2, 59)}min ago\n"
        f"   Main PID: {rng.randint(900, 99999)} ({svc.split('-')[0]})\n         IP: 1.{rng.randint(1, 9)}M in, {rng.randint(100, 999)}K out\n"
        f"     CGroup: /system.slice/{svc}.service"
    )


def nixos_version(rng: random.Random) -> str:
    rev = keys.rand(rng, 20).hex()
    return (
        f'$ nixos-version --json\n{{"nixosVersion":"25.05.2024120{rng.randint(1, 5)}.{rev[:7]}","nixpkgsRevision":"{rev}",'
        f'"configurationRevision":"{keys.rand(rng, 20).hex()}-dirty"}}'
    )


def hass_entities(rng: random.Random) -> str:
    ieee = "0x" + keys.rand(rng, 8).hex()
    return (
        f"- platform: mqtt\n  unique_id: {ieee}_temperature_zigbee2mqtt\n  entity_id: sensor.{rng.choice(['living_room', 'bedroom', 'garage'])}_temperature\n"
        f'  device:\n    identifiers: ["zigbee2mqtt_{ieee}"]\n  config_entry_id: {keys.rand(rng, 16).hex()}'
    )


def tls_fingerprint(rng: random.Random) -> str:
    fp = ":".join(f"{b:02X}" for b in keys.rand(rng, 32))
    return f"SHA256 Fingerprint={fp}\nserial={keys.rand(rng, 16).hex()}\nsubject=CN={rng.choice(HOSTS)}.home.arpa"


def esphome_log(rng: random.Random) -> str:
    return (
        f"[{rng.randint(10, 23)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}][I][app:100]: ESPHome version 2024.11.2 compiled on Dec  5 2026\n"
        f"[D][sensor:094]: 'Temperature': Sending state {rng.randint(15, 28)}.{rng.randint(0, 9)}0000 °C with 1 decimals of accuracy\n"
        f"[C][api:140]: API Server:\n[C][api:142]:   Address: esp-{rng.choice(['livingroom', 'garage', 'plug3'])}.local:6053\n[C][api:144]:   Using noise encryption: YES"
    )


def prom_metrics(rng: random.Random) -> str:
    return (
        f'node_filesystem_avail_bytes{{device="tank/media",fstype="zfs",mountpoint="/srv/media"}} {rng.randint(10**11, 10**13)}\n'
        f'node_systemd_unit_state{{name="{rng.choice(SVCS)}.service",state="active",type="simple"}} 1\n'
        f'ollama_model_load_seconds{{digest="sha256:{keys.rand(rng, 32).hex()}"}} {rng.randint(1, 40)}.{rng.randint(10, 99)}'
    )


KINDS = {
    "store-path": store_path,
    "nar-hash": nar_hash,
    "flake-update": flake_update,
    "drv-build": drv_build,
    "hash-mismatch": hash_mismatch,
    "invocation-id": invocation,
    "journal-cursor": cursor,
    "wg-public-peer": wg_public,
    "wg-show": wg_show,
    "age-recipients": age_public,
    "path-info": path_info,
    "cache-public-key": cache_public,
    "fs-uuid": fs_uuid,
    "zpool-guid": zpool,
    "syncthing-device": syncthing_dev,
    "tailscale-status": tailscale_status,
    "image-digest": image_digest,
    "ollama-digest": ollama_digest,
    "sops-encrypted": sops_enc,
    "secret-file-refs": secret_refs,
    "placeholders": placeholders,
    "unit-status": unit_status,
    "nixos-version": nixos_version,
    "hass-entities": hass_entities,
    "tls-fingerprint": tls_fingerprint,
    "esphome-log": esphome_log,
    "prom-metrics": prom_metrics,
}
