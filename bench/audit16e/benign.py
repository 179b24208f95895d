"""Benign risky-looking strings of the fifth held-out corpus: kinds no earlier benign set holds.

Every text must come out of ``fedlearn sync`` unchanged: none holds a secret or personal data
(no e-mail or IP address, no SSH key: a Message-ID's ``local@host`` is left out, it reads as an address). Some carry secret words next to values that are not
secrets (secret names, settings, test ids), some carry long random-looking public values (message
ids, build ids, cluster ids, checksums of configs, CloudFront ids, PKCE challenges).
"""

from __future__ import annotations

import base64
import hashlib
import random
import string
import uuid
from collections.abc import Callable

B62 = string.ascii_letters + string.digits
B64URL = B62 + "-_"
HEX = "0123456789abcdef"
WORDS = ["api", "web", "worker", "billing", "search", "ingest", "auth", "gateway", "cron", "media"]
SECRET_NAMES = [
    "STRIPE_SECRET_KEY",
    "GITHUB_TOKEN",
    "DB_PASSWORD",
    "SENTRY_AUTH_TOKEN",
    "OPENAI_API_KEY",
    "AWS_SECRET_ACCESS_KEY",
    "SLACK_BOT_TOKEN",
    "NPM_TOKEN",
    "JWT_SIGNING_KEY",
    "REDIS_PASSWORD",
]


def s(rng: random.Random, alphabet: str, n: int) -> str:
    """n characters of alphabet."""
    return "".join(rng.choice(alphabet) for _ in range(n))


def uid(rng: random.Random) -> str:
    """A UUID v4 string."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def thread_index(r: random.Random) -> str:
    return f"Thread-Topic: nightly deploy\nThread-Index: AQH{s(r, B62 + '+/', 41)}\nX-MS-Exchange-Organization-Network-Message-Id: {uid(r)}"


def smtp_source(r: random.Random) -> str:
    return f"X-Google-Smtp-Source: AGHT+I{s(r, B62 + '+/', 80)}\nX-Received: by 2002:a17:907:{r.randint(1000, 9999)}:b0:a9a:{s(r, HEX, 3)} with SMTP id {s(r, HEX, 20)}mr{r.randint(10**6, 10**7)}"


def dkim_bh(r: random.Random) -> str:
    bh = base64.b64encode(hashlib.sha256(s(r, B62, 30).encode()).digest()).decode()
    return f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=s{r.randint(2020, 2026)}; h=from:to:subject:date; bh={bh};"


def slack_ids(r: random.Random) -> str:
    return f'{{"channel": "C0{s(r, string.ascii_uppercase + string.digits, 9)}", "team": "T0{s(r, string.ascii_uppercase + string.digits, 8)}", "ts": "{r.randint(1733000000, 1734000000)}.{r.randint(0, 999999):06d}", "client_msg_id": "{uid(r)}"}}'


def aws_resource_ids(r: random.Random) -> str:
    return f'"attributes": {{"id": "i-0{s(r, HEX, 16)}", "ami": "ami-0{s(r, HEX, 16)}", "subnet_id": "subnet-0{s(r, HEX, 16)}", "vpc_security_group_ids": ["sg-0{s(r, HEX, 16)}"]}}'


def gha_action_sha(r: random.Random) -> str:
    sha = s(r, HEX, 40)
    action = r.choice(
        ["actions/checkout", "actions/setup-python", "docker/build-push-action", "actions/cache"]
    )
    return f"Download action repository '{action}@{sha}' (SHA:{sha})"


def amz_cf_id(r: random.Random) -> str:
    return f"x-amz-cf-id: {s(r, B64URL, 54)}==\nx-amz-cf-pop: FRA56-P{r.randint(1, 9)}\ncf-ray: {s(r, HEX, 16)}-AMS"


def go_test_digest(r: random.Random) -> str:
    got, want = s(r, HEX, 64), s(r, HEX, 64)
    return f"--- FAIL: TestManifestDigest (0.00s)\n    manifest_test.go:{r.randint(20, 200)}: digest mismatch:\n        got:  sha256:{got}\n        want: sha256:{want}"


def pytest_digest(r: random.Random) -> str:
    a = s(r, HEX, 40)
    return f"E       AssertionError: assert '{a}' == '{a[:-4]}{s(r, HEX, 4)}'\nE         - {a}\nE         + {a[:-4]}..."


def colab_cell_id(r: random.Random) -> str:
    return f'{{"cell_type": "code", "metadata": {{"id": "{s(r, B64URL, 12)}", "colab": {{"base_uri": "https://localhost:8080/"}}, "outputId": "{uid(r)}"}}, "execution_count": {r.randint(1, 60)}}}'


def helm_checksum(r: random.Random) -> str:
    return f"  template:\n    metadata:\n      annotations:\n        checksum/config: {s(r, HEX, 64)}\n        checksum/secret: {s(r, HEX, 64)}"


def kubectl_secret_list(r: random.Random) -> str:
    w = r.choice(WORDS)
    return f"NAME                              TYPE                                  DATA   AGE\n{w}-token-{s(r, 'bcdfghjklmnpqrstvwxz2456789', 5)}             kubernetes.io/service-account-token   3      {r.randint(2, 90)}d\nsh.helm.release.v1.{w}.v{r.randint(2, 40)}        helm.sh/release.v1                    1      {r.randint(1, 9)}h\n{w}-tls                           kubernetes.io/tls                     2      {r.randint(2, 90)}d"


def docker_env_gpg(r: random.Random) -> str:
    return f'"Env": [\n    "PATH=/usr/local/bin:/usr/bin:/bin",\n    "GPG_KEY={s(r, "0123456789ABCDEF", 40)}",\n    "PYTHON_VERSION=3.12.{r.randint(0, 9)}",\n    "PYTHON_SHA256={s(r, HEX, 64)}"\n]'


def systemd_creds_list(r: random.Random) -> str:
    unit = r.choice(WORDS)
    return f"NAME           SECURE   SIZE PATH\ndb-password    secure   {r.randint(16, 64)}B /run/credentials/{unit}.service/db-password\napi-token      secure   {r.randint(16, 64)}B /run/credentials/{unit}.service/api-token"


def invocation_id(r: random.Random) -> str:
    return f'{{"_SYSTEMD_INVOCATION_ID": "{s(r, HEX, 32)}", "_SYSTEMD_UNIT": "{r.choice(WORDS)}.service", "MESSAGE": "Started worker.", "_PID": "{r.randint(300, 90000)}"}}'


def go_buildid(r: random.Random) -> str:
    return f"$ go tool buildid ./bin/{r.choice(WORDS)}\n{s(r, B64URL, 20)}/{s(r, B64URL, 20)}/{s(r, B64URL, 20)}/{s(r, B64URL, 20)}"


def onion(r: random.Random) -> str:
    return f"HiddenServiceDir /var/lib/tor/{r.choice(WORDS)}/\n# hostname: {s(r, 'abcdefghijklmnopqrstuvwxyz234567', 55)}d.onion"


def cert_fingerprint(r: random.Random) -> str:
    return (
        "Certificate fingerprints:\n\t SHA1: "
        + ":".join(s(r, "0123456789ABCDEF", 2) for _ in range(20))
        + "\n\t SHA256: "
        + ":".join(s(r, "0123456789ABCDEF", 2) for _ in range(32))
    )


def csp_header(r: random.Random) -> str:
    h = base64.b64encode(hashlib.sha256(s(r, B62, 20).encode()).digest()).decode()
    return f"Content-Security-Policy: default-src 'self'; script-src 'self' 'nonce-{s(r, B62 + '+/', 22)}==' 'sha256-{h}'; object-src 'none'"


def pkce(r: random.Random) -> str:
    return f"GET /authorize?response_type=code&client_id={r.choice(WORDS)}-spa&code_challenge={s(r, B64URL, 43)}&code_challenge_method=S256&state={s(r, B64URL, 16)}"


def stripe_ids(r: random.Random) -> str:
    return f'{{"id": "pi_3{s(r, B62, 23)}", "object": "payment_intent", "customer": "cus_{s(r, B62, 14)}", "latest_charge": "ch_3{s(r, B62, 23)}"}}'


def matrix_ids(r: random.Random) -> str:
    return f'{{"room_id": "!{s(r, string.ascii_letters, 18)}:matrix.org", "event_id": "${s(r, B64URL, 43)}", "type": "m.room.message"}}'


def pytest_nodeids(r: random.Random) -> str:
    kind = r.choice(
        ["expired-token", "bad-password", "revoked-api-key", "wrong-secret", "missing-bearer"]
    )
    return f"FAILED tests/auth/test_{r.choice(['login', 'tokens', 'apikeys', 'session'])}.py::test_rejects[{kind}-{r.randint(0, 9)}] - assert 200 == 401"


def secret_name_prose(r: random.Random) -> str:
    a, b = r.sample(SECRET_NAMES, 2)
    return f"Rotated {a} and {b} after the incident; the old values were revoked at 14:{r.randint(10, 59)} UTC (see runbook step {r.randint(2, 9)})."


def secret_settings(r: random.Random) -> str:
    return f"password_min_length: {r.randint(10, 16)}\npassword_hash: argon2id\ntoken_ttl: {r.randint(1, 48)}h\napi_key_header: X-Api-Key\nsecret_rotation_days: {r.randint(30, 90)}"


def chrome_ext(r: random.Random) -> str:
    return f"chrome-extension://{s(r, 'abcdefghijklmnop', 32)}/popup.html"


def gpu_uuid(r: random.Random) -> str:
    return f"GPU 0: NVIDIA A100-SXM4-80GB (UUID: GPU-{uid(r)})\nGPU 1: NVIDIA A100-SXM4-80GB (UUID: GPU-{uid(r)})"


def blkid(r: random.Random) -> str:
    return f'/dev/nvme0n1p2: UUID="{uid(r)}" BLOCK_SIZE="4096" TYPE="ext4" PARTUUID="{uid(r)}"'


def swarm_node(r: random.Random) -> str:
    return f"ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS\n{s(r, string.ascii_lowercase + string.digits, 25)} *   node-{r.randint(1, 9)}     Ready     Active         Leader"


def cluster_ids(r: random.Random) -> str:
    return f'{{"cluster_name": "logs-{r.choice(WORDS)}", "cluster_uuid": "{s(r, B64URL, 22)}", "version": {{"number": "8.{r.randint(0, 15)}.{r.randint(0, 5)}"}}}}\nKafka clusterId: {s(r, B64URL, 22)}'


def vcs_pinned(r: random.Random) -> str:
    return f"{r.choice(WORDS)}-client @ git+https://github.com/acme/{r.choice(WORDS)}-client@{s(r, HEX, 40)}\n  revision: {s(r, HEX, 40)}"


KINDS: dict[str, Callable[[random.Random], str]] = {
    "outlook-thread-index": thread_index,
    "x-google-smtp-source": smtp_source,
    "dkim-body-hash": dkim_bh,
    "slack-ids": slack_ids,
    "tfstate-aws-resource-ids": aws_resource_ids,
    "gha-action-sha": gha_action_sha,
    "cloudfront-ids": amz_cf_id,
    "go-test-digest": go_test_digest,
    "pytest-assert-digest": pytest_digest,
    "colab-cell-id": colab_cell_id,
    "helm-checksum-annotation": helm_checksum,
    "kubectl-secret-list": kubectl_secret_list,
    "docker-env-gpg-key": docker_env_gpg,
    "systemd-creds-list": systemd_creds_list,
    "systemd-invocation-id": invocation_id,
    "go-buildid": go_buildid,
    "onion-address": onion,
    "cert-colon-fingerprint": cert_fingerprint,
    "csp-header": csp_header,
    "pkce-challenge": pkce,
    "stripe-object-ids": stripe_ids,
    "matrix-ids": matrix_ids,
    "pytest-nodeid-secret-words": pytest_nodeids,
    "secret-names-in-prose": secret_name_prose,
    "secret-settings-nonvalues": secret_settings,
    "chrome-extension-id": chrome_ext,
    "nvidia-gpu-uuid": gpu_uuid,
    "blkid-output": blkid,
    "swarm-node-id": swarm_node,
    "es-kafka-cluster-id": cluster_ids,
    "vcs-pinned-dependency": vcs_pinned,
}
