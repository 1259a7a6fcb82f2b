"""Every message goes through the outbox (shop.notifications, issue 18): queued with the change, in the
recipient's language, delivered after commit; a mail server that is down never answers 500 to the person
who acted, the message waits, is retried with backoff, and administrators see and resend what failed."""

import datetime
import logging
import smtplib

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from oscar.core.loading import get_class, get_model
from wagtail.models import Page

from catalogue.ocop import notifications
from catalogue.programme.review import ReviewStatus
from cms.demo import loader
from cms.models import ContactPage
from shop.notifications import delivery, outbox
from shop.notifications.models import OutboxMessage
from shop.producers import team
from tests.shop.checkout.journey import add_to_basket, buyable_products, place_order, reach_preview
from tests.shop.review_page import decide

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
Order = get_model("order", "Order")
User = get_user_model()
DOWN = "tests.shop.test_notifications.SmtpDownBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


class SmtpDownBackend(BaseEmailBackend):
    """A mail server that refuses every connection."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPConnectError(421, "mail server down")


@pytest.fixture
def smtp_down(settings):
    settings.OCOP_EMAIL_DELIVERY_BACKEND = DOWN
    return settings


def test_smtp_down_during_an_approval_the_message_waits_and_goes_out_later(
    reviewer_client, smtp_down, django_capture_on_commit_callbacks
):
    product = Product.objects.get(upc="LC-012")
    recipients = notifications.producer_recipients(product.producer)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(reviewer_client, product, {"action": "approve", "reason": ""})
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.APPROVED and product.is_public
    waiting = OutboxMessage.objects.filter(event_code=notifications.PRODUCT_REVIEWED, recipient__in=recipients)
    assert waiting.count() == len(recipients) and not mail.outbox
    for message in waiting:
        assert message.status == OutboxMessage.PENDING and message.attempts == 1
        assert "mail server down" in message.last_error
        assert message.next_attempt_at > timezone.now() and message.about == product.producer

    smtp_down.OCOP_EMAIL_DELIVERY_BACKEND = LOCMEM
    assert delivery.deliver_due() == 0  # not yet due (1 minute backoff)
    waiting.update(next_attempt_at=timezone.now())
    call_command("deliver_notifications", stdout=open("/dev/null", "w"))
    assert sorted(m.to[0] for m in mail.outbox) == sorted(recipients)
    assert product.title in mail.outbox[0].subject + mail.outbox[0].body
    assert set(waiting.values_list("status", flat=True)) == {OutboxMessage.SENT}


def test_a_rolled_back_change_queues_and_sends_nothing(django_capture_on_commit_callbacks):
    producer = Partner.objects.exclude(email="").first()
    before = OutboxMessage.objects.count()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            notifications.notify_producer(
                producer, notifications.PRODUCER_VERIFICATION, {"verified": True, "reason": ""}
            )
            raise RuntimeError
    assert OutboxMessage.objects.count() == before and not mail.outbox


def test_paused_sends_nothing(django_capture_on_commit_callbacks):
    producer = Partner.objects.exclude(email="").first()
    before = OutboxMessage.objects.count()
    with django_capture_on_commit_callbacks(execute=True), notifications.paused():
        notifications.notify_producer(producer, notifications.PRODUCER_VERIFICATION, {"verified": True})
        assert outbox.send("ai@example.vn", team.INVITATION, {}) is None
    assert OutboxMessage.objects.count() == before


def test_retries_back_off_then_the_message_is_failed(smtp_down, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox.queue("nhan@example.vn", "TEST", {"subject": "Chào", "body": "Nội dung"})
    waits = []
    for _attempt in range(delivery.MAX_ATTEMPTS - 1):
        message.refresh_from_db()
        assert message.status == OutboxMessage.PENDING
        waits.append(message.next_attempt_at - timezone.now())
        assert delivery.deliver_due() == 0  # not due yet
        delivery.deliver_due(now=message.next_attempt_at + datetime.timedelta(seconds=1))
    message.refresh_from_db()
    assert message.status == OutboxMessage.FAILED and message.attempts == delivery.MAX_ATTEMPTS
    assert message.next_attempt_at is None and "mail server down" in message.last_error
    expected = [
        datetime.timedelta(minutes=1),
        datetime.timedelta(minutes=5),
        datetime.timedelta(minutes=30),
        datetime.timedelta(hours=2),
        datetime.timedelta(hours=12),
    ]
    assert [round(w.total_seconds() / 60) for w in waits] == [round(e.total_seconds() / 60) for e in expected]
    assert delivery.deliver_due(now=timezone.now() + datetime.timedelta(days=2)) == 0  # failed stays failed


def test_administrators_see_failed_messages_and_send_them_again(client, settings, django_capture_on_commit_callbacks):
    message = OutboxMessage.objects.create(
        recipient="that.bai@example.vn",
        event_code="TEST",
        subject="Thư lỗi",
        body_text="Nội dung",
        status=OutboxMessage.FAILED,
        attempts=6,
        last_error="SMTPConnectError: mail server down",
    )
    sent = OutboxMessage.objects.create(
        recipient="da.gui@example.vn", subject="Thư đã gửi", body_text="x", status=OutboxMessage.SENT
    )
    index = reverse("notifications_outbox:index")
    again = reverse("notifications_outbox:send_again", args=[message.pk])

    reviewer = User.objects.get(email=loader.REVIEWER_EMAIL)  # staff, but without the outbox permission
    assert not reviewer.has_perm("notifications.view_outboxmessage")
    client.force_login(reviewer)
    assert client.get(index).status_code in (302, 403)
    assert client.post(again).status_code in (302, 403)
    message.refresh_from_db()
    assert message.status == OutboxMessage.FAILED

    client.force_login(User.objects.get(email=loader.STAFF_EMAIL))  # a superuser
    page = client.get(index, {"status": "failed"}).content.decode()
    assert "that.bai@example.vn" in page and "mail server down" in page and "da.gui@example.vn" not in page
    assert again in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(again)
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == OutboxMessage.SENT and message.attempts == 1
    assert [m.to for m in mail.outbox] == [["that.bai@example.vn"]]
    # A sent message is not sent twice.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("notifications_outbox:send_again", args=[sent.pk]))
    assert len(mail.outbox) == 1


def test_contact_form_with_smtp_down_thanks_the_visitor(client, smtp_down, django_capture_on_commit_callbacks):
    contact = ContactPage.objects.filter(locale__language_code="vi").live().first()
    fields = {
        field.clean_name: value
        for field, value in zip(
            contact.form_fields.order_by("sort_order"), ["Nguyễn An", "an@example.vn", "Tôi muốn mua sỉ chè."]
        )
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact.url, fields)
    assert response.status_code == 200 and "Cảm ơn" in response.content.decode()
    message = OutboxMessage.objects.get(event_code="CONTACT_FORM")
    assert message.recipient == contact.to_address and "mua sỉ chè" in message.body_text
    assert message.status == OutboxMessage.PENDING and "mail server down" in message.last_error


def test_producer_messages_are_queued_in_vietnamese_whatever_the_actor_browses_in(django_capture_on_commit_callbacks):
    producer = Partner.objects.exclude(email="").first()
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        notifications.notify_producer(producer, notifications.PRODUCER_VERIFICATION, {"verified": True})
    message = OutboxMessage.objects.filter(recipient=producer.email).latest("pk")
    assert message.language == "vi" and message.status == OutboxMessage.SENT
    assert mail.outbox[-1].subject == message.subject


def test_an_english_buyers_order_email_is_queued_in_english(client, django_capture_on_commit_callbacks):
    (product,) = buyable_products(1)
    client.get("/en/")
    add_to_basket(client, product, 1)
    client.cookies["django_language"] = "en"
    with translation.override("en"):
        preview = reach_preview(client, method="cod", email="english.reader@example.vn")
        with django_capture_on_commit_callbacks(execute=True):
            place_order(client, preview)
    order = Order.objects.get(guest_email="english.reader@example.vn")
    message = OutboxMessage.objects.get(recipient="english.reader@example.vn")
    assert order.language_code == "en" and message.language == "en"
    assert message.status == OutboxMessage.SENT and order.number in message.subject
    assert "order" in message.subject.lower()
    # The producers are told in Vietnamese, through the outbox too.
    producer_emails = notifications.producer_recipients(product.producer)
    assert {
        m.language for m in OutboxMessage.objects.filter(recipient__in=producer_emails, event_code="OCOP_ORDER_PLACED")
    } == {"vi"}


def test_team_invitation_is_queued(producer_user, django_capture_on_commit_callbacks):
    producer = Partner.objects.get(director=producer_user)
    with django_capture_on_commit_callbacks(execute=True):
        team.invite(producer, producer_user, "moi.vao@example.vn")
    message = OutboxMessage.objects.get(recipient="moi.vao@example.vn")
    assert message.event_code == team.INVITATION and message.language == "vi" and message.status == "sent"


def test_password_reset_is_queued_in_the_language_of_the_page(client, customer, django_capture_on_commit_callbacks):
    with translation.override("en"):
        url = reverse("password-reset")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": customer.email})
    assert response.status_code == 302
    message = OutboxMessage.objects.get(recipient=customer.email, event_code="PASSWORD_RESET")
    assert message.language == "en" and message.status == OutboxMessage.SENT
    assert mail.outbox[-1].to == [customer.email]


# --- Django's and Wagtail's own mail (EMAIL_BACKEND is the outbox) ---------------------------------------


def new_rows(before, **filters):
    return OutboxMessage.objects.filter(pk__gt=before, **filters)


def last_pk():
    return OutboxMessage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def test_wagtail_admin_password_reset_is_queued_with_the_request_and_delivered_after_commit(
    client, staff_user, django_capture_on_commit_callbacks
):
    before = last_pk()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("wagtailadmin_password_reset"), {"email": staff_user.email})
        (message,) = new_rows(before, recipient=staff_user.email)
        assert message.status == OutboxMessage.PENDING and not mail.outbox  # written, not sent, before commit
    assert response.status_code == 302
    for callback in callbacks:
        callback()
    message.refresh_from_db()
    assert message.status == OutboxMessage.SENT
    assert [m.to for m in mail.outbox] == [[staff_user.email]]
    assert reverse("wagtailadmin_password_reset") in mail.outbox[0].body  # Wagtail's own reset link


def test_wagtail_admin_password_reset_with_smtp_down_succeeds_and_the_message_waits(
    client, staff_user, smtp_down, django_capture_on_commit_callbacks
):
    before = last_pk()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_password_reset"), {"email": staff_user.email})
    assert response.status_code == 302
    (message,) = new_rows(before, recipient=staff_user.email)
    assert message.status == OutboxMessage.PENDING and message.attempts == 1
    assert "mail server down" in message.last_error and not mail.outbox


def test_a_page_submitted_for_moderation_emails_the_moderators_through_the_outbox(
    staff_user, django_capture_on_commit_callbacks
):
    page = Page.objects.live().filter(depth__gt=2).specific().first()
    workflow = page.get_workflow()
    assert workflow is not None, "the demo site keeps Wagtail's default moderation workflow"
    before = last_pk()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks() as callbacks:
        workflow.start(page, staff_user)
        rows = list(new_rows(before))
        assert rows and not mail.outbox
    for callback in callbacks:
        callback()
    assert {row.status for row in new_rows(before)} == {OutboxMessage.SENT}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(row.recipient for row in rows)
    assert page.title in mail.outbox[0].subject


def test_attachments_and_alternatives_survive_a_retry(smtp_down, django_capture_on_commit_callbacks):
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    email = EmailMultiAlternatives("Sao kê tháng 12", "Xem tệp đính kèm.", to=["ke.toan@example.vn"])
    email.attach_alternative("<p>Xem tệp đính kèm.</p>", "text/html")
    email.attach("sao-ke.csv", "ngày,số tiền\n2026-12-01,150000\n", "text/csv")
    email.attach("logo.png", png, "image/png")
    with django_capture_on_commit_callbacks(execute=True):
        assert email.send() == 1  # Django's own send: EMAIL_BACKEND queues it
    message = OutboxMessage.objects.get(recipient="ke.toan@example.vn")
    assert message.status == OutboxMessage.PENDING and not mail.outbox

    smtp_down.OCOP_EMAIL_DELIVERY_BACKEND = LOCMEM
    assert delivery.deliver_due(now=message.next_attempt_at + datetime.timedelta(seconds=1)) == 1
    (sent,) = mail.outbox
    assert [tuple(a) for a in sent.alternatives] == [("<p>Xem tệp đính kèm.</p>", "text/html")]
    assert [tuple(a) for a in sent.attachments] == [
        ("sao-ke.csv", "ngày,số tiền\n2026-12-01,150000\n", "text/csv"),
        ("logo.png", png, "image/png"),
    ]


def test_the_customers_email_history_lists_a_message_once_it_is_sent(
    client, customer, smtp_down, django_capture_on_commit_callbacks
):
    Email = get_model("communication", "Email")
    dispatcher = get_class("customer.utils", "CustomerDispatcher")()
    context = {"user": customer, "site": Site.objects.get_current(), "reset_url": "https://ocop.example.vn/dat-lai/"}
    with django_capture_on_commit_callbacks(execute=True):
        dispatcher.send_password_changed_email_for_user(customer, context)
    message = OutboxMessage.objects.get(recipient=customer.email)
    assert message.status == OutboxMessage.PENDING and not Email.objects.filter(user=customer).exists()

    smtp_down.OCOP_EMAIL_DELIVERY_BACKEND = LOCMEM
    delivery.deliver_due(now=message.next_attempt_at + datetime.timedelta(seconds=1))
    (email,) = Email.objects.filter(user=customer)
    assert email.subject == message.subject and email.email == customer.email
    client.force_login(customer)
    assert message.subject in client.get(reverse("customer:email-list")).content.decode()


def test_error_mails_to_admins_go_direct_not_through_the_outbox(settings):
    """They report failures, the database's among them: they must not need it."""
    settings.ADMINS = [("Quản trị", "qt@ocop.example.vn")]
    before = last_pk()
    mail.outbox.clear()
    logging.getLogger("django.request").error("Internal Server Error: /thu/")
    assert [m.to for m in mail.outbox] == [["qt@ocop.example.vn"]] and not new_rows(before).exists()


def test_a_message_sent_again_carries_the_same_message_id(django_capture_on_commit_callbacks):
    """At least once, seen once: a mail resent because the worker died after the mail server took it (before the
    row was marked sent) is the same message to mail servers and clients."""
    from shop.notifications.channels import EmailChannel

    producer = Partner.objects.exclude(email="").first()
    with django_capture_on_commit_callbacks(execute=True):
        notifications.notify_producer(producer, notifications.PRODUCER_VERIFICATION, {"verified": True})
        notifications.notify_producer(producer, notifications.PRODUCER_VERIFICATION, {"verified": True})
    first, second = OutboxMessage.objects.filter(recipient=producer.email).order_by("-pk")[:2]
    mail.outbox.clear()
    EmailChannel().send(first)
    EmailChannel().send(first)
    EmailChannel().send(second)
    ids = [sent.message()["Message-ID"] for sent in mail.outbox]
    assert ids[0] == ids[1] != ids[2]
    assert ids[0] == f"<outbox-{first.pk}@{settings.OSCAR_FROM_EMAIL.rpartition('@')[2]}>"
