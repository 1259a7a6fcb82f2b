"""Every transition of the OCOP review workflow, every refusal, the log and the notifications."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.ocop import review_version, workflow
from catalogue.programme.review import ReviewStatus
from tests import factories

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")
ReviewLogEntry = get_model("catalogue", "ReviewLogEntry")
Partner = get_model("partner", "Partner")

ALL_STATES = [choice for choice, _label in ReviewStatus.choices]


@pytest.fixture
def reviewer(db):
    user = get_user_model().objects.create_user(
        email="duyet@ocop.example.vn", password="x-2026-review", last_name="Đỗ Văn", first_name="Duyệt"
    )
    user.is_staff = True
    user.save()
    user.user_permissions.add(Permission.objects.get(codename="review_ocop_product"))
    user.officer_provinces.create(province_code=factories.LAO_CAI)  # the demo producer's office
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


@pytest.fixture
def product(producer_user):
    """A draft product of ``producer_user``'s producer with a valid certificate (3★), not yet reviewed."""
    producer = producer_user.partners.get()
    return factories.product(producer, stars=3, on_sale=False, certificate_fields={"number": "55/QĐ-UBND"})


def _set_state(product, state):
    Product.objects.filter(pk=product.pk).update(review_status=state, is_public=state == ReviewStatus.APPROVED)
    return Product.objects.get(pk=product.pk)


def _log(product):
    return list(ReviewLogEntry.objects.filter(product=product).order_by("id"))


def _seen(product):
    """The version a reviewer's page would carry, taken now."""
    return review_version.token(Product.objects.get(pk=product.pk))


def test_producer_submits_its_product(product, producer_user):
    before = len(_log(product))
    product = workflow.submit(product, producer_user)
    assert product.review_status == ReviewStatus.SUBMITTED and not product.is_public
    assert product.submitted_at is not None
    entry = _log(product)[-1]
    assert len(_log(product)) == before + 1
    assert (entry.action, entry.from_status, entry.to_status) == ("submit", "draft", "submitted")
    assert entry.actor == producer_user and entry.on_behalf_of is None


def test_assistant_submitting_for_a_producer_is_recorded_with_both_names(product, staff_user, producer_user):
    producer = producer_user.partners.get()
    producer.assistants.add(staff_user)
    workflow.submit(product, staff_user)
    entry = _log(product)[-1]
    assert entry.actor == staff_user
    assert entry.on_behalf_of == producer


def test_staff_not_named_for_the_producer_cannot_act_for_it(product, staff_user):
    with pytest.raises(workflow.TransitionRefused):
        workflow.submit(product, staff_user)
    assert Product.objects.get(pk=product.pk).review_status == ReviewStatus.DRAFT


def test_customer_cannot_submit_someone_elses_product(product, customer):
    with pytest.raises(workflow.TransitionRefused):
        workflow.submit(product, customer)
    assert Product.objects.get(pk=product.pk).review_status == ReviewStatus.DRAFT


def test_submission_needs_a_certificate(product, producer_user):
    product.ocop_certificates.all().delete()
    with pytest.raises(workflow.TransitionRefused, match="giấy chứng nhận"):
        workflow.submit(product, producer_user)


def test_reviewer_approves_publishes_and_notifies_in_vietnamese(
    product, producer_user, reviewer, django_capture_on_commit_callbacks
):
    product = workflow.submit(product, producer_user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        product = workflow.approve(product, reviewer, "Hồ sơ đầy đủ.", seen=_seen(product))
    assert product.review_status == ReviewStatus.APPROVED and product.is_public
    assert product.ocop_certificates.get().review == OcopCertificate.Review.APPROVED
    assert product.ocop_stars == 3
    producer = producer_user.partners.get()
    recipients = {address for message in mail.outbox for address in message.to}
    assert {producer.email, producer_user.email} <= recipients
    message = mail.outbox[0]
    assert product.title in message.subject
    assert "Đã được duyệt và mở bán" in message.body and "Hồ sơ đầy đủ." in message.body
    assert producer_user.notifications.filter(subject=message.subject).exists()


@pytest.mark.parametrize("action", ["approve", "request_changes", "reject", "suspend", "reinstate"])
def test_producer_cannot_run_reviewer_actions(product, producer_user, action):
    source = next(iter(workflow.TRANSITIONS[action].sources))
    product = _set_state(product, source)
    with pytest.raises(workflow.TransitionRefused):
        workflow.transition(product, action, producer_user, "lý do")
    after = Product.objects.get(pk=product.pk)
    assert after.review_status == source


def test_reviewer_cannot_approve_products_of_a_producer_they_belong_to(product, producer_user, reviewer):
    workflow.submit(product, producer_user)
    producer_user.partners.get().users.add(reviewer)
    with pytest.raises(workflow.TransitionRefused, match="thành viên"):
        workflow.approve(product, reviewer, seen=_seen(product))
    assert Product.objects.get(pk=product.pk).review_status == ReviewStatus.SUBMITTED


def test_unverified_producer_cannot_be_published(product, producer_user, reviewer):
    workflow.submit(product, producer_user)
    Partner.objects.filter(users=producer_user).update(verification_status=Partner.Verification.PENDING)
    with pytest.raises(workflow.TransitionRefused, match="chưa được xác minh"):
        workflow.approve(product, reviewer, seen=_seen(product))
    assert not Product.objects.get(pk=product.pk).is_public


@pytest.mark.parametrize(
    "action, source, target",
    [(t.action, source, t.target) for t in workflow.TRANSITIONS.values() for source in sorted(t.sources)],
)
def test_every_allowed_transition(product, producer_user, reviewer, action, source, target):
    product = _set_state(product, source)
    if action == "reinstate":  # back on sale on its approved certificate
        product.ocop_certificates.update(review=OcopCertificate.Review.APPROVED)
    by_reviewer = workflow.TRANSITIONS[action].by_reviewer
    actor = reviewer if by_reviewer else producer_user
    product = workflow.transition(
        product, action, actor, "Lý do kiểm thử", seen=_seen(product) if by_reviewer else None
    )
    assert product.review_status == target
    assert product.is_public == (target == ReviewStatus.APPROVED)
    entry = _log(product)[-1]
    assert (entry.action, entry.from_status, entry.to_status, entry.actor) == (action, source, target, actor)


@pytest.mark.parametrize(
    "action, source",
    [(t.action, state) for t in workflow.TRANSITIONS.values() for state in ALL_STATES if state not in t.sources],
)
def test_every_refused_transition_changes_nothing(product, producer_user, reviewer, action, source):
    product = _set_state(product, source)
    actor = reviewer if workflow.TRANSITIONS[action].by_reviewer else producer_user
    log_size = len(_log(product))
    with pytest.raises(workflow.TransitionRefused):
        workflow.transition(
            product,
            action,
            actor,
            "Lý do kiểm thử",
            seen=_seen(product) if workflow.TRANSITIONS[action].by_reviewer else None,
        )
    after = Product.objects.get(pk=product.pk)
    assert (after.review_status, after.is_public) == (source, source == ReviewStatus.APPROVED)
    assert len(_log(product)) == log_size


@pytest.mark.parametrize("action", ["request_changes", "reject", "suspend"])
def test_decisions_against_the_producer_need_a_reason(product, reviewer, action):
    source = next(iter(workflow.TRANSITIONS[action].sources))
    product = _set_state(product, source)
    with pytest.raises(workflow.TransitionRefused, match="lý do"):
        workflow.transition(product, action, reviewer, "   ")


def test_revoking_keeps_product_on_sale_without_the_mark_when_decided(product, reviewer):
    product = _set_state(product, ReviewStatus.APPROVED)
    OcopCertificate.objects.filter(product=product).update(review=OcopCertificate.Review.APPROVED)
    certificate = product.ocop_certificates.get()
    workflow.revoke_certificate(
        certificate,
        reviewer,
        "Không đánh giá lại.",
        keep_on_sale_until=datetime.date.today() + datetime.timedelta(days=90),
    )
    product = Product.objects.get(pk=product.pk)
    assert product.is_public and product.ocop_stars is None
    assert product.ocop_certificates.get().status == OcopCertificate.Status.REVOKED
    assert "vẫn bán" in _log(product)[-1].reason


def test_revoking_and_stopping_sale_suspends_the_product(product, reviewer):
    product = _set_state(product, ReviewStatus.APPROVED)
    workflow.revoke_certificate(product.ocop_certificates.get(), reviewer, "Vi phạm.", keep_on_sale_until=None)
    product = Product.objects.get(pk=product.pk)
    assert product.review_status == ReviewStatus.SUSPENDED and not product.is_public


def test_producer_cannot_revoke_or_approve_certificates(product, producer_user):
    certificate = product.ocop_certificates.get()
    with pytest.raises(workflow.TransitionRefused):
        workflow.revoke_certificate(
            certificate, producer_user, "x", keep_on_sale_until=datetime.date.today() + datetime.timedelta(days=90)
        )
    with pytest.raises(workflow.TransitionRefused):
        workflow.approve_certificate(certificate, producer_user)
    assert OcopCertificate.objects.get(pk=certificate.pk).review == OcopCertificate.Review.PENDING


def test_recertification_goes_back_through_review(product, producer_user, reviewer):
    product = workflow.submit(product, producer_user)
    product = workflow.approve(product, reviewer, seen=_seen(product))
    old = product.ocop_certificates.get()
    new = OcopCertificate.objects.create(
        product=product,
        star_rating=4,
        score=75,
        decision_number="77/QĐ-UBND",
        decision_date=timezone.localdate() - datetime.timedelta(days=5),
        issuer="UBND tỉnh Lào Cai",
        issuer_level="province",
    )
    product = Product.objects.get(pk=product.pk)
    assert product.current_certificate() == old  # the new one waits for review
    workflow.approve_certificate(new, reviewer, seen=_seen(product))
    product = Product.objects.get(pk=product.pk)
    assert product.current_certificate() == new and product.ocop_stars == 4
    assert _log(product)[-1].action == "approve_certificate"


def test_review_log_is_append_only(product, producer_user):
    workflow.submit(product, producer_user)
    entry = _log(product)[-1]
    entry.reason = "sửa lại"
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()
