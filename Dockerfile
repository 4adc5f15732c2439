# KKN-portalen runtime image: gunicorn serving Django, whitenoise serving the
# hashed, compressed static files (behind nginx, which serves them from the
# "static" volume instead). Build: docker build -t kkn-portal .
FROM python:3.11-slim

# No .pyc files in the image or at runtime (the code is read-only to the app
# user), and unbuffered output so log lines reach the collector at once.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8000

# An unprivileged user to run the site; it owns nothing but the media folder.
RUN groupadd --system app \
    && useradd --system --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app

# Dependencies in their own layer, so a code change does not reinstall them.
# Every runtime dependency ships a binary wheel, so no compiler is needed;
# requirements-dev.txt (tests, linters) never enters the image.
COPY requirements.txt .
RUN pip install --no-compile -r requirements.txt

COPY . .

# Hash and compress the static files at build time. The settings refuse to
# load without SECRET_KEY; this throwaway value exists only in this RUN step
# (not in the image's environment) and signs nothing. /srv/static is where
# compose's migrate job copies them for nginx (docker-compose.yml): a new
# volume takes this folder's owner, so the app user may write there.
RUN SECRET_KEY=collectstatic-only-not-a-secret python manage.py collectstatic --noinput --verbosity 0 \
    && mkdir -p /app/media /app/exports /srv/static \
    && chown app:app /app/media /app/exports /srv/static

USER app
EXPOSE 8000

# Docker's own probe of /healthz (200 when the database answers, else 503).
# Python's urllib, because the slim image has no curl. The Host header is
# the first ALLOWED_HOSTS entry, since Django refuses unknown hosts; /healthz
# is exempt from the HTTPS redirect.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import os, urllib.request as r; h = os.environ.get('ALLOWED_HOSTS', '').split(',')[0].strip().lstrip('*.') or 'localhost'; r.urlopen(r.Request('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/healthz', headers={'Host': h}), timeout=4)" || exit 1

# gunicorn.conf.py sets the app, bind address (PORT), workers, threads,
# timeouts and logging from the environment.
CMD ["gunicorn", "--config", "gunicorn.conf.py"]
