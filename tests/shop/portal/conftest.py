"""Two producers for the portal tests: A (the demo household of ``producer_user``) and B (a new verified
producer built for the test, tests/factories.py, with one product on sale), directed by ``user_b``."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from oscar.core.loading import get_model

from tests import factories

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")


def portal_user(producer, email, *, director=False):
    """A new account that works for ``producer`` in the portal."""
    user = get_user_model().objects.create_user(
        email=email, password="mat-khau-2026", last_name="Giàng A", first_name="Páo"
    )
    user.user_permissions.add(Permission.objects.get(codename="dashboard_access", content_type__app_label="partner"))
    producer.users.add(user)
    if director:
        Partner.objects.filter(pk=producer.pk).update(director=user)
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


@pytest.fixture
def producer_b(db):
    """Producer B: a new verified tea cooperative selling one product (``product_b``)."""
    made = factories.producer("Hợp tác xã Chè Thử Nghiệm B")
    factories.product(made, title="Chè Shan tuyết thử nghiệm B hộp 200g", price=437_000, stock=40)
    return made


@pytest.fixture
def product_b(producer_b):
    """B's product, on sale."""
    return Product.objects.get(stockrecords__partner=producer_b)


@pytest.fixture
def user_b(producer_b):
    """B's director, who can use the portal."""
    return get_user_model().objects.get(pk=producer_b.director_id)
