import oscar.apps.wishlists.apps as apps


class WishlistsConfig(apps.WishlistsConfig):
    """Oscar's wishlists app (the page of a wish list shared by its key), forked so that it shows a product
    no longer for sale by a placeholder (``shop.customer.products``). Models unchanged."""

    name = "shop.wishlists"
