"""Receive answers to "Hjälpte informationen dig?" (POST /kommentera/hjalpte/).

Public pages are the same for every visitor, so the form carries no token:
the POST must come from this site (:func:`kkn_portal.origin.is_same_origin`)
and each client is limited in the shared cache. Nothing about the visitor
is stored, only one more yes or no for the page today.

Without JavaScript the answer is a form post and a 303 back to the page
with ``?hjalpte=ja`` or ``?hjalpte=nej``, which the page shows as a thank-you
(and, after "Nej", the question "Vad saknade du?"). With JavaScript the same
post asks for JSON and the page says thank you in place.
"""

import logging

from django.conf import settings
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import View

from feedback.forms import HelpfulnessForm
from feedback.votes import HelpfulnessCount
from kkn_portal import ratelimit
from kkn_portal.origin import is_same_origin
from kkn_portal.views import RETRY_AFTER_SECONDS, csrf_failure

logger = logging.getLogger(__name__)

ANSWER_PARAMETER = "hjalpte"
ANSWER_ANCHOR = "hjalpte"
RATE_LIMIT_SCOPE = "feedback.helpfulness"


def wants_json(request):
    """Whether the post came from the page's script (it asks for JSON)."""
    return "application/json" in request.headers.get("Accept", "")


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class HelpfulnessView(View):
    """Count one answer and go back to the page (303), or answer JSON to the page's script.

    Not from this site: 403. Over the limit (``FEEDBACK_HELPFUL_RATE_LIMIT``):
    429 with ``Retry-After``. The shared cache unreachable: 503, nothing
    counted (a thank-you for an answer that was dropped would mislead).
    Unknown page or answer: 400 with a Swedish message.
    """

    http_method_names = ["post"]

    def post(self, request):
        if not is_same_origin(request):
            return csrf_failure(request)
        try:
            limits = ratelimit.parse_limits(settings.FEEDBACK_HELPFUL_RATE_LIMIT)
            wait = ratelimit.register(request, RATE_LIMIT_SCOPE, limits)
        except Exception as exc:  # noqa: BLE001 - any failure of the shared cache
            logger.warning("Answer refused: rate limit unavailable: %r", exc)
            message = _("Answers cannot be received right now. Please try again in a minute.")
            return self.refuse(message, 503, RETRY_AFTER_SECONDS)
        if wait:
            message = _("You have answered many times in a short while. Please wait a minute.")
            return self.refuse(message, 429, wait)
        form = HelpfulnessForm(request.POST)
        if not form.is_valid():
            messages = [error for errors in form.errors.values() for error in errors]
            return self.refuse(" ".join(messages), 400)
        page, answer = form.cleaned_data["page_path"], form.cleaned_data["answer"]
        HelpfulnessCount.objects.count_answer(page, answer)
        if wants_json(request):
            return JsonResponse({"answer": answer})
        target = iri_to_uri(page.path) + f"?{ANSWER_PARAMETER}={answer}#{ANSWER_ANCHOR}"
        return HttpResponseRedirect(target, status=303)

    def refuse(self, message, status, retry_after=None):
        """The refusal as JSON for the script, or as a short Swedish page."""
        if wants_json(self.request):
            response = JsonResponse({"message": message}, status=status)
        else:
            context = {"message": message}
            response = render(self.request, "feedback/answer_refused.html", context, status=status)
        if retry_after:
            response["Retry-After"] = str(retry_after)
        return response
