"""Token families of the sixth held-out corpus (issue 16), in audit16e's shape notation plus two parts.

Each row: ``name | provider word | ENV name | shape | source``. A shape is a sequence of parts
separated by spaces: ``'lit'`` is a literal, ``X{n}`` draws n characters of alphabet X (H hex
lower, K hex upper, A base62, a lower+digits, U upper+digits, B base64url, b base64, D digits,
L lower letters, Z base32 upper, and new here: z base32 lower ``[a-z2-7]``, T Entra client
secret alphabet ``[A-Za-z0-9~._-]``, N Bech32 upper, 5 base58, J Django's secret alphabet),
``@xyz`` draws one character of ``xyz``, ``uuid`` a UUID v4. Sources:

- ``msu``: microsoft/security-utilities ``GeneratedRegexPatterns/*.json`` (commit 638ad20):
  the identifiable Azure keys (signature ``AzFu``/``AzSe``/``+ARm``/``+AEh``/``+ASb``/``AIoT``/
  ``+ASt``/``ACDb``/``+ABa``/``+AMC``/``APIM``/``AzCa``/``+ACR``/``AZEG`` at a fixed offset, the
  closing ``[AQgw]==`` or ``[A-P]…=``), Entra client secrets (``[78]Q~``), Databricks ``dapi``,
  legacy 52-character ADO PATs, the 84-character common annotated keys (``JQQJ99`` at offset 52)
  and the legacy 86+``==``/43+``=`` base64 keys;
- ``nuclei``: projectdiscovery/nuclei-templates ``http/exposures/tokens/`` (Doppler ``dp.sa.``,
  Dynatrace ``dt0c01.``, Elastic Cloud ``essu_…AAAAA``, Flutterwave ``FLWSECK_TEST-…-X``, age
  ``AGE-SECRET-KEY-1``);
- ``vendor``: the vendor's documented token format as the writer knows it (prefixes and
  alphabets documented, some lengths approximate);
- ``form``: a secret with no vendor format, known only by its key (passwords, signing keys).

Token formats are facts; no rule text was copied. ``pii.py`` adds the personal data families.
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
    "z": string.ascii_lowercase + "234567",
    "T": string.ascii_letters + string.digits + "~._-",
    "N": "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L",
    "5": "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz",
    "J": string.ascii_lowercase + string.digits + "!@#$%^&*(-_=+)",
}

CAK = "A{52} 'JQQJ99' A{1} @ABCDEFGHIJKL A{16} L{1} A{7}"

TABLE = rf"""
azure-function-key | azurefunctions | AZURE_FUNCTION_KEY | B{{44}} 'AzFu' B{{5}} @AQgw '==' | msu
azure-search-query-key | azuresearch | AZURE_SEARCH_QUERY_KEY | A{{42}} 'AzSe' @ABCD A{{5}} | msu
azure-search-admin-key | azuresearch | AZURE_SEARCH_ADMIN_KEY | A{{42}} 'AzSe' @ABCD A{{5}} | msu
azure-relay-key | azurerelay | AZURE_RELAY_SAS_KEY | b{{33}} '+ARm' @ABCDEFGHIJKLMNOP b{{5}} '=' | msu
azure-eventhub-key | eventhub | EVENTHUB_SAS_KEY | b{{33}} '+AEh' @ABCDEFGHIJKLMNOP b{{5}} '=' | msu
azure-servicebus-key | servicebus | SERVICEBUS_SAS_KEY | b{{33}} '+ASb' @ABCDEFGHIJKLMNOP b{{5}} '=' | msu
azure-iothub-key | iothub | IOTHUB_SHARED_ACCESS_KEY | b{{33}} 'AIoT' @ABCDEFGHIJKLMNOP b{{5}} '=' | msu
azure-iot-device-key | iotdevice | IOT_DEVICE_PRIMARY_KEY | b{{33}} 'AIoT' @ABCDEFGHIJKLMNOP b{{5}} '=' | msu
azure-storage-key | azurestorage | AZURE_STORAGE_KEY | b{{76}} '+ASt' b{{5}} @AQgw '==' | msu
azure-cosmos-key | cosmos | COSMOS_PRIMARY_KEY | b{{76}} 'ACDb' b{{5}} @AQgw '==' | msu
azure-batch-key | azurebatch | AZURE_BATCH_ACCOUNT_KEY | b{{76}} '+ABa' b{{5}} @AQgw '==' | msu
azure-ml-classic-key | azureml | AZUREML_WEBSERVICE_KEY | b{{76}} '+AMC' b{{5}} @AQgw '==' | msu
azure-apim-subscription-key | apim | APIM_SUBSCRIPTION_KEY | b{{76}} 'APIM' b{{5}} @AQgw '==' | msu
azure-apim-gateway-key | apim | APIM_GATEWAY_KEY | b{{76}} 'APIM' b{{5}} @AQgw '==' | msu
azure-redis-key | azureredis | AZURE_REDIS_ACCESS_KEY | b{{33}} 'AzCa' @ABCDEFGHIJKLMNOP b{{5}} '=' | msu
azure-acr-key | acr | ACR_PASSWORD | b{{42}} '+ACR' @ABCD b{{5}} | msu
azure-eventgrid-key | eventgrid | EVENTGRID_ACCESS_KEY | b{{33}} 'AZEG' @ABCDEFGHIJKLMNOP b{{5}} '=' | msu
entra-client-secret | entra | AZURE_CLIENT_SECRET | T{{3}} @78 'Q~' T{{34}} | msu
azure-databricks-pat | databricks | DATABRICKS_TOKEN | 'dapi' H{{32}} | msu
ado-legacy-pat | azuredevops | AZURE_DEVOPS_EXT_PAT | z{{52}} | msu
cak-azure-openai | azureopenai | AZURE_OPENAI_API_KEY | {CAK} | msu
cak-azure-maps | azuremaps | AZURE_MAPS_SUBSCRIPTION_KEY | {CAK} | msu
cak-communication | communication | ACS_ACCESS_KEY | {CAK} | msu
cak-speech | speech | AZURE_SPEECH_KEY | {CAK} | msu
cak-translator | translator | TRANSLATOR_SUBSCRIPTION_KEY | {CAK} | msu
cak-content-safety | contentsafety | CONTENT_SAFETY_KEY | {CAK} | msu
cak-app-configuration | appconfig | APP_CONFIGURATION_SECRET | {CAK} | msu
cak-devops-pat | azuredevops | ADO_PAT | {CAK} | msu
legacy-servicebus-sas | servicebus | SERVICEBUS_SHARED_ACCESS_KEY | b{{43}} '=' | msu
legacy-storage-account-key | azurestorage | STORAGE_ACCOUNT_KEY | b{{86}} '==' | msu
legacy-cosmos-key | cosmos | COSMOSDB_MASTER_KEY | b{{86}} '==' | msu
doppler-service-account | doppler | DOPPLER_TOKEN | 'dp.sa.' A{{42}} | nuclei
dynatrace-api-token | dynatrace | DT_API_TOKEN | 'dt0c01.' U{{24}} '.' U{{64}} | nuclei
elastic-cloud-api-key | elastic | EC_API_KEY | 'essu_' b{{80}} 'AAAAA' b{{7}} | nuclei
flutterwave-secret-test | flutterwave | FLW_SECRET_KEY | 'FLWSECK_TEST-' H{{32}} '-X' | nuclei
age-secret-key | age | SOPS_AGE_KEY | 'AGE-SECRET-KEY-1' N{{58}} | nuclei
groq-api-key | groq | GROQ_API_KEY | 'gsk_' A{{52}} | vendor
perplexity-api-key | perplexity | PPLX_API_KEY | 'pplx-' A{{48}} | vendor
replicate-token | replicate | REPLICATE_API_TOKEN | 'r8_' A{{37}} | vendor
xai-api-key | xai | XAI_API_KEY | 'xai-' A{{80}} | vendor
openrouter-key | openrouter | OPENROUTER_API_KEY | 'sk-or-v1-' H{{64}} | vendor
langsmith-pat | langsmith | LANGCHAIN_API_KEY | 'lsv2_pt_' H{{32}} '_' H{{10}} | vendor
pinecone-key | pinecone | PINECONE_API_KEY | 'pcsk_' A{{5}} '_' A{{63}} | vendor
fireworks-key | fireworks | FIREWORKS_API_KEY | 'fw_' A{{24}} | vendor
elevenlabs-key | elevenlabs | ELEVENLABS_API_KEY | 'sk_' H{{48}} | vendor
deepseek-key | deepseek | DEEPSEEK_API_KEY | 'sk-' H{{32}} | vendor
mistral-key | mistral | MISTRAL_API_KEY | A{{32}} | vendor
cohere-key | cohere | COHERE_API_KEY | A{{40}} | vendor
together-key | together | TOGETHER_API_KEY | H{{64}} | vendor
voyage-key | voyage | VOYAGE_API_KEY | 'pa-' B{{43}} | vendor
tavily-key | tavily | TAVILY_API_KEY | 'tvly-' A{{32}} | vendor
firecrawl-key | firecrawl | FIRECRAWL_API_KEY | 'fc-' H{{32}} | vendor
e2b-key | e2b | E2B_API_KEY | 'e2b_' H{{40}} | vendor
browserbase-key | browserbase | BROWSERBASE_API_KEY | 'bb_live_' B{{27}} | vendor
modal-token-secret | modal | MODAL_TOKEN_SECRET | 'as-' A{{22}} | vendor
neon-api-key | neon | NEON_API_KEY | 'napi_' a{{64}} | vendor
supabase-access-token | supabase | SUPABASE_ACCESS_TOKEN | 'sbp_' H{{40}} | vendor
resend-key | resend | RESEND_API_KEY | 're_' A{{8}} '_' A{{24}} | vendor
inngest-signing-key | inngest | INNGEST_SIGNING_KEY | 'signkey-prod-' H{{64}} | vendor
render-key | render | RENDER_API_KEY | 'rnd_' A{{32}} | vendor
tailscale-auth-key | tailscale | TS_AUTHKEY | 'tskey-auth-' A{{17}} '-' A{{33}} | vendor
ngrok-authtoken | ngrok | NGROK_AUTHTOKEN | '2' A{{26}} '_' A{{21}} | vendor
cloudflare-origin-ca | cloudflare | CF_ORIGIN_CA_KEY | 'v1.0-' H{{24}} '-' H{{146}} | vendor
posthog-personal-key | posthog | POSTHOG_PERSONAL_API_KEY | 'phx_' A{{43}} | vendor
sentry-user-token | sentry | SENTRY_AUTH_TOKEN | 'sntryu_' H{{64}} | vendor
honeycomb-ingest-key | honeycomb | HONEYCOMB_API_KEY | 'hcaik_' a{{58}} | vendor
axiom-token | axiom | AXIOM_TOKEN | 'xaat-' uuid | vendor
buildkite-user-token | buildkite | BUILDKITE_API_TOKEN | 'bkua_' H{{40}} | vendor
circleci-pat | circleci | CIRCLE_TOKEN | 'CCIPAT_' A{{22}} '_' H{{40}} | vendor
octopus-api-key | octopus | OCTOPUS_API_KEY | 'API-' U{{26}} | vendor
harness-pat | harness | HARNESS_PLATFORM_API_KEY | 'pat.' A{{22}} '.' H{{24}} '.' A{{20}} | vendor
sonarqube-user-token | sonar | SONAR_TOKEN | 'squ_' H{{40}} | vendor
launchdarkly-api | launchdarkly | LD_API_KEY | 'api-' uuid | vendor
launchdarkly-sdk | launchdarkly | LD_SDK_KEY | 'sdk-' uuid | vendor
statsig-server-secret | statsig | STATSIG_SERVER_SECRET | 'secret-' A{{43}} | vendor
plaid-access-token | plaid | PLAID_ACCESS_TOKEN | 'access-production-' uuid | vendor
stripe-webhook-secret | stripe | STRIPE_WEBHOOK_SECRET | 'whsec_' A{{32}} | vendor
mollie-key | mollie | MOLLIE_API_KEY | 'live_' A{{30}} | vendor
paystack-secret | paystack | PAYSTACK_SECRET_KEY | 'sk_live_' H{{40}} | vendor
razorpay-key-secret | razorpay | RAZORPAY_KEY_SECRET | A{{24}} | vendor
klaviyo-private-key | klaviyo | KLAVIYO_PRIVATE_KEY | 'pk_' H{{34}} | vendor
notion-integration | notion | NOTION_TOKEN | 'ntn_' D{{11}} A{{35}} | vendor
clickup-token | clickup | CLICKUP_API_TOKEN | 'pk_' D{{8}} '_' U{{32}} | vendor
todoist-token | todoist | TODOIST_API_TOKEN | H{{40}} | vendor
twitch-oauth | twitch | TWITCH_OAUTH_TOKEN | 'oauth:' a{{30}} | vendor
mapbox-secret | mapbox | MAPBOX_SECRET_TOKEN | 'sk.eyJ1IjoiYWNtZSIsImEiOiJ' B{{20}} '.' B{{22}} | vendor
line-channel-token | line | LINE_CHANNEL_ACCESS_TOKEN | b{{171}} '=' | vendor
telegram-bot-token | telegram | TELEGRAM_BOT_TOKEN | D{{10}} ':AA' B{{33}} | vendor
digitalocean-pat | digitalocean | DIGITALOCEAN_ACCESS_TOKEN | 'dop_v1_' H{{64}} | vendor
docker-hub-pat | dockerhub | DOCKERHUB_TOKEN | 'dckr_pat_' B{{27}} | vendor
figma-pat | figma | FIGMA_TOKEN | 'figd_' B{{40}} | vendor
linear-api-key | linear | LINEAR_API_KEY | 'lin_api_' A{{40}} | vendor
planetscale-token | planetscale | PLANETSCALE_SERVICE_TOKEN | 'pscale_tkn_' B{{43}} | vendor
postman-api-key | postman | POSTMAN_API_KEY | 'PMAK-' H{{24}} '-' H{{34}} | vendor
prefect-key | prefect | PREFECT_API_KEY | 'pnu_' A{{36}} | vendor
pulumi-token | pulumi | PULUMI_ACCESS_TOKEN | 'pul-' H{{40}} | vendor
readme-key | readme | README_API_KEY | 'rdme_' a{{70}} | vendor
rubygems-key | rubygems | GEM_HOST_API_KEY | 'rubygems_' H{{48}} | vendor
scalingo-token | scalingo | SCALINGO_API_TOKEN | 'tk-us-' B{{48}} | vendor
brevo-key | brevo | BREVO_API_KEY | 'xkeysib-' H{{64}} '-' A{{16}} | vendor
shippo-token | shippo | SHIPPO_API_TOKEN | 'shippo_live_' H{{40}} | vendor
shopify-admin | shopify | SHOPIFY_ADMIN_TOKEN | 'shpat_' H{{32}} | vendor
square-access | square | SQUARE_ACCESS_TOKEN | 'EAAA' B{{60}} | vendor
typeform-pat | typeform | TYPEFORM_TOKEN | 'tfp_' B{{44}} '_' B{{14}} | vendor
vault-service-token | vault | VAULT_TOKEN | 'hvs.' B{{90}} | vendor
yandex-oauth | yandex | YANDEX_OAUTH_TOKEN | 'y0_' B{{55}} | vendor
hubspot-pat | hubspot | HUBSPOT_ACCESS_TOKEN | 'pat-na1-' uuid | vendor
new-relic-user-key | newrelic | NEW_RELIC_API_KEY | 'NRAK-' U{{27}} | vendor
grafana-sa-token | grafana | GRAFANA_SERVICE_ACCOUNT_TOKEN | 'glsa_' A{{32}} '_' H{{8}} | vendor
heroku-api-key | heroku | HEROKU_API_KEY | 'HRKU-AA' B{{58}} | vendor
atlassian-api-token | atlassian | JIRA_API_TOKEN | 'ATATT3xFfGF0' B{{171}} | vendor
dropbox-token | dropbox | DROPBOX_ACCESS_TOKEN | 'sl.u.' B{{140}} | vendor
easypost-key | easypost | EASYPOST_API_KEY | 'EZAK' A{{54}} | vendor
duffel-token | duffel | DUFFEL_ACCESS_TOKEN | 'duffel_live_' B{{43}} | vendor
frameio-token | frameio | FRAMEIO_TOKEN | 'fio-u-' B{{64}} | vendor
contentful-pat | contentful | CONTENTFUL_MANAGEMENT_TOKEN | 'CFPAT-' B{{43}} | vendor
adafruit-io-key | adafruit | ADAFRUIT_IO_KEY | 'aio_' A{{28}} | vendor
airtable-pat | airtable | AIRTABLE_PAT | 'pat' A{{14}} '.' H{{64}} | vendor
alibaba-secret | alibaba | ALIBABA_CLOUD_ACCESS_KEY_SECRET | A{{30}} | vendor
asana-pat | asana | ASANA_ACCESS_TOKEN | '2/' D{{16}} '/' D{{16}} ':' H{{32}} | vendor
clojars-token | clojars | CLOJARS_DEPLOY_TOKEN | 'CLOJARS_' a{{60}} | vendor
dependency-track-key | dependencytrack | DTRACK_API_KEY | 'odt_' A{{32}} | vendor
crates-token | crates | CARGO_REGISTRY_TOKEN | 'cio' A{{32}} | vendor
bitcoin-wif | bitcoin | BTC_WIF_PRIVATE_KEY | '5' @HJK 5{{49}} | vendor
ethereum-private-key | ethereum | ETH_PRIVATE_KEY | '0x' H{{64}} | vendor
generated-password | password | DB_PASSWORD | A{{10}} '#' A{{7}} '!' | form
redis-password-hex | redis | REDIS_PASSWORD | H{{32}} | form
session-secret | session | SESSION_SECRET | B{{64}} | form
jwt-signing-secret | jwt | JWT_SECRET | b{{43}} '=' | form
laravel-app-key | laravel | APP_KEY | 'base64:' b{{43}} '=' | form
django-secret-key | django | DJANGO_SECRET_KEY | J{{50}} | form
rails-master-key | rails | RAILS_MASTER_KEY | H{{32}} | form
fernet-key | fernet | FERNET_KEY | B{{43}} '=' | form
smtp-password | smtp | SMTP_PASSWORD | A{{16}} | form
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
                parts.append(("lit", item.strip("'")))
            elif item.startswith("@"):
                parts.append(("one", item[1:]))
            elif item == "uuid":
                parts.append(("uuid", None))
            else:
                parts.append((item[0], int(item[2:-1])))
        rows.append({"name": name, "word": word, "env": env, "parts": parts, "source": source})
    return rows


def draw(parts: list[tuple[str, object]], rng: random.Random) -> str:
    """Draw one token."""
    out: list[str] = []
    for kind, arg in parts:
        if kind == "lit":
            out.append(str(arg))
        elif kind == "one":
            out.append(rng.choice(str(arg)))
        elif kind == "uuid":
            out.append(str(uuid.UUID(int=rng.getrandbits(128), version=4)))
        else:
            out.append("".join(rng.choice(ALPHABETS[kind]) for _ in range(int(str(arg)))))
    return "".join(out)
