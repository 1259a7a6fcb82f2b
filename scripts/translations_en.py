"""English translations of our Vietnamese source strings.

Our own strings are written in Vietnamese (the site's first language);
this table is the English catalogue's source. After `manage.py makemessages
-l en`, run `.venv/bin/python scripts/translations_en.py` to fill
locale/en/LC_MESSAGES/django.po; strings missing here are listed.
"""
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

EN = {
    "Nhóm sản phẩm OCOP": "OCOP product group",
    "Khối lượng vận chuyển (gam)": "Shipping weight (grams)",
    "Trung ương": "Central",
    "Tỉnh": "Province",
    "Huyện (trước 6/7/2025)": "District (before 6 July 2025)",
    "Sản phẩm": "Products",
    "Hạng sao": "Star rating",
    "Điểm": "Score",
    "Số quyết định": "Decision number",
    "Ngày quyết định": "Decision date",
    "Cơ quan công nhận": "Issuing authority",
    "Cấp công nhận": "Authority level",
    "Bộ tiêu chí": "Taxonomy",
    "Ngày hết hạn": "Expiry date",
    "Địa chỉ ghi trên giấy chứng nhận": "Address on the certificate",
    "Địa chỉ cũ (có cấp huyện) như ghi trên văn bản, nếu có.":
        "The old address (with the district) as written on the document, if any.",
    "Giấy chứng nhận OCOP": "OCOP certificate",
    "Điểm %(score)s không khớp với hạng %(stars)s sao.": "A score of %(score)s does not match %(stars)s stars.",
    "Quyết định 148/QĐ-TTg (2023)": "Decision 148/QĐ-TTg (2023)",
    "Quyết định 1048/QĐ-TTg (2019)": "Decision 1048/QĐ-TTg (2019)",
    "Nội dung": "Content",
    "Tiêu đề": "Heading",
    "Lời giới thiệu": "Introduction",
    "Ảnh": "Image",
    "Chữ trên nút": "Button text",
    "Liên kết của nút": "Button link",
    "Ví dụ /catalogue/": "For example /catalogue/",
    "Ảnh bìa": "Hero banner",
    "Số sản phẩm": "Number of products",
    "Dãy sản phẩm": "Product shelf",
    "Số chủ thể": "Number of producers",
    "Chủ thể OCOP tiêu biểu": "Featured OCOP producers",
    "Đoạn văn": "Paragraph",
    "Giới thiệu ngắn": "Short introduction",
    "Trang chủ": "Home page",
    "Quản lý bán hàng (Oscar)": "Shop dashboard (Oscar)",
    "Thanh toán": "Payments",
    "Mã tỉnh/thành phố %(code)s không có trong danh mục 2025.": "Province code %(code)s is not in the 2025 list.",
    "Mã xã/phường %(code)s không có trong danh mục 2025.": "Commune/ward code %(code)s is not in the 2025 list.",
    "Xã/phường %(ward)s không thuộc %(province)s.": "%(ward)s is not in %(province)s.",
    "Nhập số điện thoại Việt Nam gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678).":
        "Enter a Vietnamese phone number of 10 digits starting with 0 (for example 0912345678).",
    "Hợp tác xã": "Cooperative",
    "Doanh nghiệp": "Enterprise",
    "Tổ hợp tác": "Cooperative group",
    "Hộ sản xuất, hộ kinh doanh": "Household business",
    "Loại hình": "Kind",
    "Mã số đăng ký kinh doanh / mã số thuế": "Business registration number / tax code",
    "Người đại diện": "Representative",
    "Số điện thoại": "Phone number",
    "Email": "Email",
    "Tỉnh/thành phố": "Province/city",
    "Xã/phường": "Commune/ward",
    "Số nhà, thôn, đường": "House number, village, street",
    "Giới thiệu": "About",
    "Chọn tỉnh/thành phố trước xã/phường.": "Choose the province before the commune/ward.",
    "Tìm kiếm": "Search",
    "Phù hợp nhất": "Most relevant",
    "Mới nhất": "Newest",
    "Giá thấp đến cao": "Price: low to high",
    "Giá cao đến thấp": "Price: high to low",
    "Tên A–Z": "Name A–Z",
    "Tìm chè, mật ong, thổ cẩm…": "Search tea, honey, brocade…",
    "Sắp xếp": "Sort by",
    "Tất cả sản phẩm": "All products",
    "Kết quả tìm kiếm": "Search results",
    "Sản phẩm OCOP Lào Cai": "OCOP products of Lào Cai",
    "Nội dung (Wagtail)": "Content (Wagtail)",
    "Người dùng": "Users",
    "Họ và tên đệm": "Family and middle name",
    "Tên": "Given name",
    "chợ trực tuyến của sản phẩm OCOP (Mỗi xã một sản phẩm) tỉnh Lào Cai. Mỗi sản phẩm có giấy chứng nhận OCOP do cơ quan quản lý xác nhận.":
        "the online market for the OCOP (One Commune One Product) products of Lào Cai province. "
        "Every product has an OCOP certificate confirmed by the programme's administrators.",
    "Liên kết cuối trang": "Footer links",
    "Tài khoản": "Account",
    "Giỏ hàng": "Basket",
    "Giá đã gồm thuế GTGT. Thanh toán bằng đồng Việt Nam (₫).": "Prices include VAT. Payment in Vietnamese đồng (₫).",
    "Tài khoản và giỏ hàng": "Account and basket",
    "Quản lý": "Dashboard",
    "Đăng xuất": "Log out",
    "Đăng nhập": "Log in",
    "Tìm": "Search",
    "Danh mục sản phẩm": "Product categories",
    "Chợ trực tuyến sản phẩm OCOP Lào Cai: đặc sản địa phương được chứng nhận sao OCOP.":
        "The online market for Lào Cai's OCOP products: local specialities with OCOP star certificates.",
    "Bỏ qua, tới nội dung chính": "Skip to main content",
    "Chứng nhận OCOP": "OCOP certificate",
    "Hạng": "Rating",
    "sao": "stars",
    "Quyết định": "Decision",
    "Hiệu lực đến": "Valid until",
    "Chủ thể sản xuất": "Producer",
    "Địa chỉ": "Address",
    "Điện thoại": "Phone",
    "Mã số đăng ký kinh doanh": "Business registration number",
    ("%(num_results)s sản phẩm", "%(num_results)s sản phẩm"): ("%(num_results)s product", "%(num_results)s products"),
    "Áp dụng": "Apply",
    "Sản phẩm OCOP %(stars)s sao": "%(stars)s-star OCOP product",
    "%(stars)s sao": "%(stars)s stars",
    "Không tìm thấy sản phẩm nào.": "No products found.",
    "Kết quả cho “%(query)s”": "Results for “%(query)s”",
}


def main(path=Path(__file__).resolve().parent.parent / "locale/en/LC_MESSAGES/django.po"):
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale="en")
    catalog.fuzzy = False  # makemessages marks a new header fuzzy
    missing = []
    for message in catalog:
        if not message.id:
            continue
        translation = EN.get(message.id)
        if translation is None:
            missing.append(message.id)
            continue
        message.string = translation
        message.flags.discard("fuzzy")
    with open(path, "wb") as handle:
        write_po(handle, catalog, width=100)
    for msgid in missing:
        print("missing English translation:", msgid, file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
