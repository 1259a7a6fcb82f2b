"""The Lào Cai officer uploads the province's OCOP list in a browser, reads the dry run's report, filters the
refused lines and imports the list for real; with ``OCOP_SCREENSHOTS_DIR`` set the report is captured as
``vi-1280-registry-import-report.jpg``."""

import pytest
from playwright.sync_api import expect

from cms.demo.loader import REVIEWER_EMAIL, REVIEWER_PASSWORD
from cms.demo.registry import DEMO_FILE
from tests.e2e.conftest import log_in
from tests.e2e.test_main_pages import JPEG_QUALITY, screenshots_dir

pytestmark = pytest.mark.django_db(transaction=True)


# The next list of the province: six products recognised since, on top of the list the demo imported.
NEW_LINES = [
    "0,Mật ong bạc hà Si Ma Cai hũ 300g,Hợp tác xã Ong mật Si Ma Cai,5300112233,,Xã Si Ma Cai,3,3105/QĐ-UBND,"
    "14/11/2025,UBND tỉnh Lào Cai,Thực phẩm,",
    "0,Gạo Séng Cù Bát Xát túi 10kg,Hợp tác xã Nông nghiệp Bát Xát,,,Xã Bát Xát,4,3105/QĐ-UBND,14/11/2025,"
    "UBND tỉnh Lào Cai,Thực phẩm,",
    "0,Trà shan tuyết Tà Xùa hộp 100g,Hợp tác xã Chè Trạm Tấu,,,Xã Trạm Tấu,3,3105/QĐ-UBND,14/11/2025,"
    "UBND tỉnh Lào Cai,Đồ uống,",
    "0,Khăn lanh nhuộm chàm Mù Cang Chải,Tổ hợp tác Thổ cẩm Lìm Mông,,,Xã Mù Cang Chải,3,3105/QĐ-UBND,"
    "14/11/2025,UBND tỉnh Lào Cai,Hàng thủ công mỹ nghệ,",
    "0,Homestay ruộng bậc thang La Pán Tẩn,Hộ kinh doanh Giàng A Dê,,,Xã Mù Cang Chải,3,3105/QĐ-UBND,"
    "14/11/2025,UBND tỉnh Lào Cai,Dịch vụ du lịch cộng đồng,",
    "0,Măng khô Văn Bàn túi 500g,Hộ kinh doanh Hoàng Thị Lả,,,Xã Văn Bàn,3,3105/QĐ-UBND,14/11/2025,"
    "UBND huyện Văn Bàn,Thực phẩm,",
]


def test_an_officer_dry_runs_the_provinces_list_and_imports_it(new_page, tmp_path):
    header, rest = DEMO_FILE.read_text(encoding="utf-8-sig").split("\n", 1)
    next_list = tmp_path / "lao-cai-ocop-2025-11.csv"
    next_list.write_text("\n".join([header, *NEW_LINES, rest]), encoding="utf-8")
    page = new_page()
    log_in(page, REVIEWER_EMAIL, REVIEWER_PASSWORD, next_url="/dashboard/ocop/registry/imports/")
    page.goto("/dashboard/ocop/registry/imports/")
    page.set_input_files("input[name=file]", str(next_list))
    page.fill("input[name=source]", "Danh sách sản phẩm OCOP tỉnh Lào Cai (cập nhật)")
    page.get_by_role("button", name="Chạy thử").click()
    expect(page.locator("#registry_lines")).to_be_visible()
    # The demo imported the rest already: 5 new products, the others unchanged, 2 refused by the rules (a
    # district's ★3 after 6 July 2025, once in the demo's list and once in the new lines).
    outcomes = page.locator("#registry_outcomes")
    expect(outcomes).to_contain_text("Tạo mới (5)")
    expect(outcomes).to_contain_text("Từ chối (2)")
    directory = screenshots_dir()
    if directory is not None:
        page.screenshot(path=str(directory / "vi-1280-registry-import-report.jpg"), type="jpeg", quality=JPEG_QUALITY)
    page.get_by_role("link", name="Từ chối (2)").click()
    expect(page.locator("#registry_lines tbody tr")).to_have_count(2)
    expect(page.locator("#registry_lines")).to_contain_text("UBND cấp tỉnh")
    page.get_by_role("button", name="Nhập chính thức").click()
    expect(page.locator("#registry_state")).to_have_text("Xong")
    expect(page.locator("#registry_outcomes")).to_contain_text("Tạo mới (5)")
