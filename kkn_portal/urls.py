"""Root URLconf: includes and trivial template views only."""

from django.contrib import admin
from django.contrib.flatpages import views as flatpage_views
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import TemplateView

from kkn_portal import views
from kkn_portal.media import serve_media
from kkn_portal.pagecache import public_page
from kkn_portal.security_txt import security_txt
from kkn_portal.sitemaps import collect_sitemaps

sitemaps = collect_sitemaps()
# Flatpages at named routes are public pages; the fallback middleware's
# other flatpages are rendered each time.
flatpage = public_page(flatpage_views.flatpage)

urlpatterns = [
    path("", public_page(views.HomeView.as_view()), name="home"),
    path("healthz", views.health, name="health"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(
        "robots.txt",
        public_page(
            TemplateView.as_view(
                template_name="robots.txt", content_type="text/plain; charset=utf-8"
            ),
            by_consent=False,
        ),
        name="robots",
    ),
    path(".well-known/security.txt", security_txt, name="security-txt"),
    path(
        "sitemap.xml",
        public_page(sitemap_views.sitemap, query=("p",), by_consent=False),
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("nyheter/", include("news.urls")),
    path("evenemang/", include("events.urls")),
    path("sok/", include("kkn_portal.search.urls")),
    path("kommentera/", include("feedback.urls")),
    path("cookies/", include("kkn_portal.consent.urls")),
    path("admin/", admin.site.urls),
    # Uploads; nginx answers /media/ itself in production, with the same rules.
    path("media/<path:path>", serve_media, name="media"),
    # One-time password-set links for editors (manage.py create_editor).
    path("konto/", include("kkn_portal.accounts.urls")),
    path("forhandsvisning/", include("kkn_portal.previews.urls")),
    # Named flatpages, so templates can link to them with {% url %}.
    path(
        "tillganglighet/",
        flatpage,
        {"url": "/tillganglighet/"},
        name="accessibility",
    ),
    path("om-webbplatsen/", flatpage, {"url": "/om-webbplatsen/"}, name="about"),
    path("personuppgifter/", flatpage, {"url": "/personuppgifter/"}, name="privacy"),
]

handler500 = "kkn_portal.views.server_error"
