"""Command lines that carry a secret, by each command's grammar (cli39's probe of CLI manuals):
a flag's value (``password_commands.SEPARATE``), a verb's positional argument
(``verb_passwords``), a here-string or ``echo … |`` into a command reading stdin (``stdin_fed``,
``STDIN_READERS``), a password file given ``<(echo V)`` (``echoed_passwords``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

R = "<redacted:password>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # remote administration: ``-u U -p V`` and an NT hash
        ("crackmapexec smb 10.0.0.0/24 -u admin -p Xk9mPq2Lw7zz", f"-p {R}"),
        ("nxc smb dc01 -u admin -H aad3b435b51404eeaad3b435b51404ee", f"-H {R}"),
        ("evil-winrm -i dc01 -u Administrator -p 'Q7!rT2mZ9wX#'", f"-p '{R}'"),
        ("smbmap -H fs01 -u svc -p hV3nR8kQ2pLm", f"-p {R}"),
        ("smbclient //fs01/backup Tr0ub4dorX9q -U svc", f"//fs01/backup {R} -U"),
        # login subcommands
        ("oc login https://api.ocp:6443 -u admin -p 'n8W#kq2Lz7Rp'", f"-p '{R}'"),
        ("cf login -a api.cf.example.io -u ops -p Zq8w1AaB7c", f"-p {R}"),
        ("crane auth login ghcr.io -u ci -p 9fK2mQx7Lp3v", f"-p {R}"),
        ("cf auth ops Zq8w1AaB7c", f"cf auth ops {R}"),
        ("bw unlock 'Vx7#pL2q9Rm!'", f"bw unlock '{R}'"),
        ("bw login ops@example.io K3v9Lq2Wm8xZ --raw", f"<email> {R}"),
        ("snyk auth 5b1f0c9e2a7d4e8f9a6b3c2d1e0f9a8b", "snyk auth <redacted:token>"),
        ("wandb login 8f3a9c2e7b1d4f6a0c5e9b2d7f1a3c8e4b6d0f2a", "wandb login <redacted:token>"),
        ("ngrok config add-authtoken 2aBcD3eFgH4iJkL5mN", "add-authtoken <redacted:"),
        ("vault login s.Xk9mPq2Lw7z", "vault login <redacted:token>"),
        # databases and services
        ("db2 connect to SAMPLE user db2inst1 using Pw9xK2mQ7r", f"using {R}"),
        ("isql -v prod_dsn report Hq7mX2pL9w", f"report {R}"),
        ("cypher-shell -u neo4j -p 'k8Wq#2mZ7xLp' 'RETURN 1'", f"-p '{R}'"),
        ("vsql -U dbadmin -w Lq8xW2mZ7k -h vdb01", f"-w {R} -h"),
        ("rabbitmqadmin -u ops -p Mq7xK2pL9w list queues", f"-p {R} list"),
        ("arangosh --server.username root --server.password Wx8Lq2mZ7k", f"password {R}"),
        ("neo4j-admin dbms set-initial-password Zx8Wq2mL7k", f"set-initial-password {R}"),
        ("doveadm auth test ops Kq8xW2mZ7L", f"test ops {R}"),
        ("doveadm pw -s SHA512-CRYPT -p Kq8xW2mZ7L", f"-p {R}"),
        # crypto and archives
        ("pk12util -i c.p12 -d sql:/etc/pki/nssdb -W Wq8xK2mZ7L", f"-W {R}"),
        ("certutil -f -p Qw8xK2mZ7L -importpfx c.pfx", f"-p {R} -importpfx"),
        ("signtool sign /f c.pfx /P Qw8xK2mZ7L /fd SHA256 a.exe", f"/P {R} /fd"),
        ("steghide extract -sf pic.jpg -p Wq8xK2mZ7L", f"-p {R}"),
        ("pdftk in.pdf output out.pdf owner_pw Wq8xK2mZ7L", f"owner_pw {R}"),
        ("mkpasswd -m sha-512 Wq8xK2mZ7L", f"sha-512 {R}"),
        ("usermod -p \"$(openssl passwd -6 'Wq8xK2mZ7L')\" ops", f"-6 '{R}'"),
        ("mosquitto_passwd -b /etc/mosquitto/passwd iot Wq8xK2mZ7L", f"iot {R}"),
        # here-strings and pipes into a command reading stdin
        ("kinit ops@EXAMPLE.IO <<< 'Wq8x#K2mZ7L'", f"<<< '{R}'"),
        ('sudo cryptsetup luksOpen /dev/sdb1 data <<< "Wq8xK2mZ7L"', f'<<< "{R}"'),
        ("echo -n 'Wq8xK2mZ7L' | cryptsetup open /dev/sdb1 data -", f"echo -n '{R}'"),
        ("keepassxc-cli show db.kdbx web <<< Wq8xK2mZ7L", f"<<< {R}"),
        ("chpasswd <<< 'ops:Wq8xK2mZ7L'", f"'ops:{R}'"),
        ("openconnect -u ops --passwd-on-stdin vpn.example.io <<< Wq8xK2mZ7L", f"<<< {R}"),
        ("echo Wq8xK2mZ7L | vncpasswd -f > ~/.vnc/passwd", f"echo {R} |"),
        # a password file or program given the literal
        ("ansible-vault view --vault-password-file <(echo Wq8xK2mZ7L) v.yml", f"echo {R})"),
        ("wg set wg0 peer X= preshared-key <(echo Wq8xK2mZ7L)", f"echo {R})"),
        ("gocryptfs -extpass 'echo Wq8xK2mZ7L' cipher plain", f"echo {R}'"),
        # config keys of a tool
        ("nmcli con modify home wifi-sec.psk 'Wq8x#K2mZ7L'", f"psk '{R}'"),
        ("transmission-remote -n 'admin:Wq8xK2mZ7L' -l", f"'admin:{R}'"),
        ("etcdctl --user root:Wq8xK2mZ7L get /config", f"root:{R}"),
        ("sendemail -f a@example.io -xu ops -xp Wq8xK2mZ7L -m hi", f"-xp {R}"),
        ("swaks -au ops -ap Wq8xK2mZ7L -s smtp.example.io", f"-ap {R}"),
        ("p4 -u ops -P Wq8xK2mZ7L sync", f"-P {R}"),
        ("doctl auth init -t dop_v1_9f3a8c2e7b1d4f6a0c5e", "-t <redacted:"),
        ("pihole -a -p Wq8xK2mZ7L", f"-p {R}"),
    ],
)
def test_command_line_secrets(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """The secret a command takes by its grammar is redacted, in several contexts."""
    for framed in (
        text,
        f"$ {text}",
        f'{{"command": "{text.replace(chr(34), chr(92) + chr(34))}"}}',
    ):
        out = anonymizer.anonymize(framed)
        assert expected.replace('"', '\\"') in out if framed.startswith("{") else expected in out


@pytest.mark.parametrize(
    "text",
    [
        "gitea web -p 3000",
        "oc port-forward svc/web -p 8080",
        "cf push app -p ./build",
        "crane auth login ghcr.io -u ci --password-stdin",
        "bw unlock --passwordenv BW_PASSWORD",
        "bw unlock --raw",
        "vault login -method=oidc role=admin",
        "vault login $VAULT_TOKEN",
        "snyk auth",
        "wandb login --relogin",
        "ngrok config add-authtoken $NGROK_TOKEN",
        "isql -S srv01 -U sa -i script.sql",
        "isql -v mydsn",
        "isql is the unixODBC command-line tool",
        "the cf auth step needs a user and password",
        "mkpasswd -m help",
        "openssl passwd -6 -stdin",
        "openssl passwd -6 -in passwords.txt",
        "smbclient //nas/share -N",
        'kinit ops <<< "$KRB_PASSWORD"',
        "hydra -l admin -P /usr/share/wordlists/rockyou.txt ssh",
        "pihole -a -p",
        "db2 connect to SAMPLE user db2inst1 using $DB2PASS",
        "neo4j-admin dbms set-initial-password $NEO4J_PASSWORD",
        "mosquitto_passwd -c /etc/mosquitto/passwd iot",
        "mosquitto_passwd -b /etc/mosquitto/passwd iot $MQTT_PW",
        "echo done | cryptsetup status data",
        "ansible-vault decrypt --vault-password-file ~/.vault_pass vars.yml",
        "gocryptfs -extpass 'pass show gocryptfs' cipher plain",
        "wg set wg0 peer ABC= preshared-key /etc/wireguard/psk",
        "pdftk in.pdf output out.pdf user_pw PROMPT",
        "certutil -hashfile setup.exe SHA256",
        "signtool sign /f cert.pfx /fd SHA256 app.exe",
        "smbmap -H fs01 -u guest -p ''",
        "p4 -p ssl:perforce:1666 sync",
        "codecov -t ${CODECOV_TOKEN}",
        "nmcli connection modify wg0 wifi-sec.psk-flags 1",
        "transmission-remote -n $TR_AUTH -l",
        "we pass insert events to the queue",
        'sudo -S apt update <<< "$SUDO_PW"',
        "syncthing cli config gui password get",
    ],
)
def test_command_line_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """Ports, paths, references, prompts, flags without a value and prose stay."""
    assert anonymizer.anonymize(text) == text
