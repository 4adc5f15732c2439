"""Template tags for the admin: form media under the strict CSP."""

from django import template
from django.urls import reverse
from js_asset import Media

from kkn_portal.previews.models import SHAREABLE

register = template.Library()


@register.simple_tag(takes_context=True)
def media_with_nonce(context, media):
    """Render form media, giving its inline import map the request's CSP nonce.

    django-prose-editor loads its ES modules through an inline
    ``<script type="importmap">``, which the CSP blocks without a nonce.
    Media without an import map renders exactly as Django renders it.
    """
    if getattr(media, "_importmap", None) is None:
        return media.render()
    request = context.get("request")
    nonce = getattr(request, "csp_nonce", "")
    return Media.from_media(media, nonce=str(nonce) if nonce is not None else "").render()


@register.inclusion_tag("admin/previews/object_tools.html", takes_context=True)
def preview_tools(context):
    """ "Förhandsgranska" and "Dela förhandsvisning" on an article's or event's change form.

    Shown for saved objects the public cannot see yet (drafts and scheduled
    ones): the preview opens the saved version, as the public page will look.
    """
    original, opts = context.get("original"), context.get("opts")
    kind = SHAREABLE.get(getattr(opts, "label_lower", ""))
    if original is None or original.pk is None or kind is None or original.is_live():
        return {"show": False}
    user = context["request"].user
    return {
        "show": True,
        "preview_url": original.get_absolute_url(),
        "can_share": user.has_perm("previews.add_previewlink")
        and user.has_perm(f"{opts.app_label}.change_{opts.model_name}"),
        "share_url": reverse("admin:previews_previewlink_share", args=[kind, original.pk]),
    }
