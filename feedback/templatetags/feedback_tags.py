"""The "Kommentera sidan" form at the end of every content page."""

from django import template

from feedback.forms import CommentForm
from feedback.views import FORM_ANCHOR, THANKS_PARAMETER, THANKS_VALUE

register = template.Library()


@register.inclusion_tag("feedback/comment_form.html", takes_context=True)
def comment_form(context, title=None):
    """Render the comment form for the page being shown (``request.path``).

    After a successful post the visitor comes back with ``?kommentar=tack``
    and the thank-you shows here, at the form, without any cookie.
    """
    request = context.get("request")
    if request is None:
        return {"form": None}
    return {
        "form": CommentForm.for_page(request, title),
        "thanks": request.GET.get(THANKS_PARAMETER) == THANKS_VALUE,
        "anchor": FORM_ANCHOR,
    }
