"""Forms found by bench/contexts29 (log lines and commands): a header value before a wire log's
``[\\r][\\n]``, a token fed by a here-string to ``--with-token``/``--password-stdin``, the value a
jsonpath, go-template, ``yq``, az ``--query``, ``secrets get``, ``consul kv get`` or ``etcdctl get``
selects by a secret's name, ``pwgen``'s output, ``ssh-keygen -N``/``-P``, ``dotnet nuget push -k``,
MinIO's ``mc alias set``, what a secret store's read prints (its bare value, its JSON's
value member), and ``pass`` as a word of its own in ``user … pass …`` (not
``-method=userpass``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, checks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Apache HttpClient's wire log marks the line break ``[\r][\n]`` after a header's value.
        (
            '10:11:12,345 DEBUG org.apache.http.wire - http-outgoing-3 >> "X-Api-Key: Hq4nVb8TzL2wRk7yXc5d[\\r][\\n]"',
            '10:11:12,345 DEBUG org.apache.http.wire - http-outgoing-3 >> "X-Api-Key: <redacted:api-key>[\\r][\\n]"',
        ),
        (
            'wire - http-outgoing-0 >> "access_token=pL9wQ2rT7vK4mZ8xN3bC6dF1[\\n]"',
            'wire - http-outgoing-0 >> "access_token=<redacted:token>[\\n]"',
        ),
        # A here-string feeding a command's token or password standard input.
        (
            "$ gh auth login --hostname ghe.example.org --with-token <<< 7m2kq9x4vz8w1p6t3r5n0b8c",
            "$ gh auth login --hostname ghe.example.org --with-token <<< <redacted:token>",
        ),
        (
            "docker login registry.example.org -u ci --password-stdin <<< 'Tq7#vL2m-Xw9k'",
            "docker login registry.example.org -u ci --password-stdin <<< '<redacted:password>'",
        ),
        # The value a jsonpath, yq or az ``--query`` selects under a secret's name, printed alone.
        (
            "$ kubectl config view --raw -o jsonpath='{.users[0].user.token}'\nZ7hQk2Lm9XvB4nWp3T",
            "$ kubectl config view --raw -o jsonpath='{.users[0].user.token}'\n<redacted:token>",
        ),
        (
            '$ kubectl get sa deployer -o jsonpath="{.secrets[0].clientSecret}"\n4e1f9a7c2b8d06e3f5a1c9b7',
            '$ kubectl get sa deployer -o jsonpath="{.secrets[0].clientSecret}"\n<redacted:secret>',
        ),
        (
            "$ az account get-access-token --query accessToken -o tsv\nRk8vN2qX7mW4zT9pL3cB6yH1",
            "$ az account get-access-token --query accessToken -o tsv\n<redacted:token>",
        ),
        (
            "$ yq -r '.auth.api_key' ~/.config/acme.yaml\nm3Xq8Zt1Vw6Kp4Nr9Lb2",
            "$ yq -r '.auth.api_key' ~/.config/acme.yaml\n<redacted:api-key>",
        ),
        # Passphrase and API key flags tied to their command.
        (
            "$ ssh-keygen -t ed25519 -N 'Wq3#zR8v-Lk5m' -f ~/.ssh/id_deploy",
            "$ ssh-keygen -t ed25519 -N '<redacted:password>' -f ~/.ssh/id_deploy",
        ),
        (
            "ssh-keygen -p -P oldPass-4821 -f id_rsa",
            "ssh-keygen -p -P <redacted:password> -f id_rsa",
        ),
        (
            "dotnet nuget push out/app.1.2.0.nupkg -k Pw8nXc2Vb5Lq9Zt4Kr7Md3Hy -s https://nuget.example.org",
            "dotnet nuget push out/app.1.2.0.nupkg -k <redacted:password> -s https://nuget.example.org",
        ),
        # MinIO's client: the fourth positional word is the secret key.
        (
            "$ mc alias set backup https://s3.example.org ops Lq9Zt4Kr7Md3HyPw8nXc2Vb5",
            "$ mc alias set backup https://s3.example.org ops <redacted:stored-secret>",
        ),
        # More commands that print a value selected by its name.
        (
            "$ consul kv get service/billing/api_token\nc5d8e1f4a7b2c9d6e3f0a1b4",
            "$ consul kv get service/billing/api_token\n<redacted:token>",
        ),
        (
            "$ etcdctl get /config/db_password --print-value-only\nVt6kX1qP9zM3wN7r",
            "$ etcdctl get /config/db_password --print-value-only\n<redacted:password>",
        ),
        (
            "$ doppler secrets get STRIPE_SECRET --plain\nwX4k9Lm2Qr7Vt3Zp8Nc5",
            "$ doppler secrets get STRIPE_SECRET --plain\n<redacted:secret>",
        ),
        (
            "$ kubectl get secret app -o go-template='{{.data.api_key | base64decode}}'\nNc5wX4k9Lm2Qr7Vt3Zp8",
            "$ kubectl get secret app -o go-template='{{.data.api_key | base64decode}}'\n<redacted:api-key>",
        ),
        ("$ pwgen -s 28 1\nZp8Nc5wX4k9Lm2Qr7Vt3Hy6Jd1F", "$ pwgen -s 28 1\n<redacted:token>"),
        # What a secret store's read prints is a secret whatever its name: the bare value ...
        (
            "$ az keyvault secret show --vault-name kv-prod --name billing --query value -o tsv\nGf5xR2wT8kLm3Qz9Vb4Nc7Hy",
            "$ az keyvault secret show --vault-name kv-prod --name billing --query value -o tsv\n<redacted:secret>",
        ),
        (
            "$ aws ssm get-parameter --name /prod/billing/db --with-decryption --query Parameter.Value --output text\n5c2e8b1f7a4d9e6c3b0a8f2d",
            "$ aws ssm get-parameter --name /prod/billing/db --with-decryption --query Parameter.Value --output text\n<redacted:secret>",
        ),
        (
            "$ gcloud secrets versions access projects/acme/secrets/billing/versions/3\nKm3Qz9Vb4Nc7HyGf5xR2wT8L",
            "$ gcloud secrets versions access projects/acme/secrets/billing/versions/3\n<redacted:secret>",
        ),
        (
            "$ lpass show billing/prod --password\nzT8kLm3Qz9Vb4Nc7HyGf5xR2",
            "$ lpass show billing/prod --password\n<redacted:token>",
        ),
        # ... and the value member of its JSON.
        (
            '$ az keyvault secret show --vault-name kv-prod --name billing\n{\n  "name": "billing",\n  "value": "Vb4Nc7HyGf5xR2wT8kLm3Qz9"\n}',
            '$ az keyvault secret show --vault-name kv-prod --name billing\n{\n  "name": "billing",\n  "value": "<redacted:secret>"\n}',
        ),
        (
            '$ aws secretsmanager get-secret-value --secret-id prod/billing\n{"Name": "prod/billing", "SecretString": "9e6c3b0a8f2d5c2e8b1f7a4d"}',
            '$ aws secretsmanager get-secret-value --secret-id prod/billing\n{"Name": "prod/billing", "SecretString": "<redacted:secret>"}',
        ),
        (
            '$ aws ssm get-parameter --name /prod/billing/db --with-decryption\n{"Parameter": {"Type": "SecureString", "Value": "0a8f2d5c2e8b1f7a4d9e6c3b"}}',
            '$ aws ssm get-parameter --name /prod/billing/db --with-decryption\n{"Parameter": {"Type": "SecureString", "Value": "<redacted:secret>"}}',
        ),
        # A printed variable's value ending in base64 padding is no ``KEY=value`` line.
        (
            "$ echo $RELAY_SECRET\nq8Zt1Vw6Kp4Nr9Lb2Mx7Jc3Hd5Fg0Sa1Ye6Ui4Oo8=",
            "$ echo $RELAY_SECRET\n<redacted:secret>",
        ),
    ],
)
def test_contexts29_forms_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A subscript after a name stays code; a wire log's line break after a word of prose.
        "token = stored_tokens[0]",
        "password=self.passwords[user]",
        'wire - http-outgoing-0 >> "Connection: keep-alive[\\r][\\n]"',
        # A here-string of a reference, a file redirect, a here-string to no credential flag.
        '$ gh auth login --with-token <<< "$GH_TOKEN"',
        "$ gh auth login --with-token < ~/.config/gh/token.txt",
        "$ grep -c error <<< 7m2kq9x4vz8w1p6t3r5n0b8c",
        # A jsonpath or query that selects no secret, or prints more than one word.
        "$ kubectl get pods -o jsonpath='{.items[0].metadata.name}'\napi-7d9f8b6c5d-x2k4q",
        "$ az vm show -g rg -n vm1 --query vmId -o tsv\nRk8vN2qX7mW4zT9pL3cB6yH1",
        "$ kubectl get secret app -o jsonpath='{.data.token}'\ntoken not found",
        # ``pass`` inside a word (``userpass``) is no password's word.
        "$ vault login -method=userpass username=dana",
        "vault write auth/userpass/users/dana policies=admins",
        # Flags of other commands, an empty or referenced passphrase.
        "$ ssh-keygen -t ed25519 -N '' -f ~/.ssh/id_ci",
        '$ ssh-keygen -t rsa -b 4096 -N "$KEY_PASSPHRASE" -f id_rsa',
        "$ dotnet test -k 5 --no-build",
        # MinIO's client with references or defaults; ``gh alias set``.
        "$ mc alias set local http://localhost:9000 $MINIO_USER $MINIO_PASSWORD",
        "$ mc alias set local http://localhost:9000 minioadmin minioadmin",
        "$ gh alias set co 'pr checkout'",
        # Selected values under no secret's name, or not one word.
        "$ consul kv get service/billing/region\neu-west-1",
        "$ doppler secrets get DB_HOST --plain\ndb01.internal.example.org",
        "$ pwgen 12 3\nahNgie3eiv9o Quoh4iekaeph eeb9Iexaez6i",
        "$ echo $PATH\n/usr/local/bin:/usr/bin",
        # A plain SSM parameter holds settings; a store's id, words, or members after the next prompt.
        '$ aws ssm get-parameter --name /aws/service/ami-al2023\n{"Parameter": {"Type": "String", "Value": "ami-0c55b159cbfafe1f0a"}}',
        "$ aws ssm get-parameter --name /aws/service/ami-al2023 --query Parameter.Value --output text\nami-0c55b159cbfafe1f0a",
        "$ az keyvault secret show --vault-name kv --name billing --query id -o tsv\nhttps://kv.vault.azure.net/secrets/billing/4b5a6978",
        '$ az keyvault secret show --vault-name kv --name motd\n{"value": "welcome to the cluster"}',
        '$ az keyvault secret show --vault-name kv --name billing\nERROR: forbidden\n$ cat build.json\n{"Value": "0a8f2d5c2e8b1f7a4d9e6c3b"}',
    ],
)
def test_contexts29_benign_kept(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("following", "expected"),
    [("[\\r]", True), ("[\\n", True), ("[\r]", True), ("[0]", False), ("[i]", False), ("(", False)],
)
def test_is_wire_break(following: str, expected: bool) -> None:
    assert checks.is_wire_break(following) is expected
