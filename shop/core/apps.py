from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Site-wide pieces shared by Oscar's and Wagtail's pages: text helpers, template tags."""

    name = "shop.core"
    label = "core"

    def ready(self):
        from PIL import Image

        from shop.core.uploads import MAX_IMAGE_PIXELS

        # Pillow refuses to open an image of more than twice this many pixels (DecompressionBombError)
        # and warns above it: every decoder in the process — Django's and Wagtail's image fields,
        # thumbnails, our upload checks — refuses a picture beyond our limit before decoding it.
        Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS // 2
