"""Dependency audit (issue 16, item 9): make audit fails on anything it could not check.

The allow-list is judged without the network. The end-to-end test runs the
real pip-audit through ``scripts/audit.py`` with the advisory service made
unreachable on purpose (a proxy on a closed port), so it proves the audit
fails loudly wherever it runs, online or not.
"""

import datetime
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
SPEC = importlib.util.spec_from_file_location("audit", ROOT / "scripts" / "audit.py")
audit = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(audit)

TODAY = datetime.date(2026, 11, 30)
ENTRY = '[[exception]]\nid = "GHSA-aaaa-bbbb-cccc"\nreason = "Not used."\nexpires = {}\n'


def test_a_reviewed_exception_is_ignored_until_it_expires():
    """A complete, current entry becomes an --ignore-vuln; on its expiry date it still counts."""
    assert audit.load_allowlist(ENTRY.format("2026-12-31"), TODAY) == (["GHSA-aaaa-bbbb-cccc"], [])
    assert audit.load_allowlist(ENTRY.format("2026-11-30"), TODAY)[1] == []


def test_an_expired_exception_fails_the_audit():
    """The day after its expiry the entry is a problem, and nothing is ignored."""
    ids, problems = audit.load_allowlist(ENTRY.format("2026-11-29"), TODAY)
    assert ids == []
    assert problems == ["GHSA-aaaa-bbbb-cccc: the review expired on 2026-11-29"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[[exception]]\nid = "X-1"\nexpires = 2027-01-01\n', "X-1: missing reason"),
        ('[[exception]]\nid = "X-1"\nreason = "r"\n', "X-1: missing expires"),
        ('[[exception]]\nreason = "r"\nexpires = 2027-01-01\n', "entry 1: missing id"),
        ('[[exception]]\nid = "X-1"\nreason = "r"\nexpires = "soon"\n', "X-1: expires must be"),
    ],
)
def test_an_incomplete_exception_fails_the_audit(text, problem):
    """Each entry needs an id, a reason and a real date."""
    ids, problems = audit.load_allowlist(text, TODAY)
    assert ids == []
    assert problems[0].startswith(problem)


def test_the_project_allowlist_is_valid_and_current():
    """audit-allowlist.toml parses and has no expired entry (this test fails when one lapses)."""
    _ids, problems = audit.load_allowlist(audit.ALLOWLIST.read_text(), datetime.date.today())
    assert problems == []


def test_pip_audit_is_strict_over_both_pinned_files():
    """--strict, both requirements files, and an --ignore-vuln per reviewed exception."""
    command = audit.pip_audit_command(audit.REQUIREMENTS, ["GHSA-aaaa-bbbb-cccc"])
    assert command[1:3] == ["-m", "pip_audit"]
    assert "--strict" in command
    files = [command[i + 1] for i, arg in enumerate(command) if arg == "--requirement"]
    assert files == [str(ROOT / "requirements.txt"), str(ROOT / "requirements-dev.txt")]
    assert command[command.index("--ignore-vuln") + 1] == "GHSA-aaaa-bbbb-cccc"


def test_pip_audit_is_a_pinned_dev_requirement():
    """Installed by make from requirements-dev.txt, pinned like every tool."""
    lines = (ROOT / "requirements-dev.txt").read_text().splitlines()
    assert any(line.startswith("pip-audit==") for line in lines)


def test_unreachable_advisory_service_fails_the_audit(tmp_path):
    """With no way to reach the service, the audit fails with AUDIT FAILED, never passes."""
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("Django==5.2.19\n")
    closed = "http://127.0.0.1:9"  # the discard port: nothing listens, connections are refused
    env = {**os.environ, "HTTPS_PROXY": closed, "HTTP_PROXY": closed, "NO_PROXY": ""}
    env |= {"https_proxy": closed, "http_proxy": closed, "no_proxy": ""}
    result = subprocess.run(  # noqa: S603 - our own script with this interpreter
        [sys.executable, str(ROOT / "scripts" / "audit.py"), "-r", str(requirements)]
        + ["--no-deps", "--disable-pip", "--cache-dir", str(tmp_path / "cache")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "AUDIT FAILED" in result.stderr
    assert "AUDIT PASSED" not in result.stdout


def test_make_audit_runs_the_script_and_ci_does_not():
    """make audit is the deploy step; .ci/run checks installed dependencies with pip check instead."""
    makefile = (ROOT / "Makefile").read_text()
    assert "audit: $(VENV)/.dev\n\t$(BIN)/python scripts/audit.py" in makefile
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make audit" not in ci and "scripts/audit.py" not in ci
    assert ".venv/bin/python -m pip check" in ci
