"""Secret families of the home-lab corpus (issue 16): a self-hosted NixOS machine's own secrets.

``TABLE``: ``name | provider word | service | ENV name | config key | shape | source``. Shape
notation as audit16h's: ``'lit'`` a literal, ``X{n}`` n characters of alphabet X (``ALPHABETS``),
``uuid`` a UUID v4. ``GENERATED`` (gens.py): families drawn by a function returning
``(value, secret)``: the value as the program holds it (a URL, a file, a ``user:hash`` line) and
the part of it that is the secret; ``kind`` is ``token`` (one word), ``line`` (spaces or quotes) or
``multi`` (several lines: a key file, a credentials file).

Sources (public docs; lengths approximate where a project does not publish them): ``nixos``: the
NixOS manual and option descriptions (``users.users.*.password``/``hashedPassword``,
``nix.settings.access-tokens``, ``services.*.settings``); ``arr``: the *arr apps' ``config.xml``
``ApiKey`` (32 hex); ``app``: each service's own docs for its secret settings (Gitea/Forgejo
``app.ini``, Nextcloud ``config.php``, Grafana ini, Authelia, Authentik, Vaultwarden, Paperless,
Immich, Synapse, Mastodon, Home Assistant, ESPHome, Zigbee2MQTT, Pi-hole, Syncthing, Proxmox,
TrueNAS, restic/borg/rclone, Traefik/Caddy/lego DNS providers); ``vendor``: the vendors' key
prefixes (GitHub ``ghp_``/``github_pat_``, GitLab ``glpat-``, Tailscale ``tskey-auth-``,
DigitalOcean ``dop_v1_``, Porkbun ``sk1_``, ntfy ``tk_``, Grafana ``glsa_``, Vault ``hvs.``, OpenRouter
``sk-or-v1-``, Groq ``gsk_``, Anthropic ``sk-ant-api03-``, Hugging Face ``hf_``, Together
``tgp_v1_``, Cerebras ``csk-``, ElevenLabs ``sk_``, Langfuse ``sk-lf-``); ``keys``: keys.py.
"""

from __future__ import annotations

import random
import string
import uuid

import gens

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
    "P": string.ascii_letters + string.digits + "!#%^*-_+=.,:@&?~",
    "W": string.ascii_letters + string.digits + "!#%^*-_+.,",
}

TABLE = r"""
nix-access-token-github | github | nix | NIX_GITHUB_TOKEN | access-tokens | gh:ghp_ | nixos
nix-access-token-fine | github | nix | GITHUB_TOKEN | access-tokens | 'github_pat_11' U{20} '_' A{59} | vendor
nix-access-token-gitlab | gitlab | nix | GITLAB_TOKEN | access-tokens | 'glpat-' B{20} | vendor
users-password | nixos | users | ROOT_PASSWORD | password | W{14} | nixos
users-initial-password | nixos | users | INITIAL_PASSWORD | initialPassword | W{12} | nixos
tailscale-authkey | tailscale | tailscale | TS_AUTHKEY | authKey | 'tskey-auth-k' A{10} 'CNTRL-' A{33} | vendor
tailscale-api-key | tailscale | tailscale | TAILSCALE_API_KEY | api_key | 'tskey-api-k' A{10} 'CNTRL-' A{33} | vendor
headscale-preauth | headscale | headscale | HEADSCALE_PREAUTH_KEY | preauthkey | H{48} | app
cachix-signing-key | cachix | cachix | CACHIX_SIGNING_KEY | signingKey | b{86} '==' | app
vaultwarden-admin-token | vaultwarden | vaultwarden | ADMIN_TOKEN | admin_token | b{64} | app
nextcloud-passwordsalt | nextcloud | nextcloud | NEXTCLOUD_PASSWORDSALT | passwordsalt | W{30} | app
nextcloud-secret | nextcloud | nextcloud | NEXTCLOUD_SECRET | secret | b{48} | app
nextcloud-dbpassword | nextcloud | nextcloud | NEXTCLOUD_DB_PASSWORD | dbpassword | W{20} | app
gitea-secret-key | gitea | gitea | GITEA__security__SECRET_KEY | SECRET_KEY | A{64} | app
gitea-jwt-secret | gitea | gitea | GITEA__oauth2__JWT_SECRET | JWT_SECRET | B{43} | app
gitea-lfs-jwt-secret | gitea | gitea | GITEA__server__LFS_JWT_SECRET | LFS_JWT_SECRET | B{43} | app
forgejo-runner-token | forgejo | forgejo-runner | FORGEJO_RUNNER_TOKEN | token | A{40} | app
grafana-admin-password | grafana | grafana | GF_SECURITY_ADMIN_PASSWORD | admin_password | W{18} | app
grafana-secret-key | grafana | grafana | GF_SECURITY_SECRET_KEY | secret_key | A{32} | app
grafana-sa-token | grafana | grafana | GRAFANA_TOKEN | token | gl:glsa_ | vendor
sonarr-api-key | sonarr | sonarr | SONARR__AUTH__APIKEY | ApiKey | H{32} | arr
radarr-api-key | radarr | radarr | RADARR__AUTH__APIKEY | ApiKey | H{32} | arr
prowlarr-api-key | prowlarr | prowlarr | PROWLARR__AUTH__APIKEY | ApiKey | H{32} | arr
lidarr-api-key | lidarr | lidarr | LIDARR__AUTH__APIKEY | ApiKey | H{32} | arr
readarr-api-key | readarr | readarr | READARR__AUTH__APIKEY | ApiKey | H{32} | arr
bazarr-api-key | bazarr | bazarr | BAZARR_API_KEY | apikey | H{32} | arr
sabnzbd-api-key | sabnzbd | sabnzbd | SABNZBD_API_KEY | api_key | H{32} | app
jellyfin-api-key | jellyfin | jellyfin | JELLYFIN_API_KEY | api_key | H{32} | app
jellyseerr-api-key | jellyseerr | jellyseerr | JELLYSEERR_API_KEY | apiKey | b{66} '==' | app
tautulli-api-key | tautulli | tautulli | TAUTULLI_API_KEY | api_key | H{32} | app
plex-token | plex | plex | PLEX_TOKEN | PlexOnlineToken | B{20} | app
paperless-secret-key | paperless | paperless | PAPERLESS_SECRET_KEY | secret_key | P{50} | app
paperless-api-token | paperless | paperless | PAPERLESS_TOKEN | token | H{40} | app
immich-api-key | immich | immich | IMMICH_API_KEY | api_key | B{43} | app
immich-db-password | immich | immich | DB_PASSWORD | db_password | A{24} | app
authelia-jwt-secret | authelia | authelia | AUTHELIA_IDENTITY_VALIDATION_RESET_PASSWORD_JWT_SECRET | jwt_secret | A{64} | app
authelia-session-secret | authelia | authelia | AUTHELIA_SESSION_SECRET | secret | A{64} | app
authelia-storage-key | authelia | authelia | AUTHELIA_STORAGE_ENCRYPTION_KEY | encryption_key | A{64} | app
authelia-hmac-secret | authelia | authelia | AUTHELIA_IDENTITY_PROVIDERS_OIDC_HMAC_SECRET | hmac_secret | A{64} | app
authentik-secret-key | authentik | authentik | AUTHENTIK_SECRET_KEY | secret_key | B{50} | app
authentik-bootstrap-token | authentik | authentik | AUTHENTIK_BOOTSTRAP_TOKEN | bootstrap_token | A{60} | app
restic-password | restic | restic | RESTIC_PASSWORD | password | W{24} | app
borg-passphrase | borg | borgbackup | BORG_PASSPHRASE | passphrase | W{28} | app
b2-application-key | backblaze | restic | B2_ACCOUNT_KEY | key | 'K005' b{27} | vendor
syncthing-api-key | syncthing | syncthing | STGUIAPIKEY | apikey | A{32} | app
mosquitto-password | mosquitto | mosquitto | MQTT_PASSWORD | password | W{20} | app
pihole-webpassword | pihole | pihole | WEBPASSWORD | webpassword | W{16} | app
pihole-setupvars-hash | pihole | pihole | PIHOLE_PWHASH | WEBPASSWORD | H{64} | app
smtp-relay-password | smtp | postfix | SMTP_PASSWORD | smtp_password | W{20} | app
duckdns-token | duckdns | ddclient | DUCKDNS_TOKEN | token | uuid | app
cloudflare-dns-token | cloudflare | acme | CF_DNS_API_TOKEN | api_token | B{40} | vendor
desec-token | desec | acme | DESEC_TOKEN | token | A{28} | vendor
porkbun-secret | porkbun | acme | PORKBUN_SECRET_API_KEY | secretapikey | 'sk1_' H{64} | vendor
digitalocean-token | digitalocean | acme | DO_AUTH_TOKEN | token | 'dop_v1_' H{64} | vendor
hetzner-dns-token | hetzner | acme | HETZNER_API_KEY | api_key | A{32} | vendor
hetzner-cloud-token | hetzner | acme | HCLOUD_TOKEN | token | A{64} | vendor
linode-token | linode | acme | LINODE_TOKEN | token | H{64} | vendor
ovh-app-secret | ovh | acme | OVH_APPLICATION_SECRET | application_secret | a{32} | vendor
namecheap-ddns | namecheap | ddclient | NAMECHEAP_DDNS_PASSWORD | password | H{32} | vendor
unifi-api-key | unifi | unpoller | UNIFI_API_KEY | api_key | B{32} | app
unifi-password | unifi | unpoller | UP_UNIFI_DEFAULT_PASS | pass | W{16} | app
truenas-api-key | truenas | truenas | TRUENAS_API_KEY | api_key | D{1} '-' A{64} | app
esphome-api-key | esphome | esphome | ESPHOME_API_KEY | key | b{43} '=' | app
esphome-wifi-password | esphome | esphome | WIFI_PASSWORD | password | W{16} | app
esphome-ota-password | esphome | esphome | OTA_PASSWORD | ota_password | H{32} | app
wifi-psk-raw | wpa | wpa_supplicant | WIFI_PSK | pskRaw | H{64} | nixos
wifi-psk | wpa | wpa_supplicant | WIFI_PSK_PLAIN | psk | W{14} | nixos
hass-api-password | homeassistant | home-assistant | HASS_PASSWORD | api_password | W{16} | app
mqtt-z2m-password | zigbee2mqtt | zigbee2mqtt | ZIGBEE2MQTT_CONFIG_MQTT_PASSWORD | password | W{18} | app
zwave-s2-key | zwave | zwave-js-ui | ZWAVE_S2_ACCESS_CONTROL_KEY | S2_AccessControl | K{32} | app
octoprint-api-key | octoprint | octoprint | OCTOPRINT_API_KEY | api_key | K{32} | app
moonraker-api-key | moonraker | moonraker | MOONRAKER_API_KEY | api_key | H{32} | app
nodered-credential-secret | nodered | node-red | NODE_RED_CREDENTIAL_SECRET | credentialSecret | A{32} | app
frigate-rtsp-password | frigate | frigate | FRIGATE_RTSP_PASSWORD | password | W{14} | app
vault-token | vault | vault | VAULT_TOKEN | token | 'hvs.' A{24} | vendor
vault-unseal-key | vault | vault | VAULT_UNSEAL_KEY | unseal_key | b{43} '=' | app
consul-gossip-key | consul | consul | CONSUL_GOSSIP_KEY | encrypt | b{43} '=' | app
nomad-acl-token | nomad | nomad | NOMAD_TOKEN | token | uuid | app
woodpecker-agent-secret | woodpecker | woodpecker | WOODPECKER_AGENT_SECRET | agent_secret | H{64} | app
drone-rpc-secret | drone | drone | DRONE_RPC_SECRET | rpc_secret | H{32} | app
garage-rpc-secret | garage | garage | GARAGE_RPC_SECRET | rpc_secret | H{64} | app
garage-admin-token | garage | garage | GARAGE_ADMIN_TOKEN | admin_token | b{43} '=' | app
minio-root-password | minio | minio | MINIO_ROOT_PASSWORD | root_password | A{40} | app
influxdb-token | influxdb | influxdb2 | INFLUX_TOKEN | token | B{86} '==' | app
ntfy-token | ntfy | ntfy-sh | NTFY_TOKEN | token | 'tk_' a{29} | vendor
gotify-app-token | gotify | gotify | GOTIFY_TOKEN | token | 'A' B{14} | app
pushover-token | pushover | pushover | PUSHOVER_APP_TOKEN | token | 'a' a{29} | vendor
synapse-registration-secret | matrix | matrix-synapse | SYNAPSE_REGISTRATION_SHARED_SECRET | registration_shared_secret | B{48} | app
synapse-macaroon-secret | matrix | matrix-synapse | SYNAPSE_MACAROON_SECRET_KEY | macaroon_secret_key | B{48} | app
mautrix-as-token | mautrix | mautrix-telegram | MAUTRIX_AS_TOKEN | as_token | A{64} | app
coturn-auth-secret | coturn | coturn | TURN_STATIC_AUTH_SECRET | static-auth-secret | H{64} | app
mastodon-secret-key-base | mastodon | mastodon | SECRET_KEY_BASE | secret_key_base | H{128} | app
mastodon-otp-secret | mastodon | mastodon | OTP_SECRET | otp_secret | H{128} | app
searx-secret | searxng | searx | SEARXNG_SECRET | secret_key | H{64} | app
hedgedoc-session-secret | hedgedoc | hedgedoc | CMD_SESSION_SECRET | sessionSecret | H{64} | app
plausible-secret-key-base | plausible | plausible | PLAUSIBLE_SECRET_KEY_BASE | secret_key_base | b{86} '==' | app
lldap-jwt-secret | lldap | lldap | LLDAP_JWT_SECRET | jwt_secret | A{32} | app
lldap-admin-password | lldap | lldap | LLDAP_LDAP_USER_PASS | ldap_user_pass | W{20} | app
keycloak-admin-password | keycloak | keycloak | KEYCLOAK_ADMIN_PASSWORD | admin_password | W{20} | app
firefly-app-key | firefly | firefly-iii | APP_KEY | app_key | 'base64:' b{43} '=' | app
linkding-token | linkding | linkding | LINKDING_TOKEN | token | H{40} | app
miniflux-api-token | miniflux | miniflux | MINIFLUX_API_KEY | api_key | B{44} | app
audiobookshelf-token | audiobookshelf | audiobookshelf | ABS_TOKEN | token | jwt: | app
k3s-token | k3s | k3s | K3S_TOKEN | token | 'K10' H{64} '::server:' H{32} | app
crowdsec-bouncer-key | crowdsec | crowdsec | CROWDSEC_BOUNCER_API_KEY | api_key | b{32} | app
rcon-password | minecraft | minecraft-server | RCON_PASSWORD | rcon.password | W{16} | app
steam-api-key | steam | steam | STEAM_API_KEY | api_key | K{32} | vendor
telegram-bot-token | telegram | home-assistant | TELEGRAM_BOT_TOKEN | bot_token | D{10} ':AA' B{33} | vendor
postgres-password | postgres | postgresql | POSTGRES_PASSWORD | password | W{22} | app
redis-requirepass | redis | redis | REDIS_PASSWORD | requirepass | A{32} | app
meilisearch-master-key | meilisearch | meilisearch | MEILI_MASTER_KEY | master_key | B{32} | app
openwebui-secret | openwebui | open-webui | WEBUI_SECRET_KEY | webui_secret_key | B{32} | app
openwebui-api-key | openwebui | open-webui | OPEN_WEBUI_API_KEY | api_key | 'sk-' H{32} | app
litellm-master-key | litellm | litellm | LITELLM_MASTER_KEY | master_key | 'sk-' A{32} | app
litellm-salt-key | litellm | litellm | LITELLM_SALT_KEY | salt_key | 'sk-' A{24} | app
litellm-virtual-key | litellm | litellm | LITELLM_API_KEY | api_key | 'sk-' B{22} | app
localai-api-key | localai | local-ai | LOCALAI_API_KEY | api_key | A{40} | app
qdrant-api-key | qdrant | qdrant | QDRANT__SERVICE__API_KEY | api_key | B{40} | app
qdrant-read-only-key | qdrant | qdrant | QDRANT__SERVICE__READ_ONLY_API_KEY | read_only_api_key | H{48} | app
coordinator-token | coordinator | ai-coordinator | COORDINATOR_TOKEN | coordinator_token | H{64} | app
openrouter-key | openrouter | litellm | OPENROUTER_API_KEY | api_key | 'sk-or-v1-' H{64} | vendor
together-key | together | litellm | TOGETHER_API_KEY | api_key | 'tgp_v1_' B{43} | vendor
groq-key | groq | litellm | GROQ_API_KEY | api_key | 'gsk_' A{52} | vendor
anthropic-key | anthropic | litellm | ANTHROPIC_API_KEY | api_key | 'sk-ant-api03-' B{93} 'AA' | vendor
huggingface-token | huggingface | text-generation-inference | HF_TOKEN | token | 'hf_' A{34} | vendor
mistral-key | mistral | litellm | MISTRAL_API_KEY | api_key | A{32} | vendor
cerebras-key | cerebras | litellm | CEREBRAS_API_KEY | api_key | 'csk-' a{48} | vendor
elevenlabs-key | elevenlabs | open-webui | ELEVENLABS_API_KEY | api_key | 'sk_' H{48} | vendor
langfuse-secret-key | langfuse | langfuse | LANGFUSE_SECRET_KEY | secret_key | 'sk-lf-' uuid | vendor
n8n-encryption-key | n8n | n8n | N8N_ENCRYPTION_KEY | encryptionKey | A{32} | app
n8n-api-key | n8n | n8n | N8N_API_KEY | api_key | jwt: | app
weaviate-api-key | weaviate | weaviate | AUTHENTICATION_APIKEY_ALLOWED_KEYS | allowed_keys | A{32} | app
"""

GENERATED = [
    (
        "cachix-auth-token",
        "cachix",
        "cachix",
        "CACHIX_AUTH_TOKEN",
        "authToken",
        gens.cachix_token,
        "app",
        "token",
    ),
    (
        "nix-signing-key",
        "nix",
        "nix-serve",
        "NIX_SECRET_KEY",
        "secret-key-files",
        gens.nix_signing_key,
        "nixos",
        "token",
    ),
    ("nix-netrc", "nix", "nix", "NIX_NETRC", "netrc-file", gens.netrc, "nixos", "multi"),
    (
        "age-secret-key",
        "age",
        "sops-nix",
        "SOPS_AGE_KEY",
        "age.keyFile",
        gens.age_key,
        "keys",
        "token",
    ),
    (
        "hashed-password-sha512",
        "nixos",
        "users",
        "ROOT_HASH",
        "hashedPassword",
        gens.sha512crypt,
        "nixos",
        "token",
    ),
    (
        "hashed-password-yescrypt",
        "nixos",
        "users",
        "USER_HASH",
        "hashedPassword",
        gens.yescrypt,
        "nixos",
        "token",
    ),
    (
        "wireguard-private-key",
        "wireguard",
        "wireguard",
        "WG_PRIVATE_KEY",
        "privateKey",
        gens.wg_private,
        "keys",
        "token",
    ),
    (
        "wireguard-preshared-key",
        "wireguard",
        "wireguard",
        "WG_PRESHARED_KEY",
        "presharedKey",
        gens.wg_psk,
        "keys",
        "token",
    ),
    (
        "wireguard-conf",
        "wireguard",
        "wireguard",
        "WG_CONF",
        "wg0.conf",
        gens.wg_conf,
        "keys",
        "multi",
    ),
    (
        "openvpn-static-key",
        "openvpn",
        "openvpn",
        "OPENVPN_TA_KEY",
        "tls-crypt",
        gens.openvpn_static,
        "app",
        "multi",
    ),
    (
        "openssh-host-key",
        "openssh",
        "openssh",
        "SSH_HOST_KEY",
        "hostKeys",
        gens.openssh_key,
        "keys",
        "multi",
    ),
    (
        "cloudflared-credentials",
        "cloudflared",
        "cloudflared",
        "TUNNEL_CRED",
        "credentialsFile",
        gens.cloudflared_creds,
        "app",
        "line",
    ),
    (
        "cloudflared-tunnel-token",
        "cloudflared",
        "cloudflared",
        "TUNNEL_TOKEN",
        "token",
        gens.cloudflared_token,
        "app",
        "token",
    ),
    (
        "acme-eab-hmac",
        "acme",
        "traefik",
        "ACME_EAB_HMAC",
        "hmacEncoded",
        gens.eab_hmac,
        "app",
        "token",
    ),
    (
        "vaultwarden-admin-argon2",
        "vaultwarden",
        "vaultwarden",
        "ADMIN_TOKEN",
        "admin_token",
        gens.argon2_phc,
        "app",
        "token",
    ),
    (
        "gitea-internal-token",
        "gitea",
        "gitea",
        "GITEA__security__INTERNAL_TOKEN",
        "INTERNAL_TOKEN",
        gens.gitea_internal,
        "app",
        "token",
    ),
    (
        "hass-long-lived-token",
        "homeassistant",
        "home-assistant",
        "HASS_TOKEN",
        "token",
        gens.hass_token,
        "app",
        "token",
    ),
    (
        "zigbee-network-key",
        "zigbee2mqtt",
        "zigbee2mqtt",
        "Z2M_NETWORK_KEY",
        "network_key",
        gens.zigbee_key,
        "app",
        "line",
    ),
    (
        "mosquitto-passwd-line",
        "mosquitto",
        "mosquitto",
        "MOSQUITTO_PASSWD",
        "password_file",
        gens.mosquitto_line,
        "app",
        "token",
    ),
    (
        "restic-rest-url",
        "restic",
        "restic",
        "RESTIC_REPOSITORY",
        "repository",
        gens.restic_rest,
        "app",
        "token",
    ),
    ("borg-repo-url", "borg", "borgbackup", "BORG_REPO", "repo", gens.borg_sftp, "app", "token"),
    (
        "rclone-obscured",
        "rclone",
        "rclone",
        "RCLONE_CONFIG_NAS_PASS",
        "pass",
        gens.rclone_obscured,
        "app",
        "token",
    ),
    (
        "rclone-drive-token",
        "rclone",
        "rclone",
        "RCLONE_CONFIG_GDRIVE_TOKEN",
        "token",
        gens.rclone_drive,
        "app",
        "line",
    ),
    (
        "proxmox-api-token",
        "proxmox",
        "proxmox",
        "PROXMOX_TOKEN",
        "api_token",
        gens.pve_token,
        "app",
        "token",
    ),
    (
        "pbs-api-token",
        "proxmox",
        "proxmox-backup",
        "PBS_PASSWORD",
        "token",
        gens.pbs_token,
        "app",
        "token",
    ),
    (
        "docker-config-auth",
        "docker",
        "docker",
        "DOCKER_AUTH_CONFIG",
        "auths",
        gens.docker_auth,
        "app",
        "line",
    ),
    ("netrc-file", "netrc", "curl", "NETRC", ".netrc", gens.netrc_home, "app", "multi"),
    ("pgpass-line", "pgpass", "postgresql", "PGPASSFILE", ".pgpass", gens.pgpass, "app", "token"),
    ("my-cnf", "mysql", "mysql", "MYSQL_CNF", ".my.cnf", gens.mycnf, "app", "multi"),
    (
        "postgres-url",
        "postgres",
        "immich",
        "DATABASE_URL",
        "database_url",
        gens.postgres_url,
        "app",
        "token",
    ),
    ("mqtt-url", "mqtt", "home-assistant", "MQTT_URL", "broker_url", gens.mqtt_url, "app", "token"),
    ("rtsp-url", "rtsp", "frigate", "CAMERA_URL", "path", gens.rtsp_url, "app", "token"),
    ("htpasswd-apr1", "htpasswd", "nginx", "HTPASSWD", "basicAuthFile", gens.apr1, "app", "token"),
    (
        "caddy-bcrypt",
        "caddy",
        "caddy",
        "CADDY_BASICAUTH_HASH",
        "basicauth",
        gens.bcrypt,
        "app",
        "token",
    ),
    (
        "jupyter-argon2",
        "jupyter",
        "jupyter",
        "JUPYTER_PASSWORD",
        "password",
        gens.jupyter_hash,
        "app",
        "token",
    ),
    (
        "postfix-sasl-passwd",
        "postfix",
        "postfix",
        "SASL_PASSWD",
        "sasl_passwd",
        gens.sasl_passwd,
        "app",
        "line",
    ),
    ("tsig-key", "bind", "bind", "TSIG_SECRET", "secret", gens.tsig, "app", "line"),
    (
        "pg-initial-script",
        "postgres",
        "postgresql",
        "PG_INIT",
        "initialScript",
        gens.pg_role,
        "nixos",
        "line",
    ),
    (
        "matrix-access-token",
        "matrix",
        "matrix-synapse",
        "MATRIX_ACCESS_TOKEN",
        "access_token",
        gens.matrix_token,
        "vendor",
        "token",
    ),
    (
        "discord-webhook",
        "discord",
        "uptime-kuma",
        "DISCORD_WEBHOOK_URL",
        "webhook_url",
        gens.discord_webhook,
        "vendor",
        "token",
    ),
    (
        "ha-secrets-yaml",
        "homeassistant",
        "home-assistant",
        "HASS_SECRETS",
        "secrets.yaml",
        gens.hass_secrets,
        "app",
        "multi",
    ),
    (
        "gcp-service-account",
        "google",
        "litellm",
        "GOOGLE_APPLICATION_CREDENTIALS_JSON",
        "vertex_credentials",
        gens.gcp_sa,
        "vendor",
        "line",
    ),
]


# Where NixOS puts a family that is not a ``services.<svc>.settings`` key, and the form its value
# takes there (``nix.settings.access-tokens`` is ``host=token``; GitLab's is ``PAT:token``).
OPTION = {
    "nix-access-token-github": ("nix.settings.access-tokens", "github.com={}"),
    "nix-access-token-fine": ("nix.settings.access-tokens", "github.com={}"),
    "nix-access-token-gitlab": ("nix.settings.access-tokens", "gitlab.com=PAT:{}"),
    "users-password": ("users.users.alice.password", "{}"),
    "users-initial-password": ("users.users.root.initialPassword", "{}"),
    "hashed-password-sha512": ("users.users.root.hashedPassword", "{}"),
    "hashed-password-yescrypt": ("users.users.alice.initialHashedPassword", "{}"),
    "wifi-psk": ('networking.wireless.networks."Homelab-IoT".psk', "{}"),
    "wifi-psk-raw": ('networking.wireless.networks."Homelab-5G".pskRaw', "{}"),
    "wireguard-private-key": ("networking.wireguard.interfaces.wg0.privateKey", "{}"),
    "cachix-signing-key": ("services.cachix-agent.credentialsFile.text", "{}"),
    "pg-initial-script": ("services.postgresql.initialScript.text", "{}"),
}


def draw(parts: list[tuple[str, object]], rng: random.Random) -> str:
    """One value of a shape."""
    out = []
    for kind, arg in parts:
        if kind == "lit":
            out.append(str(arg))
        elif kind == "uuid":
            out.append(str(uuid.UUID(int=rng.getrandbits(128), version=4)))
        elif kind == "gh":
            out.append(gens.keys.github_token(str(arg), rng))
        elif kind == "gl":
            out.append(gens.grafana_sa(rng))
        elif kind == "jwt":
            out.append(gens.jwt(rng))
        else:
            out.append("".join(rng.choice(ALPHABETS[kind]) for _ in range(int(arg))))  # type: ignore[arg-type]
    return "".join(out)


def parse() -> list[dict[str, object]]:
    """Every family as a dict: name, word, svc, env, key, parts (or gen), source, kind."""
    rows: list[dict[str, object]] = []
    for line in TABLE.strip().splitlines():
        name, word, svc, env, key, shape, source = (c.strip() for c in line.split(" | "))
        parts: list[tuple[str, object]] = []
        for item in shape.split(" "):
            if item.startswith("'"):
                parts.append(("lit", item.strip("'")))
            elif item == "uuid":
                parts.append(("uuid", None))
            elif ":" in item:
                parts.append((item.split(":")[0], item.split(":")[1]))
            else:
                parts.append((item[0], int(item[2:-1])))
        rows.append(
            {
                "name": name,
                "word": word,
                "svc": svc,
                "env": env,
                "key": key,
                "parts": parts,
                "source": source,
                "kind": "token",
            }
        )
    for row in rows:
        if row["name"] in OPTION:
            row["opt"], row["wrap"] = OPTION[str(row["name"])]
    for name, word, svc, env, key, gen, source, kind in GENERATED:
        rows.append(
            {
                "name": name,
                "word": word,
                "svc": svc,
                "env": env,
                "key": key,
                "gen": gen,
                "parts": [],
                "source": source,
                "kind": kind,
            }
        )
        if name in OPTION:
            rows[-1]["opt"], rows[-1]["wrap"] = OPTION[name]
    return rows


def value(family: dict, rng: random.Random) -> tuple[str, str, list[str]]:
    """One value of the family, the secret in it and other parts that must not appear."""
    if "gen" in family:
        out = family["gen"](rng)
        return out if len(out) == 3 else (*out, [])
    token = draw(family["parts"], rng)  # type: ignore[arg-type]
    return str(family.get("wrap", "{}")).format(token), token, []
