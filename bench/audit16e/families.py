"""Token families of the fifth held-out corpus (issue 16), in this corpus's own shape notation.

Each row: ``name | provider word | ENV name | shape | source``. A shape is a sequence of parts
separated by spaces: ``'lit'`` is a literal, ``X{n}`` draws n characters of alphabet X (H hex
lower, K hex upper, A base62, a lower+digits, U upper+digits, B base64url, b base64, D digits,
L lower letters, Z base32 upper), ``uuid`` a UUID v4. ``>`` marks where the secret part starts and
``<`` where it ends (default: the whole drawn string). Sources: ``shhgit`` (eth0izzle/shhgit
config.yaml signatures), ``semgrep`` (names of semgrep-rules' generic/secrets/gitleaks rules: ports of gitleaks, so mostly covered), ``vendor``
(the vendor's documented token format, as recalled by the writer: lengths may be approximate, the
prefixes and alphabets are the documented ones), ``form`` (a credential form, no vendor).
"""

from __future__ import annotations

import random
import string
import uuid

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
}

TABLE = r"""
aws-access-key-id | aws | AWS_ACCESS_KEY_ID | 'AKIA' U{16} | shhgit
aws-secret-access-key | aws | AWS_SECRET_ACCESS_KEY | b{40} | shhgit
aws-session-token | aws | AWS_SESSION_TOKEN | 'IQoJb3JpZ2luX2VjE' b{220} | shhgit
artifactory-api-key | artifactory | ARTIFACTORY_API_KEY | 'AKCp' A{69} | shhgit
codeclimate-reporter | codeclimate | CC_TEST_REPORTER_ID | H{64} | shhgit
facebook-access-token | facebook | FB_ACCESS_TOKEN | 'EAACEdEose0cBA' A{90} | shhgit
stripe-secret-live | stripe | STRIPE_SECRET_KEY | 'sk_live_' A{24} | shhgit
stripe-restricted-live | stripe | STRIPE_RESTRICTED_KEY | 'rk_live_' A{24} | shhgit
picatic-api-key | picatic | PICATIC_API_KEY | 'sk_live_' a{32} | shhgit
google-api-key | google | GOOGLE_API_KEY | 'AIza' B{35} | shhgit
google-oauth-access | google | GOOGLE_ACCESS_TOKEN | 'ya29.' B{150} | shhgit
square-access-token | square | SQUARE_ACCESS_TOKEN | 'sq0atp-' B{22} | shhgit
square-oauth-secret | square | SQUARE_OAUTH_SECRET | 'sq0csp-' B{43} | shhgit
braintree-access-token | braintree | BRAINTREE_ACCESS_TOKEN | 'access_token$production$' a{16} '$' H{32} | shhgit
amazon-mws-token | mws | MWS_AUTH_TOKEN | 'amzn.mws.' uuid | shhgit
twilio-api-key | twilio | TWILIO_API_KEY | 'SK' H{32} | shhgit
sendgrid-api-key | sendgrid | SENDGRID_API_KEY | 'SG.' B{22} '.' B{43} | shhgit
mailgun-api-key | mailgun | MAILGUN_API_KEY | 'key-' H{32} | shhgit
mailchimp-api-key | mailchimp | MAILCHIMP_API_KEY | H{32} '-us' D{2} | shhgit
outlook-webhook | outlook | TEAMS_WEBHOOK_URL | 'https://outlook.office.com/webhook/' > uuid '@' uuid '/IncomingWebhook/' H{32} '/' uuid < | shhgit
saucelabs-access-key | sauce | SAUCE_ACCESS_KEY | uuid | shhgit
slack-legacy-token | slack | SLACK_TOKEN | 'xoxp-' D{12} '-' D{12} '-' D{12} '-' a{32} | shhgit
slack-webhook | slack | SLACK_WEBHOOK_URL | 'https://hooks.slack.com/services/T' > U{8} '/B' U{8} '/' A{24} < | shhgit
sonarqube-token | sonar | SONAR_TOKEN | H{40} | shhgit
hockeyapp-token | hockey | HOCKEYAPP_TOKEN | H{32} | shhgit
nuget-api-key | nuget | NUGET_API_KEY | 'oy2' a{43} | shhgit
github-pat-classic | github | GITHUB_TOKEN | 'ghp_' A{36} | semgrep
github-fine-grained | github | GH_PAT | 'github_pat_11' U{20} '_' A{59} | semgrep
github-oauth | github | GITHUB_OAUTH_TOKEN | 'gho_' A{36} | semgrep
github-app-token | github | GITHUB_APP_TOKEN | 'ghs_' A{36} | semgrep
github-refresh | github | GITHUB_REFRESH_TOKEN | 'ghr_' A{76} | semgrep
gitlab-pat | gitlab | GITLAB_TOKEN | 'glpat-' B{20} | semgrep
gitlab-runner-auth | gitlab | RUNNER_TOKEN | 'glrt-' B{20} | semgrep
gitlab-deploy-token | gitlab | GITLAB_DEPLOY_TOKEN | 'gldt-' B{20} | semgrep
gitlab-feed-token | gitlab | GITLAB_FEED_TOKEN | 'glft-' B{20} | semgrep
gitlab-scim-token | gitlab | GITLAB_SCIM_TOKEN | 'glsoat-' B{20} | semgrep
gitlab-cicd-job-token | gitlab | CI_JOB_TOKEN | 'glcbt-64_' B{20} | semgrep
gitlab-incoming-mail | gitlab | GITLAB_INCOMING_EMAIL_TOKEN | 'glimt-' a{25} | semgrep
gitlab-agent-token | gitlab | GITLAB_AGENT_TOKEN | 'glagent-' B{50} | semgrep
gitlab-oauth-secret | gitlab | GITLAB_OAUTH_SECRET | 'gloas-' a{64} | semgrep
gitlab-ff-client | gitlab | UNLEASH_INSTANCE_TOKEN | 'glffct-' B{20} | semgrep
gitlab-ptt | gitlab | GITLAB_TRIGGER_TOKEN | 'glptt-' H{40} | semgrep
gitlab-rrt | gitlab | GITLAB_RUNNER_REGISTRATION | 'GR1348941' B{20} | semgrep
slack-bot-token | slack | SLACK_BOT_TOKEN | 'xoxb-' D{11} '-' D{13} '-' A{24} | semgrep
slack-app-token | slack | SLACK_APP_TOKEN | 'xapp-1-A' U{10} '-' D{13} '-' H{64} | semgrep
slack-config-token | slack | SLACK_CONFIG_TOKEN | 'xoxe.xoxp-1-' A{146} | semgrep
discord-bot-token | discord | DISCORD_BOT_TOKEN | 'MT' A{24} '.' B{6} '.' B{38} | semgrep
discord-webhook | discord | DISCORD_WEBHOOK_URL | 'https://discord.com/api/webhooks/' D{19} '/' > B{68} < | semgrep
telegram-bot-token | telegram | TELEGRAM_BOT_TOKEN | D{10} ':AA' B{33} | semgrep
stripe-webhook-secret | stripe | STRIPE_WEBHOOK_SECRET | 'whsec_' A{32} | vendor
mailgun-signing-key | mailgun | MAILGUN_WEBHOOK_SIGNING_KEY | H{32} '-' H{8} '-' H{8} | vendor
twilio-auth-token | twilio | TWILIO_AUTH_TOKEN | H{32} | vendor
square-production | square | SQUARE_PROD_TOKEN | 'EAAA' B{60} | vendor
google-oauth-client-secret | google | GOOGLE_CLIENT_SECRET | 'GOCSPX-' B{28} | vendor
google-refresh-token | google | GOOGLE_REFRESH_TOKEN | '1//0g' B{98} | vendor
npm-token | npm | NPM_TOKEN | 'npm_' A{36} | vendor
pypi-token | pypi | PYPI_API_TOKEN | 'pypi-AgEIcHlwaS5vcmc' B{120} | vendor
rubygems-api-key | rubygems | GEM_HOST_API_KEY | 'rubygems_' H{48} | vendor
dockerhub-pat | docker | DOCKERHUB_TOKEN | 'dckr_pat_' B{27} | vendor
heroku-api-key | heroku | HEROKU_API_KEY | 'HRKU-AA' B{58} | vendor
digitalocean-pat | digitalocean | DIGITALOCEAN_TOKEN | 'dop_v1_' H{64} | vendor
digitalocean-oauth | digitalocean | DO_OAUTH_TOKEN | 'doo_v1_' H{64} | vendor
digitalocean-refresh | digitalocean | DO_REFRESH_TOKEN | 'dor_v1_' H{64} | vendor
linode-token | linode | LINODE_TOKEN | H{64} | vendor
vultr-api-key | vultr | VULTR_API_KEY | U{36} | vendor
hetzner-token | hetzner | HCLOUD_TOKEN | A{64} | vendor
scaleway-access-key | scaleway | SCW_ACCESS_KEY | 'SCW' U{17} | vendor
scaleway-secret-key | scaleway | SCW_SECRET_KEY | uuid | vendor
ovh-app-secret | ovh | OVH_APPLICATION_SECRET | a{32} | vendor
cloudflare-api-token | cloudflare | CLOUDFLARE_API_TOKEN | B{40} | vendor
cloudflare-global-key | cloudflare | CLOUDFLARE_API_KEY | H{37} | vendor
cloudflare-origin-ca | cloudflare | CF_ORIGIN_CA_KEY | 'v1.0-' H{24} '-' H{146} | vendor
fastly-api-token | fastly | FASTLY_API_TOKEN | B{32} | vendor
netlify-token | netlify | NETLIFY_AUTH_TOKEN | 'nfp_' A{36} | vendor
vercel-token | vercel | VERCEL_TOKEN | A{24} | vendor
flyio-token | fly | FLY_API_TOKEN | 'fo1_' B{43} | vendor
render-api-key | render | RENDER_API_KEY | 'rnd_' A{32} | vendor
railway-token | railway | RAILWAY_TOKEN | uuid | vendor
planetscale-token | planetscale | PLANETSCALE_SERVICE_TOKEN | 'pscale_tkn_' B{43} | vendor
planetscale-password | planetscale | PLANETSCALE_PASSWORD | 'pscale_pw_' B{43} | vendor
neon-api-key | neon | NEON_API_KEY | a{64} | vendor
mongodb-atlas-private | atlas | MONGODB_ATLAS_PRIVATE_KEY | uuid | vendor
databricks-token | databricks | DATABRICKS_TOKEN | 'dapi' H{32} | vendor
doppler-personal | doppler | DOPPLER_TOKEN | 'dp.pt.' A{43} | vendor
doppler-service | doppler | DOPPLER_SERVICE_TOKEN | 'dp.st.prd.' A{43} | vendor
pulumi-token | pulumi | PULUMI_ACCESS_TOKEN | 'pul-' H{40} | vendor
terraform-cloud-token | terraform | TFE_TOKEN | A{14} '.atlasv1.' A{67} | vendor
vault-batch-token | vault | VAULT_TOKEN | 'hvb.' A{138} | vendor
onepassword-sa | 1password | OP_SERVICE_ACCOUNT_TOKEN | 'ops_eyJzaWduSW5BZGRyZXNzIjoi' B{240} | vendor
onepassword-secret-key | 1password | OP_SECRET_KEY | 'A3-' U{6} '-' U{6} '-' U{5} '-' U{5} '-' U{5} '-' U{5} | vendor
age-secret-key | age | SOPS_AGE_KEY | 'AGE-SECRET-KEY-1' U{58} | vendor
consul-token | consul | CONSUL_HTTP_TOKEN | uuid | vendor
sentry-user-token | sentry | SENTRY_AUTH_TOKEN | 'sntryu_' H{64} | vendor
sentry-org-token | sentry | SENTRY_ORG_TOKEN | 'sntrys_eyJpYXQiOjE3' B{120} | vendor
datadog-api-key | datadog | DD_API_KEY | H{32} | vendor
datadog-app-key | datadog | DD_APP_KEY | H{40} | vendor
newrelic-user-key | newrelic | NEW_RELIC_API_KEY | 'NRAK-' U{27} | vendor
newrelic-insert-key | newrelic | NEW_RELIC_INSERT_KEY | 'NRII-' B{32} | vendor
newrelic-license | newrelic | NEW_RELIC_LICENSE_KEY | H{36} 'NRAL' | vendor
grafana-cloud-token | grafana | GRAFANA_CLOUD_TOKEN | 'glc_eyJvIjoi' B{100} | vendor
grafana-sa-token | grafana | GRAFANA_SA_TOKEN | 'glsa_' A{32} '_' H{8} | vendor
honeycomb-api-key | honeycomb | HONEYCOMB_API_KEY | A{22} | vendor
dynatrace-token | dynatrace | DT_API_TOKEN | 'dt0c01.' U{24} '.' U{64} | vendor
splunk-hec-token | splunk | SPLUNK_HEC_TOKEN | uuid | vendor
sumologic-access-key | sumologic | SUMO_ACCESS_KEY | A{64} | vendor
pagerduty-token | pagerduty | PAGERDUTY_TOKEN | 'u+' B{18} | vendor
opsgenie-api-key | opsgenie | OPSGENIE_API_KEY | uuid | vendor
launchdarkly-api | launchdarkly | LD_API_KEY | 'api-' uuid | vendor
launchdarkly-sdk | launchdarkly | LD_SDK_KEY | 'sdk-' uuid | vendor
postman-api-key | postman | POSTMAN_API_KEY | 'PMAK-' H{24} '-' H{34} | vendor
linear-api-key | linear | LINEAR_API_KEY | 'lin_api_' A{40} | vendor
notion-secret | notion | NOTION_TOKEN | 'secret_' A{43} | vendor
notion-ntn | notion | NOTION_API_KEY | 'ntn_' D{11} A{35} | vendor
airtable-pat | airtable | AIRTABLE_TOKEN | 'pat' A{14} '.' H{64} | vendor
asana-pat | asana | ASANA_PAT | '1/' D{16} ':' H{32} | vendor
atlassian-api-token | atlassian | JIRA_API_TOKEN | 'ATATT3xFfGF0' B{180} | vendor
bitbucket-app-password | bitbucket | BITBUCKET_APP_PASSWORD | 'ATBB' A{28} K{8} | vendor
clickup-token | clickup | CLICKUP_API_TOKEN | 'pk_' D{8} '_' U{32} | vendor
trello-token | trello | TRELLO_TOKEN | 'ATTA' H{64} | vendor
figma-token | figma | FIGMA_TOKEN | 'figd_' B{40} | vendor
dropbox-token | dropbox | DROPBOX_ACCESS_TOKEN | 'sl.B' B{135} | vendor
box-dev-token | box | BOX_DEVELOPER_TOKEN | A{32} | vendor
shopify-admin-token | shopify | SHOPIFY_ACCESS_TOKEN | 'shpat_' H{32} | vendor
shopify-shared-secret | shopify | SHOPIFY_API_SECRET | 'shpss_' H{32} | vendor
woocommerce-secret | woocommerce | WC_CONSUMER_SECRET | 'cs_' H{40} | vendor
paypal-client-secret | paypal | PAYPAL_CLIENT_SECRET | 'E' B{79} | vendor
razorpay-key-secret | razorpay | RAZORPAY_KEY_SECRET | A{24} | vendor
paystack-secret | paystack | PAYSTACK_SECRET_KEY | 'sk_live_' H{40} | vendor
flutterwave-secret | flutterwave | FLW_SECRET_KEY | 'FLWSECK-' H{32} '-X' | vendor
mollie-api-key | mollie | MOLLIE_API_KEY | 'live_' A{30} | vendor
binance-secret | binance | BINANCE_API_SECRET | A{64} | vendor
kraken-private | kraken | KRAKEN_PRIVATE_KEY | b{86} '==' | vendor
plaid-secret | plaid | PLAID_SECRET | H{30} | vendor
groq-api-key | groq | GROQ_API_KEY | 'gsk_' A{52} | vendor
replicate-token | replicate | REPLICATE_API_TOKEN | 'r8_' A{37} | vendor
perplexity-key | perplexity | PERPLEXITY_API_KEY | 'pplx-' A{48} | vendor
mistral-api-key | mistral | MISTRAL_API_KEY | A{32} | vendor
cohere-api-key | cohere | COHERE_API_KEY | A{40} | vendor
together-api-key | together | TOGETHER_API_KEY | H{64} | vendor
xai-api-key | xai | XAI_API_KEY | 'xai-' A{80} | vendor
openrouter-key | openrouter | OPENROUTER_API_KEY | 'sk-or-v1-' H{64} | vendor
elevenlabs-key | elevenlabs | ELEVENLABS_API_KEY | 'sk_' H{48} | vendor
pinecone-key | pinecone | PINECONE_API_KEY | 'pcsk_' A{5} '_' A{64} | vendor
langsmith-key | langsmith | LANGSMITH_API_KEY | 'lsv2_pt_' H{32} '_' H{10} | vendor
wandb-key | wandb | WANDB_API_KEY | H{40} | vendor
algolia-admin-key | algolia | ALGOLIA_ADMIN_KEY | H{32} | vendor
mapbox-secret | mapbox | MAPBOX_SECRET_TOKEN | 'sk.eyJ1Ijoi' B{60} '.' B{22} | vendor
twitter-bearer | twitter | TWITTER_BEARER_TOKEN | 'AAAAAAAAAAAAAAAAAAAAA' A{30} '%3D' A{50} | vendor
twitch-secret | twitch | TWITCH_CLIENT_SECRET | a{30} | vendor
spotify-secret | spotify | SPOTIFY_CLIENT_SECRET | H{32} | vendor
contentful-pat | contentful | CONTENTFUL_MANAGEMENT_TOKEN | 'CFPAT-' B{43} | vendor
okta-api-token | okta | OKTA_API_TOKEN | '00' B{40} | vendor
auth0-client-secret | auth0 | AUTH0_CLIENT_SECRET | B{64} | vendor
firebase-server-key | firebase | FCM_SERVER_KEY | 'AAAA' B{7} ':APA91b' B{134} | vendor
expo-token | expo | EXPO_TOKEN | A{40} | vendor
sonarcloud-user-token | sonar | SONAR_USER_TOKEN | 'squ_' H{40} | vendor
snyk-token | snyk | SNYK_TOKEN | uuid | vendor
codecov-token | codecov | CODECOV_TOKEN | uuid | vendor
circleci-pat | circleci | CIRCLE_TOKEN | 'CCIPAT_' A{22} '_' H{40} | vendor
buildkite-token | buildkite | BUILDKITE_API_TOKEN | 'bkua_' H{40} | vendor
jfrog-reference | jfrog | JFROG_ACCESS_TOKEN | 'cmVmdGtuOjAxOjE3' A{48} | vendor
gitea-token | gitea | GITEA_TOKEN | H{40} | vendor
azure-devops-pat | azure | AZURE_DEVOPS_PAT | a{52} | vendor
azure-storage-key | azure | AZURE_STORAGE_KEY | b{86} '==' | vendor
azure-ad-secret | azure | AZURE_CLIENT_SECRET | a{3} D{1} 'Q~' B{34} | vendor
alibaba-access-key | alibaba | ALIBABA_CLOUD_ACCESS_KEY_ID | 'LTAI' A{20} | vendor
tencent-secret-id | tencent | TENCENTCLOUD_SECRET_ID | 'AKID' A{32} | vendor
ibm-cloud-api-key | ibm | IBMCLOUD_API_KEY | B{44} | vendor
yandex-oauth | yandex | YC_TOKEN | 'y0_AgAAAA' B{50} | vendor
yandex-api-key | yandex | YC_API_KEY | 'AQVN' B{36} | vendor
mandrill-key | mandrill | MANDRILL_API_KEY | 'md-' B{22} | vendor
brevo-key | brevo | BREVO_API_KEY | 'xkeysib-' H{64} '-' A{16} | vendor
resend-key | resend | RESEND_API_KEY | 're_' A{8} '_' A{24} | vendor
postmark-token | postmark | POSTMARK_SERVER_TOKEN | uuid | vendor
sparkpost-key | sparkpost | SPARKPOST_API_KEY | H{40} | vendor
hubspot-pat | hubspot | HUBSPOT_ACCESS_TOKEN | 'pat-na1-' uuid | vendor
salesforce-session | salesforce | SF_SESSION_ID | '00D' A{12} '!' B{96} | vendor
segment-write-key | segment | SEGMENT_WRITE_KEY | A{32} | vendor
posthog-personal | posthog | POSTHOG_PERSONAL_API_KEY | 'phx_' A{43} | vendor
rollbar-token | rollbar | ROLLBAR_ACCESS_TOKEN | H{32} | vendor
honeybadger-pat | honeybadger | HONEYBADGER_PERSONAL_AUTH_TOKEN | 'hbp_' A{36} | vendor
ngrok-authtoken | ngrok | NGROK_AUTHTOKEN | '2' A{26} '_' A{21} | vendor
tailscale-auth-key | tailscale | TS_AUTHKEY | 'tskey-auth-k' A{16} '-' A{33} | vendor
cloudinary-url | cloudinary | CLOUDINARY_URL | 'cloudinary://' D{15} ':' > B{27} < '@acme-media' | vendor
infisical-service-token | infisical | INFISICAL_TOKEN | 'st.' uuid '.' H{32} '.' H{32} | vendor
bitwarden-sm-token | bitwarden | BWS_ACCESS_TOKEN | '0.' uuid '.' A{30} ':' b{22} '==' | vendor
octopus-api-key | octopus | OCTOPUS_API_KEY | 'API-' U{27} | vendor
harness-pat | harness | HARNESS_PLATFORM_API_KEY | 'pat.' B{22} '.' H{24} '.' A{20} | vendor
fireworks-key | fireworks | FIREWORKS_API_KEY | 'fw_' A{24} | vendor
voyage-key | voyage | VOYAGE_API_KEY | 'pa-' B{43} | vendor
jina-key | jina | JINA_API_KEY | 'jina_' A{60} | vendor
deepgram-key | deepgram | DEEPGRAM_API_KEY | H{40} | vendor
assemblyai-key | assemblyai | ASSEMBLYAI_API_KEY | H{32} | vendor
livekit-secret | livekit | LIVEKIT_API_SECRET | A{43} | vendor
pusher-secret | pusher | PUSHER_APP_SECRET | H{20} | vendor
ably-key | ably | ABLY_API_KEY | A{6} '.' A{6} ':' B{43} | vendor
mux-secret | mux | MUX_TOKEN_SECRET | b{75} | vendor
onesignal-key | onesignal | ONESIGNAL_REST_API_KEY | 'os_v2_app_' a{100} | vendor
pushover-token | pushover | PUSHOVER_APP_TOKEN | a{30} | vendor
checkly-key | checkly | CHECKLY_API_KEY | 'cu_' H{32} | vendor
betterstack-token | betterstack | BETTERSTACK_API_TOKEN | A{24} | vendor
typeform-token | typeform | TYPEFORM_TOKEN | 'tfp_' B{44} '_' B{14} | vendor
docusign-secret | docusign | DOCUSIGN_CLIENT_SECRET | uuid | vendor
paddle-key | paddle | PADDLE_API_KEY | 'pdl_live_apikey_' a{26} '_' A{22} '_' A{3} | vendor
gocardless-token | gocardless | GOCARDLESS_ACCESS_TOKEN | 'live_' B{40} | vendor
wise-token | wise | WISE_API_TOKEN | uuid | vendor
checkoutcom-secret | checkout | CKO_SECRET_KEY | 'sk_sbox_' a{26} | vendor
codacy-token | codacy | CODACY_PROJECT_TOKEN | A{32} | vendor
coveralls-token | coveralls | COVERALLS_REPO_TOKEN | A{33} | vendor
cypress-record-key | cypress | CYPRESS_RECORD_KEY | uuid | vendor
browserstack-key | browserstack | BROWSERSTACK_ACCESS_KEY | A{20} | vendor
percy-token | percy | PERCY_TOKEN | 'web_' H{64} | vendor
bitrise-token | bitrise | BITRISE_API_TOKEN | B{86} | vendor
teleport-join-token | teleport | TELEPORT_JOIN_TOKEN | H{32} | vendor
prefect-key | prefect | PREFECT_API_KEY | 'pnu_' A{36} | vendor
dagster-token | dagster | DAGSTER_CLOUD_API_TOKEN | 'user:' H{32} | vendor
modal-token-id | modal | MODAL_TOKEN_SECRET | 'as-' A{22} | vendor
weaviate-key | weaviate | WEAVIATE_API_KEY | A{40} | vendor
zilliz-key | zilliz | ZILLIZ_API_KEY | H{104} | vendor
convex-deploy-key | convex | CONVEX_DEPLOY_KEY | 'prod:happy-otter-123|' > B{80} < | vendor
xata-key | xata | XATA_API_KEY | 'xau_' A{35} | vendor
fauna-secret | fauna | FAUNA_SECRET | 'fnA' B{37} | vendor
deno-deploy-token | deno | DENO_DEPLOY_TOKEN | 'ddp_' A{36} | vendor
backblaze-app-key | backblaze | B2_APPLICATION_KEY | 'K005' B{27} | vendor
wasabi-secret | wasabi | WASABI_SECRET_KEY | A{40} | vendor
hasura-admin-secret | hasura | HASURA_GRAPHQL_ADMIN_SECRET | A{32} | vendor
datocms-token | datocms | DATOCMS_API_TOKEN | H{30} | vendor
zerotier-token | zerotier | ZEROTIER_API_TOKEN | a{32} | vendor
k8s-sa-token | kubernetes | KUBE_TOKEN | 'eyJhbGciOiJSUzI1NiIsImtpZCI6I' B{40} '.eyJhdWQiOlsiaHR0cHM6Ly9rdWJlcm5ldGVz' B{200} '.' B{342} | form
postgres-url | postgres | DATABASE_URL | 'postgresql://app_rw:' > A{20} < '@db.internal:5432/app' | form
basic-auth-header | basic | BASIC_AUTH | 'Basic\s' > b{40} < | form
random-password | password | DB_PASSWORD | A{12} '!' A{6} | form
"""


def parse() -> list[dict[str, object]]:
    """Return the families of TABLE as dicts: name, word, env, parts, source."""
    rows = []
    for line in TABLE.strip().splitlines():
        name, word, env, rest = (cell.strip() for cell in line.split("|", 3))
        shape, source = (cell.strip() for cell in rest.rsplit("|", 1))
        parts: list[tuple[str, object]] = []
        for item in shape.split(" "):
            if item.startswith("'"):
                parts.append(("lit", item.strip("'").replace("\\s", " ")))
            elif item in (">", "<"):
                parts.append((item, None))
            elif item == "uuid":
                parts.append(("uuid", None))
            else:
                parts.append((item[0], int(item[2:-1])))
        rows.append({"name": name, "word": word, "env": env, "parts": parts, "source": source})
    return rows


def draw(parts: list[tuple[str, object]], rng: random.Random) -> tuple[str, str]:
    """Draw one token: return (the whole string, its secret part)."""
    out: list[str] = []
    start, end = 0, None
    for kind, arg in parts:
        if kind == "lit":
            out.append(str(arg))
        elif kind == ">":
            start = len("".join(out))
        elif kind == "<":
            end = len("".join(out))
        elif kind == "uuid":
            out.append(str(uuid.UUID(int=rng.getrandbits(128), version=4)))
        else:
            out.append("".join(rng.choice(ALPHABETS[kind]) for _ in range(int(str(arg)))))
    whole = "".join(out)
    return whole, whole[start:end]
