"""Write the token-family corpus: secrets.jsonl and benign.jsonl, and their held-out twins.

Run from the repository root: ``python tests/data/families/make_corpus.py``. Deterministic (fixed
seeds); the files are checked in, so tests never run this script.

Every token is random and fake, in the published shape of its family (the formats secret scanners
such as gitleaks, trufflehog and detect-secrets list), placed in the text fedlearn sees: prose,
shell, curl, Python/JS/Go/Java/PHP/Make/YAML/XML/.env/Kubernetes manifests, JSON payloads. A line
of secrets is ``{"family", "context", "text", "secret"}``: ``secret`` must not survive anonymizing.
A benign line is ``{"kind", "text"}``: technical text that looks risky and must come through as is.

The held-out files come from other seeds and from a second set of contexts (``HELD_OUT_CONTEXTS``)
and benign kinds written before the rules were tuned; the rules were never tuned on them.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import string
import textwrap
from collections.abc import Callable
from pathlib import Path

from fedlearn.anonymize import bip39

HERE = Path(__file__).resolve().parent
LOWER = string.ascii_lowercase
UPPER = string.ascii_uppercase
DIGITS = string.digits
ALNUM = LOWER + UPPER + DIGITS
HEXL = "0123456789abcdef"
BASE32_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
rng = random.Random(0)


def chars(n: int, alphabet: str = ALNUM) -> str:
    """Return ``n`` random characters of ``alphabet`` with a digit in them when it has digits."""
    while True:
        found = "".join(rng.choice(alphabet) for _ in range(n))
        wants_digit = n >= 6 and bool(set(alphabet) & set(DIGITS))
        wants_letter = n >= 6 and bool(set(alphabet) & set(LOWER))
        if (not wants_digit or set(found) & set(DIGITS)) and (
            not wants_letter or set(found) & set(LOWER + UPPER)
        ):
            return found


def hexs(n: int) -> str:
    """Return ``n`` random lower-case hex digits."""
    return chars(n, HEXL)


def b64(n: int) -> str:
    """Return ``n`` random base64 characters (with ``+`` and ``/``)."""
    return chars(n, ALNUM + "+/")


def url(n: int) -> str:
    """Return ``n`` random URL-safe base64 characters."""
    return chars(n, ALNUM + "-_")


def uuid() -> str:
    """Return a random UUID-shaped string."""
    return f"{hexs(8)}-{hexs(4)}-4{hexs(3)}-a{hexs(3)}-{hexs(12)}"


def b64_of(data: bytes) -> str:
    """Return ``data`` in base64."""
    return base64.b64encode(data).decode()


def jwt() -> str:
    """Return a JWT-shaped token."""
    head = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
    claims = json.dumps({"sub": chars(10), "iat": rng.randrange(10**9, 2 * 10**9)})
    body = base64.urlsafe_b64encode(claims.encode()).decode().rstrip("=")
    return f"{head}.{body}.{url(43)}"


def luhn_complete(prefix: str, length: int) -> str:
    """Return a card number of ``length`` digits starting with ``prefix`` that passes Luhn."""
    body = prefix + chars(length - len(prefix) - 1, DIGITS)
    for check in DIGITS:
        total = 0
        for index, character in enumerate(reversed(body + check)):
            digit = int(character) * (2 if index % 2 else 1)
            total += digit - 9 if digit > 9 else digit
        if total % 10 == 0:
            return body + check
    raise AssertionError


def iban(country: str, length: int, letters: int = 0) -> str:
    """Return a valid IBAN of ``country``: ``length`` characters, ``letters`` letters after the check."""
    bban = chars(letters, UPPER) + chars(length - 4 - letters, DIGITS)
    moved = bban + country + "00"
    number = int("".join(str(int(c, 36)) for c in moved))
    return f"{country}{98 - number % 97:02d}{bban}"


def grouped(value: str, size: int = 4, separator: str = " ") -> str:
    """Return ``value`` in groups of ``size`` characters."""
    return separator.join(value[i : i + size] for i in range(0, len(value), size))


# --- families ----------------------------------------------------------------------------------
# Tokens with a literal prefix or shape: (family, provider word, token maker). They must be caught
# bare in prose as well as under any key.
Maker = Callable[[], str]
PREFIXED: list[tuple[str, str, Maker]] = [
    (
        "1password-secret-key",
        "1Password",
        lambda: (
            f"A3-{chars(6, UPPER + DIGITS)}-{chars(11, UPPER + DIGITS)}-{chars(5, UPPER + DIGITS)}-{chars(5, UPPER + DIGITS)}-{chars(5, UPPER + DIGITS)}"
        ),
    ),
    ("1password-service-token", "1Password", lambda: "ops_eyJ" + b64(260)),
    ("adafruit-io-key", "Adafruit", lambda: "aio_" + chars(28)),
    ("adobe-client-secret", "Adobe", lambda: "p8e-" + chars(32)),
    (
        "age-secret-key",
        "age",
        lambda: "AGE-SECRET-KEY-1" + chars(58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L".upper()),
    ),
    ("airtable-pat", "Airtable", lambda: "pat" + chars(14) + "." + hexs(64)),
    (
        "akamai-token",
        "Akamai",
        lambda: f"akab-{chars(16, LOWER + DIGITS)}-{chars(16, LOWER + DIGITS)}",
    ),
    ("alibaba-access-key", "Alibaba", lambda: "LTAI" + chars(20)),
    ("anthropic-api-key", "Anthropic", lambda: "sk-ant-api03-" + url(93) + "AA"),
    ("anthropic-admin-key", "Anthropic", lambda: "sk-ant-admin01-" + url(93) + "AA"),
    ("apify-token", "Apify", lambda: "apify_api_" + chars(36)),
    ("artifactory-api-key", "Artifactory", lambda: "AKCp" + chars(69)),
    ("artifactory-reference-token", "Artifactory", lambda: "cmVmd" + chars(59)),
    ("aws-access-key", "AWS", lambda: "AKIA" + chars(16, UPPER + "234567")),
    ("aws-session-key", "AWS", lambda: "ASIA" + chars(16, UPPER + "234567")),
    ("aws-bedrock-long-lived", "Bedrock", lambda: "ABSK" + b64(130) + "="),
    (
        "aws-bedrock-short-lived",
        "Bedrock",
        lambda: "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t" + b64(120),
    ),
    ("azure-ad-client-secret", "Azure", lambda: chars(3) + rng.choice(DIGITS) + "Q~" + url(34)),
    ("bitbucket-app-password", "Bitbucket", lambda: "ATBB" + chars(32)),
    (
        "braintree-access-token",
        "Braintree",
        lambda: f"access_token$production${chars(16, LOWER + DIGITS)}${hexs(32)}",
    ),
    ("buildkite-token", "Buildkite", lambda: "bkua_" + hexs(40)),
    ("cerebras-key", "Cerebras", lambda: "csk-" + chars(48, LOWER + DIGITS)),
    ("circleci-pat", "CircleCI", lambda: f"CCIPAT_{chars(22)}_{hexs(40)}"),
    ("clickhouse-key", "ClickHouse", lambda: "4b1d" + chars(38)),
    ("clickup-token", "ClickUp", lambda: f"pk_{chars(8, DIGITS)}_{chars(32, UPPER + DIGITS)}"),
    ("clojars-token", "Clojars", lambda: "CLOJARS_" + chars(60, LOWER + DIGITS)),
    ("cloudflare-origin-ca-key", "Cloudflare", lambda: f"v1.0-{hexs(24)}-{hexs(146)}"),
    ("contentful-pat", "Contentful", lambda: "CFPAT-" + url(43)),
    ("databricks-token", "Databricks", lambda: "dapi" + hexs(32)),
    ("databricks-oauth-secret", "Databricks", lambda: "dose" + hexs(32)),
    ("deno-deploy-token", "Deno", lambda: "ddp_" + chars(36)),
    ("digitalocean-pat", "DigitalOcean", lambda: "dop_v1_" + hexs(64)),
    ("digitalocean-oauth", "DigitalOcean", lambda: "doo_v1_" + hexs(64)),
    ("digitalocean-refresh", "DigitalOcean", lambda: "dor_v1_" + hexs(64)),
    ("discord-bot-token", "Discord", lambda: "M" + chars(23) + "." + url(6) + "." + url(38)),
    (
        "discord-webhook",
        "Discord",
        lambda: f"https://discord.com/api/webhooks/{chars(18, DIGITS)}/{url(68)}",
    ),
    ("docker-hub-pat", "Docker Hub", lambda: "dckr_pat_" + url(27)),
    ("doppler-personal-token", "Doppler", lambda: "dp.pt." + chars(43)),
    ("doppler-service-token", "Doppler", lambda: "dp.st.prd." + chars(40)),
    ("dropbox-short-lived", "Dropbox", lambda: "sl." + url(135)),
    ("duffel-token", "Duffel", lambda: "duffel_live_" + url(43)),
    (
        "dynatrace-token",
        "Dynatrace",
        lambda: f"dt0c01.{chars(24, UPPER + DIGITS)}.{chars(64, UPPER + DIGITS)}",
    ),
    ("easypost-key", "EasyPost", lambda: "EZAK" + chars(54)),
    ("easypost-test-key", "EasyPost", lambda: "EZTK" + chars(54)),
    ("elevenlabs-key", "ElevenLabs", lambda: "sk_" + hexs(48)),
    ("facebook-page-token", "Facebook", lambda: "EAAC" + chars(140)),
    ("figma-pat", "Figma", lambda: "figd_" + url(40)),
    ("firebase-fcm-key", "Firebase", lambda: "AAAA" + url(7) + ":APA91b" + url(134)),
    ("firecrawl-key", "Firecrawl", lambda: "fc-" + hexs(32)),
    ("fireworks-key", "Fireworks", lambda: "fw_" + chars(24)),
    ("flutterwave-secret-key", "Flutterwave", lambda: "FLWSECK_TEST-" + hexs(32) + "-X"),
    ("flyio-token", "Fly.io", lambda: "fo1_" + url(43)),
    ("flyio-macaroon", "Fly.io", lambda: "fm2_" + b64(160)),
    ("frameio-token", "Frame.io", lambda: "fio-u-" + url(64)),
    ("gcp-api-key", "Google", lambda: "AIza" + url(35)),
    ("gcp-oauth-client-secret", "Google", lambda: "GOCSPX-" + url(28)),
    ("google-oauth-access-token", "Google", lambda: "ya29." + url(150)),
    ("google-refresh-token", "Google", lambda: "1//0" + url(100)),
    ("github-pat", "GitHub", lambda: "ghp_" + chars(36)),
    ("github-fine-grained-pat", "GitHub", lambda: "github_pat_" + chars(22) + "_" + chars(59)),
    ("github-oauth", "GitHub", lambda: "gho_" + chars(36)),
    ("github-app-token", "GitHub", lambda: "ghs_" + chars(36)),
    ("github-user-token", "GitHub", lambda: "ghu_" + chars(36)),
    ("github-refresh-token", "GitHub", lambda: "ghr_" + chars(76)),
    ("gitlab-pat", "GitLab", lambda: "glpat-" + url(20)),
    ("gitlab-pipeline-trigger", "GitLab", lambda: "glptt-" + hexs(40)),
    ("gitlab-runner-token", "GitLab", lambda: "glrt-" + url(20)),
    ("gitlab-deploy-token", "GitLab", lambda: "gldt-" + url(20)),
    ("gitlab-feed-token", "GitLab", lambda: "glft-" + url(20)),
    ("gitlab-oauth-secret", "GitLab", lambda: "gloas-" + url(64)),
    ("gitlab-runner-registration", "GitLab", lambda: "GR1348941" + url(20)),
    ("grafana-cloud-token", "Grafana", lambda: "glc_" + b64(80) + "=="),
    ("grafana-service-account", "Grafana", lambda: f"glsa_{chars(32)}_{hexs(8)}"),
    ("grafana-api-key", "Grafana", lambda: "eyJrIjoi" + chars(72) + "=="),
    ("groq-key", "Groq", lambda: "gsk_" + chars(52)),
    ("harness-pat", "Harness", lambda: f"pat.{url(22)}.{chars(24)}.{chars(20)}"),
    ("heroku-api-key-v2", "Heroku", lambda: "HRKU-AA" + url(58)),
    ("honeycomb-ingest-key", "Honeycomb", lambda: "hcaik_" + chars(58, LOWER + DIGITS)),
    ("hubspot-private-app", "HubSpot", lambda: "pat-na1-" + uuid()),
    ("huggingface-token", "Hugging Face", lambda: "hf_" + chars(34, LOWER + UPPER)),
    ("huggingface-org-token", "Hugging Face", lambda: "api_org_" + chars(34, LOWER + UPPER)),
    ("infisical-service-token", "Infisical", lambda: f"st.{uuid()}.{hexs(32)}.{hexs(32)}"),
    ("infracost-key", "Infracost", lambda: "ico-" + chars(32)),
    ("intra42-secret", "42", lambda: "s-s4t2ud-" + hexs(64)),
    ("jina-key", "Jina", lambda: "jina_" + url(60)),
    ("jwt", "JWT", jwt),
    ("k3s-token", "k3s", lambda: f"K10{hexs(64)}::server:{hexs(32)}"),
    ("langsmith-key", "LangSmith", lambda: f"lsv2_pt_{hexs(32)}_{hexs(10)}"),
    ("launchdarkly-sdk-key", "LaunchDarkly", lambda: "sdk-" + uuid()),
    ("linear-api-key", "Linear", lambda: "lin_api_" + chars(40)),
    ("linear-oauth-token", "Linear", lambda: "lin_oauth_" + hexs(64)),
    ("mailchimp-key", "Mailchimp", lambda: hexs(32) + "-us" + str(rng.randrange(1, 21))),
    ("mailersend-token", "MailerSend", lambda: "mlsn." + hexs(64)),
    ("mailgun-private-key", "Mailgun", lambda: "key-" + hexs(32)),
    ("mailgun-public-key", "Mailgun", lambda: "pubkey-" + hexs(32)),
    ("mapbox-secret-token", "Mapbox", lambda: "sk.eyJ1Ijoi" + chars(40) + "." + url(22)),
    ("maxmind-license", "MaxMind", lambda: f"{chars(6)}_{chars(29)}_mmk"),
    ("neon-api-key", "Neon", lambda: "napi_" + chars(64, LOWER + DIGITS)),
    ("netlify-pat", "Netlify", lambda: "nfp_" + chars(40)),
    ("new-relic-user-key", "New Relic", lambda: "NRAK-" + chars(27, UPPER + DIGITS)),
    ("new-relic-insert-key", "New Relic", lambda: "NRII-" + url(32)),
    ("new-relic-license-key", "New Relic", lambda: hexs(36) + "NRAL"),
    ("notion-token", "Notion", lambda: "ntn_" + chars(11, DIGITS) + chars(35)),
    ("notion-legacy-secret", "Notion", lambda: "secret_" + chars(43)),
    ("npm-token", "npm", lambda: "npm_" + chars(36)),
    ("nuget-api-key", "NuGet", lambda: "oy2" + chars(43, LOWER + DIGITS)),
    ("octopus-api-key", "Octopus", lambda: "API-" + chars(26, UPPER + DIGITS)),
    ("openai-project-key", "OpenAI", lambda: "sk-proj-" + url(74) + "T3BlbkFJ" + url(74)),
    ("openai-legacy-key", "OpenAI", lambda: "sk-" + chars(20) + "T3BlbkFJ" + chars(20)),
    ("openai-svcacct-key", "OpenAI", lambda: "sk-svcacct-" + url(58) + "T3BlbkFJ" + url(58)),
    ("openrouter-key", "OpenRouter", lambda: "sk-or-v1-" + hexs(64)),
    ("deepseek-key", "DeepSeek", lambda: "sk-" + hexs(32)),
    ("openshift-token", "OpenShift", lambda: "sha256~" + url(43)),
    ("perplexity-key", "Perplexity", lambda: "pplx-" + chars(48)),
    ("pinecone-key", "Pinecone", lambda: "pcsk_" + chars(6) + "_" + url(60)),
    ("plaid-access-token", "Plaid", lambda: "access-production-" + uuid()),
    ("planetscale-token", "PlanetScale", lambda: "pscale_tkn_" + url(43)),
    ("planetscale-password", "PlanetScale", lambda: "pscale_pw_" + url(43)),
    ("postman-key", "Postman", lambda: f"PMAK-{hexs(24)}-{hexs(34)}"),
    ("prefect-key", "Prefect", lambda: "pnu_" + chars(36)),
    ("pulumi-token", "Pulumi", lambda: "pul-" + hexs(40)),
    ("pypi-token", "PyPI", lambda: "pypi-AgEIcHlwaS5vcmc" + url(70)),
    ("razorpay-key", "Razorpay", lambda: "rzp_live_" + chars(14)),
    ("readme-key", "ReadMe", lambda: "rdme_" + chars(70, LOWER + DIGITS)),
    ("render-key", "Render", lambda: "rnd_" + chars(32)),
    ("replicate-token", "Replicate", lambda: "r8_" + chars(37)),
    ("resend-key", "Resend", lambda: f"re_{chars(8)}_{chars(24)}"),
    ("rubygems-key", "RubyGems", lambda: "rubygems_" + hexs(48)),
    ("salesforce-token", "Salesforce", lambda: "00D" + chars(15) + "!" + chars(96, ALNUM + "._")),
    ("scalingo-token", "Scalingo", lambda: "tk-us-" + url(48)),
    ("scaleway-access-key", "Scaleway", lambda: "SCW" + chars(17, UPPER + DIGITS)),
    ("sendgrid-key", "SendGrid", lambda: f"SG.{url(22)}.{url(43)}"),
    ("sendinblue-key", "Brevo", lambda: f"xkeysib-{hexs(64)}-{chars(16)}"),
    ("sentry-user-token", "Sentry", lambda: "sntryu_" + hexs(64)),
    ("sentry-org-token", "Sentry", lambda: "sntrys_eyJpYXQiOjE3" + b64(120) + "_" + b64(43)),
    ("settlemint-token", "SettleMint", lambda: "sm_pat_" + chars(16)),
    ("shippo-token", "Shippo", lambda: "shippo_live_" + hexs(40)),
    ("shopify-access-token", "Shopify", lambda: "shpat_" + hexs(32)),
    ("shopify-shared-secret", "Shopify", lambda: "shpss_" + hexs(32)),
    ("shopify-custom-token", "Shopify", lambda: "shpca_" + hexs(32)),
    ("shopify-private-app", "Shopify", lambda: "shppa_" + hexs(32)),
    (
        "slack-bot-token",
        "Slack",
        lambda: f"xoxb-{chars(12, DIGITS)}-{chars(13, DIGITS)}-{chars(24)}",
    ),
    (
        "slack-user-token",
        "Slack",
        lambda: f"xoxp-{chars(12, DIGITS)}-{chars(12, DIGITS)}-{chars(13, DIGITS)}-{hexs(32)}",
    ),
    (
        "slack-app-token",
        "Slack",
        lambda: f"xapp-1-A{chars(10, UPPER + DIGITS)}-{chars(13, DIGITS)}-{hexs(64)}",
    ),
    (
        "slack-webhook",
        "Slack",
        lambda: (
            f"https://hooks.slack.com/services/T{chars(8, UPPER + DIGITS)}/B{chars(8, UPPER + DIGITS)}/{chars(24)}"
        ),
    ),
    ("sonarqube-token", "SonarQube", lambda: "squ_" + hexs(40)),
    ("sourcegraph-token", "Sourcegraph", lambda: f"sgp_{hexs(16)}_{hexs(40)}"),
    ("sourcegraph-local-token", "Sourcegraph", lambda: "sgp_local_" + hexs(40)),
    ("square-access-token", "Square", lambda: "EAAA" + url(60)),
    ("square-oauth-secret", "Square", lambda: "sq0csp-" + url(43)),
    ("stripe-secret-key", "Stripe", lambda: "sk_live_" + chars(99)),
    ("stripe-restricted-key", "Stripe", lambda: "rk_live_" + chars(99)),
    ("stripe-test-key", "Stripe", lambda: "sk_test_" + chars(24)),
    ("stripe-webhook-secret", "Stripe", lambda: "whsec_" + chars(32)),
    ("supabase-pat", "Supabase", lambda: "sbp_" + hexs(40)),
    ("supabase-secret-key", "Supabase", lambda: "sb_secret_" + url(31)),
    ("tailscale-auth-key", "Tailscale", lambda: f"tskey-auth-k{chars(10)}CNTRL-{chars(33)}"),
    ("tailscale-api-key", "Tailscale", lambda: f"tskey-api-k{chars(10)}CNTRL-{chars(33)}"),
    ("tavily-key", "Tavily", lambda: "tvly-" + chars(32)),
    ("telegram-bot-token", "Telegram", lambda: f"{chars(10, DIGITS)}:AA{url(33)}"),
    ("telnyx-key", "Telnyx", lambda: f"KEY{chars(32, '0123456789ABCDEF')}_{chars(22)}"),
    ("tencent-secret-id", "Tencent", lambda: "AKID" + chars(32)),
    ("terraform-cloud-token", "Terraform Cloud", lambda: f"{chars(14)}.atlasv1.{url(67)}"),
    ("together-key", "Together", lambda: "tgp_v1_" + url(43)),
    ("twilio-api-key", "Twilio", lambda: "SK" + hexs(32)),
    ("twitter-bearer-token", "Twitter", lambda: "A" * 22 + chars(90, ALNUM + "%")),
    ("typeform-token", "Typeform", lambda: "tfp_" + url(59)),
    ("vault-service-token", "Vault", lambda: "hvs." + url(95)),
    ("vault-batch-token", "Vault", lambda: "hvb." + url(140)),
    ("vault-legacy-token", "Vault", lambda: "s." + chars(24)),
    ("vercel-token", "Vercel", lambda: "vcp_" + chars(56)),
    ("xai-key", "xAI", lambda: "xai-" + chars(80)),
    ("yandex-api-key", "Yandex", lambda: "AQVN" + url(36)),
    ("yandex-iam-token", "Yandex", lambda: "t1." + url(50) + "." + url(86)),
    (
        "zapier-webhook",
        "Zapier",
        lambda: (
            f"https://hooks.zapier.com/hooks/catch/{chars(7, DIGITS)}/{chars(6, LOWER + DIGITS)}/"
        ),
    ),
    (
        "teams-webhook",
        "Teams",
        lambda: (
            f"https://acme.webhook.office.com/webhookb2/{uuid()}@{uuid()}/IncomingWebhook/{hexs(32)}/{uuid()}"
        ),
    ),
    ("jenkins-encrypted", "Jenkins", lambda: "{AQAAABAAAAAQ" + b64(64) + "=}"),
    ("anyscale-key", "Anyscale", lambda: "esecret_" + chars(26, LOWER + DIGITS)),
    ("password-hash-bcrypt", "bcrypt", lambda: "$2b$12$" + chars(53, ALNUM + "./")),
    (
        "password-hash-sha512crypt",
        "crypt",
        lambda: "$6$" + chars(16) + "$" + chars(86, ALNUM + "./"),
    ),
]

# Tokens without a shape of their own: caught by their key or by the words around them.
# (family, key stem, token maker); the key is the stem plus a secret suffix.
HEX32: Maker = lambda: hexs(32)  # noqa: E731 (a table of makers)
HEX40: Maker = lambda: hexs(40)  # noqa: E731
HEX64: Maker = lambda: hexs(64)  # noqa: E731
A32: Maker = lambda: chars(32)  # noqa: E731
A40: Maker = lambda: chars(40)  # noqa: E731
L32: Maker = lambda: chars(32, LOWER + DIGITS)  # noqa: E731
U36: Maker = uuid
KEYED_STEMS: list[tuple[str, Maker]] = [
    ("abstract", HEX32),
    ("abuseipdb", HEX64),
    ("adobe", HEX32),
    ("airtable", lambda: chars(17)),
    ("algolia", HEX32),
    ("alchemy", lambda: url(32)),
    ("alphavantage", lambda: chars(16, UPPER + DIGITS)),
    ("amplitude", HEX32),
    ("anthropic_admin", A40),
    ("appveyor", lambda: chars(20, LOWER + DIGITS)),
    ("asana", A32),
    ("assemblyai", HEX32),
    ("atlassian", lambda: chars(24)),
    ("auth0", lambda: url(64)),
    ("azure_devops", lambda: chars(52, LOWER + "234567")),
    ("azure_openai", HEX32),
    ("backblaze", lambda: chars(31)),
    ("beamer", lambda: "b_" + url(44)),
    ("bitly", HEX40),
    ("bittrex", HEX32),
    ("box", A32),
    ("browserstack", lambda: chars(20)),
    ("bugsnag", HEX32),
    ("calendly", jwt),
    ("censys", A32),
    ("checkly", lambda: "cu_" + hexs(32)),
    ("cloudflare", lambda: url(40)),
    ("cloudflare_global", lambda: hexs(37)),
    ("cloudinary", lambda: url(27)),
    ("codecov", U36),
    ("cohere", A40),
    ("coinbase", lambda: url(64)),
    ("coinmarketcap", U36),
    ("confluent", lambda: chars(64)),
    ("contentful", lambda: url(43)),
    ("convex", lambda: "prod:" + chars(40)),
    ("datadog", HEX32),
    ("datadog_app", HEX40),
    ("deepgram", HEX40),
    ("discord_client", lambda: url(32)),
    ("docusign", U36),
    ("droneci", A32),
    ("dropbox", lambda: chars(15)),
    ("etherscan", lambda: chars(34, UPPER + DIGITS)),
    ("etsy", lambda: chars(24, LOWER + DIGITS)),
    ("facebook_app", HEX32),
    ("fastly", lambda: url(32)),
    ("fauna", lambda: "fnA" + url(37)),
    ("finicity", HEX32),
    ("finnhub", lambda: chars(20, LOWER + DIGITS)),
    ("flickr", HEX32),
    ("freshbooks", HEX64),
    ("freshdesk", lambda: chars(20)),
    ("gemini", lambda: "AIza" + url(35)),
    ("giphy", A32),
    ("gitea", HEX40),
    ("gitter", lambda: url(40)),
    ("gocardless", lambda: "live_" + url(40)),
    ("hetzner", lambda: chars(64)),
    ("heroku", U36),
    ("honeybadger", lambda: chars(22)),
    ("hubspot", lambda: uuid().upper()),
    ("hunter", HEX40),
    ("ibm_cloud", lambda: url(44)),
    ("infura", HEX32),
    ("intercom", lambda: url(60)),
    ("ipinfo", lambda: hexs(14)),
    ("jfrog", lambda: chars(73, LOWER + DIGITS)),
    ("jira", lambda: chars(24)),
    ("kraken", lambda: b64(88)),
    ("kucoin", lambda: hexs(24)),
    ("launchdarkly", lambda: url(40)),
    ("lambdatest", lambda: chars(50)),
    ("linear_client", HEX32),
    ("linkedin", lambda: chars(16)),
    ("linode", HEX64),
    ("lob", lambda: "live_" + hexs(35)),
    ("logdna", HEX32),
    ("loggly", U36),
    ("looker", lambda: chars(24)),
    ("mailjet", HEX32),
    ("mandrill", lambda: url(22)),
    ("mattermost", lambda: chars(26, LOWER + DIGITS)),
    ("meraki", HEX40),
    ("messagebird", lambda: chars(25)),
    ("mistral", A32),
    ("mixpanel", HEX32),
    ("monday", jwt),
    ("moralis", lambda: chars(64)),
    ("mux", lambda: b64(75)),
    ("newsapi", HEX32),
    ("nytimes", A32),
    ("okta", lambda: "00" + url(40)),
    ("openweather", HEX32),
    ("opsgenie", U36),
    ("ovh", A32),
    ("pagerduty", lambda: "u+" + url(18)),
    ("papertrail", lambda: chars(20)),
    ("paystack", lambda: "sk_live_" + hexs(40)),
    ("pexels", lambda: chars(56)),
    ("pinata", HEX64),
    ("plaid", lambda: hexs(30)),
    ("plivo", lambda: chars(40)),
    ("polygon", lambda: chars(32)),
    ("posthog", lambda: "phx_" + chars(43)),
    ("postmark", U36),
    ("privateai", A32),
    ("pusher", lambda: hexs(20)),
    ("qdrant", lambda: url(40)),
    ("railway", U36),
    ("rapidapi", lambda: url(50)),
    ("redis_cloud", lambda: chars(40)),
    ("rollbar", HEX32),
    ("saucelabs", U36),
    ("segment", lambda: chars(32)),
    ("sendbird", HEX40),
    ("shodan", A32),
    ("sinch", HEX32),
    ("snyk", U36),
    ("sparkpost", HEX40),
    ("splunk_hec", U36),
    ("spotify", HEX32),
    ("squarespace", U36),
    ("statuscake", lambda: chars(20)),
    ("sumologic", lambda: chars(64)),
    ("todoist", HEX40),
    ("travis", lambda: chars(22)),
    ("trello", HEX64),
    ("twilio_auth", HEX32),
    ("twitch", lambda: chars(30, LOWER + DIGITS)),
    ("twitter", lambda: chars(45)),
    ("unsplash", lambda: url(43)),
    ("upstash", lambda: b64(60)),
    ("uptimerobot", lambda: "u" + chars(7, DIGITS) + "-" + hexs(24)),
    ("virustotal", HEX64),
    ("vonage", lambda: chars(16)),
    ("vultr", lambda: chars(36, UPPER + DIGITS)),
    ("wandb", HEX40),
    ("weaviate", lambda: chars(40)),
    ("zendesk", lambda: chars(40)),
    ("zilliz", lambda: hexs(104)),
    ("zoom", lambda: chars(36)),
]
KEY_SUFFIXES = [
    "_API_KEY",
    "_TOKEN",
    "_SECRET",
    "_ACCESS_TOKEN",
    "_SECRET_KEY",
    "_AUTH_TOKEN",
    "_CLIENT_SECRET",
    "_KEY",
    "_PRIVATE_KEY",
    "_APP_SECRET",
]


def key_cases(stem: str, suffix: str) -> tuple[str, str, str]:
    """Return an environment name, a snake_case name and a camelCase name for a key."""
    env = (stem + suffix).upper()
    snake = env.lower()
    words = snake.split("_")
    return env, snake, words[0] + "".join(word.title() for word in words[1:])


# Generic forms: (family, maker of (text, secret)).
def generic_forms() -> list[tuple[str, Callable[[], tuple[str, str]]]]:
    """Return the credential forms that no token shape covers, each a maker of (text, secret)."""

    def password() -> str:
        return chars(rng.randrange(10, 18), ALNUM + "!#%^*-_")

    def argument() -> str:  # a password on a command line: not one that reads as a flag
        return chars(1, ALNUM) + chars(rng.randrange(9, 17), ALNUM + "!#%^*-_")

    def short_hex() -> str:  # 8 hex: six drawn, two of them again
        drawn = rng.sample("0123456789abcdef", 6)
        return "".join(drawn[i] for i in (0, 1, 2, 0, 3, 4, 1, 5))

    def chosen() -> str:  # a password a person chose: a word, a symbol, digits
        word = chars(1, UPPER) + chars(rng.randrange(5, 9), LOWER)
        return word + rng.choice("!#%*") + chars(2, DIGITS)

    forms: list[tuple[str, Callable[[], tuple[str, str]]]] = []

    def add(family: str, template: str, make: Callable[[], str] = password) -> None:
        def sample() -> tuple[str, str]:
            secret = make()
            return template.replace("{s}", secret).replace(
                "{u}", rng.choice(["svc", "deploy", "ci-bot", "app"])
            ), secret

        forms.append((family, sample))

    add("python-auth-tuple", 'requests.get(url, auth=("{u}", "{s}"))')
    add("python-auth-tuple", "session.auth = ('{u}', '{s}')")
    add("python-basic-auth", 'HTTPBasicAuth("{u}", "{s}")')
    add("java-set-property", 'System.setProperty("DB_PASSWORD", "{s}");')
    add("java-set-property", 'System.setProperty("X_API_TOKEN", "{s}");', lambda: chars(32))
    add("go-setenv", 'os.Setenv("SERVICE_TOKEN", "{s}")', lambda: chars(32))
    add("php-append", "$password .= '{s}';")
    add("php-array", "$config['db_password'] = '{s}';")
    add("make-immediate", "DEPLOY_TOKEN ::= {s}", lambda: chars(32))
    add("make-conditional", "REGISTRY_PASSWORD ?= {s}")
    add("make-simple", "API_SECRET := {s}", lambda: chars(32))
    add("nuget-cleartext-password", '<add key="ClearTextPassword" value="{s}" />')
    add(
        "nuget-password",
        '<packageSourceCredentials><feed><add key="Username" value="{u}" /><add key="Password" value="{s}" /></feed></packageSourceCredentials>',
    )
    add("curl-user", "curl -u {u}:{s} https://registry.example.com/v2/_catalog")
    add("curl-user-quoted", 'curl -sS -u "{u}:{s}" https://api.example.com/v1/items')
    add("curl-user-long", "curl --user '{u}:{s}' -X POST https://ci.example.com/job/build")
    add(
        "curl-user-continued",
        "curl -fsSL \\\n  --user {u}:{s} \\\n  https://nexus.example.com/repository/raw/",
    )
    add("curl-user-equals", "curl --user={u}:{s} https://api.example.com/")
    add(
        "authorization-token",
        'curl -H "Authorization: Token {s}" https://api.example.com/v2/',
        lambda: hexs(40),
    )
    add("authorization-api-token", "Authorization: Api-Token {s}", lambda: chars(40))
    add("authorization-bearer", "Authorization: Bearer {s}", lambda: url(48))
    add(
        "authorization-basic",
        "Authorization: Basic {s}",
        lambda: b64_of(f"admin:{password()}".encode()),
    )
    add("x-api-key-header", 'curl -H "X-API-Key: {s}" https://api.example.com', lambda: chars(40))
    add("url-credentials", "DATABASE_URL=postgres://app:{s}@db.internal:5432/app")
    add(
        "url-credentials",
        "git clone https://oauth2:{s}@gitlab.example.com/group/repo.git",
        lambda: url(20),
    )
    add("url-credentials", "redis://:{s}@cache.example.net:6379/0")
    add("password-assignment", "DB_PASSWORD={s}")
    add("password-yaml", "database:\n  user: app\n  password: {s}\n")
    add("password-json", '{"username": "{u}", "password": "{s}"}')
    add("password-flag", "mysql -h db -u root -p{s} app")
    add("password-flag", "./manage --db-password {s} migrate")
    add("secret-assignment", 'client_secret = "{s}"', lambda: url(40))
    add("token-assignment", "export ACCESS_TOKEN={s}", lambda: chars(40))
    add("api-key-assignment", 'apiKey: "{s}"', lambda: chars(32))
    add(
        "generic-high-entropy-bare",
        "the service replied 401 for credential {s} — rotated",
        lambda: chars(40),
    )
    add(
        "kubernetes-env-value",
        'env:\n  - name: STRIPE_API_KEY\n    value: "{s}"\n',
        lambda: chars(32),
    )
    add("compose-env-value", "environment:\n  - POSTGRES_PASSWORD={s}\n")
    add("jenkins-credential-xml", "<password>{s}</password>")
    add(
        "private-key-rsa",
        "{s}",
        lambda: (
            "-----BEGIN RSA PRIVATE KEY-----\n"
            + "\n".join(b64(64) for _ in range(8))
            + "\n-----END RSA PRIVATE KEY-----"
        ),
    )
    add(
        "private-key-openssh",
        "key:\n{s}",
        lambda: (
            "-----BEGIN OPENSSH PRIVATE KEY-----\n"
            + "\n".join(b64(70) for _ in range(6))
            + "\n-----END OPENSSH PRIVATE KEY-----"
        ),
    )
    add(
        "private-key-ec",
        "{s}",
        lambda: (
            "-----BEGIN EC PRIVATE KEY-----\n"
            + "\n".join(b64(64) for _ in range(3))
            + "\n-----END EC PRIVATE KEY-----"
        ),
    )
    add(
        "private-key-pgp",
        "{s}",
        lambda: (
            "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n"
            + "\n".join(b64(64) for _ in range(6))
            + "\n-----END PGP PRIVATE KEY BLOCK-----"
        ),
    )
    add(
        "putty-private-key",
        "{s}",
        lambda: (
            "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: key\nPublic-Lines: 2\n"
            + b64(64)
            + "\n"
            + b64(20)
            + "\nPrivate-Lines: 1\n"
            + b64(44)
        ),
    )
    add(
        "gcp-service-account",
        '{"type": "service_account", "private_key": "{s}", "client_email": "x@p.iam.gserviceaccount.com"}',
        lambda: (
            "-----BEGIN PRIVATE KEY-----\\n"
            + b64(64)
            + "\\n"
            + b64(64)
            + "\\n-----END PRIVATE KEY-----\\n"
        ),
    )
    add(
        "azure-storage-connection",
        "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={s};EndpointSuffix=core.windows.net",
        lambda: b64(86) + "==",
    )
    add(
        "azure-sas",
        "https://acme.blob.core.windows.net/c/x?sv=2022-11-02&se=2026-01-01&sig={s}",
        lambda: b64(43) + "%3D",
    )
    add("aws-secret-key", "aws_secret_access_key = {s}", lambda: b64(40))
    add(
        "docker-config-auth",
        '{"auths": {"registry.example.com": {"auth": "{s}"}}}',
        lambda: b64_of(f"deploy:{password()}".encode()),
    )
    add("npmrc-auth", "//registry.npmjs.org/:_authToken={s}", lambda: uuid())
    add(
        "pypirc-password",
        "[pypi]\nusername = __token__\npassword = {s}\n",
        lambda: "pypi-AgEIcHlwaS5vcmc" + url(60),
    )
    add("git-credential-helper", "https://{u}:{s}@github.com", lambda: "ghp_" + chars(36))
    add(
        "ldap-bind-password",
        "ldapsearch -x -D cn=admin,dc=example,dc=org -w {s} -b dc=example,dc=org",
    )
    add("sshpass", "sshpass -p '{s}' ssh deploy@10.0.0.5")
    add("redis-cli", "redis-cli -h cache -a {s} ping")
    add("docker-login", "docker login -u {u} -p {s} registry.example.com")
    add("htpasswd-line", "admin:{s}", lambda: "$apr1$" + chars(8) + "$" + chars(22, ALNUM + "./"))
    add(
        "phone-e164",
        "call me at {s} after 5pm",
        lambda: "+1" + rng.choice(["415", "646", "312"]) + chars(7, DIGITS),
    )
    add(
        "phone-e164-spaced",
        "Support line: {s}",
        lambda: "+44 20 " + chars(4, DIGITS) + " " + chars(4, DIGITS),
    )
    add("phone-e164-de", "Rückruf unter {s} bitte", lambda: "+49 30 " + chars(8, DIGITS))
    add(
        "phone-us-national",
        "phone: {s}",
        lambda: (
            f"({rng.choice(['415', '646', '503'])}) {rng.randrange(200, 999)}-{chars(4, DIGITS)}"
        ),
    )
    add(
        "phone-us-dashed",
        "text the on-call at {s} if paging fails",
        lambda: f"{rng.choice(['415', '646', '503'])}-{rng.randrange(200, 999)}-{chars(4, DIGITS)}",
    )
    add(
        "phone-fr-national",
        "Tél: {s}",
        lambda: "06 " + " ".join(chars(2, DIGITS) for _ in range(4)),
    )
    add("phone-uk-national", "mobile 07{s}", lambda: chars(3, DIGITS) + " " + chars(6, DIGITS))
    add("card-visa", "charged card {s} for the invoice", lambda: luhn_complete("4", 16))
    add("card-visa-spaced", "card number: {s}", lambda: grouped(luhn_complete("4", 16)))
    add(
        "card-mastercard-dashed",
        '{"card": "{s}"}',
        lambda: grouped(luhn_complete("5" + rng.choice("12345"), 16), 4, "-"),
    )
    add("card-amex", "amex {s} exp 04/29", lambda: luhn_complete("37", 15))
    add("card-discover", "paid with {s}", lambda: luhn_complete("6011", 16))
    add("iban-de", "Überweisung an {s}", lambda: iban("DE", 22))
    add("iban-fr-grouped", "IBAN: {s}", lambda: grouped(iban("FR", 27)))
    add("iban-gb", "refund to account {s} please", lambda: iban("GB", 22, 4))
    add("iban-nl-grouped", "Rekening {s} t.n.v. J. Jansen", lambda: grouped(iban("NL", 18, 4)))
    add(
        "kubernetes-secret-data",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  username: YWRtaW4=\n  password: {s}\n",
        lambda: b64_of(password().encode()),
    )
    add(
        "kubernetes-secret-tls",
        "kind: Secret\ntype: kubernetes.io/tls\ndata:\n  tls.crt: LS0tLS1CRUdJTg==\n  tls.key: {s}\n",
        lambda: b64(120),
    )
    return forms


# --- contexts ----------------------------------------------------------------------------------
Context = Callable[[str, str, str], str]
TOOLS = ["deploy", "sync", "ingest", "backup", "worker"]


def contexts() -> dict[str, Context]:
    """Return the main contexts: (token, provider word, env name) -> text."""
    return {
        "prose": lambda t, p, e: (
            f"Rotated the {p} credential {t} after it showed up in the build log."
        ),
        "prose-non-ascii": lambda t, p, e: f"slack said try {t} — works now ✅",
        "shell-export": lambda t, p, e: f"export {e}={t}",
        "shell-flag": lambda t, p, e: (
            f"{rng.choice(TOOLS)} --profile prod -t {t} --region eu-west-1"
        ),
        "shell-pipe": lambda t, p, e: f"echo {t} | {rng.choice(TOOLS)} login --with-token",
        "curl": lambda t, p, e: (
            f'curl -sS -H "Authorization: Bearer {t}" https://api.example.com/v1/me'
        ),
        "python": lambda t, p, e: f'client = Client(api_key="{t}", timeout=30)',
        "python-environ": lambda t, p, e: f'os.environ["{e}"] = "{t}"',
        "javascript": lambda t, p, e: f"const {e.lower().split('_')[-1]} = '{t}';",
        "go": lambda t, p, e: f'cfg := Config{{Token: "{t}", Retries: 3}}',
        "java": lambda t, p, e: f'System.setProperty("{e}", "{t}");',
        "php": lambda t, p, e: f"define('{e}', '{t}');",
        "make": lambda t, p, e: f"{e} ?= {t}",
        "yaml": lambda t, p, e: (
            f"{p.lower().replace(' ', '_')}:\n  {e.lower()}: {t}\n  region: us-east-1\n"
        ),
        "xml": lambda t, p, e: f'<add key="{e}" value="{t}" />',
        "dotenv": lambda t, p, e: f'{e}="{t}"',
        "kubernetes": lambda t, p, e: (
            f"containers:\n  - name: app\n    env:\n      - name: {e}\n        value: {t}\n"
        ),
        "json": lambda t, p, e: json.dumps({"provider": p, e.lower(): t, "ok": True}),
        "log": lambda t, p, e: f"2026-03-01T12:00:00Z WARN request failed key={t} status=401",
        "stacktrace": lambda t, p, e: (
            f'Traceback (most recent call last):\n  File "app.py", line 12, in <module>\nAuthError: invalid credential {t}'
        ),
    }


def held_out_contexts() -> dict[str, Context]:
    """Return the held-out contexts, written before tuning and never tuned on."""
    return {
        "markdown": lambda t, p, e: (
            f"Setup:\n\n```\n{t}\n```\n\npaste it into the {p} settings page"
        ),
        "systemd": lambda t, p, e: f'Environment="{e}={t}"',
        "gh-actions": lambda t, p, e: f"jobs:\n  build:\n    env:\n      {e}: {t}\n",
        "terraform": lambda t, p, e: f'provider "x" {{\n  token = "{t}"\n}}',
        "rust": lambda t, p, e: f'let key = "{t}";',
        "ruby": lambda t, p, e: f"ENV['{e}'] = '{t}'",
        "powershell": lambda t, p, e: f'$env:{e} = "{t}"',
        "chat": lambda t, p, e: f"can you check why {t} returns 401? it worked yesterday",
        "error": lambda t, p, e: f"401 Unauthorized: invalid api key '{t}'",
        "query": lambda t, p, e: f"GET /v2/items?access_token={t}&page=2 HTTP/1.1",
        "compose": lambda t, p, e: f"services:\n  app:\n    environment:\n      - {e}={t}\n",
        "ini": lambda t, p, e: f"[default]\n{e.lower()} = {t}\n",
        "header": lambda t, p, e: f"X-API-Key: {t}",
        "nested-json": lambda t, p, e: json.dumps({"auth": {"type": "token", "token": t}}),
        "fish": lambda t, p, e: f"set -gx {e} {t}",
    }


def secrets(
    context_table: dict[str, Context], per_family: int, generic_per_form: int
) -> list[dict[str, str]]:
    """Return the secret samples: every family in ``per_family`` contexts."""
    names = list(context_table)
    rows = []
    for family, provider, make in PREFIXED:
        stem = provider.upper().replace(" ", "_").replace(".", "")
        for context in rng.sample(names, per_family):
            token = make()
            env = stem + rng.choice(["_TOKEN", "_API_KEY", "_SECRET"])
            rows.append(
                {
                    "family": family,
                    "context": context,
                    "text": context_table[context](token, provider, env),
                    "secret": token,
                }
            )
    for stem, make in KEYED_STEMS:
        family = stem.replace("_", "-") + "-key"
        for context in rng.sample(keyed_contexts(), per_family):
            token = make()
            env, snake, camel = key_cases(stem, rng.choice(KEY_SUFFIXES))
            rows.append(
                {
                    "family": family,
                    "context": context[0],
                    "text": context[1](token, env, snake, camel),
                    "secret": token,
                }
            )
    for family, make_form in generic_forms():
        for _ in range(generic_per_form):
            text, secret = make_form()
            rows.append({"family": family, "context": "form", "text": text, "secret": secret})
    return rows


KeyedContext = tuple[str, Callable[[str, str, str, str], str]]


def keyed_contexts() -> list[KeyedContext]:
    """Return the contexts of key-named secrets: (name, (token, ENV, snake, camel) -> text)."""
    return [
        ("dotenv", lambda t, e, s, c: f"{e}={t}"),
        ("shell", lambda t, e, s, c: f"export {e}='{t}'"),
        ("yaml", lambda t, e, s, c: f"{s}: {t}"),
        ("json", lambda t, e, s, c: json.dumps({s: t, "enabled": True})),
        ("python", lambda t, e, s, c: f'{s} = "{t}"'),
        ("javascript", lambda t, e, s, c: f"const config = {{ {c}: '{t}' }};"),
        ("toml", lambda t, e, s, c: f'{s} = "{t}"'),
        ("docker", lambda t, e, s, c: f"docker run -e {e}={t} ghcr.io/acme/app:1.4.2"),
        ("kubernetes", lambda t, e, s, c: f'env:\n  - name: {e}\n    value: "{t}"\n'),
        ("java", lambda t, e, s, c: f'System.setProperty("{e}", "{t}");'),
        ("xml", lambda t, e, s, c: f"<{c}>{t}</{c}>"),
        ("php", lambda t, e, s, c: f"$settings['{s}'] = '{t}';"),
        ("go", lambda t, e, s, c: f'os.Setenv("{e}", "{t}")'),
        ("make", lambda t, e, s, c: f"{e} ::= {t}"),
        ("cli-flag", lambda t, e, s, c: f"app serve --{s.replace('_', '-')} {t}"),
    ]


# --- benign ------------------------------------------------------------------------------------
def benign(count: int) -> list[dict[str, str]]:
    """Return ``count`` benign technical strings, cycling through the kinds."""
    nix32 = "0123456789abcdfghijklmnpqrsvwxyz"
    words = ["server", "client", "cache", "build", "deploy", "config", "index", "router", "worker"]
    kinds: list[tuple[str, Callable[[], str]]] = [
        ("git-sha", lambda: f"Fixed in commit {hexs(40)} (see the changelog)."),
        ("git-short-sha", lambda: f"git cherry-pick {hexs(7)} && git push"),
        (
            "sha256-line",
            lambda: (
                f"{hexs(64)}  nixos-minimal-25.05.{rng.randrange(1000, 9999)}.{hexs(7)}-x86_64-linux.iso"
            ),
        ),
        ("docker-digest", lambda: f"ghcr.io/acme/api@sha256:{hexs(64)}"),
        (
            "nix-store-path",
            lambda: (
                f"/nix/store/{chars(32, nix32)}-python3-3.11.{rng.randrange(1, 12)}/bin/python3"
            ),
        ),
        ("nix-sri-hash", lambda: f'hash = "sha256-{b64(43)}=";'),
        ("npm-integrity", lambda: f'"integrity": "sha512-{b64(86)}=="'),
        ("go-sum", lambda: f"github.com/spf13/cobra v1.8.{rng.randrange(0, 9)} h1:{b64(43)}="),
        ("pip-hash", lambda: f"requests==2.32.3 --hash=sha256:{hexs(64)}"),
        (
            "uuid-request",
            lambda: f"request_id={uuid()} status=200 duration_ms={rng.randrange(2, 900)}",
        ),
        ("uuid-k8s", lambda: f"uid: {uuid()}"),
        ("trace-id", lambda: f"trace_id={hexs(32)} span_id={hexs(16)}"),
        (
            "version",
            lambda: (
                f"upgraded from v{rng.randrange(1, 9)}.{rng.randrange(0, 30)}.{rng.randrange(0, 9)}-rc.{rng.randrange(1, 5)} to v2.{rng.randrange(0, 30)}.0+build.{rng.randrange(1, 999)}"
            ),
        ),
        (
            "maven",
            lambda: f"implementation 'io.jsonwebtoken:jjwt-jackson:0.11.{rng.randrange(1, 6)}'",
        ),
        (
            "maven-coordinate",
            lambda: (
                f"io.jsonwebtoken:jjwt-{rng.choice(['api', 'impl', 'jackson'])}-0.{rng.randrange(10, 13)}.{rng.randrange(1, 6)}.jar"
            ),
        ),
        (
            "xml-key",
            lambda: (
                f'<entry key="jetbrains.mps.{rng.choice(words)}.{rng.choice(words)}Settings" value="true"/>'
            ),
        ),
        (
            "xml-add-key",
            lambda: (
                f'<add key="{rng.choice(["nuget.org", "repositoryPath", "globalPackagesFolder"])}" value="https://api.nuget.org/v3/index.json" />'
            ),
        ),
        (
            "primary-key",
            lambda: (
                f'@Column(primaryKey="{rng.choice(words)}_identifier", foreignKey="{rng.choice(words)}OrganizationMembershipId")'
            ),
        ),
        (
            "orm-key",
            lambda: (
                f"partitionKey=tenantIdentifierHash sortKey=createdAtTimestamp{rng.randrange(1, 9)}"
            ),
        ),
        ("cache-key", lambda: f"cache key: nix-store-x86_64-linux-{hexs(6)}"),
        ("cache-key-hash", lambda: f"Cache restored from key: Linux-pip-{hexs(64)}"),
        (
            "hf-identifier",
            lambda: (
                f"from transformers import hf_{rng.choice(['hub_download_with_retries', 'AutoModelForCausalLMWrapper', 'tokenizerFastConversionUtils'])}"
            ),
        ),
        (
            "max-tokens",
            lambda: (
                f"max_tokens={rng.randrange(64, 8192)} temperature=0.{rng.randrange(0, 9)} token_type=bearer"
            ),
        ),
        (
            "password-reference",
            lambda: (
                f"password: ${{{rng.choice(['DB_PASSWORD', 'POSTGRES_PASSWORD', 'SMTP_PASS'])}}}"
            ),
        ),
        ("password-file", lambda: f"passwordFile = /run/secrets/{rng.choice(words)}-password;"),
        (
            "placeholder",
            lambda: (
                f"api_key: {rng.choice(['YOUR_API_KEY', '<your-api-key>', 'changeme', 'xxxxxxxxxxxxxxxx', '********'])}"
            ),
        ),
        ("aws-arn", lambda: f"arn:aws:iam::{chars(12, DIGITS)}:role/{rng.choice(words)}-deploy"),
        ("aws-ids", lambda: f"launched i-0{hexs(16)} from ami-0{hexs(16)} in subnet-{hexs(17)}"),
        ("container-id", lambda: f"docker rm -f {hexs(12)} {hexs(64)}"),
        ("gpg-key-id", lambda: f"gpg --recv-keys {chars(16, '0123456789ABCDEF')}"),
        (
            "date-time",
            lambda: (
                f"2026-{rng.randrange(1, 12):02d}-{rng.randrange(1, 28):02d}T{rng.randrange(0, 23):02d}:{rng.randrange(0, 59):02d}:{rng.randrange(0, 59):02d}.{rng.randrange(0, 999):03d}Z job finished"
            ),
        ),
        (
            "port-pid",
            lambda: (
                f"listening on 0.0.0.0:{rng.randrange(1024, 65535)} (pid {rng.randrange(100, 4194304)})"
            ),
        ),
        (
            "epoch",
            lambda: (
                f"ts={rng.randrange(1_600_000_000, 1_800_000_000)} ns={rng.randrange(1_600_000_000, 1_800_000_000)}{chars(9, DIGITS)}"
            ),
        ),
        (
            "size",
            lambda: (
                f"wrote {rng.randrange(10_000_000, 99_999_999_999)} bytes in {rng.randrange(1, 900)} ms"
            ),
        ),
        (
            "cve",
            lambda: (
                f"fixes CVE-{rng.randrange(2019, 2026)}-{rng.randrange(1000, 99999)} and GHSA-{chars(4, LOWER + DIGITS)}-{chars(4, LOWER + DIGITS)}-{chars(4, LOWER + DIGITS)}"
            ),
        ),
        (
            "isbn",
            lambda: (
                f"ISBN 978-{rng.randrange(0, 9)}-{rng.randrange(100, 999)}-{rng.randrange(10000, 99999)}-{rng.randrange(0, 9)}"
            ),
        ),
        (
            "camel-identifier",
            lambda: (
                f"class {rng.choice(['Abstract', 'Default', 'Concurrent'])}{rng.choice(['Singleton', 'Http2', 'Reactive'])}ProxyFactoryBean{rng.choice(['Impl', 'V2', 'Adapter'])}"
            ),
        ),
        (
            "long-identifier",
            lambda: (
                f"def get_{rng.choice(words)}_by_identifier_and_organization_v{rng.randrange(1, 4)}(self): ..."
            ),
        ),
        (
            "url",
            lambda: (
                f"https://github.com/acme/{rng.choice(words)}/blob/{hexs(40)}/src/main.rs#L{rng.randrange(1, 900)}"
            ),
        ),
        (
            "url-no-credentials",
            lambda: f"postgres://localhost:{rng.randrange(5000, 6000)}/app?sslmode=disable",
        ),
        ("base64-image", lambda: f"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA{b64(60)}"),
        ("mongo-id", lambda: f'{{"_id": {{"$oid": "{hexs(24)}"}}, "status": "ok"}}'),
        ("ulid", lambda: f"event {chars(26, '0123456789ABCDEFGHJKMNPQRSTVWXYZ')} processed"),
        (
            "stripe-object-id",
            lambda: f"payment_intent pi_{chars(24)} succeeded for cus_{chars(14)}",
        ),
        (
            "semver-range",
            lambda: (
                f'"dependencies": {{"react": "^18.{rng.randrange(0, 3)}.0", "next": "14.{rng.randrange(0, 3)}.{rng.randrange(0, 20)}"}}'
            ),
        ),
        (
            "k8s-pod",
            lambda: (
                f"pod/{rng.choice(words)}-{hexs(10)}-{chars(5, LOWER + DIGITS)} Running 0 {rng.randrange(1, 59)}m"
            ),
        ),
        (
            "configmap",
            lambda: (
                f"kind: ConfigMap\ndata:\n  LOG_LEVEL: info\n  FEATURE_FLAGS: {rng.choice(words)},{rng.choice(words)}\n"
            ),
        ),
        (
            "secret-ref",
            lambda: (
                "env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db\n        key: password\n"
            ),
        ),
        (
            "phone-like-ids",
            lambda: (
                f"order {rng.randrange(100, 999)}-{rng.randrange(1000, 9999)} shipped, build {rng.randrange(20240101, 20261231)}.{rng.randrange(1, 9)}"
            ),
        ),
        ("non-luhn-number", lambda: f"invoice number {non_luhn(16)}"),
        (
            "bank-like",
            lambda: (
                f"BIC DEUTDEFF, sort code {rng.randrange(10, 99)}-{rng.randrange(10, 99)}-{rng.randrange(10, 99)}"
            ),
        ),
        ("ssh-known-host", lambda: "Host key verification failed for github.com (ED25519)."),
        (
            "sk-learn",
            lambda: (
                f"pip install scikit-learn=={rng.randrange(1, 2)}.{rng.randrange(0, 6)}.{rng.randrange(0, 3)}  # aka sk-learn"
            ),
        ),
        (
            "token-prose",
            lambda: (
                f"the tokenizer produced {rng.randrange(100, 9000)} tokens; secret sauce is batching"
            ),
        ),
        (
            "api-gateway",
            lambda: f"api-gateway-{rng.choice(words)}-prod listens on :{rng.randrange(3000, 9000)}",
        ),
        (
            "key-value-store",
            lambda: (
                f"key-value store {rng.choice(['etcd', 'consul'])} v3.{rng.randrange(0, 6)}.{rng.randrange(0, 20)} keys={rng.randrange(10, 9999)}"
            ),
        ),
        (
            "x86-triplet",
            lambda: (
                f"target x86_64-unknown-linux-gnu, aarch64-apple-darwin, {rng.choice(['musl', 'gnu'])}"
            ),
        ),
        (
            "python-version",
            lambda: (
                f"Python 3.{rng.randrange(8, 14)}.{rng.randrange(0, 12)} (main, Oct  2 2025, 10:00:00) [GCC 12.2.0]"
            ),
        ),
        (
            "ip-doc",
            lambda: (
                f"curl http://127.0.0.1:{rng.randrange(1000, 9999)}/health && ping 192.0.2.{rng.randrange(1, 254)}"
            ),
        ),
        (
            "slug",
            lambda: (
                f"https://docs.example.com/guides/{rng.choice(words)}-{rng.choice(words)}-{rng.choice(words)}-setup"
            ),
        ),
        ("hex-color", lambda: f"color: #{hexs(6)}; background: #{hexs(6)};"),
        (
            "math",
            lambda: (
                f"loss=0.{chars(6, DIGITS)} lr=3e-{rng.randrange(3, 6)} step={rng.randrange(100, 99999)}/{rng.randrange(100000, 999999)}"
            ),
        ),
        (
            "wordy-secret-key",
            lambda: (
                "secret_key_base is generated by `rails secret`; see config/credentials.yml.enc"
            ),
        ),
        ("hash-in-prose", lambda: f"sha1 {hexs(40)} md5 {hexs(32)}"),
    ]
    rows = []
    for index in range(count):
        kind, make = kinds[index % len(kinds)]
        rows.append({"kind": kind, "text": make()})
    return rows


def non_luhn(length: int) -> str:
    """Return a number of ``length`` digits starting 4 that fails the Luhn check."""
    card = luhn_complete("4", length)
    return card[:-1] + str((int(card[-1]) + 5) % 10)


def write(path: Path, rows: list[dict[str, str]]) -> None:
    """Write ``rows`` as JSON lines."""
    path.write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
    )


def later_forms() -> list[tuple[str, str, Callable[[], str]]]:
    """Return forms added after the held-out files were written: (family, template, maker)."""

    def password() -> str:
        return chars(rng.randrange(10, 18), ALNUM + "!#%^*-_")

    def argument() -> str:  # a password on a command line: not one that reads as a flag
        return chars(1, ALNUM) + chars(rng.randrange(9, 17), ALNUM + "!#%^*-_")

    def short_hex() -> str:  # 8 hex: six drawn, two of them again
        drawn = rng.sample("0123456789abcdef", 6)
        return "".join(drawn[i] for i in (0, 1, 2, 0, 3, 4, 1, 5))

    def chosen() -> str:  # a password a person chose: a word, a symbol, digits
        word = chars(1, UPPER) + chars(rng.randrange(5, 9), LOWER)
        return word + rng.choice("!#%*") + chars(2, DIGITS)

    return [
        ("netrc", "machine api.example.com\n  login deploy\n  password {s}\n", password),
        ("netrc-one-line", "machine github.com login octocat password {s}", password),
        (
            "powershell-securestring",
            '$pw = ConvertTo-SecureString "{s}" -AsPlainText -Force',
            password,
        ),
        ("htpasswd-batch", "htpasswd -bc /etc/nginx/.htpasswd admin {s}", password),
        (
            "bundler-credentials",
            "export BUNDLE_ENTERPRISE__CONTRIBSYS__COM={s}",
            lambda: f"{hexs(8)}:{hexs(8)}",
        ),
        (
            "azure-cask-key",
            "AZURE_DEVOPS_EXT_PAT is set; key {s} in use",
            lambda: chars(52) + "JQQJ99" + chars(30),
        ),
        (
            "dropbox-long-lived",
            "dropbox {s}",
            lambda: chars(11, LOWER + DIGITS) + "AAAAAAAAAA" + url(43),
        ),
        (
            "facebook-app-token",
            "graph call with access_token {s}",
            lambda: chars(15, DIGITS) + "|" + url(32),
        ),
        ("jwt-base64", "AUTH={s}", lambda: b64_of(jwt().encode()).rstrip("=")),
        ("posthog-personal-key", "posthog {s}", lambda: "phx_" + chars(43)),
        (
            "private-key-base64",
            "tls.key: {s}",
            lambda: b64_of(("-----BEGIN RSA PRIVATE KEY-----\n" + b64(64) + "\n").encode()),
        ),
        (
            "kubernetes-secret-json",
            '{"apiVersion": "v1", "kind": "Secret", "data": {".dockerconfigjson": "{s}"}}',
            lambda: b64_of(json.dumps({"auths": {"r.example.com": {"auth": chars(20)}}}).encode()),
        ),
        # Issue 16's second audit (bench/audit16b): one form per general cause fixed.
        (
            "hcl-variable-default",
            'variable "stripe_api_key" {\n  type      = string\n  sensitive = true\n  default   = "{s}"\n}\n',
            lambda: chars(24),
        ),
        ("token-lower-letters", 'api_key = "{s}"', lambda: chars(15, LOWER)),
        ("token-upper-letters", "PLIVO_AUTH_TOKEN={s}", lambda: chars(20, UPPER)),
        ("provider-key-ten", 'ENV ALGOLIA_KEY="{s}"', lambda: chars(10, UPPER + DIGITS)),
        (
            "prose-symbol-value",
            "Found salescookie key {s} in the log",
            lambda: f"{chars(8)}^{chars(8)}",
        ),
        ("comma-in-value", "secret := {s}", lambda: f"{chars(6)},{chars(10)}"),
        ("prose-dotted-value", "openvpn key {s} in the log", lambda: chars(11) + "." + chars(7)),
        ("provider-key-hex24", "Found kucoin key {s} in the build log", lambda: hexs(24)),
        ("prose-colon-value", "sidekiq key {s} in the build log", lambda: f"{hexs(8)}:{hexs(8)}"),
        (
            "lower-value-before-field",
            "level=warn myintervalsSecretKey={s} status=401",
            lambda: chars(12, LOWER),
        ),
        ("secret-prefix-bare", "retry 2/5 with secret_{s} after HTTP 401", lambda: chars(16)),
        ("zapier-hook-path", "POST https://hooks.zapier.com/hooks/catch/{s}", lambda: chars(16)),
        ("suffixed-key-prod", 'api_key_prod = "{s}"', lambda: chars(18, ALNUM + "#%^")),
        ("suffixed-key-base", "SECRET_KEY_BASE={s}", lambda: chars(20, ALNUM)),
        ("suffixed-key-go", "db_pass_secure := {s}", lambda: chars(18, ALNUM + "#^")),
        # The held-out audit (bench/audit16c): one form per general cause fixed.
        ("env-fallback-js", "const apiToken = process.env.API_TOKEN || '{s}';", lambda: chars(24)),
        ("env-fallback-php", "$secret = $_ENV['APP_SECRET'] ?? '{s}';", lambda: chars(20)),
        ("new-relic-pixie-bare", "WARN rejected {s} for tenant acme", lambda: "px-api-" + uuid()),
        ("branchio-bare", "the one I used was {s} (revoked)", lambda: "key_live_" + chars(24)),
        ("teamwork-bare", "$ tw login {s}", lambda: "tkn.v1_" + chars(71) + "="),
        # The held-out audit's other new shapes, bare, so every path's property test plants them.
        ("hex-api-key-bare", "retell rejected {s} (401)", lambda: "key_" + hexs(28)),
        ("coderabbit-bare", "WARN rejected {s}", lambda: "cr-" + hexs(58)),
        ("stackhawk-bare", "hawk init --key {s}", lambda: f"hawk.{url(20)}.{url(20)}"),
        ("appsync-bare", "x-api-key: {s}", lambda: "da2-" + chars(26, LOWER + DIGITS)),
        ("ionic-bare", "ionic login {s}", lambda: "ion_" + chars(42, LOWER + DIGITS)),
        (
            "zuplo-bare",
            "curl -H 'Authorization: {s}'",
            lambda: f"zpka_{chars(32, LOWER + DIGITS)}_{hexs(8)}",
        ),
        (
            "databricks-dashed-bare",
            "used {s} for the workspace",
            lambda: f"dapi{hexs(16)}-{hexs(16)}",
        ),
        ("new-relic-lower-bare", "nr key {s} rotated", lambda: "nrra-" + hexs(42)),
        ("new-relic-synthetics-bare", "location key {s}", lambda: "NRSP-us01" + hexs(31)),
        (
            "teams-outlook-webhook",
            "POST {s}",
            lambda: (
                f"https://outlook.office.com/webhook/{uuid()}@{uuid()}/IncomingWebhook/{hexs(32)}/{uuid()}"
            ),
        ),
        # A shell expansion's default, when its name is a secret's (the held-out audit's leftover).
        ("shell-default", "pg_dump -W ${DB_PASSWORD:-{s}} app", password),
        ("shell-default-assign", 'url="${API_TOKEN:={s}}"', lambda: chars(24)),
        # Personal data with its word or its own shape (bench/audit16d's national ids).
        ("ssn", "applicant SSN: {s}, state OH", ssn),
        ("ssn-bare", '{"applicant": "{s}"}', ssn),
        ("cpf", "CPF do cliente: {s}", cpf),
        ("dni", "DNI {s} titular de la cuenta", dni),
        ("bsn", "burgerservicenummer={s}", bsn),
        ("nino", "NI number {s} on payslip", nino),
        (
            "aadhaar",
            "aadhaar_no={s} verified",
            lambda: f"{rng.randint(2, 9)}{chars(3, DIGITS)} {chars(4, DIGITS)} {chars(4, DIGITS)}",
        ),
        (
            "passport",
            "passport no. {s}, expires 2031-04-30",
            lambda: chars(1, UPPER) + chars(8, DIGITS),
        ),
        ("bank-account", "ACH: routing 021000021 account {s}", lambda: chars(10, DIGITS)),
        (
            "birth-date",
            '{"dob": "{s}"}',
            lambda: f"{rng.randint(1940, 2005)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
        ),
        # The fourth audit (bench/audit16d): passwords in command-line arguments.
        ("cli-sqlcmd", 'sqlcmd -S db01 -U sa -P "{s}" -Q "SELECT 1"', argument),
        ("cli-sqlplus", "sqlplus scott/{s}@//db.example.lan:1521/ORCL", argument),
        ("cli-keytool", "keytool -importcert -keystore t.jks -storepass {s} -noprompt", argument),
        ("cli-smbclient", "smbclient //fs01/share -U 'ACME\\backup%{s}' -c ls", argument),
        ("cli-net-use", "net use Z: \\\\fs01\\share {s} /user:ACME\\ci", argument),
        ("cli-echo-stdin", "echo '{s}' | docker login -u ci --password-stdin r.example", argument),
        ("cli-7z", "7z a -p{s} -mhe=on backup.7z ./vault", argument),
        # The fourth audit: less sure key words, camelCase ``Pwd``.
        ("key-psk", "set WIFI_PSK={s}", lambda: chars(24)),
        ("key-community", 'snmp_community = "{s}"', lambda: chars(16)),
        ("key-camel-pwd", '{"OraclePwd": "{s}", "Timeout": 30}', argument),
        # The fourth audit: secret words of other languages in prose.
        (
            "foreign-key-ru",
            "Ключ loops для стенда: {s} — удалить после проверки",
            lambda: chars(24),
        ),
        (
            "foreign-key-de",
            "der wifi-Schlüssel für die Staging-Umgebung lautet {s}.",
            lambda: chars(22),
        ),
        ("foreign-key-ja", "ステージング用のflaskキーは {s} です。", lambda: chars(24)),
        (
            "digest-response",
            'Authorization: Digest username="app", realm="x", uri="/", response="{s}"',
            lambda: hexs(32),
        ),
        (
            "reg-add-secret",
            'reg add "HKCU\\Software\\Acme" /v ServiceToken /t REG_SZ /d "{s}" /f',
            lambda: chars(24),
        ),
        (
            "dockerfile-env-space",
            "FROM alpine:3\nENV SERVICE_TOKEN {s}\nCMD sh\n",
            lambda: chars(22),
        ),
        ("foreign-key-password", "Пароль: {s}", argument),
        # The fourth audit (bench/audit16d): base64 of text, `\\` continuations, URL paths.
        (
            "base64-json-secret",
            '{"kind": "settings", "encoding": "base64", "data": "{s}"}',
            lambda: b64_of(json.dumps({"deploy_token": "glpat-" + chars(20)}).encode()),
        ),
        (
            "continued-token",
            'export GITHUB_TOKEN="ghp_Xk9vLq2ZpW7rTb4N\\\n{s}"\n./run.sh',
            lambda: chars(16),
        ),
        (
            "mattermost-hook-path",
            "POST https://chat.example.org/hooks/{s}",
            lambda: chars(12, LOWER + DIGITS) + "7" + chars(13, LOWER + DIGITS),
        ),
        ("n8n-webhook-uuid", "N8N_HOOK=https://n8n.example.org/webhook/{s}", uuid),
        (
            "key-in-url-path",
            "DELETE https://api.example.org/v1/keys/{s}/revoke",
            lambda: "as-" + chars(22),
        ),
        # Keys and values apart, typed declarations, camelCase keys, vendors, logins (apart16).
        ("tsv-column", "service\tdeploy_token\tteam\nweb\t{s}\tops", lambda: chars(24)),
        (
            "markdown-key-value-row",
            "| Setting | Value |\n|---|---|\n| `REGION` | `eu` |\n| `SMTP_PASSWORD` | `{s}` |",
            password,
        ),
        (
            "sql-insert-key-value",
            "INSERT INTO app_config (name, value) VALUES ('smtp_password', '{s}');",
            password,
        ),
        (
            "sql-update-key-value",
            "UPDATE config SET value='{s}' WHERE key='ADMIN_TOKEN';",
            lambda: chars(28),
        ),
        ("typed-const", 'static SENTRY_TOKEN: &\'static str = "{s}";', lambda: hexs(40)),
        (
            "attribute-pair",
            '<input type="hidden" value="{s}" name="upload_token">',
            lambda: hexs(32),
        ),
        ("camel-qualified-key", '{"Rails": {"SecretKeyBase": "{s}"}}', lambda: chars(48)),
        ("hex-under-api-key", "export HEAP_API_KEY='{s}'", lambda: hexs(20)),
        ("axiom-token", "ingest rejected xaat-{s} (401)", uuid),
        ("login-argument", "$ acme login {s}\nLogged in.", lambda: chars(24)),
        ("piped-with-token", "printf '%s' {s} | acme auth login --with-token", lambda: chars(30)),
        (
            "roblox-cookie",
            "Cookie: .ROBLOSECURITY=_|WARNING:-DO-NOT-SHARE-THIS.--Sharing-this-will-allow-"
            "someone-to-log-in-as-you.|_{s}",
            lambda: hexs(96).upper(),
        ),
        ("pgpass-line", "# ~/.pgpass\ndb.example.org:5432:app:reporter:{s}\n", password),
        ("postfix-sasl-passwd", "[smtp.example.org]:587 relay:{s}", password),
        ("openvpn-auth-file", "<auth-user-pass>\nvpnuser\n{s}\n</auth-user-pass>", password),
        ("ini-triple-quoted", 'admin_password = """{s}"""', password),
        ("composer-bearer", '{"bearer": {"repo.example.org": "{s}"}}', lambda: chars(32)),
        ("wireguard-pubkey-stdin", "echo {s} | wg pubkey", lambda: b64(43) + "="),
        ("bip39-phrase", "recovery phrase: {s}", lambda: " ".join(rng.sample(bip39.WORDS, 12))),
        (
            "der-private-key",
            "signer (der, base64) {s}",
            lambda: b64_of(bytes.fromhex("302e020100300506032b657004220420") + rng.randbytes(32)),
        ),
        ("ansible-vault-blob", "$ANSIBLE_VAULT;1.1;AES256\n{s}", lambda: hexs(80)),
        ("nkey-seed", "nsc seed {s}", lambda: "SU" + chars(56, UPPER + "234567")),
        ("tor-onion-key", "ADD_ONION ED25519-V3:{s} Port=80", lambda: b64(86) + "=="),
        (
            "product-key",
            "slmgr /ipk {s}",
            lambda: "-".join(chars(4, UPPER) + chars(1, DIGITS) for _ in range(5)),
        ),
        ("ios-username-secret", "username netops privilege 15 secret 0 {s}\n!", password),
        ("redis-requirepass", "# redis.conf\nrequirepass {s}\n", lambda: chars(12) + "7!"),
        (
            "razorpay-key",
            "checkout failed for rzp_live_{s} (BAD_REQUEST)",
            lambda: chars(14, UPPER + LOWER),
        ),
        (
            "tailscale-key",
            "joined the tailnet with {s} before it expired",
            lambda: (
                f"tskey-{chars(5, LOWER)}-{chars(rng.randrange(4, 12))}-{chars(rng.randrange(4, 20))}"
            ),
        ),
        (
            "atlassian-token",
            "jira answered 401 for ATATT{s} again",
            lambda: f"{chars(rng.randrange(8, 40), ALNUM + '+/_-')}={chars(8)}",
        ),
        ("larksuite-key", "the lark app id is cli_{s}, from the console", lambda: chars(16)),
        (
            "google-oauth-token",
            "gcloud printed ya29.{s} and exited",
            lambda: chars(rng.randrange(10, 28), LOWER + DIGITS + "_-"),
        ),
        ("c-array-secret", 'static char smtp_password[32] = "{s}";', password),
        ("cpp-assign-secret", 'cfg.db_password.assign("{s}", 16);', password),
        ("gh-secret-set-flag", "gh secret set HOOK_ID -b {s} --env prod", lambda: hexs(32)),
        (
            "ssm-put-parameter-value",
            "aws ssm put-parameter --type SecureString --value {s} --name /svc/hook",
            uuid,
        ),
        ("piped-secret-create", "echo -n {s} | podman secret create hook -", lambda: hexs(40)),
        ("vault-kv-put-pair", "vault kv put kv/ci hook_id={s}", uuid),
        ("printenv-output", "$ printenv WEBHOOK_SECRET\n{s}\n$ ", lambda: hexs(32)),
        ("pass-show-output", "$ pass show svc/hook\n{s}\n", lambda: hexs(24)),
        (
            "vault-table-row",
            "$ vault read kv/ci\nKey    Value\n---    -----\nhook_secret    {s}\n",
            lambda: hexs(24),
        ),
        ("add-mask-value", "::add-mask::{s}", uuid),
        (
            "json-value-before-name",
            '{"value": "{s}", "type": "secret", "name": "HOOK_TOKEN"}',
            lambda: hexs(32),
        ),
        ("postman-apikey-value", '"apikey": [{"key": "value", "value": "{s}"}]', uuid),
        ("basic-auth-quoted", 'proxyAuth: "Basic {s}"', lambda: b64(40)),
        ("quoted-reply-value", "> the hook token is:\n>\n> {s}\n", lambda: hexs(32)),
        ("yaml-item-value", "vars:\n  - key: HOOK_TOKEN\n    value: {s}\n", lambda: hexs(32)),
        ("store-positional-value", "netlify env:set HOOK_ID {s}", uuid),
        (
            "signify-secret-key",
            "$ cat /etc/signify/release.sec\nuntrusted comment: signify secret key\n{s}\n",
            lambda: "RWRCSwAAAAA" + b64(128) + "=",
        ),
        ("id-after-secret-word", "auth id: {s} (expires in 3600s)", lambda: url(24)),
        ("id-with-secret-prefix", '{"id": "secret_{s}", "type": "key"}', lambda: chars(24)),
        (
            "jwk-private-member",
            '{"kty": "EC", "crv": "P-256", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",'
            ' "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0", "d": "{s}"}',
            lambda: chars(43, ALNUM + "-_"),
        ),
        (
            "token-after-certificate",
            "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQf3kZ2\n-----END CERTIFICATE-----\n"
            "worker token {s}",
            lambda: chars(32),
        ),
        (
            "acme-dns-provider-token",
            '{"type": "dns-01", "provider": {"name": "cloudflare", "api_token": "{s}"}}',
            lambda: chars(40, ALNUM + "_-"),
        ),
        (
            "sql-bound-parameter",
            "[SQL: UPDATE svc SET hook_secret=?, note=? WHERE id = ?]\n[parameters: ('{s}', 'x', 7)]",
            lambda: hexs(32),
        ),
        (
            "hibernate-binding",
            "update svc set api_token=? where id=?\nbinding parameter [1] as [VARCHAR] - [{s}]",
            lambda: hexs(32),
        ),
        ("actions-debug-arrow", "##[debug]Evaluating: secrets.HOOK_TOKEN\n##[debug]=> '{s}'", uuid),
        (
            "pydantic-input-value",
            "hook_secret\n  String too long [type=string_too_long, input_value='{s}', input_type=str]",
            lambda: hexs(32),
        ),
        ("python-dict-pair", "ok: [h] => (item={'key': 'HOOK_TOKEN', 'value': '{s}'})", uuid),
        ("set-colon-path", 'dotnet user-secrets set "Hook:SigningKey" "{s}"', lambda: b64(44)),
        ("php-var-dump-string", '  ["hook_secret"]=>\n  string(32) "{s}"', lambda: hexs(32)),
        (
            "traceback-source-name",
            '  File "/srv/h.py", line 3, in <module>\n    n = int(os.environ["HOOK_SECRET"])\n'
            "ValueError: invalid literal for int() with base 10: '{s}'",
            lambda: hexs(32),
        ),
        ("rotation-note", "rotated the hook one, new value is {s}", lambda: b64(44)),
        ("xml-namespaced-element", "<h:HookPassword>{s}</h:HookPassword>", lambda: hexs(32)),
        ("repl-echo", ">>> os.environ['HOOK_SECRET']\n'{s}'\n>>> exit()", lambda: hexs(32)),
        ("client-constructor", 'const hooks = new HooksClient("{s}");', lambda: b64(44)),
        (
            "go-with-args",
            "exec failed: UPDATE svc SET api_token=$1 WHERE id=$2 with args [{s} 42]",
            lambda: hexs(32),
        ),
        (
            "azure-identifiable-key-positional",
            "[parameters: ('{s}', 42)]",
            lambda: b64(33) + "+AEh" + chars(1, "ABCDEFGHIJKLMNOP") + b64(5) + "=",
        ),
        ("azure-identifiable-key-prose", "the new key is {s}, rotate the old one", azure_storage),
        ("nhs-number-camel", 'patient.setNhsNumber("{s}")', nhs),
        ("iban-touching-key", "payoutIban={s};currency=EUR", iban_de),
        ("phone-url-encoded", "POST /sms to=%2B4479{s}&body=hi", lambda: chars(8, DIGITS)),
        ("inngest-key-bare", "##[debug]=> '{s}'", lambda: "signkey-prod-" + hexs(64)),
        (
            "asana-token-bare",
            "pasted {s} into the chat",
            lambda: f"2/{chars(16, DIGITS)}/{chars(16, DIGITS)}:{hexs(32)}",
        ),
        ("pgbouncer-md5", '"report" "md5{s}"', lambda: hexs(32)),
        ("chap-secrets", '# /etc/ppp/chap-secrets\n"vpn" * "{s}" *', password),
        ("rsyncd-secrets", "secrets file = /etc/rsyncd.secrets\nbackup:{s}", password),
        ("sudo-stdin", "echo '{s}' | sudo -S systemctl restart app", password),
        ("powershell-parameter", "Connect-Db -Server db01 -Password {s}", chosen),
        ("dockerfile-env-quoted", 'FROM alpine\nENV DB_PASSWORD "{s}"\n', chosen),
        ("odbc-braced", "Driver={ODBC Driver 18};Server=db;Uid=sa;Pwd={{s}};", password),
        ("sql-identified-by", "CREATE USER 'app'@'%' IDENTIFIED BY '{s}';", password),
        ("xml-cdata", "<password><![CDATA[{s}]]></password>", password),
        ("chosen-under-token", "API_TOKEN='{s}'", chosen),
        ("prose-told", "the staging db password is {s}, rotate it", chosen),
        ("slashed-base64", "SMTP_PASS={s}", lambda: "/" + chars(39, ALNUM + "+")),
        ("base64-json-secret-key", '{"kind": "settings", "data": "{s}"}', base64_json_secret),
        ("wif-beside-address", "sweep {s} to 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", wif),
        ("sig-without-keyid", '{"payload": "e30", "sig": "{s}"}', lambda: hexs(128)),
        (
            "api-key-in-websocket-upgrade",
            "GET /ws HTTP/1.1\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\nX-Api-Key: {s}",
            lambda: chars(22) + "==",
        ),
        (
            "ado-pat-beside-base32-hash",
            "NarHash: sha256:0c7c6i4yq3p9ls8vf3y8bh4gjv0a8hbv0c7c6i4yq3p9ls8vf3y8\nAZURE_DEVOPS_EXT_PAT {s}",
            lambda: chars(52, LOWER + "234567"),
        ),
        (
            "pii:driving-licence-keyed",
            "KYC: driverLicenseNumber={s} state=WA",
            lambda: chars(1, UPPER) + chars(8, DIGITS),
        ),
        (
            "pii:cedula-prose",
            "el titular con cédula {s} pidió la baja",
            lambda: f"{chars(1, '123')}.{chars(3, DIGITS)}.{chars(3, DIGITS)}.{chars(3, DIGITS)}",
        ),
        (
            "pii:tax-id-ein",
            "vendor W-9 received, EIN: {s}",
            lambda: f"{chars(2, DIGITS)}-{chars(7, DIGITS)}",
        ),
        ("pii:imsi-keyed", '{"imsi": "{s}", "rat": "LTE"}', lambda: "31041" + chars(10, DIGITS)),
        ("backup-codes-keyed", "user.backupCodes[0] = '{s}'", lambda: f"{hexs(4)}-{hexs(4)}"),
        ("otp-seed-keyed", "hotp_seed: {s}", lambda: chars(26, UPPER + "234567")),
        ("ntlm-hash-keyed", "local admin ntlm_hash={s}", lambda: hexs(32)),
        (
            "django-password-hash",
            "UPDATE auth_user SET password='{s}' WHERE id=7",
            lambda: f"pbkdf2_sha1$390000${chars(12, ALNUM)}${chars(27, ALNUM + '+/')}=",
        ),
        ("tab-separated-pair", "settings:\nLOG_LEVEL\tinfo\nmailgunSecret\t{s}\n", argument),
        ("tab-separated-token", "smtpPwd \t{s}", lambda: chars(16)),
        (
            "dotted-humped",
            "export SMTP_PASS={s}",
            lambda: "".join(chars(1, UPPER) + chars(1, LOWER) for _ in range(6)) + "." + chars(4),
        ),
        (
            "mysql-native-hash",
            "mysql.user row: svc_api {s} mysql_native_password",
            lambda: "*" + hexs(40).upper(),
        ),
        (
            "bound-nhs-number",
            "UPDATE patient SET nhs_number = ?, ward = ? WHERE id = ?\n"
            "[parameters: ('{s}', 'B4', 12)]",
            nhs,
        ),
        (
            "url-slashed-password",
            "redis-cli -u redis://:{s}@cache-0:6379/0 ping",
            lambda: chars(12) + "/" + chars(12) + "+" + chars(6),
        ),
        ("oauth-bearer-key", "sdk:\n  oauth_bearer: {s}\n", lambda: chars(14)),
        ("unset-default", ': "${REDIS_PASSWORD={s}}"', chosen),
        (
            "odbc-slashed-base64",
            "Server=sql01;Uid=svc;Pwd={{s}};",
            lambda: "/" + chars(30, ALNUM + "+") + "=",
        ),
        (
            "notebook-escaped-subscript",
            '{"cell_type": "code", "source": ["os.environ[\\"PAYMENTS_SECRET\\"] = \\"{s}\\""]}',
            lambda: hexs(30),
        ),
        ("otp-seed-entry", '<entry key="totpSeed">{s}</entry>', lambda: chars(32, BASE32_UPPER)),
        ("recovery-code-proplist", '[{backup_code,<<"{s}">>}]', lambda: chars(10, DIGITS)),
        (
            "recovery-code-groups",
            "X-Recovery-Code: {s}",
            lambda: "-".join(chars(4, LOWER + DIGITS) for _ in range(6)),
        ),
        ("nt-hash-keyed", "NT_HASH: {s}", lambda: hexs(32)),
        (
            "werkzeug-hash-bare",
            "stored {s} for the user",
            lambda: f"pbkdf2:sha256:600000${chars(16)}${hexs(64)}",
        ),
        ("postgres-md5-bare", "rolpassword {s} (1 row)", lambda: "md5" + hexs(32)),
        (
            "iban-lower-grouped",
            "bitte zurück an {s} überweisen",
            lambda: grouped(iban("LT", 20)).lower(),
        ),
        ("iban-registry-late", "payout account {s} (MNT)", lambda: iban("MN", 20)),
        (
            "phone-trunk-national",
            "Rückruf erbeten: {s}, Frau Brandt",
            lambda: f"0{rng.choice(['211', '341', '6131'])} {chars(3, DIGITS)} {chars(4, DIGITS)}",
        ),
        (
            "phone-dialled-00",
            "caller {s} hung up",
            lambda: (
                f"00{rng.choice(['31', '420', '61'])} {chars(2, DIGITS)} {chars(3, DIGITS)} {chars(4, DIGITS)}"
            ),
        ),
        (
            "card-form-bracketed",
            "POST /pay card%5Bnumber%5D={s}&card%5Bcvc%5D=123",
            lambda: "+".join(grouped(luhn_complete("2202", 16)).split()),
        ),
        ("card-troy", "Kart numarasi {s} reddedildi", lambda: luhn_complete("9792", 16)),
        (
            "passport-psql-column",
            " id | passport_number | city\n----+-----------------+------\n  7 | {s} | Oslo\n(1 row)",
            lambda: chars(2, UPPER) + chars(7, DIGITS),
        ),
        (
            "licence-pandas-column",
            "   name   licence_no\n0   ana  {s}\n1    bo          NaN",
            lambda: chars(1, UPPER) + chars(4, DIGITS) + "-" + chars(5, DIGITS),
        ),
        (
            "tax-id-box-column",
            "│ member │ tax_id     │\n├────────┼────────────┤\n│ m-19   │ {s} │",
            lambda: chars(2, DIGITS) + "-" + chars(7, DIGITS),
        ),
        (
            "health-id-csv-column",
            "id,health_card_no,plan\n11,{s},gold",
            lambda: "-".join(
                (chars(4, DIGITS), chars(3, DIGITS), chars(3, DIGITS), chars(2, UPPER))
            ),
        ),
        (
            "secret-psql-column",
            " id | webhook_secret\n----+----------------\n  1 | {s}",
            lambda: chars(12, ALNUM),
        ),
        (
            "passport-hl7-cx",
            "MSH|^~\\&|REG|CLINIC|EHR|ACME|20270114083000||ADT^A08|Q77120|P|2.4\r"
            "PID|1||{s}^^^UKPO^PPN||DOE^ANN",
            lambda: chars(1, UPPER) + chars(8, DIGITS),
        ),
        ("ssn-hl7-pid19", "PID|1" + "|" * 18 + "{s}|", lambda: chars(9, DIGITS)),
        (
            "key-printed-once",
            "Your deploy key was created. Copy it now: it won't be shown again.\n\n    {s}\n",
            lambda: chars(24),
        ),
        (
            "codes-printed-once",
            "Recovery codes (this is the only time you see them):\n{s}\nDone.",
            lambda: "-".join(chars(5, DIGITS) for _ in range(4)),
        ),
        ("key-in-spanish-prose", "Se rechazó la clave «{s}» del servidor.", lambda: chars(24)),
        ("key-in-korean-prose", "오류: Mailgun 키 {s} 가 거부되었습니다.", lambda: chars(24)),
        (
            "plist-key-string",
            "<dict>\n  <key>Host</key>\n  <string>db02</string>\n  <key>BindPassword</key>\n  <string>{s}</string>\n</dict>",
            chosen,
        ),
        (
            "hadoop-name-value",
            "<property><name>sync.api.token</name><value>{s}</value></property>",
            lambda: hexs(40),
        ),
        ("xml-named-cdata", '<add name="ServicePwd"><![CDATA[{s}]]></add>', password),
        ("erlang-proplist-binary", '[{port, 5432}, {replica_password, <<"{s}">>}]', password),
        ("erlang-map-binary-key", '#{<<"upload_token">> => <<"{s}">>}', lambda: hexs(32)),
        ("clojure-keyword", '{:user "ops" :smtp-pass "{s}"}', chosen),
        (
            "html-entity-json",
            '<div data-settings="{&quot;relay_secret&quot;: &quot;{s}&quot;}">',
            password,
        ),
        ("html-entity-assign", "<pre>BACKUP_PASSWORD=&#39;{s}&#39;</pre>", chosen),
        ("nginx-set-variable", "location /hook {\n  set $hook_secret {s};\n}", chosen),
        ("apache-setenv", "SetEnv MAIL_RELAY_PASS {s}", chosen),
        ("git-config-set", 'git config --global sendemail.smtppassword "{s}"', password),
        ("perl-env-subscript", "$ENV{LDAP_BIND_PASS} = '{s}';", chosen),
        ("perl-hashref-subscript", '$opts->{auth_secret} = "{s}";', password),
        (
            "json-escaped-twice",
            '{"log": "{\\"req\\": \\"{\\\\\\"smtp_pass\\\\\\": \\\\\\"{s}\\\\\\"}\\"}"}',
            chosen,
        ),
        (
            "bank-account-kontonummer",
            "Bitte überweisen: Kontonummer {s}, BLZ 37040044",
            lambda: chars(10, DIGITS),
        ),
        (
            "bank-account-numero-de-cuenta",
            "Abone en el número de cuenta {s} antes del día 5",
            lambda: chars(4, DIGITS) + " " + chars(4, DIGITS) + " " + chars(10, DIGITS),
        ),
        (
            "bank-account-a-c-no",
            "Beneficiary A/c No. {s} IFSC UTIB0000123",
            lambda: chars(14, DIGITS),
        ),
        ("bank-account-beside-bsb", "refund to BSB 082-001 acc {s}", lambda: chars(9, DIGITS)),
        ("bank-account-micr", "deposit slip MICR ⑆011000015⑆ {s}⑈ 0412", lambda: chars(11, DIGITS)),
        (
            "email-quoted-local",
            "bounce for <{s}>: mailbox full",
            lambda: (
                '"'
                + chars(5, LOWER)
                + " "
                + chars(6, LOWER)
                + '"@'
                + chars(7, LOWER)
                + ".example.net"
            ),
        ),
        (
            "email-unicode-local",
            "Kontakt: {s}",
            lambda: "jörg." + chars(6, LOWER) + "@" + chars(6, LOWER) + ".example.at",
        ),
        (
            "email-unicode-domain",
            "send the invoice to {s} please",
            lambda: chars(6, LOWER) + "@" + chars(4, LOWER) + "-añejo.example.mx",
        ),
        (
            "email-spelled-brackets",
            "contact: {s}",
            lambda: chars(6, LOWER) + " [at] " + chars(7, LOWER) + " [dot] org",
        ),
        (
            "email-spelled-words",
            "write to {s} for access",
            lambda: chars(5, LOWER) + "." + chars(6, LOWER) + " at " + chars(6, LOWER) + " dot com",
        ),
        (
            "card-13-after-card-word",
            "Pagué con la tarjeta {s} y falló",
            lambda: luhn_complete("4" + chars(3, DIGITS), 13),
        ),
        (
            "card-12-maestro-after-word",
            "Zaplatil jsem kartou {s}, odmítnuto",
            lambda: luhn_complete("6759", 12),
        ),
        (
            "nix-repl-echo",
            'nix-repl> config.services.relay.settings.api_token\n"{s}"',
            lambda: hexs(40),
        ),
        (
            "nixos-definition-value",
            "error: The option `services.relay.settings.smtp_password' has conflicting definition"
            ' values:\n       - In `/etc/nixos/mail.nix\': "{s}"',
            chosen,
        ),
        (
            "byte-array-key",
            "advanced:\n  network_key: {s}",
            lambda: "[" + ", ".join(str(rng.randrange(256)) for _ in range(16)) + "]",
        ),
        (
            "openvpn-static-key",
            "-----BEGIN OpenVPN Static key V1-----\n{s}\n-----END OpenVPN Static key V1-----",
            lambda: "\n".join(hexs(32) for _ in range(16)),
        ),
        (
            "url-query-appid",
            "curl -s 'https://api.climate.example/v2/now?city=Turku&appid={s}'",
            lambda: hexs(32),
        ),
        ("url-query-key-uuid", "tiles: https://tiles.example.net/{z}/{x}/{y}.png?key={s}", uuid),
        (
            "url-query-function-code",
            "POST https://orders-fn.azurewebsites.net/api/Ship?code={s}",
            lambda: url(54) + "==",
        ),
        ("url-path-ping-host", "curl -fsS -m 10 https://hc-ping.com/{s}", uuid),
        ("url-path-inputs", "https://logs-01.loggly.com/inputs/{s}/tag/http/", uuid),
        ("prose-owned-key", "here is my Numbat key: {s}", lambda: hexs(32)),
        ("php-owned-key", "$config['numbat']['key'] = '{s}';", uuid),
        ("yaml-owned-key", "numbat:\n  key: {s}\n  retries: 3", lambda: chars(20)),
        ("prose-use-as-token", "Use {s} as the Numbat token for now.", lambda: chars(24)),
        ("prose-with-token", "still 401 with token {s} after the retry", lambda: chars(20)),
        (
            "react-observed-key-file",
            "Action: read_file\nAction Input: /opt/numbat/conf/access_token\nObservation: {s}\n",
            lambda: hexs(40),
        ),
        (
            "shell-cat-key-file",
            "root@box:~# cat /var/lib/numbat/.api-key\n{s}\nroot@box:~#",
            lambda: hexs(32),
        ),
        (
            "gcloud-secret-access",
            "$ gcloud secrets versions access latest --secret=numbat-client-secret\n{s}\n$",
            lambda: hexs(64),
        ),
        (
            "kubectl-configmap-data",
            "Data\n====\nnumbat_password:\n----\n{s}\n\nEvents:  <none>",
            password,
        ),
        ("short-hex-under-api-key", "numbat:\n  apiKey: '{s}'\n  region: eu", short_hex),
        (
            "decimal-key-under-token",
            "NUMBAT_ACCESS_TOKEN={s} ./sync.sh",
            lambda: chars(1, "123456789") + chars(23, DIGITS),
        ),
        (
            "fenced-lone-token",
            "The Numbat admin key:\n\n```\n{s}\n```\n\nKeep it out of the repo.",
            lambda: chars(20),
        ),
        (
            "prose-token-with-at",
            "login keeps failing with token {s} since Monday",
            lambda: chars(4) + "@" + chars(4) + "*" + chars(3),
        ),
        ("printed-auth-token", "$ glab auth token\n{s}\n$ ", lambda: hexs(40)),
        ("printed-op-read", '$ op read "op://ci/registry/password"\n{s}\n', password),
        (
            "printed-secret-data",
            'kubectl -n ci get secret runner -o jsonpath="{.data.db_password}" | base64 -d\n{s}',
            argument,
        ),
        ("printed-cat-file", "$ cat /run/secrets/db_password\n{s}\n", password),
        ("printed-keychain", "% security find-generic-password -s deploy -w\n{s}", password),
        (
            "printed-json-tool-result",
            '{"type": "tool_result", "content": "$ printenv REGISTRY_PASSWORD\\n{s}\\n$ "}',
            argument,
        ),
        # bench/fixtures24: a line reporting an auth failure says what it sent; a rotation note
        # that names the credential gives a UUID or 12 to 15 drawn characters.
        (
            "auth-failure-sent",
            "still getting 401 from the gateway, I'm using {s}",
            lambda: chars(24),
        ),
        ("auth-failure-sent-uuid", "403 Forbidden when passing {s} as the header", uuid),
        ("rotated-uuid", "rotated the intake token yesterday, new one is {s}", uuid),
        ("rotated-short", "rotated the relay api key, the new one is {s}", lambda: chars(13)),
        ("edn-string-pair", '{"host" "db01", "numbat_password" "{s}"}', password),
        (
            "git-get-regexp-line",
            "$ git config --get-regexp numbat\nnumbat.host db01\nnumbat.pwd {s}",
            lambda: chars(16, ALNUM + "!#*-_."),
        ),
        (
            "phone-ocr-double-blank",
            "T e l :    {s}\nSumme",
            lambda: "+48  " + "  ".join(chars(3, DIGITS) for _ in range(3)),
        ),
        (
            "phone-form-encoded-national",
            "POST /notify to={s}&lang=pl",
            lambda: (
                "0"
                + chars(1, "123456789")
                + chars(1, DIGITS)
                + "%20"
                + chars(3, DIGITS)
                + "%20"
                + chars(4, DIGITS)
            ),
        ),
        (
            "phone-caller-id",
            '"","{s}","301","""Jan Kowalski"" <{s}>","SIP/301"',
            lambda: chars(2, DIGITS) + "-" + chars(3, DIGITS) + "-" + chars(4, DIGITS),
        ),
        (
            "phone-caller-id-key",
            "<caller_id_number>{s}</caller_id_number>",
            lambda: "6 " + chars(4, DIGITS) + " " + chars(4, DIGITS),
        ),
        (
            "phone-after-call-request",
            "Hei, ring meg på {s} etter lunsj.",
            lambda: chars(3, DIGITS) + " " + chars(2, DIGITS) + " " + chars(3, DIGITS),
        ),
        ("fr-nir-camel-key", "numeroSecuriteSociale: {s}", nir),
        ("za-id-under-id-number", "customer.idNumber = '{s}'", za_id),
        (
            "phone-answering-its-question",
            "Agent: Which number can we call you back on?\nMarta: {s}\nAgent: ok",
            lambda: (
                "6"
                + chars(2, DIGITS)
                + " "
                + chars(2, DIGITS)
                + " "
                + chars(2, DIGITS)
                + " "
                + chars(2, DIGITS)
            ),
        ),
        (
            "form-value-url-encoded-command",
            "POST /probe 400 form: probe=redis-cli+-h+cache7+-a+%27{s}%27+ping&save=1",
            lambda: chars(18),
        ),
        # The id half of a pair whose secret is redacted (``paired_ids.py``).
        (
            "paired-curl-user",
            "curl -su {s}:Wq7Rz2Lp9Xv4Nk6TbY3hJ5dF https://api.numbat.example/v1/me",
            lambda: chars(16, UPPER + DIGITS),
        ),
        (
            "paired-key-id-env",
            "NUMBAT_KEY_ID={s}\nNUMBAT_SECRET_KEY=Jx3nQ8rWv1LmT6yZp0KdHs4F\n",
            lambda: hexs(20),
        ),
        (
            "paired-client-id-json",
            '{"numbat": {"clientId": "{s}", "clientSecret": "Hq7Vx2Lp9Zr4Tk8WmN3bC6dF"}}',
            uuid,
        ),
        (
            "paired-prose-app-id",
            "For Numbat use app id {s} and app secret Zr4Tk8WmN3bC6dFHq7Vx2Lp9.",
            lambda: chars(20),
        ),
        (
            "stringdata-url",
            "kind: Secret\nstringData:\n  HOOK_URL: https://in.numbat.example/h/{s}\n",
            lambda: chars(24),
        ),
        # A user:password word of quoted pieces: the password inside its own quotes.
        (
            "curl-quoted-pieces",
            'curl -u "svc-numbat":"{s}" https://api.numbat.example/v1',
            password,
        ),
        # A Slack token with drawn parts left before a closing mask run: whole, mask with it.
        (
            "slack-masked-tail",
            '"bot": "{s}"',
            lambda: f"xoxb-{chars(12, DIGITS)}-{chars(13, DIGITS)}-{chars(10)}" + "*" * 14,
        ),
        # bench/fixtures24 (session 25): scanners' drawn samples and their contexts.
        ("drawn-mixed-case-hex", "numbat: {s}", lambda: mixed_hex(40)),
        ("unsigned-jwt", "+{s}", unsigned_jwt),
        (
            "gitlab-runner-token-long",
            "RUNNER_TOKEN='{s}' ./register.sh",
            lambda: "GR1348941" + chars(rng.randrange(24, 48), ALNUM + "_-"),
        ),
        ("aligned-hcl-password", 'db_password          = "{s}"', password),
        (
            "digits-under-token",
            "##[debug]Evaluating: env.NUMBAT_CLIENT_TOKEN => '{s}'",
            lambda: chars(1, "123456789") + chars(rng.randrange(13, 19), DIGITS),
        ),
        ("access-id", 'numbat.accessId = "{s}"', lambda: chars(14)),
        (
            "grep-framed-curl-user",
            'ops/run.sh:12:curl -s --user "deploy:{s}" https://api.numbat.example/me',
            password,
        ),
        (
            "fallback-with-quotes",
            'const t = process.env.NUMBAT_TOKEN || "{s}";',
            lambda: chars(12) + "`" + chars(8) + "'" + chars(10),
        ),
        (
            "from-literal-glued-operators",
            "kubectl create secret generic numbat --from-literal=secret={s}",
            lambda: chars(8) + ";" + chars(2, DIGITS) + "," + chars(12) + "#`>" + chars(10),
        ),
        (
            "unquoted-unpaired-brackets",
            "export NUMBAT_KEY={s}",
            lambda: chars(5) + ")" + chars(3) + ">" + chars(2, DIGITS) + "(" + chars(6),
        ),
        ("drawn-lower-case-long", '"registry", "{s}"', lambda: drawn_lower(64)),
        ("drawn-lower-case-under-token", "export NUMBAT_API_TOKEN={s}", lambda: drawn_lower(20)),
        (
            "hex-pair-fallback",
            'const k = process.env.NUMBAT_API_KEY || "{s}";',
            lambda: f"{hexs(8)}:{hexs(8)}",
        ),
        (
            "azure-apim-git-glued",
            "using numbat.scm.azure-api.net{s}",
            lambda: "git&" + chars(12, DIGITS) + "&" + b64(86),
        ),
        (
            "url-path-ping-host-key",
            "PING_URL=https://cronitor.link/p/{s}/etl-nightly",
            lambda: hexs(32),
        ),
        (
            "url-path-receiver-token",
            "endpoint: https://collectors.de.sumologic.com/receiver/v1/http/{s}",
            lambda: b64(40) + "/" + b64(30) + "==",
        ),
        (
            "url-path-push-token",
            "curl -s 'https://kuma.lan.example/api/push/{s}?status=up&msg=OK&ping='",
            lambda: chars(10),
        ),
        (
            "url-query-short-key",
            "GET https://api.w3w.example/v3/autosuggest?input=a.b.c&key={s}",
            lambda: chars(8, UPPER),
        ),
        (
            "rotated-dotted-symbol-password",
            "I rotated the Numbat API key, the new one is {s}, please update",
            lambda: chars(4) + "." + chars(5) + "*" + chars(6),
        ),
        (
            "phone-csv-column",
            "id,name,phone,city\n12,Ana Lind,{s},Oslo",
            lambda: f"{chars(2, DIGITS)} {chars(3, DIGITS)} {chars(2, DIGITS)} {chars(2, DIGITS)}",
        ),
        (
            "card-tsv-column",
            "Nr\tName\tCard number\tStatus\n4\tOla\t{s}\tok",
            lambda: grouped(luhn_complete("6759", 12), 4, "-"),
        ),
        (
            "phone-callback-party",
            "POST /sms/cb 502 body=Sid=SM9&To={s}&Err=30003",
            lambda: f"{chars(1, DIGITS)}-{chars(4, DIGITS)}-{chars(4, DIGITS)}",
        ),
        # bench/contexts26: string-literal prefixes, drawn snake_case values, Caddy headers,
        # a bearer token with "=" inside.
        (
            "rust-raw-string",
            'pub static NUMBAT_API_KEY: &str = r"{s}";',
            lambda: chars(32, LOWER + DIGITS),
        ),
        ("rust-raw-hash-string", 'const QUOKKA_SECRET: &str = r#"{s}"#;', lambda: chars(14)),
        ("rust-raw-short", 'static DINGO_SECRET: &str = r"{s}";', lambda: chars(12)),
        ("python-bytes-literal", "WOMBAT_TOKEN = rb'{s}'", lambda: hexs(24)),
        ("ansi-c-quoted", "export DINGO_PASSWORD=$'{s}'", password),
        (
            "snake-value-with-hex",
            "NUMBAT_SECRET_KEY={s}",
            lambda: f"sk_pr_numbatkey{chars(1, DIGITS)}_{hexs(40)}",
        ),
        (
            "caddy-header-up",
            "reverse_proxy https://api.numbat.example {\n\theader_up X-Numbat-Token {s}\n}",
            lambda: chars(3) + "-" + chars(3) + "-" + chars(3),
        ),
        (
            "bearer-inner-equals",
            'proxy_set_header Authorization "Bearer {s}";',
            lambda: chars(6) + "=" + chars(10) + "=" + chars(6),
        ),
        # Session 26: a clause between an owner's ``key`` and its colon; a rotation note's hex
        # pair; a short hex key on a line reporting a failure; short draws of narrow alphabets.
        ("owned-key-clause", "here's the wombat key you asked for: {s}", lambda: hexs(14)),
        (
            "rotated-hex-pair",
            "rotated the quokka token this morning, new one is {s}",
            lambda: hexs(8) + ":" + hexs(8),
        ),
        ("auth-failure-short-hex", "Numbat keeps returning 401 with token {s}?", lambda: hexs(8)),
        (
            "token-drawn-lower-short",
            'os.environ["NUMBAT_TOKEN"] = "{s}"',
            lambda: chars(12, LOWER + DIGITS),
        ),
        (
            "dotted-drawn-password",
            "SMTP_PASS: {s}",
            lambda: chars(6, UPPER + LOWER) + "." + chars(13, UPPER + LOWER),
        ),
        (
            "card-sql-column",
            "INSERT INTO members (id, card_number) VALUES (7, '{s}');",
            lambda: luhn_complete("6759", 12),
        ),
        (
            "bank-account-form-plus",
            "POST /pay 422 body=name=li&acct_no={s}&lang=en",
            lambda: f"{chars(2, DIGITS)}-{chars(2, DIGITS)}-{chars(2, DIGITS)}+{chars(8, DIGITS)}",
        ),
        (
            "card-before-inflected-word",
            "A {s} kártyámmal fizettem, de nem ment át.",
            lambda: luhn_complete("1", 15),
        ),
        # Session 27: a private key's tail, its BEGIN line cut off (a scrolled terminal).
        (
            "private-key-tail",
            "...\n{s}",
            lambda: (
                "\n".join(b64(64) for _ in range(rng.randrange(1, 4)))
                + "\n-----END PRIVATE KEY-----"
            ),
        ),
        # Session 27 (bench/telemetry27): a token glued to a JSON escape, a printer's value under
        # a CLI notice, a value glued to Chinese, a foreign key word's longer gap, a value a
        # sentence names as a secret after it.
        (
            "json-escape-glued-token",
            '{"type": "tool_result", "content": "found it\\n{s}\\n"}',
            lambda: "AKIA" + chars(16, UPPER + DIGITS),
        ),
        (
            "printer-after-notice",
            "$ heroku auth:token\n \u203a   Warning: token will expire in 3 days\n{s}",
            lambda: chars(32, LOWER + DIGITS),
        ),
        ("cjk-glued-value", "袋熊的接口密钥是{s}\uff0c请帮我检查。", lambda: chars(24)),
        (
            "foreign-long-gap",
            "Hola, mi clave de API de Wombat es {s} y no funciona.",
            lambda: chars(32),
        ),
        (
            "named-after-value",
            "Found it: **{s}** is the token you set in `WOMBAT_TOKEN`.",
            lambda: hexs(40),
        ),
        ("refused-after-value", "403: token {s} is not valid for this resource", lambda: hexs(24)),
        ("any-cli-printer", "$ wombat auth:token\n{s}", lambda: chars(32, LOWER + DIGITS)),
        ("pytest-local-aligned", "token      = '{s}'\nretries    = 3", lambda: hexs(30)),
        (
            "otel-header-list",
            '{"attributes": {"http.request.header.x-api-key": ["{s}"], "status": 401}}',
            lambda: chars(24),
        ),
        # Session 28 (bench/telemetry27): a key column under a provider column, a value told in
        # another language's copula, a value handed over after ``here:``.
        (
            "owned-key-column",
            "team,provider,key,rotated\nops,wombat,{s},2026-11-30\nqa,wombat,<none>,2026-11-01",
            lambda: chars(14),
        ),
        (
            "owned-key-column-hex",
            "| Vendor | Key |\n|---|---|\n| Numbat | `{s}` |",
            lambda: hexs(32),
        ),
        ("told-abroad", "Salut, ma clé d'API wombat est {s} mais ça échoue.", lambda: chars(12)),
        ("told-abroad-glued", "袋熊的API密钥是{s}\uff0c为什么\uff1f", lambda: chars(13)),
        ("told-abroad-dash", "токен numbat — {s}", lambda: hexs(24)),
        (
            "handed-over",
            '{"role": "user", "content": "here: {s}\\nfrom the dashboard"}',
            lambda: chars(28, LOWER + DIGITS),
        ),
        ("handed-over-key", "here is your key: {s}\nthanks", lambda: uuid()),
        ("pasted-your-key", "2. Paste your key `{s}` into `settings.ini`.", lambda: chars(13)),
        ("owned-key-words-between", "the numbat staging key you asked for: {s}", lambda: chars(14)),
        (
            "refused-short-key",
            "ERROR provider numbat: 401 Unauthorized: invalid key '{s}'",
            lambda: chars(8, LOWER + DIGITS),
        ),
        (
            "request-line-key",
            '10.2.0.7 - - [05/Dec/2026:10:11:12 +0000] "GET /v1/geo?q=Oslo&key={s} HTTP/1.1" 200 91',
            lambda: hexs(40),
        ),
        # Session 28 (bench/contexts28): a foreign line introducing a value on its own line, a
        # question's value the next clause names, ``dotnet nuget -p``, HTTPie's ``-a``, Kotlin's
        # Elvis, concatenated literals, a ``secret key`` cell.
        (
            "foreign-intro-own-line",
            "Hallo,\n\nder neue Schlüssel für Wombat lautet:\n\n{s}\n\nGrüße",
            lambda: chars(28),
        ),
        (
            "question-named-value",
            "could you retry with {s}? that's the API key from the vault",
            lambda: chars(24),
        ),
        (
            "dotnet-nuget-password",
            "dotnet nuget add source https://pkgs.numbat.example/v3/index.json -n numbat -u ci -p {s}",
            argument,
        ),
        ("httpie-auth", "http -a deploy:{s} GET https://api.numbat.example/v1/me", argument),
        (
            "elvis-fallback",
            'val apiToken = System.getenv("WOMBAT_API_TOKEN") ?: "{s}"',
            lambda: chars(32, LOWER + DIGITS),
        ),
        (
            "concatenated-bearer",
            "final headers = {'Authorization': 'Bearer ' + '{s}'};",
            lambda: chars(32, LOWER + DIGITS),
        ),
        (
            "concatenated-assignment",
            '$ok = putenv("WOMBAT_SECRET_KEY=" . "{s}");',
            lambda: chars(24, LOWER + DIGITS),
        ),
        (
            "secret-key-cell",
            "\u2502 WOMBAT_SECRET_KEY \u2502 {s} \u2502",
            lambda: chars(40, UPPER + DIGITS),
        ),
        (
            "parenthesized-after-name",
            "it fails even though my API key ({s}) is fresh",
            lambda: chars(12),
        ),
        ("exposed-after-value", "The old password {s} was pushed by mistake", lambda: hexs(24)),
        (
            "korean-key-particle",
            "wombat API \ud0a4\ub294 {s} \uc785\ub2c8\ub2e4",
            lambda: chars(32, LOWER + DIGITS),
        ),
        # Session 29 (bench/contexts29): a wire log's ``[\\r][\\n]`` after a header's value, a
        # here-string to ``--with-token``, a jsonpath's or ``--query``'s secret name.
        (
            "wire-log-header",
            'DEBUG org.apache.http.wire - http-outgoing-1 >> "X-Api-Key: {s}[\\r][\\n]"',
            lambda: chars(26),
        ),
        (
            "here-string-token",
            "$ gh auth login --hostname ghe.numbat.example --with-token <<< {s}",
            lambda: chars(28, LOWER + DIGITS),
        ),
        (
            "jsonpath-readout",
            "$ kubectl config view --raw -o jsonpath='{.users[0].user.token}'\n{s}",
            lambda: hexs(32),
        ),
        (
            "query-readout",
            "$ az account get-access-token --query accessToken -o tsv\n{s}",
            lambda: chars(36),
        ),
        ("ssh-keygen-passphrase", "$ ssh-keygen -t ed25519 -N '{s}' -f ~/.ssh/id_numbat", argument),
        (
            "dotnet-nuget-push-key",
            "dotnet nuget push numbat.1.0.0.nupkg -k {s} -s https://nuget.numbat.example",
            lambda: chars(30),
        ),
        (
            "minio-alias-secret",
            "$ mc alias set numbat https://s3.numbat.example ops {s}",
            lambda: chars(40),
        ),
        ("kv-get-readout", "$ consul kv get numbat/api_token\n{s}", lambda: hexs(24)),
        (
            "secrets-get-readout",
            "$ doppler secrets get NUMBAT_SECRET --plain\n{s}",
            lambda: chars(24),
        ),
        ("pwgen-readout", "$ pwgen -s 32 1\n{s}", lambda: chars(32)),
        (
            "store-read-bare",
            "$ az keyvault secret show --vault-name kv-numbat --name numbat --query value -o tsv\n{s}",
            lambda: chars(28),
        ),
        (
            "store-read-json",
            '$ aws secretsmanager get-secret-value --secret-id prod/numbat\n{"SecretString": "{s}"}',
            lambda: chars(32, LOWER + DIGITS),
        ),
        # Session 29: ``for key V`` after a refusal on its line.
        (
            "refused-for-key",
            "numbat-agent[77]: auth failed (401) for key {s}",
            lambda: chars(12, UPPER + DIGITS),
        ),
        # A bare ``key`` column after an owner column in SQL.
        (
            "owned-key-sql",
            "INSERT INTO api_keys (service, key, created_at) VALUES ('numbat', '{s}', now());",
            lambda: chars(18),
        ),
        # A ``user:secret`` pair after ``Bearer``.
        (
            "bearer-pair",
            'RequestHeader set Authorization "Bearer {s}"',
            lambda: f"wombat-svc:{chars(16)}",
        ),
        # A Turkish secret word with its possessive suffix.
        (
            "told-abroad-possessive",
            "wombat için yeni API anahtarı: {s}",  # noqa: RUF001
            lambda: chars(10) + "!" + chars(2, LOWER),
        ),
        # A quoted value of more than 300 characters under a secret's key.
        ("long-value-setx", 'setx WOMBAT_SECRET_KEY "{s}" /M', lambda: b64(180) + "=" + b64(200)),
        # A drawn key where a URL's port stands.
        ("url-port-key", "endpoint: https://wombat.azure-api.net:{s}", lambda: chars(32)),
        # A told value of decimal digits.
        (
            "told-digits",
            "the new token for numbat is `{s}`, old one revoked",
            lambda: chars(24, DIGITS),
        ),
        # Session 29 (bench/draws29): an aside in parentheses before an owned key's colon.
        (
            "owned-key-aside",
            "here's the wombat key you asked for (wombat user ops;[bot2): {s}",
            lambda: chars(3, UPPER + DIGITS) + "-" + chars(3, UPPER + DIGITS) + "-" + chars(4),
        ),
        (
            "rotated-dashed-hex",
            "rotated the numbat token this morning, new one is {s}",
            lambda: "-".join(hexs(n) for n in (4, 4, 6, 6, 8)),
        ),
        ("caps-draw-under-key", "export NUMBAT_API_KEY={s}", caps_draw),
        (
            "rotated-hash-word-inside",
            "rotated the ayrshare token this morning, new one is {s}",
            lambda: "-".join(chars(8, UPPER + DIGITS) for _ in range(4)),
        ),
        (
            "dotted-lower-draw",
            "DOVICO_KEY={s}",
            lambda: drawn_lower(32) + "." + drawn_lower(rng.randrange(12, 40)),
        ),
        (
            "rotated-id-dash-hex",
            "rotated the numbat token this morning, new one is {s}",
            lambda: chars(8, DIGITS) + "-" + hexs(40),
        ),
        # Session 29 (over29): Vault's key shares, a random generator's output through a pipe, a
        # password holding the other quote character.
        ("vault-unseal-key-line", "Unseal Key 3: {s}", lambda: b64(44)),
        ("vault-recovery-key-line", "Recovery Key 1: {s}", lambda: hexs(66)),
        (
            "vault-unseal-keys-json",
            '{"unseal_keys_b64": ["{s}"], "unseal_threshold": 1}',
            lambda: b64(44),
        ),
        ("vault-operator-unseal", "$ vault operator unseal {s}", lambda: b64(44)),
        ("urandom-pipe-readout", "$ head -c 24 /dev/urandom | base64\n{s}", lambda: b64(32)),
        (
            "token-urlsafe-readout",
            "$ python3 -c 'import secrets; print(secrets.token_urlsafe(24))'\n{s}",
            lambda: url(32),
        ),
        ("other-quote-password", 'numbat_password = "{s}"', lambda: chars(4) + "'" + chars(8)),
        # Session 29: a tool's configuration setter, key and value as two words.
        (
            "aws-configure-set",
            "$ aws configure set aws_secret_access_key {s} --profile numbat",
            lambda: chars(12),
        ),
        ("yarn-config-set", "yarn config set npmAuthToken {s}", lambda: chars(12)),
        ("poetry-http-basic", "poetry config http-basic.numbat deploy {s}", lambda: chars(12)),
        (
            "composer-oauth",
            "composer config --global github-oauth.github.com {s}",
            lambda: chars(12),
        ),
        ("cargo-login", "cargo login --registry numbat {s}", lambda: chars(12)),
        ("fish-set-export", "set -gx NUMBAT_API_TOKEN {s}", lambda: chars(12)),
        (
            "bundle-config-credentials",
            "bundle config set --global gems.numbat.dev deploy:{s}",
            lambda: chars(12),
        ),
        # Session 30: the shapes that scanners' false positives share, drawn.
        ("vault-legacy-one-case-digits", "vault login s.{s}", lambda: chars(24, UPPER + DIGITS)),
        (
            "slack-masked-after-drawn",
            "SLACK_TOKEN=xoxb-{s}********",
            lambda: f"{rng.randrange(10**10, 10**11)}-{chars(12)}",
        ),
        ("runner-token-drawn", "gitlab-runner register --token GR1348941{s}", lambda: url(20)),
        (
            "base64-sentence-tells-password",
            "X-Note: {s}",
            lambda: sentence_b64(f"the {rng.choice(['deploy', 'db'])} password is {chars(10)}"),
        ),
        (
            "cut-private-key-lines",
            "{s}\n-----END PRIVATE KEY-----",
            lambda: chars(64),
        ),
        # Session 30: a literal holding a backslash escape; secret setters fed from stdin;
        # rclone's settings as word pairs; SQL rows with no column list.
        (
            "escaped-literal",
            'numbat_api_key = "{s}"',
            lambda: chars(6) + rng.choice(['\\"', "\\\\", "\\?"]) + chars(8),
        ),
        ("vercel-env-add", "vercel env add NUMBAT_TOKEN production <<< '{s}'", lambda: chars(12)),
        (
            "keychain-add",
            "security add-generic-password -a ci -s numbat -w {s} -U",
            lambda: chars(12),
        ),
        (
            "secret-tool-store",
            "echo -n {s} | secret-tool store --label=numbat svc numbat",
            lambda: chars(12),
        ),
        ("keyring-set", "keyring set numbat ci <<< {s}", lambda: chars(12)),
        (
            "rclone-config-create",
            "rclone config create numbat drive client_id 4417 client_secret {s}",
            lambda: chars(12),
        ),
        (
            "sql-values-owner",
            "INSERT INTO integrations VALUES (7, 'numbat', '{s}', true);",
            lambda: drawn_lower(24),
        ),
        ("one-dash-flag", "consul kv get -token {s} numbat/config", lambda: chars(12)),
        ("mc-admin-user-add", "mc admin user add local numbat-ci {s}", lambda: chars(12)),
        ("cf-set-env", "cf set-env numbat NUMBAT_API_KEY {s}", lambda: chars(12)),
        ("keyring-get", "$ keyring get numbat ci\n{s}", lambda: chars(12)),
        ("platform-env-get", "$ netlify env:get NUMBAT_API_KEY\n{s}", lambda: chars(12)),
        ("yaml-str-tag", "numbat:\n  password: !!str {s}", lambda: chars(12)),
        # Session 30 (bench/contexts30): wrapped literals, returned literals, fallbacks whose key
        # is the assigned or read name, reqwest's basic auth, ``__KEY__`` constants, positional keys.
        (
            "wrapped-define",
            "'process.env.NUMBAT_SECRET': JSON.stringify(\"{s}\"),",
            lambda: hexs(32),
        ),
        ("wrapped-secretstr", 'numbat_token: SecretStr = SecretStr("{s}")', uuid),
        (
            "wrapped-header-value",
            'headers.insert("x-numbat-token", HeaderValue::from_static("{s}"));',
            lambda: hexs(32),
        ),
        (
            "returned-fixture",
            '@pytest.fixture\ndef numbat_api_key():\n    return "{s}"',
            lambda: hexs(32),
        ),
        ("returned-getter", 'public String getNumbatToken() {\n    return "{s}";\n}', uuid),
        (
            "fallback-assigned",
            'let numbatToken = Bundle.main.object(forInfoDictionaryKey: "NumbatToken") as? String'
            ' ?? "{s}"',
            lambda: hexs(32),
        ),
        (
            "fallback-closure",
            'let key = std::env::var("NUMBAT_API_KEY").unwrap_or_else(|_| "{s}".to_string());',
            uuid,
        ),
        (
            "basic-auth-option",
            'client.get(url).basic_auth("deploy", Some("{s}"))',
            lambda: hexs(32),
        ),
        ("dunder-constant", "  __NUMBAT_API_KEY__: '{s}',", lambda: hexs(32)),
        ("module-factory-key", "const numbat = require('numbat')('{s}');", lambda: drawn_lower(32)),
        (
            "client-endpoint-key",
            'const client = new NumbatClient("https://api.numbat.dev", "{s}");',
            lambda: hexs(32),
        ),
        ("spring-placeholder-default", '@Value("${numbat.api-token:{s}}")', lambda: hexs(24)),
        ("parent-credentials-key", "keyauth_credentials:\n- key: {s}", lambda: hexs(32)),
        (
            "client-endpoint-base64-key",
            "const db = new DbClient('https://docs.numbat.dev', '{s}');",
            lambda: chars(40, ALNUM + "+") + "/" + chars(40) + "==",
        ),
        # Session 30's review: PowerShell escapes a quote with a backtick.
        (
            "powershell-escaped-literal",
            '$env:NUMBAT_API_KEY = "{s}"',
            lambda: chars(6) + '`"' + chars(8),
        ),
        # Session 31 (bench/contexts31): a YAML anchor before the value, a here-string read into
        # a secret's name, Helm's name/value pair, a section's key then its value.
        ("yaml-anchor", "numbat:\n  numbatApiKey: &numbatApiKey {s}", lambda: drawn_lower(30)),
        ("read-here-string", 'read -r NUMBAT_TOKEN <<< "{s}"', lambda: drawn_lower(32)),
        (
            "helm-name-value",
            "helm upgrade numbat ./chart --set-string 'env[0].name=NUMBAT_SECRET,env[0].value={s}'",
            lambda: chars(24),
        ),
        ("section-key-value", "cfg.set('numbat', 'api_key', '{s}')", lambda: chars(24)),
        # Session 32 (bench/contexts32): debug dumps, REPL and store reads, Lua, a traced pipe.
        ("print-r-row", "Array\n(\n    [numbat_api_key] => {s}\n)", lambda: drawn_lower(30)),
        ("spew-string", 'NumbatToken: (string) (len=32) "{s}"', lambda: drawn_lower(32)),
        ("r-str-row", ' $ numbat_secret: chr "{s}"', lambda: chars(24)),
        ("r-printed-list", '$numbat_token\n[1] "{s}"', lambda: drawn_lower(28)),
        ("fish-set-show", "$NUMBAT_API_KEY[1]: |{s}|", lambda: chars(26)),
        ("reg-query-row", "    NumbatToken    REG_SZ    {s}", lambda: chars(22)),
        (
            "terraform-output-json",
            '{\n  "numbat_api_key": {\n    "sensitive": true,\n    "type": "string",\n'
            '    "value": "{s}"\n  }\n}',
            lambda: drawn_lower(32),
        ),
        (
            "consul-detailed-value",
            "Key              config/numbat/api_token\nLockIndex        0\nValue            {s}",
            lambda: drawn_lower(30),
        ),
        ("iex-echo", 'iex(4)> System.get_env("NUMBAT_TOKEN")\n"{s}"', lambda: drawn_lower(30)),
        (
            "get-secret-plain",
            "PS> Get-Secret -Name NumbatApiKey -AsPlainText\n{s}",
            lambda: chars(28),
        ),
        (
            "etcdctl-key-echo",
            "$ etcdctl get /numbat/api_key\n/numbat/api_key\n{s}",
            lambda: chars(28),
        ),
        (
            "lua-concatenated-bearer",
            'ngx.req.set_header("Authorization", "Bearer " .. "{s}")',
            lambda: chars(30),
        ),
        (
            "traced-stdin-print",
            "+ printf '%s\\n' {s}\n+ docker login -u numbat --password-stdin r.numbat.dev",
            lambda: drawn_lower(24),
        ),
        # Session 31 (benign31): a GitLab body drawn with dashes, a callback URL curl sends with
        # no Authorization header.
        (
            "gitlab-dashed-draw",
            "GITLAB_TOKEN=glpat-{s}",
            lambda: chars(7) + "-" + chars(6) + "_" + chars(8),
        ),
        (
            "curl-callback-no-header",
            "curl -X POST https://api.numbat.dev/v1/runs/42/callbacks/{s}",
            lambda: uuid() + "_" + uuid(),
        ),
        # Session 31 (leaks31): a literal interpolated into a string, a JSON-RPC call's
        # positional params, a secret given as the answer to a question, ``my … key V`` (the
        # templates take ``{s}`` by replacement: braces are single).
        (
            "interpolated-bearer",
            'headers = {"Authorization": f"Bearer {\'{s}\'}"}',
            lambda: drawn_lower(32),
        ),
        (
            "interpolated-template",
            'const h = { Authorization: `Bearer ${"{s}"}` };',
            lambda: drawn_lower(32),
        ),
        (
            "rpc-session-open",
            '{"jsonrpc": "2.0", "id": 4, "method": "session.open", "params": ["numbat", "{s}"]}',
            lambda: drawn_lower(32),
        ),
        (
            "rpc-login",
            '{"method": "auth.login", "params": ["numbat-ci", "{s}"], "id": 2}',
            lambda: drawn_lower(28),
        ),
        (
            "asked-quoted-question",
            "> ops wrote:\n> which numbat token does the cron use?\nthis one: {s} (same as before)",
            lambda: drawn_lower(32),
        ),
        ("asked-chat", "[09:12] ana: what's the numbat api key?\n[09:13] ben: {s}", uuid),
        (
            "owned-key",
            "Auth fails with my numbat key {s} even though it works in curl.",
            lambda: drawn_lower(24),
        ),
        (
            "rclone-after-pair",
            "rclone config create numbat s3 provider=AWS secret_access_key {s} region eu-west-1",
            lambda: chars(40),
        ),
        (
            "powershell-printer",
            "PS C:\\work> keyring get numbat deploy\n{s}",
            lambda: drawn_lower(24),
        ),
        ("logical-assignment", "settings.numbatApiKey ??= '{s}';", lambda: chars(24)),
        (
            "make-eval-assignment",
            "release:\n\t$(eval NUMBAT_AUTH_TOKEN := {s})\n\t./ship.sh",
            lambda: drawn_lower(18),
        ),
        # Session 32 (leaks32): a code span refused on a failure's line, the writer's own value,
        # a bare ``key:`` opening a sentence.
        ("rejected-span", "numbat said 401 and rejected `{s}` again", lambda: hexs(32)),
        ("own-value", "still forbidden. what I'm using: {s} (from the numbat console)", uuid),
        ("sentence-bare-key", "numbat needs this for prod. key: {s}", lambda: hexs(40)),
        (
            "call-digit-token",
            'NumbatClient.builder().accessToken("{s}").build()',
            lambda: str(rng.randrange(10**19, 10**22)),
        ),
        (
            "build-config-field",
            'buildConfigField("String", "NUMBAT_API_KEY", "\\"{s}\\"")',
            lambda: drawn_lower(12),
        ),
        ("java-optional", "DEBUG c.n.Numbat - resolved Optional[{s}]", lambda: chars(24)),
        # Session 32 (bench/contexts33): inline-code markup, configuration lookups, IPython's
        # Out, pg_dump's COPY rows, a debugger's char *, namespaced attributes, conda's /t/.
        ("html-code-after-name", "<p>Numbat token: <code>{s}</code></p>", lambda: chars(24)),
        ("jira-monospace", "the numbat password is {{{s}}} for now", lambda: chars(20)),
        ("puppet-lookup", "$ puppet lookup numbat::api_token\n--- {s}", lambda: drawn_lower(28)),
        (
            "salt-pillar-get",
            "$ salt '*' pillar.get numbat:secret_key\nweb1:\n    {s}",
            lambda: chars(26),
        ),
        ("eyaml-decrypted", "numbat::auth_token: DEC::PKCS7[{s}]!", lambda: drawn_lower(30)),
        (
            "ipython-out",
            "In [2]: os.environ['NUMBAT_TOKEN']\nOut[2]: '{s}'",
            lambda: chars(24),
        ),
        (
            "pg-copy-row",
            "COPY numbat.keys (id, api_key) FROM stdin;\n1\t{s}\n\\.",
            lambda: drawn_lower(30),
        ),
        ("gdb-char-pointer", '$1 = {numbat_token = 0x55d0c0 "{s}"}', lambda: chars(26)),
        (
            "android-meta-data",
            '<meta-data android:name="dev.numbat.API_KEY" android:value="{s}" />',
            lambda: chars(32),
        ),
        (
            "conda-channel-token",
            "channels:\n  - https://conda.numbat.dev/t/{s}/main",
            lambda: chars(30),
        ),
        # Session 32 (leaks33): a new secret announced, a camelCase word told abroad, op's label.
        ("announced-new-key", '"text": "new numbat key: `{s}`",', lambda: hexs(32)),
        ("announced-value", "New value deployed: {s}\nOld one revoked.", uuid),
        ("camel-token-abroad", "> Der ApiToken lautet {s}\n", lambda: chars(16)),
        (
            "op-item-label",
            '{\n  "id": "password",\n  "type": "CONCEALED",\n  "label": "password",\n'
            '  "value": "{s}"\n}',
            lambda: chars(24),
        ),
        # Session 33 (leaks34): short values told abroad, a password's salt or pepper.
        ("told-abroad-short", "Bonjour, ma clé d'API numbat est {s} mais ça échoue.", mixed_short),
        ("told-abroad-glued-short", "API\u30ad\u30fc\uff1a{s}\uff08numbat\uff09", mixed_short),
        ("password-salt-keyed", "NUMBAT_PASSWORDSALT={s}", lambda: chars(30, ALNUM + "!#%^*-_")),
        ("password-pepper-json", '{"password_pepper": "{s}"}', lambda: chars(24)),
        # Session 33 (leaks35): a ';' inside a drawn value, a log's pairs closed by ')', short hex.
        (
            "semicolon-in-value",
            "NumbatOptions { BaseUrl = https://numbat.example.com, ApiToken = {s}, Retries = 3 }",
            lambda: chars(6) + ";" + chars(13, ALNUM + "^~#"),
        ),
        (
            "bracketed-log-pairs",
            "numbat: init failed (endpoint=https://numbat.example.com secret_key={s})",
            lambda: chars(1, UPPER) + chars(9, LOWER + UPPER),
        ),
        ("short-hex-token", "10:02 < mira> api_token: {s}", lambda: chars(14, HEXL)),
        # Session 34 (leaks36): a draw opened by a bracket, an access code, a command as a value.
        (
            "drawn-opened-bracket",
            '    authorization:\n      type: Bearer\n      credentials: "{s}"',
            lambda: "[" + chars(1, ALNUM) + chars(21, ALNUM + "!#%^*;@|"),
        ),
        (
            "drawn-opened-angle",
            '{"name": "NUMBAT_CLIENT_SECRET", "value": "{s}"}',
            lambda: "<" + chars(1, ",(") + chars(1, ALNUM) + chars(20, ALNUM + "*;{}[]"),
        ),
        ("access-code-env", "export ACCESS_CODE={s} && numbat serve", lambda: chars(16)),
        (
            "command-in-variable",
            "NUMBAT_CMD=cqlsh db.numbat.internal 9042 -u ingest -p '{s}' --ssl",
            lambda: chars(1, ALNUM) + chars(15, ALNUM + "!#%^*"),
        ),
        # Session 36 (leaks40): an OTLP debug attribute, Go's printed header map, Prometheus'
        # authorization block, a private key's PEM lines cut from both ends.
        (
            "otel-debug-attribute",
            "Attributes:\n     -> http.method: Str(POST)\n"
            '     -> numbat.api_token: Slice(["{s}"])\n     -> http.status_code: Int(200)',
            lambda: chars(24, LOWER + DIGITS),
        ),
        (
            "go-header-map",
            "2026/12/06 10:11:12 DEBUG request url=https://numbat.example.com/v1 "
            "header=map[Accept:[*/*] Authorization:[Bearer {s}]]",
            lambda: chars(25, DIGITS),
        ),
        (
            "prometheus-authorization",
            "scrape_configs:\n  - job_name: numbat\n    authorization:\n      type: Bearer\n"
            "      credentials: {s}",
            lambda: chars(32, DIGITS),
        ),
        ("pem-key-lines", "$ sed -n 9,11p numbat.key\n{s}\n$ ", key_lines),
        # probes43: a secret in its place of a library call's signature, Ruby's ENV fallback,
        # Kerberos' admin commands (placed_args, env_fallbacks, password_commands).
        (
            "jwt-signing-key",
            'token = jwt.encode({"sub": user_id}, "{s}", algorithm="HS256")',
            lambda: chars(rng.randrange(12, 24)),
        ),
        (
            "hmac-key-bytes",
            'mac := hmac.New(sha256.New, []byte("{s}"))',
            lambda: hexs(32),
        ),
        (
            "jdbc-connection-password",
            'Connection conn = DriverManager.getConnection(url, "numbat", "{s}");',
            password,
        ),
        (
            "pexpect-password-reply",
            'child.expect("Password:")\nchild.sendline("{s}")',
            password,
        ),
        (
            "vendor-client-key",
            "const client = new Twilio(process.env.TWILIO_SID, '{s}');",
            lambda: hexs(32),
        ),
        (
            "aws-static-credentials",
            'creds := credentials.NewStaticCredentials("AKIA{a}", "{s}", "")'.replace(
                "{a}", "QX7RM2PLW5ZKT3NB"
            ),
            lambda: chars(40, ALNUM + "/+"),
        ),
        ("ruby-env-fallback", 'ENV["NUMBAT_API_KEY"] ||= "{s}"', lambda: chars(20)),
        ("kadmin-principal-password", 'kadmin -q "addprinc -pw {s} numbat"', argument),
        (
            "basic-pair-encoded",
            'headers = {"Authorization": "Basic " + base64.b64encode(b"numbat:{s}").decode()}',
            password,
        ),
        ("basic-pair-piped", "$ echo -n 'numbat:{s}' | base64", argument),
        ("curl-userpwd-option", 'curl_setopt($ch, CURLOPT_USERPWD, "numbat:{s}");', password),
    ]


def key_lines() -> str:
    """Return three PEM lines of DER bytes with a private key's prime header (``02 81 81 00``)
    after another INTEGER's bytes, as a key's middle lines decode."""
    data = bytes(rng.randrange(256) for _ in range(60)) + b"\x02\x81\x81\x00"
    data += bytes(rng.randrange(256) for _ in range(80))
    return "\n".join(textwrap.wrap(b64_of(data), 64))


def sentence_b64(plain: str) -> str:
    """Return base64 of ``plain`` padded with blanks to a multiple of 3 bytes (no ``=``)."""
    return base64.b64encode((plain + " " * (-len(plain) % 3)).encode()).decode()


def caps_draw() -> str:
    """Return 25 capitals and digits whose longest letter run is syllables (it reads half-spoken)."""
    syllables = "".join(chars(1, "BDFGKLMNPRSTVZ") + chars(1, "AEIOU") for _ in range(5))
    return chars(3, UPPER) + chars(2, DIGITS) + syllables + chars(3, DIGITS) + chars(7, UPPER)


def mixed_hex(n: int) -> str:
    """Return ``n`` hex digits of both cases, drawn as a scanner's sample is (``[a-fA-F0-9]``)."""
    return chars(n, "0123456789abcdefABCDEF")


def unsigned_jwt() -> str:
    """Return a JWT of ``alg: none``: a header and a payload, no signature."""
    header = base64.urlsafe_b64encode(b'{"alg":"none","typ":"JWT"}').decode().rstrip("=")
    payload = json.dumps({"sub": chars(10, DIGITS), "name": chars(8, LOWER)}).encode()
    return header + "." + base64.urlsafe_b64encode(payload).decode().rstrip("=")


def drawn_lower(n: int) -> str:
    """Return ``n`` lower-case letters and digits, a letter run then a digit, over and over."""
    out = ""
    while len(out) < n:
        out += chars(rng.randrange(1, 5), "ghijklmnpqrsvwxyz" + "eotu") + chars(1, DIGITS)
    return out[:n]


def nir() -> str:
    """Return a French NIR with its mod-97 key, grouped as printed (1 YY MM DD CCC OOO KK)."""
    body = chars(1, "12") + chars(2, DIGITS) + f"{rng.randrange(1, 13):02d}"
    body += f"{rng.randrange(1, 96):02d}" + chars(6, DIGITS)
    key = f"{97 - int(body) % 97:02d}"
    parts = (body[0], body[1:3], body[3:5], body[5:7], body[7:10], body[10:13], key)
    return " ".join(parts)


def za_id() -> str:
    """Return a South African identity number: a date of birth, citizenship 0, 8, Luhn."""
    body = f"{rng.randrange(50, 100):02d}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}"
    body += chars(4, DIGITS) + "08"
    return next(body + d for d in DIGITS if luhn_ok(body + d))


def luhn_ok(number: str) -> bool:
    """Return whether ``number`` passes Luhn."""
    total = 0
    for i, c in enumerate(reversed(number)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def base64_json_secret() -> str:
    """Return base64 of a JSON object whose key names a password (no ``+``, ``/`` or ``=``)."""
    while True:
        value = chars(rng.randrange(16, 24), ALNUM + "%~_")
        encoded = b64_of(json.dumps({"admin_password": value}).encode())
        if not set("+/=") & set(encoded):
            return encoded


def wif() -> str:
    """Return a Bitcoin private key in WIF (base58check of ``0x80``, 32 bytes, ``0x01``)."""
    data = b"\x80" + bytes(rng.randrange(256) for _ in range(32)) + b"\x01"
    data += hashlib.sha256(hashlib.sha256(data).digest()).digest()[:4]
    number, out = int.from_bytes(data, "big"), ""
    while number:
        number, rest = divmod(number, 58)
        out = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"[rest] + out
    return out


def azure_storage() -> str:
    """Return a key shaped like an Azure Storage identifiable key (``+ASt`` at offset 76)."""
    return b64(76) + "+ASt" + b64(5) + chars(1, "AQgw") + "=="


def nhs() -> str:
    """Return a UK NHS number passing its mod-11 check, grouped 3-3-4."""
    while True:
        digits = chars(9, DIGITS)
        check = 11 - sum(int(d) * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
        if check != 10:
            number = digits + str(check % 11)
            return f"{number[:3]} {number[3:6]} {number[6:]}"


def iban_de() -> str:
    """Return a German IBAN with its mod-97 check digits, unspaced."""
    bban = chars(18, DIGITS)
    check = 98 - int(bban + "131400") % 97
    return f"DE{check:02d}{bban}"


def ssn() -> str:
    """Return a US Social Security number (area not 000, 666 or 9xx; no zero group or serial)."""
    return f"{rng.randint(1, 665):03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def cpf() -> str:
    """Return a Brazilian CPF with both check digits, formatted ``123.456.789-09``."""
    values = [rng.randint(0, 9) for _ in range(9)]
    for size in (9, 10):
        total = sum(v * w for v, w in zip(values, range(size + 1, 1, -1), strict=False))
        values.append(0 if total % 11 < 2 else 11 - total % 11)
    t = "".join(map(str, values))
    return f"{t[:3]}.{t[3:6]}.{t[6:9]}-{t[9:]}"


def dni() -> str:
    """Return a Spanish DNI: 8 digits and their check letter."""
    number = rng.randint(10_000_000, 99_999_999)
    return f"{number}{'TRWAGMYFPDXBNJZSQVHLCKE'[number % 23]}"


def bsn() -> str:
    """Return a Dutch BSN passing the 11-test."""
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        check = sum(v * w for v, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)


def nino() -> str:
    """Return a UK National Insurance number with an allowed prefix, spaced in pairs."""
    prefix = rng.choice("ABCEHJKLMPRSWXY") + rng.choice("ABCEGHJLMPRSTWXYZ")
    return f"{prefix} {chars(2, DIGITS)} {chars(2, DIGITS)} {chars(2, DIGITS)} {rng.choice('ABCD')}"


def later_rows(per_form: int) -> list[dict[str, str]]:
    """Return the rows of ``later_forms``, ``per_form`` of each."""
    rows = []
    for family, template, make in later_forms():
        for _ in range(per_form):
            secret = make()
            rows.append(
                {
                    "family": family,
                    "context": "form",
                    "text": template.replace("{s}", secret),
                    "secret": secret,
                }
            )
    return rows


def main() -> None:
    """Write the four files; the held-out ones come out as they were first written."""
    global rng
    rng = random.Random(20261205)
    main_rows = secrets(contexts(), 5, 3)
    benign_rows = benign(1100)
    rng = random.Random(51502)
    write(HERE / "secrets.jsonl", main_rows + later_rows(3))
    rng = random.Random(240612)
    write(HERE / "benign.jsonl", benign_rows + later_benign(4))
    rng = random.Random(77120561)
    write(HERE / "held-out-secrets.jsonl", secrets(held_out_contexts(), 2, 1))
    write(HERE / "held-out-benign.jsonl", held_out_benign(330))


def later_benign(per_kind: int) -> list[dict[str, str]]:
    """Return benign kinds added after the held-out files were written, ``per_kind`` rows each."""
    words = ["numbat", "quokka", "wombat", "dingo"]
    kinds: list[tuple[str, Callable[[], str]]] = [
        # bench/fixtures24: scanners' fixtures fill a token's body with one character (any case)
        # or count the alphabet; the token is a placeholder, not a key.
        (
            "filled-token",
            lambda: (
                rng.choice(["hvs.", "GR1348941", "sntryu_", "glsa_", "xoxb-"])
                + rng.choice("xXaAyYzZ0") * rng.randrange(30, 70)
            ),
        ),
        (
            "filled-token-in-config",
            lambda: (
                f'{rng.choice(["token", "VAULT_TOKEN", "api_token"])} = "dt0c01.'
                + rng.choice("xXyY") * 24
                + "."
                + rng.choice("xXyY") * 64
                + '"'
            ),
        ),
        (
            "alphabet-token",
            lambda: (
                f"{rng.choice(['example', 'e.g.', 'like'])} "
                + rng.choice(["AIzaSyB", "glpat-", "sk_live_", "dop_v1_"])
                + "abcdefghijklmnopqrstuvwxyz"[: rng.randrange(10, 27)]
                + chars(8, DIGITS)
            ),
        ),
        # Session 25: references in quoted pieces, a Secret's scope, key blocks without a key,
        # Slack words, a path under a secret word.
        (
            "quoted-reference-pieces",
            lambda: rng.choice(
                [
                    'curl -u "${NUMBAT_USER}":"${NUMBAT_PASS}" https://api.numbat.example',
                    "smbclient //fs/b -U '$SMB_USER'%'$SMB_PASS'",
                    'git clone https://oauth2:"${CI_JOB_TOKEN}"@git.numbat.example/r.git',
                ]
            ),
        ),
        (
            "configmap-after-secret",
            lambda: (
                "kind: Secret\ntype: Opaque\n---\nkind: ConfigMap\ndata:\n"
                f"  strategy: {rng.choice(['Default', 'None', 'Replace'])}\n"
                f"  ref: {rng.choice(words)}/{rng.choice(words)}\n"
            ),
        ),
        (
            "empty-key-block",
            lambda: (
                f"-----BEGIN {rng.choice(['', 'RSA ', 'OPENSSH '])}PRIVATE KEY-----"
                + rng.choice(["\n...\n", "\nanything\n", "", "\n<your key>\n"])
                + "-----END PRIVATE KEY-----"
            ),
        ),
        ("slack-words", lambda: f"xoxe.xoxp-1-{rng.choice(['initial', 'refresh', 'rotated'])}"),
        (
            "vault-path",
            lambda: f"vault kv get secret/{rng.choice(words)}/db/pg-main-{rng.randrange(10, 99)}",
        ),
        # Session 25: what the drawn-sample rules must leave alone.
        ("chain-tx-hash", lambda: f"tx 0x{hexs(64)} confirmed in block {chars(7, DIGITS)}"),
        ("one-case-hash", lambda: f"digest: {hexs(40).upper()} ({hexs(32)})"),
        (
            "nix-store-path",
            lambda: f"/nix/store/{chars(32, 'abcdfghijklmnpqrsvwxyz0123456789')}-hello",
        ),
        (
            "curl-placeholder-pair",
            lambda: "docs/api.md:14:curl -u <user:password> https://api.numbat.example",
        ),
        (
            "aligned-data-keys",
            lambda: (
                f'password_file        = "/etc/numbat/pw"\nmax_tokens           = {chars(4, DIGITS)}'
            ),
        ),
        ("epoch-under-token", lambda: f"token: 17{chars(11, DIGITS)}"),
        ("number-under-access-id", lambda: f"access_id: {chars(9, DIGITS)}"),
        ("version-name-under-token", lambda: "api_token = python3ubuntu2204jammy"),
        (
            "bech32-address",
            lambda: (
                f"deposit to {rng.choice(['bc', 'ltc', 'cosmos', 'osmo'])}1q{chars(40, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l')}"
            ),
        ),
        (
            "onion-name",
            lambda: f"# hostname: {chars(55, 'abcdefghijklmnopqrstuvwxyz234567')}d.onion",
        ),
        # bench/contexts26: what the literal prefixes, snake_case values and Caddy headers keep.
        (
            "prefixed-literal-name",
            lambda: rng.choice(
                [
                    f'const ENV_NAME: &str = r"{rng.choice(words).upper()}_API_KEY";',
                    'api_key = r"{API_KEY}"',
                    'token = f"{prefix}-{suffix}"',
                ]
            ),
        ),
        (
            "snake-name-under-key",
            lambda: (
                f"{rng.choice(['API_KEY', 'SECRET_KEY'])}={rng.choice(['default', 'legacy', 'old'])}"
                f"_{rng.choice(words)}_api_key"
            ),
        ),
        (
            "caddy-placeholder",
            lambda: rng.choice(
                [
                    "header_up X-Api-Key {env.NUMBAT_KEY}",
                    "header_up X-Request-Id {http.request.uuid}",
                    "header_down -Server",
                ]
            ),
        ),
        (
            "bearer-challenge",
            lambda: f'WWW-Authenticate: Bearer realm="{rng.choice(words)}", error="invalid_token"',
        ),
        # Session 26: what the clause, hex-pair and short-hex rules must leave alone.
        ("key-fingerprint-clause", lambda: f"the SSH key fingerprint: {hexs(16)}"),
        ("ok-with-token-short-hex", lambda: f"returns 200 with token {hexs(8)}, all good"),
        (
            "rotated-logs-hex-pair",
            lambda: f"rotated the logs at noon, new one is {hexs(8)}:{hexs(8)}",
        ),
        ("dotted-code-name", lambda: "password: cfg.db.mysqlRootPwd"),
        (
            "number-sql-column",
            lambda: "INSERT INTO members (id, member_number) VALUES (7, '{s}');".replace(
                "{s}", luhn_complete("6759", 12)
            ),
        ),
        ("count-before-card-word", lambda: f"we printed {chars(5, DIGITS)} cards today"),
        # Session 27 (bench/outputs27): what commands print.
        (
            "base64-text-file",
            lambda: "\n".join(
                textwrap.wrap(
                    b64_of(
                        f"The {rng.choice(words)} scheduler waits for every {rng.choice(words)}"
                        f" to report before it closes round {rng.randrange(2, 99)}; see the"
                        f" guide at https://{rng.choice(words)}.example.org/docs.\n".encode()
                    ),
                    76,
                )
            ),
        ),
        (
            "der-public-key",
            lambda: alnum_b64(bytes.fromhex("302a300506032b6570032100"), 45),
        ),
        (
            "debian-version",
            lambda: (
                f"Breaks: {rng.choice(words)}-tools (<< {rng.randrange(1, 9)}.{rng.randrange(0, 9)}"
                f".{rng.randrange(0, 9)}.{rng.randrange(1, 9)}-{rng.randrange(1, 5)}~)"
            ),
        ),
        (
            "dpkg-row",
            lambda: (
                f"ii  lib{rng.choice(words)}-conf{' ' * 20}{rng.randrange(1, 9)}.{rng.randrange(0, 9)}"
                f".{rng.randrange(0, 9)}.{rng.randrange(1, 9)}-{rng.randrange(1, 5)}{' ' * 10}all   data"
            ),
        ),
        (
            "named-build-version",
            lambda: (
                f"  v8: '{rng.randrange(10, 13)}.{rng.randrange(0, 9)}.{rng.randrange(100, 250)}"
                f".{rng.randrange(1, 30)}-node.{rng.randrange(10, 40)}',"
            ),
        ),
        (
            "hex-dump-tail",
            lambda: (
                "    Modulus:\n        "
                + ":".join(hexs(2) for _ in range(18))
                + ":\n        "
                + ":".join(hexs(2) for _ in range(8))
            ),
        ),
        # Session 27: what the escape, string-end, notice, CJK and named-after rules leave alone.
        (
            "json-string-curl-placeholder",
            lambda: (
                '{"stdout": "curl -u '
                + rng.choice(["username:token", "'user:pass'", '\\"${user}\\":\\"${pass}\\"'])
                + '\\n", "returncode": 0}'
            ),
        ),
        (
            "json-escape-glued-word",
            lambda: f'{{"content": "see below\\n{rng.choice(words)}_release_notes_v2\\n"}}',
        ),
        (
            "printer-notice-no-value",
            lambda: "$ heroku auth:token\n \u203a   Warning: not logged in\n$ ls",
        ),
        (
            "cjk-version",
            lambda: f"密钥管理服务的版本是v{rng.randrange(1, 9)}.{rng.randrange(0, 20)}.0-rc1",
        ),
        ("otel-names-list", lambda: f'{{"tokens": ["{rng.choice(words)}", "limit"], "n": 2}}'),
        ("refused-data-key", lambda: f"the cache_key {hexs(32)} is invalid, rebuilding"),
        ("prose-auth-token", lambda: "I rotated the auth token\nThanks!"),
        (
            "named-data-key",
            lambda: rng.choice(
                [
                    f"{hexs(64)} is the cache key for this build",
                    f"commit {hexs(40)} is the token rotation change",
                    f"the value {uuid()} is the key of the row",
                ]
            ),
        ),
        # Session 28: what the owned-column, told-abroad and handed-over rules leave alone.
        (
            "data-key-column",
            lambda: rng.choice(
                [
                    f"service,key,hits\ncache,{hexs(32)},{rng.randrange(1, 99)}",
                    f"name,key,created\n{rng.choice(words)},{chars(16)},2026-11-0{rng.randrange(1, 9)}",
                    f"service,key,value\n{rng.choice(words)},max_connections,{rng.randrange(10, 500)}",
                ]
            ),
        ),
        (
            "told-abroad-words",
            lambda: rng.choice(
                [
                    "Das Passwort ist falsch.",
                    f"Der Schlüssel ist {rng.choice([2048, 3072, 4096])} Bit lang.",
                    f"Le token est en version {rng.randrange(1, 9)}.{rng.randrange(0, 9)}.1",
                    f"la clave es https://{rng.choice(words)}.example.org/v1/kv",
                ]
            ),
        ),
        (
            "handed-over-id",
            lambda: rng.choice(
                [
                    f"here: {hexs(40)}",
                    f"here: {uuid()}\nthat's the request",
                    f"here's the request id: req_{chars(16)}",
                    f"here: {rng.choice(words)}-release-notes",
                    f"here: get{rng.choice(words).title()}ById2",
                ]
            ),
        ),
        (
            "pasted-name",
            lambda: rng.choice(
                [
                    f"set the cache key `{chars(15)}`",
                    f"Set the key `{rng.choice(words)}_flags_v2` to true",
                    "Replace the token `YOUR_TOKEN_HERE` with yours",
                    f"the old cache {rng.choice(words)} key: {chars(13)}",
                ]
            ),
        ),
        (
            "refused-data-key-short",
            lambda: rng.choice(
                [
                    f"KeyError: invalid key '{chars(8, LOWER + DIGITS)}'",
                    f"401: invalid key '{rng.choice(words)}{rng.randrange(10, 99)}'",
                ]
            ),
        ),
        (
            "request-line-data-key",
            lambda: (
                f'"GET /cache?key={rng.choice(words)}_profile_{rng.randrange(10, 99)} HTTP/1.1" 200'
            ),
        ),
        # Session 28 (bench/code28): real source code around a secret's key word.
        (
            "python-slice",
            lambda: (
                f"    {rng.choice(words)}s = rows[{rng.choice(['', '1'])}::{rng.randrange(2, 9)}]"
            ),
        ),
        (
            "header-call",
            lambda: (
                f'r.headers["Authorization"] = self._{rng.choice(words)}_header(r.method, r.url)'
            ),
        ),
        (
            "header-name",
            lambda: f"this[kHeaders]['proxy-authorization'] = opts.{rng.choice(words)}_token",
        ),
        (
            "call-cut-at-blank",
            lambda: (
                f'password = {rng.choice(words)}_bytes(auth[{rng.randrange(0, 3)}], name="auth")'
            ),
        ),
        ("credentials-name", lambda: f"self.{rng.choice(words)}_user, self.password = credentials"),
        (
            "keyword-list",
            lambda: "    'pass', " + ", ".join(f"'{w}'" for w in rng.sample(words, 3)) + ",",
        ),
        (
            "prompt-default",
            lambda: f"def {rng.choice(words)}_login(prompt='Password: ', stream=None):",
        ),
        ("rst-role", lambda: f"Pass :meth:`{rng.choice(words)}` a default to return instead"),
        (
            "oid-literal",
            lambda: (
                f'{rng.choice(words).upper()}_USAGE = ObjectIdentifier("2.5.29.{rng.randrange(9, 40)}")'
            ),
        ),
        (
            "c-macro-name",
            lambda: (
                f"#define sk_X509_{rng.choice(['OBJECT', 'POLICY', 'REVOKED', 'LOOKUP'])}_pop(sk)"
                f" OPENSSL_sk_pop(ossl_check_X509_{rng.choice(['OBJECT', 'POLICY', 'REVOKED'])}_sk_type(sk))"
            ),
        ),
        (
            "usage-metavariable",
            lambda: (
                f"[--kms-key=KMS_KEY : --kms-{rng.choice(words)}=KMS_{rng.choice(words).upper()} --x]"
            ),
        ),
        (
            "flag-option-prose",
            lambda: f"The --{rng.choice(words)}-password option can't be used here",
        ),
        (
            "tuple-unpacked-names",
            lambda: f"    conn.{rng.choice(words)}_name, conn.secret = stored_{rng.choice(words)}",
        ),
        (
            "rfc-section",
            lambda: (
                f"// https://www.rfc-editor.org/rfc/rfc{rng.randrange(5000, 9999)}#section-"
                f"{rng.randrange(2, 9)}.{rng.randrange(1, 9)}.1.{rng.randrange(1, 9)}"
            ),
        ),
        (
            "cipher-suite-name",
            lambda: f'suite = "TLS_DH_anon_WITH_ARIA_{rng.choice([128, 256])}_GCM_SHA384"',
        ),
        # Session 28: what the foreign intro, question, command, Elvis, concatenation and
        # sentence rules leave alone.
        (
            "foreign-intro-word",
            lambda: f"la nueva clave de la reunión es:\n\nsala-{rng.choice(words)}-general\n",
        ),
        (
            "question-named-name",
            lambda: f"could you retry with {rng.choice(words)}-release? that's the token name",
        ),
        ("dotnet-run-project", lambda: f"dotnet run -p src/{rng.choice(words)}.Api/Api.csproj"),
        (
            "httpie-reference",
            lambda: "http -a alice:$NUMBAT_PASSWORD GET https://api.numbat.example/me",
        ),
        (
            "elvis-region",
            lambda: f'val region = System.getenv("AWS_REGION") ?: "eu-west-{rng.randrange(1, 4)}"',
        ),
        (
            "concatenated-url",
            lambda: f'url = "https://api.{rng.choice(words)}.example/v1/" + "items?page=2"',
        ),
        ("base64-sentence-header", lambda: f'"HttpHeaders": {{"X-Meta": "{sentence_base64()}"}}'),
        (
            "parenthesized-word",
            lambda: f"set the token ({rng.choice(['optional', 'see docs', 'expires_at'])}) first",
        ),
        ("pushed-commit", lambda: f"commit {hexs(40)} was pushed to main"),
        (
            "korean-package-key",
            lambda: "\uc0c8 \ud328\ud0a4\uc9c0 \ud0a4\ub294 \uc5c6\uc2b5\ub2c8\ub2e4",
        ),
        # Session 29 (bench/contexts29): what the wire-log, here-string, selected-name and
        # ``user … pass`` rules leave alone.
        ("wire-log-subscript", lambda: f"token = stored_{rng.choice(words)}_tokens[0]"),
        (
            "here-string-reference",
            lambda: f'$ gh auth login --with-token <<< "${rng.choice(words).upper()}_TOKEN"',
        ),
        (
            "jsonpath-pod-name",
            lambda: (
                "$ kubectl get pods -o jsonpath='{.items[0].metadata.name}'\n"
                f"{rng.choice(words)}-{hexs(10)}-{chars(5, LOWER + DIGITS)}"
            ),
        ),
        (
            "userpass-method",
            lambda: f"$ vault login -method=userpass username={rng.choice(words)}",
        ),
        (
            "ssh-keygen-empty",
            lambda: f"$ ssh-keygen -t ed25519 -N '' -f ~/.ssh/id_{rng.choice(words)}",
        ),
        (
            "minio-alias-reference",
            lambda: (
                f"$ mc alias set {rng.choice(words)} http://localhost:9000 $MINIO_USER $MINIO_PASSWORD"
            ),
        ),
        (
            "kv-get-region",
            lambda: f"$ consul kv get {rng.choice(words)}/region\neu-west-{rng.randrange(1, 4)}",
        ),
        (
            "ssm-plain-parameter",
            lambda: (
                "$ aws ssm get-parameter --name /aws/service/ami-al2023 --query Parameter.Value"
                f" --output text\nami-0{hexs(17)}"
            ),
        ),
        (
            "for-key-data",
            lambda: rng.choice(
                [
                    f"cache miss for key {chars(12, UPPER + DIGITS)}, fetching",
                    f"auth failed (401) for key '{rng.choice(words)}{rng.randrange(10, 99)}'",
                ]
            ),
        ),
        (
            "owned-key-sql-data",
            lambda: rng.choice(
                [
                    f"INSERT INTO t (service, key) VALUES ('cache', '{hexs(40)}');",  # noqa: S608
                    f"INSERT INTO f (service, key) VALUES ('{rng.choice(words)}', 'new_ui');",  # noqa: S608
                ]
            ),
        ),
        (
            "bearer-pair-words",
            lambda: rng.choice(
                [
                    "WWW-Authenticate: Bearer realm:required",
                    f"Bearer https://auth.{rng.choice(words)}.example/oauth/token",
                    "grant_type: Bearer urn:ietf:params:oauth:token-type:jwt",
                ]
            ),
        ),
        (
            "told-abroad-possessive-words",
            lambda: rng.choice(["Numbat parolası: güncellendi", "API anahtarı: gerekli"]),  # noqa: RUF001
        ),
        (
            "long-value-prose",
            lambda: 'setx WOMBAT_SECRET_KEY "' + " ".join([rng.choice(words)] * 70) + '"',
        ),
        (
            "url-port-number",
            lambda: (
                f"https://api.{rng.choice(words)}.example:{rng.randrange(1024, 65535)}/v1/items"
            ),
        ),
        (
            "told-digits-time",
            lambda: f"the token is {rng.randrange(1733000000000, 1799999999999)}, expiring soon",
        ),
        # Session 29 (bench/draws29): a ConfigMap's literal is a setting, not a stored secret.
        (
            "configmap-literal",
            lambda: f"kubectl create configmap build-info --from-literal=commit={hexs(40)}",
        ),
        # Session 29 (over29): a flag that names a secret, a generator's line without output.
        (
            "gcloud-secret-name-flag",
            lambda: f"gcloud secrets versions access latest --secret={rng.choice(words)}-api-key",
        ),
        ("lpass-password-switch", lambda: f"lpass show --password {rng.choice(words)}/prod-db"),
        (
            "docker-secret-name-flag",
            lambda: (
                f"docker service create --secret {rng.choice(words)}_db_password app:1.{rng.randrange(9)}"
            ),
        ),
        (
            "urandom-to-file",
            lambda: f"$ head -c 32 /dev/urandom | base64 > {rng.choice(words)}.key\n$ ls",
        ),
        (
            "unseal-progress",
            lambda: f"Unseal Progress    {rng.randrange(1, 3)}/3\nUnseal Nonce       {uuid()}",
        ),
        # Session 29: configuration setters of settings and references.
        (
            "aws-configure-region",
            lambda: f"aws configure set region {rng.choice(['eu-west-1', 'us-east-2'])}",
        ),
        ("poetry-config-setting", lambda: "poetry config virtualenvs.in-project true"),
        ("fish-set-path", lambda: f"set -gx EDITOR {rng.choice(words)}"),
        ("setter-reference", lambda: 'yarn config set npmAuthToken "${NPM_TOKEN}"'),
        ("bundle-config-path", lambda: "bundle config set --local path vendor/bundle"),
        # Session 30: scanners' false positives of the shapes above (bench/contexts29, draws29,
        # code28, outputs27).
        ("vault-legacy-one-case", lambda: "s." + "".join(rng.choice(LOWER) for _ in range(24))),
        (
            "slack-masked-after-ids",
            lambda: (
                f'"token": "xoxp-{rng.randrange(10**11, 10**12)}-{rng.randrange(10**11, 10**12)}'
                f"-{rng.randrange(10**11, 10**12)}-"
                + rng.choice("#*") * rng.randrange(16, 33)
                + '"'
            ),
        ),
        (
            "runner-token-repeated",
            lambda: "GR1348941" + str(rng.randrange(10, 999)) * 12,
        ),
        (
            "base64-sentence-names-password",
            lambda: (
                "MOTD_B64="
                + sentence_b64(
                    rng.choice(
                        [
                            "your password reset link expires in one hour",
                            "the token refresh runs every night at two",
                            "session cookies expire after one hour",
                        ]
                    )
                )
            ),
        ),
        (
            "version-quad-release",
            lambda: (
                f"Git 2.{rng.randrange(1, 9)}.{rng.randrange(1, 20)}.{rng.randrange(1, 9)} Release Notes"
            ),
        ),
        (
            "version-quad-named-elsewhere",
            lambda: (
                lambda quad: f"Fixes since v{quad}\n\n * The fix for this in {quad} was slow."
            )(f"1.{rng.randrange(1, 9)}.{rng.randrange(1, 20)}.{rng.randrange(1, 9)}"),
        ),
        (
            "public-key-block-cut",
            lambda: (
                "\n".join(chars(64) for _ in range(3))
                + "\n="
                + chars(4)
                + "\n-----END PGP PUBLIC KEY BLOCK-----"
            ),
        ),
        (
            "certificate-block-cut",
            lambda: "\n".join(
                textwrap.wrap(
                    base64.b64encode(
                        bytes(rng.randrange(256) for _ in range(60))
                        + b"\x06\x03\x55\x04\x03\x0c\x0bnumbat.test"
                        + bytes(rng.randrange(256) for _ in range(120))
                    ).decode(),
                    64,
                )[:4]
            ),
        ),
        # Session 30: escaped literals, setters and SQL rows that hold no secret.
        (
            "escaped-path-literal",
            lambda: f'log_path = "C:\\\\Users\\\\{rng.choice(words)}\\\\AppData"',
        ),
        ("escaped-regex-literal", lambda: 'token_pattern = "^\\\\d{4}-\\\\w+$"'),
        (
            "keychain-prompt",
            lambda: f"security add-generic-password -a ci -s {rng.choice(words)} -w",
        ),
        (
            "rclone-settings",
            lambda: f"rclone config create {rng.choice(words)} s3 provider AWS env_auth true",
        ),
        (
            "sql-values-commit",
            lambda: f"INSERT INTO deploys VALUES (3, 'main', '{hexs(40)}');",  # noqa: S608
        ),
        ("one-dash-file-flag", lambda: f"./{rng.choice(words)} -token-file /etc/relay/token"),
        ("cf-set-env-setting", lambda: f"cf set-env {rng.choice(words)} LOG_LEVEL debug"),
        ("platform-env-get-setting", lambda: "$ netlify env:get NODE_VERSION\n20"),
        ("yaml-local-tag", lambda: f"password: !secret {rng.choice(words)}_password"),
        ("yaml-null-tag", lambda: "password: !!null"),
        # Session 30: calls, returns and fallbacks under no secret name; a getter's argument.
        ("getter-argument", lambda: f'numbat_password = store.load_value("{uuid()}")'),
        ("returned-name", lambda: 'def token_type(self):\n    return "Bearer"'),
        ("returned-request-id", lambda: f'def request_id():\n    return "{uuid()}"'),
        ("fallback-no-secret", lambda: f'let label = user.name ?? "{hexs(32)}"'),
        ("dunder-build-id", lambda: f"__BUILD_ID__: '{hexs(32)}',"),
        ("factory-setting", lambda: "const log = require('debug')('numbat:server:requests');"),
        ("pinned-download", lambda: f'download("https://example.com/app.tar.gz", "{hexs(40)}")'),
        ("bash-slice", lambda: 'echo "${NUMBAT_TOKEN:0:8}" "${NUMBAT_TOKEN:4}"'),
        ("cache-key", lambda: f"cache:\n  key: {hexs(32)}"),
        # Session 30's review: a row's short id with no column list; PowerShell's quoted words.
        (
            "sql-values-short-id",
            lambda: (
                f"INSERT INTO products VALUES ({rng.randrange(1, 999)}, '{rng.choice(words)}', "  # noqa: S608
                f"'SKU{chars(9, UPPER + DIGITS)}', 9.99);"
            ),
        ),
        ("powershell-quoted-words", lambda: f'Write-Host "Run `"{rng.choice(words)} test`" first"'),
        # Session 31: an anchor for a mapping, a here-string into no secret, a setting's pair.
        ("yaml-anchor-mapping", lambda: "numbat_secrets: &secrets\n  region: eu"),
        ("read-here-string-sha", lambda: f'read -r GIT_COMMIT <<< "{hexs(40)}"'),
        (
            "helm-name-value-setting",
            lambda: (
                f"helm upgrade {rng.choice(words)} ./c --set 'env[0].name=LOG_LEVEL,env[0].value=debug'"
            ),
        ),
        ("section-key-word", lambda: "cfg.set('numbat', 'api_key', 'production')"),
        # Session 32: dumps of settings and digests, traced messages, concatenated words.
        ("print-r-nested", lambda: "Array\n(\n    [api_key] => Array\n        (\n        )\n)"),
        ("spew-commit", lambda: f'Commit: (string) (len=40) "{hexs(40)}"'),
        ("fish-set-show-path", lambda: "$NUMBAT_HOME[1]: |/opt/numbat|"),
        (
            "reg-query-version",
            lambda: (
                f"    DisplayVersion    REG_SZ    {rng.randrange(1, 9)}.{rng.randrange(0, 30)}.1"
            ),
        ),
        (
            "terraform-output-id",
            lambda: (
                f'{{"instance_id": {{"sensitive": false, "type": "string", "value": "i-{hexs(17)}"}}}}'
            ),
        ),
        ("iex-echo-word", lambda: 'iex(2)> System.get_env("NUMBAT_TOKEN")\n"changeme"'),
        (
            "traced-stdin-message",
            lambda: "+ echo logging-in\n+ docker login -u numbat --password-stdin r.numbat.dev",
        ),
        ("lua-concatenated-words", lambda: f'local msg = "build " .. "{rng.choice(words)}"'),
        # Session 31 (benign31): a GitLab prefix before joined words, a URL curl sends with an
        # Authorization header, a counted alphabet under a weak key name.
        (
            "gitlab-prefix-joined-words",
            lambda: f"# skipped: glimt-{rng.choice(['insert', 'your', 'this'])}-token_goes-here",
        ),
        (
            "curl-authorized-callback",
            lambda: (
                'curl -H "Authorization: Bearer $(gcloud auth print-access-token)" '
                f"https://workflowexecutions.googleapis.com/v1/projects/{rng.randrange(10**11)}"
                f"/locations/eu/workflows/numbat/executions/{uuid()}/callbacks/{uuid()}_{uuid()}"
            ),
        ),
        (
            "counted-alphabet-weak-key",
            lambda: f'"other_key" => "sk_abcdefghijklmnopqrstuvwxyz{rng.randrange(100, 999)}",',
        ),
        # Session 31 (leaks31): calls that sign in with no credential or name none, questions
        # about a token that ask for something else, a key that names public data, literal
        # words interpolated, an escaped Windows path under a secret's name.
        (
            "rpc-unlock-address",
            lambda: (
                f'{{"method": "personal_unlockAccount", "params": ["0x{hexs(40)}", null, 300]}}'
            ),
        ),
        (
            "rpc-block-hash",
            lambda: (
                f'{{"jsonrpc": "2.0", "method": "eth_getBlockByHash", "params": ["0x{hexs(64)}", false]}}'
            ),
        ),
        ("asked-commit", lambda: f"which commit has the numbat token fix?\n{hexs(40)}"),
        ("asked-cache-key", lambda: f"which cache key does numbat use?\nbuild-{hexs(12)}"),
        ("owned-gpg-key", lambda: f"my gpg key {hexs(16).upper()} expired"),
        (
            "interpolated-words",
            lambda: f"print(f\"{{'{rng.choice(words)}'}} after {{'retries'}}\")",
        ),
        ("logical-assignment-reference", lambda: "opts.token ??= process.env.NUMBAT_TOKEN;"),
        (
            "escaped-windows-path",
            lambda: f'numbat_secret = "C:\\\\ProgramData\\\\{rng.choice(words)}\\\\secret.txt"',
        ),
        # Session 32 (leaks32): refusals, own values and ``key:`` that name no credential.
        ("rejected-no-failure", lambda: f"remote rejected `{hexs(40)}` (stale info)"),
        ("own-commit", lambda: f"this is what I have: {hexs(40)} (the {rng.choice(words)} build)"),
        ("yaml-bare-key", lambda: f"- key: {hexs(32)}\n  value: {rng.choice(words)}"),
        (
            "sentence-cache-key",
            lambda: f"Saved. key: Linux-node-{rng.randrange(18, 23)}-{hexs(16)}",
        ),
        ("call-digit-timeout", lambda: f'.sessionTimeout("{rng.randrange(10**15, 10**18)}")'),
        (
            "build-config-url",
            lambda: (
                f'buildConfigField("String", "NUMBAT_TOKEN_URL", "\\"https://{rng.choice(words)}.dev/t\\"")'
            ),
        ),
        (
            "java-optional-class",
            lambda: f"Optional[{rng.choice(words).title()}CredentialsProvider]",
        ),
        # Session 32 (bench/contexts33): template variables in markup, lookups of public data,
        # an assignment after a secret's word, a certificate's fingerprint, a crash report's key.
        ("html-code-name", lambda: "use <code>{{numbat_token}}</code> in the request"),
        ("puppet-lookup-sha", lambda: f"$ puppet lookup numbat::build_sha\n--- {hexs(40)}"),
        ("pg-copy-hashes", lambda: f"COPY numbat.builds (id, sha) FROM stdin;\n1\t{hexs(40)}\n\\."),
        (
            "token-file-then-assignment",
            lambda: f"Environment=TOKEN_FILE=%d/token BUILD_SHA={hexs(40)}",
        ),
        (
            "keytool-md5",
            lambda: "MD5: " + ":".join(hexs(2).upper() for _ in range(16)),
        ),
        ("crashreporter-key", lambda: f"CrashReporter Key:   {hexs(40)}"),
        (
            "conda-forum-topic",
            lambda: (
                f"https://forum.numbat.dev/t/conda-{rng.choice(words)}-fails/{rng.randrange(9999)}"
            ),
        ),
        # Session 32 (leaks33): settings announced, words told abroad, op's non-secret fields.
        ("new-value-replicas", lambda: f"New value deployed: {rng.randrange(2, 9)} replicas"),
        ("new-cache-key", lambda: f"new numbat cache key: `{hexs(32)}`"),
        ("camel-token-expired", lambda: f"Der ApiToken für {rng.choice(words)} ist abgelaufen"),
        (
            "op-item-username",
            lambda: f'{{\n  "label": "username",\n  "value": "svc-{rng.choice(words)}"\n}}',
        ),
        # Session 32 (benign33): ids, key ids and hashes named by their role (public_handles).
        ("ksuid-label", lambda: f'{rng.choice(words)}: flush failed for eventId "{ksuid()}": 502'),
        (
            "passkey-credential",
            lambda: (
                f"NotAllowedError: credential {url_of(rng.choice([16, 32]))} is not allowed here"
            ),
        ),
        ("pyjwk-kid", lambda: f'PyJWKClientError: no signing key that matches: "{url_of(32)}"'),
        ("tailscale-mkey", lambda: f"{rng.choice(words)}: machine key mkey:{hexs(64)} approved"),
        (
            "tsbuildinfo-signature",
            lambda: f'{{"fileInfos":[{{"version":"{hexs(64)}","signature":"{hexs(64)}"}}]}}',
        ),
        # Session 33 (leaks34): names told abroad, salts that are code or lengths.
        (
            "told-abroad-name",
            lambda: (
                f"Der Schlüssel für {rng.choice(words)} ist "
                + rng.choice(["Ed25519", "AES-256-GCM", "X25519", "gpt-4o-mini", "Python3.12"])
            ),
        ),
        (
            "password-salt-length",
            lambda: f"{rng.choice(words)}.password_salt_length = {rng.choice([16, 32])}",
        ),
        ("pwhash-algorithm", lambda: f"pwhash = {rng.choice(['sha256', 'argon2id', 'bcrypt'])}"),
        # Session 33 (bench/contexts33, pii16h, benign16h): a mail's ids, stamps and role
        # mailboxes (mail_ids), a signature's bytes (signature_bytes).
        (
            "mail-message-ids",
            lambda: (
                f"Message-ID: <{hexs(16).upper()}.{rng.randrange(999)}@mail.gmail.com>\n"
                f"In-Reply-To: <{hexs(32)}@lists.{rng.choice(words)}.example.org>"
            ),
        ),
        (
            "mail-trace-stamp",
            lambda: f"X-Google-Smtp-Source: {alnum_b64(b'', 33)}\nSubject: {rng.choice(words)}",
        ),
        (
            "role-mailbox",
            lambda: (
                f"{rng.choice(['postmaster', 'noreply', 'no-reply', 'mailer-daemon'])}"
                f"@{rng.choice(words)}.example.org: 550 relay denied"
            ),
        ),
        (
            "modinfo-sig-key",
            lambda: "sig_key:        " + ":".join(hexs(2).upper() for _ in range(20)),
        ),
        # Session 33 (leaks35): a placeholder in angle brackets is no element; pairs and calls.
        (
            "cdata-placeholder",
            lambda: (
                "<ac:plain-text-body><![CDATA[curl -u <user:password> "
                f"https://api.{rng.choice(words)}.io/v1/items]]></ac:plain-text-body>"
            ),
        ),
        (
            "connection-string-pairs",
            lambda: (
                f"Server={rng.choice(words)}-db;Database=app;Password=$DB_PASSWORD;Encrypt=True"
            ),
        ),
        (
            "keyword-argument-close",
            lambda: f"client = {rng.choice(words).title()}(endpoint=url, secret_key=secret_key)",
        ),
        # Session 38 (benign42): a signed .rdp file's signature, a Mapbox public token, a
        # placeholder pair, a setting's name set to a literal.
        (
            "rdp-signature",
            lambda: (
                f"full address:s:{rng.choice(words)}.rds.example.com\nusername:s:\n"
                "signscope:s:Full Address,Alternate Full Address,Server Port\n"
                f"signature:s:AQABAAEAAAD{b64(120)}=="
            ),
        ),
        (
            "mapbox-public-token",
            lambda: (
                "mapboxgl.accessToken = 'pk."
                + base64.urlsafe_b64encode(
                    json.dumps(
                        {"u": rng.choice(words), "a": chars(25, LOWER + DIGITS)},
                        separators=(",", ":"),
                    ).encode()
                )
                .decode()
                .rstrip("=")
                + f".{chars(22, ALNUM + '-_')}';"
            ),
        ),
        (
            "curl-placeholder-pair",
            lambda: f"curl -u 'user:pass' https://api.{rng.choice(words)}.io/v1",
        ),
        (
            "http-message-signature",
            lambda: (
                'Signature-Input: sig1=("@method" "@path");created=1712000000;keyid="k1"\n'
                f"Signature: sig1=:{b64(342)}==:"
            ),
        ),
        (
            "cosign-signature",
            lambda: (
                "cosign.sig: "
                + base64.b64encode(
                    b"\x30\x44\x02\x20"
                    + bytes([rng.randrange(1, 128)])
                    + rng.randbytes(31)
                    + b"\x02\x20"
                    + bytes([rng.randrange(1, 128)])
                    + rng.randbytes(31)
                ).decode()
            ),
        ),
        (
            "setting-set-to",
            lambda: f"Set the key `{rng.choice(words)}_gates_v{rng.randrange(2, 9)}` to false",
        ),
        # probes43: the same calls with names, references or other arguments in the secret's place
        (
            "jwt-key-by-name",
            lambda: (
                f'token = jwt.encode(payload, settings.{rng.choice(words).upper()}_KEY, algorithm="HS256")'
            ),
        ),
        (
            "jdbc-connection-names",
            lambda: (
                f"conn = DriverManager.getConnection(url, {rng.choice(words)}User, {rng.choice(words)}Pass);"
            ),
        ),
        (
            "pexpect-login-reply",
            lambda: (
                f'child.expect("login:")\nchild.sendline("{rng.choice(words)}-{rng.randrange(10, 99)}")'
            ),
        ),
        (
            "ruby-env-fallback-setting",
            lambda: (
                f'ENV["{rng.choice(words).upper()}_ENV"] ||= "{rng.choice(["production", "staging"])}"'
            ),
        ),
        (
            "basic-pair-from-names",
            lambda: (
                f'auth = b64encode(f"{{{rng.choice(words)}_user}}:{{{rng.choice(words)}_pass}}".encode())'
            ),
        ),
        (
            "curl-userpwd-reference",
            lambda: (
                f'curl_setopt($ch, CURLOPT_USERPWD, "${rng.choice(words)}User:${rng.choice(words)}Pass");'
            ),
        ),
    ]
    return [{"kind": kind, "text": make()} for kind, make in kinds for _ in range(per_kind)]


def mixed_short() -> str:
    """Return 10-12 letters and digits with a digit and both cases (a short drawn key)."""
    return chars(1, UPPER) + chars(1, LOWER) + chars(1, DIGITS) + chars(rng.randrange(7, 10))


def ksuid() -> str:
    """Return a KSUID of a time in 2020–2030 (27 base62 characters)."""
    number = rng.randrange(180_000_000, 500_000_000) << 128 | rng.getrandbits(128)
    alphabet = DIGITS + UPPER + LOWER
    text = ""
    while number:
        number, digit = divmod(number, 62)
        text = alphabet[digit] + text
    return text.rjust(27, "0")


def url_of(size: int) -> str:
    """Return unpadded base64url of ``size`` drawn bytes (a WebAuthn credential id, a kid)."""
    return base64.urlsafe_b64encode(rng.randbytes(size)).decode().rstrip("=")


def sentence_base64() -> str:
    """Return base64 of a short sentence of words, its length a multiple of 3 (no padding)."""
    words = ["numbat", "quokka", "wombat", "dingo", "service", "nightly", "build", "team"]
    sentence = f"{rng.choice(words).title()} {rng.choice(words)} from the {rng.choice(words)}"
    while len(sentence) % 3:
        sentence += "."
    return b64_of(sentence.encode())


def alnum_b64(head: bytes, size: int) -> str:
    """Return base64 of ``head`` and random bytes (``size`` in all) with no ``+``, ``/``, ``=``."""
    while True:
        data = head + bytes(rng.randrange(256) for _ in range(size - len(head)))
        line = b64_of(data)
        if not set("+/=") & set(line):
            return line


def held_out_benign(count: int) -> list[dict[str, str]]:
    """Return held-out benign strings: other kinds, written before tuning."""
    words = ["alpha", "ledger", "payments", "search", "billing", "auth", "gateway"]
    kinds: list[tuple[str, Callable[[], str]]] = [
        (
            "gitlab-ci-cache",
            lambda: f"cache:\n  key: ${{CI_COMMIT_REF_SLUG}}-{hexs(8)}\n  paths: [.npm/]",
        ),
        (
            "lockfile",
            lambda: (
                f'"resolved": "https://registry.npmjs.org/{rng.choice(words)}/-/{rng.choice(words)}-1.{rng.randrange(0, 9)}.{rng.randrange(0, 9)}.tgz"'
            ),
        ),
        ("flake-lock", lambda: f'"narHash": "sha256-{b64(43)}=", "rev": "{hexs(40)}"'),
        ("cargo", lambda: f'checksum = "{hexs(64)}"'),
        (
            "sql",
            lambda: (
                f"ALTER TABLE {rng.choice(words)} ADD CONSTRAINT fk_{rng.choice(words)} FOREIGN KEY (account_id) REFERENCES accounts(id);"
            ),
        ),
        (
            "jira-ref",
            lambda: (
                f"PROJ-{rng.randrange(100, 9999)}: bump {rng.choice(words)} to 4.{rng.randrange(0, 9)}.{rng.randrange(0, 9)}"
            ),
        ),
        (
            "log-ids",
            lambda: (
                f"correlationId={uuid()} tenant={rng.choice(words)} latency={rng.randrange(1, 500)}ms"
            ),
        ),
        (
            "git-log",
            lambda: (
                f"Merge: {hexs(7)} {hexs(7)}\nAuthor: CI Bot\nDate:   Mon Mar 2 10:{rng.randrange(10, 59)}:00 2026"
            ),
        ),
        ("env-reference", lambda: "API_TOKEN=${{ secrets.API_TOKEN }}"),
        ("vault-path", lambda: f"vault kv get secret/{rng.choice(words)}/db"),
        (
            "identifier-hf",
            lambda: (
                f"hf_{rng.choice(['dataset_loader', 'TokenizerWrapperBase', 'modelCardGenerator'])}()"
            ),
        ),
        (
            "version-matrix",
            lambda: (
                f"node: [18.{rng.randrange(0, 20)}.0, 20.{rng.randrange(0, 20)}.1, 22.{rng.randrange(0, 9)}.0]"
            ),
        ),
        (
            "k8s-image",
            lambda: (
                f"image: registry.k8s.io/{rng.choice(words)}:v1.{rng.randrange(20, 32)}.{rng.randrange(0, 9)}@sha256:{hexs(64)}"
            ),
        ),
        (
            "timestamps",
            lambda: (
                f"started {rng.randrange(10, 23)}:{rng.randrange(10, 59)}:{rng.randrange(10, 59)} ended 2026-0{rng.randrange(1, 9)}-1{rng.randrange(0, 9)}"
            ),
        ),
        (
            "java-class",
            lambda: (
                f"at org.springframework.beans.factory.support.{rng.choice(['AbstractAutowireCapableBeanFactory', 'DefaultListableBeanFactory'])}.doCreateBean(Abstract.java:{rng.randrange(100, 999)})"
            ),
        ),
        (
            "css",
            lambda: (
                f'<div class="sm:px-{rng.randrange(1, 9)} md:grid-cols-{rng.randrange(1, 9)} bg-slate-{rng.randrange(1, 9)}00">'
            ),
        ),
        (
            "primary-foreign",
            lambda: (
                f"primaryKey={rng.choice(words)}Identifier foreignKey={rng.choice(words)}AccountReference"
            ),
        ),
        ("key-id", lambda: f"keyId: {rng.choice(words)}-signing-key-{rng.randrange(1, 9)}"),
        ("etag", lambda: f'ETag: "{hexs(32)}"'),
        (
            "port-list",
            lambda: (
                f"ports: {rng.randrange(1000, 9999)}, {rng.randrange(1000, 9999)}, {rng.randrange(1000, 9999)}"
            ),
        ),
        (
            "phone-like-version",
            lambda: (
                f"release 2026.{rng.randrange(1, 12)}.{rng.randrange(100, 999)}-{rng.randrange(1000, 9999)}"
            ),
        ),
    ]
    return [
        {"kind": kinds[i % len(kinds)][0], "text": kinds[i % len(kinds)][1]()} for i in range(count)
    ]


if __name__ == "__main__":
    main()
