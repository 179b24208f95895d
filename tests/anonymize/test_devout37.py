"""Forms of bench/devout37 (developers' tool output as a coding agent sees it): what test runners,
builds, package managers, linters, git, containers and benchmarks print comes out unchanged, ids,
hashes, digests and all; a secret the same tools print (a failing test's environment or request, a
build log's command line, ``npm config list``, ``docker history``, ``kubectl describe``'s
environment, a diff adding ``.env``) is redacted. No rule is new: these pin main's behaviour on
the corpus's forms (bench/devout37/README.md, phase 2)."""

# ruff: noqa: RUF001  (hyperfine prints a Greek sigma)
from __future__ import annotations

import json

import pytest

from fedlearn.anonymize import Anonymizer

SHA = "3f9c1e7a4b2d5f6e8a0b1c2d3e4f5a6b7c8d9e0f"
DIGEST = "8c7dc9e56d113b58f9c363f74a713299054b49923c6b1f201f121e87dbd636ec"
VALUE = "Wq8rT2zLp4Xv9sQ1Zb3mNc7Hd"

KEPT = [
    # test runners
    "tests/test_session.py::test_token_refreshes_expired PASSED                [ 14%]\n"
    "============================== 7 passed in 3.21s ==============================",
    "=== RUN   TestTokenRefresh\n    --- PASS: TestTokenRefresh/expired (0.00s)\n"
    "--- PASS: TestTokenRefresh (0.01s)\nPASS\n"
    "ok  \tgithub.com/acme-io/api/internal/auth\t0.412s\tcoverage: 81.3% of statements",
    "PASS src/auth/password.test.ts (2.41 s)\n  TokenStore\n    ✓ refreshes an expired token (12 ms)\n"
    "Tests:       0 failed, 41 passed, 44 total",
    "     Running unittests src/lib.rs (target/debug/deps/kestrel-4f1c2a9b8e7d6c5b)\n"
    "test auth::tests::password_is_hashed ... ok\n"
    "test result: ok. 5 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.02s",
    '<testcase name="refreshToken" classname="com.acme.auth.TokenServiceTest" time="0.031"/>',
    "TAP version 13\n1..2\nok 1 Token refreshes an expired token\nnot ok 2 Password rejects empty",
    # builds
    "#5 [builder 1/6] FROM docker.io/library/python:3.12-slim@sha256:" + DIGEST + "\n"
    "#12 writing image sha256:" + DIGEST + " done",
    "dist/assets/index-Bx3kQ9aZ.js    412.30 kB │ gzip: 137.43 kB\n✓ built in 4.12s",
    "error: hash mismatch in fixed-output derivation "
    "'/nix/store/5q8zv0m1k2l3n4p5r6s7v8w9x0y1z2a3-kestrel-vendor.drv':\n"
    "         specified: sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"
    "            got:    sha256-x3Fq9Lr2Zb7Wm4Nc8Hd1Js6Kf0Pt5Vy2Ua9Qe3Rw7Ts=",
    "> Task :kestrel:test FROM-CACHE\n\nBUILD SUCCESSFUL in 41s\nhttps://gradle.com/s/q3x7m2k9z4w5a",
    # package managers
    '"axios@^1.7.2":\n  version "1.7.2"\n  resolved "https://registry.yarnpkg.com/axios/-/axios-1.7.2.tgz#'
    + SHA
    + '"\n  integrity sha512-2A8QhOMrbomlDuiLeK9XibIBzuHeRcqqNOHp0Cyp5EoJ1IFDh+XZH3A6BkXtv0K4gFGCI0Y4BM7B1wOEi0Rmgw==',
    "github.com/google/uuid v1.6.0 h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=\n"
    "go: found github.com/acme-io/token in github.com/acme-io/token v0.0.0-20260311142233-3f9c1e7a4b2d",
    "kestrel @ git+https://github.com/acme-io/kestrel.git@" + SHA + "\nsecretstorage==3.3.3",
    'sdist = { url = "https://files.pythonhosted.org/packages/ab/cd/0f/keyring-25.2.1.tar.gz", '
    'hash = "sha256:' + DIGEST + '", size = 60415 }',
    "# npm audit report\n\nsemver  <7.5.2\nSeverity: moderate\n"
    "Regular Expression Denial of Service - https://github.com/advisories/GHSA-c2qf-rxjj-qqgw",
    # linters
    'src/auth.py:12:5: S105 Possible hardcoded password assigned to: "password"',
    "src/auth.ts(14,7): error TS2339: Property 'apiKey' does not exist on type 'Config'.",
    # git
    "commit "
    + SHA
    + "\nDate:   Tue Mar 3 10:11:12 2026 +0100\n\n    fix(auth): rotate api_key before expiry\n\n"
    " src/auth/token_store.ts | 4 ++--\n 1 file changed, 2 insertions(+), 2 deletions(-)",
    "3f9c1e7 HEAD@{0}: rebase (finish): returning to refs/heads/token-refresh\n"
    "a1b2c3d HEAD@{1}: checkout: moving from main to token-refresh",
    "pick 3f9c1e7 validates an expired token\nfixup a1b2c3d handles a missing header",
    # containers
    '4f1c2a9b8e7d   kestrel/token:1.4.2   "uvicorn app.main:a…"   2 hours ago   Up 2 hours (healthy)',
    "NAME                              READY   STATUS    RESTARTS   AGE\n"
    "kestrel-token-7d9f8c6b5a-x2k9p    1/1     Running   0          4d",
    "    Container ID:   containerd://" + DIGEST + "\n"
    "    Image ID:       ghcr.io/acme/token@sha256:" + DIGEST,
    "  DB_PASSWORD:  <set to the key 'password' in secret 'db-creds'>  Optional: false",
    # benchmarks
    "BenchmarkPasswordHash-8   \t     100\t  11234567 ns/op\t    1024 B/op\t      12 allocs/op",
    "Benchmark 1: ./target/release/kestrel --input data/token.json\n"
    "  Time (mean ± σ):     41.2 ms ±  1.3 ms    [User: 33.0 ms, System: 4.1 ms]",
]


@pytest.mark.parametrize("text", KEPT)
def test_tool_output_comes_out_unchanged(anonymizer: Anonymizer, text: str) -> None:
    """Verdicts, hashes, digests, integrities, store paths, pseudo-versions and pod names stay."""
    assert anonymizer.anonymize(text) == text


FOUND = [
    # a failing test printing its environment or request
    f"Captured stdout call\nenviron({{'CI': 'true', 'STRIPE_API_KEY': '{VALUE}'}})",
    '    Received\n    "/v1/users", '
    + json.dumps({"headers": {"stormboard-access-token": VALUE}}, indent=2),
    f"    client_test.go:41: request headers=map[Content-Type:[application/json] X-Api-Key:[{VALUE}]]",
    f'            got: {{"Accept"=>"application/json", "Rentman-Token"=>"{VALUE}"}}',
    f'  left: Config {{ endpoint: "https://api.acme.dev", acme_api_key: "{VALUE}", timeout: 3s }}',
    f"-    'sendgrid_api_key' => null\n+    'sendgrid_api_key' => '{VALUE}'",
    # build logs, package managers and CI
    f'curl -sf -X POST -H "Authorization: Bearer {VALUE}" https://upload.acme.dev/v1/packages',
    f'$ npm config list\n@acme:registry = "https://npm.pkg.github.com/"\nacme-auth-token = "{VALUE}"',
    f"<missing>   2 hours ago   RUN |1 NPM_TOKEN={VALUE} /bin/sh -c npm ci # buildkit   41MB",
    f"Looking in indexes: https://pypi.org/simple, https://__token__:{VALUE}@acme.pkgs.example.com/simple/",
    f"  env:\n    NODE_VERSION: 20\n    DEPLOY_TOKEN: {VALUE}",
    f"Command: /usr/lib/jvm/java-21-openjdk/bin/java -Dacme.api.key={VALUE} -Xmx512m",
    # containers and clusters
    f"    Environment:\n      LOG_LEVEL:      info\n      MAILGUN_API_KEY:  {VALUE}",
    f'"Env": [\n    "PATH=/usr/local/bin:/usr/bin",\n    "OPENWEATHER_SECRET={VALUE}"\n]',
    f"services:\n  api:\n    environment:\n      TWILIO_AUTH_TOKEN: {VALUE}",
    f"USER-SUPPLIED VALUES:\nsentry:\n  authToken: {VALUE}",
    # git and the shell
    f"+++ b/.env\n@@ -0,0 +1,3 @@\n+APP_ENV=staging\n+POSTMARK_SERVER_TOKEN={VALUE}",
    f"$ env | sort\nCI=true\nHOME=/root\nNETLIFY_AUTH_TOKEN={VALUE}\nPATH=/usr/bin",
]


@pytest.mark.parametrize("text", FOUND)
def test_a_secret_in_tool_output_is_redacted(anonymizer: Anonymizer, text: str) -> None:
    """The value a tool prints under a key, header, flag or URL login is gone."""
    out = anonymizer.anonymize(text)
    assert VALUE not in out
    assert "<redacted:" in out


ASSERTED = [
    f"org.opentest4j.AssertionFailedError: expected: <null> but was: <{VALUE}>\n"
    "\tat com.acme.auth.TokenServiceTest.loadsToken(TokenServiceTest.java:42)",
    f"junit.framework.ComparisonFailure: expected:<[]> but was:<[{VALUE}]>",
    f"java.lang.AssertionError: expected:<{VALUE}> but was:<null>",
    f"[ERROR] loadsToken(com.acme.auth.TokenServiceTest)  Time elapsed: 0.03 s  <<< FAILURE!\n"
    f"java.lang.AssertionError: expected [{VALUE}] but found [null]",
    f'<failure message="expected: &lt;null&gt; but was: &lt;{VALUE}&gt;" type="AssertionError"/>',
]


@pytest.mark.parametrize("text", ASSERTED)
def test_a_generated_value_in_an_assertion_message_is_redacted(
    anonymizer: Anonymizer, text: str
) -> None:
    """JUnit's ``<V>`` and TestNG's ``[V]`` bound the compared value as quotes do."""
    out = anonymizer.anonymize(text)
    assert VALUE not in out
    assert "<redacted:high-entropy>" in out


ASSERTED_KEPT = [
    "expected: <com.acme.auth.TokenServiceTest> but was: <com.acme.auth.PasswordEncoderTest>",
    "expected:<TokenServiceImplementationTest> but was:<PasswordEncoderImplementationTest>",
    f"expected: <{SHA}> but was: <{SHA[::-1]}>",
    "expected: <550e8400-e29b-41d4-a716-446655440000> but was: <null>",
    "expected: <2026-03-03T10:11:12Z> but was: <2026-03-03T10:11:13Z>",
    "expected:<4[2]> but was:<4[3]>",
    "expected [token_refresh_interval_seconds] but found [token_refresh_interval_minutes]",
    "expected: <true> but was: <false>",
]


@pytest.mark.parametrize("text", ASSERTED_KEPT)
def test_names_hashes_ids_and_words_in_an_assertion_message_stay(
    anonymizer: Anonymizer, text: str
) -> None:
    """Class names, CamelCase test names, hex digests, UUIDs, times and snake words stay."""
    assert anonymizer.anonymize(text) == text
