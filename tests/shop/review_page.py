"""The reviewer's page as a browser uses it: decisions are posted with the version the page showed."""

from bs4 import BeautifulSoup
from django.urls import reverse


def review_url(product):
    return reverse("dashboard:ocop-review-detail", kwargs={"pk": product.pk})


def seen_token(client, product):
    """The version of the product the review page carries in its decision forms (opened now)."""
    response = client.get(review_url(product))
    assert response.status_code == 200
    field = BeautifulSoup(response.content.decode(), "html.parser").select_one("form.review-action input[name=seen]")
    assert field is not None and field["value"], "the review page's forms carry the version shown"
    return field["value"]


def decide(client, product, data, seen=None):
    """Post a decision from the review page: opened now unless ``seen`` (an earlier page's version)."""
    return client.post(review_url(product), {**data, "seen": seen or seen_token(client, product)})
