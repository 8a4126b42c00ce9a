"""Every URL pattern of the project as a concrete path, for sweeps that must not miss a page added later."""

import re
from dataclasses import dataclass
from re import _parser as sre_parse  # the stdlib's own regex parser, to build one path each pattern accepts

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

SAMPLE_BY_CONVERTER = {"int": "1", "slug": "x", "str": "x", "path": "1", "uuid": "00000000-0000-0000-0000-000000000001"}


@dataclass(frozen=True)
class Route:
    path: str
    name: str
    callback: object

    @property
    def is_api(self) -> bool:
        return self.path.startswith("/api/")

    @property
    def is_admin(self) -> bool:
        return self.path.startswith("/admin/")


def _example(parsed) -> str:
    """One string the parsed regex matches: the first branch, at least one repetition, a plain character."""
    out = []
    for op, arg in parsed:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(arg))
        elif name == "SUBPATTERN":
            out.append(_example(arg[-1]))
        elif name == "BRANCH":
            out.append(_example(arg[1][0]))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _high, sub = arg
            out.append(_example(sub) * max(low, 1))
        elif name == "IN":
            out.append(_in_example(arg))
        elif name in ("ANY", "CATEGORY"):
            out.append("1")
        elif name == "NOT_LITERAL":
            out.append("2" if chr(arg) == "1" else "1")
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        else:
            raise ValueError(f"Cannot build an example for regex op {name}")
    return "".join(out)


def _in_example(items) -> str:
    if str(items[0][0]) == "NEGATE":
        return "1"
    op, arg = items[0]
    if str(op) == "LITERAL":
        return chr(arg)
    if str(op) == "RANGE":
        return chr(arg[0])
    return "1"


def _regex_example(regex: str) -> str:
    """A path for a regex pattern; named groups get a value that reads as an id (most are `pk`)."""
    regex = re.sub(r"\(\?P<format>[^)]*\)", "json", regex)  # DRF's format suffix: a format it renders
    parsed = sre_parse.parse(regex)
    return _example(parsed)


def _segment(pattern) -> str:
    if isinstance(pattern, RoutePattern):
        route = str(pattern._route)
        return re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE_BY_CONVERTER.get(m.group(1) or "str", "x"), route)
    if isinstance(pattern, RegexPattern):
        return _regex_example(pattern._regex)
    raise TypeError(f"Unknown pattern type {type(pattern)}")


def all_routes(resolver=None, prefix: str = "/", namespace: str = "") -> list[Route]:
    resolver = resolver or get_resolver()
    routes = []
    for entry in resolver.url_patterns:
        segment = _segment(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            routes.extend(all_routes(entry, prefix + segment, ns))
        elif isinstance(entry, URLPattern):
            routes.append(Route(prefix + segment, f"{namespace}{entry.name or ''}", entry.callback))
    return routes
