# Acceptance: the OpenAPI document served at /api/v2/openapi.json is a valid OpenAPI 3 document, and every
# operation it lists is really routed by the server (conftest's `casebook` fixture: base_url, email, token).
#
# "Routed" is told apart from "missing" by the body of a 404: a handler answers a missing record with Casebook's
# JSON error {"error": "RecordNotFound", ...}, while a path/method the router does not know gets Hummingbird's
# bare 404 (no JSON body; Hummingbird also answers a known path with an unknown method that way, not with 405).
#
# The calls are harmless: path ids name records that do not exist, and write operations are sent without a body,
# so handlers stop at 404 RecordNotFound or 400 InvalidJSON before changing anything.

from __future__ import annotations

import time
import urllib.parse
from typing import Any, Dict, List, Optional, Tuple

import pytest
import requests
from openapi_spec_validator import validate

MISSING_ID = 2_147_483_000  # fits a 32-bit column; no test creates this many records
MISSING_JOB_ID = "00000000000000000000000000000000"
METHODS = ("get", "post", "put", "patch", "delete")
TIMEOUT_S = 30


def _resolve(document: Dict[str, Any], item: Dict[str, Any]) -> Dict[str, Any]:
    """Follows a local `$ref` ("#/components/...") to the object it names."""
    while "$ref" in item:
        target: Any = document
        for part in item["$ref"].lstrip("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        item = target
    return item


def _sample(parameter: Dict[str, Any]) -> str:
    """A value for a parameter: its example, else one that fits its schema."""
    schema = parameter.get("schema", {})
    value = parameter.get("example", schema.get("example", schema.get("default")))
    if value is None:
        kind = schema.get("type")
        if kind == "integer":
            value = MISSING_ID if parameter["in"] == "path" else 1
        elif kind == "array":
            value = [1]
        elif "enum" in schema:
            value = schema["enum"][0]
        else:
            value = MISSING_JOB_ID if parameter["in"] == "path" else "casebook"
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return str(value)


def _request(session: requests.Session, method: str, url: str, **kwargs) -> requests.Response:
    """Sends a request, waiting out the rate limit (the zenpy suite shares the token) if it is hit."""
    for _ in range(5):
        response = session.request(method, url, timeout=TIMEOUT_S, **kwargs)
        if response.status_code != 429:
            return response
        time.sleep(min(int(response.headers.get("Retry-After", "1")), 10))
    return response


def _json_error(response: requests.Response) -> Optional[str]:
    """The `error` of a JSON error body, or None if the body is not one."""
    try:
        body = response.json()
    except ValueError:
        return None
    return body.get("error") if isinstance(body, dict) else None


def _routed_problem(response: requests.Response) -> Optional[str]:
    """Why the response says the route does not exist, or None if it was routed."""
    if response.status_code == 405:
        return "405 Method Not Allowed"
    if response.status_code == 404 and _json_error(response) != "RecordNotFound":
        return f"404 without a RecordNotFound JSON body (unknown route): {response.text[:200]!r}"
    return None


@pytest.fixture(scope="module")
def document(casebook) -> Dict[str, Any]:
    # Public: fetched without credentials.
    response = requests.get(casebook.base_url + "/api/v2/openapi.json", timeout=TIMEOUT_S)
    assert response.status_code == 200, response.text[:500]
    assert response.headers.get("Content-Type", "").startswith("application/json")
    return response.json()


@pytest.fixture(scope="module")
def session(casebook) -> requests.Session:
    s = requests.Session()
    s.auth = (f"{casebook.email}/token", casebook.token)
    s.headers["Accept"] = "application/json"
    return s


def _operations(document: Dict[str, Any]) -> List[Tuple[str, str, Dict[str, Any], List[Dict[str, Any]]]]:
    """(path, method, operation, parameters) for every operation the document lists."""
    found = []
    for path, item in document["paths"].items():
        item = _resolve(document, item)
        shared = [_resolve(document, p) for p in item.get("parameters", [])]
        for method in METHODS:
            if method not in item:
                continue
            operation = item[method]
            own = [_resolve(document, p) for p in operation.get("parameters", [])]
            names = {(p["name"], p["in"]) for p in own}
            found.append((path, method, operation, own + [p for p in shared if (p["name"], p["in"]) not in names]))
    return found


def _base(casebook, document: Dict[str, Any]) -> str:
    servers = document.get("servers") or [{"url": "/"}]
    url = servers[0]["url"]
    if url.startswith("http://") or url.startswith("https://"):
        # An absolute server URL names the deployment; the paths still live on this server.
        url = "/" + url.split("://", 1)[1].partition("/")[2]
    return casebook.base_url.rstrip("/") + url.rstrip("/")


def _call(session, base: str, path: str, method: str, parameters: List[Dict[str, Any]], suffix: str = ""):
    url_path = path
    query: Dict[str, str] = {}
    headers: Dict[str, str] = {}
    for p in parameters:
        if p["in"] == "path":
            url_path = url_path.replace("{" + p["name"] + "}", _sample(p))
        elif p["in"] == "query" and p.get("required"):
            query[p["name"]] = _sample(p)
        elif p["in"] == "header" and p.get("required"):
            headers[p["name"]] = _sample(p)
    assert "{" not in url_path, f"{path}: a path parameter is not documented"
    # Commas (ids=1,2,3) and brackets (page[size]) are sent literally, as Zendesk documents them.
    qs = urllib.parse.urlencode(query, safe=",[]")
    url = base + url_path + suffix + ("?" + qs if qs else "")
    return _request(session, method.upper(), url, headers=headers)


def test_document_is_valid_openapi_3(document):
    validate(document)
    assert document["openapi"].startswith("3.")
    assert document["paths"], "the document lists no paths"
    assert not [p for p in document["paths"] if p.endswith(".json") and p != "/api/v2/openapi.json"], (
        "paths are listed without their optional .json suffix"
    )


def test_unknown_routes_are_told_apart(casebook, session):
    """The check below relies on the router's bare 404 for a path it does not know."""
    response = _request(session, "GET", casebook.base_url + "/api/v2/no_such_collection_here")
    assert response.status_code == 404
    assert _routed_problem(response) is not None, response.text[:200]


def test_every_documented_operation_is_routed(casebook, document, session):
    base = _base(casebook, document)
    problems = []
    operations = _operations(document)
    assert operations
    for path, method, operation, parameters in operations:
        response = _call(session, base, path, method, parameters)
        what = f"{method.upper()} {path} -> {response.status_code}"
        problem = _routed_problem(response)
        if problem:
            problems.append(f"{what}: {problem}")
            continue
        documented = set(operation["responses"])
        if str(response.status_code) not in documented and "default" not in documented:
            problems.append(f"{what}: status not among the documented responses {sorted(documented)}; "
                            f"body {response.text[:200]!r}")
    assert not problems, "documented operations the server does not answer as documented:\n" + "\n".join(problems)


def test_every_documented_path_accepts_the_json_suffix(casebook, document, session):
    base = _base(casebook, document)
    problems = []
    for path, method, operation, parameters in _operations(document):
        if path.endswith(".json"):
            continue
        plain = _call(session, base, path, method, parameters)
        suffixed = _call(session, base, path, method, parameters, suffix=".json")
        if _routed_problem(suffixed) or suffixed.status_code != plain.status_code:
            problems.append(f"{method.upper()} {path}.json -> {suffixed.status_code} "
                            f"(without .json: {plain.status_code}): {suffixed.text[:200]!r}")
    assert not problems, "\n".join(problems)
