"""Tokens as a URL's path segment or host label: webhooks and keys in a path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer, webhooks
from tests.anonymize.conftest import MACHINE

DATA = Path(__file__).resolve().parent.parent / "data" / "families"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "https://chat.acme.lan/hooks/0v4is3w16pmjfm5tweu50zhkg9",
            "https://chat.acme.lan/hooks/<redacted:webhook>",
        ),
        (
            "MAKE_URL=https://hook.eu1.make.com/2v2a8ckq7wedxuzxj3v8ddnzdyc5i8v5 done.",
            "MAKE_URL=https://hook.eu1.make.com/<redacted:webhook> done.",
        ),
        (  # Rocket.Chat: two token segments
            "https://rocket.acme.lan/hooks/7uhmU6doygrrFp6Gz/DB8nmyG9Eli5twopjJeW3e2QMeyGupto",
            "https://rocket.acme.lan/hooks/<redacted:webhook>/<redacted:webhook>",
        ),
        (  # n8n: a UUID after /webhook/ is the hook's secret path
            "POST https://n8n.acme.lan/webhook-test/338e83a7-b2a7-9465-2a74-96028c6eded7 200",
            "POST https://n8n.acme.lan/webhook-test/<redacted:webhook> 200",
        ),
        (  # a hook host; a hex token of 32 in its path
            "GET https://hooks.acme.dev/ingest/loops/ce48cbef0d7bba084d5b802c4358f98d/events",
            "GET https://hooks.acme.dev/ingest/loops/<redacted:webhook>/events",
        ),
        (
            "curl -d @p.json https://eo5li0wbvnlivs15i.m.pipedream.net",
            "curl -d @p.json https://<redacted:webhook>.m.pipedream.net",
        ),
        (
            "https://api.modal.io/v1/keys/tk-7V5XONMyeQyZjSMlhslHGB/revoke",
            "https://api.modal.io/v1/keys/<redacted:url-token>/revoke",
        ),
        (  # a Vault batch token: dotted
            "GET https://hooks.acme.dev/ingest/vault/b.AAAAAQ2vYG_9Mls59fAgqmh8NuUTLw5dvkEus/x",
            "GET https://hooks.acme.dev/ingest/vault/<redacted:webhook>/x",
        ),
        (  # Sentry's DSN: the public key is the URL's user name, before the secret
            "dsn: https://49a362ab4f3c47bba1e421420d970ae4:49a362ab4f3c47bba1e421420d970ae4@s/3",
            "dsn: https://<redacted:url-token>:<redacted:url-credentials>@s/3",
        ),
    ],
)
def test_tokens_in_a_url_path_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Words, versions, ids without letters, short or dotted segments after a hook word.
        "https://git.acme.lan/org/repo/settings/hooks/123456789012345678",
        "https://docs.acme.lan/hooks/deploy-production-release-notes",
        "https://hooks.acme.lan/v1/pre-commit-hooks-v4.5.0.tar.gz",
        "https://ci.acme.lan/trigger/build-frontend-v2024",
        # Hex after a hook word: a commit or id shorter than 32, not a UUID.
        "https://hooks.acme.lan/commit/3f2a9c1d0b8e7f6a5c4d3e2f1a",
        # A hook word only after the segment, or none at all; a UUID after a key word.
        "https://api.acme.lan/v1/Xk9vLq2ZpW7rTb4NcYd8/hooks",
        "https://api.acme.lan/v1/jobs/Xk9vLq2ZpW7rTb4NcYd8Hs1/status",
        "https://api.acme.lan/v1/keys/338e83a7-b2a7-9465-2a74-96028c6eded7",
        # systemd's escaped names are no URL.
        "dev-disk-by\\x2duuid-338e83a7-b2a7-4465-8a74-96028c6eded7.device: job start timed out",
        # Hex as a host with a port, or in the path with an ``@`` after it: no user name.
        "http://5956550c7e8e5d0e95788b5de7352a43:8080/x a@b",
        "https://git.acme.lan/5956550c7e8e5d0e95788b5de7352a43/x@y",
        # Files, versions and labelled hashes as segments.
        "https://hooks.acme.lan/static/app.3f9a8b7c6d5e4f3a.chunk.js",
        "https://hooks.acme.lan/releases/acme-agent-2.14.0rc1+build.20261205",
        "https://api.acme.lan/v1/keys/sha256:3f9a8b7c6d5e4f3a1b2c3d4e5f/info",
        # Not a pipedream token host.
        "https://pipedream.com/docs/workflows/triggers2024abcdefgh",
    ],
)
def test_benign_urls_are_unchanged(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


def test_both_paths_agree(anonymizer: Anonymizer) -> None:
    reference = Anonymizer(config.Anonymize(), MACHINE, use_prefilter=False)
    text = "hook https://chat.acme.lan/HOOKS/0v4is3w16pmjfm5tweu50zhkg9 and /keys/x"
    assert anonymizer.anonymize(text) == reference.anonymize(text)
    assert "0v4is3w16pmjfm5tweu50zhkg9" not in reference.anonymize(text)


def test_is_token() -> None:
    assert webhooks.is_token("0v4is3w16pmjfm5tweu50zhkg9", hex_ok=False)
    assert not webhooks.is_token("ce48cbef0d7bba084d5b802c4358f98d", hex_ok=False)
    assert webhooks.is_token("ce48cbef0d7bba084d5b802c4358f98d", hex_ok=True)
    assert not webhooks.is_token("abcdefghijklmnopqrst", hex_ok=True)  # no digit
    assert webhooks.is_token("b.AAAAAQ2vYG_9Mls59fAgqmh8NuUTLw5dvkEus", hex_ok=False)
    assert not webhooks.is_token("bundle.3f9a8b7c6d5e4f3a1b.js", hex_ok=True)  # a file
    assert not webhooks.is_token("sha256:3f9a8b7c6d5e4f3a1b2c3d4e", hex_ok=False)
    assert not webhooks.is_token("Xk9v/Lq2ZpW7rTb4NcYd8", hex_ok=True)  # not one segment


# The families tests/data/families/make_corpus.py plants for encoded, split and URL-path secrets.
FOURTH_AUDIT = {
    "base64-json-secret",
    "continued-token",
    "mattermost-hook-path",
    "n8n-webhook-uuid",
    "key-in-url-path",
}


@pytest.mark.parametrize("use_re2", [True, False])
def test_the_corpus_rows_of_these_causes_are_redacted(use_re2: bool) -> None:
    lines = (DATA / "secrets.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [row for row in map(json.loads, lines) if row["family"] in FOURTH_AUDIT]
    assert {row["family"] for row in rows} == FOURTH_AUDIT
    engine = Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2, re2_after=0)
    assert [row["text"] for row in rows if row["secret"] in engine.anonymize(row["text"])] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a ping host: the UUID path is the check's secret
            "*/5 * * * * curl -fsS https://beat-ping.acme.lan/0d9e2f4a-7b1c-4e8d-a3f6-52c1b9e07d34",
            "*/5 * * * * curl -fsS https://beat-ping.acme.lan/<redacted:webhook>",
        ),
        (
            "POST https://intake.acme.lan/v2/inputs/5c7a1e93-2b4d-4f60-8e1a-9d3b7c2f4a16/tag/nginx",
            "POST https://intake.acme.lan/v2/inputs/<redacted:webhook>/tag/nginx",
        ),
        (
            "https://status.acme.lan/api/heartbeat/Zq81LmW4xT0vN7pK2rY6s",
            "https://status.acme.lan/api/heartbeat/<redacted:webhook>",
        ),
        (  # a push service's token as the URL's first path segment
            "NOTIFY=https://push.acme.lan/Hq3ZwX9kLm2Vt7RbN4ys8C/alerts/deploy",
            "NOTIFY=https://push.acme.lan/<redacted:url-token>/alerts/deploy",
        ),
    ],
)
def test_ping_intake_and_first_segment_tokens_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """Ping hosts, ``/inputs/`` and ``/heartbeat/`` paths, and a drawn first segment."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "https://api.acme.lan/v1/orders/0d9e2f4a-7b1c-4e8d-a3f6-52c1b9e07d34",
        "https://github.com/AcmeRoboticsPlatform/worker-service",
        "https://docs.acme.lan/GettingStartedWithKubernetes2026/install",
        "https://ping.acme.lan/status/latency-report",
        "https://cdn.acme.lan/3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c/app.js",
        "https://intake.acme.lan/inputs/new-input-form",
    ],
)
def test_ids_names_and_hashes_in_other_paths_stay(anonymizer: Anonymizer, text: str) -> None:
    """A resource UUID, names, hex first segments and words stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a ping host whose path holds the key
            "PING=https://cronitor.link/p/4b1f0e9a7c2d48e6a3f5b9c1d7e02a64/db-vacuum",
            "PING=https://cronitor.link/p/<redacted:webhook>/db-vacuum",
        ),
        (  # a log intake's receiver: the rest of the path, slashes and all, is the token
            "url: https://collectors.eu.sumologic.test/receiver/v1/http/Zm9vYmFy9Qk2/Lp+0xWq7RtYv3NbH8sKd/Jm4Gz1Ea==",
            "url: https://collectors.eu.sumologic.test/receiver/v1/http/<redacted:webhook>",
        ),
        (  # an Uptime Kuma push URL
            "curl 'https://uptime.home.test/api/push/q7LmZ2xKvT?status=down&msg=disk&ping='",
            "curl 'https://uptime.home.test/api/push/<redacted:webhook>?status=down&msg=disk&ping='",
        ),
        (  # a short key of capitals and digits under ``key=``
            "GET https://api.geo.test/v2/lookup?words=a.b.c&key=QW7RZPLK&lang=de",
            "GET https://api.geo.test/v2/lookup?words=a.b.c&key=<redacted:api-key>&lang=de",
        ),
        (
            "see https://maps.place.test/search?key=MVBXKTRE",
            "see https://maps.place.test/search?key=<redacted:api-key>",
        ),
    ],
)
def test_ping_hosts_receivers_push_and_short_keys_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """Cronitor-like ping hosts, receiver paths, push tokens and short ``key=`` keys."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "https://cronitor.link/p/nightly-backup/run",
        "https://otel.acme.test/receiver/v1/http/traces/export",
        "https://uptime.home.test/api/push/settings?status=up",
        "https://uptime.home.test/api/push/q7LmZ2xKvT/history",
        "https://shop.test/orders?key=ORD12345",
        "https://shop.test/orders?key=CUSTOMER",
        "https://shop.test/orders?key=AB12CD",
        "https://shop.test/orders?key=US000123",
        "https://shop.test/orders?id=QW7RZPLK",
    ],
)
def test_other_ping_receiver_push_and_key_urls_stay(anonymizer: Anonymizer, text: str) -> None:
    """Words in those paths, push paths without a status query, ids and words under ``key=``."""
    assert anonymizer.anonymize(text) == text
