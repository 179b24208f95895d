"""Secrets in Erlang, Elixir and Clojure terms (tuples, binary map associations, keywords)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

HEX = "c41d7e09b3a2f5866e1d0c9b8a7f6e5d"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[{hostname, "pg7"}, {db_password, "Quartz!Lamp+42"}]',
            '[{hostname, "pg7"}, {db_password, "<redacted:password>"}]',
        ),
        (
            f'{{<<"secret_key">>, <<"{HEX}">>}}',
            '{<<"secret_key">>, <<"<redacted:api-key>">>}',
        ),
        (
            'config :app, creds: [{:auth_token, "Zr8-qLp2vN.kW5x"}]',
            'config :app, creds: [{:auth_token, "<redacted:token>"}]',
        ),
        (
            '#{user => <<"ops">>, smtp_pass => <<"Velvet#Oak77">>}',
            '#{user => <<"ops">>, smtp_pass => <<"<redacted:password>">>}',
        ),
        (
            '#{<<"clientSecret">> => <<"u7Yq-Pw3m.Xk9Ta2">>}',
            '#{<<"clientSecret">> => <<"<redacted:secret>">>}',
        ),
        (
            '{:db-host "pg7" :db-password "Velvet#Oak77"}',
            '{:db-host "pg7" :db-password "<redacted:password>"}',
        ),
    ],
)
def test_term_values_are_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        '{db_password, "${DB_PASSWORD}"}',
        '{password, <<"changeme">>}',
        '{hostname, "Velvet#Oak77"}',
        '#{<<"password">> => <<"/run/secrets/db">>}',
        '#{title => <<"Velvet#Oak77">>}',
        '{:token "{{ .Values.token }}"}',
        '(get-in cfg [:db :password] "none")',
        '{:password nil :user "ops"}',
    ],
)
def test_term_lookalikes_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{"db-host" "pg7", "db-password" "Velvet#Oak77"}',
            '{"db-host" "pg7", "db-password" "<redacted:password>"}',
        ),
        (
            '(def creds {"user" "ops" "relayToken" "Zr8-qLp2vN.kW5x"})',
            '(def creds {"user" "ops" "relayToken" "<redacted:token>"})',
        ),
        (
            f'{{"smtp_pass"  "{HEX}"}}',
            '{"smtp_pass"  "<redacted:password>"}',
        ),
    ],
)
def test_edn_string_pairs_are_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'echo "db-password" "Velvet#Oak77"',  # two strings side by side, no map
        'print("smtp_pass" "Velvet#Oak77")',
        '{"db-password" "${DB_PASSWORD}"}',
        '{"theme" "Velvet#Oak77"}',
        '{"db-password" "/run/secrets/db"}',
    ],
)
def test_edn_string_pair_lookalikes_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        '(setq my-creds \'((api-key . "Xq8mW2pL7kZrT4") (host . "db01")))',
        '(defvar app-auth \'(("password" . "Xq8mW2pL7kZrT4")))',
        "(add-to-list 'cfg '(client-secret\t.\t\"Xq8mW2pL7kZrT4\"))",
    ],
)
def test_lisp_dotted_pairs_are_redacted(anonymizer: Anonymizer, text: str) -> None:
    """A Lisp association list's dotted pair under a secret's key is redacted."""
    out = anonymizer.anonymize(text)
    assert "Xq8mW2pL7kZrT4" not in out and "<redacted:" in out, out


@pytest.mark.parametrize(
    "text",
    [
        '(password . "${DB_PASSWORD}")',
        '(token-type . "bearer")',
        '(host . "Xq8mW2pL7kZrT4")',
        "(a . b)",
    ],
)
def test_lisp_dotted_pair_lookalikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """References, non-secret keys and symbols stay."""
    assert anonymizer.anonymize(text) == text
