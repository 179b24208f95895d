"""A secret in its place of a library call's signature (``placed_args``), from the lead's form
probes (bench/probes43): signing and encryption keys, drivers' passwords, vendors' API keys, an
AWS secret key after its id, pexpect's reply to a password prompt; and what stays: names,
references, empty strings, other arguments, other calls."""

from __future__ import annotations

import re

import pytest

from fedlearn.anonymize import Anonymizer

WORDY = "314c_yb0i8nfmnuwedqb4r1vja1iqakg"
HEX = "9ee1ed0395237beb94834fa7b1135fe2"
SHORT = "Xk9fQ2pLm7"
REDACTED = re.compile(r"<redacted:([a-z0-9-]+)>")

FOUND = [
    # signing and encryption keys: Python, Node, Go, Java, PHP, Ruby
    (f'token = jwt.encode(payload, "{SHORT}", algorithm="HS256")', "secret"),
    (f'claims = jwt.decode(token, "{HEX}", algorithms=["HS256"])', "secret"),
    (f"const token = jwt.sign({{ sub: user.id }}, '{WORDY}', {{ expiresIn: '1h' }});", "secret"),
    (f"JWT::encode($payload, '{SHORT}', 'HS256');", "secret"),
    (f'  .signWith(SignatureAlgorithm.HS256, "{HEX}")\n  .compact();', "secret"),
    (f'signed, err := token.SignedString([]byte("{SHORT}"))', "secret"),
    (f'sig = hmac.new(b"{SHORT}", msg, hashlib.sha256).hexdigest()', "secret"),
    (f'mac = hmac.new("{HEX}".encode(), body, "sha256")', "secret"),
    (f"const sig = crypto.createHmac('sha256', '{HEX}').update(body).digest('hex');", "secret"),
    (f'mac := hmac.New(sha256.New, []byte("{SHORT}"))', "secret"),
    (f"$sig = hash_hmac('sha256', $body, '{SHORT}');", "secret"),
    (f"OpenSSL::HMAC.hexdigest('SHA256', '{SHORT}', data)", "secret"),
    (f'SecretKeySpec spec = new SecretKeySpec("{HEX}".getBytes(), "AES");', "secret"),
    (f'f = Fernet(b"{WORDY}")', "secret"),
    (f'cipher = AES.new(key=b"{SHORT}", mode=AES.MODE_GCM)', "secret"),
    (f"const c = crypto.createCipheriv('aes-256-cbc', Buffer.from('{HEX}'), iv);", "secret"),
    (f"app.use(cookieParser('{SHORT}'))", "secret"),
    # drivers' and protocol clients' passwords
    (f'credentials = pika.PlainCredentials("svc", "{SHORT}")', "password"),
    (f'conn = cx_Oracle.connect("scott", "{SHORT}", "db:1521/ORCL")', "password"),
    (f'Connection c = DriverManager.getConnection(url, "sa", "{SHORT}");', "password"),
    (
        f'Connection c = DriverManager.getConnection(\n    "jdbc:postgresql://db/app",\n    "app",\n    "{HEX}");',
        "password",
    ),
    (f"const sequelize = new Sequelize('prod', 'app', '{SHORT}', {{ host: 'db' }});", "password"),
    (f"$pdo = new PDO('mysql:host=db;dbname=prod', 'root', '{SHORT}');", "password"),
    (f'$db = new mysqli("db", "root", "{SHORT}", "shop");', "password"),
    (f'conn.simple_bind_s("cn=admin,dc=example,dc=org", "{SHORT}")', "password"),
    (f'l.bind_s("uid=svc,ou=people,dc=example,dc=org", "{SHORT}")', "password"),
    (f'env.put(Context.SECURITY_CREDENTIALS, "{SHORT}");', "password"),
    (f'smtp.login(user, "{HEX}")', "password"),
    (f'auth := smtp.PlainAuth("", user, "{SHORT}", "smtp.example.com")', "password"),
    (f'ftp = FTP("ftp.example.com", "upload", "{SHORT}")', "password"),
    (f'child.expect("Password:"); child.sendline("{SHORT}")', "password"),
    (f"p.expect(r'[Pp]assword:')\np.sendline('{HEX}')", "password"),
    # vendors' API keys
    (f"const stripe = new Stripe('{WORDY}', {{ apiVersion: '2023-10-16' }});", "api-key"),
    (f"const client = new Twilio(accountSid, '{HEX}');", "api-key"),
    (f"const client = require('twilio')(accountSid, '{HEX}');", "api-key"),
    (f'sg = SendGridAPIClient("{HEX}")', "api-key"),
    (f'g = Github("{WORDY}")', "api-key"),
    (f"const web = new WebClient('{HEX}');", "api-key"),
    (f'api := slack.New("{HEX}")', "api-key"),
    (f'var client = new OpenAIClient("{HEX}");', "api-key"),
    (f"Twilio::REST::Client.new(account_sid, '{HEX}')", "api-key"),
    (f'client = Client("AC0123456789abcdef0123456789abcdef", "{HEX}")', "api-key"),
    # an AWS secret key right after its key id
    (
        f'creds := credentials.NewStaticCredentials("AKIAIOSFODNN7EXAMPLF", "{SHORT}", "")',
        "aws-secret-key",
    ),
    (
        f'var creds = new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLF", "{HEX}");',
        "aws-secret-key",
    ),
]


@pytest.mark.parametrize(("text", "name"), FOUND)
def test_found(anonymizer: Anonymizer, text: str, name: str) -> None:
    out = anonymizer.anonymize(text)
    for value in (WORDY, HEX, SHORT):
        assert value not in out
    assert name in REDACTED.findall(out)


KEPT = [
    # names, references, empty strings in the secret's place
    'token = jwt.encode(payload, settings.SECRET_KEY, algorithm="HS256")',
    'claims = jwt.decode(token, "", options={"verify_signature": False})',
    "const token = jwt.sign({ sub: id }, process.env.JWT_SECRET, { expiresIn: '1h' });",
    "const sig = crypto.createHmac('sha256', secret).update(body).digest('hex');",
    "$sig = hash_hmac('sha256', $body, $key);",
    "Connection c = DriverManager.getConnection(url, user, password);",
    'Connection c = DriverManager.getConnection(url, "sa", "${DB_PASSWORD}");',
    'conn.simple_bind_s("cn=admin,dc=example,dc=org", os.environ["LDAP_PW"])',
    "smtp.login(user, password)",
    'child.expect("Password:"); child.sendline(os.environ["PW"])',
    "const client = new Twilio(accountSid, authToken);",
    "cipher = AES.new(key, AES.MODE_CBC, iv)",
    # the other arguments of these calls
    'jwt.decode(token, key, algorithms=["HS256"], audience="api.example.com")',
    'const sig = crypto.createHmac("sha256", key).update("payload-v2").digest("hex");',
    'hmac.new(key, b"message-body-2024", hashlib.sha256)',
    'FTP("ftp.example.com")',
    'DriverManager.getConnection("jdbc:postgresql://db:5432/app")',
    # a reply to another prompt; words a vendor's client is not built with
    'child.expect("Username:"); child.sendline("deploy-user-01")',
    'child.expect("\\\\$ "); child.sendline("ls -la /var/log")',
    'g = Github("octocat")',
    "const web = new WebClient('https://slack.example.com/api');",
    'client.login("admin", "password")',
    # a Twilio SID then a name, a reference
    'client = Client("AC0123456789abcdef0123456789abcdef", "notifications")',
    'client = Client("AC0123456789abcdef0123456789abcdef", os.environ["TWILIO_AUTH_TOKEN"])',
    # an AWS key id then a region, a bucket
    'cfg = Config("AKIAIOSFODNN7EXAMPLF", "us-east-1")',
    'cfg = Config("AKIAIOSFODNN7EXAMPLF", "ap-south-1")',
    's3 = S3("AKIAIOSFODNN7EXAMPLF", "acme-prod-backups-2024")',
]


@pytest.mark.parametrize("text", KEPT)
def test_kept(anonymizer: Anonymizer, text: str) -> None:
    assert "<redacted" not in anonymizer.anonymize(text).replace("<redacted:aws-access-key>", "")
