"""Dataclasses of plain values to JSON and back, by their type hints: how a page's features and type
prediction (classifiers/page_features.py, classifiers/document_segmentation.py) are kept on its row.

Supported: None, bool, int, float, str, dataclasses, tuple[X, ...], tuple[X, Y], list[X], frozenset[X],
Mapping/dict[str, X] and X | None. JSON keeps int and float apart and floats exactly (shortest repr),
so what comes back is equal to what went in (`==`, field by field). Anything else raises
`UnsupportedValue`, both ways: a field added with a type this module does not know makes the stored
form unusable (its reader then computes the value again) instead of coming back different.
Nothing here executes stored data: it builds only the types the hints name.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import json
import types
import typing
from functools import lru_cache
from typing import Any


class UnsupportedValue(TypeError):
    """A value or type hint this module cannot keep exactly."""


def to_json(value: Any) -> Any:
    """A JSON-ready copy of value: dataclasses as objects of their fields, tuples and sets as lists."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [to_json(v) for v in value]
    if isinstance(value, frozenset):
        return sorted((to_json(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, collections.abc.Mapping):
        if not all(isinstance(k, str) for k in value):
            raise UnsupportedValue("a mapping with keys that are not strings")
        return {k: to_json(v) for k, v in value.items()}
    raise UnsupportedValue(f"cannot keep a {type(value).__name__}")


def from_json(data: Any, hint: Any) -> Any:
    """The value of type hint that to_json gave data for; UnsupportedValue when data does not fit it."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if data is None and type(None) in args:
            return None
        others = [a for a in args if a is not type(None)]
        if len(others) != 1:
            raise UnsupportedValue(f"a union of several types: {hint}")
        return from_json(data, others[0])
    if hint is type(None) or hint is None:
        return _checked(data, type(None))
    if hint in (bool, str):
        return _checked(data, hint)
    if hint is int:
        if isinstance(data, bool):
            raise UnsupportedValue("a bool where an int was kept")
        return _checked(data, int)
    if hint is float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            raise UnsupportedValue(f"not a number: {data!r}")
        return data  # an int stays an int, as it was kept
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass_from(data, hint)
    if origin is tuple:
        items = _checked(data, list)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_json(v, args[0]) for v in items)
        if len(items) != len(args):
            raise UnsupportedValue(f"{len(items)} values for {hint}")
        return tuple(from_json(v, a) for v, a in zip(items, args, strict=True))
    if origin is list:
        return [from_json(v, args[0]) for v in _checked(data, list)]
    if origin is frozenset:
        return frozenset(from_json(v, args[0]) for v in _checked(data, list))
    if origin in (dict, collections.abc.Mapping) and args and args[0] is str:
        return {k: from_json(v, args[1]) for k, v in _checked(data, dict).items()}
    raise UnsupportedValue(f"cannot read a {hint}")


def _checked(data: Any, kind: type) -> Any:
    if not isinstance(data, kind):
        raise UnsupportedValue(f"expected {kind.__name__}, found {type(data).__name__}")
    return data


@lru_cache(maxsize=16)
def _fields_of(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    if any(not f.init for f in fields):
        raise UnsupportedValue(f"{cls.__name__} has fields set outside __init__")
    return tuple((f.name, hints[f.name]) for f in fields)


def _dataclass_from(data: Any, cls: type) -> Any:
    fields = _fields_of(cls)
    if not isinstance(data, dict) or data.keys() != {name for name, _ in fields}:
        raise UnsupportedValue(f"not the fields of {cls.__name__}")
    return cls(**{name: from_json(data[name], hint) for name, hint in fields})
