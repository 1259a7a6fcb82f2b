from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Site-wide pieces shared by Oscar's and Wagtail's pages: text helpers, template tags."""

    name = "shop.core"
    label = "core"

    def ready(self):
        from PIL import Image

        from shop.core import changes, checks, page_cache  # noqa: F401 — checks registers the deploy checks

        # Cached pages are dropped on announced changes.
        changes.subscribe(
            changes.Listener(
                name="page-cache",
                products=page_cache.products_changed,
                pages=page_cache.page_changed,
                content=page_cache.content_changed,
            )
        )

        from shop.core.uploads import MAX_IMAGE_PIXELS

        # Pillow refuses to open an image of more than twice this many pixels (DecompressionBombError)
        # and warns above it. Our upload checks and Wagtail's WAGTAILIMAGES_MAX_IMAGE_PIXELS refuse a
        # picture beyond MAX_IMAGE_PIXELS before decoding it, saying how large it is; Pillow's hard stop
        # is the backstop for every other decoder in the process (thumbnails, Django's image fields).
        Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
