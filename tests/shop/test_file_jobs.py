"""Exports and imports run by the worker (issue 19, item 1; shop/jobs/files.py): a job queued then done, its file
only for the user who asked (and still may), a failing job failed with its reason or retried on the database queue,
an import's rows applied once however often the task runs, the list page, and old jobs pruned."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from payments.models import Payment, ProviderEvent
from payments.providers.vietqr import statements
from shop.customer import privacy
from shop.dashboard.files import kinds
from shop.jobs import files, retries, schedule
from shop.jobs.files import prune_file_jobs, run_file_job
from shop.jobs.models import FileJob, FileJobRow
from shop.jobs.tasks import requeue_lost_tasks
from tests import factories
from tests.payments.test_payment_desk import _order
from tests.shop import file_jobs

pytestmark = pytest.mark.django_db
User = get_user_model()

FILES = reverse("dashboard:ocop-files")
SALES_CSV = reverse("dashboard:portal-sales-csv")
FIGURES_CSV = reverse("dashboard:ocop-figures-csv")
RANGE = {"date_from": "2024-03-01", "date_to": "2024-03-31"}


def _staff(email):
    user = factories.user(email)
    User.objects.filter(pk=user.pk).update(is_staff=True)
    return User.objects.get(pk=user.pk)


def file_url(job, download=False):
    return reverse("dashboard:ocop-file-download" if download else "dashboard:ocop-file", kwargs={"pk": job.pk})


# Handlers of the test kinds (registered per test with ``test_kind``).
def fails_for_the_user(job, run):
    raise files.JobFailed("Tệp không có cột số tiền.")


def breaks(job, run):
    raise RuntimeError("database went away")


def breaks_once(job, run):
    if job.attempts == 1:
        raise RuntimeError("planned failure")
    run.save_result("thu.csv", files.csv_bytes(lambda out: out.write("ok\n")))


@pytest.fixture
def test_kind(monkeypatch):
    def register(name, handler):
        monkeypatch.setitem(files.KINDS, name, files.Kind(name, "Tệp thử", f"tests.shop.test_file_jobs.{handler}"))
        return name

    return register


@pytest.fixture
def producer():
    return factories.producer("Hợp tác xã Tệp Xuất")


# --- The lifecycle -------------------------------------------------------------------------------------------------


def test_an_export_is_queued_then_done_and_the_list_shows_it(client, producer, django_capture_on_commit_callbacks):
    client.force_login(producer.director)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(SALES_CSV, RANGE)
    assert response.status_code == 302 and response["Location"] == FILES
    job = FileJob.objects.get(user=producer.director)
    assert job.status == FileJob.Status.QUEUED and job.partner == producer and job.kind == kinds.SALES_CSV

    pending = client.get(FILES)
    html = pending.content.decode()
    assert "Doanh số của cơ sở (CSV)" in html and "Đang chờ" in html and "Từ 01/03/2024 đến 31/03/2024" in html
    assert '<meta http-equiv="refresh"' in html  # reloads itself while a job is pending
    assert file_url(job, download=True) not in html
    assert client.get(file_url(job, download=True)).status_code == 404  # not ready yet

    for callback in callbacks:  # the worker
        callback()
    job.refresh_from_db()
    assert job.status == FileJob.Status.DONE and job.attempts == 1 and job.finished_at
    done = client.get(FILES).content.decode()
    assert "Xong" in done and file_url(job, download=True) in done and '<meta http-equiv="refresh"' not in done
    download, body = file_jobs.download(client, job)
    assert download["Content-Disposition"] == 'attachment; filename="doanh-so_2024-03-01_2024-03-31.csv"'
    assert body.startswith(b"\xef\xbb\xbf") and "Tổng cộng" in body.decode("utf-8")
    page = client.get(file_url(job)).content.decode()
    assert "Doanh số của cơ sở (CSV)" in page and file_url(job, download=True) in page


def test_the_file_is_kept_in_private_storage(client, producer, django_capture_on_commit_callbacks, settings):
    client.force_login(producer.director)
    _response, job = file_jobs.submit(client, SALES_CSV, RANGE, django_capture_on_commit_callbacks)
    job.refresh_from_db()
    path = job.result.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT)) and not path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        job.result.url  # noqa: B018 — private files have no URL


def test_a_done_job_is_not_run_again(client, producer, django_capture_on_commit_callbacks):
    client.force_login(producer.director)
    _response, job = file_jobs.submit(client, SALES_CSV, RANGE, django_capture_on_commit_callbacks)
    job.refresh_from_db()
    result = job.result.name
    run_file_job.enqueue(job.pk)
    job.refresh_from_db()
    assert job.attempts == 1 and job.result.name == result


def test_an_invalid_range_is_refused_in_the_request(client, producer):
    client.force_login(producer.director)
    response = client.post(SALES_CSV, {"date_from": "2024-03-31", "date_to": "2024-03-01"})
    assert response.status_code == 400
    assert "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu." in response.content.decode()
    assert not FileJob.objects.filter(user=producer.director).exists()


# --- Who may see a job ---------------------------------------------------------------------------------------------


def test_another_users_job_is_a_404_and_not_listed(client, producer, django_capture_on_commit_callbacks):
    client.force_login(producer.director)
    _response, job = file_jobs.submit(client, SALES_CSV, RANGE, django_capture_on_commit_callbacks)
    colleague = factories.portal_user_without_producer()
    producer.users.add(colleague)  # same producer, another user: still not theirs
    client.force_login(colleague)
    assert client.get(file_url(job)).status_code == 404
    assert client.get(file_url(job, download=True)).status_code == 404
    assert file_url(job, download=True) not in client.get(FILES).content.decode()
    other = factories.producer("Hộ kinh doanh Khác")
    client.force_login(other.director)
    assert client.get(file_url(job, download=True)).status_code == 404


def test_a_producers_own_customer_data_export_stays_off_the_back_office_list(
    client, producer, django_capture_on_commit_callbacks
):
    """A producer's director who also buys here exports their personal data from the data-rights page: that file
    belongs there, not among the producer's exports (which colleagues' lists resemble)."""
    client.force_login(producer.director)
    _response, sales = file_jobs.submit(client, SALES_CSV, RANGE, django_capture_on_commit_callbacks)
    personal = files.start(privacy.EXPORT_KIND, producer.director)
    listed = client.get(FILES)
    assert [entry["job"] for entry in listed.context["entries"]] == [sales]
    assert "Dữ liệu cá nhân của tôi" not in listed.content.decode()
    assert list(privacy.export_jobs(producer.director)) == [personal]


def test_a_producers_file_is_a_404_once_the_user_no_longer_works_for_it(
    client, producer, django_capture_on_commit_callbacks
):
    agent = factories.assistant(producer)
    client.force_login(agent)
    _response, job = file_jobs.submit(client, SALES_CSV, RANGE, django_capture_on_commit_callbacks)
    assert file_jobs.download(client, job)[0].status_code == 200
    producer.assistants.remove(agent)
    assert client.get(file_url(job, download=True)).status_code == 404


def test_an_administrators_file_is_a_404_once_the_permission_is_gone(client, django_capture_on_commit_callbacks):
    reviewer = _staff("can-bo-tep@example.vn")
    permission = Permission.objects.get(codename="review_ocop_product", content_type__app_label="catalogue")
    reviewer.user_permissions.add(permission)
    client.force_login(reviewer)
    _response, job = file_jobs.submit(client, FIGURES_CSV, RANGE, django_capture_on_commit_callbacks)
    assert file_jobs.download(client, job)[0].status_code == 200
    reviewer.user_permissions.remove(permission)
    client.force_login(User.objects.get(pk=reviewer.pk))
    assert client.get(file_url(job, download=True)).status_code == 404


@pytest.mark.parametrize("name", ["ocop-files", "ocop-file", "ocop-file-download"])
def test_anonymous_visitors_are_sent_to_log_in(client, name):
    url = reverse(f"dashboard:{name}", kwargs={} if name == "ocop-files" else {"pk": 1})
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]


# --- Failures and retries ------------------------------------------------------------------------------------------


def test_a_file_the_handler_cannot_use_fails_with_its_reason(client, producer, test_kind):
    kind = test_kind("test-refused", "fails_for_the_user")
    job = FileJob.objects.create(user=producer.director, kind=kind)
    run_file_job.enqueue(job.pk)
    job.refresh_from_db()
    assert job.status == FileJob.Status.FAILED and job.error == "Tệp không có cột số tiền."
    client.force_login(producer.director)
    html = client.get(FILES).content.decode()
    assert "Lỗi" in html and "Tệp không có cột số tiền." in html


def test_an_unexpected_error_fails_the_job_with_a_message_for_its_owner(producer, test_kind):
    kind = test_kind("test-broken", "breaks")
    job = FileJob.objects.create(user=producer.director, kind=kind)
    with pytest.raises(RuntimeError):  # the immediate backend: no retry
        files.run(job.pk)
    job.refresh_from_db()
    assert job.status == FileJob.Status.FAILED
    assert job.error.startswith("Không xử lý được tệp do lỗi hệ thống (đã thử 1 lần).")
    assert "database went away" not in job.error


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_on_the_database_queue_a_failed_attempt_is_retried_and_the_job_waits(test_kind):
    kind = test_kind("test-flaky", "breaks_once")
    owner = factories.user("thu-lai@example.vn")
    job = files.start(kind, owner)  # autocommit: enqueued at once
    call_command("db_worker", "--batch", "--interval", "0", "--no-startup-delay")
    job.refresh_from_db()
    task = DBTaskResult.objects.get(args_kwargs__args=[job.pk])
    assert task.status == TaskResultStatus.READY and len(task.worker_ids) == 1  # shop.jobs.retries put it back
    assert job.status == FileJob.Status.QUEUED and "sẽ tự thử lại" in job.error
    assert job.is_pending

    DBTaskResult.objects.filter(pk=task.pk).update(run_after=timezone.now())  # its back-off is over
    call_command("db_worker", "--batch", "--interval", "0", "--no-startup-delay")
    job.refresh_from_db()
    assert (job.status, job.error, job.attempts, job.result_name) == (FileJob.Status.DONE, "", 2, "thu.csv")
    assert retries.MAX_ATTEMPTS > 2


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_a_job_whose_task_never_reached_the_queue_is_enqueued_again_by_the_lost_task_job(test_kind):
    """The process can die between the commit that saves the job and the enqueue: the job would say "Đang chờ"
    for ever. The scheduled lost-task job enqueues it again, once, and leaves alone jobs with a task waiting."""
    kind = test_kind("test-stranded", "breaks_once")
    owner = factories.user("bi-bo-quen@example.vn")
    stranded = FileJob.objects.create(user=owner, kind=kind)  # saved, never enqueued
    recent = FileJob.objects.create(user=owner, kind=kind)  # its enqueue may still be on its way
    waiting = files.start(kind, owner)  # enqueued
    FileJob.objects.filter(pk__in=[stranded.pk, waiting.pk]).update(
        created_at=timezone.now() - files.STRANDED_AFTER - datetime.timedelta(minutes=1)
    )

    requeue_lost_tasks.enqueue()
    call_command("db_worker", "--batch", "--interval", "0", "--no-startup-delay")

    enqueued = sorted(
        args_kwargs["args"][0]
        for args_kwargs in DBTaskResult.objects.filter(task_path=run_file_job.module_path).values_list(
            "args_kwargs", flat=True
        )
    )
    assert enqueued == sorted([stranded.pk, waiting.pk])  # one task each; none for the recent job
    stranded.refresh_from_db()
    recent.refresh_from_db()
    assert stranded.attempts == 1  # the worker ran it (this handler fails once: its retry is waiting)
    assert (recent.status, recent.attempts) == (FileJob.Status.QUEUED, 0)
    assert files.requeue_stranded() == 0  # a job whose retry waits in the queue is not enqueued twice


# --- An import applied once ----------------------------------------------------------------------------------------


def _statement_job(user, content):
    job = FileJob(user=user, kind=kinds.STATEMENT_IMPORT, input_name="saoke.csv")
    job.input.save("input.csv", ContentFile(content), save=False)
    job.save()
    return job


def _statement(*rows):
    header = "Ngày giao dịch,Số tiền ghi có,Nội dung,Số tham chiếu"
    return ("\ufeff" + "\n".join([header, *rows]) + "\n").encode()


@pytest.fixture
def cashier():
    user = _staff("thu-quy-tep@example.vn")
    user.user_permissions.add(Permission.objects.get(codename="change_payment", content_type__app_label="payments"))
    return user


def test_running_an_import_again_applies_no_row_twice_and_reports_the_same(client, cashier, monkeypatch):
    order, payment, _product = _order(client, "vietqr", "tep.nhap.lai@example.vn")
    content = _statement(
        f"24/11/2026,{payment.amount},Chuyen tien OCOP {order.number},FT-TEP-PAID",
        *(f"24/11/2026,{100000 + n},Chuyen tien OCOP 9{n:05d},FT-TEP-{n}" for n in range(4)),
    )
    job = _statement_job(cashier, content)
    monkeypatch.setattr(files, "BATCH_SIZE", 2)
    applied = []
    real_apply = statements.apply_row

    def apply_then_stop(row, user):
        if len(applied) == 3:
            raise RuntimeError("worker killed")
        applied.append(row["line"])
        return real_apply(row, user)

    monkeypatch.setattr(statements, "apply_row", apply_then_stop)
    with pytest.raises(RuntimeError):
        files.run(job.pk)
    # The batch that broke rolled back: rows 2–3 (the payment's among them) are recorded, row 4 is not.
    assert list(FileJobRow.objects.filter(job=job).values_list("line", flat=True)) == [2, 3]
    job.refresh_from_db()
    assert (job.progress_done, job.progress_total, job.status) == (2, 5, FileJob.Status.FAILED)
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID

    monkeypatch.setattr(statements, "apply_row", real_apply)
    files.run(job.pk)  # the retry
    job.refresh_from_db()
    assert job.status == FileJob.Status.DONE and job.error == ""
    outcomes = list(FileJobRow.objects.filter(job=job).values_list("line", "outcome"))
    # The payment's row still says it was recorded (not "already imported"); the others were applied once each.
    assert outcomes == [(2, statements.MATCHED), *((line, statements.NO_ORDER) for line in range(3, 7))]
    assert job.summary == {"counts": {statements.MATCHED: 1, statements.NO_ORDER: 4}}
    assert ProviderEvent.objects.filter(provider="bank", event_id="FT-TEP-PAID").count() == 1
    assert order.sources.get().amount_debited == order.total_incl_tax

    rows_before = FileJobRow.objects.count()
    run_file_job.enqueue(job.pk)  # a done job: nothing happens
    job.refresh_from_db()
    assert FileJobRow.objects.count() == rows_before and job.attempts == 2


def test_the_statement_page_shows_each_row_once_done(client, cashier):
    job = _statement_job(cashier, _statement("24/11/2026,500.000,Nop tien mat,FT-TEP-A", "24/11/2026,-1,Phi,FT-TEP-B"))
    client.force_login(cashier)
    pending = client.get(file_url(job)).content.decode()
    assert '<meta http-equiv="refresh"' in pending and "Nop tien mat" not in pending
    run_file_job.enqueue(job.pk)
    page = client.get(file_url(job))
    html = page.content.decode()
    assert "Nop tien mat" in html and "Không khớp đơn hàng nào" in html and "Bỏ qua (không phải tiền vào)" in html
    assert "Không khớp đơn: 1" in html and "Bỏ qua: 1" in html
    download, body = file_jobs.download(client, job)
    assert download.status_code == 200 and "Không khớp đơn hàng nào" in body.decode("utf-8-sig")
    assert not ProviderEvent.objects.filter(event_id__startswith="FT-TEP-").exists()  # no order matched


def test_a_statement_that_cannot_be_read_fails_the_job_with_the_reason(client, cashier):
    job = _statement_job(cashier, _statement("24/11/2026,abc,OCOP 1,FT1"))
    run_file_job.enqueue(job.pk)
    job.refresh_from_db()
    assert job.status == FileJob.Status.FAILED and "không đọc được" in job.error
    client.force_login(cashier)
    assert "không đọc được" in client.get(file_url(job)).content.decode()


# --- Pruning -------------------------------------------------------------------------------------------------------


def test_jobs_older_than_14_days_are_pruned_with_their_files(producer):
    def job(days_ago):
        made = FileJob(user=producer.director, partner=producer, kind=kinds.SALES_CSV, status=FileJob.Status.DONE)
        made.result.save("result.csv", ContentFile(b"x"), save=False)
        made.save()
        FileJob.objects.filter(pk=made.pk).update(created_at=timezone.now() - datetime.timedelta(days=days_ago))
        return made

    old, recent = job(15), job(13)
    storage = old.result.storage
    assert storage.exists(old.result.name)
    prune_file_jobs.enqueue()
    assert list(FileJob.objects.filter(pk__in=[old.pk, recent.pk])) == [recent]
    assert not storage.exists(old.result.name) and storage.exists(recent.result.name)


def test_the_pruning_is_scheduled_daily():
    (job,) = [job for job in schedule.SCHEDULE if job.task == "shop.jobs.files.prune_file_jobs"]
    assert job.at is not None and job.every is None and job.day is None


# --- Oscar's reports -----------------------------------------------------------------------------------------------


def test_an_oscar_report_shown_as_a_page_creates_no_job(client, staff_user):
    client.force_login(staff_user)
    response = client.get(reverse("dashboard:reports-index"), {"report_type": "order_report"})
    assert response.status_code == 200 and "object_list" in response.context
    assert not FileJob.objects.filter(user=staff_user).exists()


def test_a_report_asked_for_with_a_wrong_date_says_so_and_starts_no_job(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("dashboard:reports-index"), {"report_type": "order_report", "date_from": "31/31/2026"}
    )
    assert response.status_code == 400 and response.context["form"].errors["date_from"]
    assert not FileJob.objects.filter(user=staff_user).exists()


def test_an_oscar_report_link_with_download_shows_the_report_and_starts_no_job(client, staff_user):
    """A GET never starts a file: an old bookmark with Oscar's ``download=on``, a prefetch or a reload."""
    client.force_login(staff_user)
    query = {"report_type": "order_report", "date_from": "2026-01-01", "date_to": "2026-01-31", "download": "on"}
    response = client.get(reverse("dashboard:reports-index"), query)
    assert response.status_code == 200 and "object_list" in response.context
    assert not FileJob.objects.filter(user=staff_user).exists()
    html = response.content.decode()
    assert 'method="post"' in html and 'value="2026-01-31"' in html and "Tải tệp CSV" in html


def test_an_oscar_report_download_is_listed_with_its_name(client, staff_user, django_capture_on_commit_callbacks):
    client.force_login(staff_user)
    form = {"report_type": "order_report", "date_from": "2026-01-01", "date_to": "2026-01-31"}
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(reverse("dashboard:reports-index"), form)
    assert asked.status_code == 302 and asked["Location"] == reverse("dashboard:ocop-files")
    job = FileJob.objects.get(user=staff_user, kind=kinds.OSCAR_REPORT_CSV)
    assert job.status == FileJob.Status.DONE and job.result_name == "orders-2026-01-01-to-2026-01-31.csv"
    html = client.get(FILES).content.decode()
    assert "Báo cáo (CSV)" in html and "Từ 01/01/2026 đến 31/01/2026" in html  # dates as the other jobs show them
