"""Create a staff account for the editorial team and print a password-set link.

No password is ever given on the command line (it would end up in the shell
history and the process list): the account gets an unusable password and the
person chooses one through a one-time link.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from kkn_portal.accounts.links import password_set_url
from kkn_portal.roles import EDITOR_GROUP, STAFF_GROUP


class Command(BaseCommand):
    """``create_editor <username> --email … [--staff-export] [--dry-run]``."""

    help = (
        f"Create a staff user in the group {EDITOR_GROUP} (or {STAFF_GROUP} with "
        "--staff-export) and print a one-time link where they choose a password."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", required=True, help="The person's work e-mail.")
        parser.add_argument(
            "--staff-export",
            action="store_true",
            help=f"Group {STAFF_GROUP}: read and export comments only.",
        )
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the input, create nothing."
        )

    def handle(self, *args, **options):
        User = get_user_model()
        username, email = options["username"].strip(), options["email"].strip()
        group_name = STAFF_GROUP if options["staff_export"] else EDITOR_GROUP
        self._validate(User, username, email)
        try:
            group = Group.objects.get(name=group_name)
        except Group.DoesNotExist:
            raise CommandError(
                f"The group {group_name!r} is missing; run `manage.py migrate`."
            ) from None
        if options["dry_run"]:
            self.stdout.write(f"Would create {username} <{email}> in the group {group_name}.")
            return
        with transaction.atomic():
            user = User(
                username=username,
                email=email,
                first_name=options["first_name"],
                last_name=options["last_name"],
                is_staff=True,
            )
            user.set_unusable_password()
            user.save()
            user.groups.add(group)
        timeout_days = settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)
        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.SUCCESS(f"Created {username} <{email}> in the group {group_name}.")
            )
            self.stdout.write(
                f"Send this link to the person (it works once, for {timeout_days} days):"
            )
        # The link is the command's result: printed even with --verbosity 0.
        self.stdout.write(password_set_url(user))

    def _validate(self, User, username, email):
        """Refuse a bad or taken user name and a bad e-mail address."""
        if "\x00" in username or "\x00" in email:
            raise CommandError("NUL characters are not allowed.")
        try:
            User.username_validator(username)
            validate_email(email)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        if len(username) > User._meta.get_field("username").max_length:
            raise CommandError("The user name is too long.")
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(f"A user named {username!r} already exists.")
