"""The import pages (shop/registry/views.py): a Lào Cai officer uploads, reads the dry run's report, downloads it,
imports for real and follows the progress; another province's officer gets 404; provinces are limited to the
officer's; a producer's user is refused."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalogue.models import Product
from cms.demo.offices import HANOI_OFFICER_EMAIL
from shop.registry.models import RegistryImport

pytestmark = pytest.mark.django_db

LAO_CAI, HANOI = 15, 1
URL = reverse("dashboard:ocop-registry-import")
LIST = (
    "Tên sản phẩm,Chủ thể,Xã/phường,Hạng sao,Số quyết định,Ngày quyết định,Cơ quan công nhận,Nhóm sản phẩm\n"
    "Mật ong bạc hà,HTX Ong Bắc Hà,Xã Bắc Hà,3,9/QĐ-UBND,01/08/2025,UBND tỉnh Lào Cai,Thực phẩm\n"
    "=HYPERLINK(1),HTX Ong Bắc Hà,Xã Bắc Hà,3,9/QĐ-UBND,01/08/2025,UBND huyện Bắc Hà,Thực phẩm\n"
)


@pytest.fixture
def upload(django_capture_on_commit_callbacks):
    """Post a list to the upload form; its dry run is queued after commit (the immediate backend runs it)."""

    def post(client, province=LAO_CAI, text=LIST):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                URL,
                {
                    "province_code": province,
                    "file": SimpleUploadedFile("ds.csv", text.encode("utf-8"), content_type="text/csv"),
                    "as_of": "2025-12-01",
                    "source": "QĐ 9/QĐ-UBND",
                },
            )

    return post


def test_an_officer_dry_runs_a_list_reads_the_report_and_imports_it_for_real(
    reviewer_client, upload, django_capture_on_commit_callbacks
):
    response = upload(reviewer_client)
    record = RegistryImport.objects.latest("pk")
    assert response.url == reverse("dashboard:ocop-registry-import-detail", kwargs={"pk": record.pk})
    assert (record.dry_run, record.state, record.created, record.refused) == (True, "done", 1, 1)
    assert not Product.objects.filter(title="Mật ong bạc hà").exists()
    page = reviewer_client.get(response.url + "?outcome=refused").content.decode()
    assert "UBND cấp tỉnh" in page and "Mật ong bạc hà" not in page  # filtered to the refused line
    report = reviewer_client.get(reverse("dashboard:ocop-registry-import-report", kwargs={"pk": record.pk}))
    assert "'=HYPERLINK(1)" in report.content.decode("utf-8-sig")  # spreadsheet-safe
    with django_capture_on_commit_callbacks(execute=True):  # the task is queued after commit
        committed = reviewer_client.post(response.url)
    real = RegistryImport.objects.get(dry_run_of=record)
    assert committed.url == reverse("dashboard:ocop-registry-import-detail", kwargs={"pk": real.pk})
    assert (real.state, real.created, real.refused) == ("done", 1, 1)  # the immediate task backend ran it
    assert Product.objects.filter(title="Mật ong bạc hà").exists()
    progress = reviewer_client.get(reverse("dashboard:ocop-registry-import-progress", kwargs={"pk": real.pk})).json()
    assert (progress["state"], progress["done"], progress["total"], progress["percent"]) == ("done", 2, 2, 100)
    assert reviewer_client.post(response.url).url == committed.url  # a dry run is imported once


def test_a_file_without_a_required_column_is_shown_one_clear_error(reviewer_client, upload):
    before = RegistryImport.objects.count()
    response = upload(reviewer_client, text="Tên sản phẩm,Chủ thể\nMiến,HTX\n")
    assert response.status_code == 200
    assert "Tệp thiếu cột bắt buộc" in response.content.decode()
    assert RegistryImport.objects.count() == before


def test_an_officer_chooses_only_their_provinces_and_another_provinces_import_is_404(client, reviewer_client, upload):
    assert upload(reviewer_client, province=HANOI).status_code == 200  # not a choice for Lào Cai's officer
    assert not RegistryImport.objects.filter(province_code=HANOI).exists()
    upload(reviewer_client)
    record = RegistryImport.objects.latest("pk")
    client.force_login(get_user_model().objects.get(email=HANOI_OFFICER_EMAIL))
    for name in ("ocop-registry-import-detail", "ocop-registry-import-progress", "ocop-registry-import-report"):
        assert client.get(reverse(f"dashboard:{name}", kwargs={"pk": record.pk})).status_code == 404
    assert client.post(reverse("dashboard:ocop-registry-import-detail", kwargs={"pk": record.pk})).status_code == 404
    assert "ds.csv" not in client.get(URL).content.decode()  # Lào Cai's history is not Hà Nội's


def test_a_producers_user_may_not_import(client, producer_user, upload):
    client.force_login(producer_user)
    response = upload(client)
    assert response.status_code in (302, 403) and not RegistryImport.objects.filter(as_of=datetime.date(2025, 12, 1))


def test_a_running_import_shows_its_progress_and_a_refresh_link(reviewer_client):
    record = RegistryImport.objects.create(
        province_code=LAO_CAI, as_of=datetime.date(2025, 12, 1), source="QĐ 9", dry_run=False, state="running"
    )
    RegistryImport.objects.filter(pk=record.pk).update(done=400, total=1000)
    page = reviewer_client.get(reverse("dashboard:ocop-registry-import-detail", kwargs={"pk": record.pk})).content
    text = page.decode()
    assert 'aria-valuenow="40"' in text and "Tải lại trang" in text
    assert reverse("dashboard:ocop-registry-import-progress", kwargs={"pk": record.pk}) in text
