"""nix/units.nix, the pure half of the NixOS module, evaluated with nix-instantiate alone."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.nix.conftest import PACKAGE, ROOT, STORE, SYSTEMD, Units, run_nix

pytestmark = pytest.mark.nix

JOBS = ("sync", "export", "metrics", "import", "publish", "pull")
LOCAL_QDRANT = "http://127.0.0.1:6333"
SECRETS: dict[str, Any] = {
    "settings": {
        "qdrant": {"api_key_file": "/run/secrets/qdrant-api-key"},
        "embedding": {
            "api_key_file": "/run/secrets/openai-key",
            "provider": "openai",
            "url": "http://127.0.0.1:8000",
        },
    },
    "publish": {"enable": True, "sshKeyFile": "/run/secrets/deploy-key"},
    "repo": {"url": "git@example.org:alice/fed.git"},
}
CLONED = {"repo": {"url": "https://example.org/fed.git"}}
# Every unit the module can make: a clone, publish (and so pull).
ALL_UNITS: dict[str, Any] = {**CLONED, "publish": {"enable": True}}
GITHUB_KEY = (
    "github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"
)


def config_file(job: str) -> str:
    """Return the stand-in store path the driver gives the config file of ``job``."""
    return f"{STORE}/11111111111111111111111111111111-fedlearn-{job}.toml"


def failed(units: Units, **options: object) -> list[str]:
    """Return the messages of the assertions that fail for ``options``."""
    return [item["message"] for item in units("assertions", **options) if not item["assertion"]]


def test_units_exec_start_runs_each_job_with_its_config(units: Units) -> None:
    """Every job's service runs ``fedlearn <job> --config <its generated file>``, one command each."""
    services = units("services", **ALL_UNITS)
    for job in ("sync", "export", "metrics", "publish", "pull"):
        command = services[f"fedlearn-{job}"]["serviceConfig"]["ExecStart"]
        assert command == f"{PACKAGE}/bin/fedlearn {job} --config {config_file(job)}"
        assert services[f"fedlearn-{job}"]["serviceConfig"]["Type"] == "oneshot"


# Item 1: the boot import waits for Qdrant and the embedder, bounded, and is restarted.
def test_units_import_waits_for_readiness_and_restarts_on_failure(units: Units) -> None:
    """Import runs with ``--wait-ready readyTimeout`` and Restart=on-failure, bounded per hour."""
    service = units("services", readyTimeout=900)["fedlearn-import"]
    config = service["serviceConfig"]
    assert config["ExecStart"] == (
        f"{PACKAGE}/bin/fedlearn import --wait-ready 900 --config {config_file('import')}"
    )
    assert (config["Restart"], config["RestartSec"]) == ("on-failure", "30s")
    assert config["RemainAfterExit"] is True
    assert service["unitConfig"] == {"StartLimitIntervalSec": "1h", "StartLimitBurst": 5}


def test_units_import_at_boot_is_ordered_after_qdrant_and_the_boot_target(units: Units) -> None:
    """With this host's Qdrant configured, import wants and follows it; the boot does not wait."""
    service = units(
        "services", local_qdrant_url=LOCAL_QDRANT, settings={"qdrant": {"url": LOCAL_QDRANT}}
    )["fedlearn-import"]
    assert service["after"] == ["network-online.target", "qdrant.service", "multi-user.target"]
    assert service["wants"] == ["network-online.target", "qdrant.service"]
    assert service["wantedBy"] == ["multi-user.target"]
    not_at_boot = units("services", importOnBoot=False)["fedlearn-import"]
    assert "wantedBy" not in not_at_boot
    assert "multi-user.target" not in not_at_boot["after"]


def test_units_embedding_jobs_follow_a_local_ollama(units: Units) -> None:
    """services.ollama on this host and an API provider: import and pull follow ollama.service."""
    ollama = {"provider": "ollama", "url": "http://127.0.0.1:11434"}
    options: dict[str, Any] = {"settings": {"embedding": ollama}, **CLONED}
    services = units("services", ollama=True, **options)
    for job in ("import", "pull"):
        assert "ollama.service" in services[f"fedlearn-{job}"]["after"], job
        assert "ollama.service" in services[f"fedlearn-{job}"]["wants"], job
    for job in ("export", "sync"):
        assert "ollama.service" not in services[f"fedlearn-{job}"]["wants"], job
    hashing = units("services", ollama=True, **CLONED)
    assert "ollama.service" not in hashing["fedlearn-import"]["wants"]


# Item 2: a lost lock race is not a failure.
@pytest.mark.parametrize("job", JOBS)
def test_units_lock_held_exit_counts_as_success(units: Units, job: str) -> None:
    """Exit 3 (the job's lock is held by another run) is SuccessExitStatus of every job."""
    service = units("services", **ALL_UNITS)[f"fedlearn-{job}"]
    assert service["serviceConfig"]["SuccessExitStatus"] == [3]


# Item 3: a switch does not kill a run.
@pytest.mark.parametrize("job", [*JOBS, "clone"])
def test_units_are_not_restarted_by_a_switch(units: Units, job: str) -> None:
    """restartIfChanged = false on every unit, as restic's."""
    assert units("services", **ALL_UNITS)[f"fedlearn-{job}"]["restartIfChanged"] is False


# Item 4: the clone is wanted, not required.
def test_units_jobs_want_the_clone_and_never_require_it(units: Units) -> None:
    """Stopping fedlearn-clone must not stop a running job: wants + after, no requires."""
    services = units("services", **ALL_UNITS)
    for job in JOBS:
        service = services[f"fedlearn-{job}"]
        assert "fedlearn-clone.service" in service["wants"], job
        assert "fedlearn-clone.service" in service["after"], job
        assert "requires" not in service, job


# Item 5: timeouts everywhere, ssh that cannot hang.
def test_units_have_start_timeouts(units: Units) -> None:
    """Every unit has TimeoutStartSec from its own ``timeouts`` entry; the clone does not hold up the boot."""
    services = units("services", timeouts={"sync": "20min", "pull": "12h"}, **ALL_UNITS)
    expected = {
        "clone": "1h",
        "sync": "20min",
        "publish": "30min",
        "pull": "12h",
        "export": "1h",
        "metrics": "5min",
        "import": "6h",
    }
    assert sorted(services) == sorted(f"fedlearn-{job}" for job in expected)
    for job, timeout in expected.items():
        assert services[f"fedlearn-{job}"]["serviceConfig"]["TimeoutStartSec"] == timeout, job
    assert services["fedlearn-clone"]["after"] == ["network-online.target", "multi-user.target"]


def test_units_git_over_ssh_never_prompts_or_hangs(units: Units) -> None:
    """GIT_SSH_COMMAND has BatchMode, ConnectTimeout and ServerAliveInterval, key or not."""
    for options in (SECRETS, CLONED):
        services = units("services", **options)
        for unit in ("fedlearn-pull", "fedlearn-clone"):
            environment = services[unit]["environment"]
            words = shlex.split(environment["GIT_SSH_COMMAND"])
            for setting in ("BatchMode=yes", "ConnectTimeout=30", "ServerAliveInterval=15"):
                assert setting in words, (unit, setting)
            assert environment["GIT_TERMINAL_PROMPT"] == "0"
            assert environment["GIT_HTTP_LOW_SPEED_TIME"] == "60"
    for job in ("export", "sync"):
        assert units("services", **SECRETS)[f"fedlearn-{job}"]["environment"] == {}, job


def test_units_ssh_uses_the_key_credential_and_the_given_ssh(units: Units) -> None:
    """The key is the unit's credential copy; ssh is the package passed (programs.ssh.package)."""
    services = units("services", **SECRETS)
    words = shlex.split(services["fedlearn-publish"]["environment"]["GIT_SSH_COMMAND"])
    assert words[0] == f"{STORE}/33333333333333333333333333333333-openssh-10.0p2/bin/ssh"
    assert words[words.index("-i") + 1] == "/run/credentials/fedlearn-publish.service/ssh-key"
    assert "UserKnownHostsFile=/var/lib/fedlearn/known_hosts" in words
    assert "StrictHostKeyChecking=accept-new" in words


# Item 9: per-job timers.
def test_units_timers_take_oncalendar_lists_and_timer_config(units: Units) -> None:
    """onCalendar may be a list; timerConfig passes through over the module's own settings."""
    timers = units(
        "timers",
        timers={
            "sync": {"onCalendar": ["Mon..Fri 09:00", "Sat 12:00"]},
            "export": {"timerConfig": {"Persistent": False, "AccuracySec": "1h"}},
        },
    )
    assert timers["fedlearn-sync"]["timerConfig"] == {
        "OnCalendar": ["Mon..Fri 09:00", "Sat 12:00"],
        "Persistent": True,
        "RandomizedDelaySec": "5m",
    }
    assert timers["fedlearn-export"]["timerConfig"] == {
        "OnCalendar": "Sun *-*-* 02:00:00",
        "Persistent": False,
        "RandomizedDelaySec": "30m",
        "AccuracySec": "1h",
    }
    assert timers["fedlearn-metrics"]["wantedBy"] == ["timers.target"]


def test_units_timer_can_be_switched_off_alone(units: Units) -> None:
    """timers.<job>.enable = false drops that timer only; its service stays, to start by hand."""
    options = {"timers": {"export": {"enable": False}}}
    assert sorted(units("timers", **options)) == ["fedlearn-metrics", "fedlearn-sync"]
    assert "fedlearn-export" in units("services", **options)


def test_units_assert_a_time_for_every_enabled_timer(units: Units) -> None:
    """Schedule "custom" leaves onCalendar null: each enabled timer without one is named."""
    timers = {
        "sync": {"onCalendar": None},
        "export": {"onCalendar": None},
        "metrics": {"onCalendar": None, "enable": False},
    }
    assert failed(units, schedule="custom", timers=timers) == [
        'services.fedlearn.timers.sync.onCalendar: schedule "custom" gives no time for sync, '
        "export; set timers.<job>.onCalendar, or timers.<job>.enable = false"
    ]


# Item 10: paths with systemd's and the shell's special characters.
def test_units_clone_quotes_and_escapes_its_arguments(units: Units) -> None:
    """The clone's URL, branch and path are quoted, with % and $ doubled (no expansion)."""
    url = "git@ssh.dev.azure.com:v3/org/My%20Project/fed$data"
    clone = units(
        "services", repo={"url": url}, settings={"repo": '/srv/fed"x', "publish": {"branch": "a b"}}
    )["fedlearn-clone"]
    assert clone["serviceConfig"]["ExecStart"] == (
        f'{STORE}/22222222222222222222222222222222-git-2.51.0/bin/git clone --branch "a b" -- '
        '"git@ssh.dev.azure.com:v3/org/My%%20Project/fed$$data" "/srv/fed\\"x"'
    )


def test_units_ssh_command_quotes_the_state_dir_for_the_shell(units: Units) -> None:
    """A quote in the state dir stays one word of the command git runs with sh."""
    state = "/var/lib/fed'learn"
    services = units("services", settings={"state_dir": state}, **CLONED)
    words = shlex.split(services["fedlearn-pull"]["environment"]["GIT_SSH_COMMAND"])
    assert f"UserKnownHostsFile={state}/known_hosts" in words


@pytest.mark.parametrize(
    ("settings", "option"),
    [
        ({"state_dir": "/var/lib/fed learn"}, "settings.state_dir"),
        ({"repo": "/srv/my repo"}, "settings.repo"),
        ({"metrics": {"path": "/var/lib/node exporter/fedlearn.prom"}}, "settings.metrics.path"),
    ],
)
def test_units_assert_no_whitespace_in_sandbox_paths(
    units: Units, settings: dict[str, Any], option: str
) -> None:
    """ReadWritePaths= and tmpfiles.d split on whitespace: such a path fails on its option."""
    messages = failed(units, settings=settings)
    assert len(messages) == 1, messages
    assert messages[0].startswith(f"services.fedlearn.{option}: ")
    assert "contains whitespace" in messages[0]


# Item 11: no credentials in the store; an HTTPS credential file instead.
@pytest.mark.parametrize(
    "url",
    [
        "https://alice:ghp_token@github.com/alice/fed.git",
        "https://ghp_token@github.com/alice/fed.git",
        "ssh://git:secret@example.org/fed.git",
    ],
)
def test_units_assert_no_credentials_in_the_repo_url(units: Units, url: str) -> None:
    """A URL holding a password or token is refused, naming repo.url and the file option."""
    messages = failed(units, repo={"url": url})
    assert len(messages) == 1
    assert messages[0].startswith("services.fedlearn.repo.url: holds credentials")
    assert "services.fedlearn.repo.credentialsFile" in messages[0]


@pytest.mark.parametrize(
    "url", ["git@github.com:alice/fed.git", "ssh://git@example.org/fed.git", "https://x.org/f.git"]
)
def test_units_accept_urls_without_credentials(units: Units, url: str) -> None:
    """ssh's user@host and a bare HTTPS URL are fine."""
    assert failed(units, repo={"url": url}) == []


def test_units_https_credentials_file_reaches_git_by_load_credential(units: Units) -> None:
    """credentialsFile is loaded by the units that talk to the remote and used by git's store helper."""
    options = {"repo": {"url": "https://x.org/f.git", "credentialsFile": "/run/secrets/git"}}
    services = units("services", **options)
    for job in ("pull", "clone"):
        service = services[f"fedlearn-{job}"]
        assert "git-credentials:/run/secrets/git" in service["serviceConfig"]["LoadCredential"]
        environment = service["environment"]
        assert (environment["GIT_CONFIG_COUNT"], environment["GIT_CONFIG_KEY_0"]) == (
            "1",
            "credential.helper",
        )
        helper = shlex.split(environment["GIT_CONFIG_VALUE_0"])
        assert helper == [
            "store",
            f"--file=/run/credentials/fedlearn-{job}.service/git-credentials",
        ]
    for job in ("import", "sync"):
        assert services[f"fedlearn-{job}"]["serviceConfig"]["LoadCredential"] == [], job


def test_units_git_store_helper_reads_the_credentials_file(units: Units, tmp_path: Path) -> None:
    """Real git, given the units' GIT_CONFIG_* with the file in place, answers with its token."""
    options = {"repo": {"url": "https://x.org/f.git", "credentialsFile": "/run/secrets/git"}}
    environment = units("services", **options)["fedlearn-pull"]["environment"]
    copy = tmp_path / "git-credentials"
    copy.write_text("https://alice:s3cret@x.org\n")
    value = environment["GIT_CONFIG_VALUE_0"].replace(
        "/run/credentials/fedlearn-pull.service/git-credentials", str(copy)
    )
    answer = subprocess.run(
        ["git", "credential", "fill"],
        input="protocol=https\nhost=x.org\n\n",
        capture_output=True, text=True, check=True,
        env=os.environ | {key: environment[key] for key in ("GIT_CONFIG_COUNT", "GIT_CONFIG_KEY_0")}
        | {"GIT_CONFIG_VALUE_0": value, "GIT_TERMINAL_PROMPT": "0", "HOME": str(tmp_path)},
    )  # fmt: skip
    assert "password=s3cret" in answer.stdout.splitlines()


def test_units_pass_secrets_by_load_credential(units: Units) -> None:
    """Secret files reach the units only as LoadCredential lines, the ssh key only where git talks."""
    services = units("services", **SECRETS)
    api_keys = [
        "embedding-api-key:/run/secrets/openai-key",
        "qdrant-api-key:/run/secrets/qdrant-api-key",
    ]
    for job in ("publish", "pull"):
        assert services[f"fedlearn-{job}"]["serviceConfig"]["LoadCredential"] == [
            *api_keys,
            "ssh-key:/run/secrets/deploy-key",
        ], job
    for job in ("sync", "import"):
        assert services[f"fedlearn-{job}"]["serviceConfig"]["LoadCredential"] == api_keys, job
    assert services["fedlearn-clone"]["serviceConfig"]["LoadCredential"] == [
        "ssh-key:/run/secrets/deploy-key"
    ]


def test_units_configs_name_each_units_credential_copy(units: Units) -> None:
    """Each job's config points at its own credentials directory; no secret's path enters the store."""
    configs = units("configs", **SECRETS)
    for job in (*JOBS, "cli"):
        credentials = f"/run/credentials/fedlearn-{job}.service"
        assert configs[job]["qdrant"]["api_key_file"] == f"{credentials}/qdrant-api-key"
        assert configs[job]["embedding"]["api_key_file"] == f"{credentials}/embedding-api-key"
    assert "/run/secrets" not in json.dumps(configs)
    assert units("settings", **SECRETS)["qdrant"]["api_key_file"] == "/run/secrets/qdrant-api-key"


def test_units_configs_keep_freeform_settings(units: Units) -> None:
    """Keys the module does not type reach every generated file unchanged."""
    settings = {"anonymize": {"hostnames": ["corp.example"]}, "sync": {"snapshots_keep": 10}}
    for table in units("configs", settings=settings).values():
        assert table["anonymize"] == {"hostnames": ["corp.example"]}
        assert table["sync"]["snapshots_keep"] == 10
        assert table["sync"]["value_threshold"] == 0.7


# Item 14: Qdrant waited for only when it is the one configured; hardening; metrics folder.
def test_units_want_local_qdrant_only_when_it_is_the_configured_one(units: Units) -> None:
    """A Qdrant on this host while settings.qdrant.url points elsewhere: no Wants=qdrant.service."""
    elsewhere = units(
        "services",
        local_qdrant_url=LOCAL_QDRANT,
        settings={"qdrant": {"url": "http://qdrant.lan:6333"}},
        **CLONED,
    )
    for job in ("pull", "export", "import"):
        assert "qdrant.service" not in elsewhere[f"fedlearn-{job}"]["wants"], job
        assert "network-online.target" in elsewhere[f"fedlearn-{job}"]["wants"], job
    here = units(
        "services", local_qdrant_url=LOCAL_QDRANT, settings={"qdrant": {"url": LOCAL_QDRANT}}
    )
    assert "qdrant.service" in here["fedlearn-export"]["wants"]


def test_units_embedded_store_waits_for_nothing(units: Units) -> None:
    """No Qdrant server and the hash embedder: import follows only the boot target."""
    service = units("services")["fedlearn-import"]
    assert service["after"] == ["multi-user.target"] and service["wants"] == []


@pytest.mark.parametrize("job", [*JOBS, "clone"])
def test_units_are_hardened(units: Units, job: str) -> None:
    """Every unit runs sandboxed, idle-scheduled, writing only to the state dir and the repo."""
    config = units("services", **ALL_UNITS)[f"fedlearn-{job}"]["serviceConfig"]
    assert config["ProtectSystem"] == "strict"
    assert config["ReadWritePaths"] == ["/var/lib/fedlearn", "/srv/federation"]
    assert config["ProtectHome"] is True
    assert config["SystemCallFilter"] == ["@system-service", "~@privileged"]
    assert (config["ProcSubset"], config["RemoveIPC"]) == ("pid", True)
    assert (config["CPUSchedulingPolicy"], config["IOSchedulingClass"]) == ("idle", "idle")
    assert config["CapabilityBoundingSet"] == ""
    assert (config["User"], config["Group"]) == ("fedlearn", "fedlearn")


def test_units_metrics_and_sync_have_no_network(units: Units) -> None:
    """metrics and sync read and write local files only: PrivateNetwork; the others not."""
    services = units("services", **ALL_UNITS)
    for job in ("metrics", "sync"):
        assert services[f"fedlearn-{job}"]["serviceConfig"]["PrivateNetwork"] is True, job
    for job in ("export", "import", "publish", "pull", "clone"):
        assert "PrivateNetwork" not in services[f"fedlearn-{job}"]["serviceConfig"], job


def test_units_metrics_folder_is_created_writable_and_readable(units: Units) -> None:
    """settings.metrics.path's folder gets a tmpfiles rule, is writable, and the file world-readable."""
    settings = {"metrics": {"path": "/var/lib/node-exporter/fed.prom"}}
    assert units("tmpfiles", settings=settings) == [
        "d /var/lib/fedlearn 0750 fedlearn fedlearn - -",
        "d /var/lib/node-exporter 0755 fedlearn fedlearn - -",
    ]
    services = units("services", settings=settings)
    assert services["fedlearn-metrics"]["serviceConfig"]["ReadWritePaths"] == [
        "/var/lib/fedlearn",
        "-/srv/federation",
        "-/var/lib/node-exporter",
    ]
    assert services["fedlearn-metrics"]["serviceConfig"]["UMask"] == "0022"
    assert services["fedlearn-sync"]["serviceConfig"]["UMask"] == "0027"


def test_units_tmpfiles_create_state_dir_and_managed_repo(units: Units) -> None:
    """The state dir always, and a cloned repo, exist with the service's owner."""
    assert units("tmpfiles") == ["d /var/lib/fedlearn 0750 fedlearn fedlearn - -"]
    assert units("tmpfiles", user="fl", group="ai", **CLONED) == [
        "d /var/lib/fedlearn 0750 fl ai - -",
        "d /srv/federation 0750 fl ai - -",
    ]


@pytest.mark.parametrize(
    ("settings", "protect_home"),
    [
        ({"repo": "/home/alice/fed"}, False),
        ({"metrics": {"path": "/home/alice/fed.prom"}}, False),
        ({"sync": {"telemetry": ["/home/alice/.local/share/ai/events.jsonl"]}}, "read-only"),
        ({"sync": {"fine_tuning": "/home/alice/dataset.jsonl"}}, "read-only"),
    ],
)
def test_units_protect_home_follows_the_paths(
    units: Units, settings: dict[str, Any], protect_home: object
) -> None:
    """Writable paths under /home turn ProtectHome off; inputs there make it read-only."""
    service = units("services", settings=settings)["fedlearn-sync"]
    assert service["serviceConfig"]["ProtectHome"] == protect_home


def test_units_sync_is_followed_by_publish_then_pull_in_units_of_their_own(units: Units) -> None:
    """
    With publish enabled, sync's unit wants fedlearn-publish and fedlearn-pull, ordered after it.

    Issue 15 item 6: a failed sync must not skip the pull that may bring the repair. Wanted
    units ordered After= a failed unit still start (only Requires=, BindsTo= and Requisite=
    carry a failure), so sync wants them instead of running them as further commands.
    """
    services = units("services", publish={"enable": True})
    sync, publish, pull = (services[f"fedlearn-{job}"] for job in ("sync", "publish", "pull"))
    assert sync["wants"] == ["fedlearn-publish.service", "fedlearn-pull.service"]
    assert sync["after"] == []
    assert "fedlearn-sync.service" in publish["after"]
    assert {"fedlearn-sync.service", "fedlearn-publish.service"} <= set(pull["after"])
    for service in (publish, pull):
        assert not {"fedlearn-sync.service", "fedlearn-publish.service"} & set(service["wants"])
        assert "requires" not in service and "unitConfig" not in service
        assert "network-online.target" in service["wants"]
        assert "network-online.target" in service["after"]


def test_units_sync_pulls_without_publishing_when_cloned(units: Units) -> None:
    """A cloned repo without publish: sync is followed by pull alone (which imports)."""
    services = units("services", **CLONED)
    assert services["fedlearn-sync"]["wants"] == ["fedlearn-clone.service", "fedlearn-pull.service"]
    assert "fedlearn-publish" not in services
    assert "fedlearn-publish.service" not in services["fedlearn-pull"]["after"]


def test_units_pull_starts_after_the_boot_import(units: Units) -> None:
    """
    A pull that imports waits for a running boot import: its import does not wait for Qdrant's
    readiness. Only ordered, never wanted; not without a boot import or without importing.
    Sync itself (local files only) does not wait for it.
    """
    services = units("services", **CLONED)
    assert "fedlearn-import.service" in services["fedlearn-pull"]["after"]
    assert "fedlearn-import.service" not in services["fedlearn-pull"]["wants"]
    assert "fedlearn-import.service" not in services["fedlearn-sync"]["after"]
    for options in (
        {"importOnBoot": False, **CLONED},
        {"settings": {"pull": {"import_after": False}}, **CLONED},
    ):
        assert (
            "fedlearn-import.service" not in units("services", **options)["fedlearn-pull"]["after"]
        )


def test_units_pull_without_import_waits_for_no_qdrant(units: Units) -> None:
    """pull.import_after = false: pull wants the network only, not this host's Qdrant."""
    for import_after, wants in (
        (False, ["network-online.target", "fedlearn-clone.service"]),
        (True, ["network-online.target", "qdrant.service", "fedlearn-clone.service"]),
    ):
        settings = {"pull": {"import_after": import_after}, "qdrant": {"url": LOCAL_QDRANT}}
        services = units("services", local_qdrant_url=LOCAL_QDRANT, settings=settings, **CLONED)
        assert services["fedlearn-pull"]["wants"] == wants, import_after


def test_units_sync_runs_alone_without_a_remote(units: Units) -> None:
    """A local checkout without publish: sync alone, no publish or pull, no git environment."""
    services = units("services")
    sync = services["fedlearn-sync"]
    assert (
        sync["serviceConfig"]["ExecStart"]
        == f"{PACKAGE}/bin/fedlearn sync --config {config_file('sync')}"
    )
    assert sync["after"] == [] and sync["wants"] == [] and sync["environment"] == {}
    assert "fedlearn-pull" not in services and "fedlearn-publish" not in services


def test_units_configs_exist_for_the_units_that_exist(units: Units) -> None:
    """A config file per unit: publish's and pull's only when those units are there."""
    assert sorted(units("configs")) == ["cli", "export", "import", "metrics", "sync"]
    assert sorted(units("configs", **ALL_UNITS)) == [
        "cli", "export", "import", "metrics", "publish", "pull", "sync",
    ]  # fmt: skip


# Pinned host keys of an ssh remote.
def ssh_options(service: dict[str, Any]) -> dict[str, str]:
    """Return the ``-o`` options of a unit's GIT_SSH_COMMAND as a table."""
    words = shlex.split(service["environment"]["GIT_SSH_COMMAND"])
    pairs = (words[index + 1].split("=", 1) for index, word in enumerate(words) if word == "-o")
    return dict(pairs)


def test_units_pinned_host_keys_are_checked_strictly(units: Units) -> None:
    """sshKnownHosts lines: StrictHostKeyChecking=yes with a file of them, in every remote unit."""
    lines = [GITHUB_KEY, "[git.lan]:2222 ssh-rsa AAAAB3NzaC1yc2E"]
    options = {
        **ALL_UNITS,
        "repo": {**CLONED["repo"], "sshKnownHosts": lines, "strictHostKeyChecking": True},
    }
    services = units("services", **options)
    file = f"{STORE}/55555555555555555555555555555555-fedlearn-known_hosts"
    for job in ("clone", "publish", "pull"):
        found = ssh_options(services[f"fedlearn-{job}"])
        assert found["StrictHostKeyChecking"] == "yes", job
        assert found["UserKnownHostsFile"] == file, job
    assert units("knownHostsText", **options) == "".join(line + "\n" for line in lines)
    assert "StrictHostKeyChecking=yes" in units("wrapper", **options)
    assert failed(units, **options) == []


def test_units_nothing_pinned_accepts_a_new_host_once(units: Units) -> None:
    """The default: accept-new into the state dir (a changed key is still refused by ssh)."""
    found = ssh_options(units("services", **CLONED)["fedlearn-clone"])
    assert found["StrictHostKeyChecking"] == "accept-new"
    assert found["UserKnownHostsFile"] == "/var/lib/fedlearn/known_hosts"


def test_units_strict_checking_with_only_system_known_hosts(units: Units) -> None:
    """Strict without lines of its own reads no user file (programs.ssh.knownHosts is global)."""
    options = {"repo": {**CLONED["repo"], "strictHostKeyChecking": True}}
    found = ssh_options(units("services", system_known_hosts=True, **options)["fedlearn-pull"])
    assert (found["StrictHostKeyChecking"], found["UserKnownHostsFile"]) == ("yes", "/dev/null")
    assert failed(units, system_known_hosts=True, **options) == []


def test_units_assert_a_pinned_key_for_strict_checking(units: Units) -> None:
    """Strict checking with no key pinned anywhere would refuse every host: an assertion says so."""
    options = {"repo": {**CLONED["repo"], "strictHostKeyChecking": True}}
    messages = failed(units, **options)
    assert len(messages) == 1
    assert messages[0].startswith(
        "services.fedlearn.repo.strictHostKeyChecking: no host key is pinned"
    )
    assert "services.fedlearn.repo.sshKnownHosts" in messages[0]


def test_units_clone_only_with_a_repo_url(units: Units) -> None:
    """``fedlearn-clone`` exists only with repo.url, and checks out publish.branch once."""
    assert "fedlearn-clone" not in units("services")
    clone = units("services", settings={"publish": {"branch": "data"}}, **CLONED)["fedlearn-clone"]
    assert clone["unitConfig"]["ConditionPathExists"] == "!/srv/federation/.git"
    assert clone["serviceConfig"]["ExecStart"].endswith(
        '/bin/git clone --branch "data" -- "https://example.org/fed.git" "/srv/federation"'
    )


def test_units_assert_a_repo(units: Units) -> None:
    """No settings.repo (and so no repo.url): an assertion naming both ways to give one."""
    assert failed(units, settings={"repo": ""}) == [
        "services.fedlearn.settings.repo: fedlearn needs a federation repo; set it to a git "
        "checkout, or set services.fedlearn.repo.url to clone one into /var/lib/fedlearn/repo"
    ]


def test_units_assert_embedding_url_for_api_providers(units: Units) -> None:
    """The openai and ollama providers need a URL."""
    assert failed(units, settings={"embedding": {"provider": "ollama"}}) == [
        'services.fedlearn.settings.embedding.url: provider "ollama" needs the URL of its API'
    ]


def test_units_assertions_pass_for_a_typical_config(units: Units) -> None:
    """A configuration with a clone, publish and secrets fails no assertion."""
    assert failed(units, **SECRETS) == []


# Item 15: the wrapper for by-hand runs.
def wrapper(units: Units, tmp_path: Path, **options: Any) -> Path:
    """Write the wrapper with fake ``systemd-run``, ``fedlearn`` and ``id`` that print their calls."""
    fakes = tmp_path / "fakes"
    for name in ("systemd-run", "fedlearn", "id"):
        (fakes / name).parent.mkdir(parents=True, exist_ok=True)
    text = units("wrapper", **options)
    text = text.replace(f"{SYSTEMD}/bin/", f"{fakes}/").replace(f"{PACKAGE}/bin/", f"{fakes}/")
    for name in ("systemd-run", "fedlearn"):
        script = fakes / name
        script.write_text(
            f'#!/bin/sh\nprintf "%s\\n" "{name}" "FEDLEARN_CONFIG=$FEDLEARN_CONFIG" "$@"\n'
        )
        script.chmod(0o755)
    path = tmp_path / "fedlearn-wrapper"
    path.write_text("#!/bin/bash\n" + text)
    path.chmod(0o755)
    return path


def run_wrapper(path: Path, uid: str, *args: str) -> list[str]:
    """Run the wrapper as if ``id -u`` said ``uid``; return the lines its fake commands printed."""
    fake_id = path.parent / "fakes" / "id"
    fake_id.write_text(f"#!/bin/sh\necho {uid}\n")
    fake_id.chmod(0o755)
    environment = {"PATH": f"{fake_id.parent}:/usr/bin:/bin"}
    process = subprocess.run(
        [str(path), *args],
        capture_output=True,
        text=True,
        env=environment,
        stdin=subprocess.DEVNULL,
        check=True,
    )
    return process.stdout.splitlines()


def test_units_wrapper_runs_root_as_the_service_user_with_its_credentials(
    units: Units, tmp_path: Path
) -> None:
    """As root: systemd-run as fedlearn, the credentials loaded, the cli config, the arguments kept."""
    path = wrapper(units, tmp_path, **SECRETS)
    lines = run_wrapper(path, "0", "status", "--json")
    assert lines[0] == "systemd-run"
    arguments = lines[2:]
    for expected in (
        "--wait",
        "--pipe",
        "--unit=fedlearn-cli",
        "--property=User=fedlearn",
        "--property=Group=fedlearn",
        "--property=LoadCredential=qdrant-api-key:/run/secrets/qdrant-api-key",
        "--property=LoadCredential=ssh-key:/run/secrets/deploy-key",
        f"--setenv=FEDLEARN_CONFIG={config_file('cli')}",
        "--setenv=HOME=/var/lib/fedlearn",
    ):
        assert expected in arguments, expected
    ssh = next(line for line in arguments if line.startswith("--setenv=GIT_SSH_COMMAND="))
    assert "/run/credentials/fedlearn-cli.service/ssh-key" in ssh
    assert arguments[-4:] == ["--", f"{path.parent}/fakes/fedlearn", "status", "--json"]


def test_units_wrapper_runs_others_as_themselves_with_the_etc_config(
    units: Units, tmp_path: Path
) -> None:
    """Not root: fedlearn itself, with /etc/fedlearn/config.toml unless FEDLEARN_CONFIG is set."""
    lines = run_wrapper(wrapper(units, tmp_path), "1000", "schedule", "list")
    assert lines == ["fedlearn", "FEDLEARN_CONFIG=/etc/fedlearn/config.toml", "schedule", "list"]


@pytest.mark.parametrize(
    ("service", "url"),
    [
        ({"host": "0.0.0.0", "http_port": 7000}, "http://127.0.0.1:7000"),  # noqa: S104 (test data: the wildcard host Qdrant may bind)
        ({"host": "::", "http_port": 6333}, "http://[::1]:6333"),
        ({"host": "fd00::5"}, "http://[fd00::5]:6333"),
        ({"host": "10.0.0.5"}, "http://10.0.0.5:6333"),
        ({}, "http://127.0.0.1:6333"),
        ({"enable_tls": True, "host": "q.lan"}, "https://q.lan:6333"),
    ],
)
def test_qdrant_url_derives_from_local_settings(
    env: dict[str, str], service: dict[str, object], url: str
) -> None:
    """nix/qdrant-url.nix: services.qdrant's address, a wildcard host reached on loopback."""
    expression = (
        f"import {ROOT}/nix/qdrant-url.nix (builtins.fromJSON {json.dumps(json.dumps(service))})"
    )
    process = run_nix(env, "nix-instantiate", "--eval", "--strict", "--json", "-E", expression)
    assert process.returncode == 0, process.stderr
    assert json.loads(process.stdout) == url
