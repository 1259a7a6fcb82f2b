"""Dependencies run one way (issue 18): the import graph of our packages, read from the source.

Every ``import``/``from … import`` anywhere in a module counts, lazy ones inside functions too, and so do
``oscar.core.loading.get_class``/``get_classes`` strings that name one of our modules. ``get_model`` is not
followed: a model relation (``Payment.order``) is data, not a code dependency — and for the same reason imports
under ``if TYPE_CHECKING:`` (the models named in type hints) are not either: they never run. Migrations and tests
are left out. Two checks: a short table of forbidden directions, and no cycle between package directories beyond the
few listed in ``ALLOWED_CYCLES`` — so a new one fails here.
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


def node_of(module):
    """The node of the package graph: the package directory, except that ``shop.core`` is a toolbox of
    independent modules (text, phones, money, page cache, the change announcements…), each its own node."""
    package = package_of(module)
    return module if package == "shop.core" else package


def _within(module, prefix):
    return module == prefix or module.startswith(prefix + ".")


# Forbidden directions: (importer prefix, imported prefix, exceptions on the imported side, why).
FORBIDDEN = [
    (
        "payments",
        "shop.order",
        {"shop.order.statuses", "shop.order.access"},
        "payments sits below orders: the order side calls payments. Allowed: the status codes (a leaf vocabulary "
        "that imports nothing of ours) and, for the payment pages, the rule who may see an order",
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
    ("shop.search", "shop.core.changes", set(), "search is told of changes; it never announces them"),
    ("shop.core.page_cache", "shop.core.changes", set(), "the page cache is told of changes too"),
]
# Who may import dashboards: dashboards themselves, and URL/settings wiring.
DASHBOARD_IMPORTERS = ("shop.dashboard", "shop.urls", "shop.settings", "payments.urls")
# Who may import cms (Wagtail pages and blocks): cms itself, URL/settings wiring, and the two that publish
# its pages: the content search (indexes live pages) and the SEO module (sitemap and page metadata).
CMS_IMPORTERS = ("cms", "shop.urls", "shop.settings", "shop.search.pages", "shop.core.seo")

# The package imports (importer node, imported node) that lie on a cycle between packages today, each with
# why. A new import that closes a cycle is not here and fails; once one is gone, take it off (the test says).
# Most go to a leaf the other side owns (order status codes, the partner access rule, ``catalogue.listing``).
ALLOWED_CYCLES = {
    # The Oscar catalogue fork and its OCOP services: models use the domain's vocabularies (rules, taxonomy,
    # scans), the services change the models.
    ("catalogue", "catalogue.ocop"): "catalogue.models → ocop.rules/scans/taxonomy; catalogue.tasks → ocop",
    ("catalogue.ocop", "catalogue"): "the OCOP services change catalogue.models",
    ("catalogue", "shop.order"): "catalogue.models → shop.order.statuses (codes only)",
    ("catalogue", "shop.partner"): "catalogue.views → shop.partner.access (producer preview)",
    ("catalogue", "shop.core.page_cache"): "catalogue.receivers drop cached pages on review moderation",
    ("catalogue.ocop", "shop.partner"): "the services check shop.partner.access and log shop.partner.activity",
    ("catalogue.ocop", "shop.core.changes"): "the services announce product changes",
    # The CMS shows products and is searched.
    ("cms", "catalogue"): "blocks and choosers list what is for sale (catalogue.listing)",
    ("cms", "catalogue.ocop"): "blocks and choosers use the OCOP rules and taxonomy",
    ("cms", "shop.core.page_cache"): "publishing drops cached pages",
    ("cms", "shop.search"): "cms.signal_handlers schedule a page's reindex (shop.search.pages)",
    ("shop.search", "cms"): "the content search indexes cms pages",
    # Payments and orders: the order side calls payments; payments reads the order status codes and, on its
    # pages, the rule who may see an order. Providers are registered in payments.models. Each provider's own
    # folder (payments.providers.<code>: gateway, pages, parsing) only sits on top of payments: no cycle.
    ("payments", "payments.providers"): "payments.models finds providers",
    ("payments.providers", "payments"): "providers move payments through payments.states",
    ("payments", "shop.order"): "shop.order.statuses and shop.order.access only (see FORBIDDEN)",
    ("shop.order", "payments"): "placing, cancelling and releasing orders call payments",
    # Orders, partners, customers and search all sit on the catalogue's rule of what is for sale.
    ("shop.order", "catalogue"): "order placement checks catalogue.listing",
    ("shop.order", "catalogue.ocop"): "fulfilment and stock shares send catalogue.ocop.notifications",
    ("shop.order", "shop.partner"): "shop.partner.access: producers act on their own lines",
    ("shop.order", "shop.core.changes"): "stock moved: products changed",
    ("shop.order", "shop.core.page_cache"): "a sold-out product drops cached pages",
    ("shop.partner", "catalogue"): "the strategy checks catalogue.listing; verification reaches products",
    ("shop.partner", "catalogue.ocop"): "verification and onboarding use the workflow and notifications",
    ("shop.partner", "shop.core.changes"): "verification announces producer changes",
    ("shop.partner", "shop.customer"): "onboarding and the partner pages create accounts (shop.customer.accounts)",
    ("shop.customer", "catalogue"): "history and product lists use catalogue.listing",
    ("shop.search", "catalogue"): "documents and results use catalogue.listing",
    ("shop.search", "catalogue.ocop"): "facets and results use the OCOP rules, taxonomy and display",
    ("shop.search", "shop.order"): "popularity counts lines not cancelled (shop.order.statuses)",
    # The two that keep copies of what is shown, told by shop.core.changes.
    ("shop.core.changes", "shop.search"): "the index follows announced changes",
    ("shop.core.changes", "shop.core.page_cache"): "cached pages are dropped on announced changes",
    ("shop.core.page_cache", "shop.customer"): "a cached product page still records the recently viewed product",
}


def _violations(importer_prefix, imported_prefix, allowed=()):
    return sorted(
        f"{module} → {target}"
        for module, targets in GRAPH.items()
        if _within(module, importer_prefix)
        for target in targets
        if _within(target, imported_prefix) and target not in allowed
    )


def test_forbidden_directions():
    found = []
    for importer, imported, allowed, why in FORBIDDEN:
        found += [f"{edge}  ({why})" for edge in _violations(importer, imported, allowed)]
    assert not found, "Imports against the direction of dependencies:\n" + "\n".join(found)


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


def test_the_exceptions_stay_leaves():
    """What payments may take from the order side must not drag the rest of it in."""
    assert GRAPH["shop.order.statuses"] == set()
    assert {package_of(m) for m in GRAPH["shop.order.access"]} <= {"shop.partner"}


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


def test_no_new_import_cycle_between_packages():
    new = {edge: imports for edge, imports in cycle_edges().items() if edge not in ALLOWED_CYCLES}
    assert not new, (
        "New imports closing a cycle between packages (invert them, or pass what is needed in):\n"
        + "\n".join(f"{a} → {b}: {', '.join(sorted(imports))}" for (a, b), imports in sorted(new.items()))
    )


def test_the_allowed_cycles_still_exist():
    """Once a listed import no longer closes a cycle, it comes off the list so it cannot come back."""
    gone = sorted(set(ALLOWED_CYCLES) - set(cycle_edges()))
    assert not gone, f"No longer on a cycle, remove from ALLOWED_CYCLES: {gone}"
