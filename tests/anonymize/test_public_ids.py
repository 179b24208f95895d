"""Public ids and hashes that look generated stay (``public_ids``); secrets beside them still go."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, public_ids
from tests.anonymize.conftest import in_mode

SHA256 = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"
UUID = "0c4f2e1a-7b3d-4e5f-9a8b-6c7d8e9f0a1b"
RUN43 = "Kq7Vx2Lm9Rt4Nw8Yb3Hd6Fg1Js5Pz0Ce2Mu8Aq3Wr7Z"


@pytest.mark.parametrize(
    "text",
    [
        # A key path qualified by a hash word: the hash of a Secret object, not the secret.
        f"spec:\n  template:\n    metadata:\n      annotations:\n        checksum/secrets: {SHA256}",
        f'annotations: {{"sha256/credentials": "{SHA256}"}}',
        f"annotations:\n  checksum/tls-secret: {SHA256}",
        # Payment API object ids with public prefixes.
        'charge.succeeded {"id": "evt_1QbR4tHx9Kc2Lm7Nv3Pz8Wq5", "invoice": "in_1QbR4tHx9Kc2Lm7Nv3PzAb"}',
        '{"refund": "re_3QbR4tHx9Kc2Lm7N0v3Pz8Wq", "balance_transaction": "txn_1QbR4tHx9Kc2Lm7Nv3Pz8Wq5"}',
        "subscription=sub_1QbR4tHx9Kc2Lm7Nv3Pz8Wq5 price=price_1QbR4tHx9Kc2Lm7Nv3Pz8W",
        # PKCE: the challenge is a public hash of the verifier.
        f'{{"code_challenge": "{RUN43}", "code_challenge_method": "S256"}}',
        # A nonce, an index, ids and UUIDs under their keys.
        f"nonce={RUN43}",
        "search_index: Zm9Xk2Lp9Qt7Wn3Rb8Yc1V5s0aB4dE6",
        'trace: {"request_id": "Hk2Lp9Qt7Wn3Rb8Yc1V5s0"} done',
        "broker.clusterUuid=Hk2Lp9Qt7Wn3Rb8Yc1V5s0",
        "$ kafka-cluster cluster-id --bootstrap-server b:9092\nCluster ID: Hk2Lp9Qt7Wn3Rb8Yc1V5s0",
        # A bare id key, or one after a word of prose that names no secret.
        'upsert ok {"id": "V1StGXR8_Z5jdHi6B-myTq", "table": "runs"}',
        "INFO inserted row id=Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d table=users",
        "document id: Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d",
        "{'uid': 'Kq7Vx2Lm9Rt4Nw8Yb3Hd6Fg1Js5P', 'email_verified': True}",
        "X-Request-Id: Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d",
        'GET /runs -> {"record": {"id": "Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d", "state": "done"}}',
        "job:\n  id: Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d\n  state: done\n",
        # Matrix event ids (43 URL-safe base64 characters after ``$``).
        f"GET /_matrix/client/v3/rooms/!xyzAbc:example.org/event/${RUN43} 404",
        f"redacting event ${RUN43} in room",
        # A device's UUID after one word, in one case.
        f"nvidia-smi -L\nGPU 2: Tesla T4 (UUID: GPU-{UUID})\n  MIG 1g.5gb Device 0: (UUID: MIG-{UUID})",
        "attached gpu-F7108E96-F770-4226-B266-AA3BB0CDE917 to the node",
    ],
)
def test_public_ids_and_hashes_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A client secret is an object id with a secret part; secret keys have other prefixes.
        (
            'stripe.confirmCardPayment("pi_3QbR4tHx9Kc2Lm7Nv3Pz8Wq5_secret_Yr8KJUKribcBjcG8HVhfZl")',
            "Yr8KJUKribcBjcG8HVhfZl",
        ),
        ("using rk_live_51QbR4tHx9Kc2Lm7Nv3Pz8Wq5Yr8KJUKribcBjc", "Kc2Lm7Nv3Pz8Wq5Yr8KJUKribcBjc"),
        # The PKCE verifier is the secret.
        (f"grant_type=authorization_code&code_verifier={RUN43}", RUN43),
        # An id that a secret word owns is a credential.
        ("session_id=Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB", "Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB"),
        ("Session ID: Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB", "Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB"),
        ('{"secret_id": "Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d"}', "Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d"),
        ("session id=Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d", "Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d"),
        ('auth id: "Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d"', "Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d"),
        # The id of an object or mapping whose key says secret.
        ('{"session": {"id": "Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d"}}', "Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d"),
        ("user_session:\n  id: Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d\n", "Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d"),
        # A key id travels with its key; a secret's prefix under an id key still says secret.
        ("B2_KEY_ID=Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d", "Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d"),
        ('{"id": "secret_Hk2Lp9Qt7Wn3Rb8Yc1V5s"}', "Hk2Lp9Qt7Wn3Rb8Yc1V5s"),
        ("aws_access_key_id = AKIAQX4TN2VZ7L3MRPKW", "AKIAQX4TN2VZ7L3MRPKW"),
        # A literal minified code returns may be an inlined environment value (docs/anonymization).
        ('var o={h:function(){return"Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB"}};', "Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB"),
        # Not a hash path: a secret under a path key, a generated value after ``$``.
        ("vault/secret: Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d", "Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d"),
        (f'export API_TOKEN="${RUN43}"', RUN43),
        (f"token: {RUN43}", RUN43),
        # A key's word before a UUID.
        (f"auth with sk-{UUID} now", UUID),
    ],
)
def test_secrets_beside_public_shapes_go(anonymizer: Anonymizer, text: str, secret: str) -> None:
    assert secret not in anonymizer.anonymize(text)


def test_public_key_words() -> None:
    assert public_ids.is_public_key("code_challenge")
    assert public_ids.is_public_key("clusterId")
    assert public_ids.is_public_key("X-Thread-Index")
    assert not public_ids.is_public_key("session_id")
    assert public_ids.is_public_key("id")
    assert public_ids.is_public_key("id", "record")
    assert not public_ids.is_public_key("id", "Session")
    assert not public_ids.is_public_key("ID", "secret")
    assert not public_ids.is_public_key("id", "user_session")
    assert public_ids.is_public_key("key", "public")
    assert not public_ids.is_public_key("key")
    assert public_ids.is_public_key("user_uid")
    assert not public_ids.is_public_key("apiKeyId")
    assert not public_ids.is_public_key("code_verifier")


def test_hash_qualified_paths() -> None:
    text = "checksum/secret: x\nvault/secret: y\n/secret: z"
    assert public_ids.is_hash_qualified(text, text.index("secret"))
    assert not public_ids.is_hash_qualified(text, text.index("secret", text.index("vault")))
    assert not public_ids.is_hash_qualified(text, text.rindex("secret"))
    assert public_ids.is_hash_qualified("sha1/db-password: x", len("sha1/db-"))


@pytest.mark.parametrize(
    "text",
    [
        'HTTP/1.1 200 OK\nETag: W/"2b1-Pq7Zk0Lm9Rt4Nw8Yb3Hd6Fg1Js5"\nVary: Accept',
        'etag: W/"5c-Zm9Xk2Lp9Qt7Wn3Rb8Yc1V5s0aB"',
        '{"ETag": "Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d"}',
        "SHA256: Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4dE6Zm9Xk2Lp9Qt7Wn3",
        # A tag's quotes inside a string's: YAML (``gcloud … --format yaml``) and JSON.
        "metadata:\n  generation: 42\netag: '\"Jx4Fm8Rq2Wz6Tc0Yv3Bn7w\"'",
        "kind: Service\n  etag: 'W/\"Mn4Bv8Cx2Za6Sd0Fg3Hj7Q\"'\n",
        '{"kind": "storage#object", "etag": "\\"Rt5Yu9Io3Pa7Sd1Fg6Hj0Kl\\""}',
    ],
)
def test_entity_tags_and_capitalised_hash_keys_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ('X-Auth-Token: W/"Pq7Zk0Lm9Rt4Nw8Yb3Hd6Fg1Js5"', "Pq7Zk0Lm9Rt4Nw8Yb3Hd6Fg1Js5"),
        ('Cookie: W/"Pq7Zk0Lm9Rt4Nw8Yb3Hd6Fg1Js5"', "Pq7Zk0Lm9Rt4Nw8Yb3Hd6Fg1Js5"),
    ],
)
def test_a_weak_mark_under_another_key_is_no_entity_tag(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    assert secret not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    "text",
    [
        # A conditional request carries the entity tags the server sent (``ETag``'s values).
        'GET /v1/models HTTP/1.1\nIf-None-Match: W/"1f4-Tq8Rw2Yx6Zc0Vb4Nm7Kj3Hg5Fd9Sa"',
        'if-match: "Lw3Kp8Qz5Xn1Rv7Jt2Hy6Mb4Gc9Fd0Se"',
        # A page's position: a cursor or a page token, which a list API returns and takes back.
        '{"items": [], "nextPageToken": "Jx4Fm8Rq2Wz6Tc0Yv3Bn7Lk5Hp9Gd1Sa"}',
        'next_page_token: "Vb3Nm7Kj1Hg5Fd9Sa2Qw6Er0Ty4Ui8Op+Zx"',
        '{"Events": [], "NextToken": "eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAzfQ=="}',
        "continuation_token=Rt5Yu9Io3Pa7Sd1Fg6Hj0Kl4Zx8Cv2Bn",
        '{"data": [], "has_more": true, "next_cursor": "Mn4Bv8Cx2Za6Sd0Fg3Hj7Kl1Qw5Er9Ty"}',
        # A KSUID under its key names an event, like a ULID.
        "ksuid=2Kt7Vq9Xm3Rw5Yb8Nc1Hd4Fg6J0",
        '{"event_ksuid": "2Kt7Vq9Xm3Rw5Yb8Nc1Hd4Fg6J0"}',
    ],
)
def test_page_positions_request_tags_and_ksuids_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A token that a page, or a word ending in one, does not own is still a token.
        ('homepage_token="Jx4Fm8Rq2Wz6Tc0Yv3Bn7Lk5Hp9Gd1Sa"', "Jx4Fm8Rq2Wz6Tc0Yv3Bn7Lk5Hp9Gd1Sa"),
        # A page's token alone is a Facebook Page's access token.
        (
            "FB_PAGE_TOKEN=EAAJx4Fm8Rq2Wz6Tc0Yv3Bn7Lk5Hp9Gd1SaQ",
            "EAAJx4Fm8Rq2Wz6Tc0Yv3Bn7Lk5Hp9Gd1SaQ",
        ),
        ('{"page_token": "Jx4Fm8Rq2Wz6Tc0Yv3Bn7Lk5Hp9Gd1Sa"}', "Jx4Fm8Rq2Wz6Tc0Yv3Bn7Lk5Hp9Gd1Sa"),
        (
            'next_access_token: "Vb3Nm7Kj1Hg5Fd9Sa2Qw6Er0Ty4Ui8Op"',
            "Vb3Nm7Kj1Hg5Fd9Sa2Qw6Er0Ty4Ui8Op",
        ),
        ("page_token_secret=Rt5Yu9Io3Pa7Sd1Fg6Hj0Kl4Zx8Cv2Bn", "Rt5Yu9Io3Pa7Sd1Fg6Hj0Kl4Zx8Cv2Bn"),
        (
            '{"refresh_token": "Mn4Bv8Cx2Za6Sd0Fg3Hj7Kl1Qw5Er9Ty"}',
            "Mn4Bv8Cx2Za6Sd0Fg3Hj7Kl1Qw5Er9Ty",
        ),
        # A KSUID that a secret word owns is a credential, as a session's id is.
        ("session_ksuid=2Kt7Vq9Xm3Rw5Yb8Nc1Hd4Fg6J0", "2Kt7Vq9Xm3Rw5Yb8Nc1Hd4Fg6J0"),
        ('X-Match-Token: "Lw3Kp8Qz5Xn1Rv7Jt2Hy6Mb4Gc9Fd0Se"', "Lw3Kp8Qz5Xn1Rv7Jt2Hy6Mb4Gc9Fd0Se"),
    ],
)
def test_tokens_beside_page_keys_go(anonymizer: Anonymizer, text: str, secret: str) -> None:
    assert secret not in anonymizer.anonymize(text)


def test_page_keys() -> None:
    assert public_ids.is_public_key("NextPageToken")
    assert public_ids.is_public_key("pagination_cursor")
    assert not public_ids.is_public_key("homepageToken")
    assert not public_ids.is_public_key("fb_page_token")
    assert public_ids.is_public_key("prev_page_token")
    assert not public_ids.is_public_key("nextAccessToken")


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ('etag: W/"', True),
        ("etag: '\"", True),
        ('"etag": "\\"', True),
        ("etag: 'W/\"", True),
        ("sha256 = '", True),
        ("digest:\t ", True),
        ("Build Id:  ", True),  # a label's colon and blanks
        ("nonce=$", True),
        ("the nonce is ", False),
        ("id: x", False),
        ('W/"', False),  # nothing before the ``W/``
        ("'\"", False),
    ],
)
def test_ends_keyed_holds_wherever_keyed_matches(before: str, expected: bool) -> None:
    """``ends_keyed`` says no only where ``KEYED``'s search finds nothing (it spares that search)."""
    text = "x " + before
    assert public_ids.ends_keyed(text, 0, len(text)) is expected
    if not expected:
        assert public_ids.KEYED.compiled.search(text, 0, len(text)) is None


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("api_token: '\"Jx4Fm8Rq2Wz6Tc0Yv3Bn7w\"'", "Jx4Fm8Rq2Wz6Tc0Yv3Bn7w"),
        ('{"client_secret": "\\"Rt5Yu9Io3Pa7Sd1Fg6Hj0Kl\\""}', "Rt5Yu9Io3Pa7Sd1Fg6Hj0Kl"),
    ],
)
def test_a_quoted_value_under_a_secret_key_is_no_entity_tag(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    assert secret not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    "text",
    [
        # Analytics cookies' ids in their published layouts: a visitor's number and times.
        "Cookie: _ga=GA1.2.497113585.1643096872; theme=dark; django_language=en",
        "Set-Cookie: _ga_X1Y2Z3=GS1.1.1733561642.3.1.1733561700.0.0.0; Path=/; Max-Age=63072000",
        'document.cookie: "_fbp=fb.1.1733561642123.1234567890; _ga=GA1.1.123456789.1733561642"',
        '{"headers": {"cookie": "_ga=GA1.3.1836401937.1733561642"}}',
    ],
)
def test_analytics_cookie_ids_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A session cookie beside one still goes, before or after it.
        (
            "Cookie: _ga=GA1.2.497113585.1643096872; sessionid=k3j9x8q2m5n7b4v1c6z0l8p2",
            "k3j9x8q2m5n7b4v1c6z0l8p2",
        ),
        ("Cookie: sid=Jx4Fm8Rq2Wz6Tc0Yv3Bn7Lk5; _ga=GA1.2.497113585.1643096872", "Jx4Fm8Rq2Wz6Tc0"),
        # Letters and digits after the layout's head make no analytics id.
        ("Cookie: session=GA1.2.Jx4Fm8Rq2Wz6Tc0Yv3Bn7Lk5", "Jx4Fm8Rq2Wz6Tc0"),
    ],
)
def test_sessions_beside_analytics_ids_go(anonymizer: Anonymizer, text: str, secret: str) -> None:
    assert secret not in anonymizer.anonymize(text)


def test_analytics_ids() -> None:
    assert public_ids.is_analytics_id("GA1.2.497113585.1643096872")
    assert public_ids.is_analytics_id("_gid=GA1.2.1234.1733561642")
    assert not public_ids.is_analytics_id("GA1.2")
    assert not public_ids.is_analytics_id("GA1.2.abc.1733561642")
    assert not public_ids.is_analytics_id("sessionid=1733561642.497113585")


VERSION_ID = "D.fFjjf54nDYrFZ8x0u_cVdIClrI2k_l"  # an S3 version id: its run starts after ``D.``


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    "text",
    [
        # The key that names an id is read before the value's dotted parts (``dotted_start``).
        f"HTTP/1.1 200 OK\nETag: \"18b987769e0b766e1638063c6d2a9bbe\"\nx-amz-version-id: {VERSION_ID}\n",
        f'{{"Key": "app.tar.gz", "VersionId": "{VERSION_ID}", "IsLatest": true}}',
        f"$ aws s3api list-object-versions --bucket b\nVERSIONS\tTrue\tapp.tar.gz\nversion_id={VERSION_ID}",
        f"INFO stored record id=ab.cd.{VERSION_ID[2:]} table=runs",
    ],
)  # fmt: skip
def test_ids_with_a_dotted_head_stay_under_their_key(text: str, use_re2: bool) -> None:
    assert in_mode(use_re2).anonymize(text) == text


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A dotted value under a secret's key, an id key a secret word owns, or no key at all.
        (f"api_key: {VERSION_ID}", VERSION_ID[2:]),
        (f"session_id: {VERSION_ID}", VERSION_ID[2:]),
        (f'{{"token": "{VERSION_ID}"}}', VERSION_ID[2:]),
        (f"uploaded {VERSION_ID} to the bucket", VERSION_ID[2:]),
        (f"x-amz-version-id: {VERSION_ID} secret={RUN43}", RUN43),
    ],
)  # fmt: skip
def test_dotted_values_beside_or_under_secret_keys_go(
    text: str, secret: str, use_re2: bool
) -> None:
    assert secret not in in_mode(use_re2).anonymize(text)


def test_dotted_start_reads_back_over_dotted_parts() -> None:
    text = "id: ab.cd.Xyz"
    assert public_ids.dotted_start(text, text.index("Xyz")) == text.index("ab")
    text = "id: ..Xyz"
    assert public_ids.dotted_start(text, text.index("Xyz")) == text.index("Xyz")
    text = "id: Xyz"
    assert public_ids.dotted_start(text, text.index("Xyz")) == text.index("Xyz")


@pytest.mark.parametrize(
    "text",
    [
        '"x-amz-id-2": "XMVS02leyJ9T94KMyDmXVDXbqMODkmEEZHp47wtB1wzwGAR1XbhgridwEW7alnFjM6TuFzzvev8r"',
        "x-amz-id-2: NcYbV1wXBhnjImxuOWWuF6r3nWsFO0uS9sF07sA7FrDFfazL9RLB3yNTAO5bXPwrYewvL0ajCUTs",
    ],
)
def test_a_numbered_id_key_names_an_id(anonymizer: Anonymizer, text: str) -> None:
    # S3's extended request id: a numbered key names what its word names.
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        '"secret_id_2": "Qm7xT2vK9pLw4ZzQm7xT2vK9pLw4Zzhy7Hjd8"',
        '"api_key_2": "Qm7xT2vK9pLw4ZzQm7xT2vK9pLw4Zzhy7Hjd8"',
        "TOKEN_2=Qm7xT2vK9pLw4ZzQm7xT2vK9pLw4Zzhy7Hjd8",
    ],
)
def test_a_numbered_secret_key_still_names_a_secret(anonymizer: Anonymizer, text: str) -> None:
    assert "Qm7xT2vK9pLw4Zz" not in anonymizer.anonymize(text)
