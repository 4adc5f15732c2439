"""The management commands export_feedback and purge_feedback."""

import csv
import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from feedback.models import Comment

from .factories import make_comment

pytestmark = pytest.mark.django_db


def test_export_command_writes_the_same_csv_to_a_file(tmp_path):
    """--from/--to/-o write a BOM-prefixed ; CSV of the range."""
    make_comment(text="=1+1", created_at=datetime.datetime(2026, 5, 5, 12, tzinfo=datetime.UTC))
    make_comment(created_at=datetime.datetime(2027, 5, 5, 12, tzinfo=datetime.UTC))
    out = tmp_path / "out.csv"
    stdout = io.StringIO()
    call_command(
        "export_feedback",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "-o",
        str(out),
        stdout=stdout,
    )
    content = out.read_bytes()
    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode()[1:], newline=""), delimiter=";"))
    assert len(rows) == 2 and rows[1][5] == "'=1+1"
    assert "1" in stdout.getvalue()


def test_export_command_comma(tmp_path):
    """--sep comma switches to RFC 4180 commas."""
    make_comment(created_at=datetime.datetime(2026, 5, 5, 12, tzinfo=datetime.UTC))
    out = tmp_path / "out.csv"
    call_command(
        "export_feedback",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "-o",
        str(out),
        "--sep",
        "comma",
    )
    assert out.read_bytes().split(b"\r\n")[0].count(b'","') == 8


@pytest.mark.parametrize(
    "args",
    [
        ("--from", "2026-13-01", "--to", "2026-12-31"),
        ("--from", "2026-12-31", "--to", "2026-01-01"),
    ],
)
def test_export_command_refuses_bad_dates(args):
    """An impossible date or a reversed range is a command error."""
    with pytest.raises(CommandError):
        call_command("export_feedback", *args)


def test_purge_without_setting_deletes_nothing(settings, caplog):
    """C5.3: no FEEDBACK_RETENTION_DAYS → it says so, exits normally, deletes nothing."""
    settings.FEEDBACK_RETENTION_DAYS = None
    make_comment(
        status=Comment.Status.HANDLED, created_at=timezone.now() - datetime.timedelta(days=4000)
    )
    stdout = io.StringIO()
    call_command("purge_feedback", stdout=stdout)
    assert "FEEDBACK_RETENTION_DAYS" in stdout.getvalue()
    assert Comment.objects.count() == 1
    assert "Purge run" in caplog.text


@pytest.fixture
def aged_comments():
    """One old handled, one old new, one recent handled comment."""
    old = timezone.now() - datetime.timedelta(days=400)
    make_comment(status=Comment.Status.HANDLED, created_at=old, text="gammal behandlad")
    make_comment(created_at=old, text="gammal ny")
    make_comment(status=Comment.Status.HANDLED, text="färsk behandlad")


def test_purge_dry_run_only_counts(settings, aged_comments):
    """--dry-run prints the count and deletes nothing."""
    settings.FEEDBACK_RETENTION_DAYS = 365
    stdout = io.StringIO()
    call_command("purge_feedback", "--dry-run", stdout=stdout)
    assert "1" in stdout.getvalue()
    assert Comment.objects.count() == 3


def test_purge_deletes_only_old_handled_comments_and_logs(settings, aged_comments, caplog):
    """Only handled comments older than the retention go; the run is logged with the decision."""
    settings.FEEDBACK_RETENTION_DAYS = 365
    settings.FEEDBACK_RETENTION_DECISION = "RN 2026/42"
    call_command("purge_feedback", stdout=io.StringIO())
    assert sorted(Comment.objects.values_list("text", flat=True)) == [
        "färsk behandlad",
        "gammal ny",
    ]
    assert "Purged 1" in caplog.text and "RN 2026/42" in caplog.text


def test_export_command_to_standard_output_is_pure_csv(capsysbinary):
    """Without -o the CSV goes to standard output, with nothing else mixed in."""
    make_comment(created_at=datetime.datetime(2026, 5, 5, 12, tzinfo=datetime.UTC))
    call_command("export_feedback", "--from", "2026-01-01", "--to", "2026-12-31")
    out = capsysbinary.readouterr().out
    assert out.startswith("\ufeff".encode())
    lines = out.decode().splitlines()
    assert len(lines) == 2 and lines[1].startswith('"')
