"""A call's last argument when its method logs in or names a secret: D-Bus on a command line
(gdbus, busctl, dbus-send) and an LSP ``workspace/executeCommand``; squid's ``cache_peer``
login pair; Robot Framework's ``${NAME} = V`` (``slot_values``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

from .conftest import in_mode

MIXED = "Vq4Lz8Tn2Rk7Wp3Ym9Xc"
DEST = "--session --dest org.acme.Agent --object-path /org/acme/Agent"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"$ gdbus call {DEST} --method org.acme.Agent.Login svc-deploy {MIXED}\n(true,)",
            f"$ gdbus call {DEST} --method org.acme.Agent.Login svc-deploy <redacted:password>\n"
            "(true,)",
        ),
        (  # GVariant's quotes
            f"gdbus call {DEST} --method org.acme.Agent.LogOn 'svc' '{MIXED}'",
            f"gdbus call {DEST} --method org.acme.Agent.LogOn 'svc' '<redacted:password>'",
        ),
        (  # a member that names a secret: judged under it
            f"busctl --user call org.acme /org/acme org.acme.Agent SetToken s {MIXED}",
            "busctl --user call org.acme /org/acme org.acme.Agent SetToken s <redacted:token>",
        ),
        (  # dbus-send's typed arguments
            "dbus-send --session --print-reply --dest=org.acme /org/acme "
            f"org.acme.Auth.SignIn string:svc string:{MIXED}",
            "dbus-send --session --print-reply --dest=org.acme /org/acme "
            "org.acme.Auth.SignIn string:svc string:<redacted:password>",
        ),
        (  # an LSP trace's executeCommand params, a login with user:password
            "[Trace - 09:14:02 AM] Sending request 'workspace/executeCommand - (12)'.\nParams: {\n"
            '    "command": "acme.login",\n    "arguments": [\n'
            f'        "svc:{MIXED}"\n    ]\n}}',
            "[Trace - 09:14:02 AM] Sending request 'workspace/executeCommand - (12)'.\nParams: {\n"
            '    "command": "acme.login",\n    "arguments": [\n'
            '        "<redacted:password>"\n    ]\n}',
        ),
        (
            f'{{"command": "acme.setApiKey", "arguments": ["{MIXED}"]}}',
            '{"command": "acme.setApiKey", "arguments": ["<redacted:api-key>"]}',
        ),
        (  # squid's cache_peer login pair
            "cache_peer parent.example.com parent 3128 0 no-query default "
            "login=svc-deploy:cdo9cfqwsf89lx3owqfibkngp2hemjs7",
            "cache_peer parent.example.com parent 3128 0 no-query default "
            "login=svc-deploy:<redacted:password>",
        ),
        (  # Robot Framework's log of an assignment
            f'<msg timestamp="20261207 09:14:02.123" level="INFO">${{acme_api_token}} = {MIXED}</msg>',
            '<msg timestamp="20261207 09:14:02.123" level="INFO">${acme_api_token} = '
            "<redacted:token></msg>",
        ),
    ],
)
def test_a_login_calls_password_is_redacted(text: str, expected: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a login's last argument that is a word, a flag, a host
        f"gdbus call {DEST} --method org.acme.Agent.Login svc failed",
        f"gdbus call {DEST} --method org.acme.Agent.Login svc true",
        '{"command": "git.login", "arguments": ["github.com"]}',
        # other methods and commands
        f"gdbus call {DEST} --method org.acme.Agent.GetVersion",
        f"gdbus call {DEST} --method org.acme.Agent.Open /srv/data/report.pdf",
        '{"command": "editor.action.rename", "arguments": ["file:///srv/app/main.py", 12]}',
        # squid's other logins, Robot's other variables
        "cache_peer parent.example.com parent 3128 0 no-query login=PASSTHRU",
        "cache_peer parent.example.com parent 3128 0 login=*:secret",
        '<msg level="INFO">${count} = 42</msg>',
        '<msg level="INFO">${api_token} = None</msg>',
        '<msg level="INFO">${build_sha} = 3e0b9c71d5a84f26e19b7c03a5d6f482</msg>',
        # a DAP request's arguments object
        '{"seq": 3, "type": "request", "command": "launch", "arguments": {"program": "app.py"}}',
    ],
)
def test_other_calls_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
