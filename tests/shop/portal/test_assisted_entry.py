"""Assisted entry: administrators name an account that may act for one producer; its actions carry
both names. The producer switcher only switches to producers the account may manage."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue.ocop import workflow
from catalogue.programme.review import ReviewStatus
from cms.demo import loader
from tests import factories

pytestmark = pytest.mark.django_db
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
AssistedEntryGrant = get_model("partner", "AssistedEntryGrant")
User = get_user_model()
ASSISTANTS_URL = reverse("dashboard:ocop-assistants")
SWITCH_URL = reverse("dashboard:portal-switch")
TEAM_URL = reverse("dashboard:portal-team")


@pytest.fixture
def draft(db):
    """A draft with its certificate, of a new verified producer (A); B is the portal tests' other producer."""
    product = factories.product(on_sale=False)
    assert product.review_status == ReviewStatus.DRAFT
    return product


@pytest.fixture
def producer_a(draft):
    return draft.producer


@pytest.fixture
def agent(db):
    return User.objects.create_user(
        email="vhx.xa@example.vn", password="Mat-khau-2026", last_name="Sùng A", first_name="Chư"
    )


def grant(client, staff_user, email, producer, note="Cán bộ văn hoá xã"):
    client.force_login(staff_user)
    return client.post(ASSISTANTS_URL, {"email": email, "producer": producer.pk, "note": note})


def test_only_administrators_who_change_producers_manage_grants(client, producer_user, agent, producer_a):
    reviewer = User.objects.get(email=loader.REVIEWER_EMAIL)  # staff, reviews products, does not manage producers
    for user in (producer_user, reviewer):
        client.force_login(user)
        assert client.get(ASSISTANTS_URL).status_code == 403
        assert client.post(ASSISTANTS_URL, {"email": agent.email, "producer": producer_a.pk}).status_code == 403
    assert not AssistedEntryGrant.objects.filter(user=agent).exists()


def test_granting_needs_an_existing_account(client, staff_user, producer_a):
    response = grant(client, staff_user, "chua.co@example.vn", producer_a)
    assert response.status_code == 400
    assert "Chưa có tài khoản nào với email chua.co@example.vn" in response.content.decode()
    assert not AssistedEntryGrant.objects.filter(user__email="chua.co@example.vn").exists()


def test_an_assistant_works_for_the_named_producer_only_and_is_recorded(
    client, staff_user, agent, draft, producer_a, producer_b, django_assert_max_num_queries
):
    response = grant(client, staff_user, agent.email.upper(), producer_a)
    assert response.status_code == 302
    record = AssistedEntryGrant.objects.get(user=agent)
    assert (record.partner, record.granted_by, record.note) == (producer_a, staff_user, "Cán bộ văn hoá xã")
    with django_assert_max_num_queries(20):
        listing = client.get(ASSISTANTS_URL)
    assert agent.email in listing.content.decode() and producer_a.name in listing.content.decode()
    assert User.objects.get(pk=agent.pk).has_perm("partner.dashboard_access")

    client.force_login(agent)
    page = client.get(TEAM_URL)
    assert page.status_code == 200 and page.context["portal_producer"] == producer_a
    assert 'id="acting_for"' in page.content.decode()  # "you act on behalf of …"
    assert client.post(SWITCH_URL, {"producer": producer_b.pk}).status_code == 404
    assert client.get(TEAM_URL).context["portal_producer"] == producer_a

    submitted = workflow.submit(draft, agent)
    assert submitted.review_status == ReviewStatus.SUBMITTED
    entry = submitted.review_log.first()
    assert (entry.actor, entry.on_behalf_of) == (agent, producer_a)
    draft_b = factories.product(producer_b, on_sale=False)  # one its own members could submit
    with pytest.raises(workflow.TransitionRefused):
        workflow.submit(draft_b, agent)
    assert Product.objects.get(pk=draft_b.pk).review_status == ReviewStatus.DRAFT


def test_revoking_a_grant_closes_the_portal(client, staff_user, agent, producer_a):
    grant(client, staff_user, agent.email, producer_a)
    record = AssistedEntryGrant.objects.get(user=agent)
    response = client.post(ASSISTANTS_URL, {"action": "revoke", "grant": record.pk})
    assert response.status_code == 302 and not AssistedEntryGrant.objects.filter(pk=record.pk).exists()
    assert not User.objects.get(pk=agent.pk).has_perm("partner.dashboard_access")
    client.force_login(agent)
    assert client.get(TEAM_URL).status_code == 403


def test_the_switcher_moves_between_managed_producers_and_refuses_others(client, producer_user, producer_b):
    mine = Partner.objects.get(director=producer_user)
    client.force_login(producer_user)
    page = client.get(TEAM_URL)
    assert 'id="portal_switcher"' not in page.content.decode()  # one producer: nothing to switch
    for foreign in (producer_b.pk, 999999, "abc"):
        assert client.post(SWITCH_URL, {"producer": foreign}).status_code == 404
    assert "portal_producer_id" not in client.session
    assert client.get(TEAM_URL).context["portal_producer"] == mine

    producer_b.users.add(producer_user)
    page = client.get(TEAM_URL)
    assert 'id="portal_switcher"' in page.content.decode()
    response = client.post(SWITCH_URL, {"producer": producer_b.pk, "next": TEAM_URL})
    assert response.status_code == 302 and response["Location"] == TEAM_URL
    assert client.session["portal_producer_id"] == producer_b.pk
    assert client.get(TEAM_URL).context["portal_producer"] == producer_b
    # An outside "next" is not followed.
    response = client.post(SWITCH_URL, {"producer": mine.pk, "next": "https://evil.example/"})
    assert response["Location"] == TEAM_URL


def test_the_demo_assistant_may_act_for_every_verified_demo_producer_only(client):
    assistant = User.objects.get(email=loader.ASSISTANT_EMAIL)
    client.force_login(assistant)
    for code in ("hkd-ly-thi-mai", "htx-que-bao-yen"):
        producer = Partner.objects.get(code=code)
        assert client.post(SWITCH_URL, {"producer": producer.pk}).status_code == 302
        assert client.get(TEAM_URL).context["portal_acting_for"] == producer
    # Its grant for the pending applicant opens nothing until the applicant is verified (finding 10).
    applicant = Partner.objects.get(code="hkd-nguyen-thi-hoa")
    assert client.post(SWITCH_URL, {"producer": applicant.pk}).status_code == 404
