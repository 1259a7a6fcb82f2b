"""The daily certificate expiry pass: catalogue/ocop/expiry.py, its command and its task."""

import datetime
import io
import logging
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone, translation
from django_tasks import TaskResultStatus
from oscar.core.loading import get_model

from catalogue.ocop import expiry, notifications
from catalogue.ocop.expiry import run_certificate_expiry
from catalogue.ocop.tasks import CertificateExpiryFailed, certificate_expiry_task
from catalogue.programme import rules
from tests import factories

Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Notification = get_model("communication", "Notification")

VIETNAM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
DECIDED = datetime.date(2024, 3, 15)
EXPIRES = datetime.date(2027, 3, 15)  # 36 months later
WARN_DAY = EXPIRES - datetime.timedelta(days=30)
EXPIRED_DAY = EXPIRES + datetime.timedelta(days=1)
ZERO = {"warned": 0, "expired": 0, "not_notified": 0, "failed": 0}

pytestmark = pytest.mark.django_db


def frozen(day, hour=8):
    """The clock stopped at `hour` o'clock Vietnam time on `day`."""
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(hour), tzinfo=VIETNAM), tick=False)


def uncertified_product(of=None):
    """A product on sale whose certificate the test gives it: the one it was approved on is taken away."""
    product = factories.product(of)
    product.ocop_certificates.all().delete()
    assert product.is_public
    return product


@pytest.fixture
def product(producer_user):
    return uncertified_product(producer_user.partners.get())


@pytest.fixture
def other_product():
    return uncertified_product()


@pytest.fixture
def certificate(product):
    return make_certificate(product)


def make_certificate(product, number="2468/QĐ-UBND", decided=DECIDED, **extra):
    fields = {
        "star_rating": 3,
        "score": 58,
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "review": OcopCertificate.Review.APPROVED,
        **extra,
    }
    return OcopCertificate.objects.create(product=product, decision_number=number, decision_date=decided, **fields)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the pass on a frozen day, sending its emails as a real commit would."""

    def run(day):
        with frozen(day), django_capture_on_commit_callbacks(execute=True):
            return run_certificate_expiry()

    return run


def mails_about(product):
    return [message for message in mail.outbox if product.title in message.subject]


def test_the_certificate_expires_36_months_after_the_decision(certificate):
    assert certificate.expires_on == EXPIRES
    assert rules.expiry_warning_window(WARN_DAY) == (WARN_DAY, EXPIRES)


def test_no_warning_31_days_before(run, certificate, product):
    report = run(WARN_DAY - datetime.timedelta(days=1))
    assert certificate not in report.warned
    certificate.refresh_from_db()
    assert certificate.status == OcopCertificate.Status.VALID
    assert certificate.expiry_warning_sent_at is None
    assert mails_about(product) == []


def test_warning_30_days_before_goes_to_the_producer_in_vietnamese(run, certificate, product, producer_user):
    translation.activate("en")  # whoever runs the job, producers read Vietnamese
    report = run(WARN_DAY)

    assert certificate in report.warned
    certificate.refresh_from_db()
    assert certificate.status == OcopCertificate.Status.EXPIRING
    assert certificate.expiry_warning_sent_at == datetime.datetime(2027, 2, 13, 8, tzinfo=VIETNAM)

    messages = mails_about(product)
    producer = product.producer
    assert {message.to[0] for message in messages} == {producer.email, producer_user.email}
    assert all(len(message.to) == 1 for message in messages)
    message = messages[0]
    assert message.subject == f"[OCOP Market] {product.title}: giấy chứng nhận OCOP hết hạn ngày 15/03/2027"
    assert f"Kính gửi {producer.name}" in message.body
    assert "Quyết định số 2468/QĐ-UBND ngày 15/03/2024 của UBND tỉnh Lào Cai" in message.body
    assert "Ngày hết hạn: 15/03/2027 (còn 30 ngày)" in message.body
    assert "Nộp hồ sơ đề nghị đánh giá lại" in message.body
    assert "tải lên bản chụp" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "<strong>15/03/2027</strong> (còn 30 ngày)" in html
    assert "Kính gửi" in html
    # …and in the producer's dashboard inbox.
    assert Notification.objects.filter(recipient=producer_user, subject=message.subject).exists()


def test_warning_is_sent_only_once(run, certificate, product):
    assert certificate in run(WARN_DAY).warned
    sent_at = OcopCertificate.objects.get(pk=certificate.pk).expiry_warning_sent_at
    count = len(mails_about(product))
    assert count >= 1

    for day in (WARN_DAY, WARN_DAY + datetime.timedelta(days=1), EXPIRES):
        report = run(day)
        assert certificate not in report.warned

    certificate.refresh_from_db()
    assert certificate.expiry_warning_sent_at == sent_at
    assert certificate.status == OcopCertificate.Status.EXPIRING
    assert len(mails_about(product)) == count


def test_last_day_warning_says_so(run, product):
    certificate = make_certificate(product)
    report = run(EXPIRES)  # never warned before (the job was down): still warned on the last valid day
    assert certificate in report.warned
    assert "hôm nay là ngày cuối cùng còn hiệu lực" in mails_about(product)[0].body


def test_expiry_the_day_after_takes_the_mark_off_and_keeps_the_product_public(run, certificate, product):
    with frozen(EXPIRES):
        assert Product.objects.get(pk=product.pk).current_certificate() == certificate
    assert certificate not in run(EXPIRES).expired

    with frozen(EXPIRED_DAY):
        # The mark goes by date, before the job has even run.
        assert Product.objects.get(pk=product.pk).current_certificate() is None
    report = run(EXPIRED_DAY)

    assert certificate in report.expired
    certificate.refresh_from_db()
    assert certificate.status == OcopCertificate.Status.EXPIRED
    product = Product.objects.get(pk=product.pk)
    with frozen(EXPIRED_DAY):
        assert product.current_certificate() is None
        assert product.ocop_stars is None
    assert product.is_public
    assert product.review_status == "approved"

    message = [m for m in mails_about(product) if "đã hết hạn" in m.subject][0]
    assert message.subject == f"[OCOP Market] {product.title}: giấy chứng nhận OCOP đã hết hạn"
    assert "Quyết định số 2468/QĐ-UBND" in message.body
    assert "Ngày hết hạn: 15/03/2027" in message.body
    assert "không còn mang dấu OCOP" in message.body
    assert "đã ngừng bán trên sàn từ ngày hết hạn" in message.body
    assert "Nộp hồ sơ đề nghị đánh giá lại" in message.body


@pytest.mark.parametrize("how", ["revoked", "rejected"])
def test_revoked_and_rejected_certificates_are_left_alone(run, certificate, product, how):
    if how == "revoked":
        OcopCertificate.objects.filter(pk=certificate.pk).update(
            status=OcopCertificate.Status.REVOKED, revoked_at=timezone.now(), revocation_reason="Thử"
        )
        expected_status = OcopCertificate.Status.REVOKED
    else:
        OcopCertificate.objects.filter(pk=certificate.pk).update(review=OcopCertificate.Review.REJECTED)
        expected_status = OcopCertificate.Status.VALID
    for day in (WARN_DAY, EXPIRED_DAY):
        report = run(day)
        assert certificate not in report.warned + report.expired
        assert certificate.pk not in [item.certificate.pk for item in report.not_notified]
    certificate.refresh_from_db()
    assert certificate.status == expected_status
    assert certificate.expiry_warning_sent_at is None
    assert mails_about(product) == []


def test_a_renewed_certificate_is_recorded_without_telling_the_producer_to_renew(run, certificate, product):
    renewal = make_certificate(product, number="3579/QĐ-UBND", decided=datetime.date(2027, 1, 20))
    report = run(WARN_DAY)
    assert certificate not in report.warned
    [item] = [item for item in report.not_notified if item.certificate.pk == certificate.pk]
    assert item.reason == "đã có giấy chứng nhận mới số 3579/QĐ-UBND"
    report = run(EXPIRED_DAY)
    assert certificate not in report.expired
    assert certificate.pk in [item.certificate.pk for item in report.not_notified]
    certificate.refresh_from_db()
    assert certificate.status == OcopCertificate.Status.EXPIRED
    assert mails_about(product) == []
    with frozen(EXPIRED_DAY):
        assert Product.objects.get(pk=product.pk).current_certificate() == renewal


def test_second_run_the_same_day_changes_nothing(run, certificate, product):
    first = run(EXPIRED_DAY)
    assert certificate in first.expired
    assert first.counts["expired"] >= 1  # demo certificates from 2023 expire too
    sent = len(mail.outbox)
    statuses = dict(OcopCertificate.objects.values_list("pk", "status"))

    second = run(EXPIRED_DAY)
    assert second.counts == ZERO
    assert len(mail.outbox) == sent
    assert dict(OcopCertificate.objects.values_list("pk", "status")) == statuses


def test_a_past_day_rerun_does_not_undo_a_later_run(run, certificate, product):
    assert certificate in run(EXPIRED_DAY).expired  # the job was down: never warned
    report = run(WARN_DAY)  # catching up a missed day afterwards
    assert certificate not in report.warned
    certificate.refresh_from_db()
    assert certificate.status == OcopCertificate.Status.EXPIRED
    assert len([m for m in mails_about(product) if "hết hạn ngày" in m.subject]) == 0


def test_a_failing_certificate_is_reported_and_the_others_still_handled(
    run, certificate, product, other_product, monkeypatch, caplog
):
    other = make_certificate(other_product, number="8642/QĐ-UBND")
    notify = notifications.notify_producer

    def broken_for_one(producer, event_code, context):
        if context["certificate"].pk == certificate.pk:
            raise RuntimeError("máy chủ thư không trả lời")
        notify(producer, event_code, context)

    monkeypatch.setattr(expiry.notifications, "notify_producer", broken_for_one)
    with caplog.at_level(logging.ERROR, logger="catalogue.ocop.expiry"):
        report = run(WARN_DAY)

    assert [failure.certificate_id for failure in report.failed] == [certificate.pk]
    assert "máy chủ thư không trả lời" in str(report.failed[0].error)
    assert report.counts["failed"] == 1
    assert other in report.warned
    assert f"certificate {certificate.pk} failed" in caplog.text
    certificate.refresh_from_db()  # rolled back: the next run tries again
    assert certificate.status == OcopCertificate.Status.VALID
    assert certificate.expiry_warning_sent_at is None

    out, err = io.StringIO(), io.StringIO()
    with frozen(WARN_DAY), pytest.raises(CommandError, match="chưa xử lý được"):
        call_command("ocop_certificate_expiry", stdout=out, stderr=err)
    assert f"giấy chứng nhận #{certificate.pk}" in err.getvalue()
    with frozen(WARN_DAY):
        result = certificate_expiry_task.enqueue()
    assert result.status == TaskResultStatus.FAILED
    assert result.errors[0].exception_class == CertificateExpiryFailed

    monkeypatch.setattr(expiry.notifications, "notify_producer", notify)
    assert certificate in run(WARN_DAY).warned


def test_command_prints_a_vietnamese_report_listing_the_products(
    certificate, product, other_product, django_capture_on_commit_callbacks
):
    expired = make_certificate(
        other_product, number="1357/QĐ-UBND", decided=datetime.date(2024, 2, 10)
    )  # expired on 10/02/2027
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ocop_certificate_expiry", "--date", WARN_DAY.isoformat(), stdout=out)
    output = out.getvalue()

    assert "Kiểm tra hạn giấy chứng nhận OCOP ngày 13/02/2027" in output
    warned, rest = output.split("Đã hết hạn:")
    assert (
        f"{product.upc} {product.title} — giấy chứng nhận 2468/QĐ-UBND hết hạn ngày 15/03/2027 (còn 30 ngày)" in warned
    )
    assert (
        f"{other_product.upc} {expired.product.title} — giấy chứng nhận 1357/QĐ-UBND hết hạn ngày 10/02/2027; "
        "sản phẩm không còn dấu OCOP và đã ngừng bán"
    ) in rest
    assert "Tổng cộng: nhắc " in output

    second = io.StringIO()
    call_command("ocop_certificate_expiry", "--date", WARN_DAY.isoformat(), stdout=second)
    assert "Tổng cộng: nhắc 0, hết hạn 0, không gửi thông báo 0, lỗi 0." in second.getvalue()
    assert product.upc not in second.getvalue()


def test_command_refuses_a_bad_date():
    with pytest.raises(CommandError, match="không hợp lệ: hãy viết theo dạng NĂM-THÁNG-NGÀY"):
        call_command("ocop_certificate_expiry", "--date", "13/02/2027")


def _market_counts(without, days):
    """What the task counts for the rest of the market on its first run on ``days[0]`` (frozen) and its re-runs
    for ``days[1:]`` (by date): run with the certificates of ``without`` taken away, then all rolled back."""
    with transaction.atomic():
        OcopCertificate.objects.filter(product__in=without).delete()
        with frozen(days[0]):
            counts = [certificate_expiry_task.enqueue().return_value]
        counts += [certificate_expiry_task.enqueue(date=day.isoformat()).return_value for day in days[1:]]
        transaction.set_rollback(True)
    return counts


def _added(counts, before):
    return {key: counts[key] - before[key] for key in counts}


def test_task_returns_the_counts(certificate, product, other_product, django_capture_on_commit_callbacks):
    # The counts are of the whole market: what our two certificates add to the others' is exact.
    before = _market_counts([product, other_product], [WARN_DAY, WARN_DAY, EXPIRED_DAY])
    make_certificate(other_product, number="1357/QĐ-UBND", decided=datetime.date(2024, 2, 10))

    with frozen(WARN_DAY), django_capture_on_commit_callbacks(execute=True):
        result = certificate_expiry_task.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert _added(result.return_value, before[0]) == {"warned": 1, "expired": 1, "not_notified": 0, "failed": 0}
    assert len(mails_about(product)) >= 1

    # A re-run for the same day, by its date.
    assert certificate_expiry_task.enqueue(date=WARN_DAY.isoformat()).return_value == before[1] == ZERO
    assert _added(certificate_expiry_task.enqueue(date=EXPIRED_DAY.isoformat()).return_value, before[2]) == {
        "warned": 0,
        "expired": 1,
        "not_notified": 0,
        "failed": 0,
    }


def test_corrected_dates_make_the_job_judge_the_certificate_again():
    """An expired certificate whose expiry date was entered wrongly is re-evaluated once corrected."""
    product = uncertified_product()
    certificate = OcopCertificate.objects.create(
        product=product,
        star_rating=3,
        decision_number="7/QĐ-SỬA",
        decision_date=datetime.date(2024, 1, 2),
        expires_on=datetime.date(2024, 6, 1),
        issuer="UBND tỉnh Lào Cai",
        issuer_level="province",
        review=OcopCertificate.Review.APPROVED,
    )
    report = run_certificate_expiry(today=datetime.date(2025, 1, 1))
    assert certificate.pk in {c.pk for c in report.expired}
    certificate = OcopCertificate.objects.get(pk=certificate.pk)
    assert certificate.status == OcopCertificate.Status.EXPIRED
    certificate.expires_on = datetime.date(2027, 1, 2)
    certificate.save()
    certificate = OcopCertificate.objects.get(pk=certificate.pk)
    assert certificate.status == OcopCertificate.Status.VALID and certificate.expiry_warning_sent_at is None
    report = run_certificate_expiry(today=datetime.date(2026, 12, 20))
    assert certificate.pk in {c.pk for c in report.warned}
