"""manage.py create_editor and the one-time password-set link it prints."""

from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from kkn_portal.roles import EDITOR_GROUP, STAFF_GROUP
from tests.admin.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _groups():
    """The roles exist (the data migration creates them; be explicit here)."""
    for name in (EDITOR_GROUP, STAFF_GROUP):
        Group.objects.get_or_create(name=name)


def create_editor(*args, **options):
    """Run the command; return its output lines."""
    out = StringIO()
    call_command("create_editor", *args, stdout=out, **options)
    return out.getvalue().strip().splitlines()


def link_path(lines):
    """The path of the password-set link (the last line of the output)."""
    url = urlsplit(lines[-1])
    assert f"{url.scheme}://{url.netloc}" == "http://testserver"  # SITE_URL in tests
    return url.path


def test_creates_a_staff_editor_without_a_usable_password():
    """The user is staff, in Redaktör, not superuser, and has no password yet."""
    create_editor("anna", email="anna@example.se", first_name="Anna")
    user = get_user_model().objects.get(username="anna")
    assert user.is_staff and not user.is_superuser
    assert user.email == "anna@example.se" and user.first_name == "Anna"
    assert not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == [EDITOR_GROUP]


def test_staff_export_puts_the_user_in_personal():
    """--staff-export gives the Personal role instead."""
    create_editor("per", email="per@example.se", staff_export=True)
    user = get_user_model().objects.get(username="per")
    assert list(user.groups.values_list("name", flat=True)) == [STAFF_GROUP]


def test_link_sets_the_password_once(client):
    """The link leads to a form that sets the password; then it is dead."""
    path = link_path(create_editor("anna", email="anna@example.se"))
    response = client.get(path)
    # Django moves the token into the session so it never leaks in a Referer.
    assert response.status_code == 302
    form_url = response.url
    form = client.get(form_url)
    assert form.status_code == 200
    assert form["Cache-Control"].startswith("max-age=0")
    assert 'name="new_password1"' in form.content.decode()
    done = client.post(form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert done.status_code == 302
    assert done.url == reverse("accounts:password-set-done")
    assert client.get(done.url).status_code == 200
    user = get_user_model().objects.get(username="anna")
    assert user.check_password(PASSWORD)

    again = client.get(path)
    assert again.status_code == 200
    assert again.context["validlink"] is False
    assert 'name="new_password1"' not in again.content.decode()


def test_link_refuses_a_weak_password(client):
    """The password validators apply on the set-password form."""
    path = link_path(create_editor("anna", email="anna@example.se"))
    form_url = client.get(path).url
    response = client.post(form_url, {"new_password1": "kort1", "new_password2": "kort1"})
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    assert not get_user_model().objects.get(username="anna").has_usable_password()


@pytest.mark.parametrize(
    "path_kwargs",
    [
        {"uidb64": "MQ", "token": "abc-123"},
        {"uidb64": "!!!", "token": "set-password"},
        {"uidb64": "OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5", "token": "x" * 300},
    ],
    ids=["bad-token", "bad-uid", "huge-uid"],
)
def test_bad_links_show_an_error_not_a_500(client, path_kwargs):
    """Forged or mangled links answer 200 with the 'link does not work' text."""
    make_user()
    response = client.get(reverse("accounts:password-set", kwargs=path_kwargs))
    assert response.status_code == 200
    assert response.context["validlink"] is False


def test_existing_username_is_refused():
    """A taken user name (any case) is an error, not a second account."""
    make_user("anna")
    with pytest.raises(CommandError, match="already exists"):
        create_editor("Anna", email="anna@example.se")


@pytest.mark.parametrize(
    ("username", "email"),
    [
        ("anna lind", "anna@example.se"),
        ("anna", "inte-en-adress"),
        ("an\x00na", "anna@example.se"),
        ("a" * 151, "anna@example.se"),
    ],
    ids=["space-in-username", "bad-email", "nul", "too-long"],
)
def test_bad_input_is_refused(username, email):
    """Bad user names and e-mail addresses give a CommandError and no user."""
    with pytest.raises(CommandError):
        create_editor(username, email=email)
    assert not get_user_model().objects.exists()


def test_email_is_required():
    """Without --email the command refuses to run."""
    with pytest.raises(CommandError):
        create_editor("anna")


def test_dry_run_creates_nothing():
    """--dry-run checks the input and reports, without writing."""
    lines = create_editor("anna", email="anna@example.se", dry_run=True)
    assert "Would create anna" in lines[0]
    assert not get_user_model().objects.exists()


def test_missing_group_is_explained():
    """Without the migrated groups the command says to migrate."""
    Group.objects.all().delete()
    with pytest.raises(CommandError, match="migrate"):
        create_editor("anna", email="anna@example.se")
