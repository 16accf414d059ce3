#!/usr/bin/env python3
"""Print what Python's own `email` package extracts from every message in a directory.

Usage: expected.py DIR [DIR ...]

Output: one JSON array on stdout, one object per file (sorted by path), as read by
Tests/CasebookMailTests/CorpusTests.swift, which compares it field by field with MIMEParser:

    {
      "file": "cpython/msg_01.txt",          # relative to the parent of the first DIR
      "from": [{"name": "...", "address": "..."}],   # name null when Python has none
      "to": [...], "cc": [...], "reply_to": [...],
      "subject": "...",                       # "" when there is no Subject
      "date": 989345144,                      # epoch seconds, or null (missing/unparseable)
      "message_id": "...",                    # without <>, or null
      "in_reply_to": ["..."], "references": ["..."],
      "text": "...",                          # get_body(preferencelist=('plain',)).get_content(), or null
      "html": "...",                          # get_body(preferencelist=('html',)).get_content(), or null
      "attachments": [{"filename": ..., "content_type": ..., "size": ..., "crc32": ...,
                       "content_id": ..., "inline": ..., "subject": ...}]
    }

Whenever Python itself raises while computing a field, that field is replaced by
{"python_error": "ExceptionName: message"} so the Swift side can see the reason and decide
(it is never silently skipped).

Everything comes from the parse tree of `email.message_from_binary_file(f, policy=email.policy.default)`
and its own accessors (get_body, get_content, get_filename, get_content_type, is_attachment,
header objects). Only three things are this script's own, documented where they are done:
  * message ids: Python's MessageID header only validates; the ids are taken from its decoded
    string (`<...>` groups, else whitespace-separated words) — see ids().
  * date: a naive datetime (zone -0000 or an unknown zone name) is taken as UTC.
  * attachments: Python's iter_attachments() looks at one level only and never inside
    multipart/alternative or multipart/related, so the flattened list Casebook needs is computed
    here with the rule MIMEParser implements (see flatten()). Everything about each part in it
    (filename, type, decoded bytes, Content-ID, disposition) is Python's.
"""

import email
import email.policy
import json
import os
import re
import sys
import zlib
from datetime import timezone


def err(exc):
    return {"python_error": "%s: %s" % (type(exc).__name__, exc)}


def guarded(fn):
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001 - we report, never hide
        return err(exc)


def addresses(msg, name):
    header = msg[name]
    if header is None:
        return []
    out = []
    for a in header.addresses:
        spec = a.addr_spec
        if spec == "<>":  # Python's spelling of the null address "<>"
            spec = ""
        out.append({"name": a.display_name or None, "address": spec})
    return out


def ids(value):
    if value is None:
        return []
    s = str(value)
    found = re.findall(r"<([^<>]*)>", s)
    if found:
        # Folding can leave whitespace inside the brackets; it is not part of the id.
        return ["".join(f.split()) for f in found if f.strip()]
    return s.split()


def date(msg):
    header = msg["date"]
    if header is None or header.datetime is None:
        return None
    dt = header.datetime
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return int(dt.timestamp())


def content(part):
    if part is None:
        return None
    return part.get_content()


def is_multipart_container(part):
    return part.get_content_maintype() == "multipart" and part.is_multipart()


def flatten(msg, bodies):
    """The attachment rule MIMEParser implements, over Python's tree.

    Walk every part depth-first in document order. Multipart containers are walked into;
    everything else (message/* included: never walked into) is a leaf. A leaf that is neither
    of the chosen bodies is an attachment when it has a filename, or its Content-Disposition is
    `attachment`, or it is not text/plain or text/html. (Unnamed text/plain and text/html leaves
    that are not the chosen body — the other alternatives, empty digest mastheads — are not.)
    """
    out = []

    def visit(part):
        if is_multipart_container(part):
            for sub in part.iter_parts():
                visit(sub)
            return
        if any(part is b for b in bodies):
            return
        ctype = part.get_content_type()
        filename = part.get_filename() or None  # Python returns "" for filename=""; that is no name
        if not (filename or part.is_attachment() or ctype not in ("text/plain", "text/html")):
            return
        out.append(describe(part, ctype, filename))

    visit(msg)
    return out


def describe(part, ctype, filename):
    d = {"filename": filename, "content_type": ctype}
    if part.get_content_maintype() == "message" and part.is_multipart():
        # Python keeps no bytes for a message/* part: it parsed them into Message objects. The
        # body as Python serialises the part back (no refolding; for an unmodified parsed message
        # this reproduces the source lines) stands for them.
        serialized = part.as_bytes(policy=part.policy.clone(refold_source="none", linesep="\n"))
        if len(part) == 0:  # a part without headers serialises as "\n" + body
            data = serialized[1:]
        else:
            cut = serialized.find(b"\n\n")
            data = serialized[cut + 2:] if cut >= 0 else b""
        inner = part.get_payload(0)
        d["subject"] = guarded(lambda: str(inner["subject"]) if inner["subject"] is not None else "")
    else:
        data = part.get_payload(decode=True)
        if data is None:
            data = b""
    d["size"] = len(data)
    d["crc32"] = zlib.crc32(data)
    cid = part["content-id"]
    d["content_id"] = str(cid).strip().strip("<>").strip() if cid is not None else None
    cd = part["content-disposition"]
    d["disposition"] = cd.content_disposition if cd is not None else None
    return d


def extract(path):
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    text_part = guarded(lambda: msg.get_body(preferencelist=("plain",)))
    html_part = guarded(lambda: msg.get_body(preferencelist=("html",)))
    bodies = [p for p in (text_part, html_part) if not isinstance(p, dict)]
    return {
        "from": guarded(lambda: addresses(msg, "from")),
        "to": guarded(lambda: addresses(msg, "to")),
        "cc": guarded(lambda: addresses(msg, "cc")),
        "reply_to": guarded(lambda: addresses(msg, "reply-to")),
        "subject": guarded(lambda: str(msg["subject"]) if msg["subject"] is not None else ""),
        "date": guarded(lambda: date(msg)),
        "message_id": guarded(lambda: (ids(msg["message-id"]) or [None])[0]),
        "in_reply_to": guarded(lambda: ids(msg["in-reply-to"])),
        "references": guarded(lambda: ids(msg["references"])),
        "text": text_part if isinstance(text_part, dict) else guarded(lambda: content(text_part)),
        "html": html_part if isinstance(html_part, dict) else guarded(lambda: content(html_part)),
        "content_type": guarded(lambda: msg.get_content_type()),
        "attachments": guarded(lambda: flatten(msg, bodies)),
    }


def sanitize(value):
    """Python keeps undecodable header bytes as surrogate escapes in some values (Address objects,
    parameters); turn them into text the way Python's own email.utils._sanitize does for header
    strings (UTF-8, U+FFFD where invalid) so they can be printed."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if isinstance(value, list):
        return [sanitize(v) for v in value]
    if isinstance(value, dict):
        return {k: sanitize(v) for k, v in value.items()}
    return value


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    base = os.path.dirname(os.path.abspath(argv[1]))
    results = []
    for d in argv[1:]:
        for name in sorted(os.listdir(d)):
            path = os.path.join(d, name)
            if not os.path.isfile(path) or name.startswith(".") or name in ("LICENSE", "README.md"):
                continue
            rel = os.path.relpath(path, base)
            try:
                entry = extract(path)
            except Exception as exc:  # noqa: BLE001
                entry = {"python_error": "%s: %s" % (type(exc).__name__, exc)}
            entry["file"] = rel
            results.append(sanitize(entry))
    json.dump(results, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
