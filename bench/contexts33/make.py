"""Build contexts33: scanner fixtures and fresh draws where values travel between people and tools (blind).

``python bench/contexts33/make.py`` writes secrets.jsonl and benign.jsonl (seed 33033). Values: each
true-positive value of bench/fixtures24/samples.json that fixtures24's make.py does not label, and one
value drawn anew (draws29's sampler, seed 33033) for every gitleaks rule and trufflehog detector it
translates (needs the fetch tool's mirrors). Each value goes into two of CONTEXTS: e-mail (forwarded,
quoted replies), chat exports (Slack/Discord/Matrix JSON, IRC, Teams), code review and trackers
(Gerrit, GitHub review, Jira markup), notebook outputs, password-manager CLIs, config management
(Ansible, Salt, Puppet, Chef, Argo CD/Flux), package-manager credentials, SQL statements, GraphQL,
gRPC CLIs, API collections (Bruno, httpyac, Insomnia), spreadsheet exports, patches, crash notes,
Android/iOS, systemd, cron, Windows credentials, browser "copy as", wiki markup, tracker mail.
Benign rows: each unlabelled false-positive fixture in one or two LINE_CONTEXTS, and 425 look-alikes
of our own (labelled `pii` when they hold an e-mail-like address or an IP).
Row format as contexts32.
"""

# ruff: noqa: S608  (SQL statements are the corpus's contexts)
from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import sys
import uuid
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fixtures24"))
sys.path.insert(0, str(HERE.parent / "draws29"))
import make as f24  # noqa: E402  (labels, vendor words, want splitting)

SEED = 33033
RNG = random.Random(SEED)

KEY_WORDS = [
    ["api", "key"],
    ["token"],
    ["secret"],
    ["api", "token"],
    ["access", "token"],
    ["secret", "key"],
    ["auth", "token"],
    ["password"],
    ["client", "secret"],
]

# An SSH key fingerprint: fedlearn replaces it by design (docs/anonymization.md's table).
SSH_FINGERPRINT = re.compile(r"SHA256:[A-Za-z0-9+/]{43}")
URL_SAFE = re.compile(r"[A-Za-z0-9._~-]+")
BARE = re.compile(r"[^\s'\"#;$`\\,&|<>(){}\[\]*?!%]+")


class Name:
    """A variable name as words, written in each context's convention."""

    def __init__(self, words: list[str], split: int = 0) -> None:
        self.words = words
        self.split = split

    env = property(lambda s: "_".join(s.words).upper())
    snake = property(lambda s: "_".join(s.words))
    camel = property(lambda s: s.words[0] + "".join(w.title() for w in s.words[1:]))
    pascal = property(lambda s: "".join(w.title() for w in s.words))
    kebab = property(lambda s: "-".join(s.words))
    dotted = property(lambda s: ".".join(s.words))
    tail = property(lambda s: Name(s.words[s.split :]) if s.split else s)
    vendor = property(lambda s: "-".join(s.words[: s.split]) or "app")


def vendor_words(rule: str) -> list[str]:
    v = f24.vendor(rule).split("_")
    return ["svc", *v] if v[0][:1].isdigit() else v


def secret_name(rule: str) -> Name:
    v = vendor_words(rule)
    return Name(v + RNG.choice(KEY_WORDS), len(v))


def extra_name(rule: str, value: str, is_secret: bool, label: str = "") -> Name:
    v = vendor_words(rule)
    if label:
        kind = [w for w in re.split(r"[_\W]+", label.lower()) if w][-1:] or ["id"]
    elif is_secret:
        kind = ["secret"]
    elif "@" in value:
        kind = ["user"]
    elif value.startswith("http"):
        kind = ["url"]
    elif "." in value and " " not in value:
        kind = ["host"]
    else:
        kind = ["id"]
    return Name(v + kind, len(v))


def svc(r: str) -> str:
    return f24.vendor(r).replace("_", "-")


def host(r: str) -> str:
    return f24.vendor(r).replace("_", "") + ".example.com"


def dq(v: str) -> str:
    """A double-quoted string literal (JSON escapes: Python, JS, Go, Java, C#, Rust, PHP, HCL)."""
    return json.dumps(v)


def sq(v: str) -> str:
    """A single-quoted literal (Python, JS, PHP, Ruby)."""
    return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'"


def yq(v: str) -> str:
    """A YAML scalar: plain when safe, else double-quoted."""
    return v if re.fullmatch(r"[A-Za-z0-9_./+=~-][^\s:#'\"{}\[\],&*!|>%@`]*", v) else dq(v)


def x(v: str) -> str:
    return xml_escape(v, {'"': "&quot;"})


def others(pairs):
    return pairs[:-1]


def user_of(pairs) -> str:
    return next((w for m, w in pairs[:-1] if m.words[-1] in ("user", "id")), "svc-deploy")


def pick(*forms):
    return RNG.choice(forms)


def ident(n: Name) -> str:
    return n.vendor.replace("-", "_")


def cls(n: Name) -> str:
    return n.vendor.title().replace("-", "")


def pyr(v: str) -> str:
    """Python's repr of a str (escapes newlines; picks its quote as Python does)."""
    return repr(v)


def jsq(v: str) -> str:
    """Node util.inspect's single-quoted string."""
    return "'" + v.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"


def shq(v: str) -> str:
    """How bash's xtrace and `set` print a word: bare when safe, else single-quoted."""
    if BARE.fullmatch(v):
        return v
    return "'" + v.replace("'", "'\\''") + "'"


def psq(v: str) -> str:
    """A PowerShell single-quoted string."""
    return "'" + v.replace("'", "''") + "'"


def nq(v: str) -> str:
    """A Nix double-quoted string."""
    return json.dumps(v).replace("${", "\\${")


def ok_bare(v: str) -> bool:
    return BARE.fullmatch(v) is not None


def choose(v: str, esc=(), line=(), bare=()):
    """One form: `esc` take any value (they escape newlines), `line` one-line values, `bare` bare words."""
    forms = list(esc)
    if "\n" not in v:
        forms += list(line)
    if ok_bare(v):
        forms += list(bare)
    return RNG.choice(forms)


def hexid(n: int) -> str:
    return "".join(RNG.choice("0123456789abcdef") for _ in range(n))


# ---------------------------------------------------------------- secret contexts
# Each takes (rule, pairs) with pairs [(Name, value), ...], the secret last; returns the text.
# Where values travel between people and tools: mail, chat, review, notebooks, vault CLIs, config
# management, package-manager credentials, SQL, API collections, patches, crash notes, mobile, systemd.


def sqlq(v: str) -> str:
    """An SQL string literal ('' doubles a quote)."""
    return "'" + v.replace("'", "''") + "'"


def csvq(v: str) -> str:
    """A CSV field as spreadsheets export it (quoted when it must be)."""
    return '"' + v.replace('"', '""') + '"' if re.search(r'[",\n]', v) else v


def mid() -> str:
    return f"{hexid(8)}.{hexid(6)}"


def c_mail_forward(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"---------- Forwarded message ---------\nFrom: {svc(r).title()} Support <support@{host(r)}>\nDate: Mon, Dec 7, 2026 at 9:14 AM\nSubject: Your new API credentials\nTo: <ops@example.org>\n\n\nHi,\n\nyour {n.tail.snake.replace('_', ' ')} for the production workspace is:\n\n    {v}\n\nKeep it somewhere safe.",
            f"From: Jonas Weber\nSent: Monday, December 7, 2026 09:41\nTo: Platform Team\nSubject: RE: {svc(r)} access for the migration\n\nHere you go, {n.tail.snake.replace('_', ' ')}: {v}\nIt expires with the sprint.\n\nJonas",
            f"Return-Path: <noreply@{host(r)}>\nMessage-ID: <{mid()}@mail.{host(r)}>\nSubject: [{svc(r)}] token created\nContent-Type: text/plain; charset=utf-8\n\nA new token was created for service account {user_of(pairs)}.\n\nToken: {v}\n\nThis is the only time it is shown.",
        ),
    )


def c_mail_quoted(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"Thanks, that worked!\n\nOn Mon, Dec 7, 2026 at 10:02 AM Mira Tan wrote:\n> try with\n> {n.env}={v}\n> in your .env and restart the worker\n>\n> Mira",
            f"> > what goes in the {svc(r)} section?\n> just\n>   {n.tail.snake}: {v}\n> and the region.\n\nok, done",
            f"Mira Tan schrieb am 07.12.2026 um 10:02:\n> Der {n.tail.pascal} lautet {v}\n> Bitte nicht weitergeben.\n\nDanke!",
        ),
    )


def c_chat_export(r, pairs):
    n, v = pairs[-1]
    ts = f"17333{RNG.randint(10000, 99999)}.{RNG.randint(100000, 999999)}"
    return choose(
        v,
        esc=(
            json.dumps(
                [
                    {
                        "type": "message",
                        "user": "U04M2K7PQ",
                        "text": f"new {svc(r)} key: `{v}`",
                        "ts": ts,
                    },
                    {
                        "type": "message",
                        "user": "U02H9XZ1B",
                        "text": "thx :+1:",
                        "ts": ts[:-1] + "9",
                    },
                ],
                indent=4,
            ),
            json.dumps(
                {
                    "id": str(RNG.randint(10**17, 10**18)),
                    "type": "Default",
                    "timestamp": "2026-12-07T10:02:11.512+00:00",
                    "content": f"{n.env}={v}",
                    "author": {"name": "mira", "discriminator": "0000"},
                },
                indent=2,
            ),
            json.dumps(
                {
                    "type": "m.room.message",
                    "sender": "@mira:matrix.example.org",
                    "content": {
                        "msgtype": "m.text",
                        "body": f"here's the {n.tail.snake.replace('_', ' ')}: {v}",
                    },
                    "origin_server_ts": 1733565731512,
                }
            ),
        ),
    )


def c_irc_log(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"[10:02:11] <mira> jonas: the {svc(r)} {n.tail.snake.replace('_', ' ')} is {v}\n[10:02:30] <jonas> got it, thanks",
            f"2026-12-07 10:02:11\tmira\texport {n.env}={shq(v)}\n2026-12-07 10:02:40\tjonas\tworks",
            f"10:02 < mira> {n.tail.snake}: {v}\n10:03 < jonas> ty",
        ),
    )


def c_teams_html(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"<div><p>Hi all, {svc(r)} credentials for staging:</p><p>{x(n.tail.pascal)}: <code>{x(v)}</code></p></div>",
            f"[12/7/2026 10:02 AM] Mira Tan\n{n.env} = {v}\n[12/7/2026 10:03 AM] Jonas Weber\nthanks!",
            f'{{"body":{{"contentType":"html","content":{json.dumps("<p>use <code>" + x(v) + "</code> as the " + n.tail.snake.replace("_", " ") + "</p>")}}},"from":{{"user":{{"displayName":"Mira Tan"}}}}}}',
        ),
    )


def c_review(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"Patch Set 3: Code-Review-1\n\n(1 comment)\n\nFile config/{svc(r)}.ini:\n\nLine 12:\n> {n.tail.snake} = {v}\n\nPlease don't commit the key, read it from the environment.",
            f'**@mira** commented on `deploy/values.yaml` line 14:\n\n```diff\n@@ -12,3 +12,3 @@ {ident(n)}:\n-  {n.tail.camel}: ""\n+  {n.tail.camel}: {yq(v)}\n```\n\nThis should come from the sealed secret.',
            f"Inline comments:\n\nsrc/{ident(n)}/client.go:27\n> {n.pascal}: {dq(v)},\nnit: move to config",
        ),
    )


def c_jira(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"h3. Steps to reproduce\n# Set the key:\n{{code:bash}}\nexport {n.env}={shq(v)}\n./{svc(r)}-cli sync\n{{code}}\n# Observe the 401",
            f"The worker logs show:\n{{noformat}}\nauth failed for {n.tail.snake}={v}\n{{noformat}}",
            f"Temporary {svc(r)} key for QA is {{{{{v}}}}} (rotate after the release).",
        ),
    )


def c_ipynb_output(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            json.dumps(
                {
                    "cell_type": "code",
                    "execution_count": 4,
                    "metadata": {},
                    "outputs": [
                        {
                            "name": "stdout",
                            "output_type": "stream",
                            "text": [f"{n.tail.snake}: {v}\n", "status: ok\n"],
                        }
                    ],
                    "source": [
                        'print(f"' + n.tail.snake + ": {cfg." + n.tail.snake + '}")\n',
                        "print('status: ok')",
                    ],
                },
                indent=1,
            ),
            json.dumps(
                {
                    "cell_type": "code",
                    "execution_count": 7,
                    "metadata": {},
                    "outputs": [
                        {
                            "data": {"text/plain": [repr(v)]},
                            "execution_count": 7,
                            "metadata": {},
                            "output_type": "execute_result",
                        }
                    ],
                    "source": [f"os.environ['{n.env}']"],
                },
                indent=1,
            ),
        ),
        line=(
            json.dumps(
                {
                    "cell_type": "code",
                    "execution_count": 2,
                    "metadata": {},
                    "outputs": [],
                    "source": [f"!export {n.env}={shq(v)} && {svc(r)} login\n"],
                },
                indent=1,
            ),
            f"In [3]: %env {n.env}\nOut[3]: {v!r}",
        ),
    )


def c_pw_manager(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'$ op item get "{svc(r)} prod" --format json --reveal | jq \'.fields[]|select(.purpose=="PASSWORD")\'\n'
            + json.dumps(
                {
                    "id": "password",
                    "type": "CONCEALED",
                    "purpose": "PASSWORD",
                    "label": "password",
                    "value": v,
                },
                indent=2,
            ),
            f"$ bw get item {svc(r)}-prod | jq .login\n"
            + json.dumps(
                {
                    "username": user_of(pairs),
                    "password": v,
                    "totp": None,
                    "passwordRevisionDate": None,
                },
                indent=2,
            ),
        ),
        line=(
            f"$ pass show {svc(r)}/prod\n{v}\nlogin: {user_of(pairs)}\nurl: https://{host(r)}",
            f"$ keepassxc-cli show -s ~/vault.kdbx 'Infra/{svc(r)}'\nEnter password to unlock /home/ops/vault.kdbx:\nTitle: {svc(r)}\nUserName: {user_of(pairs)}\nPassword: {v}\nURL: https://{host(r)}\nNotes: ",
            f"$ lpass show --all 'Shared-Infra/{svc(r)}'\nShared-Infra/{svc(r)} [id: 84729103627]\nUsername: {user_of(pairs)}\nPassword: {v}\nURL: https://{host(r)}",
            f"$ gopass show -o infra/{svc(r)}/{n.tail.kebab}\n{v}",
        ),
        bare=(
            f"$ op read op://Infra/{svc(r)}/{n.tail.kebab}\n{v}",
            f"$ bw get password {svc(r)}-prod\n{v}",
        ),
    )


def c_ansible_vault(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'$ ansible -i inventory web1 -m ansible.builtin.debug -a var=vault_{n.snake}\nweb1 | SUCCESS => {{\n    "vault_{n.snake}": {dq(v)}\n}}',
            "$ ansible-inventory -i inventory --host web1\n"
            + json.dumps({"ansible_host": "web1.internal", f"{n.snake}": v}, indent=4),
        ),
        line=(
            f"$ ansible-vault view group_vars/prod/vault.yml\nVault password: \n---\nvault_{n.snake}: {yq(v)}\nvault_db_user: app",
            f"TASK [{svc(r)} : write config] ****\nok: [web1] => (item={{'key': '{n.tail.snake}', 'value': {v!r}}})",
        ),
    )


def c_salt_puppet(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"# /srv/pillar/{ident(n)}.sls\n{ident(n)}:\n  {n.tail.snake}: {yq(v)}\n  endpoint: https://{host(r)}",
            f"$ sudo salt 'web*' pillar.get {ident(n)}:{n.tail.snake}\nweb1.internal:\n    {v}\nweb2.internal:\n    {v}",
            f"$ puppet lookup profile::{ident(n)}::{n.tail.snake} --environment production\n--- {yq(v)}",
            f"$ eyaml decrypt -f data/common.eyaml\n---\nprofile::{ident(n)}::endpoint: https://{host(r)}\nprofile::{ident(n)}::{n.tail.snake}: DEC::PKCS7[{v}]!",
        ),
    )


def c_chef(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"$ knife data bag show credentials {svc(r)} -F json --secret-file ~/.chef/secret\n"
            + json.dumps({"id": svc(r), n.tail.snake: v, "user": user_of(pairs)}, indent=2),
        ),
        line=(
            f"$ knife vault show credentials {svc(r)}\nid:      {svc(r)}\n{n.tail.snake}: {v}\nuser:    {user_of(pairs)}",
            f"default['{ident(n)}']['{n.tail.snake}'] = {sq(v)}",
        ),
    )


def c_gitops(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"spec:\n  source:\n    repoURL: https://charts.example.org\n    chart: {svc(r)}\n    helm:\n      parameters:\n        - name: {ident(n)}.{n.tail.camel}\n          value: {yq(v)}",
            f"apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: {svc(r)}\nspec:\n  values:\n    {ident(n)}:\n      {n.tail.camel}: {yq(v)}",
            f"$ argocd repo add https://git.example.org/infra.git --username {user_of(pairs)} --password {shq(v)}\nRepository 'https://git.example.org/infra.git' added",
            f"$ flux create source git infra --url=https://git.example.org/infra --username={user_of(pairs)} --password={shq(v)}",
        ),
    )


def c_pkg_creds(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"$ poetry config http-basic.{svc(r)} {user_of(pairs)} {shq(v)}",
            f'# ~/.bundle/config\n---\nBUNDLE_GEMS__{ident(n).upper()}__IO: "{user_of(pairs)}:{v}"\nBUNDLE_JOBS: "4"',
            f'# .yarnrc.yml\nnpmScopes:\n  {svc(r)}:\n    npmRegistryServer: "https://npm.{host(r)}"\n    npmAuthToken: {yq(v)}',
            f"$ pnpm config set //npm.{host(r)}/:_authToken {shq(v)}",
            f'<packageSourceCredentials>\n  <{svc(r)}>\n    <add key="Username" value="{user_of(pairs)}" />\n    <add key="ClearTextPassword" value="{x(v)}" />\n  </{svc(r)}>\n</packageSourceCredentials>',
        ),
        bare=(
            f"UV_INDEX_{ident(n).upper()}_USERNAME={user_of(pairs)}\nUV_INDEX_{ident(n).upper()}_PASSWORD={v}\nuv sync --locked",
            f"# ~/.condarc\nchannels:\n  - https://conda.{host(r)}/t/{v}/private\n  - conda-forge",
        ),
    )


def c_maven_http(r, pairs):
    _, v = pairs[-1]
    return choose(
        v,
        line=(
            f"<server>\n  <id>{svc(r)}-releases</id>\n  <configuration>\n    <httpHeaders>\n      <property>\n        <name>Private-Token</name>\n        <value>{x(v)}</value>\n      </property>\n    </httpHeaders>\n  </configuration>\n</server>",
            f"$ git config --global --get-regexp 'url\\..*'\nurl.https://{user_of(pairs)}:{v}@git.{host(r)}/.insteadof https://git.{host(r)}/",
            f'$ ivy -settings ivysettings.xml\n<credentials host="repo.{host(r)}" realm="Artifactory Realm" username="{user_of(pairs)}" passwd="{x(v)}"/>',
        ),
    )


def c_sql_stmt(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"INSERT INTO integrations (name, provider, config, created_at) VALUES ('{svc(r)}', 'webhook', {sqlq(json.dumps({n.tail.snake: v}))}, now());",
            f"COPY public.api_credentials (id, provider, {n.tail.snake}, created_at) FROM stdin;\n7\t{svc(r)}\t{v}\t2026-12-07 10:00:00+00\n\\.",
            f"CREATE USER MAPPING FOR app_rw SERVER {ident(n)}_fdw OPTIONS (user '{user_of(pairs)}', password {sqlq(v)});",
            f"INSERT INTO `settings` VALUES (1,'{n.snake}',{sqlq(v)},'2026-12-07 10:00:00'),(2,'region','eu-west-1','2026-12-07 10:00:00');",
            f'ALTER USER {ident(n)}_svc IDENTIFIED BY "{v}" ACCOUNT UNLOCK;',
            f"CREATE SUBSCRIPTION {ident(n)}_sub CONNECTION 'host=db1 dbname=app user=repl password={v}' PUBLICATION app_pub;",
        ),
    )


def c_graphql(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'mutation {{\n  createIntegration(input: {{provider: "{svc(r)}", {n.tail.camel}: {dq(v)}}}) {{\n    id\n    status\n  }}\n}}',
            "# HTTP HEADERS\n" + json.dumps({"Authorization": f"Bearer {v}"}, indent=2),
        ),
        line=(
            f"$ gql-cli https://api.{host(r)}/graphql -H 'Authorization: Bearer {v}' --print-schema",
        ),
    )


def c_grpc(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"$ grpc_cli call api.{host(r)}:443 {cls(n)}.Service.List '' --metadata 'x-api-key:{v}' --channel_creds_type=ssl",
            f'$ ghz --insecure --call {ident(n)}.v1.Api/Ping -m \'{{"authorization":"Bearer {v}"}}\' localhost:50051',
            f"$ buf curl --header 'Authorization: Bearer {v}' https://api.{host(r)}/{ident(n)}.v1.Api/Ping",
            f'{ident(n)}.v1.Api@localhost:50051> header authorization="Bearer {v}"',
        ),
    )


def c_api_collection(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"meta {{\n  name: list items\n  type: http\n  seq: 1\n}}\n\nget {{\n  url: https://api.{host(r)}/v1/items\n  auth: bearer\n}}\n\nauth:bearer {{\n  token: {v}\n}}",
            f"vars {{\n  baseUrl: https://api.{host(r)}\n  {n.tail.camel}: {v}\n}}",
            f"@baseUrl = https://api.{host(r)}\n@{n.tail.camel} = {v}\n\n### list\nGET {{{{baseUrl}}}}/v1/items\nAuthorization: Bearer {{{{{n.tail.camel}}}}}",
            f"_type: request\nname: List items\nurl: https://api.{host(r)}/v1/items\nauthentication:\n  type: bearer\n  token: {yq(v)}",
        ),
    )


def c_spreadsheet(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\nInfra,,login,{svc(r)},,,0,https://{host(r)},{user_of(pairs)},{csvq(v)},",
            f"Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes\n{svc(r)} prod,https://{host(r)},{user_of(pairs)},{csvq(v)},,false,false,infra,",
            f"$ csvlook keys.csv\n| service   | owner | {n.tail.snake:<10} | rotated    |\n| --------- | ----- | ---------- | ---------- |\n| {svc(r)} | mira  | {v} | 2026-12-01 |",
            f"Service\tEnvironment\t{n.tail.pascal}\tOwner\n{svc(r)}\tprod\t{v}\tmira",
        ),
    )


def c_patch(r, pairs):
    n, v = pairs[-1]
    sha = hexid(40)
    return choose(
        v,
        line=(
            f"commit {sha}\nAuthor: Mira Tan <mira@example.org>\nDate:   Mon Dec 7 10:02:11 2026 +0100\n\n    Move {svc(r)} key to the environment\n\ndiff --git a/.env b/.env\nindex 3f2a1bc..9e8d7f6 100644\n--- a/.env\n+++ b/.env\n@@ -1,3 +1,3 @@\n LOG_LEVEL=info\n-{n.env}={v}\n+{n.env}=\n REGION=eu",
            f"From {sha} Mon Sep 17 00:00:00 2001\nFrom: Mira Tan <mira@example.org>\nSubject: [PATCH 2/3] {svc(r)}: add client\n\n---\n src/{ident(n)}.py | 2 ++\n\n--- a/src/{ident(n)}.py\n+++ b/src/{ident(n)}.py\n@@ -8,0 +9,2 @@\n+{n.snake.upper()} = {pyr(v)}\n+client = Client({n.tail.snake}={n.snake.upper()})",
            f"Index: conf/{svc(r)}.properties\n===================================================================\n--- conf/{svc(r)}.properties\t(revision 1182)\n+++ conf/{svc(r)}.properties\t(working copy)\n@@ -3 +3 @@\n-{n.dotted}=\n+{n.dotted}={v}",
        ),
    )


def c_crash(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'(gdb) p *cfg\n$1 = {{endpoint = 0x5581c2a0 "https://{host(r)}", {n.snake} = 0x5581c2f0 {dq(v)}, timeout = 30}}',
            f"(lldb) frame variable\n(Config *) self = 0x0000600003d04000\n(std::string) {n.tail.snake} = {dq(v)}\n(int) retries = 3",
        ),
        line=(
            f"# A fatal error has been detected by the Java Runtime Environment:\n#  SIGSEGV (0xb) at pc=0x00007f3c2a1b9d90, pid=4127, tid=4128\n\nCommand Line: -Xmx2g -D{n.dotted}={v} -jar /opt/{svc(r)}/app.jar",
            f"Crashed Thread:  0\n\nApplication Specific Information:\n{svc(r)}: init failed (endpoint=https://{host(r)} {n.tail.snake}={v})\nabort() called",
        ),
    )


def c_android(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'public final class BuildConfig {{\n  public static final boolean DEBUG = false;\n  public static final String APPLICATION_ID = "com.example.app";\n  public static final String {n.env} = {dq(v)};\n}}',
        ),
        line=(
            f'<meta-data\n    android:name="com.{ident(n)}.{n.tail.env}"\n    android:value="{x(v)}" />',
            f"## This file must *NOT* be checked into Version Control Systems,\nsdk.dir=/Users/mira/Library/Android/sdk\n{ident(n)}.{n.tail.camel}={v}",
            f"# secrets.properties (secrets-gradle-plugin)\n{n.env}={v}\nMAPS_API_KEY=DEFAULT_API_KEY",
        ),
    )


def c_ios(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"// Keys.swift, generated by cocoapods-keys\npublic struct {cls(n)}Keys {{\n    public let {n.camel}: String = {dq(v)}\n}}",
        ),
        line=(
            f"$ xcodebuild -scheme App -configuration Release {n.env}={shq(v)} archive",
            f"# fastlane/.env.default\nFASTLANE_USER=ios@example.org\n{n.env}={v}",
            f'lane :beta do\n  ENV["{n.env}"] = {dq(v)}\n  upload_to_testflight\nend',
        ),
    )


def c_systemd(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"$ systemctl show {svc(r)}.service -p Environment\nEnvironment=LANG=C.UTF-8 {n.env}={shq(v)} PORT=8080",
            f"# /etc/systemd/system/{svc(r)}.service.d/override.conf\n[Service]\nSetCredential={n.tail.kebab}:{v}\nLoadCredential=tls.key:/etc/ssl/private/{svc(r)}.key",
            f"$ sudo systemd-run --unit={svc(r)}-once --setenv={n.env}={shq(v)} /usr/local/bin/{svc(r)} sync",
            f"$ echo -n {shq(v)} | systemd-creds encrypt --name={n.tail.kebab} - /etc/credstore.encrypted/{n.tail.kebab}",
        ),
    )


def c_cron(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"Dec  7 10:05:01 web1 CRON[48213]: (app) CMD (curl -fsS -H 'Authorization: Bearer {v}' https://{host(r)}/v1/heartbeat >/dev/null)",
            f"# /etc/cron.d/{svc(r)}\n*/15 * * * * app {n.env}={shq(v)} /opt/{svc(r)}/bin/sync --quiet",
            f'spec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: sync\n              args: ["--{n.tail.kebab}", {dq(v)}]',
        ),
    )


def c_win_cred(r, pairs):
    _, v = pairs[-1]
    return choose(
        v,
        line=(
            f"PS C:\\> New-StoredCredential -Target '{svc(r)}' -UserName '{user_of(pairs)}' -Password {psq(v)} -Persist LocalMachine",
            f'C:\\> cmdkey /generic:{svc(r)}-api /user:{user_of(pairs)} /pass:"{v}"\nCMDKEY: Credential added successfully.',
            f'C:\\> net use \\\\files.{host(r)}\\share "{v}" /user:CORP\\{user_of(pairs)} /persistent:no',
            f'C:\\> schtasks /create /tn "{svc(r)} sync" /tr C:\\tools\\sync.exe /sc hourly /ru CORP\\svc /rp "{v}"',
        ),
    )


def c_browser_copy(r, pairs):
    _, v = pairs[-1]
    return choose(
        v,
        line=(
            f"curl 'https://api.{host(r)}/v1/me' \\\n  -H 'accept: application/json' \\\n  -H 'authorization: Bearer {v}' \\\n  -H 'sec-fetch-mode: cors' \\\n  --compressed",
            f'fetch("https://api.{host(r)}/v1/me", {{\n  "headers": {{\n    "accept": "application/json",\n    "x-api-key": {dq(v)}\n  }},\n  "method": "GET"\n}});',
            f'Invoke-WebRequest -UseBasicParsing -Uri "https://api.{host(r)}/v1/me" `\n-Headers @{{\n"authorization"="Bearer {v}"\n  "accept"="application/json"\n}}',
        ),
    )


def c_wiki(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f'<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[export {n.env}={v}]]></ac:plain-text-body></ac:structured-macro>',
            f"* {svc(r)}\n** Credentials\n#+BEGIN_SRC sh\n{n.env}={shq(v)} make deploy\n#+END_SRC",
            f".. code-block:: ini\n\n   [{svc(r)}]\n   {n.tail.snake} = {v}\n",
            f"| Service | Owner | {n.tail.pascal} |\n|---|---|---|\n| {svc(r)} | @mira | `{v}` |",
        ),
    )


def c_ticket_mail(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"[{svc(r).upper()}-412] Rotate the shared key\n\nMira Tan commented:\n----\nNew value deployed: {v}\nOld one revoked.\n----\nView it on the tracker: https://tracker.example.org/browse/{svc(r).upper()}-412",
            f"Reply above this line.\n\nJonas Weber commented on #88:\n\n> {n.env}={v}\n\nthis fixed the 401s for me",
        ),
    )


CONTEXTS = {
    "mail_forward": c_mail_forward,
    "mail_quoted": c_mail_quoted,
    "chat_export": c_chat_export,
    "irc_log": c_irc_log,
    "teams_html": c_teams_html,
    "review": c_review,
    "jira": c_jira,
    "ipynb_output": c_ipynb_output,
    "pw_manager": c_pw_manager,
    "ansible_vault": c_ansible_vault,
    "salt_puppet": c_salt_puppet,
    "chef": c_chef,
    "gitops": c_gitops,
    "pkg_creds": c_pkg_creds,
    "maven_http": c_maven_http,
    "sql_stmt": c_sql_stmt,
    "graphql": c_graphql,
    "grpc": c_grpc,
    "api_collection": c_api_collection,
    "spreadsheet": c_spreadsheet,
    "patch": c_patch,
    "crash": c_crash,
    "android": c_android,
    "ios": c_ios,
    "systemd": c_systemd,
    "cron": c_cron,
    "win_cred": c_win_cred,
    "browser_copy": c_browser_copy,
    "wiki": c_wiki,
    "ticket_mail": c_ticket_mail,
}
# Contexts that hold a multi-line value (every form escapes it).
BLOCK = {"chat_export"}
# Contexts with a form for a multi-line value.
HAS_ESC = {
    "chat_export",
    "ipynb_output",
    "pw_manager",
    "ansible_vault",
    "chef",
    "graphql",
    "crash",
    "android",
    "ios",
}
ONLY_BARE: set[str] = set()


def fits(context: str, v: str) -> bool:
    if "\n" in v:
        return context in HAS_ESC
    return True


# ---------------------------------------------------------------- benign line contexts
def each(fmt: str, s: str) -> str:
    return "\n".join(fmt.replace("{}", ln) for ln in s.splitlines())


LINE_CONTEXTS = {
    "mail_quote": lambda s: (
        "On Mon, Dec 7, 2026 at 10:02 AM Mira Tan wrote:\n> the scanner flags this line, false positive I think:\n>\n"
        + each("> {}", s)
        + "\n\nAgreed, allowlisting it."
    ),
    "slack_export": lambda s: json.dumps(
        [
            {
                "type": "message",
                "user": "U04M2K7PQ",
                "text": f"flagged but harmless:\n```{s}```",
                "ts": "1733565731.512900",
            }
        ],
        indent=4,
    ),
    "irc": lambda s: "\n".join(
        f"[10:02:{i:02d}] <mira> {ln}" for i, ln in enumerate(s.splitlines())
    ),
    "jira_noformat": lambda s: (
        f"Scanner output on the fixture file:\n{{noformat}}\n{s}\n{{noformat}}\nClosing as won't fix."
    ),
    "ipynb_stream": lambda s: json.dumps(
        {
            "name": "stdout",
            "output_type": "stream",
            "text": [ln + "\n" for ln in s.splitlines()],
        },
        indent=1,
    ),
    "diff_context": lambda s: (
        "diff --git a/tests/fixtures/fp.txt b/tests/fixtures/fp.txt\nindex 1c2d3e4..5f6a7b8 100644\n--- a/tests/fixtures/fp.txt\n+++ b/tests/fixtures/fp.txt\n@@ -1,4 +1,5 @@\n+# expected: no finding\n"
        + each(" {}", s)
    ),
    "gerrit_comment": lambda s: (
        "Patch Set 2:\n\n(1 comment)\n\nFile tests/fixtures/fp.txt:\n\nLine 3:\n"
        + each("> {}", s)
        + "\nThis is a negative test case, keep it."
    ),
    "confluence_cdata": lambda s: (
        '<ac:structured-macro ac:name="noformat"><ac:plain-text-body><![CDATA['
        + s
        + "]]></ac:plain-text-body></ac:structured-macro>"
    ),
    "sql_comment": lambda s: each("-- {}", s) + "\nSELECT 1;",
    "review_suggestion": lambda s: (
        "**@jonas** suggested a change on `tests/fixtures/fp.txt`:\n\n```suggestion\n"
        + s
        + "\n```\nkeeps the false positive as the scanner's docs show it"
    ),
}


# ---------------------------------------------------------------- look-alikes
def b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def lookalikes() -> list[tuple[str, str]]:
    """(kind, text) of benign texts of these contexts whose values look like credentials by shape only."""
    out = []
    kinds = 25
    for i in range(kinds * 17):
        seed = f"c33-lookalike-{i}".encode()
        h256 = hashlib.sha256(seed).hexdigest()
        h1 = hashlib.sha1(seed, usedforsecurity=False).hexdigest()
        h1b = hashlib.sha1(seed + b"b", usedforsecurity=False).hexdigest()
        md5 = hashlib.md5(seed, usedforsecurity=False).hexdigest()
        u = str(
            uuid.UUID(bytes=hashlib.md5(seed + b"u", usedforsecurity=False).digest(), version=4)
        )
        u2 = str(
            uuid.UUID(bytes=hashlib.md5(seed + b"v", usedforsecurity=False).digest(), version=4)
        )
        ver = f"{RNG.randint(0, 9)}.{RNG.randint(0, 40)}.{RNG.randint(0, 99)}"
        sri = b64(hashlib.sha512(seed + b"2").digest())
        svcname = RNG.choice(["billing", "search", "ingest", "auth-proxy", "reports", "mailer"])
        kind = i % kinds
        if kind == 0:
            t = (
                f"Message-ID: <{h1[:16].upper()}.{i}@mail.gmail.com>\nIn-Reply-To: <{md5}@list.example.org>\n"
                f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.org; s=s1;\n"
                f"\tbh={b64(hashlib.sha256(seed + b'bh').digest())};\n\tb={b64(hashlib.sha512(seed + b'sig').digest() * 2)}\n"
                f"X-Google-Smtp-Source: {b64(hashlib.sha256(seed + b'g').digest())[:-1]}\nSubject: Re: {svcname} release {ver}"
            )
            out.append(("mail-headers", t))
        elif kind == 1:
            t = json.dumps(
                {
                    "client_msg_id": u,
                    "type": "message",
                    "text": f"deployed {svcname} {ver} ({h1[:7]}), build #{4000 + i}",
                    "user": f"U0{h1[:8].upper()}",
                    "ts": f"17335{i:05d}.{int(md5[:6], 16) % 1000000:06d}",
                    "team": f"T0{md5[:8].upper()}",
                    "blocks": [
                        {
                            "type": "rich_text",
                            "block_id": b64(
                                hashlib.md5(seed + b"b", usedforsecurity=False).digest()
                            )[:5],
                        }
                    ],
                },
                indent=4,
            )
            out.append(("slack-export-ids", t))
        elif kind == 2:
            t = (
                f"[12/7/2026 10:{i % 60:02d}] mira: screenshot of the failing job\n"
                f"https://cdn.discordapp.com/attachments/{10**17 + i * 7919}/{10**17 + i * 104729}/image.png?ex={md5[:8]}&is={md5[8:16]}&hm={h256}&"
            )
            out.append(("discord-attachment", t))
        elif kind == 3:
            t = json.dumps(
                {
                    "id": 1500000000 + i,
                    "node_id": "PRRC_kwDO"
                    + b64(hashlib.sha1(seed + b"n", usedforsecurity=False).digest())[:14]
                    .replace("+", "A")
                    .replace("/", "B"),
                    "commit_id": h1,
                    "original_commit_id": h1b,
                    "path": "src/client.py",
                    "diff_hunk": f"@@ -10,6 +10,7 @@ def connect(self):\n         timeout = self.timeout\n+        retries = {i % 5}",
                    "body": "nit: make retries configurable",
                },
                indent=2,
            )
            out.append(("gh-review-json", t))
        elif kind == 4:
            t = json.dumps(
                {
                    "id": f"infra~main~I{h1}",
                    "change_id": f"I{h1}",
                    "_number": 40000 + i,
                    "current_revision": h1b,
                    "subject": f"{svcname}: bump to {ver}",
                },
                indent=2,
            )
            out.append(("gerrit-change", ")]}'\n" + t))
        elif kind == 5:
            t = (
                f"h3. Build failure\nBuild #{5000 + i} on commit {{{{{h1[:12]}}}}} failed.\n{{code:title=yarn.lock}}\n"
                f'"{svcname}-sdk@^{ver}":\n  version "{ver}"\n  resolved "https://registry.yarnpkg.com/{svcname}-sdk/-/{svcname}-sdk-{ver}.tgz#{h1}"\n'
                f"  integrity sha512-{sri}\n{{code}}"
            )
            out.append(("jira-lockfile", t))
        elif kind == 6:
            png = b64(b"\x89PNG\r\n\x1a\n" + hashlib.sha512(seed + b"p").digest() * 3)
            t = json.dumps(
                {
                    "cell_type": "code",
                    "execution_count": i % 30 + 1,
                    "id": md5[:8],
                    "metadata": {},
                    "outputs": [
                        {
                            "data": {
                                "image/png": png,
                                "text/plain": ["<Figure size 640x480 with 1 Axes>"],
                            },
                            "metadata": {},
                            "output_type": "display_data",
                        }
                    ],
                    "source": ["plt.plot(df['latency_ms'])"],
                },
                indent=1,
            )
            out.append(("ipynb-image", t))
        elif kind == 7:
            item = "".join(RNG.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(26))
            t = (
                f"$ op item get {svcname}\nID:          {item}\nTitle:       {svcname}\nVault:       Infra ({''.join(RNG.choice('abcdefghijklmnopqrstuvwxyz0123456789') for _ in range(26))})\n"
                f"Created:     2 months ago\nUpdated:     3 days ago by Mira Tan\nFavorite:    false\nVersion:     {i % 9 + 1}\nCategory:    LOGIN\nFields:\n"
                f"  username:    svc-{svcname}\n  password:    [use 'op item get {item} --reveal' to reveal]"
            )
            out.append(("op-item-concealed", t))
        elif kind == 8:
            t = json.dumps(
                {
                    "object": "item",
                    "id": u,
                    "organizationId": u2,
                    "folderId": None,
                    "type": 1,
                    "name": svcname,
                    "login": {"username": f"svc-{svcname}", "password": None, "totp": None},
                    "revisionDate": "2026-12-07T10:02:11.512Z",
                },
                indent=2,
            )
            out.append(("bw-item-nopassword", t))
        elif kind == 9:
            t = (
                f"$ vault token lookup\nKey                 Value\n---                 -----\naccessor            {b64(hashlib.sha1(seed, usedforsecurity=False).digest())[:24].replace('+', 'x').replace('/', 'y')}\n"
                f"creation_time       1733565731\ndisplay_name        oidc-mira\nentity_id           {u}\nexpire_time         2026-12-08T10:02:11Z\n"
                f"id                  n/a (use -format=json with VAULT_TOKEN set)\npolicies            [default ops]\nrequest_id          {u2}"
            )
            out.append(("vault-lookup-ids", t))
        elif kind == 10:
            t = (
                f"- name: call {svcname}\n  ansible.builtin.uri:\n    url: https://{svcname}.internal/api\n    headers:\n"
                f'      Authorization: "Bearer {{{{ vault_{svcname.replace("-", "_")}_token }}}}"\n  no_log: true\n'
                f"  register: result\n# checksum: {h1}"
            )
            out.append(("ansible-vault-ref", t))
        elif kind == 11:
            t = (
                f'{{\n  "name": "example/{svcname}",\n  "version": "{ver}",\n  "source": {{\n    "type": "git",\n'
                f'    "url": "https://github.com/example/{svcname}.git",\n    "reference": "{h1}"\n  }},\n'
                f'  "dist": {{\n    "type": "zip",\n    "shasum": "{h1b}"\n  }}\n}}'
            )
            out.append(("composer-lock", t))
        elif kind == 12:
            t = (
                f'<packageSources>\n  <add key="{svcname}" value="https://pkgs.example.org/{svcname}/nuget/v3/index.json" />\n</packageSources>\n'
                f'<packageSourceCredentials>\n  <{svcname}>\n    <add key="Username" value="az" />\n    <add key="ClearTextPassword" value="%NUGET_PAT%" />\n'
                f"  </{svcname}>\n</packageSourceCredentials>\n<!-- {svcname}.{ver}.nupkg sha512: {sri} -->"
            )
            out.append(("nuget-placeholder", t))
        elif kind == 13:
            t = (
                f"INSERT INTO api_keys (id, owner_id, key_prefix, key_last4, key_sha256, created_at) VALUES\n"
                f"  ('{u}', {1000 + i}, 'pk_', '{md5[:4]}', '{h256}', '2026-12-07 10:02:11');"
            )
            out.append(("sql-key-metadata", t))
        elif kind == 14:
            cur = b64(f"cursor:v2:{json.dumps({'id': 1000 + i, 'ts': 1733565731 + i})}".encode())
            t = json.dumps(
                {
                    "data": {
                        "repository": {
                            "issues": {
                                "pageInfo": {"endCursor": cur, "hasNextPage": True},
                                "nodes": [{"id": "I_kwDO" + h1[:14].upper(), "number": 100 + i}],
                            }
                        }
                    }
                },
                indent=2,
            )
            out.append(("graphql-cursor", t))
        elif kind == 15:
            t = (
                f"meta {{\n  name: get {svcname}\n  type: http\n  seq: {i % 9 + 1}\n}}\n\nget {{\n  url: {{{{baseUrl}}}}/v1/{svcname}/{u}\n  auth: bearer\n}}\n\n"
                f'auth:bearer {{\n  token: {{{{process.env.API_TOKEN}}}}\n}}\n\nheaders {{\n  If-None-Match: "{md5}"\n}}'
            )
            out.append(("bruno-placeholder", t))
        elif kind == 16:
            t = (
                f"From {h1} Mon Sep 17 00:00:00 2001\nSubject: [PATCH] bump {svcname} to {ver}\n\n---\n"
                f"diff --git a/go.sum b/go.sum\nindex {h1b[:7]}..{md5[:7]} 100644\n--- a/go.sum\n+++ b/go.sum\n"
                f"-example.org/{svcname} v0.{i % 9}.0 h1:{b64(hashlib.sha256(seed + b'o').digest())}\n"
                f"+example.org/{svcname} v{ver} h1:{b64(hashlib.sha256(seed + b'n').digest())}"
            )
            out.append(("patch-gosum", t))
        elif kind == 17:
            t = (
                f"Incident Identifier: {u.upper()}\nCrashReporter Key:   {h1}\nHardware Model:      MacBookPro18,3\nVersion:             {ver} ({4000 + i})\n\n"
                f"Binary Images:\n       0x100e4c000 -        0x10163bfff {svcname} arm64  <{u2.replace('-', '')}> /Applications/{svcname}.app/Contents/MacOS/{svcname}"
            )
            out.append(("crash-ids", t))
        elif kind == 18:
            t = json.dumps(
                {
                    "project_info": {
                        "project_number": str(100000000000 + i * 7919),
                        "project_id": f"{svcname}-app",
                        "storage_bucket": f"{svcname}-app.appspot.com",
                    },
                    "client": [
                        {
                            "client_info": {
                                "mobilesdk_app_id": f"1:{100000000000 + i * 7919}:android:{md5[:16]}",
                                "android_client_info": {"package_name": "com.example.app"},
                            },
                            "oauth_client": [
                                {
                                    "client_id": f"{100000000000 + i * 7919}-{h1[:32]}.apps.googleusercontent.com",
                                    "client_type": 3,
                                }
                            ],
                        }
                    ],
                },
                indent=2,
            )
            out.append(("google-services-ids", t))
        elif kind == 19:
            fp = ":".join(h256[j : j + 2].upper() for j in range(0, 64, 2))
            t = (
                f"$ ./gradlew signingReport\nVariant: release\nConfig: release\nStore: ~/keys/release.jks\nAlias: upload\n"
                f"MD5: {':'.join(md5[j : j + 2].upper() for j in range(0, 32, 2))}\nSHA1: {':'.join(h1[j : j + 2].upper() for j in range(0, 40, 2))}\nSHA-256: {fp}\nValid until: Friday, 1 December 2051"
            )
            out.append(("android-signing-report", t))
        elif kind == 20:
            t = (
                f"$ systemctl show {svcname}.service -p InvocationID -p LoadCredential -p Environment\nInvocationID={md5}\n"
                f"LoadCredential=token:/run/secrets/{svcname}-token\nEnvironment=TOKEN_FILE=%d/token BUILD_SHA={h1} VERSION={ver}"
            )
            out.append(("systemd-show-ids", t))
        elif kind == 21:
            t = (
                f"C:\\> cmdkey /list\n\nCurrently stored credentials:\n\n    Target: LegacyGeneric:target=git:https://github.com\n    Type: Generic \n"
                f"    User: PersonalAccessToken\n    Local machine persistence\n\n    Target: Domain:target={svcname}.corp.example\n    Type: Domain Password\n    User: CORP\\svc-{svcname}\n"
                f"\nPS C:\\> (Get-LocalUser svc).SID.Value\nS-1-5-21-{int(md5[:8], 16)}-{int(md5[8:16], 16)}-{int(md5[16:24], 16)}-{1000 + i}"
            )
            out.append(("windows-cred-list", t))
        elif kind == 22:
            masked = RNG.choice(
                [
                    "****",
                    "<redacted>",
                    "<your-token>",
                    "${{ secrets.API_TOKEN }}",
                    "{{ vault_api_token }}",
                    "[hidden]",
                    "sk_live_••••••••",
                ]
            )
            t = (
                f"> the token is {masked}, ask Mira for the real one\n\nsure, the value in the vault is fine. Build {h1[:10]} "
                f"is green, request id {u}."
            )
            out.append(("masked-in-mail", t))
        elif kind == 23:
            short = (
                b64(hashlib.md5(seed + b"s", usedforsecurity=False).digest())[:7]
                .replace("+", "a")
                .replace("/", "b")
            )
            t = (
                f"Release notes: https://bit.ly/{short}\nhttps://example.org/blog/{svcname}-{ver}?utm_source=newsletter&utm_medium=email&utm_campaign={md5[:10]}&mc_eid={md5[10:20]}\n"
                f"ETag: W/\"{md5}\"\nX-Request-Id: {u}\ngtag('config', 'G-{h1[:10].upper()}');"
            )
            out.append(("tracking-links", t))
        else:
            wg = b64(hashlib.sha256(seed + b"wg").digest())
            t = (
                f"$ gpg --list-keys mira\npub   ed25519 2026-01-04 [SC]\n      {h1.upper()}\nuid           [ultimate] Mira Tan\n\n"
                f"ssh-ed25519 fingerprint: SHA256:{b64(hashlib.sha256(seed + b'ssh').digest()).rstrip('=')}\n"
                f"[Peer]\nPublicKey = {wg}\nEndpoint = vpn.example.org:51820\n"
                f"csrf_token=&authenticity_token=&password="
            )
            out.append(("public-keys-csrf", t))
    return out


# ---------------------------------------------------------------- fresh draws (draws29's sampler)
def fresh_draws() -> list[dict]:
    """One value per gitleaks rule and per trufflehog detector draws29's sampler translates."""
    import tomllib

    import draw  # draws29's sampler (reads the mirrors when called)

    draw.RNG = random.Random(SEED)
    out: list[dict] = []
    config = tomllib.loads(draw.git_show(draw.GITLEAKS, "HEAD:config/gitleaks.toml"))
    for rule in config["rules"]:
        regex = rule.get("regex")
        if not regex:
            continue
        try:
            pattern = draw.go_to_python(regex)
            full = re.compile(pattern)
            group = rule.get("secretGroup", 0) or (1 if full.groups else 0)
            _, values = draw.draw_values(pattern, group, [draw.RNG.choice(["min", "max", "mid"])])
        except (draw.Untranslatable, re.error, RecursionError):
            continue
        out.append({"source": "gitleaks", "rule": rule["id"], "value": values[0], "extra": []})
    files = draw.subprocess.run(
        [
            "git",
            "-C",
            str(draw.TRUFFLEHOG),
            "ls-tree",
            "-r",
            "--name-only",
            "HEAD",
            "pkg/detectors/",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    by_dir: dict[str, list[str]] = {}
    for f in files:
        parts = f.split("/")
        if f.endswith(".go") and not f.endswith("_test.go") and len(parts) >= 4:
            by_dir.setdefault("/".join(parts[2:-1]), []).append(f)
    for det, fs in sorted(by_dir.items()):
        src = "\n".join(draw.git_show(draw.TRUFFLEHOG, f"HEAD:{f}") for f in fs)
        pats = draw.detector_patterns(src)
        if not pats:
            continue
        name = draw.key_name(list(pats))
        if name is None or isinstance(pats[name], draw.Untranslatable):
            continue
        try:
            pattern = draw.go_to_python(pats[name])
            full = re.compile(pattern)
            group = 1 if full.groups else 0
            _, values = draw.draw_values(pattern, group, [draw.RNG.choice(["min", "max", "mid"])])
            extra = []
            for other, p in pats.items():
                if other == name or isinstance(p, draw.Untranslatable):
                    continue
                if not draw.IDISH.search(other):
                    continue
                try:
                    op = draw.go_to_python(p)
                    ov = draw.draw_values(op, 1 if re.compile(op).groups else 0, ["mid"])[1][0]
                except (draw.Untranslatable, re.error, RecursionError):
                    continue
                extra.append((re.sub(r"(?i)_?pat(?:tern)?$", "", other) or "id", ov))
        except (draw.Untranslatable, re.error, RecursionError):
            continue
        kw = draw.KEYWORDS.search(src)
        keywords = re.findall(r'"([^"]*)"', kw.group(1)) if kw else []
        word = next((k for k in keywords if re.fullmatch(r"[A-Za-z][A-Za-z0-9]{2,}", k)), None)
        out.append(
            {
                "source": "trufflehog",
                "rule": det,
                "context_rule": word.lower() if word else det,
                "value": values[0],
                "extra": extra[:2],
            }
        )
    for d in out:
        d["label"] = draw.label(d["value"])
    return out


def as_written(v: str, text: str) -> str:
    """The value as the text holds it (escaped by its string syntax when it had to be)."""
    for form in (
        v,
        json.dumps(v)[1:-1],
        sq(v)[1:-1],
        x(v),
        json.dumps(json.dumps(v)[1:-1])[1:-1],
        json.dumps(v)[1:-1].replace('"', '\\"'),
        repr(v)[1:-1],
        jsq(v)[1:-1],
        psq(v)[1:-1],
        nq(v)[1:-1],
        shq(v).strip("'"),
        sqlq(v)[1:-1],
        csvq(v).strip('"'),
        sqlq(json.dumps(v))[2:-2],
    ):
        if form in text:
            return form
    return v


def emit(rows, family, source, rule, context_rule, value, pairs_extra, also, label):
    pool = [c for c in sorted(CONTEXTS) if fits(c, value)]
    for context in RNG.sample(pool, 2):
        pairs = [(n, w) for n, w in pairs_extra]
        pairs.append((secret_name(context_rule), value))
        text = CONTEXTS[context](context_rule, pairs)
        secret = as_written(value, text)
        assert secret in text, (context, value, text)
        rows.append(
            {
                "family": family,
                "context": context,
                "text": text,
                "secret": secret,
                "source": source,
                "also": [a for a in also if a in text],
                "rule": rule,
                "kind": "value" if source != "draw" else "draw",
                "label": label,
            }
        )


def main() -> None:
    data = json.loads((HERE.parent / "fixtures24" / "samples.json").read_text(encoding="utf-8"))
    rows, seen = [], set()
    for scanner, block in data.items():
        for s in block["tps"]:
            value = (s.get("secret") or "").strip().strip("'\"=: ")
            extra_with = list(s.get("with", []))
            if scanner == "trufflehog" and value == s.get("want"):
                value, beside = f24.split_want(value)
                extra_with += beside
            if len(value) < 6 or (s["rule"], value) in seen or f24.secret_label(value):
                continue
            seen.add((s["rule"], value))
            also = [a for a in s.get("also", []) if len(a) >= 6]
            extra = [(extra_name(s["rule"], a, a in also), a) for a in also + extra_with][:3]
            emit(
                rows,
                f"{scanner}:{s['rule']}",
                scanner,
                s["rule"],
                s["rule"],
                value,
                extra,
                also,
                "",
            )
    n_fixture = len(rows)
    for d in fresh_draws():
        rule = d["rule"]
        crule = d.get("context_rule", rule)
        extra = [(extra_name(crule, w, False, lab), w) for lab, w in d["extra"]]
        emit(
            rows,
            f"draw-{d['source']}:{rule}",
            "draw",
            rule,
            crule,
            d["value"],
            extra,
            [],
            d["label"],
        )
        rows[-1]["draw_source"] = rows[-2]["draw_source"] = d["source"]
    benign, seen_b = [], set()
    for scanner, block in data.items():
        for f in block.get("fps", []):
            line = f["line"].strip("\n")
            if not line.strip() or line in seen_b or f24.benign_label(line):
                continue
            seen_b.add(line)
            for context in RNG.sample(sorted(LINE_CONTEXTS), 2 if RNG.random() < 0.5 else 1):
                benign.append(
                    {
                        "family": f"{scanner}:{f['rule']}",
                        "context": context,
                        "text": LINE_CONTEXTS[context](line),
                        "source": scanner,
                        "kind": "fixture",
                    }
                )
    for kind, text in lookalikes():
        benign.append(
            {
                "family": f"lookalike:{kind}",
                "context": kind,
                "text": text,
                "source": "lookalike",
                "kind": "lookalike",
                "label": "pii" if f24.PII.search(text) or SSH_FINGERPRINT.search(text) else "",
            }
        )
    with (HERE / "secrets.jsonl").open("w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    with (HERE / "benign.jsonl").open("w", encoding="utf-8") as out:
        for r in benign:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(
        len(rows), "secret rows (", n_fixture, "fixture rows,", len(rows) - n_fixture, "draw rows,",
        sum(1 for r in rows if r["label"]), "labelled ) in", len({r["family"] for r in rows}),
        "families;", len(benign), "benign rows (", len(seen_b), "fixtures )",
    )  # fmt: skip


if __name__ == "__main__":
    main()
