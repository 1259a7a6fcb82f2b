"""Two producers for the portal tests: A (the demo household of ``producer_user``) and B (the
producer selling LC-005), with a portal user of B's who directs it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from oscar.core.loading import get_model

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
    return Product.objects.get(upc="LC-005").producer


@pytest.fixture
def user_b(producer_b):
    return portal_user(producer_b, "htx-che@example.vn", director=True)
