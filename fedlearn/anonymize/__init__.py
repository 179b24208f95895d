"""Anonymize stage (DESIGN.md guarantee 1): every string written under data/ passes through here.

``Anonymizer.anonymize(text)`` replaces secrets and personal or machine data with typed
placeholders (``<redacted:jwt>``, ``<ip>``, ``<email>``, ``<home>``) and counts redactions by rule.
``scan(text)`` finds secrets without changing anything (the publish gate and ``fedlearn scan``).
Here: the built-in rules, each module's in one line (``builtin_rules``), and the ``Anonymizer``
that builds them for one configuration and machine; its passes over a string are ``engine``'s,
over a JSON value ``values``'.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import attrs

from fedlearn import config
from fedlearn.anonymize import (
    asked,
    assignments,
    audit_records,
    beside_keys,
    chpasswd_lists,
    commands,
    console_logins,
    credentials,
    declarations,
    digest_auths,
    documents,
    encoded,
    entropy,
    forms,
    impacket_targets,
    kernel_keys,
    keyed_values,
    logins,
    machine,
    named_values,
    owned_words,
    personal,
    personal_ids,
    prefilter,
    providers,
    query_keys,
    rpc_params,
    rules,
    secret_words,
    sops_sets,
    sql,
    stdin_fed,
    table_functions,
    tables,
    trigger_words,
    typed_fields,
    typed_keys,
    values,
    vendors,
    webhooks,
)
from fedlearn.anonymize.engine import NONE, Finding
from fedlearn.anonymize.files import FileFinding, scan_files
from fedlearn.anonymize.machine import Machine
from fedlearn.anonymize.probe import Probe
from fedlearn.anonymize.rules import Rule

__all__ = [
    "NONE",
    "Anonymizer",
    "FileFinding",
    "Finding",
    "Machine",
    "builtin_rule_names",
    "scan_files",
]


def builtin_rules(
    identity: Machine, hostnames: list[str], decoder: encoded.Decoder | None = None
) -> list[Rule]:
    """
    Return every built-in rule by priority: shaped, keyed, placed secrets; personal data
    (``decoder``: how ``encoded-secret`` judges decoded text; None: it finds nothing).
    """
    judged = decoder or encoded.Decoder()
    return (
        credentials.shaped()
        + providers.prefixed()
        + vendors.prefixed()
        + assignments.keyed()
        + beside_keys.keyed()
        + forms.formed()
        + tables.rules()
        + sql.rules()
        + declarations.rules()
        + webhooks.rules()
        + query_keys.rules()
        + secret_words.rules()
        + entropy.looks()
        + commands.placed()
        + logins.rules()
        + stdin_fed.rules()
        + keyed_values.rules()
        + sops_sets.rules()
        + chpasswd_lists.rules()
        + kernel_keys.rules()
        + typed_fields.rules()
        + typed_keys.rules()
        + digest_auths.rules()
        + table_functions.rules()
        + impacket_targets.rules()
        + console_logins.rules()
        + named_values.rules()
        + rpc_params.rules()
        + asked.rules()
        + owned_words.rules()
        + encoded.rules(judged)
        + audit_records.rules(judged)
        + personal.network()
        + personal_ids.rules()
        + documents.rules()
        + machine.rules(identity, hostnames)
    )


def builtin_rule_names() -> list[str]:
    """Return the names of the built-in rules (what ``[anonymize] disable`` accepts), sorted."""
    host, user = "example-host", "example-user"
    identity = Machine(host, f"{host}.example.org", user, f"/home/{user}")
    return sorted({name for rule in builtin_rules(identity, []) for name in rule.names})


class Anonymizer(values.JsonValues):
    """
    The compiled rules for one configuration and machine; reuse one per run.

    What is redacted is what every rule finds when it runs on every string (``use_prefilter=False``,
    the reference). The prefilter only skips rules that cannot find anything: the RE2 set of the
    rules' gates (``use_re2``, google-re2 installed; built after ``re2_after`` characters, at once
    when this process compiled it already, or by ``build_prefilter``) or else their keyword
    triggers (their words looked for in one pass once ``words_after`` characters were read). Each
    gate and trigger is a necessary condition of its rule, so every path
    gives the same bytes. Building compiles no rule pattern: each compiles on first use. The
    passes are ``engine.Engine``'s, JSON values ``values.JsonValues``'.

    Attributes:
        counts: redactions so far, by rule name.
    """

    def __init__(
        self,
        settings: config.Anonymize,
        machine: Machine | None = None,
        *,
        use_re2: bool = True,
        re2_after: int = prefilter.PAYOFF,
        use_prefilter: bool = True,
        words_after: int = trigger_words.WORDS_AFTER,
    ) -> None:
        self.machine = machine or Machine.local()
        self.settings = settings
        configured = [rules.configured(rule.name, rule.pattern) for rule in settings.extra_rules]
        decoder = encoded.Decoder()
        built = builtin_rules(self.machine, settings.hostnames, decoder)
        secret_count = sum(rule.is_secret for rule in built)
        super().__init__(
            built[:secret_count] + configured + built[secret_count:],
            frozenset(settings.disable),
            tuple(re.compile(pattern) for pattern in settings.allow),
            use_re2=use_re2,
            re2_after=re2_after,
            use_prefilter=use_prefilter,
            words_after=words_after,
        )
        decoder.finds = lambda text: bool(self._hits(Probe(text), None, secrets_only=True))

    def fingerprint(self) -> str:
        """
        Return the sha256 hex of the effective rule set: what decides what this anonymizer redacts.

        It covers the rules' code (every module of this package), ``[anonymize]`` and the machine:
        a new fedlearn version, config or host name gives a new one (sync re-anonymizes then).
        """
        digest = hashlib.sha256()
        for module in sorted(Path(__file__).parent.glob("*.py")):
            digest.update(module.name.encode() + b"\x00" + module.read_bytes() + b"\x00")
        identity = {"anonymize": attrs.asdict(self.settings), "machine": attrs.asdict(self.machine)}
        digest.update(json.dumps(identity, sort_keys=True).encode())
        return digest.hexdigest()
