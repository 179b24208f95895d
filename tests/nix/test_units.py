"""nix/units.nix, the pure half of the NixOS module, evaluated with nix-instantiate alone."""

from __future__ import annotations

import json
from typing import Any

import pytest

from fedlearn import schedules
from tests.nix.conftest import PACKAGE, STORE, Units, merge

pytestmark = pytest.mark.nix

JOBS = ("sync", "export", "metrics", "import")
SECRETS = {
    "qdrant": {"apiKeyFile": "/run/secrets/qdrant-api-key"},
    "embedding": {
        "apiKeyFile": "/run/secrets/openai-key",
        "provider": "openai",
        "url": "http://127.0.0.1:8000",
    },
    "publish": {"enable": True, "sshKeyFile": "/run/secrets/deploy-key"},
    "repo": {"url": "git@example.org:alice/fed.git"},
}


def config_file(job: str) -> str:
    """Return the stand-in store path the driver gives the config file of ``job``."""
    return f"{STORE}/11111111111111111111111111111111-fedlearn-{job}.toml"


@pytest.mark.parametrize("schedule", ["conservative", "aggressive", "minimal"])
def test_units_oncalendar_equals_the_schedule_table(units: Units, schedule: str) -> None:
    """Each timer's OnCalendar is the schedule table's systemd form, persistent and spread."""
    timers = units("timers", schedule=schedule)
    for job, timing in schedules.load()[schedule].items():
        timer = timers[f"fedlearn-{job}"]
        assert timer["timerConfig"]["OnCalendar"] == timing.systemd
        assert timer["timerConfig"]["Persistent"] is True
        assert timer["timerConfig"]["RandomizedDelaySec"]
        assert timer["wantedBy"] == ["timers.target"]
    assert sorted(timers) == ["fedlearn-export", "fedlearn-metrics", "fedlearn-sync"]


def test_units_custom_schedule_takes_every_time_from_timers(units: Units) -> None:
    """With schedule "custom" every OnCalendar comes from ``timers``."""
    custom = {"sync": "*:0/30", "export": "Sat 04:00", "metrics": "minutely"}
    assert units("onCalendar", schedule="custom", timers=custom) == custom


def test_units_timer_overrides_one_job_of_a_schedule(units: Units) -> None:
    """A ``timers`` entry overrides its job; the other jobs keep the schedule's times."""
    on_calendar = units("onCalendar", schedule="minimal", timers={"sync": "*:0/10"})
    assert on_calendar == {"sync": "*:0/10", "export": "*-*-01 02:00:00", "metrics": "hourly"}


def test_units_exec_start_runs_each_job_with_its_config(units: Units) -> None:
    """Every job's service runs ``fedlearn <job> --config <its generated file>``."""
    services = units("services")
    for job in JOBS:
        command = services[f"fedlearn-{job}"]["serviceConfig"]["ExecStart"]
        assert command == f"{PACKAGE}/bin/fedlearn {job} --config {config_file(job)}"
        assert services[f"fedlearn-{job}"]["serviceConfig"]["Type"] == "oneshot"


def test_units_sync_publishes_then_pulls_when_publish_is_enabled(units: Units) -> None:
    """With publish enabled, sync is followed by ``fedlearn publish`` and ``fedlearn pull``."""
    sync = units("services", publish={"enable": True})["fedlearn-sync"]
    assert sync["serviceConfig"]["ExecStartPost"] == [
        f"{PACKAGE}/bin/fedlearn publish --config {config_file('sync')}",
        f"{PACKAGE}/bin/fedlearn pull --config {config_file('sync')}",
    ]
    assert "network-online.target" in sync["after"]


def test_units_sync_pulls_without_publishing_when_cloned(units: Units) -> None:
    """A cloned repo without publish still pulls (and so imports) after each sync."""
    sync = units("services", repo={"url": "https://example.org/fed.git"})["fedlearn-sync"]
    assert sync["serviceConfig"]["ExecStartPost"] == [
        f"{PACKAGE}/bin/fedlearn pull --config {config_file('sync')}"
    ]


def test_units_sync_runs_alone_without_a_remote(units: Units) -> None:
    """A local checkout without publish: sync alone, no network ordering."""
    sync = units("services")["fedlearn-sync"]
    assert "ExecStartPost" not in sync["serviceConfig"]
    assert sync["after"] == []


def test_units_pass_secrets_by_load_credential(units: Units) -> None:
    """Secret files reach the units only as LoadCredential lines, the ssh key only where git talks."""
    services = units("services", **SECRETS)
    api_keys = [
        "embedding-api-key:/run/secrets/openai-key",
        "qdrant-api-key:/run/secrets/qdrant-api-key",
    ]
    assert services["fedlearn-sync"]["serviceConfig"]["LoadCredential"] == [
        *api_keys,
        "ssh-key:/run/secrets/deploy-key",
    ]
    assert services["fedlearn-import"]["serviceConfig"]["LoadCredential"] == api_keys
    assert services["fedlearn-clone"]["serviceConfig"]["LoadCredential"] == [
        "ssh-key:/run/secrets/deploy-key"
    ]
    assert "GIT_SSH_COMMAND" not in services["fedlearn-import"]["environment"]
    ssh = services["fedlearn-sync"]["environment"]["GIT_SSH_COMMAND"]
    assert "-i /run/credentials/fedlearn-sync.service/ssh-key" in ssh
    assert "UserKnownHostsFile=/var/lib/fedlearn/known_hosts" in ssh


def test_units_configs_name_each_units_credential_copy(units: Units) -> None:
    """Each job's config points at its own credentials directory; no secret's path enters the store."""
    configs = units("configs", **SECRETS)
    for job in JOBS:
        credentials = f"/run/credentials/fedlearn-{job}.service"
        assert configs[job]["qdrant"]["api_key_file"] == f"{credentials}/qdrant-api-key"
        assert configs[job]["embedding"]["api_key_file"] == f"{credentials}/embedding-api-key"
    assert "/run/secrets" not in json.dumps(configs)


def test_units_hand_config_names_the_secrets_own_paths(units: Units) -> None:
    """The /etc config, for running fedlearn by hand, names the secret files themselves."""
    settings = units("settings", **SECRETS)
    assert settings["qdrant"]["api_key_file"] == "/run/secrets/qdrant-api-key"


def test_units_never_read_the_secret_files(units: Units) -> None:
    """Secret files that do not exist at evaluation time are fine: nothing reads them into the store."""
    missing = {"apiKeyFile": "/nonexistent/qdrant-key"}
    services = units("services", qdrant=missing)
    assert services["fedlearn-export"]["serviceConfig"]["LoadCredential"] == [
        "qdrant-api-key:/nonexistent/qdrant-key"
    ]


@pytest.mark.parametrize("job", [*JOBS, "clone"])
def test_units_are_hardened(units: Units, job: str) -> None:
    """Every unit runs with the hardening set, writing only to the state dir and the repo."""
    service = units("services", repo={"url": "https://example.org/fed.git"})[f"fedlearn-{job}"]
    hardening = service["serviceConfig"]
    assert hardening["ProtectSystem"] == "strict"
    assert hardening["ReadWritePaths"] == ["/var/lib/fedlearn", "/srv/federation"]
    assert hardening["ProtectHome"] is True
    assert hardening["PrivateTmp"] is True
    assert hardening["NoNewPrivileges"] is True
    assert hardening["RestrictAddressFamilies"] == ["AF_UNIX", "AF_INET", "AF_INET6"]
    assert hardening["SystemCallFilter"] == "@system-service"
    assert hardening["CapabilityBoundingSet"] == ""
    assert (hardening["User"], hardening["Group"]) == ("fedlearn", "fedlearn")


def test_units_protect_home_off_for_a_repo_under_home(units: Units) -> None:
    """A repo under /home must be writable, so ProtectHome is off."""
    service = units("services", repo={"path": "/home/alice/fed"}, user="alice")["fedlearn-sync"]
    assert service["serviceConfig"]["ProtectHome"] is False
    assert service["serviceConfig"]["ReadWritePaths"] == ["/var/lib/fedlearn", "-/home/alice/fed"]


def test_units_protect_home_read_only_for_inputs_under_home(units: Units) -> None:
    """Telemetry under /home only needs reading: ProtectHome is read-only."""
    telemetry = ["/home/alice/.local/share/ai/hybrid-events.jsonl"]
    service = units("services", telemetryPaths=telemetry)["fedlearn-sync"]
    assert service["serviceConfig"]["ProtectHome"] == "read-only"


def test_units_import_is_ordered_after_a_local_qdrant(units: Units) -> None:
    """With Qdrant on this host, import (and export) start after and want qdrant.service and the network."""
    services = units("services", local_qdrant={"service": {"host": "127.0.0.1", "http_port": 6333}})
    for job in ("import", "export"):
        service = services[f"fedlearn-{job}"]
        assert service["after"][:2] == ["network-online.target", "qdrant.service"]
        assert service["wants"] == ["network-online.target", "qdrant.service"]
    assert services["fedlearn-import"]["wantedBy"] == ["multi-user.target"]
    assert services["fedlearn-import"]["serviceConfig"]["RemainAfterExit"] is True


def test_units_import_at_boot_does_not_hold_up_the_boot(units: Units) -> None:
    """
    Wanted by multi-user.target and ordered after it, so the target does not wait for a long
    import; a switch does not rerun it (pulls import what changed).
    """
    service = units("services", local_qdrant={"service": {}})["fedlearn-import"]
    assert service["after"] == ["network-online.target", "qdrant.service", "multi-user.target"]
    assert "multi-user.target" not in service["wants"]
    assert service["restartIfChanged"] is False
    not_at_boot = units("services", importOnBoot=False)["fedlearn-import"]
    assert "multi-user.target" not in not_at_boot["after"]
    assert not_at_boot["restartIfChanged"] is False


def test_units_import_waits_for_nothing_with_the_embedded_store(units: Units) -> None:
    """With no Qdrant anywhere (the embedded store) import waits for no service, only the boot."""
    service = units("services")["fedlearn-import"]
    assert service["after"] == ["multi-user.target"] and service["wants"] == []


def test_units_import_not_at_boot_when_disabled(units: Units) -> None:
    """importOnBoot = false leaves import to pulls and to hand starts."""
    assert "wantedBy" not in units("services", importOnBoot=False)["fedlearn-import"]


@pytest.mark.parametrize(
    ("service", "url"),
    [
        ({"host": "0.0.0.0", "http_port": 7000}, "http://127.0.0.1:7000"),  # noqa: S104 (test data: the wildcard host Qdrant may bind)
        ({"host": "::", "http_port": 6333}, "http://[::1]:6333"),
        ({"host": "10.0.0.5"}, "http://10.0.0.5:6333"),
        ({}, "http://127.0.0.1:6333"),
        ({"enable_tls": True, "host": "q.lan"}, "https://q.lan:6333"),
    ],
)
def test_units_qdrant_url_derives_from_local_settings(
    units: Units, service: dict[str, object], url: str
) -> None:
    """The Qdrant URL comes from services.qdrant.settings, a wildcard host reached on loopback."""
    assert units("qdrantUrl", local_qdrant={"service": service}) == url


def test_units_qdrant_url_option_wins(units: Units) -> None:
    """An explicit qdrant.url is used even with a local Qdrant, which still orders import."""
    local = {"service": {"http_port": 6333}}
    assert units("qdrantUrl", local_qdrant=local, qdrant={"url": "http://q:1"}) == "http://q:1"


def test_units_clone_only_with_a_repo_url(units: Units) -> None:
    """``fedlearn-clone`` exists only with repo.url; the jobs then require it."""
    assert "fedlearn-clone" not in units("services")
    services = units("services", repo={"url": "https://example.org/fed.git", "branch": "data"})
    clone = services["fedlearn-clone"]
    assert clone["unitConfig"]["ConditionPathExists"] == "!/srv/federation/.git"
    assert clone["serviceConfig"]["ExecStart"].endswith(
        "/bin/git clone --branch data -- https://example.org/fed.git /srv/federation"
    )
    assert clone["serviceConfig"]["RemainAfterExit"] is True
    assert all(
        services[f"fedlearn-{job}"]["requires"] == ["fedlearn-clone.service"] for job in JOBS
    )


def test_units_tmpfiles_create_state_dir_and_managed_repo(units: Units) -> None:
    """The state dir always, and a cloned repo, exist with the service's owner."""
    assert units("tmpfiles") == ["d /var/lib/fedlearn 0750 fedlearn fedlearn - -"]
    assert units(
        "tmpfiles", repo={"url": "https://example.org/fed.git"}, user="fl", group="ai"
    ) == [
        "d /var/lib/fedlearn 0750 fl ai - -",
        "d /srv/federation 0750 fl ai - -",
    ]


def test_units_settings_keep_their_keys_beside_the_typed_options(units: Units) -> None:
    """Freeform settings keep their keys; a set typed option fills its own; an agreeing pair is fine."""
    settings = {
        "sync": {"max_line_bytes": 4096, "value_threshold": 0.9},
        "anonymize": {"hostnames": ["a.b"]},
    }
    options = {"settings": settings, "valueThreshold": 0.9, "nodeId": "lab"}
    table = units("settings", **options)
    assert table["sync"]["max_line_bytes"] == 4096
    assert table["sync"]["value_threshold"] == 0.9
    assert table["anonymize"] == {"hostnames": ["a.b"]}
    assert table["node_id"] == "lab"
    assert failed(units, **options) == []


# Each typed option left at its default, and a value for its key in settings: (key path, value).
SETTINGS_ONLY = {
    "telemetryPaths": (("sync", "telemetry"), ["/var/log/ai/events.jsonl"]),
    "fineTuningDataset": (("sync", "fine_tuning"), "/var/lib/ai/dataset.jsonl"),
    "valueThreshold": (("sync", "value_threshold"), 0.25),
    "qdrant.url": (("qdrant", "url"), "http://qdrant.lan:6333"),
    "qdrant.collections": (("qdrant", "collections"), ["error-solutions"]),
    "embedding.provider": (("embedding", "provider"), "ollama"),
    "embedding.url": (("embedding", "url"), "http://127.0.0.1:11434"),
    "embedding.model": (("embedding", "model"), "mxbai-embed-large"),
    "embedding.dimension": (("embedding", "dimension"), 1024),
    "repo.branch": (("publish", "branch"), "fedlearn"),
    "metrics.textfileDirectory": (("metrics", "path"), "/var/lib/node-exporter/fed.prom"),
    "nodeId": (("node_id",), "lab"),
    "(no option)": (("pull", "import_after"), False),
}


def nest(keys: tuple[str, ...], value: object) -> dict[str, Any]:
    """Return ``{keys[0]: {keys[1]: ... value}}``."""
    table: dict[str, Any] = {keys[-1]: value}
    for key in reversed(keys[:-1]):
        table = {key: table}
    return table


def lookup(table: dict[str, object], keys: tuple[str, ...]) -> object:
    """Return the value at ``keys`` in nested ``table``."""
    value: object = table
    for key in keys:
        assert isinstance(value, dict), (table, keys)
        value = value[key]
    return value


@pytest.mark.parametrize("option", list(SETTINGS_ONLY))
def test_units_option_at_its_default_gives_way_to_settings(units: Units, option: str) -> None:
    """A key written only in settings reaches /etc's config and every job's, over the option's default."""
    keys, value = SETTINGS_ONLY[option]
    settings = nest(keys, value)
    if keys == ("embedding", "provider"):
        settings["embedding"] = {"provider": "ollama", "url": "http://127.0.0.1:11434"}
    tables = [units("settings", settings=settings), *units("configs", settings=settings).values()]
    for table in tables:
        assert lookup(table, keys) == value
    assert failed(units, settings=settings) == []


def test_units_every_typed_option_gives_way_to_settings_at_once(units: Units) -> None:
    """All the keys together: nothing of the typed defaults is left where settings spoke."""
    settings: dict[str, Any] = {}
    for keys, value in SETTINGS_ONLY.values():
        settings = merge(settings, nest(keys, value))
    table = units("settings", settings=settings)
    for keys, value in SETTINGS_ONLY.values():
        assert lookup(table, keys) == value


def test_units_local_qdrant_url_gives_way_to_settings(units: Units) -> None:
    """The URL derived from a local Qdrant is a default too: settings.qdrant.url wins over it."""
    local = {"service": {"http_port": 6333}}
    settings = {"qdrant": {"url": "http://q.lan:6333"}}
    assert units("qdrantUrl", local_qdrant=local, settings=settings) == "http://q.lan:6333"
    assert (
        units("settings", local_qdrant=local, settings=settings)["qdrant"]["url"]
        == "http://q.lan:6333"
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"embedding": {"dimension": 1024}, "settings": {"embedding": {"dimension": 768}}},
            "services.fedlearn.embedding.dimension: sets embedding.dimension to 1024, while "
            "services.fedlearn.settings.embedding.dimension is 768; set only one of them",
        ),
        (
            # Set to its default value is still set.
            {"embedding": {"dimension": 768}, "settings": {"embedding": {"dimension": 1024}}},
            "services.fedlearn.embedding.dimension: sets embedding.dimension to 768, while "
            "services.fedlearn.settings.embedding.dimension is 1024",
        ),
        (
            {"telemetryPaths": ["/var/log/a.jsonl"], "settings": {"sync": {"telemetry": ["/b"]}}},
            'services.fedlearn.telemetryPaths: sets sync.telemetry to ["/var/log/a.jsonl"], while '
            'services.fedlearn.settings.sync.telemetry is ["/b"]',
        ),
        (
            {"valueThreshold": 0.9, "settings": {"sync": {"value_threshold": 0.1}}},
            "services.fedlearn.valueThreshold: sets sync.value_threshold to 0.9, while "
            "services.fedlearn.settings.sync.value_threshold is 0.1",
        ),
        (
            {"repo": {"branch": "data"}, "settings": {"publish": {"branch": "main"}}},
            'services.fedlearn.repo.branch: sets publish.branch to "data", while '
            'services.fedlearn.settings.publish.branch is "main"',
        ),
        (
            {
                "metrics": {"textfileDirectory": "/var/lib/ne"},
                "settings": {"metrics": {"path": "/srv/fed.prom"}},
            },
            'services.fedlearn.metrics.textfileDirectory: sets metrics.path to "/var/lib/ne/fedlearn.prom", '
            'while services.fedlearn.settings.metrics.path is "/srv/fed.prom"',
        ),
    ],
)
def test_units_assert_a_set_option_and_a_different_setting(
    units: Units, options: dict[str, object], message: str
) -> None:
    """Both written and different: an assertion naming both, never a silent choice."""
    messages = failed(units, **options)
    assert len(messages) == 1, messages
    assert messages[0].startswith(message)


@pytest.mark.parametrize(
    ("settings", "option", "message"),
    [
        (
            {"state_dir": "/srv/state"},
            {},
            'services.fedlearn.settings.state_dir: "/srv/state" differs from '
            'services.fedlearn.stateDir ("/var/lib/fedlearn"); set stateDir instead',
        ),
        (
            {"repo": "/srv/other"},
            {},
            'services.fedlearn.settings.repo: "/srv/other" differs from '
            'services.fedlearn.repo.path ("/srv/federation"); set repo.path instead',
        ),
        (
            {"qdrant": {"api_key_file": "/run/secrets/q"}},
            {},
            'services.fedlearn.settings.qdrant.api_key_file: "/run/secrets/q" differs from '
            "services.fedlearn.qdrant.apiKeyFile (null); set qdrant.apiKeyFile instead, "
            "the units load the key with LoadCredential",
        ),
        (
            {"embedding": {"api_key_file": "/run/secrets/e"}},
            {"embedding": {"apiKeyFile": "/run/secrets/k"}},
            'services.fedlearn.settings.embedding.api_key_file: "/run/secrets/e" differs from '
            'services.fedlearn.embedding.apiKeyFile ("/run/secrets/k")',
        ),
    ],
)
def test_units_assert_settings_keys_the_units_depend_on(
    units: Units, settings: dict[str, object], option: dict[str, object], message: str
) -> None:
    """state_dir, repo and the key files shape the units: settings may not move them."""
    messages = failed(units, settings=settings, **option)
    assert len(messages) == 1, messages
    assert messages[0].startswith(message)


def test_units_settings_may_repeat_what_the_units_depend_on(units: Units) -> None:
    """The same state dir, repo and key file in settings (e.g. pasted config) are accepted."""
    settings = {
        "state_dir": "/var/lib/fedlearn",
        "repo": "/srv/federation",
        "qdrant": {"api_key_file": "/run/secrets/q"},
    }
    options = {"settings": settings, "qdrant": {"apiKeyFile": "/run/secrets/q"}}
    assert failed(units, **options) == []
    sync = units("configs", **options)["sync"]
    assert sync["qdrant"]["api_key_file"] == "/run/credentials/fedlearn-sync.service/qdrant-api-key"


@pytest.mark.parametrize(
    "settings",
    [
        {"sync": {"telemetry": ["/home/alice/.local/share/ai/events.jsonl"]}},
        {"sync": {"fine_tuning": "/home/alice/dataset.jsonl"}},
    ],
)
def test_units_sandbox_reads_inputs_named_in_settings(
    units: Units, settings: dict[str, object]
) -> None:
    """Inputs under /home written in settings make /home readable, as the typed options do."""
    service = units("services", settings=settings)["fedlearn-sync"]
    assert service["serviceConfig"]["ProtectHome"] == "read-only"


def test_units_sandbox_writes_the_metrics_path_named_in_settings(units: Units) -> None:
    """settings.metrics.path's folder is writable by the units and the textfile readable by others."""
    settings = {"metrics": {"path": "/var/lib/node-exporter/fed.prom"}}
    services = units("services", settings=settings)
    assert services["fedlearn-metrics"]["serviceConfig"]["ReadWritePaths"] == [
        "/var/lib/fedlearn",
        "-/srv/federation",
        "-/var/lib/node-exporter",
    ]
    assert services["fedlearn-metrics"]["serviceConfig"]["UMask"] == "0022"
    home = units("services", settings={"metrics": {"path": "/home/alice/fed.prom"}})
    assert home["fedlearn-metrics"]["serviceConfig"]["ProtectHome"] is False


def test_units_clone_checks_out_the_branch_named_in_settings(units: Units) -> None:
    """settings.publish.branch is the branch published to, so it is also the one cloned."""
    clone = units(
        "services",
        repo={"url": "https://example.org/fed.git"},
        settings={"publish": {"branch": "fedlearn"}},
    )["fedlearn-clone"]
    assert " clone --branch fedlearn -- " in clone["serviceConfig"]["ExecStart"]


def test_units_network_ordering_follows_qdrant_and_embedding_in_settings(units: Units) -> None:
    """A remote Qdrant or an embeddings API named in settings orders export and import after the network."""
    for settings in (
        {"qdrant": {"url": "http://qdrant.lan:6333"}},
        {"embedding": {"provider": "ollama", "url": "http://127.0.0.1:11434"}},
    ):
        services = units("services", settings=settings)
        for job in ("export", "import"):
            assert services[f"fedlearn-{job}"]["wants"] == ["network-online.target"], settings


def test_units_assert_embedding_url_for_a_provider_in_settings(units: Units) -> None:
    """An API provider in settings needs a URL, from the option or from settings."""
    assert failed(units, settings={"embedding": {"provider": "openai"}}) == [
        'services.fedlearn.embedding.url: provider "openai" needs the URL of its API'
    ]
    assert (
        failed(units, embedding={"url": "http://o"}, settings={"embedding": {"provider": "openai"}})
        == []
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"settings": {"sync": {"telemetry": ["/var/log/a.jsonl", "~/events.jsonl"]}}},
            'services.fedlearn.settings.sync.telemetry: not an absolute path: "~/events.jsonl"; ',
        ),
        (
            {"settings": {"sync": {"fine_tuning": "dataset.jsonl"}}},
            'services.fedlearn.settings.sync.fine_tuning: not an absolute path: "dataset.jsonl"; ',
        ),
        (
            {"settings": {"metrics": {"path": "fedlearn.prom"}}},
            'services.fedlearn.settings.metrics.path: not an absolute path: "fedlearn.prom"; ',
        ),
        (
            {"telemetryPaths": ["events/*.jsonl"]},
            'services.fedlearn.telemetryPaths: not an absolute path: "events/*.jsonl"; ',
        ),
        (
            {"metrics": {"textfileDirectory": "~/textfile"}},
            'services.fedlearn.metrics.textfileDirectory: not an absolute path: "~/textfile"; ',
        ),
        (
            {"stateDir": "fedlearn"},
            'services.fedlearn.stateDir: not an absolute path: "fedlearn"; ',
        ),
    ],
)
def test_units_assert_sandboxed_paths_are_absolute(
    units: Units, options: dict[str, object], message: str
) -> None:
    """The sandbox can follow only absolute paths: others fail on the option or key they came from."""
    messages = failed(units, **options)
    assert len(messages) == 1, messages
    assert messages[0].startswith(message)


def test_units_ill_typed_settings_are_left_to_config_validate(units: Units) -> None:
    """Keys of the wrong type in settings do not break the evaluation; the build-time validate names them."""
    settings = {
        "sync": {"telemetry": 5, "fine_tuning": 5},
        "publish": {"branch": 5},
        "metrics": {"path": 5},
    }
    services = units("services", repo={"url": "https://example.org/fed.git"}, settings=settings)
    assert " clone --branch main -- " in services["fedlearn-clone"]["serviceConfig"]["ExecStart"]
    assert units("settings", settings=settings)["sync"]["telemetry"] == 5


def test_units_fine_tuning_dataset_is_skipped_unless_given(units: Units) -> None:
    """Without fineTuningDataset sync is told to skip it ("" in the config), else reads that file."""
    assert units("settings")["sync"]["fine_tuning"] == ""
    dataset = "/var/lib/ai-stack/fine-tuning/dataset.jsonl"
    assert units("settings", fineTuningDataset=dataset)["sync"]["fine_tuning"] == dataset


def test_units_assertions_pass_for_a_typical_config(units: Units) -> None:
    """A configuration with a clone, publish and secrets fails no assertion."""
    assert all(item["assertion"] for item in units("assertions", **SECRETS))


def failed(units: Units, **options: object) -> list[str]:
    """Return the messages of the assertions that fail for ``options``."""
    return [item["message"] for item in units("assertions", **options) if not item["assertion"]]


def test_units_assert_custom_schedule_names_missing_timers(units: Units) -> None:
    """Schedule "custom" without every timer fails, naming the missing jobs."""
    assert failed(units, schedule="custom", timers={"sync": "hourly"}) == [
        'services.fedlearn.timers: schedule "custom" needs an OnCalendar for every job; '
        "missing: export, metrics"
    ]


def test_units_assert_unknown_timer_job(units: Units) -> None:
    """A timer for a job that has none (import) fails, naming the timed jobs."""
    assert failed(units, timers={"import": "hourly"}) == [
        "services.fedlearn.timers: no job named import; the timed jobs are sync, export, metrics"
    ]


def test_units_assert_publish_needs_a_repo(units: Units) -> None:
    """Publishing without a repo fails on publish.enable; no repo at all fails on repo.path."""
    assert failed(units, repo={"path": None}, publish={"enable": True})[0].startswith(
        "services.fedlearn.publish.enable: publishing needs a federation repo"
    )
    assert failed(units, repo={"path": None})[0].startswith(
        "services.fedlearn.repo.path: fedlearn needs a federation repo"
    )


@pytest.mark.parametrize(
    ("options", "option"),
    [
        (
            {"qdrant": {"apiKeyFile": f"{STORE}/44444444444444444444444444444444-key"}},
            "qdrant.apiKeyFile",
        ),
        (
            {
                "embedding": {
                    "apiKeyFile": f"{STORE}/5555-key",
                    "provider": "ollama",
                    "url": "http://o",
                }
            },
            "embedding.apiKeyFile",
        ),
        ({"publish": {"enable": True, "sshKeyFile": f"{STORE}/6666-id"}}, "publish.sshKeyFile"),
    ],
)
def test_units_assert_no_secret_in_the_store(
    units: Units, options: dict[str, object], option: str
) -> None:
    """A secret file in the Nix store (readable by every user) fails on its option."""
    messages = failed(units, **options)
    assert len(messages) == 1
    assert messages[0].startswith(f"services.fedlearn.{option}: {STORE}/")
    assert "is in the Nix store" in messages[0]


def test_units_assert_embedding_url_for_api_providers(units: Units) -> None:
    """The openai and ollama providers need a URL."""
    assert failed(units, embedding={"provider": "ollama"}) == [
        'services.fedlearn.embedding.url: provider "ollama" needs the URL of its API'
    ]


def test_units_metrics_textfile_is_readable_by_node_exporter(units: Units) -> None:
    """
    node_exporter runs as its own user: the textfile metrics writes must be world-readable.

    The other units keep UMask 0027 (their files stay private to the service's group).
    """
    services = units("services", metrics={"textfileDirectory": "/var/lib/node-exporter"})
    assert services["fedlearn-metrics"]["serviceConfig"]["UMask"] == "0022"
    assert services["fedlearn-sync"]["serviceConfig"]["UMask"] == "0027"
    assert units("services")["fedlearn-metrics"]["serviceConfig"]["UMask"] == "0027"


def test_units_clone_escapes_specifiers_in_the_url(units: Units) -> None:
    """systemd expands % (specifiers) and $ (variables) in ExecStart=: a URL's own are doubled."""
    url = "git@ssh.dev.azure.com:v3/org/My%20Project/fed$data"
    clone = units("services", repo={"url": url})["fedlearn-clone"]
    assert clone["serviceConfig"]["ExecStart"].endswith(
        " -- git@ssh.dev.azure.com:v3/org/My%%20Project/fed$$data /srv/federation"
    )
