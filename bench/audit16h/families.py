"""Secret families of the eighth held-out corpus (issue 16): tokens of an AI/LLM stack's vendors and
tools, passwords in connection strings of less common drivers, private keys and JWKs, session
cookies, and signatures of signed URLs.

``TABLE``: ``name | provider word | ENV name | shape | source`` in audit16g's shape notation
(``'lit'`` a literal, ``X{n}`` n characters of alphabet X, ``uuid`` a UUID v4). ``GENERATED``:
families drawn by a function returning ``(value, secret)``: the value as a program holds it (a
connection string, a PEM block, a cookie, a URL) and the part of it that is the secret. ``kind``
says what the value is (``token``: one word; ``line``: a line with spaces or quotes; ``multi``:
several lines), so the contexts can place it as such a value is placed.

Sources (facts from public docs; lengths approximate where a vendor does not publish them):
``vendor``: the vendors' documentation of their key prefixes (Groq ``gsk_``, Replicate ``r8_``,
Perplexity ``pplx-``, xAI ``xai-``, OpenRouter ``sk-or-v1-``, LangSmith ``lsv2_pt_``/``lsv2_sk_``,
Pinecone ``pcsk_``, Tavily ``tvly-``, Firecrawl ``fc-``, E2B ``e2b_``, NVIDIA ``nvapi-``, …);
``conn``: the drivers' connection-string syntax (Microsoft ODBC/OLE DB/JDBC docs, MySQL
Connector/ODBC, psqlODBC, IBM Db2 JDBC, Snowflake JDBC, SQLAlchemy dialect URLs, RabbitMQ URI
spec, MQTT URI, OpenLDAP ``ldapsearch``, smb/sftp URIs, redis-py Sentinel URLs, Kafka JAAS
``sasl.jaas.config``, NATS, Neo4j); ``cookie``: the frameworks' session cookie names and value
shapes (Django, PHP, Java servlet, express-session ``s:`` signed, Rails, Laravel, ASP.NET,
Flask/itsdangerous, WordPress, GitLab, Grafana, Jupyter); ``signed``: S3 SigV4 and GCS V4
``X-Amz-Signature``/``X-Goog-Signature``, GCS V2 and CloudFront ``Signature``, Azure SAS ``sig``;
``key``: keys.py.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import random
import string
import urllib.parse
import uuid
from collections.abc import Callable

import keys

ALPHABETS = {
    "H": "0123456789abcdef",
    "K": "0123456789ABCDEF",
    "A": string.ascii_letters + string.digits,
    "a": string.ascii_lowercase + string.digits,
    "U": string.ascii_uppercase + string.digits,
    "B": string.ascii_letters + string.digits + "-_",
    "b": string.ascii_letters + string.digits + "+/",
    "D": string.digits,
    "L": string.ascii_lowercase,
    "Z": string.ascii_uppercase + "234567",
    "P": string.ascii_letters + string.digits + "!#%^*()-_+=.,:",
    "S": string.ascii_letters + string.digits + "-._~",
}

TABLE = r"""
groq-api-key | groq | GROQ_API_KEY | 'gsk_' A{52} | vendor
replicate-token | replicate | REPLICATE_API_TOKEN | 'r8_' A{37} | vendor
perplexity-key | perplexity | PERPLEXITY_API_KEY | 'pplx-' A{48} | vendor
xai-key | xai | XAI_API_KEY | 'xai-' A{80} | vendor
openrouter-key | openrouter | OPENROUTER_API_KEY | 'sk-or-v1-' H{64} | vendor
langsmith-pat | langsmith | LANGSMITH_API_KEY | 'lsv2_pt_' H{32} '_' H{10} | vendor
langsmith-service-key | langsmith | LANGCHAIN_API_KEY | 'lsv2_sk_' H{32} '_' H{10} | vendor
pinecone-key | pinecone | PINECONE_API_KEY | 'pcsk_' A{6} '_' A{63} | vendor
tavily-key | tavily | TAVILY_API_KEY | 'tvly-' A{32} | vendor
firecrawl-key | firecrawl | FIRECRAWL_API_KEY | 'fc-' H{32} | vendor
e2b-key | e2b | E2B_API_KEY | 'e2b_' H{40} | vendor
nvidia-nim-key | nvidia | NVIDIA_API_KEY | 'nvapi-' B{64} | vendor
voyage-key | voyage | VOYAGE_API_KEY | 'pa-' B{43} | vendor
together-key | together | TOGETHER_API_KEY | H{64} | vendor
azure-openai-key | azureopenai | AZURE_OPENAI_API_KEY | H{32} | vendor
litellm-virtual-key | litellm | LITELLM_MASTER_KEY | 'sk-' B{22} | vendor
openwebui-api-key | openwebui | OPENWEBUI_API_KEY | 'sk-' H{32} | vendor
qdrant-cloud-key | qdrant | QDRANT__SERVICE__API_KEY | A{24} '_' A{30} | vendor
weaviate-key | weaviate | WEAVIATE_API_KEY | A{40} | vendor
mixedbread-key | mixedbread | MXBAI_API_KEY | 'mxb_' A{40} | vendor
nomic-key | nomic | NOMIC_API_KEY | 'nk-' B{43} | vendor
runpod-key | runpod | RUNPOD_API_KEY | 'rpa_' U{48} | vendor
literalai-key | literalai | LITERAL_API_KEY | 'lsk_' A{43} | vendor
unkey-root-key | unkey | UNKEY_ROOT_KEY | 'unkey_' A{24} | vendor
trigger-secret | trigger | TRIGGER_SECRET_KEY | 'tr_prod_' A{20} | vendor
portkey-key | portkey | PORTKEY_API_KEY | A{32} | vendor
polar-oat | polar | POLAR_ACCESS_TOKEN | 'polar_oat_' A{43} | vendor
coralogix-key | coralogix | CORALOGIX_PRIVATE_KEY | 'cxtp_' A{30} | vendor
chromatic-token | chromatic | CHROMATIC_PROJECT_TOKEN | 'chpt_' H{14} | vendor
exoscale-key | exoscale | EXOSCALE_API_KEY | 'EXO' H{24} | vendor
upcloud-token | upcloud | UPCLOUD_TOKEN | 'ucat_' U{26} | vendor
woocommerce-key | woocommerce | WC_CONSUMER_KEY | 'ck_' H{40} | vendor
appwrite-key | appwrite | APPWRITE_API_KEY | 'standard_' H{256} | vendor
aiven-password | aiven | AIVEN_SERVICE_PASSWORD | 'AVNS_' B{19} | vendor
retool-token | retool | RETOOL_API_TOKEN | 'retool_' H{32} | vendor
dbt-cloud-token | dbt | DBT_CLOUD_API_TOKEN | 'dbtu_' B{40} | vendor
lightdash-pat | lightdash | LIGHTDASH_API_KEY | 'ldpat_' H{32} | vendor
upstage-key | upstage | UPSTAGE_API_KEY | 'up_' A{29} | vendor
luma-key | luma | LUMAAI_API_KEY | 'luma-' uuid '-' B{43} | vendor
cartesia-key | cartesia | CARTESIA_API_KEY | 'sk_car_' A{24} | vendor
humanloop-key | humanloop | HUMANLOOP_API_KEY | 'hl_sk_' H{48} | vendor
promptlayer-key | promptlayer | PROMPTLAYER_API_KEY | 'pl_' H{32} | vendor
traceloop-key | traceloop | TRACELOOP_API_KEY | 'tl_' H{32} | vendor
daytona-key | daytona | DAYTONA_API_KEY | 'dtn_' H{64} | vendor
steel-key | steel | STEEL_API_KEY | 'ste-' A{60} | vendor
hyperbrowser-key | hyperbrowser | HYPERBROWSER_API_KEY | 'hb_' H{32} | vendor
netbird-pat | netbird | NB_API_TOKEN | 'nbp_' A{30} A{6} | vendor
ory-pat | ory | ORY_API_KEY | 'ory_pat_' A{32} | vendor
coingecko-key | coingecko | COINGECKO_API_KEY | 'CG-' A{25} | vendor
kong-pat | kong | KONNECT_TOKEN | 'kpat_' A{47} | vendor
kong-system-token | kong | KONG_SYSTEM_TOKEN | 'spat_' A{47} | vendor
tabby-token | tabby | TABBY_WEBSERVER_TOKEN | 'auth_' H{32} | stack
dify-app-key | dify | DIFY_APP_API_KEY | 'app-' A{24} | stack
dify-dataset-key | dify | DIFY_DATASET_API_KEY | 'dataset-' A{24} | stack
langwatch-key | langwatch | LANGWATCH_API_KEY | 'sk-lw-' A{48} | stack
ragflow-key | ragflow | RAGFLOW_API_KEY | 'ragflow-' A{32} | stack
onyx-key | onyx | ONYX_API_KEY | 'on_' B{96} | stack
anythingllm-key | anythingllm | ANYTHINGLLM_API_KEY | U{7} '-' U{7} '-' U{7} '-' U{7} | stack
flowise-key | flowise | FLOWISE_API_KEY | B{43} | stack
khoj-token | khoj | KHOJ_API_TOKEN | 'kk-' B{43} | stack
searxng-secret | searxng | SEARXNG_SECRET | H{64} | stack
librechat-creds-key | librechat | CREDS_KEY | H{64} | stack
librechat-jwt-secret | librechat | JWT_REFRESH_SECRET | H{64} | stack
vllm-api-key | vllm | VLLM_API_KEY | A{40} | stack
sglang-api-key | sglang | SGLANG_API_KEY | B{32} | stack
tabbyapi-admin-key | tabbyapi | TABBY_ADMIN_KEY | H{32} | stack
llamafile-api-key | llamafile | LLAMAFILE_API_KEY | A{36} | stack
textgenwebui-api-key | textgenwebui | OPENEDAI_API_KEY | H{48} | stack
koboldcpp-password | koboldcpp | KOBOLDCPP_PASSWORD | A{20} | stack
lobechat-access-code | lobechat | ACCESS_CODE | A{16} | stack
letta-password | letta | LETTA_SERVER_PASSWORD | B{32} | stack
mlflow-password | mlflow | MLFLOW_TRACKING_PASSWORD | A{24} | stack
opik-key | opik | OPIK_API_KEY | A{40} | stack
signoz-ingestion-key | signoz | SIGNOZ_INGESTION_KEY | B{40} | stack
garage-secret | garage | GARAGE_SECRET_KEY | H{64} | stack
forgejo-token | forgejo | FORGEJO_TOKEN | H{40} | stack
nocodb-token | nocodb | NC_XC_TOKEN | A{40} | stack
baserow-token | baserow | BASEROW_DB_TOKEN | A{32} | stack
directus-token | directus | DIRECTUS_STATIC_TOKEN | B{32} | stack
casdoor-secret | casdoor | CASDOOR_CLIENT_SECRET | H{40} | stack
vaultwarden-admin-token | vaultwarden | VW_ADMIN_TOKEN | b{64} | stack
paperless-token | paperless | PAPERLESS_API_TOKEN | H{40} | stack
immich-key | immich | IMMICH_API_KEY | A{43} | stack
nextcloud-app-password | nextcloud | NEXTCLOUD_APP_PASSWORD | A{5} '-' A{5} '-' A{5} '-' A{5} '-' A{5} | stack
jellyfin-key | jellyfin | JELLYFIN_API_KEY | H{32} | stack
emqx-secret | emqx | EMQX_API_SECRET | A{48} | stack
deepinfra-key | deepinfra | DEEPINFRA_API_TOKEN | A{32} | stack
speechmatics-key | speechmatics | SPEECHMATICS_API_KEY | A{32} | stack
hume-key | hume | HUME_SECRET_KEY | A{48} | stack
civo-key | civo | CIVO_TOKEN | A{50} | stack
paperspace-key | paperspace | PAPERSPACE_API_KEY | H{32} | stack
headscale-preauth | headscale | HEADSCALE_PREAUTH_KEY | H{48} | stack
twingate-key | twingate | TWINGATE_API_KEY | B{60} | stack
jupyter-server-token | jupyter | JUPYTER_TOKEN | H{48} | stack
frigate-password | frigate | FRIGATE_RTSP_PASSWORD | A{18} | stack
fluentbit-http-passwd | fluentbit | FLB_HTTP_PASSWD | P{20} | stack
"""


def draw(parts: list[tuple[str, object]], rng: random.Random) -> str:
    out: list[str] = []
    for kind, arg in parts:
        if kind == "lit":
            out.append(str(arg))
        elif kind == "uuid":
            out.append(str(uuid.UUID(int=rng.getrandbits(128), version=4)))
        else:
            out.append("".join(rng.choice(ALPHABETS[kind]) for _ in range(int(str(arg)))))
    return "".join(out)


def s(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(ALPHABETS[alphabet]) for _ in range(n))


def pw(rng: random.Random) -> str:
    """A password a person or a generator sets: letters, digits and punctuation."""
    return s(rng, "P", rng.randrange(14, 24))


def upw(rng: random.Random) -> str:
    """A password meant for a URL: unreserved characters only."""
    return s(rng, "S", rng.randrange(16, 28))


def user(rng: random.Random) -> str:
    return rng.choice(["svc_app", "etl", "reporting", "app_rw", "ingest", "airflow", "svc-ml"])


Gen = Callable[[random.Random], tuple[str, str]]


def conn(fmt: str, pwfn: Callable[[random.Random], str] = pw) -> Gen:
    def gen(rng: random.Random) -> tuple[str, str]:
        secret = pwfn(rng)
        return fmt.format(u=user(rng), p=secret, h=s(rng, "L", 5), n=rng.randrange(1, 9)), secret

    return gen


def odbc_braced(rng: random.Random) -> tuple[str, str]:
    secret = pw(rng).replace("}", "") + rng.choice(";=") + s(rng, "A", 4)
    text = f"Driver={{ODBC Driver 18 for SQL Server}};Server=tcp:sql-{s(rng, 'L', 5)}.acme.example,1433;Database=app;Uid={user(rng)};Pwd={{{secret}}};Encrypt=yes;TrustServerCertificate=no;"
    return text, secret


def sas(rng: random.Random) -> tuple[str, str]:
    sig = urllib.parse.quote(base64.b64encode(keys.rand(rng, 32)).decode(), safe="")
    url = (
        f"https://st{s(rng, 'a', 10)}.blob.core.windows.net/models/adapter.safetensors?sv=2022-11-02&ss=b&srt=o"
        f"&sp=r&se=2026-12-06T10:00:00Z&st=2026-12-05T10:00:00Z&spr=https&sig={sig}"
    )
    return url, sig


def s3_presigned(rng: random.Random) -> tuple[str, str]:
    sig = keys.rand(rng, 32).hex()
    url = (
        f"https://ml-artifacts-{s(rng, 'a', 6)}.s3.eu-west-1.amazonaws.com/runs/{uuid.UUID(int=rng.getrandbits(128), version=4)}/model.gguf"
        "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261205T101500Z&X-Amz-Expires=3600"
        f"&X-Amz-SignedHeaders=host&X-Amz-Signature={sig}"
    )
    return url, sig


def gcs_v4(rng: random.Random) -> tuple[str, str]:
    sig = keys.rand(rng, 256).hex()
    url = (
        f"https://storage.googleapis.com/eval-sets-{s(rng, 'a', 6)}/golden.jsonl?X-Goog-Algorithm=GOOG4-RSA-SHA256"
        "&X-Goog-Date=20261205T101500Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host"
        f"&X-Goog-Signature={sig}"
    )
    return url, sig


def gcs_v2(rng: random.Random) -> tuple[str, str]:
    sig = urllib.parse.quote(base64.b64encode(keys.rand(rng, 256)).decode(), safe="")
    url = f"https://storage.googleapis.com/datasets-{s(rng, 'a', 6)}/train.parquet?Expires=1765020000&Signature={sig}"
    return url, sig


def cloudfront(rng: random.Random) -> tuple[str, str]:
    raw = base64.b64encode(keys.rand(rng, 128)).decode()
    sig = raw.replace("+", "-").replace("=", "_").replace("/", "~")
    url = f"https://d{s(rng, 'a', 13)}.cloudfront.net/exports/chat-logs.tar.zst?Expires=1765020000&Signature={sig}&Key-Pair-Id=K2JCJMDEHXQW5F"
    return url, sig


def cookie(name: str, shape: Callable[[random.Random], str]) -> Gen:
    def gen(rng: random.Random) -> tuple[str, str]:
        value = shape(rng)
        return f"{name}={value}", value

    return gen


def express_sid(rng: random.Random) -> str:
    sid = s(rng, "B", 32)
    mac = (
        base64.b64encode(hmac.new(keys.rand(rng, 16), sid.encode(), hashlib.sha256).digest())
        .decode()
        .rstrip("=")
    )
    return urllib.parse.quote(f"s:{sid}.{mac}", safe="")


def rails_session(rng: random.Random) -> str:
    data = base64.b64encode(keys.rand(rng, 96)).decode()
    return urllib.parse.quote(data, safe="") + "--" + keys.rand(rng, 20).hex()


def laravel_session(rng: random.Random) -> str:
    body = f'{{"iv":"{base64.b64encode(keys.rand(rng, 16)).decode()}","value":"{base64.b64encode(keys.rand(rng, 48)).decode()}","mac":"{keys.rand(rng, 32).hex()}","tag":""}}'
    return urllib.parse.quote(base64.b64encode(body.encode()).decode(), safe="")


def flask_session(rng: random.Random) -> str:
    return (
        "."
        + keys.b64u(keys.rand(rng, 40))
        + "."
        + s(rng, "B", 6)
        + "."
        + keys.b64u(keys.rand(rng, 20))
    )


def wp_logged_in(rng: random.Random) -> str:
    return urllib.parse.quote(
        f"editor|1765880000|{s(rng, 'A', 43)}|{keys.rand(rng, 32).hex()}", safe=""
    )


def aspnetcore(rng: random.Random) -> str:
    return "CfDJ8" + s(rng, "B", 300)


GENERATED: list[tuple[str, str, str, Gen, str, str]] = [
    # connection strings (kind line/token); word, env
    ("odbc-sqlserver-pwd", "odbc", "SQLSERVER_ODBC_CONNECTION", odbc_braced, "conn", "line"),
    (
        "odbc-mysql-password",
        "odbc",
        "MYSQL_ODBC_DSN",
        conn(
            "DRIVER={{MySQL ODBC 8.0 Unicode Driver}};SERVER=mysql-{h}.internal;PORT=3306;DATABASE=app;USER={u};PASSWORD={p};OPTION=3;"
        ),
        "conn",
        "line",
    ),
    (
        "odbc-psqlodbc-pwd",
        "odbc",
        "PG_ODBC_CONNECTION",
        conn(
            "Driver={{PostgreSQL Unicode}};Server=pg-{h}.internal;Port=5432;Database=feature_store;Uid={u};Pwd={p};sslmode=require;"
        ),
        "conn",
        "line",
    ),
    (
        "oledb-password",
        "oledb",
        "LEGACY_OLEDB_CONNECTION",
        conn(
            "Provider=MSOLEDBSQL;Data Source=sql-{h}.acme.example;Initial Catalog=Telemetry;User ID={u};Password={p};Use Encryption for Data=Mandatory"
        ),
        "conn",
        "line",
    ),
    (
        "jdbc-sqlserver-password",
        "jdbc",
        "JDBC_SQLSERVER_URL",
        conn(
            "jdbc:sqlserver://sql-{h}.acme.example:1433;databaseName=app;user={u};password={p};encrypt=true"
        ),
        "conn",
        "token",
    ),
    (
        "jdbc-mysql-query-password",
        "jdbc",
        "JDBC_MYSQL_URL",
        conn(
            "jdbc:mysql://mysql-{h}:3306/app?user={u}&password={p}&useSSL=true&serverTimezone=UTC",
            upw,
        ),
        "conn",
        "token",
    ),
    (
        "jdbc-db2-password",
        "db2",
        "DB2_JDBC_URL",
        conn(
            "jdbc:db2://db2-{h}.acme.example:50000/BLUDB:user=db2inst1;password={p};sslConnection=true;",
            upw,
        ),
        "conn",
        "token",
    ),
    (
        "jdbc-snowflake-password",
        "snowflake",
        "SNOWFLAKE_JDBC_URL",
        conn(
            "jdbc:snowflake://xy{n}2345.eu-central-1.snowflakecomputing.com/?user={u}&password={p}&warehouse=ML_WH&db=EVALS",
            upw,
        ),
        "conn",
        "token",
    ),
    (
        "sqlalchemy-mssql-pyodbc",
        "sqlalchemy",
        "SQLALCHEMY_DATABASE_URI",
        conn(
            "mssql+pyodbc://{u}:{p}@sql-{h}.acme.example:1433/app?driver=ODBC+Driver+18+for+SQL+Server&TrustServerCertificate=yes",
            upw,
        ),
        "conn",
        "token",
    ),
    (
        "sqlalchemy-oracle",
        "sqlalchemy",
        "ORACLE_SQLALCHEMY_URL",
        conn("oracle+oracledb://{u}:{p}@ora-{h}.acme.example:1521/?service_name=FREEPDB1", upw),
        "conn",
        "token",
    ),
    (
        "sqlalchemy-clickhouse",
        "clickhouse",
        "CLICKHOUSE_URL",
        conn("clickhouse+native://default:{p}@ch-{h}.internal:9440/default?secure=True", upw),
        "conn",
        "token",
    ),
    (
        "sqlalchemy-trino",
        "trino",
        "TRINO_URL",
        conn("trino://{u}:{p}@trino-{h}.acme.example:443/hive/default?http_scheme=https", upw),
        "conn",
        "token",
    ),
    (
        "amqps-password",
        "amqp",
        "CELERY_BROKER_URL",
        conn("amqps://{u}:{p}@rabbit-{h}.acme.example:5671/%2Fprod?heartbeat=30", upw),
        "conn",
        "token",
    ),
    (
        "mqtt-password",
        "mqtt",
        "MQTT_BROKER_URL",
        conn("mqtts://edge-0{n}:{p}@broker-{h}.iot.example:8883", upw),
        "conn",
        "token",
    ),
    (
        "ldapsearch-bindpw",
        "ldapsearch",
        "LDAP_SEARCH_CMD",
        conn(
            'ldapsearch -H ldaps://ldap-{h}.acme.example:636 -D "cn=svc-ai,ou=apps,dc=acme,dc=example" -w \'{p}\' -b "ou=people,dc=acme,dc=example" "(uid=jdoe)"'
        ),
        "conn",
        "line",
    ),
    (
        "smb-url-password",
        "smb",
        "SMB_SHARE_URL",
        conn("smb://ACME;{u}:{p}@fs0{n}.acme.example/models", upw),
        "conn",
        "token",
    ),
    (
        "sftp-url-password",
        "sftp",
        "SFTP_UPLOAD_URL",
        conn("sftp://deploy:{p}@files-{h}.acme.example:2222/upload/datasets", upw),
        "conn",
        "token",
    ),
    (
        "redis-sentinel-password",
        "sentinel",
        "REDIS_SENTINEL_URL",
        conn("redis+sentinel://:{p}@sentinel-0.{h}:26379,sentinel-1.{h}:26379/mymaster/0", upw),
        "conn",
        "token",
    ),
    (
        "kafka-jaas-plain",
        "jaas",
        "KAFKA_SASL_JAAS_CONFIG",
        conn(
            'org.apache.kafka.common.security.plain.PlainLoginModule required username="{u}" password="{p}";'
        ),
        "conn",
        "line",
    ),
    (
        "kafka-jaas-scram",
        "jaas",
        "SASL_JAAS_CONFIG",
        conn(
            'org.apache.kafka.common.security.scram.ScramLoginModule required username="{u}" password="{p}";'
        ),
        "conn",
        "line",
    ),
    (
        "nats-url-password",
        "nats",
        "NATS_URL",
        conn("nats://{u}:{p}@nats-{h}.internal:4222", upw),
        "conn",
        "token",
    ),
    (
        "neo4j-url-password",
        "neo4j",
        "NEO4J_URI",
        conn("neo4j+s://neo4j:{p}@{h}{n}.databases.neo4j.io", upw),
        "conn",
        "token",
    ),
    (
        "elastic-url-password",
        "elasticsearch",
        "ES_URL",
        conn("https://elastic:{p}@es-{h}.acme.example:9200", upw),
        "conn",
        "token",
    ),
    (
        "cqlsh-password",
        "cassandra",
        "CQLSH_CMD",
        conn("cqlsh cassandra-{h}.internal 9042 -u {u} -p '{p}' --ssl"),
        "conn",
        "line",
    ),
    (
        "jndi-credentials",
        "jndi",
        "JNDI_PROPERTIES",
        conn(
            "java.naming.provider.url=ldaps://ldap-{h}.acme.example:636\njava.naming.security.principal=cn={u},ou=apps,dc=acme,dc=example\njava.naming.security.credentials={p}"
        ),
        "conn",
        "multi",
    ),
    (
        "odbc-ini-stanza",
        "odbcini",
        "ODBC_INI",
        conn(
            "[warehouse]\nDriver=/opt/simba/spark/lib/64/libsparkodbc_sb64.so\nHost=adb-{n}.azuredatabricks.example\nPort=443\nUID={u}\nPWD={p}\nSSL=1"
        ),
        "conn",
        "multi",
    ),
    # keys
    ("ec-sec1-pem", "sec1", "JWT_SIGNING_KEY_PEM", keys.ec_pem, "key", "multi"),
    ("rsa-pkcs1-pem", "pkcs1", "SAML_SP_PRIVATE_KEY", keys.rsa_pem, "key", "multi"),
    ("ed25519-pkcs8-pem", "ed25519", "ED25519_PRIVATE_KEY", keys.ed25519_pem, "key", "multi"),
    ("x25519-pkcs8-pem", "x25519", "HPKE_PRIVATE_KEY", keys.x25519_pem, "key", "multi"),
    ("jwk-ec-d", "jwk", "OIDC_SIGNING_JWK", keys.jwk_ec, "key", "line"),
    ("jwk-rsa-d", "jwk", "JWKS_PRIVATE", keys.jwk_rsa, "key", "line"),
    ("jwk-okp-d", "jwk", "ECDH_JWK", keys.jwk_okp, "key", "line"),
    ("jwk-oct-k", "jwk", "HMAC_JWK", keys.jwk_oct, "key", "line"),
    ("pgp-private-block", "pgp", "GPG_PRIVATE_KEY", keys.pgp_private, "key", "multi"),
    ("putty-ppk-private", "putty", "PUTTY_KEY", keys.putty_ppk, "key", "multi"),
    ("age-secret-key", "age", "SOPS_AGE_KEY", keys.age_secret, "key", "token"),
    ("wireguard-private-key", "wireguard", "WG_PRIVATE_KEY", keys.wireguard, "key", "token"),
    # session cookies
    (
        "django-sessionid",
        "django",
        "DJANGO_SESSION_COOKIE",
        cookie("sessionid", lambda r: s(r, "a", 32)),
        "cookie",
        "token",
    ),
    (
        "php-sessid",
        "phpsessid",
        "PHP_SESSION_COOKIE",
        cookie("PHPSESSID", lambda r: s(r, "a", 26)),
        "cookie",
        "token",
    ),
    (
        "java-jsessionid",
        "jsessionid",
        "JSESSION_COOKIE",
        cookie("JSESSIONID", lambda r: s(r, "K", 32)),
        "cookie",
        "token",
    ),
    (
        "express-connect-sid",
        "connect",
        "EXPRESS_SESSION_COOKIE",
        cookie("connect.sid", express_sid),
        "cookie",
        "token",
    ),
    (
        "rails-session",
        "rails",
        "RAILS_SESSION_COOKIE",
        cookie("_webapp_session", rails_session),
        "cookie",
        "token",
    ),
    (
        "laravel-session",
        "laravel",
        "LARAVEL_SESSION_COOKIE",
        cookie("laravel_session", laravel_session),
        "cookie",
        "token",
    ),
    (
        "aspnet-sessionid",
        "aspnet",
        "ASPNET_SESSION_COOKIE",
        cookie("ASP.NET_SessionId", lambda r: s(r, "a", 24)),
        "cookie",
        "token",
    ),
    (
        "aspnetcore-cookies",
        "aspnetcore",
        "AUTH_COOKIE",
        cookie(".AspNetCore.Cookies", aspnetcore),
        "cookie",
        "token",
    ),
    (
        "flask-session",
        "flask",
        "FLASK_SESSION_COOKIE",
        cookie("session", flask_session),
        "cookie",
        "token",
    ),
    (
        "wordpress-logged-in",
        "wordpress",
        "WP_AUTH_COOKIE",
        cookie("wordpress_logged_in_" + "5d41402abc4b2a76b9719d911017c592", wp_logged_in),
        "cookie",
        "token",
    ),
    (
        "gitlab-session",
        "gitlab",
        "GITLAB_SESSION_COOKIE",
        cookie("_gitlab_session", lambda r: s(r, "H", 32)),
        "cookie",
        "token",
    ),
    (
        "grafana-session",
        "grafana",
        "GRAFANA_SESSION_COOKIE",
        cookie("grafana_session", lambda r: s(r, "H", 32)),
        "cookie",
        "token",
    ),
    (
        "jupyter-token-cookie",
        "jupyter",
        "JUPYTER_COOKIE",
        cookie(
            "username-localhost-8888",
            lambda r: urllib.parse.quote(
                "2|1:0|10:1764929051|23:username-localhost-8888|"
                + s(r, "A", 200)
                + "|"
                + keys.rand(r, 32).hex(),
                safe="",
            ),
        ),
        "cookie",
        "token",
    ),
    # signed URLs
    (
        "s3-presigned-signature",
        "presigned",
        "ARTIFACT_DOWNLOAD_URL",
        s3_presigned,
        "signed",
        "token",
    ),
    ("gcs-v4-signature", "gcs", "EVAL_SET_URL", gcs_v4, "signed", "token"),
    ("gcs-v2-signature", "gcs", "DATASET_URL", gcs_v2, "signed", "token"),
    ("azure-sas-sig", "sas", "ADAPTER_SAS_URL", sas, "signed", "token"),
    ("cloudfront-signature", "cloudfront", "EXPORT_URL", cloudfront, "signed", "token"),
]


def parse() -> list[dict[str, object]]:
    """Every family as a dict: name, word, env, parts (or gen), source, kind."""
    rows: list[dict[str, object]] = []
    for line in TABLE.strip().splitlines():
        name, word, env, rest = (cell.strip() for cell in line.split("|", 3))
        shape, source = (cell.strip() for cell in rest.rsplit("|", 1))
        parts: list[tuple[str, object]] = []
        for item in shape.split(" "):
            if item.startswith("'"):
                parts.append(("lit", item.strip("'")))
            elif item == "uuid":
                parts.append(("uuid", None))
            else:
                parts.append((item[0], int(item[2:-1])))
        rows.append(
            {
                "name": name,
                "word": word,
                "env": env,
                "parts": parts,
                "source": source,
                "kind": "token",
            }
        )
    for name, word, env, gen, source, kind in GENERATED:
        rows.append(
            {
                "name": name,
                "word": word,
                "env": env,
                "gen": gen,
                "parts": [],
                "source": source,
                "kind": kind,
            }
        )
    return rows


def value(family: dict, rng: random.Random) -> tuple[str, str]:
    """One value of the family and the secret in it."""
    if "gen" in family:
        return family["gen"](rng)  # type: ignore[operator,no-any-return]
    token = draw(family["parts"], rng)  # type: ignore[arg-type]
    return token, token


def mosquitto_hash(rng: random.Random) -> tuple[str, str]:
    """A mosquitto_passwd line: ``user:$7$iterations$salt$hash`` (PBKDF2-SHA512)."""
    salt = base64.b64encode(keys.rand(rng, 12)).decode()
    digest = base64.b64encode(keys.rand(rng, 64)).decode()
    return f"edge-gw:$7$101${salt}${digest}", digest


def zigbee_network_key(rng: random.Random) -> tuple[str, str]:
    """Zigbee2MQTT ``advanced.network_key``: 16 numbers."""
    text = "[" + ", ".join(str(b) for b in keys.rand(rng, 16)) + "]"
    return text, text


def uptrace_dsn(rng: random.Random) -> tuple[str, str]:
    token = s(rng, "B", 22)
    return f"https://{token}@uptrace.acme.example?grpc=4317", token


def a1111_auth(rng: random.Random) -> tuple[str, str]:
    secret = upw(rng)
    return f"sdadmin:{secret}", secret


def homeassistant_token(rng: random.Random) -> tuple[str, str]:
    head = keys.b64u(b'{"alg":"HS256","typ":"JWT"}')
    body = keys.b64u(
        (f'{{"iss":"{keys.rand(rng, 16).hex()}","iat":1764929051,"exp":2080289051}}').encode()
    )
    sig = keys.b64u(keys.rand(rng, 32))
    return f"{head}.{body}.{sig}", f"{body}.{sig}"


def prometheus_remote_pw(rng: random.Random) -> tuple[str, str]:
    secret = pw(rng)
    return (
        f"basic_auth: {{username: '{rng.randrange(100000, 999999)}', password: '{secret}'}}",
        secret,
    )


GENERATED.extend(
    [
        (
            "mosquitto-passwd-hash",
            "mosquitto",
            "MOSQUITTO_PASSWD",
            mosquitto_hash,
            "stack",
            "token",
        ),
        (
            "zigbee2mqtt-network-key",
            "zigbee2mqtt",
            "ZIGBEE_NETWORK_KEY",
            zigbee_network_key,
            "stack",
            "line",
        ),
        ("uptrace-dsn-token", "uptrace", "UPTRACE_DSN", uptrace_dsn, "stack", "token"),
        ("automatic1111-api-auth", "automatic1111", "A1111_API_AUTH", a1111_auth, "stack", "token"),
        (
            "homeassistant-long-lived",
            "homeassistant",
            "HASS_TOKEN",
            homeassistant_token,
            "stack",
            "token",
        ),
        (
            "prometheus-remote-write-pw",
            "prometheus",
            "REMOTE_WRITE_AUTH",
            prometheus_remote_pw,
            "stack",
            "line",
        ),
    ]
)
