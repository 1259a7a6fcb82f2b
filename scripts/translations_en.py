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
    # Traceability (origin page, QR codes) and the product page's remote-sale disclosures.
    "Nguồn gốc: %(title)s": "Origin: %(title)s",
    "Nguồn gốc, chủ thể sản xuất và giấy chứng nhận OCOP của %(title)s.":
        "Origin, producer and OCOP certificate of %(title)s.",
    "Nguồn gốc": "Origin",
    "Nguồn gốc sản phẩm": "Product origin",
    "Xuất xứ": "Place of origin",
    "Số %(number)s, ngày %(date)s": "No. %(number)s of %(date)s",
    "Hiệu lực": "Validity",
    "Từ %(start)s đến %(end)s": "From %(start)s to %(end)s",
    "Sản phẩm này hiện không có giấy chứng nhận OCOP còn hiệu lực: không mang dấu OCOP, được bán như một sản phẩm địa phương.":
        "This product has no valid OCOP certificate at present: it carries no OCOP mark and is sold as a "
        "local product.",
    "Câu chuyện sản xuất": "Production story",
    "Liên kết": "Links",
    "Xem hồ sơ truy xuất của tỉnh": "See the province's traceability record",
    "Về trang sản phẩm": "Back to the product page",
    "Mã QR nguồn gốc": "Origin QR code",
    "Mã QR dẫn tới %(origin_url)s": "QR code linking to %(origin_url)s",
    "In mã này lên bao bì, tem nhãn hoặc biển giới thiệu ở hội chợ: quét mã sẽ mở trang này.":
        "Print this code on packaging, labels or fair posters: scanning it opens this page.",
    "Tải mã QR (PNG)": "Download the QR code (PNG)",
    "Tải mã QR (SVG, để in)": "Download the QR code (SVG, for print)",
    "Xem nguồn gốc và mã QR truy xuất": "See the origin and the traceability QR code",
    "Giao hàng và đổi trả": "Delivery and returns",
    "Phí vận chuyển được tính theo địa chỉ nhận hàng và hiển thị ở bước thanh toán, trước khi bạn đặt hàng.":
        "Shipping is calculated from the delivery address and shown at checkout, before you place the order.",
    "Dịch vụ sử dụng tại chỗ, không giao hàng và không có phí vận chuyển.":
        "A service used on site: nothing is delivered and there is no shipping cost.",
    "Chính sách đổi trả": "Returns and exchanges",
    # Policy pages (cms).
    "Trang chính sách": "Policy page",
    "Trang chính sách đổi trả": "Return policy page",
    "Trang sản phẩm dẫn tới trang này. Để trống thì không hiện liên kết.":
        "Product pages link to this page. Leave it empty to hide the link.",
    "Chính sách cửa hàng": "Shop policies",
    "Cập nhật ngày %(date)s": "Updated %(date)s",
    # Certificates: the form, the daily expiry pass and its report, document scans.
    "Chỉ sản phẩm 3, 4 hoặc 5 sao là sản phẩm OCOP.": "Only 3-, 4- and 5-star products are OCOP products.",
    "Ngày quyết định không thể ở tương lai.": "The decision date cannot be in the future.",
    "Cấp huyện chỉ công nhận OCOP trước ngày 6/7/2025.": "Districts recognised OCOP products only before 6 July 2025.",
    "Ngày hết hạn phải sau ngày quyết định.": "The expiry date must be after the decision date.",
    "Điểm đánh giá trên thang 100, nếu có ghi trên quyết định.":
        "The assessment score out of 100, if the decision states it.",
    "Ví dụ 1755/QĐ-UBND.": "For example 1755/QĐ-UBND.",
    "Để trống nếu giấy không ghi: hiệu lực 36 tháng kể từ ngày quyết định.":
        "Leave empty if the certificate does not say: it is valid for 36 months from the decision date.",
    "Tệp PDF hoặc ảnh JPEG, PNG, WebP, tối đa 10 MB.": "A PDF file or a JPEG, PNG or WebP image, at most 10 MB.",
    "Hãy tải lên bản chụp giấy chứng nhận (PDF hoặc ảnh).": "Upload a scan of the certificate (PDF or image).",
    "Sản phẩm này đã có giấy chứng nhận số %(number)s.": "This product already has certificate no. %(number)s.",
    "đã có giấy chứng nhận mới số %(number)s": "already renewed by certificate no. %(number)s",
    "sản phẩm chưa gắn với chủ thể nào": "the product has no producer",
    "Ngày “%(value)s” không hợp lệ: hãy viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-11-23.":
        "“%(value)s” is not a valid date: write it as YEAR-MONTH-DAY, for example 2026-11-23.",
    "Kiểm tra hạn giấy chứng nhận OCOP ngày %(day)s": "OCOP certificate expiry check for %(day)s",
    "Đã nhắc sắp hết hạn: %(count)s": "Warned of coming expiry: %(count)s",
    "%(product)s — giấy chứng nhận %(number)s hết hạn ngày %(day)s (còn %(days)s ngày)":
        "%(product)s — certificate %(number)s expires on %(day)s (%(days)s days left)",
    "Đã hết hạn: %(count)s": "Expired: %(count)s",
    "%(product)s — giấy chứng nhận %(number)s hết hạn ngày %(day)s; sản phẩm không còn dấu OCOP":
        "%(product)s — certificate %(number)s expired on %(day)s; the product no longer carries the OCOP mark",
    " (vẫn đang bán: quản trị viên quyết định tiếp tục bán hay tạm ngừng)":
        " (still on sale: an administrator decides whether it stays on sale or is suspended)",
    "Đã ghi nhận nhưng không gửi thông báo: %(count)s": "Recorded without notifying anyone: %(count)s",
    "%(product)s — giấy chứng nhận %(number)s (%(status)s): %(reason)s":
        "%(product)s — certificate %(number)s (%(status)s): %(reason)s",
    "Lỗi: %(count)s": "Errors: %(count)s",
    "giấy chứng nhận #%(id)s: %(error)s": "certificate #%(id)s: %(error)s",
    "Tổng cộng: nhắc %(warned)s, hết hạn %(expired)s, không gửi thông báo %(not_notified)s, lỗi %(failed)s.":
        "Total: %(warned)s warned, %(expired)s expired, %(not_notified)s not notified, %(failed)s errors.",
    "Có %(count)s giấy chứng nhận chưa xử lý được; xem nhật ký lỗi rồi chạy lại.":
        "%(count)s certificate(s) could not be handled; see the error log and run again.",
    "Ảnh quá lớn (%(width)s × %(height)s điểm ảnh). Hãy gửi ảnh nhỏ hơn 40 triệu điểm ảnh.":
        "The image is too large (%(width)s × %(height)s pixels). Send an image under 40 million pixels.",
    "Chỉ nhận ảnh JPEG, PNG hoặc WebP.": "Only JPEG, PNG or WebP images are accepted.",
    "Ảnh quá lớn để xử lý.": "The image is too large to process.",
    "Tệp này không phải là ảnh hợp lệ.": "This file is not a valid image.",
    "Tệp quá lớn (%(size)s). Giới hạn là %(limit)s.": "The file is too large (%(size)s). The limit is %(limit)s.",
    "Tệp PDF bị hỏng hoặc không đầy đủ.": "The PDF file is damaged or incomplete.",
    "Tệp có đuôi .pdf nhưng nội dung không phải là PDF.": "The file is named .pdf but its content is not a PDF.",
    "Chỉ nhận tệp PDF hoặc ảnh JPEG, PNG, WebP.": "Only PDF files or JPEG, PNG, WebP images are accepted.",
    "Tên tệp phải có đuôi %(extensions)s (nội dung là %(kind)s).":
        "The file name must end in %(extensions)s (the content is %(kind)s).",
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
        message.flags.discard("fuzzy")
        if translation is None:
            # No guesses from makemessages: an untranslated string shows its
            # Vietnamese source, which beats a wrong English one.
            missing.append(message.id)
            message.string = ("", "") if message.pluralizable else ""
            continue
        message.string = translation
    with open(path, "wb") as handle:
        write_po(handle, catalog, width=100)
    for msgid in missing:
        print("missing English translation:", msgid, file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
