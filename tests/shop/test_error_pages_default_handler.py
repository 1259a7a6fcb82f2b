"""The 404 template echoes nothing of the address even when Django's own handler renders it (a URLconf without
``handler404``, as some tests install): the fresh-clone run caught the slug of a product not for sale in the
canonical and alternate links of such a page."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.views.defaults import page_not_found

pytestmark = pytest.mark.django_db


def test_djangos_own_404_handler_renders_our_page_without_the_address():
    request = RequestFactory().get("/catalogue/mat-ong-khong-ban_4242/")
    request.user = AnonymousUser()
    html = page_not_found(request, exception=None).content.decode()
    assert "Không tìm thấy trang" in html
    assert "mat-ong-khong-ban" not in html and 'rel="canonical"' not in html
