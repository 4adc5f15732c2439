"""CSV export: formula neutralising, Excel format, Stockholm times, permissions, audit."""

import csv
import datetime
import io

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from feedback.export import csv_lines, neutralise
from feedback.models import Comment
from feedback.personal_id import MASK

from .factories import make_comment

pytestmark = pytest.mark.django_db
EXPORT = "admin:feedback_comment_export"
RANGE = {"date_from": "2026-01-01", "date_to": "2026-12-31"}


def read_csv(content, separator=";"):
    """Decode an export and parse it with Python's csv reader."""
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=separator))


@pytest.mark.parametrize("first", ["=", "+", "-", "@", "\t", "\r", "\n", "\0"])
def test_cells_that_could_start_a_formula_get_a_quote(first):
    """C4.1: each trigger character at the start gets a leading apostrophe."""
    assert neutralise(f"{first}SUM(A1)") == f"'{first}SUM(A1)"


@pytest.mark.parametrize("value", ["Hej", "1 + 1", "a=b", "", None, 42])
def test_benign_cells_are_unchanged(value):
    """Text not starting with a trigger is left as it is."""
    assert neutralise(value) == ("" if value is None else str(value))


def test_export_round_trip_with_neutralised_formulas_and_stockholm_times():
    """Newlines, ; and quotes survive csv.reader; formulas get '; times are Stockholm ISO."""
    created = datetime.datetime(2026, 7, 1, 10, 0, tzinfo=datetime.UTC)
    text = '=HYPERLINK("http://evil")\nrad två; med "citat"'
    comment = make_comment(
        text=text, page_title="@Rubrik", page_path="/nyheter/", created_at=created
    )
    content = b"".join(csv_lines(Comment.objects.all()))
    header, row = read_csv(content)
    assert header[:3] == ["ID", "Inkommen", "Sidans titel"]
    assert row[0] == str(comment.pk)
    assert row[1] == "2026-07-01T12:00:00+02:00"
    assert row[2] == "'@Rubrik"
    assert row[3] == "http://testserver/nyheter/"
    assert row[4] == "Ny"
    assert row[5] == "'" + text
    assert b'"' in content.split(b"\r\n")[1][:1]  # every field quoted


def test_export_masks_personal_ids_and_lists_flags():
    """The text column is masked; flags name what was found."""
    make_comment(text="pnr 640823-3234, ring 070-174 06 05")
    _, row = read_csv(b"".join(csv_lines(Comment.objects.all())))
    assert "640823-3234" not in row[5] and MASK in row[5]
    assert row[6] == "personnummer, kontaktuppgifter"


def test_winter_time_and_handled_columns(django_user_model):
    """Winter times are +01:00; the handling editor and time are filled in."""
    user = django_user_model.objects.create_user("anna", first_name="Anna", last_name="Berg")
    make_comment(
        created_at=datetime.datetime(2026, 1, 15, 8, 0, tzinfo=datetime.UTC),
        status=Comment.Status.HANDLED,
        handled_by=user,
        handled_at=datetime.datetime(2026, 1, 16, 8, 0, tzinfo=datetime.UTC),
    )
    _, row = read_csv(b"".join(csv_lines(Comment.objects.all())))
    assert row[1] == "2026-01-15T09:00:00+01:00"
    assert row[4:] == [
        "Behandlad",
        "En synpunkt på sidan.",
        "",
        "Anna Berg",
        "2026-01-16T09:00:00+01:00",
    ]


def test_export_page_needs_login(client):
    """Anonymous users are sent to the admin login."""
    response = client.get(reverse(EXPORT))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_staff_without_export_permission_get_403(client, editor):
    """A Redaktör-like user without feedback.export_comment gets 403, page and action."""
    make_comment()
    client.force_login(editor)
    assert client.get(reverse(EXPORT)).status_code == 403
    assert client.post(reverse(EXPORT), RANGE).status_code == 403
    response = client.post(
        reverse("admin:feedback_comment_changelist"),
        {"action": "export_selected", "_selected_action": [Comment.objects.get().pk]},
    )
    assert response.get("Content-Type", "").startswith("text/html")


def test_export_page_streams_the_range_and_logs_it(client, exporter):
    """With the permission: a streamed CSV of the range, headers per C4.2, an admin log entry."""
    make_comment(created_at=datetime.datetime(2026, 3, 1, 12, 0, tzinfo=datetime.UTC))
    make_comment(
        created_at=datetime.datetime(2025, 3, 1, 12, 0, tzinfo=datetime.UTC), text="Gammal"
    )
    client.force_login(exporter)
    assert client.get(reverse(EXPORT)).status_code == 200
    response = client.post(reverse(EXPORT), RANGE)
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"] == (
        'attachment; filename="kommentarer_2026-01-01_2026-12-31.csv"'
    )
    rows = read_csv(b"".join(response.streaming_content))
    assert len(rows) == 2  # header and the one comment from 2026
    entry = LogEntry.objects.get()
    assert entry.user == exporter
    assert "1 kommentar" in entry.get_change_message()
    assert "2026-01-01 – 2026-12-31" in entry.get_change_message()


def test_comma_separator_on_request(client, exporter):
    """?sep=comma gives RFC 4180 commas instead of semicolons."""
    make_comment(text="a;b,c", created_at=datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC))
    client.force_login(exporter)
    response = client.post(reverse(EXPORT) + "?sep=comma", RANGE)
    rows = read_csv(b"".join(response.streaming_content), separator=",")
    assert rows[1][5] == "a;b,c" and len(rows[1]) == 9


def test_invalid_range_is_a_form_error(client, exporter):
    """A start after the end re-renders the form with 400, no CSV, no log."""
    client.force_login(exporter)
    response = client.post(reverse(EXPORT), {"date_from": "2026-12-31", "date_to": "2026-01-01"})
    assert response.status_code == 400
    assert not LogEntry.objects.exists()


def test_export_action_on_selected_comments(client, exporter):
    """The admin action exports exactly the selected comments and logs the export."""
    chosen = make_comment(text="Vald")
    make_comment(text="Inte vald")
    client.force_login(exporter)
    response = client.post(
        reverse("admin:feedback_comment_changelist"),
        {"action": "export_selected", "_selected_action": [chosen.pk]},
    )
    rows = read_csv(b"".join(response.streaming_content))
    assert [row[5] for row in rows[1:]] == ["Vald"]
    assert LogEntry.objects.get().user == exporter


@pytest.mark.parametrize("count", [1, 25])
def test_export_query_count_is_constant(count, django_user_model, django_assert_max_num_queries):
    """No query per row: the handling editor is joined in."""
    user = django_user_model.objects.create_user("e")
    for n in range(count):
        make_comment(text=f"k{n}", status=Comment.Status.HANDLED, handled_by=user)
    with django_assert_max_num_queries(2):
        rows = b"".join(csv_lines(Comment.objects.all()))
    assert rows.count(b"\r\n") == count + 1
