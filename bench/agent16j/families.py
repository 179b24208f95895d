"""Secret families of the agent-telemetry corpus (bench/agent16j), written blind: from vendors'
published token formats and from what a self-hosted AI stack's agents handle, not from the
anonymizer's rules or an earlier corpus.

Each family is a dict: ``name``, ``kind`` (``token``: one value; ``pair``: an id then a secret, both
placed; ``url``: a URL whose password / signature is the secret; ``pem``: a multi-line key block,
the secret one body line; ``pii``: personal data), ``word`` (the vendor word), ``envs`` (the
canonical value names), ``parts`` (``[("lit", prefix)]`` when the format has a literal start, for
bench/corpus_cover.py) and ``gen(rng) -> (values, secret, also)``.
"""

from __future__ import annotations

import base64
import json
import random
import string
import uuid
import zlib
from collections.abc import Callable

LOW = string.ascii_lowercase
UP = string.ascii_uppercase
DIG = string.digits
HEX = "0123456789abcdef"
ALNUM = LOW + UP + DIG
LOWNUM = LOW + DIG
UPNUM = UP + DIG
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"
B32 = UP + "234567"
BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

FAMILIES: list[dict] = []


def c(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def b64(raw: bytes, url: bool = False) -> str:
    out = base64.urlsafe_b64encode(raw) if url else base64.b64encode(raw)
    return out.decode()


def uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def base62(n: int, width: int) -> str:
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = (DIG + UP + LOW)[r] + out
    return out.rjust(width, "0")


def fam(name: str, kind: str, word: str, envs: list[str], gen: Callable, lit: str = "") -> None:
    FAMILIES.append(
        {
            "name": name,
            "kind": kind,
            "word": word,
            "envs": envs,
            "parts": [("lit", lit)] if lit else [],
            "gen": gen,
        }
    )


def tok(name: str, word: str, env: str, lit: str, *spec: tuple[str, int] | str) -> None:
    """A one-value token: ``lit`` then the spec's pieces (an (alphabet, length) or a literal)."""

    def gen(rng: random.Random) -> tuple[list[str], str, list[str]]:
        v = lit + "".join(p if isinstance(p, str) else c(rng, *p) for p in spec)
        return [v], v, []

    fam(name, "token", word, [env], gen, lit)


def pair(
    name: str,
    word: str,
    envs: list[str],
    idspec: Callable,
    secspec: Callable,
    both: bool = False,
    lit: str = "",
) -> None:
    def gen(rng: random.Random) -> tuple[list[str], str, list[str]]:
        i, s = idspec(rng), secspec(rng)
        return [i, s], s, [i] if both else []

    fam(name, "pair", word, envs, gen, lit)


def gh(prefix: str) -> Callable:
    def make(rng: random.Random) -> str:
        body = c(rng, ALNUM, 30)
        return prefix + body + base62(zlib.crc32(body.encode()), 6)

    return make


# --- AI providers --------------------------------------------------------------------------------
tok(
    "openai-project", "openai", "OPENAI_API_KEY", "sk-proj-", (B64URL, 74), "T3BlbkFJ", (B64URL, 74)
)
tok("openai-legacy", "openai", "OPENAI_API_KEY", "sk-", (ALNUM, 20), "T3BlbkFJ", (ALNUM, 20))
tok(
    "openai-svcacct",
    "openai",
    "OPENAI_API_KEY",
    "sk-svcacct-",
    (B64URL, 74),
    "T3BlbkFJ",
    (B64URL, 74),
)
tok(
    "openai-admin",
    "openai",
    "OPENAI_ADMIN_KEY",
    "sk-admin-",
    (B64URL, 74),
    "T3BlbkFJ",
    (B64URL, 74),
)
tok("anthropic-api", "anthropic", "ANTHROPIC_API_KEY", "sk-ant-api03-", (B64URL, 93), "AA")
tok("anthropic-admin", "anthropic", "ANTHROPIC_ADMIN_KEY", "sk-ant-admin01-", (B64URL, 93), "AA")
tok("groq", "groq", "GROQ_API_KEY", "gsk_", (ALNUM, 52))
tok("huggingface", "huggingface", "HF_TOKEN", "hf_", (ALNUM, 34))
tok("replicate", "replicate", "REPLICATE_API_TOKEN", "r8_", (ALNUM, 37))
tok("together", "together", "TOGETHER_API_KEY", "tgp_v1_", (B64URL, 43))
tok("mistral", "mistral", "MISTRAL_API_KEY", "", (ALNUM, 32))
tok("cohere", "cohere", "CO_API_KEY", "", (ALNUM, 40))
tok("perplexity", "perplexity", "PERPLEXITY_API_KEY", "pplx-", (ALNUM, 48))
tok("deepseek", "deepseek", "DEEPSEEK_API_KEY", "sk-", (HEX, 32))
tok("openrouter", "openrouter", "OPENROUTER_API_KEY", "sk-or-v1-", (HEX, 64))
tok("fireworks", "fireworks", "FIREWORKS_API_KEY", "fw_", (ALNUM, 24))
tok("xai", "xai", "XAI_API_KEY", "xai-", (ALNUM, 80))
tok("gemini", "gemini", "GEMINI_API_KEY", "AIza", (B64URL, 35))
tok("langsmith", "langsmith", "LANGSMITH_API_KEY", "lsv2_pt_", (HEX, 32), "_", (HEX, 10))
tok("wandb", "wandb", "WANDB_API_KEY", "", (HEX, 40))
tok("pinecone", "pinecone", "PINECONE_API_KEY", "pcsk_", (ALNUM, 5), "_", (ALNUM, 58))
tok("voyage", "voyage", "VOYAGE_API_KEY", "pa-", (B64URL, 43))
tok("elevenlabs", "elevenlabs", "ELEVENLABS_API_KEY", "sk_", (HEX, 48))
tok("deepgram", "deepgram", "DEEPGRAM_API_KEY", "", (HEX, 40))
tok("assemblyai", "assemblyai", "ASSEMBLYAI_API_KEY", "", (HEX, 32))
tok("azure-openai", "azure", "AZURE_OPENAI_API_KEY", "", (HEX, 32))
tok("qdrant-cloud", "qdrant", "QDRANT_API_KEY", "", (B64URL, 54))
tok("weaviate", "weaviate", "WEAVIATE_API_KEY", "", (ALNUM, 40))
tok("tavily", "tavily", "TAVILY_API_KEY", "tvly-", (ALNUM, 32))
tok("serpapi", "serpapi", "SERPAPI_API_KEY", "", (HEX, 64))
tok("firecrawl", "firecrawl", "FIRECRAWL_API_KEY", "fc-", (HEX, 32))
tok(
    "exa",
    "exa",
    "EXA_API_KEY",
    "",
    (HEX, 8),
    "-",
    (HEX, 4),
    "-",
    (HEX, 4),
    "-",
    (HEX, 4),
    "-",
    (HEX, 12),
)
pair(
    "langfuse",
    "langfuse",
    ["LANGFUSE_PUBLIC_KEY", "LANGFUSE_SECRET_KEY"],
    lambda r: "pk-lf-" + uid(r),
    lambda r: "sk-lf-" + uid(r),
    lit="pk-lf-",
)

# --- code hosting, registries, CI ----------------------------------------------------------------
fam(
    "github-classic",
    "token",
    "github",
    ["GITHUB_TOKEN"],
    lambda r: ([v := gh("ghp_")(r)], v, []),
    "ghp_",
)
fam(
    "github-oauth", "token", "github", ["GH_TOKEN"], lambda r: ([v := gh("gho_")(r)], v, []), "gho_"
)
fam(
    "github-app",
    "token",
    "github",
    ["GITHUB_TOKEN"],
    lambda r: ([v := gh("ghs_")(r)], v, []),
    "ghs_",
)
fam(
    "github-user-server",
    "token",
    "github",
    ["GH_TOKEN"],
    lambda r: ([v := gh("ghu_")(r)], v, []),
    "ghu_",
)
fam(
    "github-refresh",
    "token",
    "github",
    ["GITHUB_REFRESH_TOKEN"],
    lambda r: ([v := gh("ghr_")(r)], v, []),
    "ghr_",
)
tok("github-fine-grained", "github", "GITHUB_PAT", "github_pat_", (ALNUM, 22), "_", (ALNUM, 59))
tok("gitlab-pat", "gitlab", "GITLAB_TOKEN", "glpat-", (B64URL, 20))
tok("gitlab-runner", "gitlab", "RUNNER_TOKEN", "glrt-", (B64URL, 20))
tok("gitlab-deploy", "gitlab", "GITLAB_DEPLOY_TOKEN", "gldt-", (B64URL, 20))
tok("gitlab-trigger", "gitlab", "TRIGGER_TOKEN", "glptt-", (HEX, 40))
tok("gitlab-feed", "gitlab", "GITLAB_FEED_TOKEN", "glft-", (B64URL, 20))
tok(
    "bitbucket-app-password",
    "bitbucket",
    "BITBUCKET_APP_PASSWORD",
    "ATBB",
    (ALNUM, 28),
    (HEX.upper(), 8),
)
tok("gitea", "gitea", "GITEA_TOKEN", "", (HEX, 40))
tok("npm", "npm", "NPM_TOKEN", "npm_", (ALNUM, 36))
tok("pypi", "pypi", "PYPI_TOKEN", "pypi-AgEIcHlwaS5vcmc", (B64URL, 140))
tok("dockerhub", "docker", "DOCKERHUB_TOKEN", "dckr_pat_", (B64URL, 27))
tok("rubygems", "rubygems", "GEM_HOST_API_KEY", "rubygems_", (HEX, 48))
tok("nuget", "nuget", "NUGET_API_KEY", "oy2", (LOWNUM, 43))
tok("cargo", "crates", "CARGO_REGISTRY_TOKEN", "cio", (ALNUM, 32))
tok("circleci", "circleci", "CIRCLE_TOKEN", "CCIPAT_", (ALNUM, 22), "_", (HEX, 40))
tok("buildkite", "buildkite", "BUILDKITE_API_TOKEN", "bkua_", (HEX, 40))
tok("jfrog", "jfrog", "JFROG_ACCESS_TOKEN", "cmVmdGtuOjAxOjE3", (ALNUM, 48))
tok("sonarqube", "sonar", "SONAR_TOKEN", "squ_", (HEX, 40))
tok(
    "snyk",
    "snyk",
    "SNYK_TOKEN",
    "",
    (HEX, 8),
    "-",
    (HEX, 4),
    "-4",
    (HEX, 3),
    "-a",
    (HEX, 3),
    "-",
    (HEX, 12),
)
tok(
    "codecov",
    "codecov",
    "CODECOV_TOKEN",
    "",
    (HEX, 8),
    "-",
    (HEX, 4),
    "-4",
    (HEX, 3),
    "-b",
    (HEX, 3),
    "-",
    (HEX, 12),
)
tok("terraform-cloud", "terraform", "TFE_TOKEN", "", (ALNUM, 14), ".atlasv1.", (ALNUM, 67))
tok("pulumi", "pulumi", "PULUMI_ACCESS_TOKEN", "pul-", (HEX, 40))
tok("doppler", "doppler", "DOPPLER_TOKEN", "dp.st.prd.", (ALNUM, 43))
tok("vault-service", "vault", "VAULT_TOKEN", "hvs.", (B64URL, 91))
tok("vault-batch", "vault", "VAULT_TOKEN", "hvb.", (B64URL, 138))
tok("infisical", "infisical", "INFISICAL_TOKEN", "st.", (HEX, 24), ".", (HEX, 32), ".", (HEX, 32))

# --- cloud and hosting ---------------------------------------------------------------------------
pair(
    "aws-access-key",
    "aws",
    ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
    lambda r: "AKIA" + c(r, B32, 16),
    lambda r: c(r, B64, 40),
    both=True,
    lit="AKIA",
)
pair(
    "aws-session",
    "aws",
    ["AWS_ACCESS_KEY_ID", "AWS_SESSION_TOKEN"],
    lambda r: "ASIA" + c(r, B32, 16),
    lambda r: "IQoJb3JpZ2luX2VjE" + c(r, B64, 300),
    both=True,
    lit="ASIA",
)
tok(
    "azure-client-secret",
    "azure",
    "AZURE_CLIENT_SECRET",
    "",
    (ALNUM, 3),
    "8Q~",
    (B64URL + ".~", 31),
)
tok("azure-devops-pat", "azure", "AZURE_DEVOPS_EXT_PAT", "", (LOWNUM, 52))
tok("cloudflare-api-token", "cloudflare", "CLOUDFLARE_API_TOKEN", "", (B64URL, 40))
tok("cloudflare-global-key", "cloudflare", "CF_API_KEY", "", (HEX, 37))
tok("digitalocean", "digitalocean", "DIGITALOCEAN_TOKEN", "dop_v1_", (HEX, 64))
tok("digitalocean-spaces", "digitalocean", "SPACES_SECRET_KEY", "", (B64, 43))
tok("linode", "linode", "LINODE_TOKEN", "", (HEX, 64))
tok("hetzner", "hetzner", "HCLOUD_TOKEN", "", (ALNUM, 64))
tok("vultr", "vultr", "VULTR_API_KEY", "", (UPNUM, 36))
tok(
    "scaleway",
    "scaleway",
    "SCW_SECRET_KEY",
    "",
    (HEX, 8),
    "-",
    (HEX, 4),
    "-4",
    (HEX, 3),
    "-8",
    (HEX, 3),
    "-",
    (HEX, 12),
)
tok("vercel", "vercel", "VERCEL_TOKEN", "", (ALNUM, 24))
tok("netlify", "netlify", "NETLIFY_AUTH_TOKEN", "nfp_", (ALNUM, 36))
tok("flyio", "fly", "FLY_API_TOKEN", "FlyV1 fm2_", (B64, 180))
tok("render", "render", "RENDER_API_KEY", "rnd_", (ALNUM, 32))
tok("heroku", "heroku", "HEROKU_API_KEY", "HRKU-AA", (B64URL, 58))
tok("supabase-pat", "supabase", "SUPABASE_ACCESS_TOKEN", "sbp_", (HEX, 40))
tok("databricks", "databricks", "DATABRICKS_TOKEN", "dapi", (HEX, 32))
tok("planetscale", "planetscale", "PLANETSCALE_PASSWORD", "pscale_pw_", (B64URL, 43))
tok("upstash", "upstash", "UPSTASH_REDIS_REST_TOKEN", "AX", (B64URL, 4), "ASQgN", (B64URL, 60))
tok("tailscale-auth", "tailscale", "TS_AUTHKEY", "tskey-auth-", (ALNUM, 11), "CNTRL-", (ALNUM, 32))
tok(
    "tailscale-api",
    "tailscale",
    "TAILSCALE_API_KEY",
    "tskey-api-",
    (ALNUM, 11),
    "CNTRL-",
    (ALNUM, 32),
)
tok("ngrok", "ngrok", "NGROK_AUTHTOKEN", "2", (ALNUM, 26), "_", (ALNUM, 21))
tok("age-secret-key", "age", "SOPS_AGE_KEY", "AGE-SECRET-KEY-1", (BECH.upper(), 58))
tok("wireguard", "wireguard", "WG_PRIVATE_KEY", "", (B64, 42), "=")
tok("minio", "minio", "MINIO_SECRET_KEY", "", (B64, 40))
pair(
    "backblaze-b2",
    "backblaze",
    ["B2_APPLICATION_KEY_ID", "B2_APPLICATION_KEY"],
    lambda r: "005" + c(r, HEX, 22),
    lambda r: "K005" + c(r, B64, 27),
)
pair(
    "gcp-oauth-client",
    "google",
    ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"],
    lambda r: c(r, DIG, 12) + "-" + c(r, LOWNUM, 32) + ".apps.googleusercontent.com",
    lambda r: "GOCSPX-" + c(r, B64URL, 28),
)
tok("google-refresh", "google", "GOOGLE_REFRESH_TOKEN", "1//0g", (B64URL, 98))
tok("google-access", "google", "GOOGLE_ACCESS_TOKEN", "ya29.a0AfB_by", (B64URL, 150))

# --- messaging, SaaS -------------------------------------------------------------------------------
tok("slack-bot", "slack", "SLACK_BOT_TOKEN", "xoxb-", (DIG, 12), "-", (DIG, 13), "-", (ALNUM, 24))
tok(
    "slack-user",
    "slack",
    "SLACK_USER_TOKEN",
    "xoxp-",
    (DIG, 12),
    "-",
    (DIG, 13),
    "-",
    (DIG, 13),
    "-",
    (HEX, 32),
)
tok(
    "slack-app", "slack", "SLACK_APP_TOKEN", "xapp-1-A", (UPNUM, 10), "-", (DIG, 13), "-", (HEX, 64)
)
fam(
    "discord-bot",
    "token",
    "discord",
    ["DISCORD_BOT_TOKEN"],
    lambda r: (
        [
            v := b64(str(r.randrange(10**17, 10**18)).encode()).rstrip("=")
            + "."
            + c(r, B64URL, 6)
            + "."
            + c(r, B64URL, 38)
        ],
        v,
        [],
    ),
)
tok("telegram-bot", "telegram", "TELEGRAM_BOT_TOKEN", "", (DIG, 10), ":AA", (B64URL, 33))
pair(
    "twilio",
    "twilio",
    ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"],
    lambda r: "AC" + c(r, HEX, 32),
    lambda r: c(r, HEX, 32),
    lit="AC",
)
tok("twilio-api-key", "twilio", "TWILIO_API_SECRET", "SK", (HEX, 32))
tok("sendgrid", "sendgrid", "SENDGRID_API_KEY", "SG.", (B64URL, 22), ".", (B64URL, 43))
tok("mailgun", "mailgun", "MAILGUN_API_KEY", "key-", (HEX, 32))
tok("mailchimp", "mailchimp", "MAILCHIMP_API_KEY", "", (HEX, 32), "-us21")
tok(
    "postmark",
    "postmark",
    "POSTMARK_SERVER_TOKEN",
    "",
    (HEX, 8),
    "-",
    (HEX, 4),
    "-4",
    (HEX, 3),
    "-9",
    (HEX, 3),
    "-",
    (HEX, 12),
)
tok("resend", "resend", "RESEND_API_KEY", "re_", (B64URL, 8), "_", (ALNUM, 24))
tok("brevo", "brevo", "BREVO_API_KEY", "xkeysib-", (HEX, 64), "-", (ALNUM, 16))
tok("stripe-live", "stripe", "STRIPE_SECRET_KEY", "sk_live_51", (ALNUM, 97))
tok("stripe-restricted", "stripe", "STRIPE_RESTRICTED_KEY", "rk_live_51", (ALNUM, 97))
tok("stripe-webhook", "stripe", "STRIPE_WEBHOOK_SECRET", "whsec_", (ALNUM, 32))
tok("shopify-admin", "shopify", "SHOPIFY_ACCESS_TOKEN", "shpat_", (HEX, 32))
tok("shopify-shared", "shopify", "SHOPIFY_API_SECRET", "shpss_", (HEX, 32))
tok("square", "square", "SQUARE_ACCESS_TOKEN", "EAAA", (B64URL, 60))
tok(
    "braintree",
    "braintree",
    "BRAINTREE_ACCESS_TOKEN",
    "access_token$production$",
    (LOWNUM, 16),
    "$",
    (HEX, 32),
)
tok("paypal-secret", "paypal", "PAYPAL_CLIENT_SECRET", "E", (B64URL, 79))
tok(
    "atlassian", "atlassian", "JIRA_API_TOKEN", "ATATT3xFfGF0", (B64URL, 172), "=", (HEX.upper(), 8)
)
tok("linear", "linear", "LINEAR_API_KEY", "lin_api_", (ALNUM, 40))
tok("notion", "notion", "NOTION_TOKEN", "ntn_", (DIG, 11), (ALNUM, 35))
tok("airtable", "airtable", "AIRTABLE_API_KEY", "pat", (ALNUM, 14), ".", (HEX, 64))
tok("asana", "asana", "ASANA_ACCESS_TOKEN", "2/", (DIG, 16), "/", (DIG, 16), ":", (HEX, 32))
tok("figma", "figma", "FIGMA_TOKEN", "figd_", (B64URL, 40))
tok("dropbox", "dropbox", "DROPBOX_ACCESS_TOKEN", "sl.u.", (B64URL, 140))
tok("okta", "okta", "OKTA_API_TOKEN", "00", (B64URL, 40))
tok("auth0-secret", "auth0", "AUTH0_CLIENT_SECRET", "", (B64URL, 64))
tok("mapbox", "mapbox", "MAPBOX_SECRET_TOKEN", "sk.eyJ1IjoiY", (B64URL, 50), ".", (B64URL, 22))
pair(
    "algolia",
    "algolia",
    ["ALGOLIA_APP_ID", "ALGOLIA_ADMIN_KEY"],
    lambda r: c(r, UPNUM, 10),
    lambda r: c(r, HEX, 32),
)
pair(
    "datadog",
    "datadog",
    ["DD_API_KEY", "DD_APP_KEY"],
    lambda r: c(r, HEX, 32),
    lambda r: c(r, HEX, 40),
    both=True,
)
tok("newrelic-user", "newrelic", "NEW_RELIC_API_KEY", "NRAK-", (UPNUM, 27))
tok("newrelic-license", "newrelic", "NEW_RELIC_LICENSE_KEY", "", (HEX, 36), "NRAL")
tok("honeycomb", "honeycomb", "HONEYCOMB_API_KEY", "hcaik_01", (LOWNUM, 56))
tok("grafana-cloud", "grafana", "GRAFANA_CLOUD_TOKEN", "glc_eyJvIjoi", (B64, 120), "==")
tok("grafana-sa", "grafana", "GRAFANA_SA_TOKEN", "glsa_", (ALNUM, 32), "_", (HEX, 8))
tok("sentry-user", "sentry", "SENTRY_AUTH_TOKEN", "sntryu_", (HEX, 64))
tok("sentry-org", "sentry", "SENTRY_AUTH_TOKEN", "sntrys_eyJpYXQiOjE3", (B64, 140), "_", (B64, 43))
tok("pagerduty", "pagerduty", "PAGERDUTY_TOKEN", "u+", (B64URL, 18))
tok("posthog", "posthog", "POSTHOG_PERSONAL_API_KEY", "phx_", (ALNUM, 43))
tok(
    "launchdarkly",
    "launchdarkly",
    "LD_SDK_KEY",
    "sdk-",
    (HEX, 8),
    "-",
    (HEX, 4),
    "-4",
    (HEX, 3),
    "-a",
    (HEX, 3),
    "-",
    (HEX, 12),
)
tok("contentful", "contentful", "CONTENTFUL_MANAGEMENT_TOKEN", "CFPAT-", (B64URL, 43))
tok(
    "hubspot",
    "hubspot",
    "HUBSPOT_ACCESS_TOKEN",
    "pat-na1-",
    (HEX, 8),
    "-",
    (HEX, 4),
    "-4",
    (HEX, 3),
    "-b",
    (HEX, 3),
    "-",
    (HEX, 12),
)
tok("segment", "segment", "SEGMENT_WRITE_KEY", "", (ALNUM, 32))
tok("mixpanel", "mixpanel", "MIXPANEL_API_SECRET", "", (HEX, 32))
tok("zendesk", "zendesk", "ZENDESK_API_TOKEN", "", (ALNUM, 40))
tok("frameio", "frameio", "FRAMEIO_TOKEN", "fio-u-", (B64URL, 64))
tok("typeform", "typeform", "TYPEFORM_TOKEN", "tfp_", (B64URL, 44), "_", (B64URL, 14))
tok("openweather", "openweathermap", "OWM_API_KEY", "", (HEX, 32))
tok("cloudinary-secret", "cloudinary", "CLOUDINARY_API_SECRET", "", (B64URL, 27))
tok("shippo", "shippo", "SHIPPO_API_KEY", "shippo_live_", (HEX, 40))
tok("duffel", "duffel", "DUFFEL_ACCESS_TOKEN", "duffel_live_", (B64URL, 43))
tok("flutterwave", "flutterwave", "FLW_SECRET_KEY", "FLWSECK-", (HEX, 32), "-X")
tok("prefect", "prefect", "PREFECT_API_KEY", "pnu_", (ALNUM, 36))
tok("fleetbase", "fleetbase", "FLB_KEY", "flb_live_", (ALNUM, 20))

# --- generic credentials ---------------------------------------------------------------------------
WORDS = [
    "maple",
    "orbit",
    "falcon",
    "copper",
    "willow",
    "harbor",
    "nimbus",
    "quartz",
    "saffron",
    "tundra",
    "velvet",
    "ember",
]
SYM = "!#%^*_-+=."


def password(rng: random.Random) -> str:
    style = rng.random()
    if style < 0.3:
        return (
            rng.choice(WORDS).title()
            + rng.choice(SYM)
            + str(rng.randrange(1000, 99999))
            + rng.choice(SYM)
            + rng.choice(WORDS)
        )
    if style < 0.6:
        return c(rng, ALNUM + SYM, rng.randrange(14, 24))
    return "-".join(rng.sample(WORDS, 3)) + "-" + str(rng.randrange(10, 99))


def urlpw(rng: random.Random) -> str:
    return (
        c(rng, ALNUM, rng.randrange(3, 6))
        + rng.choice("-_.~")
        + c(rng, ALNUM, rng.randrange(10, 20))
    )


def user(rng: random.Random) -> str:
    return rng.choice(
        ["app", "svc_agent", "admin", "coordinator", "postgres", "root", "etl", "grafana", "n8n"]
    )


def url_family(
    name: str, word: str, env: str, scheme: str, hostfn: Callable, tail: str, pw: Callable = urlpw
) -> None:
    def gen(rng: random.Random) -> tuple[list[str], str, list[str]]:
        p = pw(rng)
        return [f"{scheme}://{user(rng)}:{p}@{hostfn(rng)}{tail}"], p, []

    fam(name, "url", word, [env], gen)


url_family(
    "postgres-url",
    "postgres",
    "DATABASE_URL",
    "postgresql",
    lambda r: rng_host(r, "db") + ":5432",
    "/coordinator",
)
url_family(
    "postgres-asyncpg-url",
    "postgres",
    "DATABASE_URL",
    "postgresql+asyncpg",
    lambda r: rng_host(r, "pg") + ":5432",
    "/events?sslmode=require",
)
url_family(
    "mysql-url", "mysql", "MYSQL_URL", "mysql", lambda r: rng_host(r, "mysql") + ":3306", "/app"
)
url_family(
    "mongodb-srv",
    "mongodb",
    "MONGODB_URI",
    "mongodb+srv",
    lambda r: "cluster0." + c(r, LOWNUM, 5) + ".mongodb.net",
    "/agents?retryWrites=true&w=majority",
)
url_family(
    "redis-url", "redis", "REDIS_URL", "redis", lambda r: rng_host(r, "redis") + ":6379", "/0"
)
url_family(
    "rediss-url",
    "redis",
    "CELERY_BROKER_URL",
    "rediss",
    lambda r: rng_host(r, "cache") + ":6380",
    "/1",
)
url_family(
    "amqp-url", "rabbitmq", "AMQP_URL", "amqp", lambda r: rng_host(r, "rabbit") + ":5672", "/agents"
)
url_family(
    "neon-url",
    "neon",
    "DATABASE_URL",
    "postgres",
    lambda r: (
        "ep-"
        + c(r, LOW, 6)
        + "-"
        + c(r, LOW, 5)
        + "-"
        + c(r, LOWNUM, 8)
        + ".eu-central-1.aws.neon.tech"
    ),
    "/neondb?sslmode=require",
    pw=lambda r: "npg_" + c(r, ALNUM, 12),
)
url_family(
    "smtp-url", "smtp", "EMAIL_URL", "smtp", lambda r: "smtp." + rng_host(r, "mail") + ":587", ""
)
url_family(
    "git-https-token",
    "git",
    "REPO_URL",
    "https",
    lambda r: "git." + rng_host(r, "code"),
    "/platform/coordinator.git",
    pw=lambda r: gh("ghp_")(r),
)
url_family(
    "basic-auth-url",
    "http",
    "PROXY_URL",
    "http",
    lambda r: rng_host(r, "proxy") + ":3128",
    "",
    pw=lambda r: c(r, ALNUM, 6) + c(r, DIG, 4) + c(r, ALNUM, 6),
)
url_family(
    "clickhouse-url",
    "clickhouse",
    "CLICKHOUSE_URL",
    "clickhouse",
    lambda r: rng_host(r, "ch") + ":9000",
    "/telemetry",
)
url_family(
    "mssql-url",
    "mssql",
    "MSSQL_URL",
    "mssql+pyodbc",
    lambda r: rng_host(r, "sql") + ":1433",
    "/Agents?driver=ODBC+Driver+18+for+SQL+Server",
)


def rng_host(rng: random.Random, role: str) -> str:
    return rng.choice(
        [
            f"{role}.internal",
            f"{role}-0.{role}.svc.cluster.local",
            f"{role}.lab.home.arpa",
            f"10.0.{rng.randrange(0, 9)}.{rng.randrange(2, 250)}",
        ]
    )


def pw_family(name: str, env: str) -> None:
    fam(name, "token", "password", [env], lambda r: ([v := password(r)], v, []))


pw_family("db-password", "POSTGRES_PASSWORD")
pw_family("admin-password", "ADMIN_PASSWORD")
pw_family("smtp-password", "SMTP_PASSWORD")
pw_family("ldap-bind-password", "LDAP_BIND_PASSWORD")
pw_family("redis-password", "REDIS_PASSWORD")
pw_family("grafana-admin-password", "GF_SECURITY_ADMIN_PASSWORD")
pw_family("keystore-password", "KEYSTORE_PASSWORD")
pw_family("wifi-psk", "WIFI_PASSWORD")
tok("django-secret", "django", "DJANGO_SECRET_KEY", "", (LOW + DIG + "!@#%^&*(-_=+)", 50))
tok("rails-secret-key-base", "rails", "SECRET_KEY_BASE", "", (HEX, 128))
tok("hmac-hex", "hmac", "WEBHOOK_SIGNING_SECRET", "", (HEX, 64))
tok("hmac-b64", "hmac", "HMAC_KEY", "", (B64, 43), "=")
tok("fernet-key", "fernet", "FERNET_KEY", "", (B64URL, 43), "=")
tok("nextauth-secret", "nextauth", "NEXTAUTH_SECRET", "", (B64, 43), "=")
tok("jwt-secret", "jwt", "JWT_SECRET", "", (ALNUM, 48))
tok("encryption-key-hex", "encryption", "ENCRYPTION_KEY", "", (HEX, 64))
tok("generic-api-key", "internal", "COORDINATOR_API_KEY", "", (ALNUM, 40))
tok("generic-bearer", "internal", "AGENT_BEARER_TOKEN", "", (B64URL, 43))
tok("session-django", "session", "sessionid", "", (LOWNUM, 32))
tok("session-php", "session", "PHPSESSID", "", (LOWNUM, 26))
tok("session-express", "session", "connect.sid", "s%3A", (B64URL, 32), ".", (B64, 43))
tok("session-rails", "session", "_app_session", "", (B64, 120), "--", (HEX, 40))
tok("csrf-cookie", "session", "csrftoken", "", (ALNUM, 32))


def jwt(rng: random.Random, claims: dict) -> str:
    head = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode(), True).rstrip("=")
    body = b64(json.dumps(claims).encode(), True).rstrip("=")
    return f"{head}.{body}.{c(rng, B64URL, 43)}"


fam(
    "jwt-user",
    "token",
    "jwt",
    ["ACCESS_TOKEN"],
    lambda r: (
        [
            v := jwt(
                r,
                {
                    "sub": str(r.randrange(10**5, 10**6)),
                    "email": f"u{r.randrange(100, 999)}@corp.example",
                    "exp": 1796000000 + r.randrange(10**5),
                },
            )
        ],
        v,
        [],
    ),
)
fam(
    "supabase-service-role",
    "token",
    "supabase",
    ["SUPABASE_SERVICE_ROLE_KEY"],
    lambda r: (
        [
            v := jwt(
                r,
                {
                    "iss": "supabase",
                    "ref": c(r, LOW, 20),
                    "role": "service_role",
                    "iat": 1730000000,
                    "exp": 2045000000,
                },
            )
        ],
        v,
        [],
    ),
)
fam(
    "basic-auth-header",
    "token",
    "basic",
    ["Authorization"],
    lambda r: ([v := b64(f"{user(r)}:{password(r)}".encode())], v, []),
)


# --- signed URLs: the signature is the secret ------------------------------------------------------
def signed(name: str, word: str, build: Callable) -> None:
    def gen(rng: random.Random) -> tuple[list[str], str, list[str]]:
        url, sig = build(rng)
        return [url], sig, []

    fam(name, "url", word, ["DOWNLOAD_URL"], gen)


signed(
    "s3-presigned",
    "aws",
    lambda r: (
        f"https://models-{c(r, LOW, 5)}.s3.eu-west-1.amazonaws.com/checkpoints/run-{r.randrange(100, 999)}.safetensors?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        f"&X-Amz-Credential=AKIA{c(r, B32, 16)}%2F20261205%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261205T031200Z&X-Amz-Expires=3600"
        f"&X-Amz-SignedHeaders=host&X-Amz-Signature={(s := c(r, HEX, 64))}",
        s,
    ),
)
signed(
    "gcs-signed",
    "google",
    lambda r: (
        f"https://storage.googleapis.com/agent-artifacts/{uid(r)}.tar.gz?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=uploader%40proj.iam.gserviceaccount.com%2F20261205%2Fauto%2Fstorage%2Fgoog4_request"
        f"&X-Goog-Date=20261205T031200Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature={(s := c(r, HEX, 512))}",
        s,
    ),
)
signed(
    "azure-sas",
    "azure",
    lambda r: (
        f"https://{c(r, LOWNUM, 12)}.blob.core.windows.net/datasets/train.jsonl?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-06T03:12:00Z&st=2026-12-05T03:12:00Z&spr=https"
        f"&sig={(s := c(r, ALNUM, 40) + '%2B' + c(r, ALNUM, 9) + '%3D')}",
        s,
    ),
)
signed(
    "cloudfront-signed",
    "cloudfront",
    lambda r: (
        f"https://d{c(r, LOWNUM, 13)}.cloudfront.net/exports/report.pdf?Expires=1796500000&Signature={(s := c(r, ALNUM + '-~', 172))}&Key-Pair-Id=K{c(r, UPNUM, 13)}",
        s,
    ),
)
signed(
    "slack-webhook",
    "slack",
    lambda r: (
        f"https://hooks.slack.com/services/T{c(r, UPNUM, 10)}/B{c(r, UPNUM, 10)}/{(s := c(r, ALNUM, 24))}",
        s,
    ),
)
signed(
    "discord-webhook",
    "discord",
    lambda r: (
        f"https://discord.com/api/webhooks/{r.randrange(10**17, 10**18)}/{(s := c(r, B64URL, 68))}",
        s,
    ),
)
signed(
    "teams-webhook",
    "teams",
    lambda r: (
        f"https://corp.webhook.office.com/webhookb2/{uid(r)}@{uid(r)}/IncomingWebhook/{(s := c(r, HEX, 32))}/{uid(r)}/V2{c(r, B64URL, 40)}",
        s,
    ),
)
signed(
    "sentry-dsn",
    "sentry",
    lambda r: (
        f"https://{(s := c(r, HEX, 32))}@o{r.randrange(10**5, 10**7)}.ingest.us.sentry.io/{r.randrange(10**6, 10**7)}",
        s,
    ),
)
signed(
    "api-key-query",
    "maps",
    lambda r: (
        f"https://maps.googleapis.com/maps/api/geocode/json?address=Berlin&key={(s := 'AIza' + c(r, B64URL, 35))}",
        s,
    ),
)
signed(
    "token-query",
    "internal",
    lambda r: (
        f"https://coordinator.lab.home.arpa/api/v1/events/export?since=24h&access_token={(s := c(r, ALNUM, 40))}",
        s,
    ),
)
signed(
    "telegram-send",
    "telegram",
    lambda r: (
        f"https://api.telegram.org/bot{(s := str(r.randrange(10**9, 10**10)) + ':AA' + c(r, B64URL, 33))}/sendMessage?chat_id=-100{r.randrange(10**9, 10**10)}",
        s,
    ),
)


# --- private keys: one body line is the secret -----------------------------------------------------
def pem(name: str, word: str, env: str, label: str, first: bytes, body_len: int) -> None:
    def gen(rng: random.Random) -> tuple[list[str], str, list[str]]:
        raw = first + bytes(rng.randrange(256) for _ in range(body_len))
        text = b64(raw)
        lines = [text[i : i + 64] for i in range(0, len(text), 64)]
        block = f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----"
        return [block], lines[2], [lines[-2]]

    fam(name, "pem", word, [env], gen)


pem(
    "rsa-private-key",
    "rsa",
    "JWT_PRIVATE_KEY",
    "RSA PRIVATE KEY",
    b"\x30\x82\x04\xa4\x02\x01\x00\x02\x82\x01\x01\x00",
    1180,
)
pem(
    "pkcs8-private-key",
    "pkcs8",
    "GCP_PRIVATE_KEY",
    "PRIVATE KEY",
    b"\x30\x82\x04\xbe\x02\x01\x00\x30\x0d\x06\x09\x2a\x86\x48\x86\xf7\x0d",
    1200,
)
pem("ec-private-key", "ec", "SIGNING_KEY", "EC PRIVATE KEY", b"\x30\x77\x02\x01\x01\x04\x20", 112)
pem(
    "openssh-private-key",
    "ssh",
    "DEPLOY_KEY",
    "OPENSSH PRIVATE KEY",
    b"openssh-key-v1\x00\x00\x00\x00\x04none",
    380,
)
pem("pgp-private-key", "pgp", "GPG_PRIVATE_KEY", "PGP PRIVATE KEY BLOCK", b"\x95\x03\xc6\x04", 900)


def gcp_sa(rng: random.Random) -> tuple[list[str], str, list[str]]:
    raw = b"\x30\x82\x04\xbe\x02\x01\x00\x30\x0d\x06\x09" + bytes(
        rng.randrange(256) for _ in range(1200)
    )
    text = b64(raw)
    lines = [text[i : i + 64] for i in range(0, len(text), 64)]
    key = "-----BEGIN PRIVATE KEY-----\n" + "\n".join(lines) + "\n-----END PRIVATE KEY-----\n"
    doc = {
        "type": "service_account",
        "project_id": "agent-lab-4411",
        "private_key_id": c(rng, HEX, 40),
        "private_key": key,
        "client_email": "coordinator@agent-lab-4411.iam.gserviceaccount.com",
        "client_id": str(rng.randrange(10**20, 10**21)),
    }
    return [json.dumps(doc, indent=2)], lines[3], [doc["private_key_id"]]


fam("gcp-service-account-json", "pem", "google", ["GOOGLE_APPLICATION_CREDENTIALS_JSON"], gcp_sa)


# --- personal data ---------------------------------------------------------------------------------
def luhn(digits: str) -> str:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return digits + str((10 - total % 10) % 10)


def card(prefix: str, length: int, groups: list[int]) -> Callable:
    def make(rng: random.Random) -> str:
        n = luhn(prefix + c(rng, DIG, length - len(prefix) - 1))
        if rng.random() < 0.5:
            return n
        out, i = [], 0
        for g in groups:
            out.append(n[i : i + g])
            i += g
        return " ".join(out)

    return make


def iban(cc: str, bban_len: int, bank: str = "") -> Callable:
    def make(rng: random.Random) -> str:
        bban = bank + c(rng, DIG, bban_len - len(bank))
        num = int("".join(str(int(ch, 36)) for ch in bban + cc + "00"))
        s = f"{cc}{98 - num % 97:02d}{bban}"
        return " ".join(s[i : i + 4] for i in range(0, len(s), 4)) if rng.random() < 0.5 else s

    return make


def pii(name: str, word: str, env: str, make: Callable) -> None:
    fam("pii:" + name, "pii", word, [env], lambda r: ([v := make(r)], v, []))


pii("card-visa", "card", "card_number", card("4", 16, [4, 4, 4, 4]))
pii("card-mastercard", "card", "card_number", card("5" + "12345"[0], 16, [4, 4, 4, 4]))
pii("card-amex", "card", "card_number", card("37", 15, [4, 6, 5]))
pii("iban-de", "iban", "iban", iban("DE", 18, "10070000"))
pii("iban-gb", "iban", "iban", iban("GB", 18, "NWBK6016"))
pii("iban-fr", "iban", "iban", iban("FR", 23, "20041"))
pii("iban-nl", "iban", "iban", iban("NL", 14, "INGB"))
pii(
    "phone-us",
    "phone",
    "phone",
    lambda r: rand_choice(
        r,
        [
            f"+1 ({r.randrange(201, 989)}) {r.randrange(200, 999)}-{r.randrange(1000, 9999)}",
            f"+1-{r.randrange(201, 989)}-{r.randrange(200, 999)}-{r.randrange(1000, 9999)}",
        ],
    ),
)
pii(
    "phone-de",
    "phone",
    "phone",
    lambda r: f"+49 15{r.randrange(1, 9)} {r.randrange(1000000, 99999999)}",
)
pii(
    "phone-uk",
    "phone",
    "phone",
    lambda r: f"+44 7{r.randrange(100, 999)} {r.randrange(100000, 999999)}",
)
pii(
    "phone-fr",
    "phone",
    "phone",
    lambda r: "+33 6 " + " ".join(f"{r.randrange(0, 100):02d}" for _ in range(4)),
)
pii(
    "email-personal",
    "email",
    "email",
    lambda r: (
        f"{rand_choice(r, ['jana', 'marco', 'li.wei', 'sam.okafor', 'priya'])}.{rand_choice(r, ['novak', 'rossi', 'chen', 'okafor', 'iyer'])}{r.randrange(1, 99)}@{rand_choice(r, ['gmail.com', 'outlook.de', 'proton.me', 'yahoo.co.uk'])}"
    ),
)
pii(
    "ssn-us",
    "ssn",
    "ssn",
    lambda r: f"{r.randrange(100, 665)}-{r.randrange(10, 99)}-{r.randrange(1000, 9999)}",
)


def rand_choice(rng: random.Random, items: list[str]) -> str:
    return rng.choice(items)


def parse() -> list[dict]:
    """Every family, in definition order."""
    return FAMILIES


def values(family: dict, rng: random.Random) -> tuple[list[str], str, list[str]]:
    return family["gen"](rng)
