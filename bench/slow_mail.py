"""Fault test: a mail server that takes 10 s must not slow comment posts beyond 1 s.

``python bench/slow_mail.py`` (PostgreSQL on 127.0.0.1:5432, database
kkn_bench). A tarpit SMTP server on 127.0.0.1 accepts connections and waits
10 s before its greeting; gunicorn (production settings, real SMTP backend,
``FEEDBACK_NOTIFY_EMAILS`` set) is pointed at it. Five comments are posted
one after another, each with a solved ALTCHA challenge, and the time of each
POST is measured.

What happens is reported as it is: the notification is sent in
``transaction.on_commit``, which still runs inside the request, so unless
the mail is handed off elsewhere a POST waits for the SMTP connection until
``EMAIL_TIMEOUT`` (5 s by default) gives up. The comment row is stored
first either way (checked here too). Bounded: 5 posts, at most ~15 s each.

Verdict: PASS when every POST answered 303 within 1 s and all 5 rows exist.
"""

import socket
import sys
import threading
import uuid

from commenter import Visitor
from server import Gunicorn

POSTS, LIMIT_S, DELAY_S = 5, 1.0, 10
COUNT = "from feedback.models import Comment; print(Comment.objects.filter(text__startswith={!r}).count())"


class TarpitSMTP:
    """Accepts on 127.0.0.1, waits ``delay`` seconds, then greets and hangs up."""

    def __init__(self, delay):
        self.delay = delay
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stopped = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        self.sock.settimeout(0.5)
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            self.connections += 1
            threading.Thread(target=self._tarpit, args=(conn,), daemon=True).start()

    def _tarpit(self, conn):
        with conn:
            if not self.stopped.wait(self.delay):
                conn.sendall(b"421 too slow, try again later\r\n")

    def close(self):
        self.stopped.set()
        self.sock.close()


def main():
    smtp = TarpitSMTP(DELAY_S)
    marker = f"Posttest {uuid.uuid4().hex[:8]}"
    results = []
    overrides = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": smtp.port,
        "FEEDBACK_NOTIFY_EMAILS": "webbredaktionen@example.se",
        "FEEDBACK_RATE_LIMIT": "1000/m",
    }
    try:
        with Gunicorn(port=8768, **overrides) as server:
            print(
                f"tarpit SMTP on 127.0.0.1:{smtp.port}, EMAIL_TIMEOUT={server.env.get('EMAIL_TIMEOUT', '5 (default)')}"
            )
            for n in range(POSTS):
                status, took = Visitor(server.url, timeout=30).comment("/", f"{marker} nr {n}.")
                results.append((status, took))
                print(f"  post {n + 1}: {status} in {took:.2f} s")
            rows = int(server.manage("shell", "-c", COUNT.format(marker)).split()[-1])
    finally:
        smtp.close()
    slowest = max(took for _, took in results)
    passed = all(status == 303 and took < LIMIT_S for status, took in results) and rows == POSTS
    print(
        f"SMTP connections: {smtp.connections}; rows stored: {rows}/{POSTS}; slowest POST {slowest:.2f} s"
    )
    print(
        f"VERDICT: {'PASS' if passed else 'FAIL'} – slowest comment POST {slowest:.2f} s "
        f"(limit {LIMIT_S:.0f} s) with a {DELAY_S} s mail server; {rows}/{POSTS} rows stored"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
