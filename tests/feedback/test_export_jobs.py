"""Large exports run as a background job that the staff member downloads when ready."""

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse

from feedback.models import ExportJob

from .factories import make_comment

pytestmark = pytest.mark.django_db

EXPORT = reverse("admin:feedback_comment_export")
RANGE = {"date_from": "2000-01-01", "date_to": "9999-12-31", "sep": "semicolon"}


@pytest.fixture
def large(settings, tmp_path):
    """Three comments count as "large": the threshold is lowered to two."""
    settings.FEEDBACK_EXPORT_BACKGROUND_ROWS = 2
    settings.FEEDBACK_EXPORT_ROOT = tmp_path
    for n in range(3):
        make_comment(text=f"Synpunkt {n}")


def test_a_small_export_is_streamed_at_once(admin_client, settings, tmp_path):
    """Under the threshold the CSV comes back in the same request, as before."""
    settings.FEEDBACK_EXPORT_ROOT = tmp_path
    make_comment(text="Liten export")
    response = admin_client.post(EXPORT, RANGE)
    assert response.streaming and "Liten export" in b"".join(response.streaming_content).decode()
    assert not ExportJob.objects.exists()


def test_a_large_export_becomes_a_job_and_a_download(
    admin_client, large, django_capture_on_commit_callbacks
):
    """Over the threshold: a job starts after commit, its page waits, then offers the file."""
    with django_capture_on_commit_callbacks() as callbacks:
        response = admin_client.post(EXPORT, RANGE)
    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:feedback_comment_export_job", args=[job.pk])
    assert len(callbacks) == 1  # the thread starts only once the job is committed
    waiting = admin_client.get(response["Location"]).content.decode()
    assert "Ladda om sidan om en minut" in waiting
    file_url = reverse("admin:feedback_comment_export_file", args=[job.pk])
    assert admin_client.get(file_url).status_code == 404

    job.run()  # what the thread does
    ready = admin_client.get(response["Location"]).content.decode()
    assert "Exporten är klar: 3 kommentarer" in ready
    download = admin_client.get(file_url)
    assert download["Content-Disposition"].startswith("attachment")
    assert "no-store" in download["Cache-Control"]
    body = b"".join(download.streaming_content).decode("utf-8-sig")
    assert all(f"Synpunkt {n}" in body for n in range(3))


def test_only_the_owner_downloads(client, admin_client, large, django_user_model):
    """Another exporter cannot open someone else's job; staff without export get 403."""
    admin_client.post(EXPORT, RANGE)
    job = ExportJob.objects.get()
    job.run()
    other = django_user_model.objects.create_user("annan", password="pw", is_staff=True)
    other.user_permissions.add(Permission.objects.get(codename="export_comment"))
    other.user_permissions.add(Permission.objects.get(codename="view_comment"))
    client.force_login(other)
    file_url = reverse("admin:feedback_comment_export_file", args=[job.pk])
    assert client.get(file_url).status_code == 403


def test_the_worker_command_finishes_waiting_jobs(admin_client, large):
    """``run_export_jobs`` writes jobs whose thread never ran (their worker stopped)."""
    admin_client.post(EXPORT, RANGE)
    job = ExportJob.objects.get()
    call_command("run_export_jobs", "--older-than", "0", verbosity=0)
    job.refresh_from_db()
    assert job.state == ExportJob.State.DONE and job.rows == 3 and job.path.exists()
