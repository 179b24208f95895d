"""Kinds of bench/benign16i: lockfiles, pins and package-manager output (public digests).

Every digest is of a public artefact (a package tarball, a git commit, a source archive); the
lockfile formats are the tools' own (pnpm, Yarn Berry, Bundler, Composer, Pipenv, Poetry, Cargo,
Go modules, Deno, Bun, SwiftPM, vcpkg, Helm, Terraform, Stack, Gradle, Bazel, Nix, Homebrew...).
"""

from __future__ import annotations

import random

from gen import (
    B62,
    COMPOSER,
    GEMS,
    JAVA,
    LOWER,
    ORGS,
    PKGS_GO,
    PKGS_NPM,
    PKGS_PY,
    PKGS_RS,
    REPOS,
    D,
    b64,
    hx,
    s,
    semver,
    sri,
)


def k_pnpm_lock(r: random.Random) -> str:
    p, v = r.choice(PKGS_NPM), semver(r)
    return r.choice(
        [
            f"  /{p}@{v}:\n    resolution: {{integrity: {sri(r)}}}\n    engines: {{node: '>=18'}}\n    dev: false",
            f"  {p}@{v}:\n    resolution: {{integrity: {sri(r)}}}",
            f'ERR_PNPM_TARBALL_INTEGRITY  Got unexpected checksum for "https://registry.npmjs.org/{p}/-/{p.split("/")[-1]}-{v}.tgz". Wanted "{sri(r)}". Got "{sri(r)}".',
        ]
    )


def k_yarn_berry_lock(r: random.Random) -> str:
    p, v = r.choice(PKGS_NPM), semver(r)
    return r.choice(
        [
            f'"{p}@npm:^{v}":\n  version: {v}\n  resolution: "{p}@npm:{v}"\n  checksum: 10c0/{hx(r, 128)}\n  languageName: node\n  linkType: hard',
            f"YN0018: │ {p}@npm:{v}: The remote archive doesn't match the expected checksum",
            "__metadata:\n  version: 8\n  cacheKey: 10c0",
            f"YN0013: │ {p}@npm:{v} can't be found in the cache and will be fetched from the remote registry",
        ]
    )


def k_gemfile_lock(r: random.Random) -> str:
    g, v = r.choice(GEMS), semver(r)
    return r.choice(
        [
            f"CHECKSUMS\n  {g} ({v}) sha256={hx(r, 64)}\n  {r.choice(GEMS)} ({semver(r)}) sha256={hx(r, 64)}",
            f"GIT\n  remote: https://github.com/{r.choice(ORGS)}/{g}.git\n  revision: {hx(r, 40)}\n  branch: main\n  specs:\n    {g} ({v})",
            f"Bundler found mismatched checksums. This is a potential security risk.\n  {g} ({v}) sha256={hx(r, 64)}\n    from the lockfile CHECKSUMS at Gemfile.lock:{r.randint(40, 300)}:{r.randint(1, 9)}",
        ]
    )


def k_composer_lock(r: random.Random) -> str:
    p, sha = r.choice(COMPOSER), hx(r, 40)
    return r.choice(
        [
            f'"content-hash": "{hx(r, 32)}",',
            f'"dist": {{"type": "zip", "url": "https://api.github.com/repos/{p}/zipball/{sha}", "reference": "{sha}", "shasum": ""}}',
            f'"source": {{"type": "git", "url": "https://github.com/{p}.git", "reference": "{sha}"}}',
            f"Warning: The lock file is not up to date with the latest changes in composer.json. You may be getting outdated dependencies. (content-hash {hx(r, 32)})",
        ]
    )


def k_pipfile_lock(r: random.Random) -> str:
    p = r.choice(PKGS_PY)
    return r.choice(
        [
            f'"_meta": {{"hash": {{"sha256": "{hx(r, 64)}"}}, "pipfile-spec": 6}}',
            f'"{p}": {{"hashes": ["sha256:{hx(r, 64)}", "sha256:{hx(r, 64)}"], "index": "pypi", "version": "=={semver(r)}"}}',
            f"Pipfile.lock ({hx(r, 6)}) out of date, updating to ({hx(r, 6)})...",
        ]
    )


def k_poetry_lock(r: random.Random) -> str:
    p, v = r.choice(PKGS_PY), semver(r)
    return r.choice(
        [
            f'[[package]]\nname = "{p}"\nversion = "{v}"\nfiles = [\n    {{file = "{p.replace("-", "_")}-{v}-py3-none-any.whl", hash = "sha256:{hx(r, 64)}"}},\n]',
            f'[metadata]\nlock-version = "2.0"\npython-versions = ">=3.10"\ncontent-hash = "{hx(r, 64)}"',
            "pyproject.toml changed significantly since poetry.lock was last generated. Run `poetry lock [--no-update]` to fix the lock file.",
        ]
    )


def k_cargo_lock_git_source(r: random.Random) -> str:
    c = r.choice(PKGS_RS)
    sha = hx(r, 40)
    return r.choice(
        [
            f'[[package]]\nname = "{c}"\nversion = "{semver(r)}"\nsource = "git+https://github.com/{r.choice(ORGS)}/{c}?branch=main#{sha}"',
            f"    Updating git repository `https://github.com/{r.choice(ORGS)}/{c}`\n     Locking 1 package to latest compatible version\n      Adding {c} v{semver(r)} (https://github.com/{r.choice(ORGS)}/{c}?rev={sha[:7]}#{sha[:8]})",
            f'[patch.crates-io]\n{c} = {{ git = "https://github.com/{r.choice(ORGS)}/{c}", rev = "{sha}" }}',
        ]
    )


def k_go_pseudo_versions(r: random.Random) -> str:
    m = r.choice(PKGS_GO)
    pv = f"v0.0.0-2026{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 23):02d}{r.randint(0, 59):02d}{r.randint(0, 59):02d}-{hx(r, 12)}"
    return r.choice(
        [
            f"require {m} {pv}",
            f"go: downloading {m} {pv}",
            f"\t{m} {pv} // indirect",
            f"go: {m}@{pv}: invalid pseudo-version: does not match version-control timestamp (expected 2026{r.randint(1, 12):02d}{r.randint(10, 28)}{r.randint(100000, 235959)})",
        ]
    )


def k_deno_lock(r: random.Random) -> str:
    v = semver(r)
    mod = r.choice(["path/mod.ts", "http/server.ts", "assert/mod.ts", "fmt/colors.ts"])
    return r.choice(
        [
            f'"remote": {{\n  "https://deno.land/std@0.{r.randint(150, 224)}.0/{mod}": "{hx(r, 64)}"\n}}',
            f'"jsr:@std/{mod.split("/")[0]}@{v}": {{"integrity": "{hx(r, 64)}"}}',
            f"error: Integrity check failed for remote specifier. The source code is invalid, as it does not match the expected hash in the lock file.\n\n  Specifier: https://deno.land/std@0.{r.randint(150, 224)}.0/{mod}\n  Actual: {hx(r, 64)}\n  Expected: {hx(r, 64)}",
        ]
    )


def k_bun_lock(r: random.Random) -> str:
    p, v = r.choice(PKGS_NPM), semver(r)
    return r.choice(
        [
            f'    "{p}": ["{p}@{v}", "", {{}}, "{sri(r)}"],',
            f"bun install v1.{r.randint(0, 2)}.{r.randint(0, 30)} ({hx(r, 8)})\n + {p}@{v}\n {r.randint(10, 900)} packages installed [{r.randint(100, 9999)}.00ms]",
            f"error: Integrity check failed for tarball: {p}",
        ]
    )


def k_swiftpm_resolved(r: random.Random) -> str:
    repo = r.choice(
        ["swift-argument-parser", "swift-log", "swift-nio", "Alamofire", "swift-collections"]
    )
    return r.choice(
        [
            f'{{\n  "identity" : "{repo.lower()}",\n  "kind" : "remoteSourceControl",\n  "location" : "https://github.com/apple/{repo}.git",\n  "state" : {{\n    "revision" : "{hx(r, 40)}",\n    "version" : "{semver(r)}"\n  }}\n}}',
            f'"originHash" : "{hx(r, 64)}",',
            f"Fetching https://github.com/apple/{repo}.git from cache\nComputed https://github.com/apple/{repo}.git at {semver(r)} ({r.randint(1, 9)}.{r.randint(0, 99):02d}s)",
        ]
    )


def k_vcpkg_pins(r: random.Random) -> str:
    return r.choice(
        [
            f'"builtin-baseline": "{hx(r, 40)}"',
            f'vcpkg_from_github(\n    OUT_SOURCE_PATH SOURCE_PATH\n    REPO {r.choice(["fmtlib/fmt", "gabime/spdlog", "nlohmann/json"])}\n    REF "v{semver(r)}"\n    SHA512 {hx(r, 128)}\n    HEAD_REF master\n)',
            f"error: download from https://github.com/fmtlib/fmt/archive/{semver(r)}.tar.gz had an unexpected hash\nnote: Expected: {hx(r, 128)}\nnote: Actual  : {hx(r, 128)}",
        ]
    )


def k_helm_chart_lock(r: random.Random) -> str:
    c = r.choice(["postgresql", "redis", "qdrant", "ingress-nginx", "kube-prometheus-stack"])
    return r.choice(
        [
            f'dependencies:\n- name: {c}\n  repository: https://charts.bitnami.com/bitnami\n  version: {semver(r)}\ndigest: sha256:{hx(r, 64)}\ngenerated: "2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T10:{r.randint(10, 59)}:00Z"',
            f"Pulled: ghcr.io/{r.choice(ORGS)}/charts/{c}:{semver(r)}\nDigest: sha256:{hx(r, 64)}",
            f"Saving 1 charts\nDownloading {c} from repo oci://registry-1.docker.io/bitnamicharts\nDeleting outdated charts",
        ]
    )


def k_terraform_lock_hcl(r: random.Random) -> str:
    p = r.choice(
        ["hashicorp/aws", "hashicorp/random", "hashicorp/kubernetes", "cloudflare/cloudflare"]
    )
    return r.choice(
        [
            f'provider "registry.terraform.io/{p}" {{\n  version     = "{semver(r)}"\n  constraints = "~> {r.randint(2, 5)}.0"\n  hashes = [\n    "h1:{b64(r, 32)}",\n    "zh:{hx(r, 64)}",\n  ]\n}}',
            f"- Installed {p} v{semver(r)} (signed by HashiCorp)\n- Reusing previous version of {p} from the dependency lock file",
            f"Error: Failed to install provider\n\nthe local package for registry.terraform.io/{p} {semver(r)} doesn't match any of the checksums previously recorded in the dependency lock file (this might be because the available checksums are for packages targeting different platforms); for more information: https://www.terraform.io/language/provider-checksum-verification",
        ]
    )


def k_stack_yaml_lock(r: random.Random) -> str:
    return r.choice(
        [
            f"snapshots:\n- completed:\n    sha256: {hx(r, 64)}\n    size: {r.randint(600000, 700000)}\n    url: https://raw.githubusercontent.com/commercialhaskell/stackage-snapshots/master/lts/22/{r.randint(1, 40)}.yaml\n  original: lts-22.{r.randint(1, 40)}",
            f"- completed:\n    hackage: aeson-2.2.{r.randint(0, 3)}.0@sha256:{hx(r, 64)},{r.randint(5000, 9999)}\n    pantry-tree:\n      sha256: {hx(r, 64)}\n      size: {r.randint(1000, 90000)}",
        ]
    )


def k_gradle_coordinates(r: random.Random) -> str:
    c, v = r.choice(JAVA), semver(r)
    return r.choice(
        [
            f'    implementation("{c}:{v}")',
            f"> Could not resolve all files for configuration ':app:runtimeClasspath'.\n   > Could not find {c}:{v}.",
            f'<component group="{c.split(":")[0]}" name="{c.split(":")[1]}" version="{v}">\n   <artifact name="{c.split(":")[1]}-{v}.jar">\n      <sha256 value="{hx(r, 64)}" origin="Generated by Gradle"/>\n   </artifact>\n</component>',
            f"Dependency verification failed for configuration ':compileClasspath'\nOne artifact failed verification: {c.split(':')[1]}-{v}.jar ({c}:{v}) from repository MavenRepo",
        ]
    )


def k_maven_repo_checksums(r: random.Random) -> str:
    c, v = r.choice(JAVA), semver(r)
    g, a = c.split(":")
    path = f"{g.replace('.', '/')}/{a}/{v}/{a}-{v}"
    return r.choice(
        [
            f"Downloaded from central: https://repo.maven.apache.org/maven2/{path}.jar ({r.randint(10, 999)} kB at {r.randint(100, 9999)} kB/s)",
            f"{hx(r, 40)}  {a}-{v}.jar",
            f"[WARNING] Checksum validation failed, expected '{hx(r, 40)}' (REMOTE_EXTERNAL) but is actually '{hx(r, 40)}' from central for https://repo.maven.apache.org/maven2/{path}.pom",
            f"Uploaded to ossrh: https://s01.oss.sonatype.org/content/repositories/releases/{path}.jar.sha512",
        ]
    )


def k_bazel_http_archive(r: random.Random) -> str:
    n = r.choice(["rules_python", "rules_go", "bazel_skylib", "zlib", "abseil-cpp"])
    return r.choice(
        [
            f'http_archive(\n    name = "{n}",\n    sha256 = "{hx(r, 64)}",\n    strip_prefix = "{n}-{semver(r)}",\n    urls = ["https://github.com/bazelbuild/{n}/releases/download/{semver(r)}/{n}-{semver(r)}.tar.gz"],\n)',
            f'"https://bcr.bazel.build/modules/{n}/{semver(r)}/MODULE.bazel": "{hx(r, 64)}",',
            f'"integrity": "sha256-{b64(r, 32)}",',
            f"ERROR: Checksum was {hx(r, 64)} but wanted {hx(r, 64)}",
        ]
    )


def k_nix_fetcher_args(r: random.Random) -> str:
    repo = r.choice(REPOS)
    return r.choice(
        [
            f'  src = fetchFromGitHub {{\n    owner = "{r.choice(ORGS)}";\n    repo = "{repo}";\n    rev = "{hx(r, 40)}";\n    hash = "sha256-{b64(r, 32)}";\n  }};',
            f'  vendorHash = "sha256-{b64(r, 32)}";',
            f'  cargoHash = "sha256-{b64(r, 32)}";\n  npmDepsHash = "sha256-{b64(r, 32)}";',
            f"error: hash mismatch in fixed-output derivation '/nix/store/{s(r, '0123456789abcdfghijklmnpqrsvwxyz', 32)}-{repo}-src.drv':\n         specified: sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n            got:    sha256-{b64(r, 32)}",
        ]
    )


def k_homebrew_bottles(r: random.Random) -> str:
    return r.choice(
        [
            f'  bottle do\n    sha256 cellar: :any, arm64_sonoma: "{hx(r, 64)}"\n    sha256 cellar: :any_skip_relocation, x86_64_linux: "{hx(r, 64)}"\n  end',
            f'  url "https://github.com/{r.choice(ORGS)}/{r.choice(REPOS)}/archive/refs/tags/v{semver(r)}.tar.gz"\n  sha256 "{hx(r, 64)}"',
            f"==> Pouring {r.choice(['jq', 'ripgrep', 'ollama', 'uv'])}--{semver(r)}.arm64_sonoma.bottle.tar.gz\n==> Downloading https://ghcr.io/v2/homebrew/core/jq/blobs/sha256:{hx(r, 64)}",
        ]
    )


def k_precommit_frozen_revs(r: random.Random) -> str:
    repo = r.choice(
        [
            "astral-sh/ruff-pre-commit",
            "pre-commit/pre-commit-hooks",
            "psf/black",
            "pre-commit/mirrors-mypy",
        ]
    )
    return r.choice(
        [
            f"-   repo: https://github.com/{repo}\n    rev: {hx(r, 40)}  # frozen: v{semver(r)}",
            f"[https://github.com/{repo}] updating v{semver(r)} -> {hx(r, 40)} (frozen: v{semver(r)})",
            f"[INFO] Initializing environment for https://github.com/{repo}.",
        ]
    )


def k_git_submodule_status(r: random.Random) -> str:
    path = r.choice(
        ["vendor/llama.cpp", "third_party/abseil", "external/googletest", "deps/openssl"]
    )
    return r.choice(
        [
            f" {hx(r, 40)} {path} (v{semver(r)}-{r.randint(1, 90)}-g{hx(r, 7)})",
            f"+{hx(r, 40)} {path} (heads/main)",
            f"Submodule path '{path}': checked out '{hx(r, 40)}'",
            f"Submodule {path} {hx(r, 7)}..{hx(r, 7)}:\n  > Merge pull request #{r.randint(100, 9999)} from {r.choice(ORGS)}/fix-build",
        ]
    )


def k_conda_explicit(r: random.Random) -> str:
    p = r.choice(["numpy", "python", "openssl", "libblas", "pytorch", "cuda-nvcc"])
    build = f"{r.choice(['py312', 'h', 'py311'])}{hx(r, 7)}_{r.randint(0, 3)}"
    return r.choice(
        [
            f"https://conda.anaconda.org/conda-forge/linux-64/{p}-{semver(r)}-{build}.conda#{hx(r, 32)}",
            f"{p:<24}{semver(r):<14}{build:<22}conda-forge",
            f"  - {p}=={semver(r)}={build}",
            f"  sha256: {hx(r, 64)}\n  md5: {hx(r, 32)}\n  depends:\n  - libgcc-ng >=12",
        ]
    )


def k_deb_packages_index(r: random.Random) -> str:
    p = r.choice(["curl", "libssl3", "ca-certificates", "git", "python3.12", "nvidia-driver-550"])
    return r.choice(
        [
            f"Package: {p}\nVersion: {semver(r)}-{r.randint(1, 5)}\nSize: {r.randint(10000, 9999999)}\nSHA256: {hx(r, 64)}",
            f"Get:{r.randint(1, 90)} http://deb.debian.org/debian bookworm/main amd64 {p} amd64 {semver(r)}-{r.randint(1, 5)} [{r.randint(10, 9999)} kB]",
            f"E: Failed to fetch http://deb.debian.org/debian/dists/bookworm/main/binary-amd64/by-hash/SHA256/{hx(r, 64)}  Hash Sum mismatch",
            f" {hx(r, 32)} {r.randint(1000, 99999999)} main/binary-amd64/Packages.xz",
        ]
    )


def k_flatpak_snap_ids(r: random.Random) -> str:
    return r.choice(
        [
            f"name:      {r.choice(['firefox', 'code', 'lxd', 'ollama'])}\nsnap-id:   {s(r, B62, 32)}\ntracking:  latest/stable",
            f"          ID: {r.choice(['org.mozilla.firefox', 'com.visualstudio.code', 'org.gimp.GIMP'])}\n         Ref: app/org.mozilla.firefox/x86_64/stable\n      Commit: {hx(r, 64)}\n      Parent: {hx(r, 64)}",
            f"* fedora-coreos {hx(r, 64)}.0\n    Version: 41.2026{r.randint(1000, 1231)}.3.0 (2026-12-0{r.randint(1, 5)}T10:00:00Z)",
            f'Downloaded snap "{r.choice(["core22", "snapd"])}" (revision {r.randint(1000, 30000)}), sha3-384 {hx(r, 96)}',
        ]
    )


def k_npm_pack_notice(r: random.Random) -> str:
    p, v = r.choice(PKGS_NPM), semver(r)
    return r.choice(
        [
            f"npm notice === Tarball Details ===\nnpm notice name:          {p}\nnpm notice version:       {v}\nnpm notice shasum:        {hx(r, 40)}\nnpm notice integrity:     sha512-{b64(r, 9)}[...]{b64(r, 6)}==",
            f"npm notice total files:   {r.randint(3, 400)}\nnpm notice shasum:        {hx(r, 40)}",
            f"+ {p}@{v}\nnpm notice Publishing to https://registry.npmjs.org/ with tag latest and public access",
        ]
    )


def k_pip_wheel_build(r: random.Random) -> str:
    p, v = r.choice(PKGS_PY), semver(r)
    return r.choice(
        [
            f"  Created wheel for {p}: filename={p.replace('-', '_')}-{v}-cp312-cp312-linux_x86_64.whl size={r.randint(10000, 9999999)} sha256={hx(r, 64)}",
            f"  Stored in directory: /tmp/pip-ephem-wheel-cache-{s(r, LOWER + D, 8)}/wheels/{hx(r, 2)}/{hx(r, 2)}/{hx(r, 2)}/{hx(r, 58)}",
            f"ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE.\n    {p}=={v} from https://files.pythonhosted.org/packages/{hx(r, 2)}/{hx(r, 2)}/{hx(r, 60)}/{p}-{v}.tar.gz:\n        Expected sha256 {hx(r, 64)}\n             Got        {hx(r, 64)}",
        ]
    )


def k_scm_dev_versions(r: random.Random) -> str:
    v = semver(r)
    return r.choice(
        [
            f"{v}.dev{r.randint(1, 90)}+g{hx(r, 8)}.d2026{r.randint(1, 12):02d}{r.randint(1, 28):02d}",
            f"v{v}-{r.randint(1, 300)}-g{hx(r, 7)}-dirty",
            f"Successfully installed {r.choice(REPOS)}-{v}.post{r.randint(1, 9)}.dev0+{hx(r, 7)}",
            f'__version__ = "{v}+git.{hx(r, 10)}"',
        ]
    )
