#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) for CasebookSMTPTests.

Listens on a free loopback port and prints, flushed, one line per fact:
    CERT <path>      the self-signed certificate (PEM) it uses, when TLS is on (before READY)
    READY <port>     when it accepts connections
Every received message is appended to --log as one JSON line:
    {"event": "message", "mail_from", "rcpt_tos", "mail_options", "rcpt_options", "data_b64",
     "tls", "auth_login", "helo", "chunks_b64"}
where chunks_b64 are the raw reads of the connection so far (after TLS: decrypted), which shows whether the
client pipelined (MAIL FROM, RCPT TO and DATA in one read). Failed AUTH attempts are logged as
{"event": "auth", "login", "mechanism", "success"}.

Stop it with SIGTERM / SIGKILL. Needs `aiosmtpd` (Tests/acceptance/requirements.txt) and the `openssl` CLI
or the `cryptography` package for TLS.
"""
import argparse
import asyncio
import base64
import datetime
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_certificate(directory):
    """Writes cert.pem and key.pem for CN=localhost (SAN localhost, 127.0.0.1); returns their paths."""
    cert = os.path.join(directory, "cert.pem")
    key = os.path.join(directory, "key.pem")
    try:
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
             "-days", "2", "-subj", "/CN=localhost",
             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
             "-addext", "basicConstraints=critical,CA:TRUE"],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return cert, key
    except (OSError, subprocess.CalledProcessError):
        pass
    # No openssl CLI: the cryptography package.
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID
    import ipaddress
    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(private_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1)).not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName(
            [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(private_key, hashes.SHA256()))
    with open(key, "wb") as f:
        f.write(private_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption()))
    with open(cert, "wb") as f:
        f.write(certificate.public_bytes(serialization.Encoding.PEM))
    return cert, key


class RecordingSMTP(SMTP):
    """Keeps every raw read of the connection, to tell pipelined commands apart."""

    def __init__(self, *args, implicit_tls=False, inject_after_starttls=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.casebook_inject_after_starttls = inject_after_starttls
        self.casebook_chunks = []
        self.casebook_implicit_tls = implicit_tls

    async def smtp_STARTTLS(self, arg):
        if self.casebook_inject_after_starttls:
            # One write: the 220 and a forged reply a man in the middle could have added in plaintext.
            await self.push("220 Ready to start TLS\r\n250 injected")
            return
        await super().smtp_STARTTLS(arg)

    def data_received(self, data):
        self.casebook_chunks.append(bytes(data))
        super().data_received(data)


class Handler:
    def __init__(self, options, log_lock):
        self.options = options
        self.log_lock = log_lock

    def log(self, record):
        with self.log_lock:
            with open(self.options.log, "a", encoding="utf-8") as f:
                f.write(json.dumps(record) + "\n")

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        if self.options.no_ehlo:
            return ["502 5.5.2 EHLO not implemented here"]
        if self.options.pipelining:
            responses.insert(len(responses) - 1, "250-PIPELINING")
        return responses

    async def handle_HELO(self, server, session, envelope, hostname):
        session.host_name = hostname
        return "250 {}".format(server.hostname)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.options.reject:
            return "550 5.1.1 <{}>: no such user".format(address)
        if address.lower() in self.options.defer:
            return "450 4.2.1 <{}>: mailbox busy, try later".format(address)
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.options.stall_data:
            await asyncio.sleep(3600)
        if self.options.data_451:
            return "451 4.3.0 local problem, try again later"
        data = envelope.original_content if envelope.original_content is not None else envelope.content
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogateescape")
        self.log({
            "event": "message",
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "mail_options": list(envelope.mail_options),
            "rcpt_options": list(envelope.rcpt_options),
            "data_b64": base64.b64encode(data).decode("ascii"),
            "tls": bool(session.ssl) or server.casebook_implicit_tls,
            "auth_login": (session.auth_data.login.decode("utf-8", "replace")
                           if isinstance(session.auth_data, LoginPassword) else None),
            "helo": session.host_name,
            "chunks_b64": [base64.b64encode(c).decode("ascii") for c in server.casebook_chunks],
        })
        return "250 2.0.0 Ok: queued as CASEBOOK{}".format(len(envelope.rcpt_tos))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True, help="JSON lines of received messages are appended here")
    parser.add_argument("--starttls", action="store_true", help="offer STARTTLS")
    parser.add_argument("--require-starttls", action="store_true", help="refuse everything before STARTTLS")
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte (smtps)")
    parser.add_argument("--auth", metavar="USER:PASSWORD", help="offer AUTH and accept only these credentials")
    parser.add_argument("--auth-require-tls", action="store_true", help="offer AUTH only after TLS")
    parser.add_argument("--auth-mechanisms", default="LOGIN,PLAIN", help="mechanisms offered, comma-separated")
    parser.add_argument("--reject", action="append", default=[], help="answer 550 to RCPT TO this address")
    parser.add_argument("--defer", action="append", default=[], help="answer 450 to RCPT TO this address")
    parser.add_argument("--data-451", action="store_true", help="answer 451 at the end of DATA")
    parser.add_argument("--stall-data", action="store_true", help="never answer the end of DATA")
    parser.add_argument("--inject-after-starttls", action="store_true",
                        help="answer STARTTLS with 220 plus a second reply in the same write (an injection)")
    parser.add_argument("--pipelining", action="store_true", help="announce PIPELINING")
    parser.add_argument("--no-ehlo", action="store_true", help="answer 502 to EHLO (HELO works)")
    parser.add_argument("--smtputf8", action="store_true", help="announce SMTPUTF8")
    parser.add_argument("--size", type=int, default=33554432, help="SIZE limit announced")
    options = parser.parse_args()
    options.reject = [a.lower() for a in options.reject]
    options.defer = [a.lower() for a in options.defer]

    workdir = tempfile.mkdtemp(prefix="smtp_peer_")
    tls_context = None
    if options.inject_after_starttls:
        options.starttls = True
    if options.starttls or options.require_starttls or options.implicit_tls:
        cert, key = make_certificate(workdir)
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.load_cert_chain(cert, key)
        print("CERT " + cert, flush=True)

    authenticator = None
    if options.auth:
        user, _, password = options.auth.partition(":")

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword)
                  and auth_data.login == user.encode("utf-8")
                  and auth_data.password == password.encode("utf-8"))
            login = auth_data.login.decode("utf-8", "replace") if isinstance(auth_data, LoginPassword) else None
            handler.log({"event": "auth", "login": login, "mechanism": mechanism, "success": ok})
            return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    offered = {m.strip().upper() for m in options.auth_mechanisms.split(",") if m.strip()}
    exclude = [m for m in ("LOGIN", "PLAIN") if m not in offered]

    log_lock = threading.Lock()
    handler = Handler(options, log_lock)
    open(options.log, "a").close()
    port = free_port()

    smtp_kwargs = dict(
        data_size_limit=options.size,
        enable_SMTPUTF8=options.smtputf8,
        decode_data=False,
        auth_require_tls=options.auth_require_tls,
        auth_required=False,
        authenticator=authenticator,
        auth_exclude_mechanism=exclude,
    )
    if options.starttls or options.require_starttls:
        smtp_kwargs["tls_context"] = tls_context
        smtp_kwargs["require_starttls"] = options.require_starttls

    class PeerController(Controller):
        def factory(self):
            return RecordingSMTP(self.handler, implicit_tls=options.implicit_tls,
                                 inject_after_starttls=options.inject_after_starttls, **self.SMTP_kwargs)


    controller = PeerController(
        handler, hostname="127.0.0.1", port=port, server_hostname="peer.casebook.test",
        ssl_context=tls_context if options.implicit_tls else None,
        ready_timeout=10.0, **smtp_kwargs)
    controller.start()
    print("READY {}".format(port), flush=True)

    stop = threading.Event()
    # A parent may have spawned us with these blocked; the handlers below must run.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    # Also stop when the parent goes away (stdin closed).
    def watch_stdin():
        try:
            sys.stdin.read()
        finally:
            stop.set()
    threading.Thread(target=watch_stdin, daemon=True).start()
    # A bare wait() would not let the SIGTERM handler run (it only runs between bytecodes of the main thread).
    while not stop.wait(0.2):
        pass
    shutil.rmtree(workdir, ignore_errors=True)
    os._exit(0)


if __name__ == "__main__":
    main()
