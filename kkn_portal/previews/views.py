"""The public end of a shared preview: the real article or event page, for one object.

Content apps register the view that shows each kind of target in
``AppConfig.ready()`` (:func:`register_preview`), built on
:class:`SharedPreviewMixin` over their own detail view.
"""

from django.http import Http404
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache

from .models import PreviewLink

# kind ("article", "event": the link's foreign key) -> view class
_views = {}


def register_preview(kind, view_class):
    """Show links whose target is a ``kind`` with ``view_class``."""
    _views[kind] = view_class


class SharedPreviewMixin:
    """Render a detail view for the one object the link is bound to.

    The public views narrow their queryset to published objects; here the
    object is taken from the link instead, so a token opens exactly one
    draft and nothing else. The page is marked as a preview (banner, meta
    robots noindex), never cached, and has no comment form (it would store
    the secret address with the comment).
    """

    link = None

    def get_object(self, queryset=None):
        return self.get_queryset().get(pk=self.link.target.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(is_preview=True, shared_preview=self.link)
        return context

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        # The token is in the address: never send it on to another site.
        response["Referrer-Policy"] = "no-referrer"
        return response


@never_cache
def show(request, token):
    """``/forhandsvisning/<token>/``: 404 unless the link is valid, active and unexpired."""
    link = PreviewLink.objects.from_token(token)
    if link is None or link.kind not in _views:
        raise Http404
    return _views[link.kind].as_view(link=link)(request)
