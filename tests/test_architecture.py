"""Dependencies run one way (issue 18): the import graph of our packages, read from the source.

Every ``import``/``from … import`` anywhere in a module counts, lazy ones inside functions too, and so do
``oscar.core.loading.get_class``/``get_classes`` strings that name one of our modules. ``get_model`` is not
followed: a model relation (``Payment.order``) is data, not a code dependency — and for the same reason imports
under ``if TYPE_CHECKING:`` (the models named in type hints) are not either: they never run. Migrations and tests
are left out. The checks:

- no import cycle between modules, anywhere;
- no cycle between packages. A package is a directory, with two refinements: ``shop.core`` is a toolbox of
  independent modules, each its own node; and a package's entry points — its pages and wiring (``views``,
  ``urls``, ``admin``, ``apps``, signal receivers, Wagtail hooks, template tags, management commands) — form a
  node of their own above its services and models, as in every Django project: ``catalogue.views`` shows a
  product to its producer's people (``shop.partner.access``) while Oscar's pricing strategy in ``shop.partner``
  reads the catalogue's rule of what is for sale;
- a short table of forbidden directions, and who may import the dashboards and the CMS.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("shop", "catalogue", "payments", "cms")
LOADERS = ("get_class", "get_classes")


def _modules():
    """{dotted module name: path} of every project module (packages by their ``__init__``)."""
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "migrations" in parts or "tests" in parts:
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _is_package(module):
    return MODULES[module].name == "__init__.py"


def _resolve(name):
    """The project module ``name`` means (itself or its nearest enclosing module), or None if not ours."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _loaded(dotted):
    """The module a ``get_class("order.utils", …)`` string loads when it is one of our forks."""
    for candidate in (f"shop.{dotted}", dotted):
        if candidate in MODULES:
            return candidate
    return None


def imports_of(module):
    """The project modules ``module`` imports, anywhere in its text."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    package = module if _is_package(module) else module.rpartition(".")[0]
    targets = set()
    for node in ast.walk(_without_type_checking_blocks(tree)):
        if isinstance(node, ast.Import):
            targets.update(_resolve(alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:  # ``from shop.order import fulfilment`` imports the module
                targets.add(_resolve(f"{base}.{alias.name}") if base else _resolve(alias.name))
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and getattr(node.func, "id", getattr(node.func, "attr", None)) in LOADERS
        ):
            targets.add(_loaded(node.args[0].value))
    targets.discard(None)
    targets.discard(module)
    return targets


def _without_type_checking_blocks(tree):
    """The tree without the bodies of ``if TYPE_CHECKING:`` (type-only imports)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", None)) == "TYPE_CHECKING":
            node.body = []
    return tree


GRAPH = {module: imports_of(module) for module in MODULES}


def package_of(module):
    """The package directory a module lives in (``shop.order.access`` → ``shop.order``)."""
    return module if _is_package(module) else module.rpartition(".")[0]


# A package's pages and wiring: the modules (or sub-packages) Django, Oscar and Wagtail call into.
ENTRY_POINTS = {
    "views",
    "urls",
    "admin",
    "apps",
    "receivers",
    "signal_handlers",
    "wagtail_hooks",
    "templatetags",
    "management",
    "context_processors",
    "middleware",
}


def node_of(module):
    """The node of the package graph: the package directory; ``<package>:entry`` for its entry points; each
    module of ``shop.core`` on its own (text, phones, money, page cache, the change announcements…)."""
    parts = module.split(".")
    for depth, part in enumerate(parts[1:], start=1):
        if part in ENTRY_POINTS:
            return ".".join(parts[:depth]) + ":entry"
    package = package_of(module)
    return module if package == "shop.core" else package


def _within(module, prefix):
    return module == prefix or module.startswith(prefix + ".")


# Forbidden directions: (importer prefix, imported prefix, importers allowed all the same, why).
FORBIDDEN = [
    (
        "payments",
        "shop.order",
        set(),
        "payments sits below orders: the order side calls payments. What both need "
        "is in shop.core (order_statuses, buyer_session)",
    ),
    ("payments", "shop.checkout", set(), "checkout calls payments, never the reverse"),
    ("payments", "shop.dashboard", set(), "dashboards sit on top; the payment dashboard lives under shop.dashboard"),
    (
        "catalogue",
        "shop.search",
        set(),
        "the catalogue (its models first) knows nothing of search: its services "
        "announce changes through shop.core.changes",
    ),
    (
        "shop.search",
        "shop.core.changes",
        {"shop.search.apps"},
        "search is told of changes (it subscribes in its app's ready()); it never announces them",
    ),
    ("shop.core.page_cache", "shop.core.changes", set(), "the page cache is told of changes too (shop.core.apps)"),
]
# Who may import dashboards: dashboards themselves, and URL/settings wiring.
DASHBOARD_IMPORTERS = ("shop.dashboard", "shop.urls", "shop.settings", "payments.urls")
# Who may import cms (Wagtail pages and blocks): cms itself, URL/settings wiring, and the two that publish
# its pages: the content search (indexes live pages) and the SEO module (sitemap and page metadata).
CMS_IMPORTERS = ("cms", "shop.urls", "shop.settings", "shop.search.pages", "shop.core.seo")


def _violations(importer_prefix, imported_prefix, allowed_importers=()):
    return sorted(
        f"{module} → {target}"
        for module, targets in GRAPH.items()
        if _within(module, importer_prefix) and module not in allowed_importers
        for target in targets
        if _within(target, imported_prefix)
    )


def test_forbidden_directions():
    found = []
    for importer, imported, allowed, why in FORBIDDEN:
        found += [f"{edge}  ({why})" for edge in _violations(importer, imported, allowed)]
    assert not found, "Imports against the direction of dependencies:\n" + "\n".join(found)


# The modules everything builds on, and the only project modules each may import.
LEAVES = {
    "catalogue.programme": {"shop.core.text"},  # the OCOP rule book: plain Python (slugs of scan names)
    "shop.core.changes": set(),  # the announcements import none of their listeners
    "shop.core.order_statuses": set(),  # order status codes (the settings read them)
    "shop.core.buyer_session": set(),  # which orders this browser bought: orders and payments both ask
}


def test_the_leaves_stay_leaves():
    found = sorted(
        f"{module} → {target}"
        for leaf, allowed in LEAVES.items()
        for module, targets in GRAPH.items()
        if _within(module, leaf)
        for target in targets
        if not _within(target, leaf) and target not in allowed
    )
    assert not found, "A module everything builds on imports the project:\n" + "\n".join(found)


def test_only_dashboards_and_wiring_import_dashboards():
    found = sorted(
        f"{module} → {target}"
        for module, targets in GRAPH.items()
        if not any(_within(module, p) for p in DASHBOARD_IMPORTERS)
        for target in targets
        if _within(target, "shop.dashboard")
    )
    assert not found, "Dashboards are the top layer; nothing else imports them:\n" + "\n".join(found)


def test_only_cms_and_wiring_import_cms():
    found = sorted(
        f"{module} → {target}"
        for module, targets in GRAPH.items()
        if not any(_within(module, p) for p in CMS_IMPORTERS)
        for target in targets
        if _within(target, "cms")
    )
    assert not found, "The CMS sits on top of the shop; nothing else imports it:\n" + "\n".join(found)


def package_graph():
    edges = {}
    for module, targets in GRAPH.items():
        source = node_of(module)
        edges.setdefault(source, set()).update(node_of(t) for t in targets if node_of(t) != source)
    return edges


def cycle_edges():
    """{(importer node, imported node): the module imports behind it} for every edge on a cycle."""
    edges = package_graph()
    on_cycle = {}
    for group in cycles(edges):
        for module, targets in GRAPH.items():
            for target in targets:
                edge = (node_of(module), node_of(target))
                if edge[0] in group and edge[1] in group and edge[0] != edge[1]:
                    on_cycle.setdefault(edge, []).append(f"{module} → {target}")
    return on_cycle


def cycles(edges):
    """The strongly connected groups of more than one package (Tarjan)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(frozenset(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return set(groups)


def test_no_import_cycle_between_packages():
    found = cycle_edges()
    assert not found, (
        "Imports closing a cycle between packages (invert them, or pass what is needed in):\n"
        + "\n".join(f"{a} → {b}: {', '.join(sorted(imports))}" for (a, b), imports in sorted(found.items()))
    )


def test_no_import_cycle_between_modules():
    found = cycles(GRAPH)
    assert not found, "Modules importing each other, directly or round a loop:\n" + "\n".join(
        ", ".join(sorted(group)) for group in sorted(found, key=sorted)
    )


def test_the_graph_is_read_from_the_source():
    """The checks above can fail: the graph holds the imports the project is known to make."""
    assert "catalogue.listing" in GRAPH["shop.search.documents"]
    assert "shop.core.changes" in GRAPH["shop.order.fulfilment"]  # a lazy import inside a function counts
    assert node_of("catalogue.views") == "catalogue:entry" and node_of("catalogue.listing") == "catalogue"
    assert node_of("shop.search.management.commands.search_index") == "shop.search:entry"
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == {frozenset("abc")}
