"""Receive page comments: /kommentera/ (POST) and its ALTCHA challenge."""

import uuid
from functools import partial

import django_altcha
from django.conf import settings
from django.db import transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.utils.encoding import iri_to_uri
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, View

from feedback.forms import CommentForm
from feedback.models import Comment
from feedback.notify import dispatch_notification
from feedback.paths import is_local_page
from feedback.ratelimit import register_post

THANKS_QUERY = "kommentar=tack"
FORM_ANCHOR = "kommentera"


def back_to_page(path, thanks=True):
    """303 to the commented page (or the start page if the path is not ours)."""
    target = iri_to_uri(path) if is_local_page(path) else "/"
    if thanks:
        target += f"?{THANKS_QUERY}#{FORM_ANCHOR}"
    response = HttpResponseRedirect(target)
    response.status_code = 303  # See Other: a reload repeats the GET, not the POST
    return response


@method_decorator(never_cache, name="dispatch")
class CommentPostView(FormView):
    """Validate and store a comment, then Post/Redirect/Get back to the page.

    Over the rate limit: 429. Honeypot filled: the same redirect as success,
    nothing stored. Invalid: the form again with its errors (400).
    """

    form_class = CommentForm
    template_name = "feedback/comment_form_page.html"
    http_method_names = ["post"]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def post(self, request, *args, **kwargs):
        wait = register_post(request)
        if wait:
            response = render(request, "feedback/rate_limited.html", status=429)
            response["Retry-After"] = str(wait)
            return response
        form = self.get_form()
        if form.honeypot_filled:
            return back_to_page(form.data.get("page_path", ""))
        if form.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)

    def form_valid(self, form):
        data = form.cleaned_data
        comment, created = Comment.objects.receive(
            page_path=data["page_path"],
            page_title=data["page_title"],
            text=data["text"],
            form_token=data["form_token"],
        )
        if created:
            transaction.on_commit(partial(dispatch_notification, comment))
        return back_to_page(data["page_path"])

    def form_invalid(self, form):
        if "form_token" in form.errors:
            # A fresh token, so the re-rendered form can be sent.
            form.data = form.data.copy()
            form.data[form.add_prefix("form_token")] = str(uuid.uuid4())
        path = form.data.get("page_path", "")
        context = self.get_context_data(form=form, back_url=path if is_local_page(path) else "/")
        return self.render_to_response(context, status=400)


@method_decorator(never_cache, name="dispatch")
class ChallengeView(View):
    """A fresh, signed ALTCHA challenge (JSON) for the widget to solve."""

    http_method_names = ["get"]

    def get(self, request):
        challenge = django_altcha.get_altcha_challenge(
            max_number=settings.FEEDBACK_ALTCHA_MAX_NUMBER
        )
        return JsonResponse(challenge.to_dict())
