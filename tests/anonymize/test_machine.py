"""This machine's identity as rules: home, host, domain and user; defaults and words left alone."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer, Machine
from fedlearn.anonymize import machine as machine_module
from tests.anonymize.conftest import MACHINE, found


def anonymizer(**table: Any) -> Anonymizer:
    """Return an anonymizer for the test machine with ``[anonymize]`` set to ``table``."""
    return Anonymizer(config.Anonymize(**table), MACHINE)


@pytest.mark.parametrize("user", ["admin", "nixos", "pi", "root", "ab"])
def test_user_rule_skips_common_and_short_names(user: str) -> None:
    """A user name that is a default or a word, or shorter than 3, does not wreck ordinary text."""
    machine = Machine(hostname="quasar", fqdn="quasar", user=user, home=f"/home/{user}")
    engine = Anonymizer(config.Anonymize(), machine)
    text = f"the {user} account and nixos-rebuild on /etc/nixos"
    assert engine.anonymize(text) == text


def test_hostname_rule_skips_default_host_names() -> None:
    """The default NixOS host name does not turn /etc/nixos into /etc/<host>."""
    machine = Machine(hostname="nixos", fqdn="nixos", user="jdoe", home="/home/jdoe")
    engine = Anonymizer(config.Anonymize(), machine)
    assert (
        engine.anonymize("edit /etc/nixos/configuration.nix") == "edit /etc/nixos/configuration.nix"
    )


def test_configured_domain_redacts_its_subdomains() -> None:
    """A configured domain redacts any host under it, whole."""
    engine = anonymizer(hostnames=["corp.example.org"])
    assert engine.anonymize("ssh build.corp.example.org") == "ssh <host>"


def test_machine_local_describes_this_machine() -> None:
    """The local machine has a host name, a user and a home, and the FQDN the socket module gives."""
    machine = Machine.local()
    assert machine.hostname and machine.user and machine.home
    assert machine.fqdn == socket.getfqdn()


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (("quasar", ["quasar.corp.example.org", "q"], ["10.0.0.2"]), "quasar.corp.example.org"),
        (("quasar.lan", ["quasar.corp.example.org"], ["10.0.0.2"]), "quasar.lan"),
        (("quasar", ["q"], ["10.0.0.2"]), "quasar"),
        (OSError("unknown host"), "box"),
    ],
)
def test_fqdn_is_the_first_dotted_name_of_the_host(
    monkeypatch: pytest.MonkeyPatch, answer: object, expected: str
) -> None:
    """The FQDN is looked up as ``socket.getfqdn`` does, with the host name asked as bytes."""
    asked: list[object] = []

    def lookup(name: object) -> object:
        asked.append(name)
        if isinstance(answer, OSError):
            raise answer
        return answer

    monkeypatch.setattr(socket, "gethostbyaddr", lookup)
    assert machine_module.fqdn("box") == expected
    assert asked == [b"box"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cd /home/jdoe/src", "cd <home>/src"),
        ("cd /home/alice/src", "cd <home>/src"),
        ("open /Users/bob/Documents", "open <home>/Documents"),
        (r"C:\Users\carol\AppData", r"<home>\AppData"),
        ("ssh quasar and ping quasar.corp.acme-robotics.io", "ssh <host> and ping <host>"),
        ("files on build.corp.acme-robotics.io", "files on <host>"),
        ("owner jdoe of the repo", "owner <user> of the repo"),
    ],
)
def test_homes_hosts_the_domain_and_the_user_are_replaced(text: str, expected: str) -> None:
    """Any home path, this host, its FQDN, hosts under its domain and the user become placeholders;
    none is a scan finding (personal data, not a secret)."""
    assert anonymizer().anonymize(text) == expected
    assert found(anonymizer(), text) == []


@pytest.mark.parametrize(
    "text", ["quasars are far", "jdoex and xjdoe", "nixos-rebuild switch", "/etc/nixos"]
)
def test_names_inside_longer_words_stay(text: str) -> None:
    """A host or user name that only continues or is continued by a word is not replaced."""
    assert anonymizer().anonymize(text) == text


def test_a_home_outside_the_usual_folders_is_replaced_too() -> None:
    """A home like /srv/jdoe, which the generic pattern misses, is this machine's: replaced."""
    machine = Machine(hostname="quasar", fqdn="quasar", user="jdoe", home="/srv/jdoe")
    engine = Anonymizer(config.Anonymize(), machine)
    assert engine.anonymize("log in /srv/jdoe/app.log") == "log in <home>/app.log"


def test_host_names_leave_out_defaults_local_domains_and_names_under_others() -> None:
    """The host, its FQDN and the FQDN's domain are redacted unless default or local; a name under
    another one in the set is left out (the broader one covers it)."""
    names = machine_module.host_names(MACHINE, [])
    assert "corp.acme-robotics.io" in names and "quasar" in names
    assert "quasar.corp.acme-robotics.io" not in names
    local = Machine(hostname="box", fqdn="box.localdomain", user="jdoe", home="/home/jdoe")
    assert "localdomain" not in machine_module.host_names(local, ["gitea.lab.internal"])
    assert "gitea.lab.internal" in machine_module.host_names(local, ["gitea.lab.internal"])
