"""One short string that changes whenever anything the public sees may have changed.

``current_version()`` is the key of every cached public page (and of ETags
for feeds and calendars): as long as it is the same, every public page is the
same. It has two parts, ``"<token>.<window>"``:

``token``
    A random string in the SHARED cache (``django.core.cache.cache``: Redis
    or the database cache, so every worker and machine agrees), replaced by
    :func:`bump` on every save, delete or many-to-many change of a model that
    appears on public pages (signals below), and by code that changes such
    rows without signals (``QuerySet.update()`` in admin actions). Reading it
    is the one cache ``get`` per request.

``window``
    Which scheduled transitions have already happened: the latest instant
    ``<= now`` at which an article or event goes live, an event starts or
    ends, or a registration deadline passes (no save happens at those
    instants). It is derived from the database with one query (indexed
    ``LIMIT 1`` subqueries), once per process per token, and again when the
    next instant is reached.

Why the schedule is computed per process instead of being stored next to
the token as a ``valid_until``: the shared cache has no compare-and-set, so
a worker that computed ``valid_until`` just before an editor's commit could
write it just after that commit's bump, and a newly scheduled article would
then appear late. Here the schedule is derived from data read *after* the
token was read, and keyed by that token, so it cannot go stale (DESIGN:
a per-process cache holds only what is keyed by the content's last change).
All processes derive the same window from the same data, so the version is
the same everywhere.

The bump runs right away and again after the transaction commits: a page
rendered during the transaction (from the old rows) is then keyed by a
token that dies at commit. Tests, which never commit, see the first bump.

Changes that bypass signals (``bulk_create``, ``QuerySet.update()``, raw
SQL) must call :func:`bump` themselves.
"""

import datetime
import functools
import secrets

from django.apps import apps
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils import timezone

CACHE_KEY = "content_version:token"
# One microsecond: an event is upcoming up to and including its end instant.
TICK = datetime.timedelta(microseconds=1)

# (token, window start, window end, version) of this process; see module docstring.
_window = (None, None, None, "")


@functools.cache
def public_models():
    """The models whose rows appear on public pages (read the templates)."""
    from events.models import Event, Organisation, ProgrammeItem, Venue
    from kkn_portal.models import Branch, Contact
    from news.models import Article, ArticleLink

    return (
        Article,
        ArticleLink,
        Event,
        ProgrammeItem,
        Venue,
        Organisation,
        Contact,
        Branch,
        FlatPage,
        Site,
    )


def _new_token():
    return secrets.token_hex(6)


def _set_token():
    # No timeout: the default (300 s) would turn every page over every 5 minutes.
    cache.set(CACHE_KEY, _new_token(), timeout=None)


def _token():
    """The shared token; created with ``add`` so a concurrent bump is never overwritten."""
    token = cache.get(CACHE_KEY)
    if token is None:
        candidate = _new_token()
        if cache.add(CACHE_KEY, candidate, timeout=None):
            return candidate
        token = cache.get(CACHE_KEY) or candidate
    return token


def _bump_pending(connection):
    """Whether a bump is already queued for commit and survives any rollback that ours would.

    A callback registered inside a savepoint is dropped when that savepoint
    rolls back; one registered in savepoints we are still inside is dropped
    only together with our own change.
    """
    current = set(connection.savepoint_ids)
    return any(
        func is _set_token and sids <= current for sids, func, _robust in connection.run_on_commit
    )


def bump(using=DEFAULT_DB_ALIAS):
    """Mark all public content as changed: now, and again when the transaction commits."""
    _set_token()
    connection = connections[using]
    if connection.in_atomic_block and not _bump_pending(connection):
        transaction.on_commit(_set_token, using=using)


def _local_midnight_after(day):
    """The aware instant at which ``day`` (a local date) has fully passed."""
    following = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(following)


def _nearest(queryset, field, *, before):
    """The latest value of ``field`` (``before=True``) or the earliest, as a LIMIT 1 query."""
    ordering = f"-{field}" if before else field
    return queryset.order_by(ordering).values_list(field)[:1]


def _schedule_queries(now):
    """``[(queryset, field, to_instant, is_last)]``: each nearest transition instant.

    Only published rows can change what the public sees at a scheduled
    instant; everything else changes by a save, which bumps the token.
    """
    from events.models import Event
    from news.models import Article

    articles = Article.objects.filter(status=Article.Status.PUBLISHED)
    events = Event.objects.filter(published=True)
    today = timezone.localdate(now)
    same, after_end = (lambda value: value), (lambda value: value + TICK)
    return [
        # Articles and events go live at their publication time.
        (articles.filter(published_at__lte=now), "published_at", same, True),
        (articles.filter(published_at__gt=now), "published_at", same, False),
        (events.filter(published_at__lte=now), "published_at", same, True),
        (events.filter(published_at__gt=now), "published_at", same, False),
        # An event is ongoing from its start ...
        (events.filter(start__lte=now), "start", same, True),
        (events.filter(start__gt=now), "start", same, False),
        # ... and past from the first instant after its end (upcoming() is end >= now).
        (events.filter(end__lt=now), "end", after_end, True),
        (events.filter(end__gte=now), "end", after_end, False),
        # Registration closes when the deadline day has passed, local time.
        (
            events.filter(registration_deadline__lt=today),
            "registration_deadline",
            _local_midnight_after,
            True,
        ),
        (
            events.filter(registration_deadline__gte=today),
            "registration_deadline",
            _local_midnight_after,
            False,
        ),
    ]


def _to_python(model_field, value):
    """A value from a raw row as the ORM would return it (SQLite returns text)."""
    if value is None:
        return None
    value = model_field.to_python(value)
    if isinstance(value, datetime.datetime) and timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return value


def transitions_around(now, using=DEFAULT_DB_ALIAS):
    """``(last, next)``: the scheduled instants nearest to ``now`` (``last <= now < next``).

    Either may be None. One query: each nearest instant is an indexed
    ``ORDER BY … LIMIT 1`` scalar subquery of a single ``SELECT``.
    """
    specs = _schedule_queries(now)
    sql, params = [], []
    for queryset, field, _convert, is_last in specs:
        sub_sql, sub_params = _nearest(queryset, field, before=is_last).query.sql_with_params()
        sql.append(f"({sub_sql})")
        params.extend(sub_params)
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(sql), params)
        row = cursor.fetchone()
    last, following = [], []
    for (queryset, field, convert, is_last), raw in zip(specs, row, strict=True):
        value = _to_python(queryset.model._meta.get_field(field), raw)
        if value is not None:
            (last if is_last else following).append(convert(value))
    return max(last, default=None), min(following, default=None)


def current_version():
    """The content version: one shared-cache read, plus one query when a window ends."""
    global _window
    token = _token()
    now = timezone.now()
    cached_token, start, end, version = _window
    if token == cached_token and (start is None or start <= now) and (end is None or now < end):
        return version
    start, end = transitions_around(now)
    window = format(int(start.timestamp() * 1_000_000), "x") if start else "0"
    version = f"{token}.{window}"
    _window = (token, start, end, version)
    return version


def _on_save_or_delete(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    if sender in public_models():
        bump(using)


def _on_m2m_changed(sender, instance, model, action, using=DEFAULT_DB_ALIAS, **kwargs):
    if action.startswith("post_"):
        models = public_models()
        if type(instance) in models or model in models:
            bump(using)


def _on_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    # Data migrations change rows without our signals (they use historical models).
    try:
        bump(using)
    except DatabaseError:
        pass  # the database cache's table is created after the first migrate


def connect_signals():
    """Bump on every change of a public model (called once from ``AppConfig.ready``)."""
    post_save.connect(_on_save_or_delete, dispatch_uid="content_version_save")
    post_delete.connect(_on_save_or_delete, dispatch_uid="content_version_delete")
    m2m_changed.connect(_on_m2m_changed, dispatch_uid="content_version_m2m")
    # Sent per app after the whole migration plan ran; once is enough.
    post_migrate.connect(
        _on_migrate,
        sender=apps.get_app_config("kkn_portal"),
        dispatch_uid="content_version_migrate",
    )
