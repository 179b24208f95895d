"""The secret gate over files: file, line and rule of each secret, JSON decoded first, no links."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer, scan_files
from fedlearn.anonymize import files as files_module
from tests.anonymize.conftest import MACHINE

DATA = Path(__file__).resolve().parents[1] / "data"


def anonymizer() -> Anonymizer:
    """Return an anonymizer of the default settings for the test machine."""
    return Anonymizer(config.Anonymize(hostnames=["gitea.lab.internal"]), MACHINE)


def corpus(name: str) -> list[dict[str, str]]:
    """Return the rows of ``tests/data/<name>.jsonl``."""
    lines = (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_scan_files_reports_file_line_and_rule(tmp_path: Path) -> None:
    """scan_files names the file, the 1-based line and the rule, also through JSON escapes."""
    token = "ghp_" + "a1B2" * 9
    escaped = json.dumps({"text": "x"}).replace("x", "\\u0067hp_" + "a1B2" * 9)
    (tmp_path / "a.jsonl").write_text(f'{{"ok": 1}}\n{json.dumps({"text": token})}\n{escaped}\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("fine\nexport PASSWORD=hunter22\n")
    found = scan_files(anonymizer(), [tmp_path])
    assert [(f.path.relative_to(tmp_path).as_posix(), f.line, f.rule) for f in found] == [
        ("a.jsonl", 2, "github-token"),
        ("a.jsonl", 3, "github-token"),
        ("sub/b.txt", 2, "password"),
    ]
    assert str(found[0]) == f"{tmp_path / 'a.jsonl'}:2:github-token"


def test_scan_files_finds_secret_fields_of_json_lines(tmp_path: Path) -> None:
    """A JSON object's value under a secret key is a finding, as it is redacted on the way in."""
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"password": "hunter22"}) + "\n")
    assert [f.rule for f in scan_files(anonymizer(), [path])] == ["password"]


def test_scan_files_finds_nothing_in_anonymized_output(tmp_path: Path) -> None:
    """What anonymize_value wrote, scan_files passes."""
    engine = anonymizer()
    rows = [engine.anonymize_value(row) for row in corpus("secrets")]
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    assert scan_files(engine, [path]) == []


# --- properties -------------------------------------------------------------------------------


def test_a_json_string_split_by_an_escaped_newline_is_scanned_as_decoded(tmp_path: Path) -> None:
    """A private key whose newlines are JSON escapes is found as the anonymizer would see it."""
    key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n"
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"text": key}) + "\n")
    assert [f.rule for f in scan_files(anonymizer(), [path])] == ["private-key"]


def test_a_broken_json_line_is_scanned_as_text(tmp_path: Path) -> None:
    """A line that starts like JSON but does not decode is still scanned, as text."""
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "export PASSWORD=hunter22"\n')
    assert [(f.line, f.rule) for f in scan_files(anonymizer(), [path])] == [(1, "password")]


def test_symlinks_under_a_folder_are_never_followed(tmp_path: Path) -> None:
    """A link under a scanned folder (to a file or a folder) is skipped; files come sorted."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("export PASSWORD=hunter22\n")
    tree = tmp_path / "tree"
    (tree / "b").mkdir(parents=True)
    (tree / "b" / "z.txt").write_text("fine\n")
    (tree / "a.txt").write_text("fine\n")
    (tree / "link.txt").symlink_to(outside / "secret.txt")
    (tree / "linked").symlink_to(outside)
    listed = list(files_module.files_under([tree]))
    assert listed == [tree / "a.txt", tree / "b" / "z.txt"]
    assert scan_files(anonymizer(), [tree]) == []


def test_an_unreadable_file_raises_oserror(tmp_path: Path) -> None:
    """A file that cannot be read is an OSError for the caller to report, not a silent pass."""
    with pytest.raises(OSError):
        scan_files(anonymizer(), [tmp_path / "missing.jsonl"])
