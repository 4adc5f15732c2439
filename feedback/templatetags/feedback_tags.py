"""The "Kommentera sidan" form at the end of every content page."""

from django import template
from django.template.loader import get_template

from feedback.captcha import captcha_backend
from feedback.forms import CommentForm
from feedback.views import FORM_ANCHOR, THANKS_PARAMETER, THANKS_VALUE
from kkn_portal.memo import environment, process_memo

register = template.Library()

TEMPLATE = "feedback/comment_form.html"
# Forms kept per process: two (with and without the thank-you) per page and backend.
MEMO_SIZE = 1024


@register.simple_tag(takes_context=True)
def comment_form(context):
    """Render the comment form for the page being shown (``request.path``).

    After a successful post the visitor comes back with ``?kommentar=tack``
    and the thank-you shows here, at the form, without any cookie. The form
    names its page by path only: the server looks up the page and its title
    when the comment arrives.

    The form is the same for every visitor of a page (DESIGN.md), so its
    HTML is rendered once per process for each page path, captcha backend
    and thank-you, and reused (:func:`rendered_form`).
    """
    request = context.get("request")
    if request is None:
        return get_template(TEMPLATE).render({"form": None})
    return rendered_form(
        request.path,
        captcha_backend(request),
        request.GET.get(THANKS_PARAMETER) == THANKS_VALUE,
        environment(),
    )


@process_memo(maxsize=MEMO_SIZE)
def rendered_form(path, captcha, thanks, env):
    """The HTML of the empty form: a function of its arguments (and settings) alone.

    ``env`` (:func:`kkn_portal.memo.environment`) only keys the memo: the
    form is rendered in the language and URL configuration it names.
    """
    form = CommentForm.for_path(path, captcha=captcha)
    return get_template(TEMPLATE).render({"form": form, "thanks": thanks, "anchor": FORM_ANCHOR})
