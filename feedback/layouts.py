"""crispy-forms layouts of the comment, follow-up and yes/no forms (bootstrap5 pack).

The markup is what the site had by hand before: a label on every field,
help text and errors tied to the field with ``aria-describedby`` (Django
5.2 names the ids ``<id>_helptext`` and ``<id>_error``, which the pack's
templates use), the required marker hidden from screen readers
(``templates/bootstrap5/field.html``), and no CSRF token: these forms sit
on shared public pages and are protected by the Origin check instead.
The error summary is the template's (``feedback/includes/form.html``).
"""

from crispy_forms.bootstrap import StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Layout
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

CAPTCHA_TEMPLATE = "feedback/crispy/captcha.html"


def public_post_helper(action, css_class, **attrs):
    """A helper for a POST form on a public page: no CSRF token, no crispy error block."""
    helper = FormHelper()
    helper.form_method = "post"
    helper.form_action = action
    helper.form_class = css_class
    helper.attrs = attrs
    helper.disable_csrf = True  # public pages are shared: Origin check instead
    helper.form_show_errors = True
    helper.include_media = False
    return helper


def comment_helper(form):
    """Text, honeypot, captcha, button and live status of a comment (or follow-up) form."""
    helper = public_post_helper(
        reverse("feedback:post"),
        "comment-form",
        data_waiting=_("Checking that you are not a robot …"),
        data_failed=_("The check that you are not a robot failed. Send the comment again."),
    )
    hidden = ["page_path", "after_no"] if form.is_follow_up else ["page_path"]
    helper.layout = Layout(
        *hidden,
        HTML(format_html('<p class="form-text">{}</p>', _("* = Required field"))),
        Field("text"),
        # Humans never see it (CSS moves it off screen); simple bots fill it.
        Div("leave_empty", css_class="comment-trap"),
        Field("captcha", template=CAPTCHA_TEMPLATE),
        StrictButton(form.submit_label, type="submit", css_class="btn-primary"),
        HTML(
            # Not form["text"]: a bound field read now would keep today's label.
            f'<div class="comment-status mt-2" id="{form.auto_id % "text"}_status" '
            'role="status" aria-live="polite"></div>'
        ),
    )
    return helper


def helpfulness_helper(answered):
    """The yes/no buttons; hidden once the page shows the thank-you."""
    helper = public_post_helper(
        reverse("feedback:helpful"),
        "helpful-form",
        data_failed=_("Your answer could not be sent. Please try again."),
        **({"hidden": True} if answered else {}),
    )
    helper.layout = Layout(
        "page_path",
        StrictButton(
            _("Yes"), type="submit", name="answer", value="ja", css_class="btn-outline-primary"
        ),
        StrictButton(
            _("No"),
            type="submit",
            name="answer",
            value="nej",
            css_class="btn-outline-primary ms-2",
        ),
    )
    return helper


def admin_form_helper(form, method, submit_label):
    """An admin form (export, statistics period): its fields in order, then the admin's submit row.

    With ``method`` "post", crispy adds the CSRF token (the admin has sessions).
    """
    helper = FormHelper()
    helper.form_method = method
    helper.form_show_errors = True
    helper.include_media = False
    helper.layout = Layout(
        *form.fields,
        HTML(
            format_html(
                '<div class="submit-row"><input type="submit" class="default" value="{}"></div>',
                submit_label,
            )
        ),
    )
    return helper
