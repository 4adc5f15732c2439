"""Root URLconf: includes and trivial template views only."""

from django.contrib import admin
from django.contrib.flatpages import views as flatpage_views
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import TemplateView

from kkn_portal import views
from kkn_portal.pagecache import cache_public_page
from kkn_portal.sitemaps import collect_sitemaps

sitemaps = collect_sitemaps()
# Flatpages at named routes come from the page cache; the fallback
# middleware's other flatpages are rendered each time.
cached_flatpage = cache_public_page(flatpage_views.flatpage)

urlpatterns = [
    path("", cache_public_page(views.HomeView.as_view()), name="home"),
    path("healthz", views.health, name="health"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
        name="robots",
    ),
    path(
        ".well-known/security.txt",
        TemplateView.as_view(
            template_name="security.txt", content_type="text/plain; charset=utf-8"
        ),
        name="security-txt",
    ),
    path(
        "sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("nyheter/", include("news.urls")),
    path("evenemang/", include("events.urls")),
    path("sok/", include("kkn_portal.search.urls")),
    path("kommentera/", include("feedback.urls")),
    path("cookies/", include("kkn_portal.consent.urls")),
    path("admin/", admin.site.urls),
    # One-time password-set links for editors (manage.py create_editor).
    path("konto/", include("kkn_portal.accounts.urls")),
    path("forhandsvisning/", include("kkn_portal.previews.urls")),
    # Named flatpages, so templates can link to them with {% url %}.
    path(
        "tillganglighet/",
        cached_flatpage,
        {"url": "/tillganglighet/"},
        name="accessibility",
    ),
    path("om-webbplatsen/", cached_flatpage, {"url": "/om-webbplatsen/"}, name="about"),
    path("personuppgifter/", cached_flatpage, {"url": "/personuppgifter/"}, name="privacy"),
]

handler500 = "kkn_portal.views.server_error"
