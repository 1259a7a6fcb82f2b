"""Announcing that something the storefront shows changed: the one door domain code calls.

Announcers — the catalogue's services, orders, partner verification, the CMS — call ``product_changed``,
``producer_changed``, ``page_changed`` or ``content_changed`` here, explicitly. Whoever keeps a copy of what
was shown subscribes once, at start-up, by one explicit call in its app's ``ready()``: the search index
(``shop.search.listeners``, subscribed in ``shop.search.apps``) and the storefront's page cache
(``shop.core.page_cache``, subscribed in ``shop.core.apps``). This module imports neither, and announcers and listeners never import each other:
the dependencies run from both sides into this neutral module (tests/test_architecture.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from oscar.core.loading import get_model

if TYPE_CHECKING:
    from shop.partner.models import Partner

Product = get_model("catalogue", "Product")


@dataclass(frozen=True)
class Listener:
    """What one keeper of copies does on each kind of change; a kind it does not keep copies of is None."""

    name: str
    # (product ids, whether the change shows on pages) — False for a sale that only moves popularity
    products: Callable[[tuple[int, ...], bool], None] | None = None
    # a CMS page was published, unpublished, moved or deleted
    pages: Callable[[int], None] | None = None
    # something else the pages show changed (a site setting, a moderated review)
    content: Callable[[], None] | None = None


_listeners: dict[str, Listener] = {}


def subscribe(listener: Listener) -> None:
    """Called from an app's ``ready()``; subscribing again under the same name replaces the listener."""
    _listeners[listener.name] = listener


def listeners() -> list[Listener]:
    return list(_listeners.values())


def product_changed(*product_ids: int, pages: bool = True) -> None:
    """These products changed: the search documents follow once the caller's transaction commits, and the
    storefront's cached pages are dropped — unless the caller says the change shows on no page
    (``pages=False``, e.g. a sale that only moves popularity)."""
    if not product_ids:
        return
    for listener in listeners():
        if listener.products:
            listener.products(product_ids, pages)


def producer_changed(producer: Partner) -> None:
    """The producer's name, place or verification changed: its story page and all its products follow."""
    content_changed()  # its story page shows it even when it has no product yet
    product_ids = Product.objects.filter(stockrecords__partner=producer).values_list("pk", flat=True)
    product_changed(*product_ids)


def page_changed(page_id: int) -> None:
    """A CMS page was published, unpublished, moved or deleted."""
    for listener in listeners():
        if listener.pages:
            listener.pages(page_id)


def content_changed() -> None:
    """Something else the storefront's pages show changed (a site setting, a review's moderation)."""
    for listener in listeners():
        if listener.content:
            listener.content()
