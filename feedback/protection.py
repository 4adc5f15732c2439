"""What a shared public form reads from a post before validating it: trap and one-time token.

The comment form and the event registration form carry no per-visitor
token (their pages are shared), so a post is known by its solved captcha
(:func:`feedback.captcha.one_time_token`) and a bot by the honeypot field.
"""

from feedback.captcha import one_time_token

HONEYPOT_FIELD = "leave_empty"


class ProtectedFormMixin:
    """For a form with a ``captcha`` field and the ``leave_empty`` honeypot."""

    @property
    def one_time_token(self):
        """The UUID the posted captcha solution stands for (None if there is none)."""
        if not self.is_bound:
            return None
        field = self.fields["captcha"]
        raw = field.widget.value_from_datadict(self.data, self.files, self.add_prefix("captcha"))
        return one_time_token(field, raw)

    @property
    def honeypot_filled(self):
        """Tell whether the hidden trap field came back with content."""
        return bool(self.data.get(self.add_prefix(HONEYPOT_FIELD), "").strip())
