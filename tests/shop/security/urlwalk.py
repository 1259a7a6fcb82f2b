"""Every URL pattern of the project as a concrete path (a resolver walk), for the sweeps."""

import re
from dataclasses import dataclass

from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

# Values tried for each path parameter, first match wins.
SAMPLES = ["1", "abc", "abc-1", "", "a/", "00000000-0000-0000-0000-000000000001", "1/2", "x.png", "a/b"]


@dataclass
class Endpoint:
    name: str  # "namespace:name", or the route when the pattern has no name
    route: str
    path: str | None  # None when no sample fits the pattern
    callback: object


def _generate(items):
    """A short string matching parsed regex items (re._parser), preferring digits: "1", "a", ..."""
    out = ""
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            out += chr(arg)
        elif name == "NOT_LITERAL":
            out += "a" if chr(arg) != "a" else "b"
        elif name == "ANY":
            out += "a"
        elif name == "IN":
            out += _generate_in(arg)
        elif name == "SUBPATTERN":
            out += _generate(arg[-1])
        elif name == "BRANCH":
            out += _generate(arg[1][0])
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _high, body = arg
            out += _generate(body) * max(low, 1)
        elif name in ("AT", "ASSERT", "ASSERT_NOT", "GROUPREF"):
            continue
        else:
            raise ValueError(f"cannot generate {name}")
    return out


def _generate_in(choices):
    for op, arg in choices:
        name = str(op)
        if name == "LITERAL":
            return chr(arg)
        if name == "RANGE":
            return chr(arg[0])
        if name == "CATEGORY":
            return {"CATEGORY_DIGIT": "1", "CATEGORY_WORD": "a", "CATEGORY_SPACE": " "}.get(str(arg), "a")
        if name == "NEGATE":
            return "a"
    return "a"


def _sample_regex(regex):
    try:
        return _generate(re._parser.parse(regex))
    except ValueError:
        return None


def _sample_route(pattern):
    route = pattern._route
    for match in re.finditer(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>", route):
        converter = pattern.converters[match.group("name")]
        value = next((s for s in SAMPLES if re.fullmatch(converter.regex, s)), None)
        if value is None:
            return None
        route = route.replace(match.group(0), value, 1)
    return route


def _sample(pattern):
    if isinstance(pattern, LocalePrefixPattern):
        return pattern.language_prefix
    if isinstance(pattern, RoutePattern):
        return _sample_route(pattern)
    if isinstance(pattern, RegexPattern):
        return _sample_regex(pattern._regex)
    return None


def endpoints():
    def walk(patterns, path, route, namespace):
        for entry in patterns:
            piece = _sample(entry.pattern)
            sub_path = None if path is None or piece is None else path + piece
            sub_route = route + str(entry.pattern)
            if isinstance(entry, URLResolver):
                ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                yield from walk(entry.url_patterns, sub_path, sub_route, ns)
            elif isinstance(entry, URLPattern):
                name = f"{namespace}{entry.name}" if entry.name else sub_route
                yield Endpoint(name, sub_route, sub_path, entry.callback)

    for endpoint in walk(get_resolver().url_patterns, "/", "", ""):
        if endpoint.path is not None:
            try:
                if resolve(endpoint.path).func is not endpoint.callback:
                    endpoint.path = None  # shadowed by an earlier pattern with these samples
            except Resolver404:
                endpoint.path = None
        yield endpoint
