"""The home page's sections, gathered once per content version.

Every visitor sees the same blocks, so what they show is worked out once per content version, language and
day (``shop.core.fragments``) and kept in the shared cache: the HTML of the blocks without a form (hero,
text, category tiles, producers, campaign banner) and, for the blocks that show product cards, the products
themselves — chosen by ``catalogue.listing`` (``product_cards``) for all shelves in one query with one set of
prefetches. The shelves themselves are not kept as HTML, because a card holds the add-to-basket form: the
cards are drawn by ``{% product_card %}`` (``catalogue/templatetags/product_cards.py``), which keeps each card
per content version and puts in this visitor's CSRF token. Announcing a change
(``shop.core.changes``) replaces the content version, so a product taken off sale or a page published shows
on the next request.
"""

from django.utils.safestring import mark_safe

from catalogue.listing import product_cards
from shop.core import fragments


def sections(page, request):
    """The page's sections in order, each a dict: ``html`` (a block without a form, rendered), or
    ``template`` and ``context`` with the ``products`` to render as cards for this visitor."""
    if getattr(request, "is_preview", False):  # a draft in the editor: never the published page's copy
        return _sections(page, request)
    return fragments.remember("home-sections", lambda: _sections(page, request), page.pk, request.get_host())


def _sections(page, request):
    gathered, wanted = [], []
    for index, block in enumerate(page.body):
        item = {"type": block.block_type}
        shelf = getattr(block.block, "shelf", None)
        if shelf is None:
            context = {"request": request, "page": page, "forloop": {"first": index == 0, "counter": index + 1}}
            item["html"] = mark_safe(block.render(context=context))
        else:
            # A shelf filled by a rule skips what an earlier shelf shows (an editor's own choice is kept as chosen).
            context, product_ids = shelf(block.value, request, shown=set(wanted))
            if context is None:  # nothing to show (a producer no longer published)
                item["html"] = ""
                gathered.append(item)
                continue
            item.update(template=block.block.meta.template, context=context, product_ids=product_ids)
            wanted.extend(product_ids)
        gathered.append(item)
    products = {product.pk: product for product in product_cards().filter(pk__in=set(wanted))}
    for item in gathered:
        if "product_ids" in item:
            item["context"]["products"] = [products[pk] for pk in item.pop("product_ids") if pk in products]
    return gathered
