"""A deleted product image's file goes only when the deletion commits."""

import pytest
from django.core.files.base import ContentFile
from oscar.core.loading import get_model

from cms.demo import images

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")


def test_image_file_stays_if_the_deletion_rolls_back_and_goes_when_it_commits(django_capture_on_commit_callbacks):
    product = Product.objects.get(upc="LC-030")
    picture = images.product_image(product.title, "honey")
    image = ProductImage.objects.create(
        product=product, display_order=9, original=ContentFile(picture, name="anh-thu-nghiem.jpg")
    )
    storage, name = image.original.storage, image.original.name
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image.delete()
    assert storage.exists(name), "nothing deleted before commit (a rollback would bring the row back)"

    for callback in callbacks:  # the commit
        callback()
    assert not storage.exists(name)
