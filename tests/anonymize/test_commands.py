"""Secrets known by their place: authorization schemes, URL credentials, command-line passwords."""

from __future__ import annotations

import base64

import pytest

from fedlearn.anonymize import Anonymizer, secret_words
from tests.anonymize.conftest import found

BASIC = base64.b64encode(b"admin:secretpass").decode()


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        (
            "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9abcdefgh12345",
            "Authorization: Bearer <redacted:authorization>",
            "authorization",
        ),
        (
            f'curl -H "Authorization: Basic {BASIC}" https://x',
            'curl -H "Authorization: Basic <redacted:authorization>" https://x',
            "authorization",
        ),
        (
            "postgres://app:Tr0ub4dor3x@db:5432/app",
            "postgres://app:<redacted:url-credentials>@db:5432/app",
            "url-credentials",
        ),
        (
            "redis://:Tr0ub4dor3xq@cache:6379",
            "redis://:<redacted:url-credentials>@cache:6379",
            "url-credentials",
        ),
        (
            "https://a8F3kLm29QzX7vB1nR5tY0uW4eS6dC2h@git.example.com/x",
            "https://<redacted:url-credentials>@git.example.com/x",
            "url-credentials",
        ),
        ("mysql -u root -pTr0ub4dor3x", "mysql -u root -p<redacted:password>", "password"),
        ("sshpass -p Tr0ub4dor3x ssh host", "sshpass -p <redacted:password> ssh host", "password"),
    ],
)
def test_the_scheme_url_or_command_stays_and_the_credential_goes(
    anonymizer: Anonymizer, text: str, expected: str, rule: str
) -> None:
    """Only the credential is replaced, under the rule of its place."""
    assert anonymizer.anonymize(text) == expected
    assert found(anonymizer, text) == [rule]


@pytest.mark.parametrize(
    "text",
    [
        "We use Bearer authentication for the API",
        "Basic authentication is enabled",
        "postgres://app:${DB_PASSWORD}@db:5432/app",
        "mysql -u root -p",
        "mysql -u root -p$MYSQL_PW",
    ],
)
def test_prose_references_and_prompts_stay(anonymizer: Anonymizer, text: str) -> None:
    """A scheme named in prose, a URL password that is a variable, a password prompt stay."""
    assert anonymizer.anonymize(text) == text
    assert found(anonymizer, text) == []


def test_a_user_alone_in_a_url_is_no_credential(anonymizer: Anonymizer) -> None:
    """``https://user@host`` holds no secret: no scan finding (the address is personal data)."""
    assert found(anonymizer, "https://deploy@example.com/path") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'sqlcmd -S db -U sa -P "Uu1wYit2c@a=N5m" -Q x',
            'sqlcmd -S db -U sa -P "<redacted:password>" -Q x',
        ),
        (
            "sqlplus scott/-2^bXQXVf_2f=9@//db:1521/ORCL",
            "sqlplus scott/<redacted:password>@//db:1521/ORCL",
        ),
        ("SQLPLUS -s app/Ft9KMph+R@PROD @r.sql", "SQLPLUS -s app/<redacted:password>@PROD @r.sql"),
        (
            "mongosh mongodb://db1 -u app -p 'ke+OwR7w0oh' --quiet",
            "mongosh mongodb://db1 -u app -p '<redacted:password>' --quiet",
        ),
        (
            r"net use Z: \\fs01\share /user:ACME\bot ~w8@hrz%5R /persistent:no",
            r"net use Z: \\fs01\share /user:ACME\bot <redacted:password> /persistent:no",
        ),
        ("NET USER deploy Xk9!q2Lm /add", "NET USER deploy <redacted:password> /add"),
        (
            "schtasks /create /tn s /ru backup /RP 0gh1dXR5Vh",
            "schtasks /create /tn s /ru backup /RP <redacted:password>",
        ),
        (
            "keytool -list -storepass Qgv4g25n -keypass Zq8+w1Aa",
            "keytool -list -storepass <redacted:password> -keypass <redacted:password>",
        ),
        ("zip -r -P 'ML7k#-F%z2m' b.zip ./x", "zip -r -P '<redacted:password>' b.zip ./x"),
        ("7z a -p@mVG@_U-E%zM -mhe=on s.7z", "7z a -p<redacted:password> -mhe=on s.7z"),
        (
            "openssl enc -aes-256-cbc -in a -k 'i8gi744xbk!E'",
            "openssl enc -aes-256-cbc -in a -k '<redacted:password>'",
        ),
        (
            "influx write -b m -t 4pX7J95LiwjwbmAK6JJj== 'cpu'",
            "influx write -b m -t <redacted:token> 'cpu'",
        ),
        (
            "smbclient -L //fs01 -U backup%Bx!r!YqrCs",
            "smbclient -L //fs01 -U backup%<redacted:password>",
        ),
        (
            "xfreerdp /u:admin /p:'WZSCrMSjYl' /v:h",
            "xfreerdp /u:admin /p:'<redacted:password>' /v:h",
        ),
        (
            "ipmitool -H bmc01 -U root -P 7brGnxPESbsI9F sol",
            "ipmitool -H bmc01 -U root -P <redacted:password> sol",
        ),
        ("az login -u a -p cz3qgHnb+miPYZ-A", "az login -u a -p <redacted:password>"),
        (
            "helm registry login oci -u a -p 'Ns5WuUgf-~O4'",
            "helm registry login oci -u a -p '<redacted:password>'",
        ),
        (
            "rabbitmqctl add_user jenkins 'iqAXd5xt1pvreF'",
            "rabbitmqctl add_user jenkins '<redacted:password>'",
        ),
        ("lftp -u svc,rSFEXg9pdJ sftp://files", "lftp -u svc,<redacted:password> sftp://files"),
        (
            "sudo wpa_passphrase \"Home Net\" 'Xk9mPq-2Lw7' | tee -a wpa.conf",
            "sudo wpa_passphrase \"Home Net\" '<redacted:password>' | tee -a wpa.conf",
        ),
        (
            "echo 47Az+#Vr.l~+Z | gpg --batch --passphrase-fd 0 -d c.gpg",
            "echo <redacted:password> | gpg --batch --passphrase-fd 0 -d c.gpg",
        ),
        (
            "echo 'Rt5#kkq9Lm' | docker login -u a --password-stdin",
            "echo '<redacted:password>' | docker login -u a --password-stdin",
        ),
        (
            "echo 'kV9#mq2Lp' | sudo -S apt-get update",
            "echo '<redacted:password>' | sudo -S apt-get update",
        ),
        ("echo Zt4!wq8Rn | sudo -kS -u pg psql", "echo <redacted:password> | sudo -kS -u pg psql"),
        (
            '{"cmd": "sqlcmd -U sa -P \\"05Ff%9UUsbJzKAMu\\" -Q x"}',
            '{"cmd": "sqlcmd -U sa -P \\"<redacted:password>\\" -Q x"}',
        ),
        (
            "Ausgeführt → mongo admin -u root -p uNv4hYzswCAjY7F --eval x",
            "Ausgeführt → mongo admin -u root -p <redacted:password> --eval x",
        ),
    ],
)
def test_a_commands_password_argument_goes(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A literal after the password flag of a command whose manual says so, or inside its logon
    word (``user/pass@db``, ``user%pass``, ``user,pass``), or echoed into a stdin password."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'curl -u "deploy":"Wq7rT2mVk9pLx4" https://x',
            'curl -u "deploy":"<redacted:password>" https://x',
        ),
        ("curl -u svc:'Hd8#kq2Lm5v' https://x", "curl -u svc:'<redacted:password>' https://x"),
        (
            "curl --proxy-user 'px':'n3Rv!8qLz2' https://x",
            "curl --proxy-user 'px':'<redacted:password>' https://x",
        ),
        (
            'smbclient //fs/b -U "backup"%"Bx!r!YqrCs"',
            'smbclient //fs/b -U "backup"%"<redacted:password>"',
        ),
        ('lftp -u "svc","r7FEXg9pdJ" sftp://f', 'lftp -u "svc","<redacted:password>" sftp://f'),
        (
            'curl -u "ci-bot":"-x9Lq2#Tm7Vr" https://x',
            'curl -u "ci-bot":"<redacted:password>" https://x',
        ),
        (
            'curl --user "svc":"{Hq7rT2mVk9pLx4Zw}" https://x',
            'curl --user "svc":"<redacted:password>" https://x',
        ),
    ],
)
def test_a_quoted_password_piece_goes_with_its_quotes_kept(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A ``user:password`` word of quoted pieces (``"u":"p"``, ``u:'p'``): the password inside
    its own quotes goes, the quotes stay (no half-quote left beside the placeholder)."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'curl -u "${svc_user}":"${svc_pass}" https://x',
        "curl -u '$REG_USER':'$REG_PASS' https://x",
        'curl -u "{username}":"{password}" https://x',
        "curl -u {user}:{SERVICE_ACCOUNT_PASSWORD} https://x",
        'curl --user "$u":"$(pass show ci/api)" https://x',
        'curl -u deploy:"${DEPLOY_TOKEN}" https://x',
        'smbclient //fs/b -U "${SMB_USER}"%"${SMB_PASS}"',
        'lftp -u "$FTP_USER","$FTP_PASS" ftp.example.com',
        'git clone https://oauth2:"${CI_JOB_TOKEN}"@gitlab.example.com/g/r.git',
        'git clone https://"$GIT_USER":"$GIT_TOKEN"@git.example.com/r.git',
    ],
)
def test_a_quoted_reference_as_password_stays(anonymizer: Anonymizer, text: str) -> None:
    """A shell reference is no secret however its pieces are quoted (``"${u}":"${p}"``), and a
    URL's quoted reference before ``@`` is no quoted e-mail address either."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "ssh -p 2222 deploy@host",
        "docker run -p 8080:80 nginx",
        "mkdir -p /srv/app/data",
        "ipmitool -H bmc01 -p 623 -U root sol",
        "sqlcmd -S db -U sa -P $SA_PASSWORD -Q x",
        "sqlcmd -S db -U sa -P %SA_PASSWORD% -Q x",
        "keytool -list -storepass:env STOREPASS -keystore k.jks",
        "zip -P password b.zip ./x",
        "sqlplus / as sysdba",
        "sqlplus -s /nolog @scripts/run.sql",
        r"net use Z: \\fs01\share /user:ACME\bot /persistent:no",
        r"net use Z: \\fs01\share * /user:bot",
        "az group list -p westeurope",
        "echo done | tee -a build.log",
        "echo $PASSWORD | docker login -u a --password-stdin",
        "echo $SUDO_PASS | sudo -S reboot",
        "echo 1 | sudo tee /proc/sys/net/ipv4/ip_forward",
        "7z a -mhe=on s.7z ./vault",
        "rabbitmqctl list_users",
        "wpa_passphrase HomeNet < /run/psk.txt",
        'wpa_passphrase HomeNet "$WIFI_PSK"',
        "curl -u deploy https://example.org",
    ],
)
def test_ports_paths_references_and_prompts_on_command_lines_stay(
    anonymizer: Anonymizer, text: str
) -> None:
    """``-p`` is a port or ``parents`` for other commands; references, paths and prompts stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ключ shopify для стенда: prtapi_ab4dbefac909ffb82b07ec4cae4a5108 — удалить",
            "Ключ shopify для стенда: <redacted:secret-value> — удалить",
        ),
        (
            "der wifi-Schlüssel für die Staging-Umgebung lautet K1a_Sj#VFq9jY%v_xBJPTA7E - bitte",
            "der wifi-Schlüssel für die Staging-Umgebung lautet <redacted:secret-value> - bitte",
        ),
        (
            "ステージング用のflaskキーは 8ef0ba8e953381429348fa8e6eab0cbbcedec1d54765502d です。",
            "ステージング用のflaskキーは <redacted:secret-value> です。",
        ),
        (
            "la contraseña de staging es Zq8vT2mL9xK4pW7r (borrar)",
            "la contraseña de staging es <redacted:secret-value> (borrar)",
        ),
        ("Токен бота: 7f3kq9zmx2pl8vb4", "Токен бота: <redacted:secret-value>"),
        (
            "Hata: Stripe anahtarı Q7vLx2pT9sKw4mZr8N1b reddedildi.",  # noqa: RUF001
            "Hata: Stripe anahtarı <redacted:secret-value> reddedildi.",  # noqa: RUF001
        ),
        (
            "Mailgun rechazó la clave «k3Lm9Qx2Vb7Np4Rt8Wz1» hoy",
            "Mailgun rechazó la clave «<redacted:secret-value>» hoy",
        ),
        (
            "تم رفض كلمة المرور Zq8vT2mL9xK4pW7rA1 من الخادم",
            "تم رفض كلمة المرور <redacted:secret-value> من الخادم",
        ),
        (
            "오류: Mailgun 키 k3Lm9Qx2Vb7Np4Rt8Wz1 가 거부되었습니다.",
            "오류: Mailgun 키 <redacted:secret-value> 가 거부되었습니다.",
        ),
        (
            "सर्वर ने पासवर्ड Zq8vT2mL9xK4pW7rA1 अस्वीकार किया",
            "सर्वर ने पासवर्ड <redacted:secret-value> अस्वीकार किया",
        ),
        ("le jeton 7f3kq9zmx2pl8vb4xq1 a expiré", "le jeton <redacted:secret-value> a expiré"),
    ],
)
def test_a_value_after_a_secret_word_of_another_language_goes(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """Schlüssel, Ключ, キー, contraseña, Токен read as ``api key``, ``password``, ``token``."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "der Schlüssel für die Staging-Umgebung liegt im Tresor",
        "ключ кэша: 5f2c1d9a",
        "パスワードを入力してください。",
        "la contraseña es incorrecta",
        "Schlüssel-Version v1.2.3 wurde geladen",
        "la clave primaria es incorrecta",
        "Şifre en az 12 karakter olmalı",  # noqa: RUF001
        "مفتاح التشفير غير صالح",
        "패키지 k3Lm9Qx2Vb7Np4Rt8Wz1 설치됨",  # ``키`` inside ``패키지`` (package) names nothing
    ],
)
def test_prose_around_secret_words_of_other_languages_stays(
    anonymizer: Anonymizer, text: str
) -> None:
    """Words, short hex and versions after them are no secret, as after their English words."""
    assert anonymizer.anonymize(text) == text


def test_other_languages_read_their_value_as_the_english_word_does() -> None:
    """``foreign_lead(0)`` is ``secret-value``'s own pattern with a longer gap (kept in step)."""
    assert secret_words.foreign_lead(0).pattern == secret_words.INTRODUCED.replace(
        "{0,24}?", "{0,40}?"
    )


def test_a_digest_response_goes_and_a_content_digest_stays(anonymizer: Anonymizer) -> None:
    """HTTP Digest's ``response=`` hash is open to guessing the password; an image digest is not."""
    text = 'WWW-Authenticate: Digest realm="x"\r\nAuthorization: Digest username="app", response="f3e727a47717a31a6bb8be600509b9b3"'
    assert anonymizer.anonymize(text).endswith('response="<redacted:authorization>"')
    kept = "Docker-Content-Digest: sha256:" + "0b3dca96d6249813209a35b0f66da592" * 2
    assert anonymizer.anonymize(kept) == kept
    assert (
        anonymizer.anonymize("digest auth failed, response=401")
        == "digest auth failed, response=401"
    )


def test_reg_add_data_goes_when_its_value_name_names_a_secret(anonymizer: Anonymizer) -> None:
    """``reg add … /v NAME … /d DATA``: DATA is judged as a value under the key NAME."""
    text = r'reg add "HKCU\Software\Acme\ApiToken" /v BrowserlessToken /t REG_SZ /d "c0c10e8f8a9b2c3d4e5f6071829" /f'
    assert anonymizer.anonymize(text).endswith('/d "<redacted:token>" /f')
    kept = r'reg add HKLM\Software\App /v InstallDir /t REG_SZ /d "C:\Program Files\App" /f'
    assert anonymizer.anonymize(kept) == kept


def test_a_dockerfile_env_without_equals_is_read_as_a_key_and_value(
    anonymizer: Anonymizer,
) -> None:
    """``ENV KEY value`` (first on its line) is judged as ``KEY=value``; paths, references and
    names, and ``ENV`` elsewhere in a line, stay."""
    text = "FROM node:22-alpine\nENV NEO4J_AUTH neo4j/cktWtLX#5bHZcWZ%3HWu\n  ENV DB_PASSWORD Zq8vT2mL9x\n"
    expected = "FROM node:22-alpine\nENV NEO4J_AUTH <redacted:high-entropy>\n  ENV DB_PASSWORD <redacted:password>\n"
    assert anonymizer.anonymize(text) == expected
    for kept in (
        "ENV PATH /usr/local/bin:$PATH",
        "ENV API_TOKEN ${API_TOKEN}",
        "ENV NODE_ENV production",
        "echo ENV DB_PASSWORD Zq8vT2mL9x",
    ):
        assert anonymizer.anonymize(kept) == kept


@pytest.mark.parametrize(
    "text",
    [
        'ops/run.sh:7:curl -sS --user "deploy:Vq3#mTz8@Lw1x" https://ci.example.net/api',
        "$ grep -rn curl .\n./bin/sync:33:curl -u svc-sync:Hk7pQ2wZ9xLm https://x.example.org",
        "Makefile:curl --user ops:Rt5!vN8qWz2k https://h.example.com",
    ],
)
def test_a_command_after_a_grep_frame_is_read(anonymizer: Anonymizer, text: str) -> None:
    """``file:line:`` before a command at a line's start is grep's frame, not part of the word."""
    redacted = anonymizer.anonymize(text)
    assert "<redacted:password>" in redacted
    assert not any(secret in redacted for secret in ("Vq3#", "Hk7pQ2", "Rt5!"))


@pytest.mark.parametrize(
    "text",
    [
        "image: registry.example.org/tools:curl -u nobody:Hk7pQ2wZ9xLm",
        "see the docs at x: y:curl -u a:Hk7pQ2wZ9xLm",
    ],
)
def test_a_colon_inside_a_line_is_no_grep_frame(anonymizer: Anonymizer, text: str) -> None:
    """Only a frame that starts its line makes the word after it a command."""
    assert "Hk7pQ2wZ9xLm" in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    "text",
    [
        "curl -u <user:password> https://h.example.com/x",
        "docs.md:4:curl --user <name:secret> https://h",
    ],
)
def test_a_placeholder_pair_after_a_user_flag_stays(anonymizer: Anonymizer, text: str) -> None:
    """``<user:password>`` names what to put there; it holds no password."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "CQLSH_CMD=cqlsh db.internal 9042 -u ingest -p ':,#V20U)v5PNq^cgWUJ%D3^' --ssl",
            "CQLSH_CMD=cqlsh db.internal 9042 -u ingest -p '<redacted:password>' --ssl",
        ),
        (
            "OLLAMA_HOST:http://0.0.0.0:11434 CQLSH_CMD:cqlsh db.internal 9042 -u airflow -p"
            " 'XRqDn#%s4sK1T4miDyw%ZP.' --ssl OLLAMA_MODELS:/var/lib/ollama",
            "OLLAMA_HOST:http://0.0.0.0:11434 CQLSH_CMD:cqlsh db.internal 9042 -u airflow -p"
            " '<redacted:password>' --ssl OLLAMA_MODELS:/var/lib/ollama",
        ),
        (
            '{"text": ["loaded settings:\\n", "SQL=sqlcmd -S db -U sa -P Wq7rT2mVk9pLx4 -Q x\\n"]}',
            '{"text": ["loaded settings:\\n", "SQL=sqlcmd -S db -U sa -P <redacted:password> -Q x\\n"]}',
        ),
        (
            "[Service]\nExecStart=mongosh admin -u root -p uNv4hYzswCAjY7F --eval 'db.x()'",
            "[Service]\nExecStart=mongosh admin -u root -p <redacted:password> --eval 'db.x()'",
        ),
    ],
)
def test_a_command_line_as_a_variables_value_is_read(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A command line after a variable's ``=`` or ``:`` (env, an env print, systemd) is read."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "image: docker.io/library/mongo:7 -p 27017:27017",
        "DB_IMAGE=mongo:7",
        "ports=mongo -p",
        "CQLSH_CMD=cqlsh db.internal 9042 -u ingest -p $CQLSH_PASSWORD --ssl",
    ],
)
def test_a_variables_command_line_with_no_literal_stays(anonymizer: Anonymizer, text: str) -> None:
    """An image's tag, a name with no blank after it, a ``$reference`` password stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # detect-secrets' basic_auth negative fixture in a pandas frame's HTML (bench/contexts42)
        (
            "<tr><th>0</th><td>&quot;https://url:8000&quot;;@something else</td></tr>",
            None,
        ),
        ("<td>&#39;https://url:8000&#39;;@something else</td>", None),
        ("<td>&#x22;https://url:8000&#x22;;@something else</td>", None),
        # an ``&amp;`` in an HTML page's URL is a ``&`` of the password
        (
            '<a href="https://deploy:Zq8vT1mN&amp;4pXk@db.example.com/">db</a>',
            '<a href="https://deploy:<redacted:url-credentials>@db.example.com/">db</a>',
        ),
        (
            "<td>&quot;https://deploy:Zq8vT1mN4pXk@db.example.com&quot;</td>",
            "<td>&quot;https://deploy:<redacted:url-credentials>@db.example.com&quot;</td>",
        ),
    ],
)
def test_an_escaped_quote_ends_a_url_in_html(
    anonymizer: Anonymizer, text: str, expected: str | None
) -> None:
    """``&quot;``, ``&#39;`` or ``&#x22;`` before the ``@`` ends the URL (no password has one);
    a password with ``&amp;`` and one quoted by ``&quot;`` around the URL go."""
    assert anonymizer.anonymize(text) == (text if expected is None else expected)
