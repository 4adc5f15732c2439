"""Run Debian's nginx with deploy/nginx.conf on 127.0.0.1, in front of a local gunicorn.

``Nginx(upstream_url, static_root)`` is a context manager. It writes the
production configuration to a temporary folder with only the
machine-specific values replaced (:func:`replacements`: user, pid,
paths, the upstream, the listen address), beside links to the shared
deploy/nginx-cache.conf and deploy/nginx-site.conf, checks it with
``nginx -t``, runs ``nginx`` as a non-daemon child and stops it on exit.
So the rules measured are the rules deployed, and a change to them that
breaks the bench breaks here first. Only 127.0.0.1 is ever bound.
"""

import collections
import getpass
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
SHARED = ("nginx-cache.conf", "nginx-site.conf")
# Debian's nginx, and the module for brotli_static (pre-compressed .br files),
# which deploy/nginx.conf loads through /etc/nginx/modules-enabled.
NGINX = "/usr/sbin/nginx"
# A line of the "kkn" access log format (deploy/nginx.conf); the cache status
# is last, after an upstream time that may list several servers.
ACCESS_LINE = re.compile(r'^\S+ \[[^\]]*\] "\S+ (?P<path>.*) HTTP/[\d.]+" \d{3} .* (?P<cache>\S+)$')
BROTLI_MODULE = "/etc/nginx/modules-enabled/50-mod-http-brotli-static.conf"


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_nginx():
    """Install Debian's nginx, its Brotli static module and wrk when missing (needs root).

    wrk is the load generator every proxy measurement uses.
    """
    missing = [] if shutil.which("wrk") else ["wrk"]
    if not shutil.which("nginx") and not Path(NGINX).exists():
        missing.append("nginx")
    if not Path(BROTLI_MODULE).exists():
        missing.append("libnginx-mod-http-brotli-static")
    if missing:
        print(f"== installing {' '.join(missing)} (Debian packages)", file=sys.stderr)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-q"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-q", *missing], check=True, env=env)


def replacements(tmp, port, upstream):
    """(production text, bench text) pairs; each must occur exactly once in deploy/nginx.conf."""
    temp_paths = "".join(
        f"    {kind}_temp_path {tmp}/temp-{kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return [
        # As root, workers run as root so they can read the 0700 temp folders.
        ("user www-data;", f"user {getpass.getuser()};"),
        ("pid /run/nginx.pid;", f"pid {tmp}/nginx.pid;"),
        ("http {\n", "http {\n" + temp_paths),
        ("default /srv/kkn;", f"default {tmp}/files;"),
        ("/var/cache/nginx/kkn ", f"{tmp}/cache "),
        (
            "        server web1:8000 max_fails=3 fail_timeout=10s;\n"
            "        server web2:8000 max_fails=3 fail_timeout=10s;\n",
            f"        server {upstream};\n",
        ),
        (
            "        listen 80 default_server;\n        listen [::]:80 default_server;\n",
            f"        listen 127.0.0.1:{port} default_server;\n",
        ),
    ]


def bench_config(tmp, port, upstream):
    """deploy/nginx.conf with the machine-specific values for this run."""
    text = (DEPLOY / "nginx.conf").read_text()
    for old, new in replacements(tmp, port, upstream):
        if text.count(old) != 1:
            raise RuntimeError(f"deploy/nginx.conf changed: expected {old!r} exactly once")
        text = text.replace(old, new)
    return text


def loopback_address(url):
    """``host:port`` of an http://127.0.0.1 URL; anything else is refused."""
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.hostname not in ("127.0.0.1", "localhost"):
        raise ValueError(f"{url}: only http://127.0.0.1 upstreams are used")
    return f"127.0.0.1:{parts.port or 80}"


class Nginx:
    """nginx on 127.0.0.1:``port`` proxying to ``upstream_url``, files from the given roots."""

    def __init__(self, upstream_url, static_root, media_root=None, port=None):
        """Write the configuration and the links to the files in a temporary folder."""
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.upstream = loopback_address(upstream_url)
        self._tmp = tempfile.TemporaryDirectory(prefix="kkn-nginx-")
        self.dir = Path(self._tmp.name)
        self.log = self.dir / "nginx.log"
        self.process = None
        files = self.dir / "files"
        files.mkdir()
        (files / "static").symlink_to(Path(static_root).resolve())
        if media_root:
            (files / "media").symlink_to(Path(media_root).resolve())
        else:
            (files / "media").mkdir()
        for name in SHARED:
            (self.dir / name).symlink_to(DEPLOY / name)
        self.config = self.dir / "nginx.conf"
        self.config.write_text(bench_config(self.dir, self.port, self.upstream))

    def __enter__(self):
        """Check the configuration, start nginx and wait until it listens."""
        ensure_nginx()
        check = subprocess.run(
            ["nginx", "-t", "-q", "-c", str(self.config)], capture_output=True, text=True
        )
        if check.returncode:
            self._tmp.cleanup()
            raise RuntimeError(f"nginx -t failed:\n{check.stderr}")
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                ["nginx", "-c", str(self.config), "-g", "daemon off;"],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.1)
        self.__exit__(RuntimeError, None, None)
        raise RuntimeError(f"nginx did not listen on {self.port}; see {self.log}")

    def stop(self):
        """Stop nginx (its buffered access log is written out on the way)."""
        if self.process and self.process.poll() is None:
            # SIGQUIT: graceful, finishes requests and flushes the log buffer.
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __exit__(self, *exc):
        """Stop nginx, show its log after a failure, remove the temporary folder."""
        self.stop()
        if exc and exc[0] is not None and self.log.exists():
            print(self.log.read_text(errors="replace")[-3000:], file=sys.stderr)
        self._tmp.cleanup()

    def cache_statuses(self):
        """``{path: Counter(upstream cache status)}`` from the access log (after stop())."""
        counts = collections.defaultdict(collections.Counter)
        for line in self.log.read_text(errors="replace").splitlines():
            match = ACCESS_LINE.match(line)
            if match:  # not an error-log line
                counts[match["path"]][match["cache"]] += 1
        return counts

    def cpu_seconds(self):
        """CPU time (user + system) the nginx workers have used so far."""
        master = self.process.pid
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        ticks = 0
        for pid in children:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except FileNotFoundError:
                continue  # the cache loader exits after its first minute
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def version(self):
        """nginx's version line, e.g. ``nginx/1.22.1``."""
        result = subprocess.run(["nginx", "-v"], capture_output=True, text=True)
        return result.stderr.strip().removeprefix("nginx version: ")
