"""The id half of a credential pair whose secret was redacted (``anonymize.paired_ids``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, paired_ids

SECRET = "Qm7vX2pL9sK4rT8wN1cZ6bY3hJ5dF0gA"


@pytest.mark.parametrize(
    ("text", "id_"),
    [
        # basic-auth pairs
        (
            f"curl -su K7QW2NXR9PLM4TZV:{SECRET} https://api.quokka.example/v2/me",
            "K7QW2NXR9PLM4TZV",
        ),
        (
            f"wget https://a3f9c1e7b5d2084f6e1a:{SECRET}@feeds.tapir.example/x",
            "a3f9c1e7b5d2084f6e1a",
        ),
        # an id-named assignment in the secret's block
        (
            f"OKAPI_KEY_ID=3f8a1c9e7b2d4f60a5e8\nOKAPI_SECRET_KEY={SECRET}\n",
            "3f8a1c9e7b2d4f60a5e8",
        ),
        (
            f'{{"marmot": {{"marmotAppId": "Rk2Xw9Lq4Vt7Np3Z", "marmotSecret": "{SECRET}"}}}}',
            "Rk2Xw9Lq4Vt7Np3Z",
        ),
        (
            f'ocelot:\n  account_sid: 7d1e5b3f9a2c4e8b6d0f1a3c5e7b9d2f\n  auth_token: "{SECRET}"',
            "7d1e5b3f9a2c4e8b6d0f1a3c5e7b9d2f",
        ),
        (
            "        - name: NUMBAT_CLIENT_ID\n"
            '          value: "c4b8e2f6-1a3d-4c5e-9f7b-2d4a6c8e0b1f"\n'
            "        - name: NUMBAT_CLIENT_SECRET\n"
            f'          value: "{SECRET}"',
            "c4b8e2f6-1a3d-4c5e-9f7b-2d4a6c8e0b1f",
        ),
        (
            f'System.setProperty("kinkajou.user", "wq8ze3rx5ty1ui7o");\n'
            f'System.setProperty("kinkajou.password", "{SECRET}");',
            "wq8ze3rx5ty1ui7o",
        ),
        (
            f'svc = Client(account_id="Hv3Tq8Zr1Kp6Wm2Yx9", api_secret="{SECRET}")',
            "Hv3Tq8Zr1Kp6Wm2Yx9",
        ),
        (
            "<properties>\n  <dingo.api.key.id>R7K2M9Q4X8</dingo.api.key.id>\n"
            f"  <dingo.api.key.secret>{SECRET}</dingo.api.key.secret>\n</properties>",
            "R7K2M9Q4X8",
        ),
        (
            "$cfg['quoll']['id'] = '5e1c9a7f-3b2d-4f8e-a6c0-9d4b2e7f1a3c';\n"
            f"$cfg['quoll']['secret'] = '{SECRET}';",
            "5e1c9a7f-3b2d-4f8e-a6c0-9d4b2e7f1a3c",
        ),
        (f"USERNAME=f3b8e1a6c9d2074e5b1a\nPASSWORD={SECRET}", "f3b8e1a6c9d2074e5b1a"),
        # prose
        (f"Quokka: the account is B5N8R2T6W9Y3H7K1 and the secret is {SECRET}", "B5N8R2T6W9Y3H7K1"),
        (f"Log in with client id 8e2c6a0f4b9d1e3a and client secret {SECRET}.", "8e2c6a0f4b9d1e3a"),
    ],
)
def test_the_id_paired_with_a_redacted_secret_goes(
    anonymizer: Anonymizer, text: str, id_: str
) -> None:
    """Once its secret is redacted, the id beside it in the same form goes as ``paired-id``."""
    result = anonymizer.anonymize(text)
    assert SECRET not in result
    assert id_ not in result
    assert "<redacted:paired-id>" in result


@pytest.mark.parametrize(
    "text",
    [
        # no secret redacted in the text: ids alone stay
        "OKAPI_KEY_ID=3f8a1c9e7b2d4f60a5e8\nOKAPI_REGION=eu-west-1",
        "GOOGLE_CLIENT_ID=1234567890-abc123def456.apps.googleusercontent.com",
        '{"request_id": "req_7Hk2Lm9Qx4Rv8Tz1", "status": 200}',
        # ids of data beside a secret, numbers, names and short words stay
        f"request_id=9c1e7a3f5b2d4e6f8a0b\ntrace_id=4bf92f3577b34da6a3ce929d0e0e4736\ntoken={SECRET}",
        f"TENANT_ID=72f988bf-86f1-41af-91ab-2d7cd011db47\nCLIENT_SECRET={SECRET}",
        f"PUSHER_APP_ID=1483920\nPUSHER_SECRET={SECRET}",
        f"DB_USER=deploy-bot\nDB_PASSWORD={SECRET}",
        f"curl -u admin:{SECRET} https://ci.example/api/json",
        f"GITHUB_USER=octocat2024\nGITHUB_TOKEN={SECRET}",
        # an object's bare id, a chat's user, a tool call's id: not a credential's
        '{"type": "tool_use", "id": "toolu_01Hq7Vx2Lp9Zr4Tk8WmN3b", "input": {"cmd": "'
        + f'export API_TOKEN={SECRET}"}}}}',
        f'{{"role": "tool", "tool_call_id": "call_Zr4Tk8WmN3bC6dF", "content": "token={SECRET}"}}',
        f'{{"type": "message", "user": "U04K7QW2NXR", "text": "the key: token={SECRET}"}}',
        # key material under a public key's name, identifiers and names as users
        f"[Interface]\nPrivateKey = {SECRET}=\n\n[Peer]\n"
        "PublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=\nAllowedIPs = 10.0.0.2/32",
        f"PrivateKey = {SECRET}=\nPublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=",
        f"env=map[QUOLL_HOST:localhost QUOLL_SECRET_KEY:{SECRET} QUOLL_DEBUG:1]",
        f"broker: mqtt://zigbee2mqtt:{SECRET}@10.0.0.5:1883",
        # too far from the secret: another block
        f"OKAPI_KEY_ID=3f8a1c9e7b2d4f60a5e8\n\nsomething else\ntoken={SECRET}",
    ],
)
def test_ids_not_paired_with_a_redacted_secret_stay(anonymizer: Anonymizer, text: str) -> None:
    """Without a redacted secret in its block, or as an id of data or a name, a value stays."""
    assert "<redacted:paired-id>" not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    ("value", "drawn"),
    [
        ("DB14UTN0", True),
        ("K1ASD4R2AFB4IIB8EZERSQ3QBN", True),
        ("e4d909c290d0fb1ca068ffaddf22cbd0", True),
        ("account-NYkAFp8i0IZgV6myIbIr"[8:], True),
        ("build123", False),
        ("john1234", False),
        ("1483920123", False),
        ("ci-runner-01", False),
        ("deploy-bot-eu-west", False),
        ("abc.apps.googleusercontent.com", False),
        ("0000000000000000", False),
    ],
)
def test_what_reads_as_a_drawn_id(value: str, drawn: bool) -> None:
    """Hex, UUIDs, generated runs and short runs switching letters and digits; not names."""
    assert paired_ids.is_drawn(value) is drawn


@pytest.mark.parametrize(
    ("name", "is_id"),
    [
        ("STACKPATH_CLIENT_ID", True),
        ("tidbUser", True),
        ("worldline.api.key.id", True),
        ("account_sid", True),
        ("TIDB_PUBLIC_KEY", True),
        ("request_id", False),
        ("traceId", False),
        ("TENANT_ID", False),
        ("API_KEY", False),
        ("client_secret", False),
    ],
)
def test_which_names_name_a_credential_id(name: str, is_id: bool) -> None:
    """The last word names an id, a user or an account; ids of data do not count."""
    assert paired_ids.is_id_name(name) is is_id


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # two placeholders on one line: one block, as for one
        ("a\nb <redacted:token> c <redacted:password>\nd", [(0, 44)]),
        ("a\nb <redacted:token>\nd", [(0, 22)]),
        # placeholders on lines apart, a blank line between: two blocks
        ("<redacted:token> <redacted:token>\n\nx\n\n<redacted:password> y", [(0, 33), (38, 59)]),
        # a paired-id placeholder opens no block
        ("a <redacted:paired-id> b", []),
    ],
)
def test_the_blocks_around_secret_placeholders(text: str, spans: list[tuple[int, int]]) -> None:
    assert list(paired_ids.blocks(text)) == spans


@pytest.mark.parametrize(
    "value", ["DB14UTN0", "deploy-bot", "a3f9c1e7b5d2084f6e1a", "K7QW2NXR9PLM"]
)
def test_a_drawn_id_is_judged_once_the_same(value: str) -> None:
    """``is_drawn`` keeps its verdicts (the passes after a redaction read the same ids again)."""
    assert paired_ids.is_drawn(value) == paired_ids.is_drawn.__wrapped__(value)
    assert paired_ids.is_drawn(value) == paired_ids.is_drawn(value)
