"""Real servers for tests that need more than one process: a throwaway PostgreSQL cluster, a
throwaway Redis, gunicorn masters, and a cookie-keeping HTTP client (standard library only).

Every helper is a context manager that stops what it started by its PID, also on failure, and
removes its temporary directory. Ports are free ports on 127.0.0.1, so a PostgreSQL or Redis
service already running on this machine is never touched. Used by tests/test_two_servers.py;
the benchmarks may reuse it.
"""

import contextlib
import email
import email.policy
import glob
import html
import http.client
import json
import os
import re
import secrets
import select
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# Variables of the calling shell that would make a server use something other than what the
# test hands it (another database, index, cache or media directory).
_OWN_PREFIXES = ("DJANGO_", "PREVENTIEZOEKER_", "DATABASE_", "REDIS_", "PG")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_bin():
    """The newest /usr/lib/postgresql/<version>/bin, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    return Path(found[-1]) if found else None


def _wait(predicate, timeout, what, log=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    detail = f"\n--- {log} ---\n{_tail(log)}" if log else ""
    raise TimeoutError(f"{what} antwoordt niet na {timeout} s{detail}")


def _tail(path, lines=40):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(geen log)"


def _port_open(port):
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
        return True
    return False


# -- PostgreSQL ---------------------------------------------------------------------------------


@contextlib.contextmanager
def throwaway_postgres(dbname="preventiezoeker"):
    """A PostgreSQL cluster of its own (initdb on a free port in /tmp); yields DATABASE_URL.

    Like ./pz's with_throwaway_postgres: initdb and pg_ctl refuse to run as root, so as root they
    run as the postgres user, in a directory it can reach. fsync is off: nothing here must
    survive a crash.
    """
    bin_dir = pg_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL-binaries ontbreken (apt-get install postgresql)")
    as_pg = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
    tmp = Path(tempfile.mkdtemp(prefix="pz-pg-"))
    tmp.chmod(0o755)
    if as_pg:
        shutil.chown(tmp, "postgres")
    data, log, port = tmp / "data", tmp / "log", free_port()
    started = False
    try:
        subprocess.run(
            [*as_pg, bin_dir / "initdb", "-D", data, "-U", "postgres", "-A", "trust", "--no-sync"],
            check=True,
            capture_output=True,
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {tmp} -c fsync=off "
            "-c full_page_writes=off -c synchronous_commit=off"
        )
        subprocess.run(
            [*as_pg, bin_dir / "pg_ctl", "-D", data, "-l", log, "-w", "-o", options, "start"],
            check=True,
            capture_output=True,
        )
        started = True
        subprocess.run(
            [bin_dir / "createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", dbname],
            check=True,
            capture_output=True,
        )
        yield f"postgres://postgres@127.0.0.1:{port}/{dbname}"
    except subprocess.CalledProcessError as error:
        raise RuntimeError(
            f"{error.cmd} mislukte:\n{error.stderr.decode(errors='replace')}\n{_tail(log)}"
        ) from error
    finally:
        if started:
            subprocess.run(
                [*as_pg, bin_dir / "pg_ctl", "-D", data, "-m", "immediate", "stop"],
                capture_output=True,
            )
        shutil.rmtree(tmp, ignore_errors=True)


# -- Redis --------------------------------------------------------------------------------------


def _redis_ping(port):
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2) as s:
        s.sendall(b"PING\r\n")
        return s.recv(16).startswith(b"+PONG")
    return False


@contextlib.contextmanager
def throwaway_redis():
    """A redis-server of its own on a free port, nothing written to disk; yields its URL."""
    exe = shutil.which("redis-server")
    if exe is None:
        raise RuntimeError("redis-server ontbreekt (apt-get install redis-server)")
    tmp = Path(tempfile.mkdtemp(prefix="pz-redis-"))
    port = free_port()
    args = [exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    with open(tmp / "log", "wb") as log:
        proc = subprocess.Popen([*args, "--dir", str(tmp)], stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait(lambda: _redis_ping(port), 10, "redis-server", tmp / "log")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)


# -- SMTP ---------------------------------------------------------------------------------------


class _SmtpHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's SMTP backend (no TLS, no auth).

    Keeps every message as text: its subject, a newline, its plain-text body (decoded)."""

    def handle(self):
        self.wfile.write(b"220 pz-test ESMTP\r\n")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb == b"DATA":
                self.wfile.write(b"354 end with .\r\n")
                lines = []
                while (line := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
                    lines.append(line[1:] if line.startswith(b"..") else line)
                message = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
                body = message.get_body(preferencelist=("plain",))
                text = body.get_content() if body else ""
                self.server.messages.append(f"{message['subject']}\n{text}")
                self.wfile.write(b"250 ok\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:  # EHLO, HELO, MAIL, RCPT, RSET, NOOP
                self.wfile.write(b"250 ok\r\n")


@contextlib.contextmanager
def smtp_sink():
    """A mail server on a free port that accepts everything; yields (port, received messages)."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SmtpHandler)
    server.daemon_threads = True
    server.messages = []
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    try:
        yield server.server_address[1], server.messages
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# -- Django and gunicorn ------------------------------------------------------------------------


def secret_key():
    return secrets.token_urlsafe(60)


def server_env(**settings):
    """This process's environment without our own variables, plus `settings` (all str)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(_OWN_PREFIXES)}
    env.update({k: str(v) for k, v in settings.items()})
    env["PYTHONUNBUFFERED"] = "1"
    return env


def production(host, database_url, redis_url, static_root, **more):
    """What one server of a deployment gets: the production settings for `host`, one database,
    one Redis, its static files; `more` adds or overrides (PREVENTIEZOEKER_VAR_DIR, mail...)."""
    return {
        "DJANGO_SETTINGS_MODULE": "preventiezoeker.settings.production",
        "DJANGO_SECRET_KEY": secret_key(),
        "DJANGO_ALLOWED_HOSTS": host,
        "WAGTAILADMIN_BASE_URL": f"https://{host}",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DJANGO_STATIC_ROOT": static_root,
        **more,
    }


def manage(env, *args, timeout=300):
    """Run manage.py with env; raise with its output when it fails."""
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode:
        raise RuntimeError(
            f"manage.py {' '.join(args)} mislukte ({result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
        )
    return result.stdout


def django_script(env, code, timeout=120):
    """Run Python code inside Django with env (manage.py shell -c); returns what it prints."""
    return manage(env, "shell", "--no-imports", "-c", code, timeout=timeout)


_SHELL = r"""
import contextlib, io, json, sys, traceback
import django
django.setup()
from django.db import close_old_connections
for line in sys.stdin:
    close_old_connections()  # as a request starts: a dropped connection is replaced
    out = io.StringIO()
    reply = {}
    try:
        with contextlib.redirect_stdout(out):
            exec(json.loads(line), {"__name__": "__pz_shell__"})
    except BaseException:
        reply["error"] = traceback.format_exc()
    reply["out"] = out.getvalue()
    sys.__stdout__.write(json.dumps(reply) + "\n")
    sys.__stdout__.flush()
"""


class DjangoShell:
    """One Python process set up with a server's environment, running code sent to it.

    What `manage.py shell -c` does, without paying Django's start-up for every change."""

    def __init__(self, env, log):
        with open(log, "wb") as err:
            self.proc = subprocess.Popen(
                [PYTHON, "-c", _SHELL],
                cwd=ROOT,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
            )
        self.log = log

    def run(self, code, timeout=60):
        """Run code; return what it printed. Raises with the traceback if it fails."""
        self.proc.stdin.write(json.dumps(code) + "\n")
        self.proc.stdin.flush()
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        line = self.proc.stdout.readline() if ready else ""
        if not line:
            raise RuntimeError(
                f"geen antwoord van de Django-shell na {timeout} s\n{_tail(self.log)}"
            )
        reply = json.loads(line)
        if "error" in reply:
            raise RuntimeError(f"{code}\n{reply['error']}")
        return reply["out"]

    def close(self):
        if self.proc.stdin:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()
        _stop(self.proc, timeout=5)


@contextlib.contextmanager
def django_shell(env, log):
    shell = DjangoShell(env, log)
    try:
        yield shell
    finally:
        shell.close()


def _stop(proc, sig=signal.SIGTERM, timeout=10):
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _no_control_socket():
    """gunicorn ≥ 25 opens a control socket at one fixed path in $HOME; two masters on one
    machine would take it from each other (and from anyone else's gunicorn)."""
    from gunicorn.config import KNOWN_SETTINGS

    return (
        ["--no-control-socket"]
        if any(s.name == "control_socket_disable" for s in KNOWN_SETTINGS)
        else []
    )


@contextlib.contextmanager
def gunicorn(env, port, log, workers=2):
    """One gunicorn master on 127.0.0.1:port, stopped by its PID (its workers go with it).

    Does not wait: start several, then wait_until_up() on each.
    """
    args = [
        PYTHON, "-m", "gunicorn", "preventiezoeker.wsgi",
        "-w", str(workers), "-b", f"127.0.0.1:{port}",
        "--graceful-timeout", "2", "--access-logfile", "-", *_no_control_socket(),
    ]  # fmt: skip
    with open(log, "wb") as out:
        proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield proc
    finally:
        # SIGINT: quick shutdown of the master and its workers (SIGTERM waits for requests).
        _stop(proc, signal.SIGINT)


def wait_until_up(proc, port, host, log, timeout=60):
    """Until "/" answers 200 with Host: host; fails at once with the log if the master stops."""
    client = Client(port, host)

    def answers():
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn stopte ({proc.returncode}):\n{_tail(log)}")
        if not _port_open(port):
            return False
        with contextlib.suppress(OSError, http.client.HTTPException):
            return client.get("/").status == 200
        return False

    _wait(answers, timeout, f"gunicorn op poort {port}", log)


# -- HTTP ---------------------------------------------------------------------------------------


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body
        self.text = body.decode("utf-8", errors="replace")

    def header(self, name):
        return self.headers.get(name.lower(), "")


class Client:
    """A browser behind the site's TLS proxy: Host, X-Forwarded-Proto: https, cookies, CSRF."""

    def __init__(self, port, host, cookies=None):
        self.port, self.host = port, host
        self.cookies = cookies if cookies is not None else {}

    def on(self, port):
        """The same browser (the same cookies) talking to another server."""
        return Client(port, self.host, self.cookies)

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            all_headers = {"Host": self.host, "X-Forwarded-Proto": "https", **(headers or {})}
            if self.cookies:
                all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            conn.request(method, path, body=body, headers=all_headers)
            raw = conn.getresponse()
            body = raw.read()
            headers = {}
            for name, value in raw.getheaders():
                if name.lower() == "set-cookie":
                    for morsel in SimpleCookie(value).values():
                        self.cookies[morsel.key] = morsel.value
                headers[name.lower()] = value
            return Response(raw.status, headers, body)
        finally:
            conn.close()

    def get(self, path):
        return self.request("GET", path)

    def post_form(self, path, data, referer_path=None):
        """POST a form as a browser does after loading it: with the CSRF cookie and Origin."""
        origin = f"https://{self.host}"
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": origin,
            "Referer": origin + (referer_path or path),
        }
        return self.request("POST", path, urlencode(data, doseq=True).encode(), headers)


def csrf_token(page_html):
    """The csrfmiddlewaretoken of the first form on the page."""
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page_html)
    if not match:
        raise AssertionError("geen CSRF-token op de pagina")
    return html.unescape(match.group(1))
