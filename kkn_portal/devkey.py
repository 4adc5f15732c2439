"""The development secret key: generated once, kept in a git-ignored file.

``make run`` starts several processes (``migrate``, ``seed_demo``,
``runserver`` and its reloader, a ``create_editor`` in another shell). A key
generated per process made every signed value, such as the set-password link
``create_editor`` prints, fail in the others. Only used with ``DEBUG=1`` and
no ``SECRET_KEY`` in the environment.
"""

import os

from django.core.management.utils import get_random_secret_key


def development_secret_key(path):
    """The key stored at ``path``, created (readable by its owner only) if missing."""
    try:
        key = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        key = ""
    if key:
        return key
    # Written beside it, then linked into place: a second process starting at
    # the same moment either finds the whole file or makes the same attempt,
    # and the first link wins for both.
    temporary = path.with_name(f"{path.name}.{os.getpid()}")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write("dev-only-" + get_random_secret_key() + "\n")
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
        return path.read_text(encoding="ascii").strip()
    except OSError:
        # A read-only checkout: this process keeps a key of its own.
        return "dev-only-" + get_random_secret_key()
