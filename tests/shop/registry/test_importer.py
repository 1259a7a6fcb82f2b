"""Importing a province's OCOP list (shop.registry.importer): reading the file, dry run against real run,
re-importing, matching producers and products, the rules refusing a line, the dated denominator."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from openpyxl import Workbook

from catalogue.models import OcopCertificate, Product
from shop.partner.models import Partner
from shop.registry import counts, importer, reading
from shop.registry.models import Outcome, RegistryImport, RegistryImportLine

pytestmark = pytest.mark.django_db

LAO_CAI, HANOI = 15, 1
AS_OF = datetime.date(2025, 12, 1)
HEADER = "Tên sản phẩm;Tên chủ thể / cơ sở;Mã số ĐKKD;Địa chỉ;Xã/phường;Số sao;Số QĐ;Ngày QĐ;Cơ quan công nhận;Nhóm"


def row(
    product="Mật ong bạc hà",
    producer="HTX Ong mật Đồng Văn",
    number="",
    commune="Xã Bắc Hà",
    stars="3",
    decision="2874/QĐ-UBND",
    day="13/10/2025",
    issuer="UBND tỉnh Lào Cai",
    group="Thực phẩm",
):
    return {
        "Tên sản phẩm": product,
        "Chủ thể": producer,
        "Mã số ĐKKD / MST": number,
        "Xã/phường": commune,
        "Hạng sao": stars,
        "Số quyết định": decision,
        "Ngày quyết định": day,
        "Cơ quan công nhận": issuer,
        "Nhóm sản phẩm": group,
    }


def run(rows, dry_run=False, province=LAO_CAI):
    return importer.import_rows(rows, province, as_of=AS_OF, source="QĐ 2874/QĐ-UBND", dry_run=dry_run)


def totals():
    return Partner.objects.count(), Product.objects.count(), OcopCertificate.objects.count()


def csv_file(*lines, bom=True):
    text = "\n".join([HEADER, *lines])
    return io.BytesIO(("\ufeff" if bom else "").encode() + text.encode("utf-8"))


# --- Reading --------------------------------------------------------------------------------------------------------


def test_headers_are_matched_whatever_their_accents_case_and_aliases():
    rows = reading.read_rows(
        csv_file("Miến sâm;Cty Nông sản;5300;Phố Lu;Xã Bảo Thắng;4;1/QĐ;01/08/2025;UBND tỉnh Lào Cai;Thực phẩm"),
        "list.csv",
    )
    assert rows == [
        {
            "product": "Miến sâm",
            "producer": "Cty Nông sản",
            "registration_number": "5300",
            "address": "Phố Lu",
            "commune": "Xã Bảo Thắng",
            "stars": "4",
            "decision_number": "1/QĐ",
            "decision_date": "01/08/2025",
            "issuer": "UBND tỉnh Lào Cai",
            "group": "Thực phẩm",
            "line": 2,
        }
    ]


def test_an_excel_list_with_a_title_above_its_header_and_real_dates_is_read():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["DANH SÁCH SẢN PHẨM OCOP TỈNH LÀO CAI"])
    sheet.append([])
    sheet.append(
        [
            "STT",
            "TÊN SẢN PHẨM",
            "CHỦ THỂ",
            "XÃ/PHƯỜNG",
            "HẠNG SAO",
            "SỐ QUYẾT ĐỊNH",
            "NGÀY QUYẾT ĐỊNH",
            "CƠ QUAN CÔNG NHẬN",
            "NHÓM SẢN PHẨM",
        ]
    )
    sheet.append(
        [
            1,
            "Gạo Séng Cù",
            "HTX Mường Khương",
            "Xã Mường Khương",
            3,
            "5/QĐ-UBND",
            datetime.datetime(2025, 8, 1),
            "UBND tỉnh Lào Cai",
            "Thực phẩm",
        ]
    )
    data = io.BytesIO()
    workbook.save(data)
    data.seek(0)
    rows = reading.read_rows(data, "ds.xlsx")
    assert [(r["line"], r["product"], r["decision_date"]) for r in rows] == [
        (4, "Gạo Séng Cù", datetime.datetime(2025, 8, 1))
    ]


def test_a_missing_required_header_is_one_error_for_the_whole_file():
    data = io.BytesIO("Tên sản phẩm,Chủ thể,Xã/phường\nMiến,HTX,Xã Y Tý\n".encode())
    with pytest.raises(ValidationError) as refused:
        reading.read_rows(data, "list.csv")
    assert refused.value.messages[0].startswith(
        "Tệp thiếu cột bắt buộc: Hạng sao, Số quyết định, Ngày quyết định, Cơ quan công nhận, Nhóm sản phẩm."
    )


def test_a_program_renamed_to_xlsx_or_csv_is_refused():
    for name in ("list.xlsx", "list.csv"):
        with pytest.raises(ValidationError) as refused:
            reading.read_rows(io.BytesIO(b"MZ\x90\x00" + b"\x00" * 100), name)
        assert "không phải tệp" in refused.value.messages[0]
    with pytest.raises(ValidationError, match="Chỉ nhận tệp Excel"):
        reading.read_rows(io.BytesIO(b"x"), "list.exe")


# --- Dry run and real run -------------------------------------------------------------------------------------------


def test_a_dry_run_writes_nothing_and_reports_what_the_real_run_then_does():
    rows = [row(), row(product="Sáp ong"), row(stars="3", issuer="UBND huyện Bắc Hà", day="20/08/2025")]
    before = totals()
    dry = run(rows, dry_run=True)
    assert totals() == before
    assert [line.outcome for line in dry.lines] == [Outcome.CREATED, Outcome.CREATED, Outcome.REFUSED]
    real = run(rows)
    assert [(line.outcome, line.reason) for line in real.lines] == [(line.outcome, line.reason) for line in dry.lines]
    assert totals() == (before[0] + 1, before[1] + 2, before[2] + 2)
    stub = Partner.objects.get(name="HTX Ong mật Đồng Văn")
    assert (stub.verification_status, stub.province_code, stub.kind) == (
        Partner.Verification.UNCLAIMED,
        LAO_CAI,
        "cooperative",
    )
    assert stub.ward_code == 2839  # Xã Bắc Hà, matched from the commune's text
    product = Product.objects.get(title="Sáp ong")
    assert (product.review_status, product.is_public, product.producer) == ("draft", False, stub)
    certificate = product.ocop_certificates.get()
    assert (certificate.review, certificate.expires_on) == ("approved", datetime.date(2028, 10, 13))


def test_a_line_breaking_the_certifier_by_era_rules_is_refused_with_the_rules_message():
    report = run([row(stars="3", issuer="UBND huyện Bắc Hà", day="20/08/2025")], dry_run=True)
    line = report.lines[0]
    assert line.outcome == Outcome.REFUSED
    assert "Theo Quyết định 1489/QĐ-TTg (từ 06/07/2025), sản phẩm 3 sao do UBND cấp tỉnh công nhận" in line.reason


def test_unreadable_values_are_refused_each_with_its_reason():
    report = run([row(stars="ba", day="hôm qua", group="Đồ chơi", product="")], dry_run=True)
    reason = report.lines[0].reason
    for part in ("Thiếu tên sản phẩm", "hạng sao 'ba'", "ngày quyết định 'hôm qua'", "nhóm sản phẩm 'Đồ chơi'"):
        assert part in reason


def test_re_importing_the_same_list_changes_nothing():
    rows = [row(), row(product="Sáp ong", group="Dược liệu và sản phẩm từ dược liệu")]
    run(rows)
    before = totals()
    count_rows = counts.ProvinceRegistry.objects.count()
    again = run(rows)
    assert [line.outcome for line in again.lines] == [Outcome.UNCHANGED, Outcome.UNCHANGED]
    assert totals() == before
    assert counts.ProvinceRegistry.objects.count() == count_rows  # the same dated count is not recorded twice


def test_a_producer_is_matched_by_registration_number_and_then_by_name_and_commune():
    demo = Partner.objects.get(registration_number="5300367158")  # HTX Nông sản Mường Khương
    by_number = run([row(producer="HTX NS Mường Khương (tên cũ)", number="5300 367 158", commune="Xã Mường Khương")])
    assert by_number.lines[0].partner == demo
    by_name = run([row(producer="hợp tác xã nông sản MƯỜNG KHƯƠNG", product="Tỏi tím", commune="Xã Mường Khương")])
    assert by_name.lines[0].partner == demo
    elsewhere = run([row(producer="Hợp tác xã Nông sản Mường Khương", product="Tỏi", commune="Xã Bắc Hà")])
    assert elsewhere.lines[0].producer_created  # same name, another commune: another producer


def test_the_demos_listed_products_are_matched_and_their_data_updated_from_the_list():
    certificate = OcopCertificate.objects.get(product__upc="LC-024")  # Tương ớt Mường Khương, 4★ 1875/QĐ-UBND
    line = row(
        product="Tương ớt Mường Khương",
        producer="HTX Nông sản Mường Khương",
        number="5300367158",
        commune="Xã Mường Khương",
        stars="4",
        decision="1875/QĐ-UBND",
        day="14/06/2024",
    )
    demo_line = RegistryImportLine.objects.get(certificate=certificate, registry_import__dry_run=False)
    assert demo_line.outcome == Outcome.MATCHED  # the demo's list (cms/demo/registry.py) matched the listing
    again = run([line])
    assert (again.lines[0].outcome, again.lines[0].certificate) == (Outcome.UNCHANGED, certificate)
    corrected = run([{**line, "Ngày quyết định": "16/06/2024"}])  # the list corrects the decision's date
    assert corrected.lines[0].outcome == Outcome.MATCHED and "Ngày quyết định" in corrected.lines[0].reason
    certificate.refresh_from_db()
    assert (certificate.decision_date, certificate.expires_on) == (
        datetime.date(2024, 6, 16),
        datetime.date(2027, 6, 16),
    )
    stricter = run([{**line, "Ngày quyết định": "16/06/2024", "Hạng sao": "3"}])  # ★3 by a province in 2024
    assert stricter.lines[0].outcome == Outcome.REFUSED and "cấp huyện" in stricter.lines[0].reason


def test_a_duplicated_line_is_refused_naming_the_first():
    report = run([row(), row()], dry_run=True)
    assert report.lines[1].outcome == Outcome.REFUSED and report.lines[1].reason == "Trùng với dòng 2 của tệp."


def test_the_real_run_records_the_provinces_dated_count_of_certificates_valid_on_the_lists_day():
    report = run([row(), row(product="Sáp ong"), row(product="Chè cũ", day="01/03/2022", issuer="UBND tỉnh Lào Cai")])
    latest = counts.latest_by_province()[LAO_CAI]
    assert (latest.certified_products, latest.as_of, latest.source) == (2, AS_OF, "QĐ 2874/QĐ-UBND")
    assert report.record.registry_count == latest
    assert RegistryImport.objects.get(pk=report.record.pk).counts() == {
        "created": 3,
        "matched": 0,
        "unchanged": 0,
        "refused": 0,
    }


def test_a_new_stub_with_a_contact_is_invited_to_claim_it(django_capture_on_commit_callbacks):
    from shop.users.models import ClaimInvitation

    with django_capture_on_commit_callbacks(execute=True):
        run([{**row(), "Số điện thoại": "0912 345 678"}])
    stub = Partner.objects.get(name="HTX Ong mật Đồng Văn")
    assert stub.phone == "0912 345 678"
    assert ClaimInvitation.objects.filter(partner=stub).exists()


def test_the_command_dry_runs_by_default_and_writes_the_line_report(tmp_path, capsys):
    path = tmp_path / "ds.csv"
    path.write_bytes(
        csv_file(
            ";".join(
                [
                    "Miến sâm",
                    "Cty Nông sản Sa Pa",
                    "",
                    "",
                    "Phường Sa Pa",
                    "3",
                    "9/QĐ-UBND",
                    "01/08/2025",
                    "UBND tỉnh Lào Cai",
                    "Thực phẩm",
                ]
            )
        ).getvalue()
    )
    report_path = tmp_path / "report.csv"
    before = totals()
    call_command(
        "import_registry",
        str(path),
        "--province",
        "15",
        "--as-of",
        "2025-12-01",
        "--source",
        "QĐ 9",
        "--report",
        str(report_path),
    )
    out, err = capsys.readouterr()
    assert "Chạy thử — Lào Cai, 1 dòng: tạo mới 1" in out and "1/1" in err
    assert totals() == before
    assert "Miến sâm" in report_path.read_text(encoding="utf-8-sig")
    call_command(
        "import_registry", str(path), "--province", "15", "--as-of", "2025-12-01", "--source", "QĐ 9", "--commit"
    )
    assert Product.objects.filter(title="Miến sâm").exists()


def test_the_import_refuses_a_list_dated_in_the_future():
    with pytest.raises(ValidationError):
        importer.import_rows([row()], LAO_CAI, as_of=timezone.localdate() + datetime.timedelta(days=1), source="x")
