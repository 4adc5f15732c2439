"""Give the Site the host of SITE_URL, so sitemap.xml and RSS link to it.

Migration 0003 named the site with a placeholder domain. Sitemaps and feeds
build absolute links from the Site, so take the deployment's own address;
a domain an administrator has already changed in admin is left alone.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import migrations

PLACEHOLDERS = {"kkn.example.se", "example.com"}


def domain_from_site_url(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    host = urlsplit(settings.SITE_URL).netloc
    if host:
        Site.objects.filter(pk=settings.SITE_ID, domain__in=PLACEHOLDERS).update(domain=host)


class Migration(migrations.Migration):
    dependencies = [("kkn_portal", "0006_cache_table")]

    operations = [migrations.RunPython(domain_from_site_url, migrations.RunPython.noop)]
