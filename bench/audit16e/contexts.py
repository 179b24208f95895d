"""Context templates of the fifth held-out corpus: kinds of text none of the earlier corpora use.

Each template takes the family (``env``: its variable name, ``word``: its provider word) and the
drawn token and returns one text. ``KEYED`` templates name the secret by a key (in the forms of
Terraform state, Helm values, systemd, kubectl, docker inspect, HAR, Postman, Jupyter, Sentry,
vault/aws/az/gh/fly CLIs, nginx, HTTPie, .http files, redis-cli); ``LOOSE`` ones name it only in
prose or by the line before (GitHub Actions ``::add-mask::``, ``pass show``, Go test and pytest
output, journald JSON, Slack messages, quoted e-mail replies).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable


def lower(env: str) -> str:
    """FOO_BAR_KEY -> foo_bar_key."""
    return env.lower()


def camel(env: str) -> str:
    """FOO_BAR_KEY -> fooBarKey."""
    head, *rest = env.lower().split("_")
    return head + "".join(word.title() for word in rest)


def kebab(env: str) -> str:
    """FOO_BAR_KEY -> foo-bar-key."""
    return env.lower().replace("_", "-")


def ts(rng: random.Random) -> str:
    """A GitHub Actions log timestamp."""
    return f"2026-11-{rng.randint(10, 28)}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 9999999):07d}Z"


def hexid(rng: random.Random, n: int) -> str:
    """n random lower hex characters."""
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def tfstate(f: dict, tok: str, rng: random.Random) -> str:
    state = {
        "version": 4,
        "terraform_version": "1.9.5",
        "serial": rng.randint(3, 90),
        "resources": [
            {
                "mode": "managed",
                "type": "kubernetes_secret_v1",
                "name": f["word"],
                "instances": [
                    {
                        "schema_version": 0,
                        "attributes": {"data": {lower(f["env"]): tok}, "type": "Opaque"},
                        "sensitive_attributes": [],
                    }
                ],
            }
        ],
    }
    return json.dumps(state, indent=2)


def gha_mask(f: dict, tok: str, rng: random.Random) -> str:
    t = ts(rng)
    return f'{t} ##[group]Run echo "::add-mask::$TOKEN"\n{t} ::add-mask::{tok}\n{t} ##[endgroup]\n{t} Deploying to staging...'


def gha_env(f: dict, tok: str, rng: random.Random) -> str:
    t = ts(rng)
    return f"{t} ##[group]Run ./scripts/release.sh\n{t} ./scripts/release.sh\n{t} shell: /usr/bin/bash -e {{0}}\n{t} env:\n{t}   {f['env']}: {tok}\n{t}   NODE_ENV: production\n{t} ##[endgroup]"


def helm(f: dict, tok: str, rng: random.Random) -> str:
    return f'replicaCount: 2\nsecrets:\n  {f["word"]}:\n    {camel(f["env"])}: "{tok}"\nresources:\n  limits:\n    memory: 256Mi'


def creds_encrypt(f: dict, tok: str, rng: random.Random) -> str:
    name = kebab(f["env"])
    return (
        f"echo -n '{tok}' | systemd-creds encrypt --name={name} - /etc/credstore.encrypted/{name}"
    )


def creds_unit(f: dict, tok: str, rng: random.Random) -> str:
    return f"[Service]\nExecStart=/usr/local/bin/worker\nSetCredential={kebab(f['env'])}:{tok}\nLoadCredential=tls.pem:/etc/ssl/worker.pem"


def kubectl_literal(f: dict, tok: str, rng: random.Random) -> str:
    return f"kubectl -n prod create secret generic {f['word']}-creds --from-literal={lower(f['env'])}={tok} --dry-run=client -o yaml | kubectl apply -f -"


def kubectl_printenv(f: dict, tok: str, rng: random.Random) -> str:
    return f"$ kubectl exec -n prod deploy/api -- printenv {f['env']}\n{tok}\n$ kubectl rollout restart deploy/api"


def docker_inspect(f: dict, tok: str, rng: random.Random) -> str:
    return (
        '        "Env": [\n            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",\n'
        f'            "{f["env"]}={tok}",\n            "LANG=C.UTF-8"\n        ],'
    )


def journald(f: dict, tok: str, rng: random.Random) -> str:
    record = {
        "__REALTIME_TIMESTAMP": str(1733300000000000 + rng.randint(0, 10**9)),
        "_SYSTEMD_UNIT": "api.service",
        "PRIORITY": "3",
        "MESSAGE": f"{f['word']} request rejected (401), token {tok} was revoked",
    }
    return json.dumps(record)


def har_header(f: dict, tok: str, rng: random.Random) -> str:
    name = "X-" + "-".join(w.title() for w in f["env"].split("_")[-2:])
    entry = {
        "request": {
            "method": "POST",
            "url": f"https://api.{f['word']}.example/v1/events",
            "headers": [
                {"name": "Content-Type", "value": "application/json"},
                {"name": name, "value": tok},
            ],
        }
    }
    return json.dumps(entry, indent=2)


def har_query(f: dict, tok: str, rng: random.Random) -> str:
    entry = {
        "request": {
            "method": "GET",
            "queryString": [
                {"name": "limit", "value": "50"},
                {"name": lower(f["env"]), "value": tok},
            ],
        }
    }
    return json.dumps(entry)


def postman_var(f: dict, tok: str, rng: random.Random) -> str:
    coll = {
        "info": {
            "name": f"{f['word']} API",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "variable": [
            {"key": "baseUrl", "value": "https://api.example.com"},
            {"key": camel(f["env"]), "value": tok, "type": "string"},
        ],
    }
    return json.dumps(coll, indent="\t")


def postman_auth(f: dict, tok: str, rng: random.Random) -> str:
    auth = {
        "auth": {
            "type": "apikey",
            "apikey": [
                {"key": "value", "value": tok, "type": "string"},
                {"key": "key", "value": "X-API-Key", "type": "string"},
            ],
        }
    }
    return json.dumps(auth)


def jupyter_source(f: dict, tok: str, rng: random.Random) -> str:
    cell = {
        "cell_type": "code",
        "execution_count": rng.randint(1, 40),
        "metadata": {},
        "outputs": [],
        "source": ["import os\n", f'os.environ["{f["env"]}"] = "{tok}"\n', "client = Client()"],
    }
    return json.dumps(cell, indent=1)


def jupyter_output(f: dict, tok: str, rng: random.Random) -> str:
    cell = {
        "output_type": "stream",
        "name": "stdout",
        "text": [f"Connected to {f['word']} as service-account\n", f"token in use: {tok}\n"],
    }
    return json.dumps(cell, indent=1)


def go_test(f: dict, tok: str, rng: random.Random) -> str:
    return f'=== RUN   TestClientAuth\n    client_test.go:{rng.randint(20, 200)}: {f["word"]}: unexpected status 401 for token "{tok}"\n--- FAIL: TestClientAuth (0.03s)\nFAIL\nFAIL\tgithub.com/acme/api/client\t0.041s'


def pytest_diff(f: dict, tok: str, rng: random.Random) -> str:
    k = lower(f["env"])
    return f"E       AssertionError: assert {{'{k}': '{tok}'}} == {{'{k}': '***'}}\nE         Differing items:\nE         {{'{k}': '{tok}'}} != {{'{k}': '***'}}\nE         Use -v to get more diff"


def sentry_extra(f: dict, tok: str, rng: random.Random) -> str:
    event = {
        "event_id": hexid(rng, 32),
        "level": "error",
        "platform": "python",
        "extra": {"settings": {lower(f["env"]): tok, "debug": False}},
    }
    return json.dumps(event)


def sentry_crumb(f: dict, tok: str, rng: random.Random) -> str:
    crumb = {
        "breadcrumbs": {
            "values": [
                {
                    "type": "http",
                    "category": "httplib",
                    "data": {
                        "method": "GET",
                        "url": f"https://api.{f['word']}.example/v2/items?{lower(f['env'])}={tok}",
                        "status_code": 403,
                    },
                }
            ]
        }
    }
    return json.dumps(crumb)


def slack_message(f: dict, tok: str, rng: random.Random) -> str:
    msg = {
        "type": "message",
        "user": "U0" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(9)),
        "text": f"here's the {f['word']} key for staging: `{tok}` (rotate after the demo)",
        "ts": f"{rng.randint(1733000000, 1734000000)}.{rng.randint(0, 999999):06d}",
    }
    return json.dumps(msg)


def email_reply(f: dict, tok: str, rng: random.Random) -> str:
    return f"Thanks, that worked.\n\nOn Tue, 1 Dec 2026 at 09:{rng.randint(10, 59)}, Dana Ops wrote:\n> The {f['word']} credential for the CI runner is\n>\n> {tok}\n>\n> Please don't forward this thread."


def vault_get(f: dict, tok: str, rng: random.Random) -> str:
    return f"$ vault kv get secret/ci/{f['word']}\n====== Data ======\nKey{' ' * 18}Value\n---{' ' * 18}-----\n{lower(f['env']):<21}{tok}"


def pass_show(f: dict, tok: str, rng: random.Random) -> str:
    return f"$ pass show infra/{f['word']}/prod\n{tok}\n$ "


def aws_ssm(f: dict, tok: str, rng: random.Random) -> str:
    return f"aws ssm put-parameter --name /prod/{f['word']}/{lower(f['env'])} --type SecureString --value '{tok}' --overwrite"


def az_keyvault(f: dict, tok: str, rng: random.Random) -> str:
    return (
        f'az keyvault secret set --vault-name kv-prod-weu --name {kebab(f["env"])} --value "{tok}"'
    )


def gh_secret(f: dict, tok: str, rng: random.Random) -> str:
    return f'gh secret set {f["env"]} --repo acme/api --body "{tok}"'


def fly_secrets(f: dict, tok: str, rng: random.Random) -> str:
    return f"fly secrets set {f['env']}={tok} -a acme-api"


def nginx(f: dict, tok: str, rng: random.Random) -> str:
    return f'location /upstream/ {{\n    proxy_pass https://api.{f["word"]}.example/;\n    proxy_set_header X-Api-Key "{tok}";\n}}'


def httpie(f: dict, tok: str, rng: random.Random) -> str:
    return f"http POST https://api.{f['word']}.example/v1/jobs X-Api-Key:{tok} name=nightly"


def dot_http(f: dict, tok: str, rng: random.Random) -> str:
    return f"@{camel(f['env'])} = {tok}\n\n### list jobs\nGET https://api.{f['word']}.example/v1/jobs\nX-Api-Key: {{{{{camel(f['env'])}}}}}"


def redis_cli(f: dict, tok: str, rng: random.Random) -> str:
    return f'127.0.0.1:6379> SET config:{f["word"]}:{lower(f["env"])} "{tok}"\nOK'


def docker_secret(f: dict, tok: str, rng: random.Random) -> str:
    return f"printf '%s' '{tok}' | docker secret create {lower(f['env'])} -"


Context = Callable[[dict, str, random.Random], str]
KEYED: dict[str, Context] = {
    "tfstate": tfstate,
    "gha-env": gha_env,
    "helm-values": helm,
    "systemd-creds-encrypt": creds_encrypt,
    "systemd-setcredential": creds_unit,
    "kubectl-from-literal": kubectl_literal,
    "kubectl-printenv": kubectl_printenv,
    "docker-inspect-env": docker_inspect,
    "har-header": har_header,
    "har-query": har_query,
    "postman-variable": postman_var,
    "postman-apikey-auth": postman_auth,
    "jupyter-source": jupyter_source,
    "pytest-diff": pytest_diff,
    "sentry-extra": sentry_extra,
    "sentry-breadcrumb-url": sentry_crumb,
    "vault-kv-get": vault_get,
    "aws-ssm": aws_ssm,
    "az-keyvault": az_keyvault,
    "gh-secret-set": gh_secret,
    "fly-secrets-set": fly_secrets,
    "nginx-header": nginx,
    "httpie": httpie,
    "dot-http": dot_http,
    "redis-cli": redis_cli,
    "docker-secret-create": docker_secret,
}
LOOSE: dict[str, Context] = {
    "gha-add-mask": gha_mask,
    "journald-json": journald,
    "jupyter-output": jupyter_output,
    "go-test": go_test,
    "slack-message": slack_message,
    "email-quoted-reply": email_reply,
    "pass-show": pass_show,
}


def rc_file(f: dict, tok: str) -> str | None:
    """The family's own client rc file (.npmrc, .pypirc, .gemrc-like credentials), if it has one."""
    if f["name"] == "npm-token":
        return f"registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken={tok}\nsave-exact=true"
    if f["name"] == "pypi-token":
        return f"[distutils]\nindex-servers =\n    pypi\n\n[pypi]\nusername = __token__\npassword = {tok}"
    if f["name"] == "rubygems-api-key":
        return f"---\n:rubygems_api_key: {tok}\n"
    if f["name"] == "dockerhub-pat":
        return f"echo {tok} | docker login -u acmeci --password-stdin"
    if f["name"] == "github-pat-classic":
        return (
            f'[url "https://x-access-token:{tok}@github.com/"]\n\tinsteadOf = https://github.com/'
        )
    return None
