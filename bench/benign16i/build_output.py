"""Kinds of bench/benign16i: build and CI output, and data in code (hashes, ids, encoded assets).

Build caches, CI runs, test runners, coverage, bundlers, mobile/desktop builds, database
migrations, Kubernetes/GitOps status, signed XML and code constants. None grants access.
"""

# ruff: noqa: S608  # SQL here is corpus text to print, never a query that is run

from __future__ import annotations

import base64
import random

from gen import APPS, B62, LOWER, NS, ORGS, REPOS, D, b64, hx, raw, s, semver, sri, uid


def k_ccache_sccache(r: random.Random) -> str:
    return r.choice(
        [
            f"[2026-12-05T10:{r.randint(10, 59)}:{r.randint(10, 59)}.{r.randint(100000, 999999)} {r.randint(1000, 99999)}] Result key: {s(r, '0123456789abcdefghijklmnopqrstuv', 39)}",
            f"Cacheable calls:   {r.randint(100, 9000)} / {r.randint(9000, 9999)} ({r.randint(50, 99)}.{r.randint(0, 99):02d}%)\n  Hits:            {r.randint(100, 8000)}\n  Misses:          {r.randint(10, 900)}",
            f"sccache: Cache hit in {r.choice(['redis', 's3', 'local disk'])}: {hx(r, 64)}",
            f"ccache: manifest {hx(r, 2)}/{s(r, '0123456789abcdefghijklmnopqrstuv', 37)}M not found",
        ]
    )


def k_gradle_build_scan(r: random.Random) -> str:
    ex, up = r.randint(1, 50), r.randint(1, 150)
    return r.choice(
        [
            f"Publishing build scan...\nhttps://gradle.com/s/{s(r, LOWER + D, 13)}",
            f"Configuration cache entry stored. ({hx(r, 32)})",
            f"Reusing configuration cache.\nBUILD SUCCESSFUL in {r.randint(2, 300)}s\n{ex + up} actionable tasks: {ex} executed, {up} up-to-date",
            f"> Task :app:compileKotlin FROM-CACHE\nBuild cache key for task ':app:compileKotlin' is {hx(r, 32)}",
        ]
    )


def k_ci_pipeline_ids(r: random.Random) -> str:
    o, p = r.choice(ORGS), r.choice(REPOS)
    return r.choice(
        [
            f"Job failed: https://gitlab.com/{o}/{p}/-/jobs/{r.randint(1000000000, 9999999999)}",
            f"CI_PIPELINE_ID={r.randint(100000000, 1999999999)} CI_JOB_ID={r.randint(1000000000, 9999999999)} CI_COMMIT_SHORT_SHA={hx(r, 8)}",
            f"https://app.circleci.com/pipelines/github/{o}/{p}/{r.randint(100, 99999)}/workflows/{uid(r)}/jobs/{r.randint(1000, 999999)}",
            f"Build #{r.randint(100, 9999)} ({uid(r)}) on buildkite/{o}/{p} failed after {r.randint(1, 59)}m",
            f"Woodpecker pipeline #{r.randint(10, 9999)} for {o}/{p}@{hx(r, 40)} finished: failure",
        ]
    )


def k_buildkit_output(r: random.Random) -> str:
    n = r.randint(3, 30)
    return r.choice(
        [
            f"#{n} exporting to image\n#{n} exporting layers {r.randint(1, 30)}.{r.randint(0, 9)}s done\n#{n} writing image sha256:{hx(r, 64)} done\n#{n} naming to ghcr.io/{r.choice(ORGS)}/{r.choice(APPS)}:latest done",
            f"#{n} [build {r.randint(1, 9)}/{r.randint(9, 14)}] RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y --no-install-recommends git\n#{n} CACHED",
            f" => => exporting manifest list sha256:{hx(r, 64)}  0.0s",
            f"#{n} resolve docker.io/library/python:3.12-slim@sha256:{hx(r, 64)} {r.randint(0, 9)}.{r.randint(0, 9)}s done",
        ]
    )


def k_test_runner_seeds(r: random.Random) -> str:
    return r.choice(
        [
            f"Using --randomly-seed={r.randint(1, 4294967295)}",
            f"@reproduce_failure('6.{r.randint(80, 120)}.{r.randint(0, 9)}', b'{base64.b64encode(raw(r, r.randint(6, 18))).decode()}')",
            f"-test.shuffle {r.randint(1600000000000000000, 1799999999999999999)}",
            f"Randomized with seed {r.randint(1000, 99999)}",
            f"[gw{r.randint(0, 3)}] [ {r.randint(1, 99)}%] PASSED tests/test_{r.choice(APPS)}.py::test_roundtrip[{hx(r, 8)}]",
        ]
    )


def k_lcov_codecov(r: random.Random) -> str:
    return r.choice(
        [
            f"SF:src/{r.choice(APPS)}/handler.ts\nDA:{r.randint(1, 300)},{r.randint(0, 40)},{b64(r, 16).rstrip('=')}\nLF:{r.randint(10, 300)}\nLH:{r.randint(1, 300)}",
            f"info    - 2026-12-05 10:{r.randint(10, 59)}:{r.randint(10, 59)},{r.randint(100, 999)} -- Process Upload complete\ninfo    - Commit sha: {hx(r, 40)}",
            f"https://app.codecov.io/gh/{r.choice(ORGS)}/{r.choice(REPOS)}/commit/{hx(r, 40)}",
            f'<coverage line-rate="0.{r.randint(10, 99)}" branch-rate="0.{r.randint(10, 99)}" version="7.{r.randint(0, 9)}.{r.randint(0, 9)}" timestamp="{r.randint(1700000000000, 1799999999999)}">',
        ]
    )


def k_tsbuildinfo(r: random.Random) -> str:
    return r.choice(
        [
            f'{{"fileNames":["../node_modules/typescript/lib/lib.es2022.d.ts","./src/{r.choice(APPS)}.ts"],"fileInfos":[{{"version":"{hx(r, 64)}","signature":"{hx(r, 64)}","affectsGlobalScope":true}}]}}',
            f'"version":"{r.randint(-(2**31), 2**31)}"',
            f'{{"root":[{r.randint(1, 90)}],"version":"5.{r.randint(0, 7)}.{r.randint(2, 5)}","latestChangedDtsFile":"./dist/index.d.ts"}}',
        ]
    )


def k_esbuild_chunk_names(r: random.Random) -> str:
    c = s(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 8)
    return r.choice(
        [
            f"  dist/chunk-{c}.js      {r.randint(1, 900)}.{r.randint(0, 9)}kb",
            f'import {{ a as {s(r, LOWER, 1)}, b as {s(r, LOWER, 1)} }} from "./chunk-{c}.js";',
            f'"outputs": {{"dist/chunk-{c}.js": {{"imports": [], "bytes": {r.randint(100, 900000)}}}}}',
            f'✘ [ERROR] Could not resolve "./chunk-{c}.js"',
        ]
    )


def k_turbo_nx_cache(r: random.Random) -> str:
    app = r.choice(APPS)
    return r.choice(
        [
            f"{app}:build: cache hit, replaying logs {hx(r, 16)}",
            f"{app}:test: cache miss, executing {hx(r, 16)}",
            f"> nx run {app}:build  [existing outputs match the cache, left as is]\n\n Nx read the output from the cache instead of running the command for {r.randint(1, 40)} out of {r.randint(40, 90)} tasks.",
            f'"hash": "{r.randint(10**18, 10**19 - 1)}"',
        ]
    )


def k_css_data_uri_fonts(r: random.Random) -> str:
    font = b"wOF2" + raw(r, r.randint(30, 80))
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path d="M{r.randint(1, 9)} {r.randint(1, 9)}h{r.randint(1, 9)}v{r.randint(1, 9)}z"/></svg>'
    return r.choice(
        [
            f'@font-face{{font-family:"Inter";src:url(data:font/woff2;base64,{base64.b64encode(font).decode()}) format("woff2")}}',
            f'.icon-{r.choice(["check", "close", "menu"])}{{background-image:url("data:image/svg+xml;base64,{base64.b64encode(svg.encode()).decode()}")}}',
            f'  --select-arrow: url("data:image/svg+xml,{svg.replace("<", "%3c").replace(">", "%3e").replace(chr(34), chr(39))}");',
        ]
    )


def k_wasm_artifacts(r: random.Random) -> str:
    crate = r.choice(["app", "tokenizer_wasm", "image_ops", "web_inference"])
    return r.choice(
        [
            f'<link rel="preload" href="/{crate}-{hx(r, 16)}_bg.wasm" as="fetch" type="application/wasm" crossorigin integrity="{sri(r, "sha384")}">',
            f"[INFO]: :-) Your wasm pkg is ready to publish at pkg/. ({crate}_bg.wasm {r.randint(100, 9000)} KiB)",
            f"CompileError: WebAssembly.instantiateStreaming(): expected magic word 00 61 73 6d, found 3c 21 44 4f @+0 ({crate}-{hx(r, 16)}_bg.wasm)",
            f'"{crate}_bg.wasm": "{hx(r, 64)}"',
        ]
    )


def k_html_script_nonces(r: random.Random) -> str:
    nonce = b64(r, 16)
    return r.choice(
        [
            f'<script nonce="{nonce}">window.__INITIAL_STATE__ = {{"route":"/{r.choice(APPS)}"}}</script>',
            f'<style nonce="{nonce}">:root{{--brand:#{hx(r, 6)}}}</style>',
            f"Refused to execute inline script because it violates the following Content Security Policy directive: \"script-src 'self' 'nonce-{nonce}'\".",
            f'<link rel="stylesheet" href="/static/app.css" nonce="{nonce}">',
        ]
    )


def k_etags_cache_busting(r: random.Random) -> str:
    return r.choice(
        [
            f'ETag: "{hx(r, 8)}-{hx(r, 4)}"',
            f'ETag: W/"{hx(r, 3)}-{b64(r, 20).rstrip("=").replace("+", "x").replace("/", "y")}"',
            f'If-None-Match: "{hx(r, 32)}"\n304 Not Modified',
            f'<link rel="stylesheet" href="/css/app.css?v={hx(r, 8)}">',
            f'<script src="/static/js/main.js?id={hx(r, 20)}"></script>',
        ]
    )


def k_db_migration_ids(r: random.Random) -> str:
    rev, down = hx(r, 12), hx(r, 12)
    return r.choice(
        [
            f'revision = "{rev}"\ndown_revision = "{down}"\nbranch_labels = None',
            f"INFO  [alembic.runtime.migration] Running upgrade {down} -> {rev}, add {r.choice(['api_keys', 'token_hash', 'sessions'])} table",
            f"INSERT INTO roles (id, name) VALUES ('{uid(r)}', '{r.choice(['admin', 'viewer', 'editor'])}');",
            f"Migration V{r.randint(1, 90)}__add_index.sql checksum mismatch: applied {r.randint(-(2**31), -1)}, resolved locally {r.randint(1, 2**31)}",
            f"--changeset {r.choice(ORGS)}:{r.randint(1, 400)}\n-- validCheckSum: 9:{hx(r, 32)}",
            f"  Applying {r.choice(APPS)}.{r.randint(1, 40):04d}_auto_2026{r.randint(1, 12):02d}{r.randint(1, 28):02d}_{r.randint(0, 23):02d}{r.randint(0, 59):02d}... OK",
        ]
    )


def k_k8s_object_metadata(r: random.Random) -> str:
    app = r.choice(APPS)
    return r.choice(
        [
            f'metadata:\n  name: {app}\n  namespace: {r.choice(NS)}\n  resourceVersion: "{r.randint(100000, 99999999)}"\n  uid: {uid(r)}\n  generation: {r.randint(1, 40)}',
            f"  ownerReferences:\n  - apiVersion: apps/v1\n    blockOwnerDeletion: true\n    controller: true\n    kind: ReplicaSet\n    name: {app}-{s(r, 'bcdfghjklmnpqrstvwxz2456789', 10)}\n    uid: {uid(r)}",
            f"  labels:\n    pod-template-hash: {s(r, 'bcdfghjklmnpqrstvwxz2456789', 10)}\n    controller-revision-hash: {app}-{s(r, 'bcdfghjklmnpqrstvwxz2456789', 10)}",
            f'Operation cannot be fulfilled on deployments.apps "{app}": the object has been modified; please apply your changes to the latest version and try again (resourceVersion {r.randint(100000, 99999999)})',
        ]
    )


def k_helm_release_records(r: random.Random) -> str:
    app, v = r.choice(APPS), r.randint(1, 40)
    return r.choice(
        [
            f"sh.helm.release.v1.{app}.v{v}   helm.sh/release.v1   1      {r.randint(1, 90)}d",
            f"REVISION\tUPDATED                 \tSTATUS    \tCHART          \tAPP VERSION\n{v}       \tSat Dec  5 10:{r.randint(10, 59)}:00 2026\tdeployed  \t{app}-{semver(r)}\t{semver(r)}",
            f"Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress ({app} revision {v})",
        ]
    )


def k_xmldsig_values(r: random.Random) -> str:
    return r.choice(
        [
            f'<ds:Reference URI="#_{hx(r, 40)}"><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>{b64(r, 32)}</ds:DigestValue></ds:Reference>',
            f"<ds:SignatureValue>{b64(r, 256)}</ds:SignatureValue>",
            f'xmlsec1: signature verification failed: reference URI="#_{hx(r, 40)}" digest mismatch (expected {b64(r, 32)})',
        ]
    )


def k_composer_autoload(r: random.Random) -> str:
    h = hx(r, 32)
    return r.choice(
        [
            f"class ComposerAutoloaderInit{h}",
            f"        \\Composer\\Autoload\\ComposerStaticInit{h}::getInitializer($loader)",
            f'PHP Fatal error:  Uncaught Error: Class "ComposerAutoloaderInit{h}" not found in vendor/autoload.php:{r.randint(20, 30)}',
        ]
    )


def k_jvm_generated_classes(r: random.Random) -> str:
    cls = r.choice(["OrderService", "TokenRepository", "ApiKeyController", "UserDao"])
    return r.choice(
        [
            f"\tat com.{r.choice(ORGS).replace('-', '')}.{cls}$$SpringCGLIB$${r.randint(0, 3)}.process(<generated>)",
            f"\tat com.example.Main$$Lambda/0x{hx(r, 16)}.apply(Unknown Source)",
            f"com.example.model.{cls}$HibernateProxy${s(r, B62, 8)}",
            f"\tat jdk.proxy{r.randint(1, 4)}/jdk.proxy{r.randint(1, 4)}.$Proxy{r.randint(10, 200)}.{cls[0].lower() + cls[1:]}(Unknown Source)",
        ]
    )


def k_dotnet_assembly_ids(r: random.Random) -> str:
    tok = r.choice(["b77a5c561934e089", "b03f5f7f11d50a3a", "31bf3856ad364e35", "cc7b13ffcd2ddd51"])
    return r.choice(
        [
            f"System.IO.FileNotFoundException: Could not load file or assembly 'Newtonsoft.Json, Version={r.randint(9, 13)}.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed'.",
            f'<Reference Include="System.Web.Extensions, Version=4.0.0.0, Culture=neutral, PublicKeyToken={tok}" />',
            f"// MVID: {{{uid(r).upper()}}}",
            f'"sha512": "{b64(r, 64)}",\n"type": "package",\n"path": "microsoft.extensions.logging/{semver(r)}"',
        ]
    )


def k_apk_signer_verify(r: random.Random) -> str:
    return r.choice(
        [
            f"Verified using v2 scheme (APK Signature Scheme v2): true\nSigner #1 certificate SHA-256 digest: {hx(r, 64)}\nSigner #1 certificate SHA-1 digest: {hx(r, 40)}",
            f"Signer #1 public key SHA-256 digest: {hx(r, 64)}",
            f"versionCode={r.randint(1, 9999)} versionName={semver(r)} applicationId=com.{r.choice(ORGS).replace('-', '')}.{r.choice(APPS)}",
        ]
    )


def k_xcode_derived_data(r: random.Random) -> str:
    app = r.choice(["Fedlearn", "HomeAI", "Notes", "Inference"])
    d = s(r, LOWER, 28)
    return r.choice(
        [
            f"DerivedData/{app}-{d}/Build/Products/Debug-iphonesimulator/{app}.app",
            f"note: Using build description from disk ({hx(r, 32)})",
            f"CompileSwift normal arm64 (in target '{app}' from project '{app}')\n    cd DerivedData/{app}-{d}/Build/Intermediates.noindex",
            f"PBXBuildFile {s(r, '0123456789ABCDEF', 24)} /* AppDelegate.swift in Sources */",
        ]
    )


def k_unity_meta_guids(r: random.Random) -> str:
    return r.choice(
        [
            f"fileFormatVersion: 2\nguid: {hx(r, 32)}\nMonoImporter:\n  serializedVersion: 2",
            f"  m_Script: {{fileID: 11500000, guid: {hx(r, 32)}, type: 3}}",
            f"The referenced script (Unknown) on this Behaviour is missing! (guid {hx(r, 32)})",
        ]
    )


def k_graphql_persisted_queries(r: random.Random) -> str:
    return r.choice(
        [
            f'{{"operationName":"{r.choice(["GetUser", "ListModels", "Search"])}","extensions":{{"persistedQuery":{{"version":1,"sha256Hash":"{hx(r, 64)}"}}}}}}',
            '{"errors":[{"message":"PersistedQueryNotFound","extensions":{"code":"PERSISTED_QUERY_NOT_FOUND"}}]}',
            f"GET /graphql?extensions=%7B%22persistedQuery%22%3A%7B%22version%22%3A1%2C%22sha256Hash%22%3A%22{hx(r, 64)}%22%7D%7D",
            f'  "{hx(r, 32)}": "query {r.choice(["GetUser", "ListModels", "Search"])}($id: ID!) {{ node(id: $id) {{ id }} }}",',
        ]
    )


def k_hash_constants_in_code(r: random.Random) -> str:
    c = r.choice(
        [
            ("FNV_OFFSET_BASIS", "0xcbf29ce484222325"),
            ("FNV_PRIME", "0x100000001b3"),
            ("GOLDEN_GAMMA", "0x9E3779B97F4A7C15"),
            ("CRC32_POLY", "0xEDB88320"),
            ("MURMUR_C1", "0x87c37b91114253d5"),
            ("XXH_PRIME64_1", "0x9E3779B185EBCA87"),
            ("SIPHASH_K0", "0x736f6d6570736575"),
        ]
    )
    return r.choice(
        [
            f"const {c[0]}: u64 = {c[1]};",
            f"{c[0]} = {c[1]}",
            f"#define {c[0]} {c[1]}ULL",
            f"static final long {c[0]} = {c[1]}L;",
            f"h ^= h >> {r.randint(13, 33)}; h *= {c[1]}; // {c[0].lower()}",
        ]
    )


def k_argocd_sync_status(r: random.Random) -> str:
    app, sha = r.choice(APPS), hx(r, 40)
    return r.choice(
        [
            f"Name:               argocd/{app}\nSync Status:        Synced to HEAD ({sha[:7]})\nHealth Status:      Healthy",
            f"status:\n  sync:\n    revision: {sha}\n    status: Synced",
            f"ComparisonError: Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: code = Unknown desc = {sha}: unable to resolve git revision",
        ]
    )


def k_flux_revisions(r: random.Random) -> str:
    sha = hx(r, 40)
    return r.choice(
        [
            f"✔ applied revision main@sha1:{sha}",
            f"stored artifact for revision 'main@sha1:{sha}'",
            f"kustomization/{r.choice(APPS)}  main@sha1:{sha}  False  True  Applied revision: main@sha1:{sha}",
            f"artifact revision 'latest@sha256:{hx(r, 64)}' for OCIRepository/{r.choice(APPS)}",
        ]
    )


def k_ostree_rpm_ostree(r: random.Random) -> str:
    return r.choice(
        [
            f"State: idle\nDeployments:\n● fedora:fedora/41/x86_64/silverblue\n                  Version: 41.2026{r.randint(1000, 1231)}.0 (2026-12-05T00:00:00Z)\n               BaseCommit: {hx(r, 64)}",
            f"ostree admin status\n* fedora {hx(r, 64)}.0\n    origin refspec: fedora:fedora/41/x86_64/iot",
            f"Checksum: {hx(r, 64)}\nGPGSignature: Valid signature by {hx(r, 40).upper()}",
        ]
    )
