"""One short string that changes whenever anything the public sees may have changed.

``current()`` keys every cached public page and its ETag: as long as it is
the same, every public page is the same. It has two parts, ``"<token>.<window>"``:

``token``
    A random string in the SHARED cache (Redis, or the database cache), so
    every worker and machine agrees. :func:`bump` replaces it on every save,
    delete or many-to-many change of a registered model (signals below) and
    wherever code changes such rows without signals (``QuerySet.update()``).

``window``
    Which registered scheduled transitions have already happened: the
    latest instant ``<= now`` at which, for example, an article goes live
    or an event ends (no save happens at those instants). It is derived
    from the database with one query, once per process per token, and
    again when the next instant is reached. All processes derive the same
    window from the same rows, so the version is the same everywhere. It is
    computed per process rather than stored beside the token because the
    shared cache has no compare-and-set: a ``valid_until`` written just
    after an editor's commit could hide a newly scheduled article.

Content apps register their public models and transitions in
``AppConfig.ready()`` (:func:`register`); this module imports none of them.

Reading the token costs a round trip, so each process keeps it for
``CONTENT_VERSION_MEMO_SECONDS`` (1 s): a change shows at once in the
process that made it and within that time in every other. When the shared
cache cannot be reached, :func:`current` returns None for a few seconds at
a time and callers serve pages uncached; on the way back every process
bumps once, since changes made meanwhile could not be announced.
"""

import datetime
import logging
import secrets
import threading
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils import timezone

logger = logging.getLogger(__name__)

CACHE_KEY = "content_version:token"
# After a failed read, how long the shared cache is left alone before the next try.
RETRY_AFTER_OUTAGE = 5.0


@dataclass(frozen=True)
class Transition:
    """An instant at which a row changes what the public sees without being saved.

    ``rows()`` returns the rows that matter (usually the published ones);
    ``field`` holds the instant. ``inclusive`` says whether the change has
    happened when ``now`` equals the value (``published_at <= now`` is live)
    or only after it (an event is upcoming while ``end >= now``).
    ``to_instant`` turns a value into the aware instant at which the change
    happens (an event leaves the upcoming list just after its end).
    """

    rows: object
    field: str
    inclusive: bool = True
    to_instant: object = None

    def instant(self, value):
        """The aware instant at which the change for ``value`` happens."""
        return self.to_instant(value) if self.to_instant else value


@dataclass
class _Registry:
    models: set = field(default_factory=set)
    transitions: list = field(default_factory=list)


_registry = _Registry()


def register(*models, transitions=()):
    """Declare public models (a change bumps the version) and scheduled transitions."""
    _registry.models.update(models)
    _registry.transitions.extend(transitions)


def registered_models():
    """The models whose rows appear on public pages, as registered by the apps."""
    return frozenset(_registry.models)


class _State:
    """This process's view of the shared token, and its schedule window."""

    def __init__(self):
        self.lock = threading.Lock()
        self.token = None
        self.read_at = 0.0
        self.down_until = 0.0
        self.was_down = False
        # (token, window start, window end, version)
        self.window = (None, None, None, "")


_state = _State()


def _new_token():
    return secrets.token_hex(6)


def _remember(token):
    _state.token, _state.read_at = token, time.monotonic()


def _mark_down(exc):
    if not _state.was_down:
        logger.warning("Shared cache unreachable; public pages are served uncached: %r", exc)
    _state.was_down = True
    _state.token = None
    _state.down_until = time.monotonic() + RETRY_AFTER_OUTAGE


def _read_token():
    """The shared token, created with ``add`` so a concurrent bump is never overwritten."""
    token = cache.get(CACHE_KEY)
    if token is None:
        candidate = _new_token()
        token = candidate if cache.add(CACHE_KEY, candidate, timeout=None) else cache.get(CACHE_KEY)
    return token or _new_token()


def token():
    """The shared token (memoised briefly), or None while the shared cache is down."""
    now = time.monotonic()
    if _state.token is not None and now - _state.read_at < settings.CONTENT_VERSION_MEMO_SECONDS:
        return _state.token
    if now < _state.down_until:
        return None
    try:
        if _state.was_down:
            # Changes made during the outage could not be announced: start afresh.
            _write_token()
            _state.was_down = False
            logger.warning("Shared cache reachable again; content version bumped")
        value = _read_token()
    except Exception as exc:  # noqa: BLE001 - any failure of the cache client means "down"
        _mark_down(exc)
        return None
    _remember(value)
    return value


def _write_token():
    value = _new_token()
    # No timeout: the default (300 s) would turn every page over every 5 minutes.
    cache.set(CACHE_KEY, value, timeout=None)
    _remember(value)


def _announce():
    try:
        _write_token()
    except Exception as exc:  # noqa: BLE001 - see token()
        _mark_down(exc)


def _bump_pending(connection):
    """Whether a bump is already queued for commit and survives any rollback that ours would."""
    current = set(connection.savepoint_ids)
    return any(
        func is _announce and sids <= current for sids, func, _robust in connection.run_on_commit
    )


def bump(using=DEFAULT_DB_ALIAS):
    """Mark all public content as changed: now, and again when the transaction commits.

    The first bump makes pages rendered during the transaction (from the
    old rows) die at commit; tests, which never commit, see it.
    """
    _announce()
    connection = connections[using]
    if connection.in_atomic_block and not _bump_pending(connection):
        transaction.on_commit(_announce, using=using)


def _nearest(transition, now, *, past):
    """An ``ORDER BY … LIMIT 1`` query for the transition's latest past or next instant."""
    if past:
        lookup, ordering = ("lte" if transition.inclusive else "lt"), f"-{transition.field}"
    else:
        lookup, ordering = ("gt" if transition.inclusive else "gte"), transition.field
    rows = transition.rows().filter(**{f"{transition.field}__{lookup}": now})
    return rows.order_by(ordering).values_list(transition.field)[:1]


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

    Either may be None. One query: a ``SELECT`` of one scalar subquery per
    transition and direction.
    """
    specs = [(t, past) for t in _registry.transitions for past in (True, False)]
    if not specs:
        return None, None
    sql, params = [], []
    for transition, past in specs:
        sub_sql, sub_params = _nearest(transition, now, past=past).query.sql_with_params()
        sql.append(f"({sub_sql})")
        params.extend(sub_params)
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(sql), params)
        row = cursor.fetchone()
    last, following = [], []
    for (transition, past), raw in zip(specs, row, strict=True):
        model_field = transition.rows().model._meta.get_field(transition.field)
        value = _to_python(model_field, raw)
        if value is not None:
            (last if past else following).append(transition.instant(value))
    return max(last, default=None), min(following, default=None)


def current():
    """The content version, or None when the shared cache cannot be reached."""
    shared = token()
    if shared is None:
        return None
    now = timezone.now()
    cached_token, start, end, version = _state.window
    if shared == cached_token and (start is None or start <= now) and (end is None or now < end):
        return version
    start, end = transitions_around(now)
    window = format(int(start.timestamp() * 1_000_000), "x") if start else "0"
    version = f"{shared}.{window}"
    _state.window = (shared, start, end, version)
    return version


def is_shared_cache_up():
    """Ask the shared cache directly (no memo): for ``/healthz``."""
    try:
        cache.get(CACHE_KEY)
    except Exception:  # noqa: BLE001 - see token()
        return False
    return True


def _on_save_or_delete(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    if sender in _registry.models:
        bump(using)


def _on_m2m_changed(sender, instance, model, action, using=DEFAULT_DB_ALIAS, **kwargs):
    if action.startswith("post_") and (
        type(instance) in _registry.models or model in _registry.models
    ):
        bump(using)


def _on_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    # Data migrations change rows without our signals (they use historical models).
    try:
        bump(using)
    except DatabaseError:
        pass  # the database cache's table is created after the first migrate


def connect_signals(app_config):
    """Bump on every change of a registered model (called once, from ``AppConfig.ready``)."""
    post_save.connect(_on_save_or_delete, dispatch_uid="content_version_save")
    post_delete.connect(_on_save_or_delete, dispatch_uid="content_version_delete")
    m2m_changed.connect(_on_m2m_changed, dispatch_uid="content_version_m2m")
    # Sent per app after the whole migration plan ran; once is enough.
    post_migrate.connect(_on_migrate, sender=app_config, dispatch_uid="content_version_migrate")
