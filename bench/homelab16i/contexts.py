"""Where a home lab's secrets show up in an AI stack's telemetry: 26 templates in four groups.

``NIX`` (9): a ``services.<svc>.settings`` option in a NixOS module, ``systemd.services.<svc>.
environment``, a ``nixos-rebuild`` type error quoting the definition's value, a
``environment.etc."…".text = ''…''`` file, ``nix repl`` and ``nix eval --json`` output,
``virtualisation.oci-containers`` environment, ``nix derivation show`` env (a secret copied into
the store) and ``cat`` of a world-readable ``/nix/store`` config. ``LOG`` (6): ``journalctl -u``
lines (logfmt, Go ``%q``), ``systemctl show -p Environment`` (systemd's quoting), ``ps -eo args``,
``curl -v`` request headers (or ``-u`` with its Basic header), ``docker inspect`` ``Config.Env``,
an nginx access log line with the value in the query. ``CONFIG`` (8): a sops-nix/agenix env file
under /run, YAML, INI (``app.ini``), JSON, TOML, the *arr ``config.xml``, ``sops -d`` output,
a ``git diff`` of the flake. ``LOOSE`` (4): a chat paste, a markdown answer with a fenced block,
a sentence with the value in backticks, an agent's shell tool call (JSON in a JSON string).

Each template returns ``(text, shown, also)``: the text, the secret as it appears in it (each
escape here is per character, so the escaped secret is a substring of the escaped value) and the
other parts as they appear. Each family gets two NIX, one LOG, one CONFIG, one LOOSE.
"""

from __future__ import annotations

import base64
import json
import random
import re
import urllib.parse
from collections.abc import Callable

import keys

Result = tuple[str, str, list[str]]
HOSTS = ["nas", "pve", "nuc", "homelab", "atlas", "odroid", "mini"]
MONTH = "Dec"
AUTH_HEADER = {
    "arr": "X-Api-Key",
    "jellyfin": "X-Emby-Token",
    "plex": "X-Plex-Token",
    "gotify": "X-Gotify-Key",
    "vault": "X-Vault-Token",
    "nomad": "X-Nomad-Token",
    "octoprint": "X-Api-Key",
    "moonraker": "X-Api-Key",
    "n8n": "X-N8N-API-KEY",
    "qdrant": "api-key",
    "crowdsec": "X-Api-Key",
    "immich": "x-api-key",
    "sabnzbd": "X-Api-Key",
    "tautulli": "X-Api-Key",
    "jellyseerr": "X-Api-Key",
    "syncthing": "X-API-Key",
}
BEARER_WORDS = {
    "github",
    "gitlab",
    "tailscale",
    "cachix",
    "gitea",
    "forgejo",
    "grafana",
    "paperless",
    "authentik",
    "cloudflare",
    "desec",
    "digitalocean",
    "hetzner",
    "linode",
    "unifi",
    "truenas",
    "influxdb",
    "ntfy",
    "matrix",
    "linkding",
    "miniflux",
    "audiobookshelf",
    "homeassistant",
    "openwebui",
    "litellm",
    "localai",
    "coordinator",
    "openrouter",
    "together",
    "groq",
    "anthropic",
    "huggingface",
    "mistral",
    "cerebras",
    "elevenlabs",
    "langfuse",
    "weaviate",
    "meilisearch",
    "headscale",
    "garage",
    "woodpecker",
    "duckdns",
    "steam",
    "pushover",
}


def jq(x: str) -> str:
    return json.dumps(x, ensure_ascii=False)[1:-1]


def nixq(x: str) -> str:
    return x.replace("\\", "\\\\").replace('"', '\\"').replace("${", "\\${").replace("\n", "\\n")


def shq(x: str) -> str:
    return x.replace("'", "'\\''")


def xml(x: str) -> str:
    return x.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def pct(x: str) -> str:
    return urllib.parse.quote(x, safe="")


def ident(x: str) -> Callable[[str], str]:
    return x  # type: ignore[return-value]


def attr(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_'-]*", key) else f'"{key}"'


def kebab(key: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", key).lower().replace("_", "-").replace(".", "-")


def h(rng: random.Random, n: int) -> str:
    return keys.rand(rng, n // 2).hex()


def store(rng: random.Random) -> str:
    return "/nix/store/" + keys.nixbase32(keys.rand(rng, 20))


def multi(v: str) -> bool:
    return "\n" in v


def out(esc: Callable[[str], str], text: str, s: str, also: list[str]) -> Result:
    return text, esc(s), [esc(a) for a in also]


def indent(v: str, pad: str) -> str:
    return "\n".join(pad + line for line in v.splitlines())


def opt(f: dict) -> str:
    """The NixOS option that holds the family's value."""
    return f.get("opt") or f"services.{f['svc']}.settings.{attr(f['key'])}"


def nixval(v: str, pad: str) -> tuple[str, Callable[[str], str]]:
    """A Nix string literal for v: ``"…"`` or, for a multi-line value, an indented ``''`` string."""
    if multi(v):
        return "''\n" + indent(v, pad + "  ") + "\n" + pad + "''", lambda x: x
    return f'"{nixq(v)}"', nixq


def yamlval(v: str, pad: str) -> tuple[str, Callable[[str], str]]:
    if multi(v):
        return "|\n" + indent(v, pad + "  "), lambda x: x
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_./+=-]*", v):
        return v, lambda x: x
    return f'"{jq(v)}"', jq


# --- NIX -----------------------------------------------------------------------------------
def nix_option(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    lit, esc = nixval(v, "      ")
    if "opt" in f:
        lit, esc = nixval(v, "  ")
        text = f'# hosts/{rng.choice(HOSTS)}/configuration.nix\n  {f["opt"]} = {lit};\n  system.stateVersion = "24.11";'
        return out(esc, text, s, also)
    text = (
        f"# hosts/{rng.choice(HOSTS)}/services.nix\n  services.{f['svc']} = {{\n    enable = true;\n"
        f"    openFirewall = false;\n    settings = {{\n      port = {rng.randint(2000, 9999)};\n"
        f"      {attr(f['key'])} = {lit};\n    }};\n  }};"
    )
    return out(esc, text, s, also)


def nix_env(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    lit, esc = nixval(v, "    ")
    text = (
        f'  systemd.services.{attr(f["svc"])}.environment = {{\n    TZ = "Europe/Berlin";\n'
        f"    {f['env']} = {lit};\n  }};"
    )
    return out(esc, text, s, also)


def rebuild_error(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    src = store(rng) + "-source"
    text = (
        f"building the system configuration...\nerror:\n       … while evaluating the attribute "
        f"'config.system.build.toplevel'\n         at {store(rng)}-source/nixos/modules/system/activation/"
        f"top-level.nix:71:12:\n\n       … while evaluating definitions from `{src}/hosts/"
        f"{rng.choice(HOSTS)}/default.nix':\n\n       error: A definition for option `{opt(f)}' is not of type `null or absolute path'. Definition values:\n"
        f'       - In `{src}/hosts/{rng.choice(HOSTS)}/default.nix\': "{nixq(v)}"'
    )
    return out(nixq, text, s, also)


def etc_text(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    body = v if multi(v) else f"{f['env']}={v}"
    text = (
        f"  environment.etc.\"{f['svc']}/{f['svc']}.conf\".text = ''\n{indent(body, '    ')}\n  '';\n"
        f'  environment.etc."{f["svc"]}/{f["svc"]}.conf".mode = "0440";'
    )
    return out(lambda x: x, text, s, also)


def nix_repl(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    host = rng.choice(HOSTS)
    text = (
        f"nix-repl> :lf .\nAdded 18 variables.\n\nnix-repl> nixosConfigurations.{host}.config."
        f'{opt(f)}\n"{nixq(v)}"\n'
    )
    return out(nixq, text, s, also)


def nix_eval(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    cfg = json.dumps(
        {"enable": True, f["key"]: v, "port": rng.randint(2000, 9999)}, ensure_ascii=False
    )
    text = f"$ nix eval --json .#nixosConfigurations.{rng.choice(HOSTS)}.config.services.{f['svc']}.settings\n{cfg}"
    return out(jq, text, s, also)


def oci_container(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    lit, esc = nixval(v, "      ")
    text = (
        f'  virtualisation.oci-containers.containers.{attr(f["svc"])} = {{\n    image = "ghcr.io/'
        f'{f["svc"]}/{f["svc"]}:latest";\n    ports = [ "127.0.0.1:{rng.randint(2000, 9999)}:8080" ];\n'
        f'    environment = {{\n      {f["env"]} = {lit};\n      PUID = "1000";\n    }};\n  }};'
    )
    return out(esc, text, s, also)


def drv_show(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    drv = f"{store(rng)}-{f['svc']}-config.drv"
    body = {
        drv: {
            "args": ["-e", f"{store(rng)}-default-builder.sh"],
            "builder": f"{store(rng)}-bash-5.2p37/bin/bash",
            "env": {
                f["env"]: v,
                "name": f"{f['svc']}-config",
                "out": f"{store(rng)}-{f['svc']}-config",
            },
        }
    }
    return out(
        jq,
        "$ nix derivation show " + drv + "\n" + json.dumps(body, indent=2, ensure_ascii=False),
        s,
        also,
    )


def store_cat(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    path = f"{store(rng)}-{f['svc']}.conf"
    body = v if multi(v) else f"[{f['svc']}]\nlisten = 127.0.0.1\n{f['key']} = {v}"
    text = f"warning: {path} is world-readable\n$ cat {path}\n{body}"
    return out(lambda x: x, text, s, also)


# --- LOG -----------------------------------------------------------------------------------
def journal(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    t = f"{MONTH} 0{rng.randint(1, 6)} {rng.randint(10, 23)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}"
    host = rng.choice(HOSTS)
    quoted = " " in v or '"' in v
    val = f'"{jq(v)}"' if quoted else v
    text = (
        f"$ journalctl -u {f['svc']} -n 3\n{t} {host} systemd[1]: Started {f['svc']}.service.\n"
        f'{t} {host} {f["svc"]}[{rng.randint(900, 99999)}]: level=warn msg="config loaded from environment" '
        f'{f["key"]}={val} listen=:8080\n{t} {host} {f["svc"]}[{rng.randint(900, 99999)}]: level=error msg="unauthorized"'
    )
    return out(jq if quoted else (lambda x: x), text, s, also)


def systemctl_show(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    item = f"{f['env']}={v}"
    quoted = " " in v or '"' in v
    shown = (
        f'"{item.replace(chr(92), chr(92) * 2).replace(chr(34), chr(92) + chr(34))}"'
        if quoted
        else item
    )
    esc = (lambda x: x.replace("\\", "\\\\").replace('"', '\\"')) if quoted else (lambda x: x)
    text = (
        f"$ systemctl show {f['svc']}.service -p Environment\nEnvironment=LOCALE_ARCHIVE={store(rng)}-glibc-locales"
        f"-2.40-66/lib/locale/locale-archive PATH={store(rng)}-coreutils-9.5/bin {shown} TZ=Europe/Berlin"
    )
    return out(esc, text, s, also)


def ps_args(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    text = (
        f"$ ps -eo pid,args | grep {f['svc']}\n {rng.randint(900, 99999)} {store(rng)}-{f['svc']}-"
        f"{rng.randint(1, 3)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}/bin/{f['svc']} --{kebab(f['key'])} "
        f"'{shq(v)}' --listen 127.0.0.1:{rng.randint(2000, 9999)}\n {rng.randint(900, 99999)} grep {f['svc']}"
    )
    return out(shq, text, s, also)


def header_of(f: dict, v: str) -> str | None:
    if "://" in v or multi(v) or " " in v:
        return None
    if v.startswith(("PVEAPIToken=", "PBSAPIToken=")):
        return "Authorization: " + v
    word = "arr" if f["source"] == "arr" else f["word"]
    if word in AUTH_HEADER:
        return f"{AUTH_HEADER[word]}: {v}"
    if word in BEARER_WORDS:
        return f"Authorization: Bearer {v}"
    return None


def curl_fits(f: dict) -> bool:
    """curl -v only carries API tokens (as their service's header) and passwords (``-u``)."""
    if f["kind"] != "token" or "hash" in f["name"] or f["name"].endswith("-url"):
        return False
    return (
        bool(header_of(f, "x"))
        or is_password(f)
        or f["name"] in ("proxmox-api-token", "pbs-api-token")
    )


def is_password(f: dict) -> bool:
    return any(w in f["name"] for w in ("password", "passphrase", "psk"))


def curl_verbose(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    port = rng.randint(2000, 9999)
    url = f"http://127.0.0.1:{port}/api/v1/status"
    head = header_of(f, v)
    lines = [
        f"*   Trying 127.0.0.1:{port}...",
        "> GET /api/v1/status HTTP/1.1",
        f"> Host: 127.0.0.1:{port}",
        "> User-Agent: curl/8.11.0",
    ]
    more: list[str] = []
    if head:
        cmd = f"curl -v -H '{shq(head)}' {url}"
        lines.append("> " + head)
    else:
        user = rng.choice(["admin", "hass", "alice"])
        cmd = f"curl -v -u '{user}:{shq(v)}' {url}"
        basic = base64.b64encode(f"{user}:{v}".encode()).decode()
        lines.append(f"> Authorization: Basic {basic}")
        more = [basic]
    lines += [">", "< HTTP/1.1 401 Unauthorized", "< Content-Length: 0"]
    text = "$ " + cmd + "\n" + "\n".join(lines)
    if head:
        more += [shq(s)] if shq(s) != s else []
        return text, s, also + more
    return text, shq(s), [shq(a) for a in also] + more


def docker_env(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    env = json.dumps(
        [
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin",
            f"{f['env']}={v}",
            "TZ=Europe/Berlin",
        ],
        ensure_ascii=False,
    )
    text = f"$ docker inspect {f['svc']} --format '{{{{json .Config.Env}}}}'\n{env}"
    return out(jq, text, s, also)


def access_log(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    text = (
        f"192.168.1.{rng.randint(2, 250)} - - [0{rng.randint(1, 6)}/{MONTH}/2026:{rng.randint(10, 23)}:"
        f'{rng.randint(10, 59)}:{rng.randint(10, 59)} +0000] "GET /api/v1/{f["svc"]}?{f["key"]}={pct(v)}'
        f' HTTP/1.1" 401 {rng.randint(20, 900)} "-" "python-requests/2.32.3"'
    )
    return out(pct, text, s, also)


# --- CONFIG --------------------------------------------------------------------------------
def env_file(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    quoted = " " in v or '"' in v
    val = f"'{shq(v)}'" if quoted else v
    text = f"$ sudo cat /run/secrets/{f['svc']}.env\nTZ=Europe/Berlin\n{f['env']}={val}\nLOG_LEVEL=info"
    return out(shq if quoted else (lambda x: x), text, s, also)


def yaml_file(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    val, esc = yamlval(v, "  ")
    text = f"# /var/lib/{f['svc']}/config.yml\n{f['svc']}:\n  listen: 0.0.0.0:{rng.randint(2000, 9999)}\n  {f['key']}: {val}\n  log_level: info"
    return out(esc, text, s, also)


def ini_file(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    text = f"; /var/lib/{f['svc']}/custom/conf/app.ini\n[security]\nINSTALL_LOCK = true\n{f['key']} = {v}\n\n[log]\nLEVEL = Info"
    return out(lambda x: x, text, s, also)


def json_file(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    body = json.dumps(
        {"port": rng.randint(2000, 9999), f["key"]: v, "debug": False}, indent=2, ensure_ascii=False
    )
    return out(jq, f"$ cat /var/lib/{f['svc']}/config.json\n{body}", s, also)


def toml_file(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    text = (
        f'# /etc/{f["svc"]}/config.toml\n[server]\nhost = "127.0.0.1"\n{attr(f["key"])} = "{jq(v)}"'
    )
    return out(jq, text, s, also)


def xml_file(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    tag = re.sub(r"[^A-Za-z0-9]", "", f["key"].title()) or "Key"
    text = (
        f"<Config>\n  <BindAddress>*</BindAddress>\n  <Port>{rng.randint(2000, 9999)}</Port>\n"
        f"  <{tag}>{xml(v)}</{tag}>\n  <AuthenticationMethod>Forms</AuthenticationMethod>\n</Config>"
    )
    return out(xml, text, s, also)


def sops_decrypted(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    val, esc = yamlval(v, "    ")
    text = f"$ sops -d secrets/{rng.choice(HOSTS)}.yaml\n{f['svc']}:\n    {f['key']}: {val}\n"
    return out(esc, text, s, also)


def git_diff(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    lit, esc = nixval(v, "      ")
    added = "\n".join("+" + line for line in f"      {opt(f)} = {lit};".splitlines())
    text = (
        f"diff --git a/hosts/{rng.choice(HOSTS)}/default.nix b/hosts/nas/default.nix\nindex {h(rng, 7)}..{h(rng, 7)} 100644\n"
        f"@@ -41,6 +41,7 @@\n     services.{f['svc']}.settings = {{\n       enable = true;\n{added}\n     }};"
    )
    return out(esc, text, s, also)


# --- LOOSE ---------------------------------------------------------------------------------
def chat_paste(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    body = v if multi(v) else f"{f['key']} = {v}"
    text = (
        f"user: {f['svc']} fails after nixos-rebuild switch with 401, this is what I set:\n{body}\n"
        f"assistant: The value is fine; the service reads it from its state dir, not from the option."
    )
    return out(lambda x: x, text, s, also)


def markdown_answer(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    lit, esc = nixval(v, "  ")
    text = (
        f"Your module sets it inline, so it ends up in the world-readable store:\n\n```nix\n"
        f"{opt(f)} = {lit};\n```\n\nMove it to sops-nix and point "
        f"`{f['key']}File` at `config.sops.secrets.{f['svc']}.path`."
    )
    return out(esc, text, s, also)


def backtick_prose(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    text = f"I rotated the {f['svc']} {f['key']} to `{v}` yesterday but the old one still works, is it cached?"
    return out(lambda x: x, text, s, also)


def tool_call(f: dict, v: str, s: str, also: list[str], rng: random.Random) -> Result:
    cmd = f"echo '{f['env']}={shq(v)}' | sudo tee -a /var/lib/{f['svc']}/.env && sudo systemctl restart {f['svc']}"
    args = json.dumps({"command": cmd})
    text = json.dumps({"type": "function", "function": {"name": "run_shell", "arguments": args}})
    return out(lambda x: json.dumps(json.dumps(shq(x))[1:-1])[1:-1], text, s, also)


NIX = {
    "nix-option": nix_option,
    "nix-env": nix_env,
    "rebuild-error": rebuild_error,
    "etc-text": etc_text,
    "nix-repl": nix_repl,
    "nix-eval": nix_eval,
    "oci-container": oci_container,
    "drv-show": drv_show,
    "store-cat": store_cat,
}
LOG = {
    "journal": journal,
    "systemctl-show": systemctl_show,
    "ps-args": ps_args,
    "curl-verbose": curl_verbose,
    "docker-env": docker_env,
    "access-log": access_log,
}
CONFIG = {
    "env-file": env_file,
    "yaml-file": yaml_file,
    "ini-file": ini_file,
    "json-file": json_file,
    "toml-file": toml_file,
    "xml-file": xml_file,
    "sops-decrypted": sops_decrypted,
    "git-diff": git_diff,
}
LOOSE = {
    "chat-paste": chat_paste,
    "markdown-answer": markdown_answer,
    "backtick-prose": backtick_prose,
    "tool-call": tool_call,
}
NOT_MULTI = {
    "journal",
    "systemctl-show",
    "ps-args",
    "curl-verbose",
    "env-file",
    "ini-file",
    "backtick-prose",
}
