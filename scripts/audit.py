#!/usr/bin/env python
"""``make audit``: pip-audit --strict over the pinned requirements, with reviewed exceptions.

Usage: scripts/audit.py [-r FILE ...] [--allowlist FILE] [more pip-audit arguments]

Audits ``requirements.txt`` and ``requirements-dev.txt`` (or the ``-r`` files
given) against the advisory service. Exits non-zero, with a line starting
``AUDIT FAILED``, when:

- ``audit-allowlist.toml`` has an entry without ``id``, ``reason`` or
  ``expires``, or whose ``expires`` date has passed;
- pip-audit reports a known vulnerability that is not on the allow-list;
- any dependency could not be audited (``--strict``): not found, or the
  advisory service could not be reached. An audit that could not run is
  never a pass.

It needs the advisory service (PyPI's JSON API) over the network, so it is a
step of the deploy pipeline, not of ``.ci/run`` (README, "Dependency audit").
"""

import argparse
import datetime
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOWLIST = ROOT / "audit-allowlist.toml"
REQUIREMENTS = [ROOT / "requirements.txt", ROOT / "requirements-dev.txt"]
REQUIRED_FIELDS = ("id", "reason", "expires")


def load_allowlist(text, today):
    """``(ids, problems)`` from the allow-list's TOML ``text``, judged on ``today``."""
    ids, problems = [], []
    for number, entry in enumerate(tomllib.loads(text).get("exception", []), start=1):
        name = entry.get("id") or f"entry {number}"
        missing = [field for field in REQUIRED_FIELDS if not entry.get(field)]
        if missing:
            problems.append(f"{name}: missing {', '.join(missing)}")
            continue
        expires = entry["expires"]
        if not isinstance(expires, datetime.date) or isinstance(expires, datetime.datetime):
            problems.append(f"{name}: expires must be a date such as 2027-01-31")
        elif expires < today:
            problems.append(f"{name}: the review expired on {expires.isoformat()}")
        else:
            ids.append(entry["id"])
    return ids, problems


def pip_audit_command(requirements, ignored, extra=()):
    """The pip-audit command line: strict, every requirements file, each allowed id ignored."""
    command = [sys.executable, "-m", "pip_audit", "--strict", "--progress-spinner", "off"]
    command += ["--desc", "on"]
    for path in requirements:
        command += ["--requirement", str(path)]
    for vulnerability in ignored:
        command += ["--ignore-vuln", vulnerability]
    return command + list(extra)


def main(argv):
    """Check the allow-list, run pip-audit, and say clearly whether the audit passed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-r", "--requirement", action="append", type=Path, dest="requirements")
    parser.add_argument("--allowlist", type=Path, default=ALLOWLIST)
    options, extra = parser.parse_known_args(argv)
    ignored, problems = load_allowlist(options.allowlist.read_text(), datetime.date.today())
    for problem in problems:
        print(f"allow-list: {problem}", file=sys.stderr)
    if problems:
        print(f"AUDIT FAILED: fix {options.allowlist.name} first", file=sys.stderr)
        return 1
    command = pip_audit_command(options.requirements or REQUIREMENTS, ignored, extra)
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode != 0:
        print(
            "AUDIT FAILED: a known vulnerability, or a dependency that could not be audited "
            "(is the advisory service reachable?). Do not deploy.",
            file=sys.stderr,
        )
        return 1
    print("AUDIT PASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
