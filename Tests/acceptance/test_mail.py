"""Email end to end, with real peers: mail goes in through `casebook mailgate` (as an MTA pipe would run
it) and comes out through a real SMTP server on loopback (aiosmtpd), on SQLite and PostgreSQL.

A customer's email opens a ticket and is acknowledged; the agent's reply reaches the customer with threading
headers; the customer's answer to it lands on the same ticket; an auto-reply does not loop; a malformed message
lands in quarantine; a message sent while the SMTP server is down is delivered once it is back, exactly once.
"""

from __future__ import annotations

import email
import email.policy
import subprocess
import threading
import time
import uuid
from email.message import EmailMessage
from typing import List, Optional

import pytest
import requests
from aiosmtpd.controller import Controller

from conftest import _casebook_bin, _free_port, _running_server

SUPPORT = "support@casebook.localhost"


class Recorder:
    """aiosmtpd handler keeping every delivered message (envelope and parsed content)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.messages: List[tuple] = []

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 2.0.0 Message accepted"

    def to(self, address: str) -> List[EmailMessage]:
        with self.lock:
            return [m for (_, rcpts, m) in self.messages if address in rcpts]

    def wait_for(self, address: str, count: int, timeout: float = 15.0) -> List[EmailMessage]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            got = self.to(address)
            if len(got) >= count:
                return got
            time.sleep(0.1)
        raise AssertionError(f"expected {count} message(s) to {address}, got {len(self.to(address))}")


class SMTPPeer:
    def __init__(self, port: int) -> None:
        self.port = port
        self.recorder = Recorder()
        self.controller: Optional[Controller] = None

    def start(self) -> None:
        self.controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller:
            self.controller.stop()
            self.controller = None


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def mail_stack(request):
    port = _free_port()
    peer = SMTPPeer(port)
    peer.start()
    env = {
        "SMTP_URL": f"smtp://127.0.0.1:{port}?starttls=never",
        "CASEBOOK_MAIL_RETRY_SECONDS": "1",
        "CASEBOOK_SUPPORT_EMAIL": SUPPORT,
    }
    try:
        with _running_server(request, request.param, label=f"{request.param}-mail", extra_env=env) as server:
            yield server, peer
    finally:
        peer.stop()


def mailgate(server, raw: bytes, *args: str, url: Optional[str] = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [_casebook_bin(), "mailgate", "--url", url or server.base_url, "--token", server.token, *args],
        input=raw, capture_output=True, timeout=60,
    )


def customer_mail(sender: str, subject: str, body: str, in_reply_to: Optional[str] = None,
                  extra: Optional[dict] = None) -> tuple:
    msg = EmailMessage()
    msg["From"] = f"Customer <{sender}>"
    msg["To"] = f"Support <{SUPPORT}>"
    msg["Subject"] = subject
    message_id = f"<{uuid.uuid4()}@customer.example>"
    msg["Message-ID"] = message_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    for key, value in (extra or {}).items():
        msg[key] = value
    msg.set_content(body)
    return msg.as_bytes(policy=email.policy.SMTP), message_id


def api(server, method: str, path: str, **kwargs) -> requests.Response:
    return requests.request(method, server.base_url + path, auth=server.auth, timeout=10, **kwargs)


def inbound_by_message_id(server, message_id: str) -> dict:
    listed = api(server, "GET", "/api/v2/inbound/emails").json()["inbound_emails"]
    wanted = message_id.strip("<>")
    found = [m for m in listed if m["message_id"] == wanted]
    assert found, f"{message_id} not among received mail: {listed}"
    return found[0]


def test_a_customer_email_round_trip(mail_stack):
    server, peer = mail_stack
    customer = f"lena-{uuid.uuid4().hex[:8]}@northwind.example"

    # 1. The customer writes in; the MTA pipes it through the mailgate.
    raw, first_id = customer_mail(customer, "Switch on floor 3 is dead", "No lights at all since this morning.")
    result = mailgate(server, raw)
    assert result.returncode == 0, result.stderr
    received = inbound_by_message_id(server, first_id)
    assert received["status"] == "processed"
    ticket_id = received["ticket_id"]
    ticket = api(server, "GET", f"/api/v2/tickets/{ticket_id}").json()["ticket"]
    assert ticket["subject"] == "Switch on floor 3 is dead"
    assert ticket["via"]["channel"] == "email"

    # 2. She gets an acknowledgement that threads to her message.
    ack = peer.recorder.wait_for(customer, 1)[0]
    assert f"[#{ticket_id}]" in ack["Subject"]
    assert ack["In-Reply-To"] == first_id
    assert ack["Auto-Submitted"] == "auto-replied"
    assert ack["Reply-To"].addresses[0].addr_spec == f"support+{ticket_id}@casebook.localhost"

    # 3. The agent answers through the API; the answer reaches her, threaded.
    r = api(server, "PUT", f"/api/v2/tickets/{ticket_id}",
            json={"ticket": {"comment": {"body": "Please power-cycle it and send a photo of the LEDs."}}})
    assert r.status_code == 200, r.text
    reply = peer.recorder.wait_for(customer, 2)[1]
    assert "power-cycle" in reply.get_body(("plain",)).get_content()
    assert reply["In-Reply-To"] in (ack["Message-ID"], first_id)
    assert first_id in reply["References"]
    assert reply["Auto-Submitted"] is None

    # 4. Her answer to that mail joins the same ticket, without the quoted history.
    raw, _ = customer_mail(customer, "Re: " + reply["Subject"],
                           "Done, all LEDs are amber now.\n\nOn Mon, 23 Nov 2026 at 10:02, Support <support@casebook.localhost> wrote:\n> Please power-cycle it\n",
                           in_reply_to=reply["Message-ID"])
    assert mailgate(server, raw).returncode == 0
    comments = api(server, "GET", f"/api/v2/tickets/{ticket_id}/comments").json()["comments"]
    assert comments[-1]["body"] == "Done, all LEDs are amber now."
    assert len(api(server, "GET", "/api/v2/tickets", params={"per_page": 100}).json()["tickets"]) >= 1

    # 5. Her out-of-office reply to anything causes no mail back (no loop).
    before = len(peer.recorder.to(customer))
    raw, auto_id = customer_mail(customer, "Automatic reply: " + reply["Subject"], "I am out of the office.",
                                 in_reply_to=reply["Message-ID"], extra={"Auto-Submitted": "auto-replied"})
    assert mailgate(server, raw).returncode == 0
    assert inbound_by_message_id(server, auto_id)["status"] == "processed"
    time.sleep(2.5)
    assert len(peer.recorder.to(customer)) == before


def test_malformed_mail_is_quarantined_not_lost(mail_stack):
    server, _ = mail_stack
    raw = b"To: support@casebook.localhost\r\nSubject: nobody sent this\r\nMessage-ID: <nofrom-" + \
        uuid.uuid4().hex.encode() + b"@x>\r\n\r\nbody\r\n"
    result = mailgate(server, raw)
    assert result.returncode == 0, result.stderr  # accepted: kept in quarantine, the MTA must not bounce it
    listed = api(server, "GET", "/api/v2/inbound/emails", params={"status": "quarantined"}).json()["inbound_emails"]
    assert any(m["subject"] == "nobody sent this" and "From" in (m["error"] or "") for m in listed)


def test_mail_sent_while_smtp_is_down_is_delivered_once_it_is_back(mail_stack):
    server, peer = mail_stack
    customer = f"rex-{uuid.uuid4().hex[:8]}@northwind.example"
    raw, _ = customer_mail(customer, "Pink units", "They sent pink instead of blue.")
    assert mailgate(server, raw).returncode == 0
    peer.recorder.wait_for(customer, 1)  # the acknowledgement
    ticket_id = [m for m in api(server, "GET", "/api/v2/inbound/emails").json()["inbound_emails"]
                 if m["from"] == customer][0]["ticket_id"]

    peer.stop()
    try:
        r = api(server, "PUT", f"/api/v2/tickets/{ticket_id}",
                json={"ticket": {"comment": {"body": "Blue units ship on Friday, sorry."}}})
        assert r.status_code == 200
        time.sleep(2.5)  # at least one failed attempt while nothing listens
        queued = api(server, "GET", "/api/v2/outbox", params={"status": "queued"}).json()["outbox"]
        waiting = [m for m in queued if m["ticket_id"] == ticket_id]
        assert waiting and waiting[0]["attempts"] >= 1 and waiting[0]["last_error"]
    finally:
        peer.start()
    delivered = peer.recorder.wait_for(customer, 2, timeout=30)
    assert "Blue units ship on Friday" in delivered[1].get_body(("plain",)).get_content()
    time.sleep(3)  # any duplicate would arrive by now
    matching = [m for m in peer.recorder.to(customer) if "Blue units" in m.get_body(("plain",)).get_content()]
    assert len(matching) == 1


def test_mailgate_exit_codes_tell_the_mta_what_to_do(mail_stack):
    server, _ = mail_stack
    raw, _ = customer_mail("x@northwind.example", "hello", "hi")
    closed = f"http://127.0.0.1:{_free_port()}"
    assert mailgate(server, raw, url=closed).returncode == 75  # Casebook down: try again later
    assert mailgate(server, b"").returncode == 65  # nothing to deliver: refused
    bad = subprocess.run([_casebook_bin(), "mailgate", "--url", server.base_url, "--token", "wrong"],
                         input=raw, capture_output=True, timeout=60)
    assert bad.returncode == 75  # a wrong token must not bounce customers' mail
    assert b"401" in bad.stderr
