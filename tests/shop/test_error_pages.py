"""Pages for what went wrong, in the visitor's language and our layout: an unknown address (404) and a crash (500).
Django's own are one English line ("Not Found", "Server Error (500)")."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "says", "not_said"),
    [
        ("/khong-co-trang-nay/", "Không tìm thấy trang", "Page not found"),
        ("/en/no-such-page/", "Page not found", "Không tìm thấy trang"),
        ("/catalogue/khong-co_999999/", "Không tìm thấy trang", "No Product matches"),
    ],
)
def test_an_unknown_address_gets_our_404_page_in_its_language_with_a_way_on(client, url, says, not_said):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 404
    assert says in html and not_said not in html
    assert 'id="not_found"' in html and 'name="q"' in html  # a search box, the catalogue and the home page
    # The address asked for is not echoed (a product not for sale keeps its slug unknown): no canonical or
    # alternate links, and the language switch leads home.
    assert url.strip("/").split("/")[-1] not in html and 'rel="canonical"' not in html


@pytest.mark.parametrize(("language", "says"), [("vi", "Sàn đang gặp sự cố"), ("en", "Something went wrong")])
def test_a_crash_gets_our_500_page_which_needs_no_context(language, says):
    with translation.override(language):
        response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert says in html and f'lang="{language}"' in html and "base.min" in html
