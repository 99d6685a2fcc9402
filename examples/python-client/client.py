"""A typed client of a PHX hub in Python, on the standard library: the types come from the hub's
OpenAPI document (see generate.ts), the calls are plain HTTP with urllib.

    python3 examples/python-client/client.py http://127.0.0.1:8080 TOKEN
"""
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid
from typing import Any, Dict, Iterator, Optional

from phx_api import DataPackage, ImportSummary, Observation, ObservationPage

PROBLEM_BASE = "https://phx-network.github.io/phx/problems/"


class ProblemError(Exception):
    """The hub refused a request: `problem` is its RFC 9457 document, `slug` its type."""

    def __init__(self, problem: Dict[str, Any]):
        super().__init__(f"{problem.get('status')} {problem.get('title')}: {problem.get('detail', '')}")
        self.problem = problem
        kind = str(problem.get("type", ""))
        self.slug = kind[len(PROBLEM_BASE):] if kind.startswith(PROBLEM_BASE) else None


class Hub:
    def __init__(self, base_url: str, token: str):
        self.base_url = base_url.rstrip("/")
        self.token = token

    def _call(self, method: str, path: str, body: Any = None, headers: Optional[Dict[str, str]] = None) -> Any:
        request = urllib.request.Request(self.base_url + path, method=method, data=None if body is None else json.dumps(body).encode())
        request.add_header("Authorization", f"Bearer {self.token}")
        request.add_header("Accept", "application/json")
        if body is not None:
            request.add_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            raise ProblemError(json.load(error)) from None

    def import_package(self, package: DataPackage) -> ImportSummary:
        """Imports a whole package, all or nothing; the Idempotency-Key makes a retry safe."""
        answer = self._call("POST", "/v1/packages", package.to_dict(), {"Idempotency-Key": uuid.uuid4().hex})
        return ImportSummary.from_dict(answer)

    def observations(self, **filters: str) -> Iterator[Observation]:
        """Every observation that matches the filters, page after page."""
        cursor: Optional[str] = None
        while True:
            query = {**filters, **({"cursor": cursor} if cursor else {})}
            page = ObservationPage.from_dict(self._call("GET", "/v1/observations?" + urllib.parse.urlencode(query)))
            yield from page.data
            cursor = page.next
            if cursor is None:
                return


if __name__ == "__main__":
    hub = Hub(sys.argv[1], sys.argv[2])
    with open(sys.argv[3] if len(sys.argv) > 3 else "examples/data/network-meeting-2020.phx.json", encoding="utf-8") as file:
        package = DataPackage.from_dict(json.load(file))
    summary = hub.import_package(package)
    print(f"imported {summary.package}: {summary.created} new, {summary.updated} replaced, {summary.unchanged} unchanged")
    zambia = list(hub.observations(country="ZM"))
    print(f"{len(zambia)} observations for ZM, from {min(o.period.start for o in zambia)}")
    reversed_period = {**package.to_dict(), "observations": [{**package.to_dict()["observations"][0], "period": {"start": "2020-12-31", "end": "2020-01-01"}}]}
    try:
        hub.import_package(DataPackage.from_dict(reversed_period))
    except ProblemError as error:
        codes = sorted({issue["code"] for issue in error.problem["issues"]})
        print(f"refused: {error.slug} ({', '.join(codes)})")
