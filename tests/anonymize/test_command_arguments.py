"""cli40's open command forms read by the command tables (``password_commands``,
``command_arguments``, ``verb_passwords``, ``stdin_fed``; forms41)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

V = "Xq8mW2pL7kZrT4"


@pytest.mark.parametrize(
    "text",
    [
        f"gh secret set DEPLOY_TOKEN -b'{V}'",
        f"gh secret set DEPLOY_TOKEN -b {V}",
        f'gh secret set DEPLOY_TOKEN --body "{V}" --repo acme/app',
        f"$ gh secret set NPM_TOKEN --env prod -b{V}",
        f"kubeseal --raw --name db --from-file=/dev/stdin <<< {V}",
        f"echo -n {V} | kubeseal --raw --name db --namespace app --from-file=/dev/stdin",
        f"check_imap -H mx -U nagios -P {V}",
        f"/usr/lib/nagios/plugins/check_pop -H mx -U nagios -P '{V}'",
        f"sum -i bmc01 -u ADMIN -p {V} -c GetBiosInfo",
        f"iw dev wlan0 connect HomeWiFi key 0:{V}",
        f"iw dev wlan0 connect HomeWiFi key d:1:{V}",
        f"xl2tpd-control connect vpn jdoe {V}",
        f"sudo xl2tpd-control connect-lac office ops {V}",
        f"netsh wlan set profileparameter name=Home keyMaterial={V}",
        f"security import cert.p12 -k build.keychain -P {V} -T /usr/bin/codesign",
        f"adb shell input text {V}",
        "adb shell input text 'Winter2024!'",
        f"curl -u 'user:{V}' https://api.example.com/v1/items",
        f"curl -u deploy:{V} https://api.example.com/v1/items",
        # probes43: openssl's key and HMAC key, MIT Kerberos' admin and new principal passwords
        f"openssl enc -aes-256-cbc -in f -out f.enc -K {V} -iv 0000000000000000",
        f'echo -n "$body" | openssl dgst -sha256 -hmac "{V}"',
        f"kadmin -p admin/admin -w {V} -q listprincs",
        f'kadmin -q "addprinc -pw {V} alice"',
        f'sudo kadmin.local -q "cpw -pw {V} alice@EXAMPLE.COM"',
        f"kadmin.local:  addprinc -pw {V} bob",
    ],
)
def test_command_forms_are_redacted(anonymizer: Anonymizer, text: str) -> None:
    """The value each command's manual says is a secret goes."""
    out = anonymizer.anonymize(text)
    secret = "Winter2024!" if "Winter" in text else V
    assert secret not in out and "<redacted:" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "gh secret set DEPLOY_TOKEN -b main",
        "gh secret set DEPLOY_TOKEN < token.txt",
        'gh secret set DEPLOY_TOKEN --body "$DEPLOY_TOKEN"',
        "gh pr create -b main -t fix",
        f"gh pr create -b {V}",
        "kubeseal --format yaml < secret.yaml > sealed.yaml",
        "adb shell input text hello",
        "adb shell input keyevent 66",
        "iw dev wlan0 connect HomeWiFi",
        "security import cert.p12 -k build.keychain -T /usr/bin/codesign",
        "security create-keychain -P build.keychain",
        "check_imap -H mx -p 993",
        "the sum -p of both",
        "sum -r /etc/passwd",
        "xl2tpd-control connect vpn",
        # The key's own word as its value: a placeholder, as ``user:password`` is.
        "curl -u 'user:pass' https://api.example.com/v1/items",
        '{"stdout": "curl -u \'user:pass\'\\n", "returncode": 0}',
        "curl -s --user admin:pass https://api.example.com/",
        "openssl enc -aes-256-cbc -K $KEY -iv $IV -in f",
        'openssl dgst -sha256 -hmac "$WEBHOOK_SECRET" body.json',
        "openssl req -new -key key.pem -out csr.pem",
        'kadmin.local -q "addprinc -randkey host/web01.example.com"',
        "kadmin -p admin/admin -q listprincs",
    ],
)
def test_command_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """A word for a secret's body, a file on stdin, a reference, another verb's ``-b`` (a
    branch), typed words, a port, a prompt's ``-P`` and ``sum`` the checksum stay."""
    assert anonymizer.anonymize(text) == text
