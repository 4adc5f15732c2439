"""Receive page comments: /kommentera/ (POST) and its ALTCHA challenge.

The form sits on every public page, which is the same for every visitor,
so it carries no CSRF token: the POST must come from this site instead
(:func:`kkn_portal.origin.is_same_origin`), and the solved captcha is the
one-time token that makes a double click store one comment.
"""

import logging
from functools import partial

import django_altcha
from django.conf import settings
from django.db import transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.utils.encoding import iri_to_uri
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, View

from feedback.forms import CommentForm, FollowUpForm
from feedback.models import Comment
from feedback.notify import dispatch_notification
from feedback.paths import public_page
from feedback.ratelimit import register_post
from kkn_portal.origin import is_same_origin
from kkn_portal.views import RETRY_AFTER_SECONDS, csrf_failure

logger = logging.getLogger(__name__)

THANKS_PARAMETER, THANKS_VALUE = "kommentar", "tack"
THANKS_QUERY = f"{THANKS_PARAMETER}={THANKS_VALUE}"
FORM_ANCHOR = "kommentera"


def back_to_page(path):
    """303 with the thank-you to the commented page (the start page if it is no public page)."""
    page = public_page(path)
    target = iri_to_uri(page.path if page else "/") + f"?{THANKS_QUERY}#{FORM_ANCHOR}"
    response = HttpResponseRedirect(target)
    response.status_code = 303  # See Other: a reload repeats the GET, not the POST
    return response


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class CommentPostView(FormView):
    """Validate and store a comment, then Post/Redirect/Get back to the page.

    Not from a page of this site: 403. Over the rate limit: 429; the shared
    cache that counts it unreachable: 503, with the text kept. Honeypot
    filled, or a captcha solution already used for a stored comment (a
    double click): the same redirect as success, nothing new stored.
    Invalid: the form again with its errors (400).
    """

    template_name = "feedback/comment_form_page.html"
    http_method_names = ["post"]

    def get_form_class(self):
        """ "Vad saknade du?" after a "Nej" is a comment marked as such."""
        return FollowUpForm if "after_no" in self.request.POST else CommentForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def post(self, request, *args, **kwargs):
        if not is_same_origin(request):
            return csrf_failure(request)
        form = self.get_form()
        try:
            wait = register_post(request)
        except Exception as exc:  # noqa: BLE001 - any failure of the shared cache
            logger.warning("Comment refused: rate limit unavailable: %r", exc)
            return self.unavailable(form)
        if wait:
            response = render(request, "feedback/rate_limited.html", status=429)
            response["Retry-After"] = str(wait)
            return response
        if form.honeypot_filled:
            return back_to_page(form.data.get("page_path", ""))
        token = form.one_time_token
        if token is not None and Comment.objects.filter(form_token=token).exists():
            return back_to_page(form.data.get("page_path", ""))
        if form.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)

    def form_valid(self, form):
        data = form.cleaned_data
        # The server's path and title of the page, never the form's.
        comment, created = Comment.objects.receive(
            page_path=form.page.path,
            page_title=form.page.title,
            text=data["text"],
            form_token=form.one_time_token,
            after_no=isinstance(form, FollowUpForm),
        )
        if created:
            transaction.on_commit(partial(dispatch_notification, comment))
        return back_to_page(form.page.path)

    def form_invalid(self, form, status=400, **context):
        path = (form.data if form.is_bound else form.initial).get("page_path", "")
        page = public_page(path)
        context = self.get_context_data(
            form=form, page=page, back_url=page.path if page else "/", **context
        )
        return self.render_to_response(context, status=status)

    def unavailable(self, form):
        """503: the comment cannot be taken now; the form comes back with the text kept.

        Unbound, so nothing is checked (and no captcha service asked) again.
        """
        fields = ("text", "page_path")
        fresh = self.get_form_class()(
            request=self.request, initial={name: form.data.get(name, "") for name in fields}
        )
        response = self.form_invalid(fresh, status=503, unavailable=True)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response


@method_decorator(never_cache, name="dispatch")
class ChallengeView(View):
    """A fresh, signed ALTCHA challenge (JSON) for the widget to solve."""

    http_method_names = ["get", "head"]

    def get(self, request):
        challenge = django_altcha.get_altcha_challenge(
            max_number=settings.FEEDBACK_ALTCHA_MAX_NUMBER
        )
        return JsonResponse(challenge.to_dict())
