"""The end of every content page: "Hjälpte informationen dig?" and "Kommentera sidan"."""

from django import template
from django.template.loader import get_template

from feedback.answer_views import ANSWER_ANCHOR, ANSWER_PARAMETER
from feedback.captcha import captcha_backend
from feedback.forms import CommentForm, FollowUpForm, HelpfulnessForm
from feedback.views import FORM_ANCHOR, THANKS_PARAMETER, THANKS_VALUE
from feedback.votes import NO, YES
from kkn_portal.memo import environment, process_memo

register = template.Library()

TEMPLATE = "feedback/comment_form.html"
HELPFULNESS_TEMPLATE = "feedback/helpfulness.html"
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


@register.simple_tag(takes_context=True)
def helpfulness_form(context):
    """Render "Hjälpte informationen dig?" for the page being shown.

    Without JavaScript an answer comes back as ``?hjalpte=ja`` or
    ``?hjalpte=nej``: the thank-you shows here, and after "Nej" the form
    "Vad saknade du?" is open. With JavaScript the same happens in place.
    Like the comment form, rendered once per process per path and answer.
    """
    request = context.get("request")
    if request is None:
        return ""
    answer = request.GET.get(ANSWER_PARAMETER)
    return rendered_helpfulness(request.path, answer if answer in (YES, NO) else "", environment())


@process_memo(maxsize=MEMO_SIZE)
def rendered_helpfulness(path, answer, env):
    """The HTML of the question, its thank-you and the follow-up form for ``path``."""
    follow_up = FollowUpForm.for_path(path)
    # The comment form below loads the widget's script and stylesheet once.
    follow_up.fields["captcha"].widget.with_assets = False
    context = {
        "helpful_form": HelpfulnessForm.for_path(path, answered=bool(answer)),
        "answer": answer,
        "follow_up": follow_up,
        "anchor": ANSWER_ANCHOR,
    }
    return get_template(HELPFULNESS_TEMPLATE).render(context)
