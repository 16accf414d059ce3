# Acceptance: drive Casebook's /api/v2 with the stock zenpy client (zenpy==2.0.57).
#
# WHAT ZENPY SENDS AND NEEDS, step by step (read from zenpy 2.0.57's source: zenpy/lib/api.py,
# endpoint.py, request.py, response.py, generator.py). The server must match this.
#
# Every request: https://casebook.zendesk.com/api/v2/<path>.json (conftest rewrites the origin to
# http://127.0.0.1:PORT, so the server sees Host: 127.0.0.1:PORT). Every path zenpy builds ends in
# ".json". Auth: HTTP Basic, user "admin@acceptance.example/token", password = API token.
# User-Agent "Zenpy/2.0.57". Bodies are JSON with a root key; zenpy sends only the attributes
# that were set (never "id": null; an update does send the ticket's "id" inside the body).
# zenpy writes query keys with literal brackets ("page[size]=100", "filter[type]=ticket") and
# requests percent-encodes them on the wire: the server receives "page%5Bsize%5D=100" and
# "filter%5Btype%5D=ticket", so it must percent-decode query keys (both forms must work).
# Parameter order is arbitrary (zenpy builds the query from a set). Below, keys are written
# decoded for readability.
# zenpy parses a 2xx response only if it is JSON. A non-2xx JSON body with
# "error": "RecordNotFound" raises RecordNotFoundException; any other JSON error raises
# APIException; a non-JSON error body raises requests.HTTPError.
#
#  1. Who am I          zenpy.users.me()
#       GET  /api/v2/users/me.json                      -> 200 {"user": {id, name, email, role, ...}}
#  2. Create ticket     zenpy.tickets.create(Ticket(subject, requester=User(name, email), comment=Comment(body)))
#       POST /api/v2/tickets.json
#            {"ticket": {"subject": S, "comment": {"body": B}, "requester": {"name": N, "email": E}}}
#                                                       -> 201 {"ticket": {...}, "audit": {...}}
#       zenpy turns {"ticket", "audit"} into a TicketAudit (.ticket, .audit); with "ticket" alone it
#       would return a bare Ticket and break callers that use `.ticket`, as Zendesk's docs show.
#       Ticket fields read here: id, subject, description (= first comment body), status,
#       requester_id (a new end-user found or created from requester.email), submitter_id (= the
#       caller), tags, created_at, updated_at.
#       The search test also sends "status": "open"|"pending" in the create body.
#  3. Requester         ticket.requester (a lazy zenpy property)
#       GET  /api/v2/users/{requester_id}.json          -> 200 {"user": {id, name, email, role: "end-user"}}
#  4. Reply / note      ticket.comment = Comment(body=B[, public=False]); zenpy.tickets.update(ticket)
#       PUT  /api/v2/tickets/{id}.json
#            {"ticket": {"id": ID, "comment": {"body": B}}}       (a public reply: "public" is absent
#                                                                  and must default to true)
#            {"ticket": {"id": ID, "comment": {"body": B, "public": false}}}   (an internal note)
#                                                       -> 200 {"ticket": {...}, "audit": {...}}
#  5. Status and tags   ticket.status = "pending"; ticket.tags = [...]; zenpy.tickets.update(ticket)
#       PUT  /api/v2/tickets/{id}.json {"ticket": {"id": ID, "status": "pending", "tags": [...]}}
#                                                       -> 200 {"ticket": {...}, "audit": {...}}
#  6. Show              zenpy.tickets(id=ID)
#       GET  /api/v2/tickets/{id}.json                  -> 200 {"ticket": {...}}   (no paging params)
#  7. Comments          zenpy.tickets.comments(ticket=ID)
#       GET  /api/v2/tickets/{id}/comments.json?include_inline_images=false&page[size]=100
#         -> 200 {"comments": [{id, type, author_id, body, html_body, plain_body, public, created_at}],
#                 "meta": {"has_more": false, "after_cursor", "before_cursor"}, "links": {"next", "prev"}}
#       oldest first; no other top-level list keys (a side-loaded "users" list would be taken as
#       the result). Offset form {"comments", "next_page", "previous_page", "count"} also works.
#  8. Search            zenpy.search("wobblefrotz", type="ticket", status="open")
#       GET  /api/v2/search.json?query=wobblefrotz%20type%3Aticket%20status%3Aopen&filter[type]=ticket
#         -> 200 {"results": [{..ticket.., "result_type": "ticket"}], "count": N,
#                 "next_page": URL|null, "previous_page": URL|null}
#       the query is percent-encoded (%20 between terms, %3A for ':'); every result needs
#       "result_type" (zenpy picks the class from it); the path must end in "search.json" for
#       zenpy's search handler. "filter[type]" must be accepted (ignored or applied).
#       zenpy.search("wobblefrotz", type="ticket") sends query=wobblefrotz%20type%3Aticket.
#  9. Bulk create       zenpy.tickets.create([Ticket, ...])   (a list => create_many; <= 100 each)
#       POST /api/v2/tickets/create_many.json {"tickets": [{"subject", "comment": {"body"}}, ...]}
#         -> 200 {"job_status": {id, url, status, total, progress, message, results}}
#       zenpy returns a JobStatus; the test then polls
#       zenpy.job_status(id=JOB_ID)
#       GET  /api/v2/job_statuses/{job_id}.json          -> 200 {"job_status": {..., "status":
#            "queued"|"working"|"completed"|"failed"|"killed",
#            "results": [{"index": i, "id": TICKET_ID}, ...] once completed}}
#       job ids may be strings (Zendesk uses hex); they go into the path as given.
# 10. List, cursor      zenpy.tickets()                 (zenpy's default for tickets)
#                       zenpy.tickets(cursor_pagination=50)
#       GET  /api/v2/tickets.json?page[size]=100        (or page[size]=50)
#         -> 200 {"tickets": [...], "meta": {"has_more": bool, "after_cursor", "before_cursor"},
#                 "links": {"next": URL|null, "prev": URL|null}}
#       zenpy GETs links.next exactly as given (absolute URL, no params added) while
#       meta.has_more is true, and stops at has_more false or an empty page.
# 11. List, offset      zenpy.tickets(cursor_pagination=False)
#       GET  /api/v2/tickets.json                       (no params at all)
#         -> 200 {"tickets": [...], "next_page": URL|null, "previous_page": URL|null, "count": N}
#       and NO "meta.has_more" (its presence makes zenpy switch to links.next). zenpy GETs next_page
#       exactly as given until it is null or a page is empty. Default page size 100 as in Zendesk.
#       next_page / links.next must be ABSOLUTE URLs (requests cannot follow a relative one), on
#       http://127.0.0.1:PORT (from the Host header) or https://casebook.zendesk.com; both work here.
# 12. Errors (raw requests and zenpy)
#       GET  /api/v2/tickets/999999.json (and without ".json") with auth
#                                   -> 404 {"error": "RecordNotFound", "description": "..."} (JSON)
#       zenpy.tickets(id=999999)    -> same request; zenpy raises RecordNotFoundException
#       GET  /api/v2/tickets.json without auth, or with a wrong token -> 401 {"error": ...} (JSON)

from __future__ import annotations

import collections
import time
from typing import Dict, List

import pytest
import requests
from zenpy.lib.api_objects import Comment, JobStatus, Ticket, TicketAudit, User
from zenpy.lib.exception import RecordNotFoundException

BULK_COUNT = 250
BULK_BATCH = 100  # Zendesk's limit for create_many
JOB_TIMEOUT_S = 120
SEARCH_TIMEOUT_S = 10  # search may be indexed asynchronously


def _ticket_of(result) -> Ticket:
    """The ticket from a create/update answer, which Zendesk shapes as {"ticket", "audit"}."""
    assert isinstance(result, TicketAudit), (
        "ticket create/update must answer {\"ticket\": ..., \"audit\": ...} so that zenpy "
        f"returns a TicketAudit; got {type(result).__name__}: {result!r}"
    )
    assert isinstance(result.ticket, Ticket), f"no ticket in the answer: {result.to_dict()}"
    assert result.audit is not None, "no audit in the answer"
    return result.ticket


def _field(obj, name):
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


# --------------------------------------------------------------------------- one ticket's life


def test_ticket_lifecycle(zenpy, casebook):
    me = zenpy.users.me()
    assert me.email == casebook.email
    assert me.role == "admin"

    first_body = "The printer in room 4 is on fire."
    ticket = _ticket_of(zenpy.tickets.create(Ticket(
        subject="Printer on fire",
        requester=User(name="Ada Lovelace", email="ada@customer.example"),
        comment=Comment(body=first_body),
    )))
    assert isinstance(ticket.id, int)
    assert ticket.subject == "Printer on fire"
    assert ticket.description == first_body
    assert ticket.status in ("new", "open")
    assert ticket.submitter_id == me.id
    assert ticket.requester_id not in (None, me.id)

    requester = ticket.requester  # GET /users/{requester_id}.json
    assert requester.id == ticket.requester_id
    assert requester.email == "ada@customer.example"
    assert requester.name == "Ada Lovelace"
    assert requester.role == "end-user"

    reply_body = "We are on our way with an extinguisher."
    ticket.comment = Comment(body=reply_body)  # public by default
    ticket = _ticket_of(zenpy.tickets.update(ticket))

    note_body = "Facilities says the printer is out of warranty."
    ticket.comment = Comment(body=note_body, public=False)
    ticket = _ticket_of(zenpy.tickets.update(ticket))

    ticket.status = "pending"
    ticket.tags = ["hardware", "fire"]
    ticket = _ticket_of(zenpy.tickets.update(ticket))
    assert ticket.status == "pending"
    assert set(ticket.tags) == {"hardware", "fire"}

    shown = zenpy.tickets(id=ticket.id)
    assert isinstance(shown, Ticket)
    assert shown.id == ticket.id
    assert shown.subject == "Printer on fire"
    assert shown.status == "pending"
    assert set(shown.tags) == {"hardware", "fire"}
    assert shown.requester_id == requester.id
    # An internal note is not the description and does not replace it.
    assert shown.description == first_body

    comments = list(zenpy.tickets.comments(ticket=ticket.id))
    assert [c.body for c in comments] == [first_body, reply_body, note_body]
    assert [c.public for c in comments] == [True, True, False]
    assert all(isinstance(c.id, int) for c in comments)
    assert len({c.id for c in comments}) == 3
    assert comments[1].author_id == me.id
    assert comments[2].author_id == me.id
    created = [c.created_at for c in comments]
    assert created == sorted(created), "comments must come oldest first"


# --------------------------------------------------------------------------- search


def test_search_by_words_type_and_status(zenpy, zenpy_adapter):
    word = "wobblefrotz"

    def create(subject: str, status: str) -> Ticket:
        return _ticket_of(zenpy.tickets.create(Ticket(
            subject=subject, status=status, comment=Comment(body=f"{subject}, please help"),
        )))

    hit = create(f"{word} printer jam", "open")
    pending = create(f"{word} scanner jam", "pending")
    create("Coffee machine broken", "open")  # open, but without the word

    first_call = len(zenpy_adapter.calls)
    deadline = time.monotonic() + SEARCH_TIMEOUT_S
    while True:
        generator = zenpy.search(word, type="ticket", status="open")
        results = list(generator)
        if results or time.monotonic() > deadline:
            break
        time.sleep(0.25)

    method, url = zenpy_adapter.calls[first_call]
    assert method == "GET" and "/api/v2/search.json?" in url, url
    assert "type%3Aticket" in url and "status%3Aopen" in url

    assert all(isinstance(r, Ticket) for r in results), results
    assert [r.id for r in results] == [hit.id]
    assert results[0].subject == f"{word} printer jam"
    assert results[0].status == "open"
    assert getattr(generator, "count", None) == 1, "search answers carry \"count\""

    any_status = list(zenpy.search(word, type="ticket"))
    assert {r.id for r in any_status} == {hit.id, pending.id}


# --------------------------------------------------------------------------- bulk + pagination


def _wait_for_job(zenpy, job: JobStatus) -> JobStatus:
    """Poll GET /job_statuses/{id} (at least once) until the job has finished."""
    deadline = time.monotonic() + JOB_TIMEOUT_S
    while True:
        job = zenpy.job_status(id=job.id)
        assert isinstance(job, JobStatus), f"GET job_statuses/{{id}} answered {job!r}"
        if job.status in ("completed", "failed", "killed"):
            break
        if time.monotonic() > deadline:
            pytest.fail(f"job {job.id} still {job.status!r} after {JOB_TIMEOUT_S} s")
        time.sleep(0.2)
    assert job.status == "completed", f"job {job.id} ended {job.status!r}: {job.message}"
    return job


@pytest.fixture(scope="session")
def bulk_tickets(zenpy) -> Dict[int, str]:
    """250 tickets made with create_many, 100 per job: {ticket id: subject}."""
    created: Dict[int, str] = {}
    for start in range(0, BULK_COUNT, BULK_BATCH):
        subjects = [f"Bulk ticket {i:03d}" for i in range(start, min(start + BULK_BATCH, BULK_COUNT))]
        job = zenpy.tickets.create([
            Ticket(subject=s, comment=Comment(body=f"Body of {s.lower()}")) for s in subjects
        ])
        assert isinstance(job, JobStatus), f"create_many must answer {{\"job_status\": ...}}, got {job!r}"
        assert job.id is not None
        job = _wait_for_job(zenpy, job)
        results = list(job.results or [])
        assert len(results) == len(subjects), f"job results: {results!r}"
        for position, result in enumerate(results):
            index = _field(result, "index")
            ticket_id = _field(result, "id")
            assert isinstance(ticket_id, int), f"job result without a ticket id: {result!r}"
            created[ticket_id] = subjects[position if index is None else index]
    assert len(created) == BULK_COUNT, "create_many returned duplicate ticket ids"
    return created


@pytest.mark.parametrize(
    "style, kwargs, page_size",
    [
        ("cursor", {}, 100),  # what zenpy does by default: page[size]=100
        ("cursor", {"cursor_pagination": 50}, 50),
        ("offset", {"cursor_pagination": False}, 100),  # Zendesk's default per_page
    ],
    ids=["cursor-default", "cursor-50", "offset"],
)
def test_list_all_tickets(zenpy, zenpy_adapter, bulk_tickets, style, kwargs, page_size):
    first_call = len(zenpy_adapter.calls)
    seen = [(t.id, t.subject) for t in zenpy.tickets(**kwargs)]
    urls = [url for _, url in zenpy_adapter.calls[first_call:]]

    ids = [ticket_id for ticket_id, _ in seen]
    duplicates = sorted(i for i, n in collections.Counter(ids).items() if n > 1)
    assert not duplicates, f"{style} pagination returned ids more than once: {duplicates[:20]}"
    missing = sorted(set(bulk_tickets) - set(ids))
    assert not missing, f"{style} pagination never returned {len(missing)} ids, e.g. {missing[:20]}"
    subjects = dict(seen)
    wrong = [i for i, subject in bulk_tickets.items() if subjects[i] != subject]
    assert not wrong, f"subjects differ for ids {wrong[:20]}"

    min_pages = -(-len(ids) // page_size)
    assert len(urls) >= min_pages, (
        f"{len(ids)} tickets at {page_size} a page need {min_pages} requests; zenpy made: {urls}"
    )
    first, following = urls[0], urls[1:]
    if style == "cursor":
        assert f"page[size]={page_size}" in first or f"page%5Bsize%5D={page_size}" in first, first
        assert all("page[after]" in u or "page%5Bafter%5D" in u for u in following), following
    else:
        assert "page[size]" not in first and "page%5Bsize%5D" not in first, first
        assert all("page=" in u for u in following), following


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize("path", ["/api/v2/tickets/999999.json", "/api/v2/tickets/999999"])
def test_missing_ticket_is_record_not_found(casebook, path):
    r = requests.get(casebook.base_url + path, auth=casebook.auth, timeout=10)
    assert r.status_code == 404, r.text
    assert r.headers.get("Content-Type", "").startswith("application/json"), r.headers
    body = r.json()
    assert body.get("error") == "RecordNotFound", body
    assert isinstance(body.get("description"), str) and body["description"], body


def test_zenpy_raises_record_not_found(zenpy):
    with pytest.raises(RecordNotFoundException):
        zenpy.tickets(id=999999)


def test_requests_without_valid_credentials_get_401(casebook):
    url = casebook.base_url + "/api/v2/tickets.json"
    for auth in (None, (f"{casebook.email}/token", "not-the-token")):
        r = requests.get(url, auth=auth, timeout=10)
        assert r.status_code == 401, (auth, r.status_code, r.text)
        assert r.headers.get("Content-Type", "").startswith("application/json"), r.headers
        assert "error" in r.json(), r.text
