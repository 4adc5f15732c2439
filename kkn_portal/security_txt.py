"""``/.well-known/security.txt`` (RFC 9116): addresses from SITE_URL, Expires from the deploy.

``Expires`` tells researchers when to stop trusting the file. It is computed
as :data:`LIFETIME` after this version was deployed, so every deploy renews
it and a site nobody has deployed for a year says so. The deploy time is
when ``collectstatic`` wrote the static manifest (at image build, see the
Dockerfile); without a manifest (development, tests) it is when the
process started.
"""

import datetime
from pathlib import Path

from django.conf import settings
from django.shortcuts import render

# Under a year, as RFC 9116 section 2.5.5 recommends.
LIFETIME = datetime.timedelta(days=364)
_STARTED = datetime.datetime.now(datetime.UTC)


def deployed_at():
    """When this version was deployed (see the module docstring)."""
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    try:
        return datetime.datetime.fromtimestamp(manifest.stat().st_mtime, datetime.UTC)
    except OSError:
        return _STARTED


def expires():
    """The ``Expires`` value: :data:`LIFETIME` after :func:`deployed_at`, in UTC."""
    return (deployed_at() + LIFETIME).replace(microsecond=0)


def security_txt(request):
    """The file, as plain text."""
    return render(
        request,
        "security.txt",
        {"expires": expires().isoformat().replace("+00:00", "Z")},
        content_type="text/plain; charset=utf-8",
    )
