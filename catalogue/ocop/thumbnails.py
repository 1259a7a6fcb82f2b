"""The thumbnails made ahead of the first visitor: which sizes (``THUMBNAILS``) and making them
(``warm_thumbnails``, called by the worker's ``tasks.make_thumbnails`` after an upload commits)."""

import logging
from collections.abc import Iterable

from oscar.core.thumbnails import get_thumbnailer

logger = logging.getLogger(__name__)

# Thumbnails made at upload: the portal's lists, the storefront cards, the gallery and the origin page
# (the same options as the templates' {% oscar_thumbnail %} tags, so they hit the same cache entries).
THUMBNAILS = (
    ("80x80", {"crop": "center"}),  # portal lists
    ("200x200", {"upscale": False}),  # storefront cards on phones (srcset): fitted whole, the seal is not cut
    ("400x400", {"upscale": False}),  # storefront cards
    ("360x330", {"upscale": False}),  # product page gallery (srcset: phones)
    ("720x660", {"upscale": False}),  # product page gallery (srcset: wider screens)
    ("65x55", {"crop": "center"}),  # gallery strip
    ("240x240", {"crop": "center", "upscale": False}),  # origin page
)


def warm_thumbnails(images: Iterable) -> list[tuple[int, str]]:
    """Make the thumbnails the portal and the storefront show, so the first visitor does not wait.

    Making one that exists already only looks it up. Returns the ``(image id, size)`` that failed (logged);
    each is made again on first view.
    """
    thumbnailer = get_thumbnailer()
    failed = []
    for image in images:
        for size, options in THUMBNAILS:
            try:
                thumbnailer.generate_thumbnail(image.original, size=size, **options)
            except Exception:
                logger.exception("Thumbnail %s of product image %s failed", size, image.pk)
                failed.append((image.pk, size))
    return failed
