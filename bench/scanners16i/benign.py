"""Benign strings of the ninth held-out corpus, in the same contexts as its secrets: the kinds of
text secret scanners' false-positive fixtures and allow-lists hold (placeholders, references to a
variable, documented example keys, masked keys, hashes and checksums, ids, lock-file integrity,
digests) written the way code and prose hold them. Each kind is a function of the generator.
"""

from __future__ import annotations

import base64
import random
import uuid
from collections.abc import Callable

from contexts import camel, pascal, snake

VENDORS = [
    "abuseipdb",
    "geoapify",
    "clockify",
    "lokalise",
    "pipedrive",
    "finnhub",
    "airtable",
    "meraki",
    "sonarcloud",
    "tailscale",
    "etherscan",
    "hasura",
    "webex",
    "linear",
]
KEYS = ["API_KEY", "TOKEN", "SECRET", "ACCESS_TOKEN", "APP_KEY", "CLIENT_SECRET"]


def hexs(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def env(rng: random.Random) -> str:
    return f"{rng.choice(VENDORS).upper()}_{rng.choice(KEYS)}"


def uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def b64(rng: random.Random, n: int) -> str:
    return base64.b64encode(bytes(rng.getrandbits(8) for _ in range(n))).decode()


PLACEHOLDERS = [
    "your_api_key_here",
    "<YOUR_API_KEY>",
    "changeme",
    "xxxxxxxxxxxxxxxxxxxxxxxx",
    "REPLACE_ME",
    "${API_KEY}",
    "insert-token-here",
    "<token>",
    "****",
    "TODO",
    "your-secret-goes-here",
    "sk_test_xxxxxxxxxxxxxxxxxxxxxxxx",
]


def placeholder_env(rng: random.Random) -> str:
    return f"{env(rng)}={rng.choice(PLACEHOLDERS)}\nLOG_LEVEL=debug"


def placeholder_yaml(rng: random.Random) -> str:
    v = rng.choice(VENDORS)
    return f"{v}:\n  api_key: {rng.choice(PLACEHOLDERS)}\n  base_url: https://api.{v}.com/v1"


def env_reference_code(rng: random.Random) -> str:
    n = env(rng)
    return rng.choice(
        [
            f'api_key = os.environ["{n}"]',
            f"const token = process.env.{n};",
            f'key := os.Getenv("{n}")',
            f"$key = getenv('{n}');",
            f'String key = System.getenv("{n}");',
            f"export {n}=$(pass show infra/{n.lower()})",
            f'curl -H "Authorization: Bearer ${n}" https://api.example.com/v1/me',
        ]
    )


def k8s_secret_ref(rng: random.Random) -> str:
    n = env(rng)
    return (
        f"env:\n  - name: {n}\n    valueFrom:\n      secretKeyRef:\n"
        f"        name: {n.split('_')[0].lower()}-credentials\n        key: {snake(n)}"
    )


def masked_key(rng: random.Random) -> str:
    v = rng.choice(VENDORS).title()
    tail = hexs(rng, 4)
    return rng.choice(
        [
            f"{v} key ending in {tail} was rotated on 2026-11-30",
            f"Using {v} token ****{tail}",
            f'{{"api_key": "********{tail}", "status": "active"}}',
            f"{v.upper()}_API_KEY=•••••••••••••{tail}",
        ]
    )


def git_sha(rng: random.Random) -> str:
    sha = hexs(rng, 40)
    return rng.choice(
        [
            f"git checkout {sha}",
            f"Fixed in commit {sha[:12]}, see the changelog.",
            f'{{"ref": "refs/heads/main", "after": "{sha}"}}',
            f"GIT_SHA := {sha}",
            f"image: ghcr.io/acme/api:sha-{sha[:7]}",
        ]
    )


def checksum_line(rng: random.Random) -> str:
    name = rng.choice(
        [
            "node-v22.11.0-linux-x64.tar.xz",
            "terraform_1.9.8_linux_amd64.zip",
            "k9s_Linux_amd64.tar.gz",
        ]
    )
    return rng.choice(
        [
            f"{hexs(rng, 64)}  {name}",
            f'echo "{hexs(rng, 64)}  {name}" | sha256sum -c -',
            f"ARG CHECKSUM_SHA256={hexs(rng, 64)}",
            f"md5: {hexs(rng, 32)}",
        ]
    )


def lockfile_integrity(rng: random.Random) -> str:
    pkg = rng.choice(["lodash", "react-dom", "esbuild", "axios", "zod"])
    return (
        f'"node_modules/{pkg}": {{\n  "version": "4.{rng.randrange(30)}.{rng.randrange(10)}",\n'
        f'  "resolved": "https://registry.npmjs.org/{pkg}/-/{pkg}-4.17.21.tgz",\n'
        f'  "integrity": "sha512-{b64(rng, 64)}"\n}}'
    )


def go_sum(rng: random.Random) -> str:
    mod = rng.choice(["github.com/spf13/cobra", "golang.org/x/net", "github.com/stretchr/testify"])
    ver = f"v1.{rng.randrange(20)}.{rng.randrange(9)}"
    return f"{mod} {ver} h1:{b64(rng, 32)}\n{mod} {ver}/go.mod h1:{b64(rng, 32)}"


def image_digest(rng: random.Random) -> str:
    return rng.choice(
        [
            f"image: nginx@sha256:{hexs(rng, 64)}",
            f"FROM python:3.12-slim@sha256:{hexs(rng, 64)}",
            f'"Digest": "sha256:{hexs(rng, 64)}"',
        ]
    )


def request_id(rng: random.Random) -> str:
    return rng.choice(
        [
            f"< HTTP/2 429\n< x-request-id: {uid(rng)}\n< retry-after: 30",
            f'{{"error": "rate_limited", "request_id": "{uid(rng)}"}}',
            f"request {uid(rng)} failed after 3 retries",
        ]
    )


def trace_ids(rng: random.Random) -> str:
    return rng.choice(
        [
            f"traceparent: 00-{hexs(rng, 32)}-{hexs(rng, 16)}-01",
            f'{{"trace_id": "{hexs(rng, 32)}", "span_id": "{hexs(rng, 16)}"}}',
        ]
    )


def public_client_id(rng: random.Random) -> str:
    cid = f"{rng.randrange(10**11, 10**12)}-{''.join(rng.choice('abcdefghijklmnopqrstuvwxyz0123456789') for _ in range(32))}.apps.googleusercontent.com"
    return rng.choice([f"GOOGLE_CLIENT_ID={cid}", f'const clientId = "{cid}";'])


def asset_hash(rng: random.Random) -> str:
    return rng.choice(
        [
            f'<script src="/static/js/main.{hexs(rng, 8)}.js"></script>',
            f"https://cdn.acme.example/assets/app-{hexs(rng, 20)}.css",
            f"dist/chunk-{hexs(rng, 8)}.mjs  142.31 kB",
        ]
    )


def yaml_templated(rng: random.Random) -> str:
    n = env(rng)
    return rng.choice(
        [
            f"{n.split('_')[0].lower()}:\n  api_key: ${{{n}}}\n  region: eu-west-1",
            f"env:\n  {n}: ${{{{ secrets.{n} }}}}",
            f"api_key: !vault |\n  vault:secret/data/{n.lower()}#value",
        ]
    )


def xml_empty(rng: random.Random) -> str:
    n = env(rng)
    return rng.choice(
        [
            f'<add key="{pascal(n)}" value="" />',
            f'<add key="{pascal(n)}" value="%{n}%" />',
            f"<{n.lower().replace('_', '.')}>${{env.{n}}}</{n.lower().replace('_', '.')}>",
        ]
    )


def json_ids(rng: random.Random) -> str:
    return rng.choice(
        [
            f'{{"order_id": "ord_{rng.randrange(10**6, 10**7)}", "customer": {rng.randrange(10**5)}, "total": 42.5}}',
            f'{{"id": "{uid(rng)}", "kind": "invoice", "status": "paid"}}',
            f'{{"workspace_id": "{hexs(rng, 24)}", "name": "Growth team"}}',
        ]
    )


def make_versions(rng: random.Random) -> str:
    return (
        f"VERSION ?= 1.{rng.randrange(20)}.{rng.randrange(10)}\n"
        "GIT_SHA := $(shell git rev-parse HEAD)\n"
        "LDFLAGS := -X main.version=$(VERSION) -X main.commit=$(GIT_SHA)"
    )


def go_header_names(rng: random.Random) -> str:
    v = rng.choice(VENDORS)
    return (
        f'const {camel(v)}KeyHeader = "X-{v.title()}-Key"\n'
        f'req.Header.Set({camel(v)}KeyHeader, os.Getenv("{v.upper()}_API_KEY"))'
    )


def java_value_annotation(rng: random.Random) -> str:
    v = rng.choice(VENDORS)
    return f'@Value("${{{v}.api.key}}")\nprivate String {camel(v)}ApiKey;'


def php_non_secret(rng: random.Random) -> str:
    return rng.choice(
        [
            f"define('API_VERSION', '2024-0{rng.randrange(1, 10)}-01');",
            f"$config['timeout'] = {rng.randrange(5, 60)};",
            "define('API_KEY', getenv('API_KEY'));",
        ]
    )


def prose_no_value(rng: random.Random) -> str:
    v = rng.choice(VENDORS).title()
    return rng.choice(
        [
            f"Rotate your {v} key every 90 days; it lives in 1Password under 'infra'.",
            f"The {v} token expired, I requested a new one from the admin.",
            f"Set {v.upper()}_API_KEY in your shell before running the sync job.",
            f"{v} returned 401 Unauthorized: check that the key has the read scope.",
        ]
    )


def data_uri(rng: random.Random) -> str:
    return f'<img alt="logo" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAA{b64(rng, 30)}" />'


def versions_colors(rng: random.Random) -> str:
    return rng.choice(
        [
            f"color: #{hexs(rng, 6)}; background: #{hexs(rng, 6)};",
            f"build 2026{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}.{rng.randrange(9)} ({hexs(rng, 7)})",
            f'terraform {{\n  required_version = ">= 1.{rng.randrange(10)}.0"\n}}',
        ]
    )


def curl_no_key(rng: random.Random) -> str:
    return rng.choice(
        [
            "curl -s -H 'Accept: application/json' https://api.example.com/v1/status",
            'curl -H "Authorization: Bearer $TOKEN" https://api.example.com/v1/me',
            f"curl -s https://api.github.com/repos/acme/api/commits/{hexs(rng, 40)}",
        ]
    )


def documented_examples(rng: random.Random) -> str:
    return rng.choice(
        [
            "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "api_key: EXAMPLE_KEY_DO_NOT_USE",
            'token = "dummy-token-for-tests"',
        ]
    )


def k8s_uids(rng: random.Random) -> str:
    return (
        f"metadata:\n  name: worker-{hexs(rng, 10)}-{hexs(rng, 5)}\n  uid: {uid(rng)}\n"
        f'  resourceVersion: "{rng.randrange(10**6, 10**7)}"'
    )


KINDS: dict[str, Callable[[random.Random], str]] = {
    "placeholder-env": placeholder_env,
    "placeholder-yaml": placeholder_yaml,
    "env-reference": env_reference_code,
    "k8s-secret-ref": k8s_secret_ref,
    "masked-key": masked_key,
    "git-sha": git_sha,
    "checksum": checksum_line,
    "lockfile-integrity": lockfile_integrity,
    "go-sum": go_sum,
    "image-digest": image_digest,
    "request-id": request_id,
    "trace-ids": trace_ids,
    "public-client-id": public_client_id,
    "asset-hash": asset_hash,
    "yaml-templated": yaml_templated,
    "xml-empty": xml_empty,
    "json-ids": json_ids,
    "make-versions": make_versions,
    "go-header-names": go_header_names,
    "java-value": java_value_annotation,
    "php-non-secret": php_non_secret,
    "prose-no-value": prose_no_value,
    "data-uri": data_uri,
    "versions-colors": versions_colors,
    "curl-no-key": curl_no_key,
    "documented-example": documented_examples,
    "k8s-uids": k8s_uids,
}
