"""Command lines that carry a secret, second round (cli40's probe of 150 more CLI tools): more
flags (``password_commands.SEPARATE``/``ATTACHED``/``SUBCOMMANDS``), a tool named with its
``.exe``/``.py``, more verbs (``verb_passwords``), a console's command inside one quoted
argument, a setting's name and value apart (``keyed_values``), Terraform's ``TF_TOKEN_<host>``,
and impacket's targets and hashes (``impacket_targets``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

R = "<redacted:password>"
T = "<redacted:token>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # impacket: ``DOMAIN/USER:PASSWORD@HOST``, ``DOMAIN/USER:PASSWORD``, ``-hashes LM:NT``
        ("psexec.py acme/admin:Xk9mPq2Lw7zz@10.0.0.30 cmd", f"admin:{R}@"),
        ("impacket-secretsdump 'ACME/admin:Q7!rT2mZ9wX#@dc01.acme.io' -just-dc", f"admin:{R}@dc01"),
        ("GetUserSPNs.py acme.io/svc:Hq7mX2pL9w -dc-ip 10.0.0.5 -request", f"svc:{R} -dc-ip"),
        ("wmiexec.py -hashes :8846f7eaee8fb117ad06bdd830b7586c acme/admin@dc01", f"-hashes :{R} "),
        ("smbserver.py share /tmp -username ops -password Wq8xK2mZ7L", f"-password {R}"),
        # key/value pairs: a setting's name apart from its value
        ("duplicacy set -key password -value Wq8xK2mZ7L", f"-value {R}"),
        ("kaggle config set -n key -v Wq8xK2mZ7Lp3", "-v <redacted:api-key>"),
        ("racadm set iDRAC.Users.2.Password 'Wq8x#K2mZ7L'", f"Password '{R}'"),
        ("conda config --set channel_token Wq8xK2mZ7Lp3", f"channel_token {T}"),
        ("glab variable set --masked DB_PASSWORD --value Wq8xK2mZ7L", f"--value {R}"),
        ("TF_TOKEN_app_terraform_io=Wq8xK2mZ7Lp3 terraform init", f"io={T} terraform"),
        ("sonar-scanner -Dsonar.login=Wq8xK2mZ7Lp3", f"login={T}"),
        ("offlineimap -o -k Repository_remote:remotepass=Wq8xK2mZ7L", f"remotepass={R}"),
        # a console's own command in one quoted argument
        ("deluge-console 'connect 127.0.0.1:58846 admin Wq8xK2mZ7L; info'", f"admin {R};"),
        ("lftp -e 'open -u ops,Wq8xK2mZ7L sftp://fs01; mirror'", f"ops,{R} sftp"),
        # publishing and registries
        ("hatch publish -u __token__ -a Wq8xK2mZ7Lp3", f"-a {R}"),
        ("poetry publish -u deploy -p Wq8xK2mZ7L", f"-p {R}"),
        ("vsce publish -p 9f3a8c2e7b1d4f6a0c5e", f"-p {R}"),
        ("conan remote login acme deploy -p Wq8xK2mZ7L", f"-p {R}"),
        (
            "nuget setapikey Wq8xK2mZ7Lp3 -Source https://api.nuget.org/v3/index.json",
            f"setapikey {T}",
        ),
        ("fly -t ci login -c https://ci.example.io -u admin -p Wq8xK2mZ7L", f"-p {R}"),
        # monitoring: Nagios plugins, Grafana
        ("check_mysql -H db -u nagios -p Wq8xK2mZ7L", f"-p {R}"),
        ("check_ldap -H dc -b dc=acme -D cn=nagios -P Wq8xK2mZ7L", f"-P {R}"),
        ("check_snmp -H sw01 -C Wq8xK2mZ7L -o sysUpTime.0", f"-C {R}"),
        ("check_http -H web -a 'admin:Wq8xK2mZ7L' -u /status", f"'admin:{R}'"),
        ("grafana-cli admin reset-admin-password Wq8xK2mZ7L", f"reset-admin-password {R}"),
        # BMC, IPMI and network gear
        ("ipmitool -H bmc01 -U admin -P'Wq8xK2mZ7L' sdr", f"-P'{R}'"),
        ("ipmi-sensors -h bmc01 -u admin -p Wq8xK2mZ7L", f"-p {R}"),
        ("ilorest login ilo01 -u admin -p Wq8xK2mZ7L", f"-p {R}"),
        ("wpa_cli -i wlan0 set_network 0 psk '\"Wq8xK2mZ7L\"'", f"psk '\"{R}\"'"),
        ("hostapd_cli set wpa_passphrase Wq8xK2mZ7L", f"wpa_passphrase {R}"),
        ("dig @ns1 example.io AXFR -y hmac-sha256:xfr:c2VjcmV0a2V5MTIzNDU2Nzg=", f"xfr:{R}"),
        ("openvpn --askpass <(echo Wq8xK2mZ7L) --config c.ovpn", f"echo {R})"),
        # Windows, macOS, media, databases
        ("PsExec64.exe \\\\srv01 -u admin -p 'Wq8xK2mZ7L' ipconfig", f"-p '{R}'"),
        ("espota.py -i 10.0.0.50 -a Wq8xK2mZ7L -f fw.bin", f"-a {R}"),
        ("security unlock-keychain -p Wq8xK2mZ7L build.keychain", f"-p {R}"),
        ("xcrun altool --upload-app -f app.ipa -u a@example.io -p Wq8xK2mZ7L", f"-p {R}"),
        ("nextcloudcmd -u ops -p Wq8xK2mZ7L ~/nc https://cloud.example.io", f"-p {R}"),
        ("zmu -U admin -P Wq8xK2mZ7L -l", f"-P {R}"),
        ("valkey-cli -a Wq8xK2mZ7L ping", f"-a {R}"),
        ("mysqlsh --uri root:Wq8xK2mZ7L@db:3306", f"root:{R}@db"),
        ("sqlcl admin/Wq8xK2mZ7L@db", f"admin/{R}@db"),
        ("vault operator unseal Wq8xK2mZ7Lp3", f"unseal {T}"),
        ("gopass insert -f app/db <<< Wq8xK2mZ7L", f"<<< {R}"),
        ("mkstore -wrl /w -createCredential db app Wq8xK2mZ7L", f"app {R}"),
        # a console's login (``console_logins``), MPD's PASSWORD@HOST, smbpasswd -a's here-string
        ("ftp -n fs01 <<EOF\nuser ops Wq8xK2mZ7L\nput f\nEOF", f"user ops {R}\n"),
        ("ftp> user ops Wq8x#K2mZ7L", f"user ops {R}"),
        ("MPD_HOST=Wq8xK2mZ7L@localhost mpc status", f"MPD_HOST={R}@localhost"),
        ("mpc --host=Wq8xK2mZ7L@mpd play", f"--host={R}@mpd"),
        # judged as after ``password=`` (``tables.password_value``): a drawn value may start with ``-``
        ("ftp> user ops -9AH-EOVezxZ", f"user ops {R}"),
        ("smbpasswd -a ops <<< $'Wq8xK2mZ7L\nWq8xK2mZ7L'", f"<<< $'{R}\n"),
        ("chamber write app db_password Wq8xK2mZ7Lp3", "db_password <redacted:stored-secret>"),
        # base64 that starts with ``/``, after a password flag or verb
        ("p4 -u ops -P /KizaA1C0Q2OgFqc8SPInFMCUmMG46X4 sync", f"-P {R} sync"),
        ("bw unlock /93Hr/kjuxTEx9xRPEWDnMByKgjZrlqE", f"bw unlock {R}"),
        # secret stores' values (``stored``) and a pipeline's variable named a password
        (
            "ansible-vault encrypt_string 'Wq8xK2mZ7L' --name db_password",
            "<redacted:stored-secret>",
        ),
        ("berglas create sm://proj/db Wq8xK2mZ7Lp3", "db <redacted:stored-secret>"),
        ("conjur variable set -i app/db -v Wq8xK2mZ7Lp3", "-v <redacted:stored-secret>"),
        ("akeyless create-secret --name db --value Wq8xK2mZ7Lp3", "<redacted:stored-secret>"),
        ("elasticsearch-keystore add -x bootstrap.password <<< Wq8xK2mZ7Lp3", "<<< <redacted:"),
        (
            "circleci context store-secret org acme ctx DB_PASSWORD <<< Wq8xK2mZ7Lp3",
            "<<< <redacted:",
        ),
        ("az pipelines variable create --name pw --value Wq8xK2mZ7L --secret true", f"--value {R}"),
    ],
)
def test_command_line_secrets(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """The secret a command takes by its grammar is redacted, in several contexts."""
    for framed in (
        text,
        f"$ {text}",
        f"    - run: {text}",
        f'{{"command": "{text.replace(chr(34), chr(92) + chr(34))}"}}',
    ):
        out = anonymizer.anonymize(framed)
        assert expected.replace('"', '\\"') in out if framed.startswith("{") else expected in out


@pytest.mark.parametrize(
    "text",
    [
        "poetry run -p 8080",
        "hatch run -a test",
        "vsce package -p ./out",
        "fly -t ci builds -p main",
        "check_mysql -H db -u nagios --password-file /etc/nagios/pw",
        "check_snmp -H sw01 -C public -o sysUpTime.0",
        "check_http -H web -a $HTTP_AUTH -u /status",
        "ipmi-sensors -h bmc01 -u admin -p $IPMI_PASSWORD",
        "security create-keychain -P build.keychain",
        "security find-generic-password -s app -w",
        "grafana-cli admin reset-admin-password --password-from-stdin",
        "vault operator unseal -migrate",
        "nuget setapikey $NUGET_KEY -Source https://api.nuget.org/v3/index.json",
        "duplicacy set -storage s3 -key storage -value s3",
        "racadm set iDRAC.NIC.DNSRacName idrac-web01",
        "conda config --set channel_priority strict",
        "kaggle config set -n path -v /data/kaggle",
        "glab variable set DEPLOY_TOKEN $DEPLOY_TOKEN",
        "the racadm set command writes a key",
        "TF_TOKEN_app_terraform_io=$TFE_TOKEN terraform init",
        "ntlmrelayx.py -t smb://dc01.example.io -smb2support",
        "psexec.py acme/admin@fs01 -hashes :$NT_HASH",
        "GetNPUsers.py acme.io/ -usersfile users.txt -format hashcat",
        "python3 setup.py build -p 8",
        "deluge-console 'connect 127.0.0.1:58846; info'",
        "lftp -e 'open sftp://fs01; mirror'",
        "PsExec64.exe \\\\srv01 -s cmd",
        "dig @ns1 example.io AXFR",
        "wpa_cli -i wlan0 set_network 0 psk $WIFI_PSK",
        "valkey-cli -p 6380 ping",
        "mysqlsh --uri root@db:3306",
        "sqlcmd -S db -U sa -P /tmp/Xk9mPq2Lw7zzAB",
        "ftp -n fs01 <<EOF\nuser ops\nput f\nEOF",
        "ftp> user ops",
        "ftp -n fs01 <<EOF\nuser ops $FTP_PASS\nEOF",
        "ftp -n fs01 <<EOF\nbye\nEOF\nuser accounts listed here",
        "the user admin password123 combination",
        "mpc -h mpd.local play",
        "ftp> user ops --password-file",
        "ftp> user ops somefakepassword",
        "MPD_HOST=${MPD_PASSWORD}@localhost mpc status",
        "zip -P /run/secrets/zip_password out.zip f",
        "az pipelines variable create --name region --value westeurope",
        "ansible-vault encrypt_string --stdin-name db_password",
        "elasticsearch-keystore add -x bootstrap.password",
    ],
)
def test_command_line_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """Ports, paths, references, prompts, flags without a value, settings and prose stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "ttyd -p 7681 -c admin:Xq8mW2pL7kZrT4 bash",
        "gotty --credential ops:Xq8mW2pL7kZrT4 top",
        "ngrok http 8080 --basic-auth 'ops:Xq8mW2pL7kZrT4'",
        "mitmdump --proxyauth ops:Xq8mW2pL7kZrT4 -p 8080",
        "ncat --proxy 10.0.0.1:3128 --proxy-auth u:Xq8mW2pL7kZrT4 host 22",
        "chisel server --auth ops:Xq8mW2pL7kZrT4 --reverse",
        "sqlmap -u http://t/x?id=1 --auth-type Basic --auth-cred 'admin:Xq8mW2pL7kZrT4'",
        "nikto -h http://t -id admin:Xq8mW2pL7kZrT4",
        "wfuzz --basic admin:Xq8mW2pL7kZrT4 -z file,w.txt http://t/FUZZ",
    ],
)
def test_user_password_pairs_of_tunnels_and_web_tools(anonymizer: Anonymizer, text: str) -> None:
    """A web terminal's, tunnel's, proxy's or web tester's ``USER:PASSWORD`` flag (``USER_PASS``)
    loses its password, in a shell line and after a prompt."""
    for framed in (text, f"$ {text}"):
        out = anonymizer.anonymize(framed)
        assert "Xq8mW2pL7kZrT4" not in out and "<redacted:" in out, out


@pytest.mark.parametrize(
    "text", ["ttyd -c $TTYD_CRED bash", "ttyd -p 7681 bash", 'ngrok http 8080 --basic-auth "$AUTH"']
)
def test_user_password_flag_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """A reference or no credential flag stays."""
    assert anonymizer.anonymize(text) == text
