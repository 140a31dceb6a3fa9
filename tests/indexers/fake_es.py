"""A recording transport node for the real Elasticsearch client: no server, real request serialisation.

The client validates parameters, builds the URL and serialises the body exactly as it would for a
cluster; this node records each request and answers from a small scripted state, so tests can assert on
the exact requests the backend sends.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport._node._base import NodeApiResponse


@dataclass
class Recorded:
    method: str
    target: str
    body: Any


def _decode(body: bytes | None) -> Any:
    if not body:
        return None
    text = body.decode()
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]


class RecordingNode(BaseNode):
    requests: ClassVar[list[Recorded]] = []
    aliases: ClassVar[dict[str, list[str]]] = {}
    indices: ClassVar[set[str]] = set()
    down: ClassVar[bool] = False
    bulk_item_status: ClassVar[Callable[[str], int]] = staticmethod(lambda _id: 201)
    search_response: ClassVar[dict[str, Any]] = {}
    mapping_version: ClassVar[int] = 1

    @classmethod
    def reset(cls) -> None:
        cls.requests = []
        cls.aliases = {}
        cls.indices = set()
        cls.down = False
        cls.mapping_version = 1
        cls.bulk_item_status = staticmethod(lambda _id: 201)
        cls.search_response = {"hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}, "aggregations": {}}

    def perform_request(self, method: str, target: str, body: bytes | None = None,
                        headers: HttpHeaders | None = None, request_timeout: Any = None) -> NodeApiResponse:
        if RecordingNode.down:
            raise TransportConnectionError("connection refused")
        decoded = _decode(body)
        RecordingNode.requests.append(Recorded(method, target, decoded))
        status, payload = self._answer(method, target.split("?", 1)[0], decoded)
        meta = ApiResponseMeta(status=status, http_version="1.1",
                               headers=HttpHeaders({"x-elastic-product": "Elasticsearch",
                                                    "content-type": "application/json"}),
                               duration=0.0, node=self.config)
        return NodeApiResponse(meta, b"" if method == "HEAD" else json.dumps(payload).encode())

    def _answer(self, method: str, path: str, body: Any) -> tuple[int, Any]:
        cls = RecordingNode
        parts = [p for p in path.split("/") if p]
        if parts[:1] == ["_alias"] and method == "HEAD":
            name = parts[1]
            return (200 if any(name in a for a in cls.aliases.values()) else 404), {}
        if parts[:1] == ["_alias"]:
            name = parts[1]
            return 200, {idx: {"aliases": {name: {}}} for idx, a in cls.aliases.items() if name in a}
        if parts == ["_aliases"]:
            for action in body["actions"]:
                (kind, spec), = action.items()
                if kind == "add":
                    cls.aliases.setdefault(spec["index"], []).append(spec["alias"])
                else:
                    cls.aliases.get(spec["index"], []).remove(spec["alias"])
            return 200, {"acknowledged": True}
        if parts == ["_bulk"]:
            items = []
            for line in body[::2]:
                (op, meta), = line.items()
                status = cls.bulk_item_status(meta["_id"])
                item: dict[str, Any] = {"_index": meta["_index"], "_id": meta["_id"], "status": status}
                if status >= 300:
                    item["error"] = {"type": "strict_dynamic_mapping_exception", "reason": "mapping rejected"}
                items.append({op: item})
            return 200, {"took": 1, "errors": any("error" in next(iter(i.values())) for i in items), "items": items}
        if len(parts) == 1 and method == "PUT":
            if parts[0] in cls.indices:
                return 400, {"error": {"type": "resource_already_exists_exception", "reason": "exists"},
                             "status": 400}
            cls.indices.add(parts[0])
            for alias in (body or {}).get("aliases", {}):
                cls.aliases.setdefault(parts[0], []).append(alias)
            return 200, {"acknowledged": True, "index": parts[0]}
        if len(parts) == 1 and method == "GET":
            prefix = parts[0].rstrip("*")
            return 200, {i: {} for i in cls.indices if i.startswith(prefix)}
        if len(parts) == 1 and method == "DELETE":
            cls.indices.discard(parts[0])
            cls.aliases.pop(parts[0], None)
            return 200, {"acknowledged": True}
        if parts[-1] == "_mapping":
            return 200, {parts[0]: {"mappings": {"_meta": {"claimdex_mapping_version": cls.mapping_version}}}}
        if parts[-1] == "_search":
            return 200, cls.search_response
        if parts[-1] == "_delete_by_query":
            return 200, {"deleted": 2}
        if parts[-1] == "_count":
            return 200, {"count": 7}
        if parts[-1] == "_refresh":
            return 200, {"_shards": {"total": 1, "successful": 1, "failed": 0}}
        return 404, {"error": {"type": "not_found", "reason": path}, "status": 404}


def make_client() -> Any:
    from elasticsearch import Elasticsearch

    RecordingNode.reset()
    return Elasticsearch("http://es.invalid:9200", node_class=RecordingNode, max_retries=0)
