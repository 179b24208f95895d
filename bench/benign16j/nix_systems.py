"""Kinds from the NixOS host and its git history: store paths, flakes, systemd, git output."""

from __future__ import annotations

import json
import random

from rand import PKGS, UNITS, WORDS, b64, epoch, hx, nixhash, pick, sem, sri256, ts

R = random.Random


def k_nix_store_paths(r: R) -> str:
    p = f"/nix/store/{nixhash(r)}-{pick(r, PKGS)}"
    return pick(
        r,
        [
            f"{p}/bin/python3.12: error while loading shared libraries",
            f"these 3 paths will be fetched (41.2 MiB download, 180.4 MiB unpacked):\n  {p}",
            f"ExecStart={p}/bin/{pick(r, UNITS)} --config /etc/ai/{pick(r, UNITS)}.toml",
            f"copying path '{p}' from 'https://cache.nixos.org'...",
        ],
    )


def k_nix_derivations(r: R) -> str:
    d = f"/nix/store/{nixhash(r)}-{pick(r, PKGS)}.drv"
    return pick(
        r,
        [
            f"error: builder for '{d}' failed with exit code 1;\n       last 10 log lines:",
            f"these 2 derivations will be built:\n  {d}",
            f"nix log {d}",
            f"building '{d}'...",
        ],
    )


def k_nar_hashes(r: R) -> str:
    h = sri256(r)
    return pick(
        r,
        [
            f'"narHash": "{h}",',
            f"error: hash mismatch in fixed-output derivation '/nix/store/{nixhash(r)}-source.drv':\n         specified: sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n            got:    {h}",
            f'hash = "{h}";',
            f"NarHash: sha256:{nixhash(r)}{nixhash(r)[:20]}",
        ],
    )


def k_flake_lock_entries(r: R) -> str:
    owner, repo = pick(
        r,
        [
            ("NixOS", "nixpkgs"),
            ("nix-community", "home-manager"),
            ("Mic92", "sops-nix"),
            ("numtide", "flake-utils"),
        ],
    )
    node = {
        "locked": {
            "lastModified": epoch(r),
            "narHash": sri256(r),
            "owner": owner,
            "repo": repo,
            "rev": hx(r, 40),
            "type": "github",
        },
        "original": {"owner": owner, "ref": "nixos-unstable", "repo": repo, "type": "github"},
    }
    return pick(
        r,
        [
            json.dumps({repo: node}, indent=2),
            f"• Updated input '{repo}':\n    'github:{owner}/{repo}/{hx(r, 40)}?narHash={sri256(r).replace('=', '%3D')}' ({ts(r)[:10]})\n  → 'github:{owner}/{repo}/{hx(r, 40)}?narHash={sri256(r).replace('=', '%3D')}' ({ts(r)[:10]})",
            f'inputs.{repo}.url = "github:{owner}/{repo}/{hx(r, 40)}";',
        ],
    )


def k_nix_fetchers(r: R) -> str:
    return pick(
        r,
        [
            f'src = fetchFromGitHub {{\n  owner = "ggerganov";\n  repo = "llama.cpp";\n  rev = "b{r.randint(3000, 5000)}";\n  hash = "{sri256(r)}";\n}};',
            f'cargoHash = "{sri256(r)}";',
            f'vendorHash = "{sri256(r)}";\nnpmDepsHash = "{sri256(r)}";',
            f"nix-prefetch-url --unpack https://github.com/ollama/ollama/archive/v{sem(r)}.tar.gz\npath is '/nix/store/{nixhash(r)}-v{sem(r)}.tar.gz'\n{nixhash(r)}{nixhash(r)[:20]}",
        ],
    )


def k_nix_substituter_keys(r: R) -> str:
    return pick(
        r,
        [
            'nix.settings.trusted-public-keys = [ "cache.nixos.org-1:6NCHdD59X431o0gWypbMrAURkbJ16ZPMQFGspcDShjY=" "cuda-maintainers.cachix.org-1:0dq3bujKpuEPMCX6U4WylrUDZ9JyUG0VpVZa7CNfq5E=" ];',
            "substituters = https://cache.nixos.org https://nix-community.cachix.org\ntrusted-public-keys = nix-community.cachix.org-1:mB9FSh9qf2dCimDSUo8Zy7bkq5CX+/rkCWyvRCYg3Fs=",
            f"warning: ignoring substitute for '/nix/store/{nixhash(r)}-{pick(r, PKGS)}' from 'https://cuda-maintainers.cachix.org', as it's not signed by any of the keys in 'trusted-public-keys'",
        ],
    )


def k_nixos_options(r: R) -> str:
    u = pick(r, UNITS)
    return pick(
        r,
        [
            'services.ollama = { enable = true; acceleration = "cuda"; host = "127.0.0.1"; port = 11434; loadModels = [ "llama3.1:8b" ]; };',
            f'sops.secrets."{u}/api_key" = {{ owner = "{u}"; restartUnits = [ "{u}.service" ]; }};',
            f"age.secrets.{u}-token.file = ../secrets/{u}-token.age;",
            f'environment.etc."ai/{u}.env".source = config.sops.templates."{u}.env".path;',
        ],
    )


def k_nixos_rebuild(r: R) -> str:
    return pick(
        r,
        [
            f"building the system configuration...\nactivating the configuration...\nsetting up /etc...\nrestarting the following units: {pick(r, UNITS)}.service",
            f"error: attribute 'apiKeyFile' missing\n       at /nix/store/{nixhash(r)}-source/modules/{pick(r, UNITS)}.nix:{r.randint(5, 200)}:{r.randint(3, 40)}:",
            f"/nix/var/nix/profiles/system-{r.randint(100, 999)}-link -> /nix/store/{nixhash(r)}-nixos-system-gpu01-25.05.{r.randint(10000, 99999)}.{hx(r, 7)}",
        ],
    )


def k_systemd_units(r: R) -> str:
    u = pick(r, UNITS)
    return pick(
        r,
        [
            f"● {u}.service - {u}\n     Loaded: loaded (/etc/systemd/system/{u}.service; enabled; preset: enabled)\n     Active: active (running) since Sat {ts(r)[:10]} {ts(r)[11:19]} UTC; {r.randint(1, 59)}min ago\n   Main PID: {r.randint(100, 99999)} ({u})",
            f"systemd[1]: {u}.service: Main process exited, code=exited, status={r.randint(1, 255)}/FAILURE",
            f"Dec 06 0{r.randint(0, 9)}:{r.randint(10, 59)}:{r.randint(10, 59)} gpu01 systemd[1]: Started {u}-{pick(r, ['reindex', 'backup', 'sync'])}.timer.",
            f"systemctl restart {u}.service && journalctl -fu {u}",
        ],
    )


def k_systemd_credentials(r: R) -> str:
    u = pick(r, UNITS)
    return pick(
        r,
        [
            f"LoadCredential=api_key:/run/secrets/{u}/api_key",
            f'serviceConfig.LoadCredential = [ "token:${{config.sops.secrets.{u}-token.path}}" ];',
            f"{u}[{r.randint(100, 99999)}]: reading key from $CREDENTIALS_DIRECTORY/api_key",
        ],
    )


def k_git_shas(r: R) -> str:
    a, b = hx(r, 40), hx(r, 40)
    return pick(
        r,
        [
            f"commit {a}\nMerge: {a[:7]} {b[:7]}",
            f"HEAD is now at {a[:7]} fix(rag): keep chunk ids stable",
            f"git cherry-pick {a}\nerror: could not apply {a[:7]}... anonymize: keep api_key field names",
            f"[main {a[:7]}] add secret scanning to pre-commit\n 2 files changed, {r.randint(1, 90)} insertions(+), {r.randint(0, 30)} deletions(-)",
        ],
    )


def k_git_refs(r: R) -> str:
    a = hx(r, 40)
    return pick(
        r,
        [
            f"{a}\trefs/heads/{pick(r, ['main', 'feat/token-budget', 'fix/secret-store'])}",
            f"To github.com:homelab/ai-stack.git\n   {a[:7]}..{hx(r, 7)}  main -> main",
            f"{a} refs/tags/v{sem(r)}^{{}}",
            "remote: Create a pull request for 'fix/api-key-rotation' on GitHub by visiting:\nremote:      https://github.com/homelab/ai-stack/pull/new/fix/api-key-rotation",
        ],
    )


def k_git_describe(r: R) -> str:
    return pick(
        r,
        [
            f"v{sem(r)}-{r.randint(1, 300)}-g{hx(r, 7)}",
            f"fedlearn {sem(r)}.dev{r.randint(1, 99)}+g{hx(r, 9)}",
            f'version = "{sem(r)}+git{ts(r)[:10].replace("-", "")}.{hx(r, 7)}";',
        ],
    )


def k_git_log_oneline(r: R) -> str:
    subj = [
        "rotate the webhook secret handling",
        "drop token from debug logs",
        "add password_hash column",
        "refactor get_secret() lookup",
        "bump qdrant-client",
        "fix api_key env var name",
    ]
    lines = [f"{hx(r, 7)} {pick(r, subj)}" for _ in range(r.randint(2, 5))]
    return pick(
        r,
        [
            "\n".join(lines),
            f"git log --oneline -n {len(lines)}\n" + "\n".join(lines),
            f"* {lines[0]} (HEAD -> main, origin/main)",
        ],
    )


def k_git_objects(r: R) -> str:
    return pick(
        r,
        [
            f"100644 blob {hx(r, 40)}\t{pick(r, ['.env.example', 'secrets.nix', 'config/credentials.example.yaml'])}",
            f"index {hx(r, 7)}..{hx(r, 7)} 100644",
            f"Resolving deltas: 100% ({r.randint(10, 9000)}/{r.randint(9000, 9999)}), done.\nReceiving objects: 100% ({r.randint(100, 99999)}/{r.randint(100, 99999)}), {r.randint(1, 99)}.{r.randint(10, 99)} MiB | {r.randint(1, 90)}.00 MiB/s",
            f"fatal: bad object {hx(r, 40)}",
        ],
    )


def k_ci_run_ids(r: R) -> str:
    return pick(
        r,
        [
            f"https://github.com/homelab/ai-stack/actions/runs/{r.randint(10**9, 10**10)}/job/{r.randint(10**10, 10**11)}",
            f"Run actions/checkout@{hx(r, 40)} # v4.{r.randint(0, 2)}.{r.randint(0, 9)}",
            f"uses: cachix/install-nix-action@{hx(r, 40)}",
        ],
    )


def k_pre_commit_hooks(r: R) -> str:
    return pick(
        r,
        [
            f"- repo: https://github.com/gitleaks/gitleaks\n  rev: v8.{r.randint(18, 24)}.{r.randint(0, 9)}\n  hooks:\n    - id: gitleaks",
            "detect-private-key.......................................................Passed\ndetect-aws-credentials...................................................Passed",
            f"gitleaks detect --source . -v\n{r.randint(3, 9)}:{r.randint(10, 59)}PM INF {r.randint(10, 999)} commits scanned.\n{r.randint(3, 9)}:{r.randint(10, 59)}PM INF no leaks found",
        ],
    )


def k_sops_metadata(r: R) -> str:
    return pick(
        r,
        [
            f'sops:\n    lastmodified: "{ts(r)[:19]}Z"\n    mac: ENC[AES256_GCM,data:{b64(r, 32)},iv:{b64(r, 32)},tag:{b64(r, 16)},type:str]\n    version: 3.9.{r.randint(0, 4)}',
            "creation_rules:\n  - path_regex: secrets/[^/]+\\.yaml$\n    key_groups:\n      - age:\n          - *host_gpu01",
            f"Failed to get the data key required to decrypt the SOPS file.\n\nGroup 0: FAILED\n  {pick(r, ['age', 'pgp'])}: FAILED",
        ],
    )


def k_store_gc(r: R) -> str:
    return pick(
        r,
        [
            f"deleting '/nix/store/{nixhash(r)}-{pick(r, PKGS)}'\n{r.randint(10, 9999)} store paths deleted, {r.randint(1, 90)}.{r.randint(10, 99)} GiB freed",
            f"nix path-info -Sh /run/current-system\n/nix/store/{nixhash(r)}-nixos-system-gpu01-25.05   {r.randint(3, 40)}.{r.randint(1, 9)}G",
            f"nix why-depends /run/current-system /nix/store/{nixhash(r)}-{pick(r, PKGS)}",
        ],
    )


def k_tmpfs_run_paths(r: R) -> str:
    return pick(
        r,
        [
            f"/run/user/{r.randint(1000, 1010)}/{pick(r, WORDS)}-{hx(r, 8)}.sock",
            f"/tmp/nix-build-{pick(r, PKGS)}.drv-{r.randint(0, 9)}/source",
            f"/var/lib/private/{pick(r, UNITS)}/cache/{hx(r, 2)}/{hx(r, 38)}",
        ],
    )
