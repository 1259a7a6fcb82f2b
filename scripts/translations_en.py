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
    "Tạm thời bị chặn": "Temporarily blocked",
    "Quên mật khẩu?": "Forgotten your password?",
    "Đăng nhập sai quá nhiều lần. Vì an toàn, tài khoản này tạm thời không đăng nhập được "
    "từ đây; vui lòng thử lại sau %(minutes)s phút hoặc đặt lại mật khẩu.":
        "Too many failed sign-in attempts. For your safety this account cannot sign in from here for now; "
        "please try again in %(minutes)s minutes or reset your password.",
    "Đã gửi quá nhiều yêu cầu đặt lại mật khẩu. Vui lòng kiểm tra hộp thư (cả thư rác) "
    "hoặc thử lại sau %(minutes)s phút.":
        "Too many password reset requests. Please check your inbox (and spam folder) "
        "or try again in %(minutes)s minutes.",
    "Nhóm sản phẩm OCOP": "OCOP product group",
    "Khối lượng vận chuyển (gam)": "Shipping weight (grams)",
    "Trung ương": "Central",
    "Tỉnh": "Province",
    "Huyện (chỉ 3 sao, 24/02/2023 – 05/07/2025)": "District (3 stars only, 24 Feb 2023 – 5 Jul 2025)",
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
    # Programme figures for administrators (shop/dashboard/ocop/figures.py, forms.py, figures.html)
    "Chưa xếp nhóm": "No group",
    "Chưa rõ tỉnh": "Province unknown",
    "Tỷ lệ trên số chủ thể đã xác minh.": "Share of the verified producers.",
    "Tỷ lệ trên tất cả chủ thể, vì chưa có chủ thể nào được xác minh.":
        "Share of all producers, as no producer has been verified yet.",
    "chủ thể đã xác minh": "verified producers",
    "tất cả chủ thể": "all producers",
    "Chỉ tiêu": "Indicator",
    "Phân loại": "Dimension",
    "Giá trị": "Value",
    "Đơn vị": "Unit",
    "sản phẩm": "products",
    "Ngày lập số liệu": "Figures as of",
    "Từ ngày": "From",
    "Đến ngày": "To",
    "Sản phẩm OCOP có chứng nhận còn hiệu lực, theo hạng sao": "OCOP products with a valid certificate, by stars",
    "Sản phẩm OCOP đã duyệt và đang bán, theo hạng sao": "OCOP products approved and on sale, by stars",
    "Sản phẩm OCOP có chứng nhận còn hiệu lực, theo nhóm": "OCOP products with a valid certificate, by group",
    "Sản phẩm OCOP đã duyệt và đang bán, theo nhóm": "OCOP products approved and on sale, by group",
    "Sản phẩm OCOP đang bán trên sàn": "OCOP products on sale on the platform",
    "Tổng số sản phẩm OCOP của tỉnh (theo chương trình)": "The province's OCOP products (programme figure)",
    "Tỷ lệ sản phẩm OCOP của tỉnh đang bán trên sàn": "Share of the province's OCOP products on sale on the platform",
    "Chủ thể có tài khoản thanh toán điện tử": "Producers with an e-payment account",
    "chủ thể": "producers",
    "Tỷ lệ chủ thể có tài khoản thanh toán điện tử": "Share of producers with an e-payment account",
    "Chứng nhận hết hạn trong %(days)s ngày tới": "Certificates expiring within %(days)s days",
    "Tổng": "Total",
    "ngày hết hạn": "expiry date",
    "Doanh số": "Sales",
    "Số lượng bán": "Quantity sold",
    "đơn vị sản phẩm": "units",
    "Số đơn hàng": "Orders",
    "đơn hàng": "orders",
    "Doanh số theo nhóm": "Sales by group",
    "Số lượng bán theo nhóm": "Quantity sold by group",
    "Doanh số theo tỉnh của chủ thể": "Sales by the producer's province",
    "Số lượng bán theo tỉnh của chủ thể": "Quantity sold by the producer's province",
    "Nhập ngày bắt đầu.": "Enter the start date.",
    "Ngày không hợp lệ (nhập theo dạng ngày/tháng/năm).": "Invalid date (enter it as day/month/year).",
    "Nhập ngày kết thúc.": "Enter the end date.",
    "Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.": "The start date must be on or before the end date.",
    "Khoảng thời gian dài nhất là %(years)s năm.": "The period can be at most %(years)s years.",
    "Số liệu chương trình OCOP": "OCOP programme figures",
    "Số liệu ngày %(day)s. Sản phẩm OCOP được tính khi có giấy chứng nhận 3–5 sao đã duyệt, chưa bị thu hồi và còn hạn.":
        "Figures as of %(day)s. A product counts as an OCOP product when it has an approved 3–5 star "
        "certificate that is neither revoked nor expired.",
    "Khoảng thời gian tính doanh số": "Sales period",
    "Xem số liệu": "Show figures",
    "Tải CSV": "Download CSV",
    "Sản phẩm OCOP": "OCOP products",
    "%(certified)s sản phẩm có chứng nhận OCOP còn hiệu lực, trong đó %(listed)s sản phẩm đã duyệt và đang bán trên sàn.":
        "%(certified)s products with a valid OCOP certificate, %(listed)s of them approved and on sale on the platform.",
    "Có chứng nhận còn hiệu lực": "Valid certificate",
    "Theo hạng sao": "By stars",
    "Theo nhóm sản phẩm (Quyết định 148)": "By product group (Decision 148)",
    "Tỷ lệ sản phẩm OCOP của tỉnh bán trên sàn": "Share of the province's OCOP products sold on the platform",
    "Tử số: sản phẩm đã duyệt, đang bán và có chứng nhận còn hiệu lực (theo tỉnh của chủ thể). Mẫu số: tổng số sản phẩm OCOP của tỉnh theo số liệu của chương trình.":
        "Numerator: products approved, on sale and with a valid certificate (by the producer's province). "
        "Denominator: the province's number of OCOP products according to the programme.",
    "Đang bán trên sàn": "On sale on the platform",
    "Tổng số sản phẩm OCOP của tỉnh": "The province's OCOP products",
    "Tỷ lệ": "Share",
    "chưa có số liệu": "no figure yet",
    "%(count)s trên %(base)s chủ thể có tài khoản thanh toán điện tử.":
        "%(count)s of %(base)s producers have an e-payment account.",
    "Tổng số chủ thể: %(total)s, đã xác minh: %(verified)s.": "Producers: %(total)s, verified: %(verified)s.",
    "Chứng nhận sắp hết hạn": "Certificates about to expire",
    ("Hết hạn trong %(days)s ngày tới: %(counter)s sản phẩm", "Hết hạn trong %(days)s ngày tới: %(counter)s sản phẩm"):
        ("Expiring within %(days)s days: %(counter)s product", "Expiring within %(days)s days: %(counter)s products"),
    ("Hết hạn trong %(days)s ngày tới: %(counter)s sản phẩm, kể cả %(earlier)s sản phẩm ở trên",
     "Hết hạn trong %(days)s ngày tới: %(counter)s sản phẩm, kể cả %(earlier)s sản phẩm ở trên"):
        ("Expiring within %(days)s days: %(counter)s product, including the %(earlier)s above",
         "Expiring within %(days)s days: %(counter)s products, including the %(earlier)s above"),
    "Còn (ngày)": "Days left",
    "Không có sản phẩm nào.": "No products.",
    "Doanh số qua sàn": "Sales through the platform",
    "Từ %(date_from)s đến %(date_to)s, không tính đơn hàng đã hủy.":
        "From %(date_from)s to %(date_to)s, cancelled orders excluded.",
    "Theo nhóm sản phẩm": "By product group",
    ("%(counter)s đơn vị", "%(counter)s đơn vị"): ("%(counter)s unit", "%(counter)s units"),
    "Theo tỉnh của chủ thể": "By the producer's province",
    "Chưa có đơn hàng trong khoảng thời gian này.": "No orders in this period.",
    "Chọn lại khoảng thời gian ở trên để xem doanh số.": "Choose the period again above to see the sales.",
    'Bản nháp': 'Draft',
    'Chờ duyệt': 'Awaiting review',
    'Đã duyệt, đang bán': 'Approved, on sale',
    'Cần chỉnh sửa': 'Changes requested',
    'Bị từ chối': 'Rejected',
    'Tạm ngừng bán': 'Suspended',
    'Đang bán công khai': 'Publicly on sale',
    'Trạng thái duyệt': 'Review status',
    'Gửi duyệt lúc': 'Submitted at',
    'Phân nhóm OCOP': 'OCOP sub-group',
    'Liên kết truy xuất nguồn gốc của tỉnh': 'Province traceability link',
    'Địa chỉ hồ sơ sản phẩm trên cổng truy xuất nguồn gốc của tỉnh, nếu có.': "The product's record on the province's traceability portal, if any.",
    'Có thể duyệt sản phẩm OCOP': 'Can review OCOP products',
    'Phân nhóm không thuộc nhóm sản phẩm đã chọn.': 'The sub-group does not belong to the chosen group.',
    'Còn hiệu lực': 'Valid',
    'Sắp hết hạn': 'Expiring soon',
    'Hết hạn': 'Expired',
    'Bị thu hồi': 'Revoked',
    'Đã duyệt': 'Approved',
    'Bản chụp giấy chứng nhận (PDF hoặc ảnh)': 'Certificate scan (PDF or image)',
    'Tình trạng': 'Status',
    'Duyệt': 'Review',
    'Đã nhắc hết hạn lúc': 'Expiry reminder sent at',
    'Thu hồi lúc': 'Revoked at',
    'Lý do thu hồi': 'Reason for revocation',
    'Giấy chứng nhận': 'Certificate',
    'Thao tác': 'Action',
    'Từ trạng thái': 'From status',
    'Sang trạng thái': 'To status',
    'Lý do': 'Reason',
    'Người thực hiện': 'Done by',
    'Thay mặt chủ thể': 'On behalf of producer',
    'Thời điểm': 'Time',
    'Nhật ký duyệt': 'Review log',
    'Đã gửi duyệt': 'Submitted for review',
    'Đã được duyệt và mở bán': 'Approved and put on sale',
    'Được mở bán trở lại': 'Back on sale',
    'Chỉ cán bộ duyệt OCOP mới được thực hiện thao tác này.': 'Only OCOP reviewers may do this.',
    'Cán bộ duyệt không được duyệt sản phẩm của chủ thể mà mình là thành viên.': 'Reviewers may not review products of a producer they belong to.',
    'Bạn không quản lý sản phẩm này.': 'You do not manage this product.',
    'Sản phẩm chưa có giá và tồn kho của chủ thể nào.': "The product has no producer's price and stock yet.",
    'Chủ thể %(name)s chưa được xác minh: chưa thể mở bán sản phẩm.': 'Producer %(name)s is not verified yet: its products cannot go on sale.',
    'Thao tác không hợp lệ.': 'Invalid action.',
    'Hãy nêu lý do.': 'Please give a reason.',
    'Không thể “%(action)s” khi sản phẩm đang ở trạng thái “%(status)s”.': 'Cannot “%(action)s” while the product is “%(status)s”.',
    'Hãy thêm giấy chứng nhận OCOP trước khi gửi duyệt.': 'Add the OCOP certificate before submitting for review.',
    'Giấy chứng nhận này không còn chờ duyệt.': 'This certificate is no longer awaiting review.',
    'Giấy chứng nhận %(number)s: %(outcome)s': 'Certificate %(number)s: %(outcome)s',
    'Hãy nêu lý do thu hồi.': 'Please give the reason for revocation.',
    'Chỉ cán bộ duyệt OCOP mới được thu hồi giấy chứng nhận.': 'Only OCOP reviewers may revoke certificates.',
    'Cán bộ duyệt không được xử lý sản phẩm của chủ thể mà mình là thành viên.': 'Reviewers may not act on products of a producer they belong to.',
    'Giấy chứng nhận này đã bị thu hồi.': 'This certificate is already revoked.',
    'vẫn bán như sản phẩm địa phương': 'stays on sale as a local product',
    'ngừng bán': 'taken off sale',
    'Giấy chứng nhận %(number)s bị thu hồi; sản phẩm %(decision)s': 'Certificate %(number)s revoked; the product %(decision)s',
    'OCOP': 'OCOP',
    'Trạng thái': 'Status',
    'Đang chờ duyệt (kể cả chứng nhận mới)': 'Awaiting review (incl. new certificates)',
    'Tất cả': 'All',
    'Nhóm sản phẩm': 'Product group',
    'Chờ ít nhất (ngày)': 'Waiting at least (days)',
    'Tên hoặc mã sản phẩm': 'Product name or code',
    'Duyệt và mở bán': 'Approve and put on sale',
    'Yêu cầu chỉnh sửa': 'Request changes',
    'Từ chối': 'Reject',
    'Mở bán trở lại': 'Put back on sale',
    'Duyệt giấy chứng nhận mới': 'Approve new certificate',
    'Từ chối giấy chứng nhận mới': 'Reject new certificate',
    'Thu hồi giấy chứng nhận': 'Revoke certificate',
    'Lý do / ghi chú cho chủ thể': 'Reason / note for the producer',
    'Sau khi thu hồi': 'After revocation',
    'Vẫn bán như sản phẩm địa phương (không có dấu OCOP)': 'Keep selling as a local product (no OCOP mark)',
    'Ngừng bán sản phẩm': 'Stop selling the product',
    'Hãy nêu lý do: chủ thể sẽ nhận được lý do này.': 'Give a reason: the producer receives it.',
    'Chưa chọn giấy chứng nhận.': 'No certificate chosen.',
    'Chọn sản phẩm có tiếp tục được bán hay không.': 'Choose whether the product stays on sale.',
    'Chưa thực hiện được: xem lỗi bên dưới.': 'Not done: see the errors below.',
    'Đã lưu quyết định và báo cho chủ thể.': 'Decision saved and the producer notified.',
    'Chờ xác minh': 'Awaiting verification',
    'Đã xác minh': 'Verified',
    'Tạm ngừng': 'Suspended',
    'Tên đầy đủ theo đăng ký kinh doanh': 'Legal name',
    'Có tài khoản thanh toán điện tử / ngân hàng': 'Has an e-payment / bank account',
    'Ngân hàng': 'Bank',
    'Số tài khoản': 'Account number',
    'Chủ tài khoản': 'Account holder',
    'Trạng thái xác minh': 'Verification status',
    'Bản chụp giấy đăng ký kinh doanh': 'Business registration scan',
    'Nhập ngân hàng và số tài khoản.': 'Enter the bank and account number.',
    'Duyệt sản phẩm': 'Product review',
    'Số liệu chương trình': 'Programme figures',
    'Dashboard': 'Dashboard',
    'Lý do (bắt buộc)': 'Reason (required)',
    'Ghi chú (không bắt buộc)': 'Note (optional)',
    'Sau khi thu hồi…': 'After revocation…',
    'Duyệt sản phẩm OCOP': 'OCOP product review',
    'Mã': 'Code',
    'Nhóm / phân nhóm': 'Group / sub-group',
    'Giá': 'Price',
    'Tồn kho': 'Stock',
    'Mô tả': 'Description',
    'Chủ thể': 'Producer',
    'Xác minh': 'Verification',
    'Sản phẩm chưa gắn với chủ thể nào.': 'The product has no producer yet.',
    'điểm': 'points',
    'Địa chỉ trên giấy': 'Address on the document',
    'Mở bản chụp (PDF)': 'Open the scan (PDF)',
    'Bản chụp giấy chứng nhận': 'Certificate scan',
    'Chưa có bản chụp giấy chứng nhận.': 'No certificate scan yet.',
    'Chưa có giấy chứng nhận.': 'No certificate yet.',
    'Không có thao tác nào bạn được thực hiện ở trạng thái này.': 'There is nothing you may do in this state.',
    'Lịch sử duyệt': 'Review history',
    'Từ → sang': 'From → to',
    'Hệ thống': 'System',
    'thay mặt': 'on behalf of',
    'Chưa có.': 'None yet.',
    'Lọc': 'Filter',
    'Bỏ lọc': 'Clear filters',
    'Nhóm': 'Group',
    'Chứng nhận mới chờ duyệt': 'New certificate awaiting review',
    'Không có sản phẩm nào chờ duyệt.': 'No products awaiting review.',
    ('%(total)s sản phẩm', '%(total)s sản phẩm'): ('%(total)s product', '%(total)s products'),
    'Đã gửi sản phẩm cho cán bộ duyệt.': 'The product was sent to the reviewers.',
    'Chưa lưu được giấy chứng nhận: xem lỗi bên dưới.': 'The certificate was not saved: see the errors below.',
    'Đã lưu giấy chứng nhận; giấy mới sẽ được cán bộ duyệt.': 'Certificate saved; a reviewer will check the new certificate.',
    'Sản phẩm OCOP của tôi': 'My OCOP products',
    'hết hạn': 'expires',
    'Chưa có sản phẩm nào.': 'No products yet.',
    'Sửa thông tin, giá, ảnh sản phẩm': "Edit the product's details, price and pictures",
    'Gửi cán bộ duyệt': 'Send for review',
    'Bản chụp': 'Scan',
    'Thêm giấy chứng nhận (cấp mới hoặc đánh giá lại)': 'Add a certificate (new or re-assessed)',
    'Lưu giấy chứng nhận': 'Save certificate',
    'Chỉ cán bộ duyệt OCOP mới được xác minh chủ thể.': 'Only OCOP reviewers may verify producers.',
    'Cán bộ duyệt không được xác minh chủ thể mà mình là thành viên.': 'Reviewers may not verify a producer they belong to.',
    'Chủ thể này đã được xác minh.': 'This producer is already verified.',
    'Chủ thể đã được xác minh': 'Producer verified',
    'Chủ thể này đang bị tạm ngừng.': 'This producer is already suspended.',
    'Chủ thể bị tạm ngừng; các sản phẩm đang bán đã được tạm ngừng': 'Producer suspended; its products on sale were suspended',
    'Xác minh chủ thể': 'Producer verification',
    'Thanh toán điện tử': 'E-payment',
    'Nhóm sản phẩm theo Quyết định 1048': 'Product group under Decision 1048',
    'Chỉ với giấy chứng nhận cấp theo bộ tiêu chí 1048.': 'Only for certificates issued under the 1048 criteria.',
    'Nhóm theo Quyết định 1048 chỉ dùng cho giấy chứng nhận theo bộ tiêu chí 1048.': 'A Decision 1048 group applies only to certificates issued under the 1048 criteria.',
    "Gửi duyệt": "Submit for review",
    "Từ khóa quá dài (tối đa 100 ký tự).": "The search is too long (100 characters at most).",
    'Dưới 100.000 ₫': 'Under 100.000 ₫',
    '100.000 – 300.000 ₫': '100.000 – 300.000 ₫',
    '300.000 – 1.000.000 ₫': '300.000 – 1.000.000 ₫',
    'Từ 1.000.000 ₫': '1.000.000 ₫ and more',
    'Hạng sao OCOP': 'OCOP stars',
    'Khoảng giá': 'Price range',
    'Còn hàng': 'In stock',
    'Nhiều sao OCOP nhất': 'Most OCOP stars',
    'Lọc sản phẩm': 'Filter products',
    'đang lọc': 'filtered',
    'Bỏ tất cả bộ lọc': 'Clear all filters',
    # --- orders and fulfilment (shop/order/fulfilment.py, portal order pages) ---
    'Hãy nhập đơn vị vận chuyển.': 'Enter the carrier.',
    'Hãy nhập mã vận đơn.': 'Enter the tracking number.',
    'Hãy ghi lý do huỷ để báo cho khách hàng.': 'Write the reason for cancelling; the customer will be told.',
    'Dòng hàng không hợp lệ.': 'Invalid order line.',
    'Hãy chọn ít nhất một sản phẩm trong đơn.': 'Choose at least one product of the order.',
    'Chỉ được thao tác trên sản phẩm của chính chủ thể trong đơn hàng này.':
        "You may only act on your own producer's products in this order.",
    '“%(title)s” đang ở trạng thái “%(status)s”, không thể chuyển sang “%(new)s”.':
        '“%(title)s” is “%(status)s” and cannot become “%(new)s”.',
    'Số lượng trong kho của “%(title)s” ít hơn số cần gửi. Hãy cập nhật số lượng trong kho rồi thử lại.':
        'The stock of “%(title)s” is lower than the quantity to ship. Update the stock and try again.',
    'Đơn hàng': 'Orders',
    'Xác nhận, gửi hàng hoặc huỷ sản phẩm trong đơn': 'Confirm, ship or cancel the products ordered',
    'Sản phẩm của tôi': 'My products',
    'Thêm, sửa sản phẩm, giá và số lượng trong kho': 'Add and edit products, prices and stock',
    'Đã bán được bao nhiêu, theo kỳ': 'How much you sold, per period',
    'Đối soát, thanh toán': 'Settlements and payouts',
    'Số tiền nền tảng thanh toán cho chủ thể': 'What the platform pays the producer',
    'Người dùng của chủ thể': "The producer's users",
    'Mời, gỡ người cùng quản lý': 'Invite or remove the people who manage it with you',
    'Trạng thái phần hàng của tôi': 'Status of my part',
    'Hãy chọn ít nhất một sản phẩm.': 'Choose at least one product.',
    'Sản phẩm đã chọn không còn thực hiện được việc này.': 'This can no longer be done to the product chosen.',
    'Đơn vị vận chuyển': 'Carrier',
    'Ví dụ: Bưu điện (VNPost)': 'For example: VNPost',
    'Mã vận đơn': 'Tracking number',
    'Lý do huỷ (gửi cho khách hàng)': 'Reason for cancelling (sent to the customer)',
    'Không tìm thấy đơn hàng.': 'Order not found.',
    'Đã xác nhận. Hãy chuẩn bị hàng và gửi đi.': 'Confirmed. Prepare the goods and ship them.',
    'Đã ghi nhận gửi hàng. Khách hàng được báo mã vận đơn.':
        'Shipment recorded. The customer has been sent the tracking number.',
    'Đã huỷ. Khách hàng được báo lý do qua email.': 'Cancelled. The customer has been emailed the reason.',
    'Cổng chủ thể': "Producer's portal",
    'đơn hàng mới chờ xác nhận': 'new orders to confirm',
    'sản phẩm đã xác nhận, chờ gửi hàng': 'products confirmed, waiting to be shipped',
    'Đơn hàng mới': 'New orders',
    'Đơn': 'Order',
    'Việc trong cổng': 'In the portal',
    ('%(n)s sản phẩm', '%(n)s sản phẩm'): ('%(n)s product', '%(n)s products'),
    'Chỉ hiện sản phẩm của bạn trong mỗi đơn: số tiền là tiền hàng của bạn (không tính sản phẩm đã huỷ).':
        'Only your products in each order are shown: the amount is for your goods (cancelled products excluded).',
    'Mã đơn': 'Order number',
    'Ngày đặt': 'Ordered on',
    'Người nhận': 'Recipient',
    'Tiền hàng của tôi': 'My goods',
    'Xác nhận': 'Confirm',
    'Gửi hàng': 'Ship',
    'Xem': 'View',
    'Chưa có đơn hàng nào.': 'No orders yet.',
    ('Có %(n)s đơn hàng mới chờ bạn xác nhận.', 'Có %(n)s đơn hàng mới chờ bạn xác nhận.'):
        ('%(n)s new order is waiting for your confirmation.', '%(n)s new orders are waiting for your confirmation.'),
    ('%(total)s đơn hàng', '%(total)s đơn hàng'): ('%(total)s order', '%(total)s orders'),
    'Giao đến': 'Deliver to',
    'Ghi chú của khách': "Customer's note",
    'Khách chưa để lại địa chỉ giao hàng.': 'The customer left no delivery address.',
    'Sản phẩm của tôi trong đơn': 'My products in this order',
    'Số lượng': 'Quantity',
    'Đơn giá': 'Unit price',
    'Thành tiền': 'Amount',
    'Tiền hàng của tôi (không tính sản phẩm đã huỷ)': 'My goods (cancelled products excluded)',
    '1. Xác nhận đơn': '1. Confirm the order',
    'Xác nhận, tôi sẽ chuẩn bị hàng': "Confirm: I'll prepare the goods",
    '2. Gửi hàng': '2. Ship',
    'Đã gửi hàng': 'Shipped',
    'Huỷ sản phẩm không giao được': "Cancel products you can't deliver",
    'Số lượng trong kho được trả lại; khách hàng nhận email kèm lý do và được hoàn tiền nếu đã thanh toán.':
        'The stock is returned; the customer is emailed the reason and refunded if they had paid.',
    'Huỷ các sản phẩm đã chọn': 'Cancel the products chosen',
    'Lịch sử xử lý': 'History',
    'Chưa có thao tác nào.': 'Nothing done yet.',
    'Đơn hàng %(number)s': 'Order %(number)s',
    'thay mặt %(name)s': 'on behalf of %(name)s',
    'Chọn sản phẩm': 'Choose products',
    # --- selling on OCOP Market: application, verification, team, assisted entry ---
    'Email này đã có tài khoản. Hãy đăng nhập rồi gửi hồ sơ.':
        'This email already has an account. Log in, then send the application.',
    'Tài khoản này đã là người đại diện của %(name)s (%(status)s): mỗi tài khoản chỉ gửi một hồ sơ.':
        'This account already represents %(name)s (%(status)s): each account sends one application.',
    'Mã số %(number)s đã được một chủ thể khác đăng ký trên sàn. Nếu đây là cơ sở của bạn, hãy liên hệ ban quản lý.':
        'Number %(number)s is already registered on the marketplace by another producer. If this is your business, contact the management board.',
    'Chỉ người đại diện của chủ thể mới được mời hoặc xoá người dùng.':
        "Only the producer's representative may invite or remove users.",
    'Lời mời này đã bị người đại diện huỷ. Hãy xin một lời mời mới.':
        'The representative cancelled this invitation. Ask for a new one.',
    'Lời mời này đã được dùng. Mỗi lời mời chỉ dùng được một lần.':
        'This invitation has been used. Each invitation works once.',
    'Lời mời này đã hết hạn (sau 7 ngày). Hãy xin người đại diện gửi lời mời mới.':
        'This invitation has expired (after 7 days). Ask the representative to send a new one.',
    'Chỉ quản trị viên được cấp quyền nhập liệu hỗ trợ.':
        'Only administrators may grant assisted entry.',
    'Lời mời này đã được dùng hoặc đã huỷ.': 'This invitation has been used or cancelled.',
    'Không thể xoá người đại diện của chủ thể.': "The producer's representative cannot be removed.",
    'Người này không thuộc chủ thể.': 'This person does not belong to the producer.',
    'Lời mời này gửi tới %(email)s. Hãy đăng nhập bằng đúng email đó.':
        'This invitation was sent to %(email)s. Log in with that email.',
    '%(email)s đã là người dùng của %(name)s.': '%(email)s is already a user of %(name)s.',
    'Đã có lời mời đang chờ gửi tới %(email)s. Huỷ lời mời đó nếu muốn gửi lại.':
        'An invitation to %(email)s is already waiting. Cancel it to send a new one.',
    'Chưa có tài khoản nào với email %(email)s. Người đó cần đăng ký tài khoản trước.':
        'There is no account with the email %(email)s. That person needs to sign up first.',
    '%(email)s đã được phép nhập liệu cho %(name)s.':
        '%(email)s may already enter data for %(name)s.',
    'Hãy điền mục này.': 'Please fill in this field.',
    'Số nhà, thôn/bản, đường': 'House number, village, street',
    'Tên cơ sở (tên hiển thị trên sàn)': 'Business name (shown on the marketplace)',
    'Tên đầy đủ theo giấy đăng ký kinh doanh': 'Full name on the business registration',
    'Mã số đăng ký kinh doanh hoặc mã số thuế': 'Business registration number or tax code',
    'Họ tên người đại diện': "Representative's full name",
    'Số điện thoại liên hệ': 'Contact phone number',
    'Email của cơ sở (nếu có)': 'Business email (if any)',
    'Giới thiệu ngắn về cơ sở và sản phẩm': 'A short introduction to the business and its products',
    'Cơ sở có tài khoản ngân hàng hoặc ví điện tử để nhận tiền':
        'The business has a bank account or e-wallet to receive payments',
    'Ảnh chụp hoặc bản PDF giấy đăng ký kinh doanh':
        'Photo or PDF of the business registration certificate',
    'Để trống nếu giống tên cơ sở.': 'Leave empty if it is the business name.',
    'Ghi trên giấy chứng nhận đăng ký hộ kinh doanh, hợp tác xã hoặc doanh nghiệp.':
        'As written on the household business, cooperative or company registration certificate.',
    'Vài câu: cơ sở làm gì, ở đâu, từ bao giờ. Khách hàng sẽ đọc phần này.':
        'A few sentences: what the business makes, where, since when. Customers read this.',
    'Tệp PDF hoặc ảnh JPEG, PNG, WebP, tối đa 10 MB. Chụp rõ cả trang.':
        'A PDF file or a JPEG, PNG or WebP image, at most 10 MB. Photograph the whole page clearly.',
    'Tôi đồng ý với Điều khoản sử dụng nền tảng OCOP Market (phiên bản %s).':
        'I agree to the OCOP Market platform terms of use (version %s).',
    'Tôi đồng ý cho OCOP Market xử lý dữ liệu cá nhân của tôi như thông báo dưới đây (phiên bản %s).':
        'I agree that OCOP Market processes my personal data as described in the notice below (version %s).',
    'Email của người được mời': 'Email of the person invited',
    'Email tài khoản được cấp quyền': 'Email of the account to authorise',
    'Chủ thể được nhập liệu thay': 'Producer to enter data for',
    '— Chọn chủ thể —': '— Choose a producer —',
    'Ghi chú (đơn vị, chức vụ)': 'Note (organisation, position)',
    'Lý do / ghi chú gửi người đăng ký': 'Reason / note for the applicant',
    'Mật khẩu': 'Password',
    'Ít nhất 8 ký tự, không chỉ gồm chữ số, không quá giống tên hay email.':
        'At least 8 characters, not only digits, not too similar to your name or email.',
    'Nhập lại mật khẩu': 'Repeat the password',
    'Hai mật khẩu không giống nhau.': 'The two passwords differ.',
    'Bạn cần đồng ý với điều khoản sử dụng để bán hàng trên sàn.':
        'You need to accept the terms of use to sell on the marketplace.',
    'Bạn cần đồng ý cho xử lý dữ liệu cá nhân để chúng tôi xác minh hồ sơ.':
        'You need to agree to personal-data processing so that we can verify the application.',
    'Email chưa đúng (ví dụ ten@gmail.com).': 'This email is not valid (e.g. name@gmail.com).',
    'Hãy tải lên ảnh chụp hoặc bản PDF giấy đăng ký kinh doanh.':
        'Please upload a photo or PDF of the business registration certificate.',
    'Mã số chỉ gồm chữ số, chữ cái và dấu gạch (ít nhất 5 ký tự).':
        'The number has only digits, letters and hyphens (at least 5 characters).',
    'Email này đã có tài khoản: hãy đăng nhập.': 'This email already has an account: please log in.',
    'Chọn một chủ thể trong danh sách.': 'Choose a producer from the list.',
    'Email đăng nhập': 'Login email',
    'Số điện thoại của bạn': 'Your phone number',
    'Chọn một xã/phường thuộc tỉnh/thành phố đã chọn.':
        'Choose a commune/ward of the chosen province.',
    '— Chọn tỉnh/thành phố —': '— Choose a province —',
    '— Chọn xã/phường —': '— Choose a commune/ward —',
    '— Chọn tỉnh/thành phố trước —': '— Choose the province first —',
    'Không tìm thấy lời mời này. Hãy kiểm tra lại đường dẫn trong email.':
        'This invitation was not found. Check the link in the email.',
    'Lời mời này gửi tới %(email)s, nhưng bạn đang đăng nhập bằng %(mine)s. Hãy đăng xuất rồi đăng nhập bằng đúng email được mời.':
        'This invitation was sent to %(email)s, but you are logged in as %(mine)s. Log out, then log in with the invited email.',
    'Hãy nêu lý do từ chối để người đăng ký biết cần bổ sung gì.':
        'Give the reason for rejecting so the applicant knows what to add.',
    'Chỉ từ chối được hồ sơ đang chờ xác minh.':
        'Only applications waiting for verification can be rejected.',
    'Bạn đang làm việc cho %(name)s.': 'You are now working for %(name)s.',
    'Đã gửi lời mời tới %(email)s. Lời mời dùng được trong 7 ngày.':
        'Invitation sent to %(email)s. It can be used for 7 days.',
    'Đã huỷ lời mời gửi tới %(email)s.': 'Invitation to %(email)s cancelled.',
    'Đã xoá %(name)s khỏi chủ thể.': '%(name)s removed from the producer.',
    'Đã thu hồi quyền nhập liệu của %(email)s cho %(name)s.':
        'Assisted entry of %(email)s for %(name)s revoked.',
    '%(email)s được nhập liệu thay %(name)s.': '%(email)s may now enter data for %(name)s.',
    'Lời mời tham gia cơ sở': 'Invitation to join a producer',
    'Nhận lời mời': 'Accept the invitation',
    'Tạo tài khoản để nhận lời mời': 'Create an account to accept the invitation',
    'Đã có tài khoản khác? Đăng nhập': 'Have another account? Log in',
    'Tạo tài khoản và nhận lời mời': 'Create the account and accept',
    'Lời mời tham gia %(name)s': 'Invitation to join %(name)s',
    '%(inviter)s mời %(email)s cùng quản lý việc bán hàng của %(name)s trên OCOP Market.':
        '%(inviter)s invites %(email)s to help manage the sales of %(name)s on OCOP Market.',
    'Lời mời dùng được một lần, đến %(date)s.': 'The invitation works once, until %(date)s.',
    'Đã có tài khoản với email %(email)s. Hãy đăng nhập để nhận lời mời.':
        'There is already an account with the email %(email)s. Log in to accept the invitation.',
    'Tài khoản đăng nhập bằng email %(email)s.': 'The account logs in with the email %(email)s.',
    'Đã nhận hồ sơ đăng ký bán hàng': 'Application to sell received',
    'Các bước tiếp theo': 'Next steps',
    'Chúng tôi đã gửi email xác nhận đã nhận hồ sơ. Hãy kiểm tra cả thư mục thư rác.':
        'We have emailed you a confirmation that the application was received. Check your spam folder too.',
    'Cán bộ quản lý kiểm tra giấy đăng ký kinh doanh và thông tin của cơ sở, thường trong 3 đến 5 ngày làm việc; có thể gọi điện cho bạn để hỏi thêm.':
        'The management board checks the business registration and the business details, usually within 3 to 5 working days, and may call you with questions.',
    'Khi hồ sơ được duyệt, bạn nhận email và đăng nhập để vào trang quản lý của cơ sở: thêm sản phẩm, giấy chứng nhận OCOP và mời người cùng làm.':
        "When the application is approved you receive an email and log in to the business's management pages: add products and OCOP certificates, and invite co-workers.",
    'Nếu hồ sơ chưa được chấp thuận, email sẽ nêu lý do để bạn bổ sung và gửi lại.':
        'If the application is not accepted, the email gives the reason so that you can complete it and apply again.',
    'Về trang chủ': 'Back to the home page',
    'Cảm ơn bạn. Hồ sơ của %(name)s đã được gửi tới ban quản lý chương trình OCOP.':
        'Thank you. The application of %(name)s has been sent to the OCOP programme management board.',
    'Đăng ký bán hàng trên OCOP Market': 'Sell on OCOP Market',
    'Hợp tác xã, doanh nghiệp, tổ hợp tác, hộ kinh doanh có sản phẩm OCOP có thể bán trên sàn. Điền hồ sơ dưới đây; cán bộ quản lý sẽ kiểm tra và trả lời qua email trong vài ngày làm việc.':
        'Cooperatives, companies, cooperative groups and household businesses with OCOP products can sell on the marketplace. Fill in the application below; the management board checks it and replies by email within a few working days.',
    'Đã hiện danh sách xã/phường. Hãy chọn xã/phường, rồi chọn lại tệp giấy đăng ký kinh doanh và nhập mật khẩu (trình duyệt không giữ lại các mục này).':
        'The communes/wards are now listed. Choose one, then choose the business registration file again and re-enter the password (browsers do not keep these).',
    'Hồ sơ chưa gửi được: hãy sửa các mục có báo lỗi bên dưới.':
        'The application was not sent: correct the fields marked below.',
    '1. Thông tin cơ sở': '1. Business details',
    '2. Địa chỉ cơ sở': '2. Business address',
    'Hiện danh sách xã/phường của tỉnh đã chọn': 'List the communes/wards of the chosen province',
    '3. Giới thiệu và nhận tiền bán hàng': '3. Introduction and receiving payments',
    '4. Tài khoản của người đại diện': "4. The representative's account",
    'Tài khoản dùng để đăng nhập trang quản lý của cơ sở sau khi hồ sơ được duyệt.':
        "This account logs in to the business's management pages once the application is approved.",
    'Đã có tài khoản? Đăng nhập trước rồi quay lại trang này.':
        'Already have an account? Log in first, then come back to this page.',
    '5. Giấy đăng ký kinh doanh': '5. Business registration certificate',
    '6. Điều khoản và dữ liệu cá nhân': '6. Terms and personal data',
    'Tóm tắt điều khoản sử dụng nền tảng': 'Summary of the platform terms of use',
    'Chỉ bán sản phẩm do cơ sở làm ra, đúng với giấy chứng nhận OCOP và nhãn mác.':
        'Sell only products the business makes, matching their OCOP certificate and labels.',
    'Giá bán bằng đồng Việt Nam, đã gồm thuế; giao hàng và đổi trả theo chính sách của sàn.':
        "Prices in Vietnamese đồng, taxes included; delivery and returns follow the marketplace's policies.",
    'Sàn thu phí hoa hồng trên doanh thu và, với hộ kinh doanh và cá nhân, khấu trừ thuế thay theo quy định; phần còn lại được chuyển vào tài khoản của cơ sở.':
        "The marketplace takes a commission on sales and, for household businesses and individuals, withholds tax as the law requires; the rest is paid into the business's account.",
    'Ban quản lý có thể tạm ngừng cơ sở hoặc sản phẩm vi phạm, có nêu lý do.':
        'The management board may suspend a business or product that breaks the rules, giving the reason.',
    'Thông báo xử lý dữ liệu cá nhân': 'Personal data processing notice',
    'Dữ liệu thu thập: họ tên, email, số điện thoại của người đại diện; thông tin và giấy đăng ký kinh doanh của cơ sở; tài khoản nhận tiền.':
        "Data collected: the representative's name, email and phone number; the business's details and registration certificate; the payment account.",
    'Mục đích: xác minh cơ sở, mở tài khoản bán hàng, thanh toán tiền bán hàng và liên lạc về đơn hàng.':
        'Purpose: verifying the business, opening the seller account, paying out sales and contacting you about orders.',
    'Người được xem: cán bộ quản lý chương trình OCOP và nhân viên vận hành sàn; tên, địa chỉ và giới thiệu của cơ sở được hiện công khai.':
        "Who sees it: OCOP programme officers and the marketplace's operators; the business's name, address and introduction are public.",
    'Bạn có quyền xem, sửa, rút lại sự đồng ý hoặc yêu cầu xoá dữ liệu bằng cách liên hệ ban quản lý; hồ sơ đã dùng cho thanh toán và thuế được lưu theo thời hạn luật định.':
        'You may view, correct, withdraw consent or ask for deletion by contacting the management board; records used for payments and taxes are kept for the periods the law requires.',
    'Gửi hồ sơ đăng ký': 'Send the application',
    'Tài khoản của bạn đã gửi hồ sơ cho %(name)s (trạng thái: %(status)s). Mỗi tài khoản chỉ gửi một hồ sơ.':
        'Your account has already applied for %(name)s (status: %(status)s). Each account sends one application.',
    'Hồ sơ được gửi bằng tài khoản %(email)s. Sau khi hồ sơ được duyệt, tài khoản này vào được trang quản lý của cơ sở.':
        "The application is sent with the account %(email)s. Once approved, this account can open the business's management pages.",
    'Đã nhận lời mời': 'Invitation accepted',
    'Vào trang quản lý của cơ sở': "Open the business's management pages",
    'Cơ sở chưa được ban quản lý xác minh. Bạn sẽ vào được trang quản lý khi hồ sơ được duyệt.':
        'The business has not been verified yet. You can open the management pages once its application is approved.',
    'Bạn đã là người dùng của %(name)s.': 'You are now a user of %(name)s.',
    'Lời mời không dùng được': 'This invitation cannot be used',
    'Người dùng của cơ sở': "The business's users",
    'Chỉ người đại diện của cơ sở mới được mời hoặc xoá người dùng. Bạn chỉ xem được danh sách.':
        "Only the business's representative may invite or remove users. You can only view the list.",
    'Họ tên': 'Full name',
    'Vai trò': 'Role',
    'Xoá người này khỏi cơ sở?': 'Remove this person from the business?',
    'Xoá khỏi cơ sở': 'Remove from the business',
    'Lời mời đang chờ': 'Pending invitations',
    'Người mời': 'Invited by',
    'Huỷ lời mời': 'Cancel invitation',
    'Không có lời mời nào đang chờ.': 'No invitations are waiting.',
    'Mời người cùng làm': 'Invite a co-worker',
    'Người được mời nhận email có đường dẫn, dùng được một lần trong 7 ngày. Họ cần đăng nhập bằng đúng email này.':
        'The person invited receives an email with a link that works once within 7 days. They must log in with this email.',
    'Gửi lời mời': 'Send invitation',
    'Người nhập liệu hỗ trợ': 'Assisted data entry',
    'Cán bộ xã, nhân viên bưu điện… được ban quản lý cho phép nhập liệu thay cơ sở. Mọi thay đổi của họ được ghi lại với tên của họ và của cơ sở.':
        "Commune officers, post-office staff… allowed by the management board to enter data for the business. Everything they change is recorded with their name and the business's.",
    'Không có ai.': 'Nobody.',
    'Hồ sơ': 'Application',
    'Tên theo đăng ký kinh doanh': 'Name on the business registration',
    'Tài khoản nhận tiền': 'Payment account',
    'Chưa có': 'None yet',
    'Ngày đăng ký': 'Application date',
    'Quyết định gần nhất': 'Latest decision',
    'người đại diện': 'representative',
    'Chưa có tài khoản nào.': 'No accounts yet.',
    'Đồng ý đã ghi nhận': 'Recorded consents',
    'Người': 'Person',
    'Văn bản': 'Document',
    'Phiên bản': 'Version',
    'Địa chỉ IP': 'IP address',
    'rút lại': 'withdrawn',
    'Không có bản ghi đồng ý nào.': 'No consent records.',
    'Giấy đăng ký kinh doanh': 'Business registration certificate',
    'Mở bản chụp': 'Open the scan',
    'Chưa có bản chụp.': 'No scan yet.',
    'Từ chối hồ sơ (cần lý do)': 'Reject the application (reason needed)',
    'Nhập liệu hỗ trợ': 'Assisted entry',
    'Cho phép một tài khoản (cán bộ xã, nhân viên bưu điện…) nhập liệu thay một chủ thể cụ thể. Mọi thay đổi của họ được ghi lại với tên của họ và của chủ thể.':
        "Let an account (a commune officer, a post-office agent…) enter data for one named producer. Everything they change is recorded with their name and the producer's.",
    'Cấp quyền': 'Grant',
    'Ghi chú': 'Note',
    'Người cấp, ngày cấp': 'Granted by, on',
    'Thu hồi': 'Revoke',
    'Chưa cấp quyền cho ai.': 'Nobody has been granted assisted entry.',
    'Từ chối hồ sơ': 'Reject application',
    'Đăng ký ngày %(date)s': 'Applied on %(date)s',
    'Làm việc cho': 'Working for',
    'Chuyển': 'Switch',
    'Bán hàng trên OCOP Market': 'Sell on OCOP Market',
    'Mời %(email)s làm người dùng của cơ sở': 'Invited %(email)s to become a user of the business',
    'Huỷ lời mời gửi tới %(email)s': 'Cancelled the invitation to %(email)s',
    '%(email)s nhận lời mời và trở thành người dùng của cơ sở':
        '%(email)s accepted the invitation and became a user of the business',
    'Xoá %(name)s (%(email)s) khỏi cơ sở': 'Removed %(name)s (%(email)s) from the business',
    # --- portal: products (helper H2) ---
    'tên sản phẩm': 'product name',
    'mô tả': 'description',
    'ảnh sản phẩm': 'product images',
    'Sản phẩm này không thuộc chủ thể của bạn.': 'This product does not belong to your business.',
    'Đã sửa: %(fields)s': 'Changed: %(fields)s',
    'Tạo sản phẩm %(title)s (bản nháp)': 'Created product %(title)s (draft)',
    'Sửa sản phẩm %(title)s': 'Edited product %(title)s',
    'Mỗi sản phẩm có tối đa %(limit)s ảnh (đang có %(count)s).':
        'A product can have at most %(limit)s images (it has %(count)s).',
    'Thêm %(count)s ảnh cho %(title)s': 'Added %(count)s image(s) to %(title)s',
    'Ảnh này không thuộc sản phẩm.': 'This image does not belong to the product.',
    'Đổi thứ tự ảnh của %(title)s': 'Reordered the images of %(title)s',
    'Xoá một ảnh của %(title)s': 'Deleted an image of %(title)s',
    'Có dòng không thuộc chủ thể của bạn: chưa lưu gì.': 'Some rows do not belong to your business: nothing was saved.',
    'Giá %(title)s: %(price)s đồng, còn %(stock)s': 'Price of %(title)s: %(price)s đồng, %(stock)s in stock',
    'Nội dung đã sửa: tạm ngừng bán và gửi duyệt lại': 'Content changed: off sale and sent back for review',
    'Gửi duyệt lại': 'Send back for review',
    'Ảnh quá lớn (%(size)s). Giới hạn là %(limit)s.': 'The image is too large (%(size)s). The limit is %(limit)s.',
    'Hãy nhập giá bán.': 'Enter the price.',
    'Giá bán là số đồng, không có phần lẻ (ví dụ 120000).': 'The price is a whole number of đồng (for example 120000).',
    'Giá bán phải lớn hơn 0 đồng.': 'The price must be more than 0 đồng.',
    'Giá bán quá lớn.': 'The price is too large.',
    'Hãy nhập số lượng còn trong kho (0 nếu đã hết).': 'Enter the quantity in stock (0 if sold out).',
    'Số lượng là số nguyên (ví dụ 25).': 'The quantity is a whole number (for example 25).',
    'Số lượng không thể âm.': 'The quantity cannot be negative.',
    'Số lượng quá lớn.': 'The quantity is too large.',
    'Giá bán (đồng)': 'Price (đồng)',
    'Số lượng trong kho': 'Quantity in stock',
    'Tên sản phẩm': 'Product name',
    'Mô tả sản phẩm': 'Product description',
    'Phân nhóm': 'Subgroup',
    'Khối lượng khi gửi hàng (gam)': 'Shipping weight (grams)',
    'Viết như nói với khách: sản phẩm là gì, làm ở đâu, dùng thế nào, hạn sử dụng. Để một dòng trống giữa các đoạn.':
        'Write as you would tell a customer: what it is, where it is made, how to use it, shelf life. '
        'Leave a blank line between paragraphs.',
    'Cả bao bì, để tính phí gửi hàng. Ví dụ 500 cho nửa cân.':
        'Including packaging, to work out the shipping cost. For example 500 for half a kilo.',
    'Hãy nhập tên sản phẩm.': 'Enter the product name.',
    'Hãy chọn nhóm sản phẩm.': 'Choose the product group.',
    'Hãy chọn phân nhóm.': 'Choose the subgroup.',
    'Khối lượng là số gam, không có phần lẻ.': 'The weight is a whole number of grams.',
    'Hãy viết vài dòng giới thiệu sản phẩm.': 'Write a few lines about the product.',
    'Hàng gửi đi cần khối lượng (gam) để tính phí vận chuyển.':
        'Goods that are shipped need a weight (grams) to work out the shipping cost.',
    'Khối lượng phải lớn hơn 0 gam.': 'The weight must be more than 0 grams.',
    'Không thể chuyển giữa hàng hoá và dịch vụ du lịch: hãy tạo sản phẩm mới.':
        'A product cannot change between goods and a tourism service: create a new product.',
    'Nhóm sản phẩm không khớp loại sản phẩm: hãy chọn lại.': 'The product group does not match the kind of product: choose again.',
    'Mỗi lần tải lên tối đa %(limit)s ảnh.': 'At most %(limit)s images per upload.',
    'Chọn ảnh (có thể chọn nhiều ảnh một lúc)': 'Choose images (you can pick several at once)',
    'Ảnh JPEG, PNG hoặc WebP, mỗi ảnh tối đa 10 MB.': 'JPEG, PNG or WebP images, at most 10 MB each.',
    'Hãy chọn ít nhất một ảnh.': 'Choose at least one image.',
    'Đang có %(count)s sản phẩm khách đã đặt chưa gửi: số lượng trong kho không thể ít hơn.':
        '%(count)s units are ordered and not yet shipped: the quantity in stock cannot be lower.',
    'Tìm theo tên': 'Search by name',
    'Chưa lưu được: xem các ô báo lỗi bên dưới.': 'Not saved: see the fields marked below.',
    'Đã tạo bản nháp “%(title)s”. Bước tiếp: thêm ảnh, rồi thêm giấy chứng nhận OCOP và gửi duyệt.':
        'Draft “%(title)s” created. Next: add images, then add the OCOP certificate and submit for review.',
    'Đã lưu. Vì nội dung thay đổi, sản phẩm tạm ngừng bán và đã được gửi cán bộ duyệt lại.':
        'Saved. Because the content changed, the product is off sale and has been sent back for review.',
    'Đã lưu thay đổi.': 'Changes saved.',
    'Đã xoá ảnh.': 'Image deleted.',
    'Đã đổi thứ tự ảnh.': 'Images reordered.',
    'Đã thêm %(count)s ảnh.': 'Added %(count)s image(s).',
    'Chưa tải ảnh lên được: xem lỗi bên dưới.': 'The images were not uploaded: see the errors below.',
    'Sản phẩm tạm ngừng bán và đã được gửi cán bộ duyệt lại.': 'The product is off sale and has been sent back for review.',
    'Không tìm thấy sản phẩm.': 'Product not found.',
    'Chưa lưu gì: sửa các ô báo lỗi rồi lưu lại.': 'Nothing saved: correct the marked fields and save again.',
    'Chỉ sửa được các sản phẩm đã có.': 'Only existing products can be edited here.',
    'Đã lưu giá và số lượng của %(count)s sản phẩm.': 'Saved the price and stock of %(count)s product(s).',
    '+ Thêm sản phẩm mới': '+ Add a new product',
    'Sửa nhanh giá và số lượng': 'Quick edit of prices and stock',
    'Giá bán': 'Price',
    'Trong kho': 'In stock',
    'Việc cần làm': 'Actions',
    'Chưa có ảnh': 'No image yet',
    'Hết hiệu lực': 'No longer valid',
    'Chưa có giấy': 'No certificate yet',
    'Giấy mới chờ duyệt': 'New certificate awaiting review',
    'Sửa': 'Edit',
    'Chứng nhận, gửi duyệt': 'Certificate, submit',
    'Thêm sản phẩm mới': 'Add a new product',
    'Sửa sản phẩm': 'Edit product',
    'Sản phẩm đang được bán. Nếu sửa tên hoặc mô tả, sản phẩm sẽ tạm ngừng bán cho đến khi cán bộ duyệt lại. Sửa giá và số lượng thì không cần duyệt lại.':
        'This product is on sale. Changing its name or description takes it off sale until it is reviewed again. '
        'Price and stock changes need no review.',
    'Sản phẩm mới được lưu thành bản nháp, chưa hiện cho khách. Sau khi lưu, hãy thêm ảnh và giấy chứng nhận OCOP rồi gửi cán bộ duyệt.':
        'A new product is saved as a draft that customers do not see. After saving, add images and the OCOP '
        'certificate, then submit it for review.',
    'Ảnh sản phẩm': 'Product images',
    'Giấy chứng nhận OCOP và gửi duyệt': 'OCOP certificate and submission',
    'Lưu ý: sửa tên hoặc mô tả sẽ tạm ngừng bán sản phẩm đến khi được duyệt lại.':
        'Note: changing the name or description takes the product off sale until it is reviewed again.',
    'Lưu thay đổi': 'Save changes',
    'Lưu bản nháp': 'Save draft',
    'Sản phẩm đang được bán. Thêm hoặc xoá ảnh sẽ tạm ngừng bán sản phẩm cho đến khi cán bộ duyệt lại. Đổi thứ tự ảnh thì không.':
        'This product is on sale. Adding or deleting images takes it off sale until it is reviewed again. '
        'Reordering images does not.',
    'Ảnh chính': 'Main image',
    '↑ Lên trước': '↑ Move up',
    '↓ Xuống sau': '↓ Move down',
    'Xoá ảnh': 'Delete image',
    'Chưa có ảnh nào.': 'No images yet.',
    'Tải ảnh lên': 'Upload images',
    'Sửa thông tin sản phẩm': 'Edit product details',
    'Ảnh đầu tiên là ảnh chính khách thấy trong danh sách. Tối đa %(max_images)s ảnh.':
        'The first image is the main one customers see in lists. At most %(max_images)s images.',
    'Giá và số lượng': 'Prices and stock',
    'Sửa giá (đồng) và số lượng trong kho của nhiều sản phẩm rồi bấm Lưu một lần. Sửa giá và số lượng không làm sản phẩm phải duyệt lại.':
        'Change the price (đồng) and stock of several products, then save once. Price and stock changes need no review.',
    'Lưu giá và số lượng': 'Save prices and stock',
    'Chưa thanh toán':
        'Not paid',
    'Đã thanh toán':
        'Paid',
    'Hoàn tiền, huỷ hàng':
        'Refunds and cancellations',
    'Tỷ lệ phí nền tảng':
        'Platform commission rate',
    'Phí nền tảng':
        'Platform commission',
    'Tỷ lệ khấu trừ thuế GTGT':
        'VAT withholding rate',
    'Thuế GTGT khấu trừ':
        'VAT withheld',
    'Tỷ lệ khấu trừ thuế TNCN':
        'Personal income tax withholding rate',
    'Thuế TNCN khấu trừ':
        'Personal income tax withheld',
    'Số tiền thanh toán cho chủ thể':
        'Amount paid to the producer',
    'Nền tảng khấu trừ thuế thay chủ thể':
        'Platform withholds tax for the producer',
    'Loại hình chủ thể khi lập bảng':
        'Producer type when computed',
    'Tính lúc':
        'Computed at',
    'Ngày thanh toán':
        'Paid on',
    'Người xác nhận thanh toán':
        'Payment confirmed by',
    'Mã giao dịch chuyển khoản':
        'Bank transfer reference',
    'Bảng đối soát':
        'Settlement statement',
    'Mã sản phẩm':
        'Product code',
    'Doanh thu (đồng)':
        'Revenue (đồng)',
    'Tổng cộng':
        'Total',
    'Chỉ cán bộ quản lý có quyền thanh toán đối soát mới được xác nhận.':
        'Only administrators allowed to pay settlements may confirm a payment.',
    'Hãy nhập mã giao dịch chuyển khoản.':
        'Enter the bank transfer reference.',
    'Mã giao dịch dài tối đa %(n)s ký tự.':
        'The reference is at most %(n)s characters long.',
    'Bảng đối soát này đã được thanh toán.':
        'This statement has already been paid.',
    'Kỳ đối soát chưa kết thúc: chỉ thanh toán sau ngày %(day)s.':
        'The period has not ended: it can be paid only after %(day)s.',
    'Thêm giấy chứng nhận %(number)s cho %(title)s':
        'Added certificate %(number)s to %(title)s',
    'Tháng':
        'Month',
    'Hãy chọn tháng.':
        'Choose a month.',
    'Tháng không hợp lệ (dạng năm-tháng, ví dụ 2026-01).':
        'Invalid month (year-month, e.g. 2026-01).',
    'Đã lập/tính lại %(n)s bảng đối soát của tháng %(month)s.':
        'Prepared or recomputed %(n)s statements for %(month)s.',
    'Mã giao dịch dài tối đa %(limit_value)d ký tự.':
        'The reference is at most %(limit_value)d characters long.',
    'Không tìm thấy bảng đối soát.':
        'Settlement statement not found.',
    'Đã ghi nhận thanh toán %(amount)s cho %(name)s.':
        'Recorded the payment of %(amount)s to %(name)s.',
    'Nhật ký thao tác của chủ thể':
        'Producer activity log',
    'Hãy chọn ngày bắt đầu.':
        'Choose the start date.',
    'Hãy chọn ngày kết thúc.':
        'Choose the end date.',
    'Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.':
        'The end date must be on or after the start date.',
    'Chỉ xem được tối đa %(days)s ngày một lần.':
        'You can view at most %(days)s days at a time.',
    'Chờ xác nhận':
        'Waiting for confirmation',
    'Đã xác nhận':
        'Confirmed',
    'Đã huỷ':
        'Cancelled',
    'Đang chuẩn bị hàng':
        'Being prepared',
    'Đã gửi một phần':
        'Partly shipped',
    'Huỷ':
        'Cancel',
    'Bạn không có quyền thao tác cho chủ thể này.':
        'You may not act for this producer.',
    'Tài khoản này chưa quản lý chủ thể nào.':
        'This account does not manage any producer yet.',
    'Cá nhân kinh doanh':
        'Individual seller',
    'Lý do quyết định xác minh':
        'Reason for the verification decision',
    'Ngày quyết định xác minh':
        'Verification decided on',
    'Ngày đăng ký bán hàng':
        'Applied to sell on',
    'Tài khoản người đại diện':
        "Representative's account",
    'Người cấp quyền':
        'Granted by',
    'Ngày cấp quyền':
        'Granted on',
    'Quyền nhập liệu hỗ trợ':
        'Assisted entry grant',
    'Email người được mời':
        "Invitee's email",
    'Lời mời tham gia chủ thể':
        'Invitation to join a producer',
    'Bán chạy nhất':
        'Best-selling',
    'Cơ sở của tôi':
        'My business',
    'Tổng quan':
        'Overview',
    'Giá và tồn kho':
        'Prices and stock',
    'Giấy chứng nhận OCOP, gửi duyệt':
        'OCOP certificates, submit for review',
    'Đối soát với chủ thể':
        'Producer settlements',
    'Điều khoản sử dụng nền tảng':
        'Platform terms of use',
    'Xử lý dữ liệu cá nhân':
        'Personal data processing',
    'Đồng ý':
        'Agreed',
    'Nơi ghi nhận':
        'Recorded in',
    'Đồng ý của người dùng':
        'User consent',
    'Đối soát %(name)s tháng %(month)s':
        'Settlement for %(name)s, %(month)s',
    'Đối soát, thanh toán cho chủ thể':
        'Producer settlements and payments',
    'Từ ngày %(start)s đến ngày %(end)s.':
        'From %(start)s to %(end)s.',
    'Xác nhận bởi %(name)s.':
        'Confirmed by %(name)s.',
    'Chủ thể chưa khai báo tài khoản ngân hàng.':
        'The producer has not given a bank account.',
    'Xác nhận đã chuyển khoản':
        'Confirm the transfer was made',
    'Số liệu được tính lại lần cuối khi xác nhận; sau đó bảng đối soát không thay đổi nữa.':
        'The figures are recomputed one last time on confirmation; after that the statement never changes.',
    'Đã chuyển %(amount)s':
        'Transferred %(amount)s',
    'Tháng chưa kết thúc: chưa thể xác nhận thanh toán.':
        'The month has not ended: the payment cannot be confirmed yet.',
    'Xem tháng':
        'Show month',
    'Lập / tính lại bảng đối soát của tháng':
        "Prepare / recompute the month's statements",
    'Bảng đã thanh toán không thay đổi.':
        'Paid statements do not change.',
    'Kỳ từ %(start)s đến %(end)s.':
        'Period from %(start)s to %(end)s.',
    'Thanh toán cho chủ thể':
        'Paid to the producer',
    'không khấu trừ':
        'not withheld',
    'Chưa có bảng đối soát cho tháng này. Bấm “Lập / tính lại” để lập.':
        'No statements for this month yet. Press “Prepare / recompute” to prepare them.',
    'Tổng cộng (%(n)s chủ thể, %(paid)s đã thanh toán)':
        'Total (%(n)s producers, %(paid)s paid)',
    ('%(counter)s đơn hàng mới chờ xác nhận', '%(counter)s đơn hàng mới chờ xác nhận'):
        ('%(counter)s new order waiting for confirmation', '%(counter)s new orders waiting for confirmation'),
    'Bạn đang thao tác thay mặt %(name)s. Mọi thay đổi được ghi lại với tên của bạn và của chủ thể.':
        "You are acting on behalf of %(name)s. Every change is recorded with your name and the producer's.",
    'Xem doanh số':
        'Show sales',
    'Từ %(date_from)s đến %(date_to)s, tính theo ngày khách đặt hàng, không tính sản phẩm đã huỷ.':
        'From %(date_from)s to %(date_to)s, by the date customers ordered, cancelled items left out.',
    'Doanh thu':
        'Revenue',
    'Chưa bán được sản phẩm nào trong khoảng thời gian này.':
        'Nothing sold in this period.',
    'Tải về file Excel (CSV)':
        'Download for Excel (CSV)',
    'Xem đối soát, thanh toán':
        'See settlements and payments',
    'Đối soát tháng %(month)s':
        'Settlement for %(month)s',
    'Tháng chưa kết thúc: số liệu còn thay đổi.':
        'The month has not ended: the figures may still change.',
    'Nền tảng sẽ chuyển khoản số tiền được nhận vào tài khoản ngân hàng của bạn.':
        'The platform will transfer the amount due to your bank account.',
    'Xem doanh số theo sản phẩm của tháng này':
        "See this month's sales by product",
    'Quay lại danh sách':
        'Back to the list',
    'Tiền bán hàng (theo ngày đặt hàng trong tháng)':
        'Sales (by order date within the month)',
    'Trừ hàng bị huỷ, hoàn tiền trong tháng':
        'Less cancellations and refunds in the month',
    'Doanh thu tính phí và thuế':
        'Revenue subject to fees and tax',
    'Phí nền tảng (%(rate)s %%)':
        'Platform commission (%(rate)s %%)',
    'Thuế GTGT nền tảng khấu trừ, nộp thay (%(rate)s %%)':
        'VAT withheld and paid by the platform (%(rate)s %%)',
    'Thuế TNCN nền tảng khấu trừ, nộp thay (%(rate)s %%)':
        'Personal income tax withheld and paid by the platform (%(rate)s %%)',
    'Thuế GTGT, thuế TNCN':
        'VAT, personal income tax',
    'Số tiền được nhận':
        'Amount due to you',
    'Theo Nghị định 117/2025/NĐ-CP, nền tảng khấu trừ và nộp thay thuế GTGT và thuế TNCN trên doanh thu bán hàng của hộ kinh doanh, cá nhân kinh doanh.':
        'Under Decree 117/2025/NĐ-CP the platform withholds and pays VAT and personal income tax on the sales of household and individual sellers.',
    'tổ chức':
        'an organisation',
    'Không khấu trừ thuế: chủ thể là %(kind)s, tự kê khai và nộp thuế. Nghị định 117/2025/NĐ-CP chỉ yêu cầu nền tảng khấu trừ thuế thay hộ kinh doanh, cá nhân kinh doanh.':
        'No tax withheld: the producer is %(kind)s and declares and pays its own taxes. Decree 117/2025/NĐ-CP requires the platform to withhold tax only for household and individual sellers.',
    'Mỗi khoản phí, thuế được làm tròn đến đồng (từ 0,5 đồng trở lên làm tròn lên); số tiền được nhận bằng doanh thu trừ các khoản trên.':
        'Each fee and tax is rounded to the đồng (0.5 đồng and above rounds up); the amount due is the revenue less these amounts.',
    'Số liệu tính lúc':
        'Figures computed at',
    'Mỗi tháng có một bảng đối soát: tiền bán hàng, trừ hàng bị huỷ, phí nền tảng và thuế nền tảng khấu trừ thay bạn (nếu có). Sau khi hết tháng, nền tảng chuyển khoản số tiền còn lại cho bạn.':
        'Each month has a statement: sales, less cancellations, the platform commission and any tax the platform withholds for you. After the month ends, the platform transfers the rest to you.',
    'đang tính':
        'still counting',
    'Xem chi tiết':
        'Details',
    'Chưa có bảng đối soát nào: khi bạn bán được hàng, bảng đối soát của tháng sẽ hiện ở đây.':
        "No statements yet: when you sell, the month's statement will appear here.",
    'Xem doanh số theo sản phẩm':
        'See sales by product',
    'Bài viết':
        'Articles',
    'Order #%(number)s':
        'Order #%(number)s',
    'Status':
        'Status',
    'Shipping address':
        'Shipping address',
    'Address':
        'Address',
    'Contact number':
        'Contact number',
    'Notes':
        'Notes',
    'Shipping method':
        'Shipping method',
    'Order contents':
        'Order contents',
    'Product':
        'Product',
    'Quantity':
        'Quantity',
    'Line price excl. tax':
        'Line price excl. tax',
    'Line price incl. tax':
        'Line price incl. tax',
    'Write a review':
        'Write a review',
    'Totals':
        'Totals',
    'Basket total (inc. tax)':
        'Basket total (inc. tax)',
    'Shipping charge (inc. tax)':
        'Shipping charge (inc. tax)',
    'Order total':
        'Order total',
    'Order history':
        'Order history',
    'Qty':
        'Qty',
    'Re-ordering...':
        'Re-ordering...',
    'Re-order':
        'Re-order',
    'Not available anymore':
        'Not available anymore',
    'Basket total (excl. discounts)':
        'Basket total (excl. discounts)',
    'Discount':
        'Discount',
    'Basket total (inc. discounts)':
        'Basket total (inc. discounts)',
    'Basket total':
        'Basket total',
    'Shipping total (excl. discounts)':
        'Shipping total (excl. discounts)',
    'Shipping total (inc. discounts)':
        'Shipping total (inc. discounts)',
    'Shipping total':
        'Shipping total',
    'Re-order all items':
        'Re-order all items',
    'Shipping Method':
        'Shipping Method',
    'Shipping Address':
        'Shipping Address',
    'Contact Number':
        'Contact Number',
    'Shipping Notes':
        'Shipping Notes',
    'Chủ thể chưa nộp bản chụp giấy đăng ký kinh doanh.':
        'The producer has not submitted a business registration scan.',
    # Checkout, shipping and payments
    'Chờ thanh toán': 'Awaiting payment',
    'Thu tiền khi giao hàng': 'Cash on delivery',
    'Thanh toán không thành công': 'Payment failed',
    'Đã huỷ giao dịch': 'Voided',
    'Đã hoàn tiền': 'Refunded',
    'Mã đơn hàng': 'Order number',
    'Phương thức': 'Method',
    'Số tiền': 'Amount',
    'Đã nhận': 'Received',
    'Đã hoàn': 'Refunded',
    'Mã giao dịch của cổng thanh toán': "Provider's transaction reference",
    'Thanh toán lúc': 'Paid at',
    'Người xác nhận đã nhận tiền': 'Receipt confirmed by',
    'Cần quản trị viên xem': 'Needs an administrator',
    'Ghi chú cho quản trị viên': 'Note for administrators',
    'Sự kiện từ cổng thanh toán': 'Payment provider event',
    'Thanh toán khi nhận hàng (COD)': 'Cash on delivery (COD)',
    'Trả tiền mặt cho người giao hàng khi nhận hàng.': 'Pay the courier in cash when the parcel arrives.',
    'Thẻ quốc tế (Visa, Mastercard, JCB…) qua Stripe': 'International card (Visa, Mastercard, JCB…) via Stripe',
    'Thanh toán bằng thẻ trên trang bảo mật của Stripe; số thẻ không đi qua máy chủ của chúng tôi.': "Pay by card in Stripe's secure form; your card number never passes through our servers.",
    'Thẻ bị từ chối: %(reason)s': 'Card declined: %(reason)s',
    'Cổng thanh toán thẻ đang không phản hồi; hãy thử lại sau ít phút hoặc chọn cách thanh toán khác.': 'The card payment gateway is not responding; try again in a few minutes or choose another payment method.',
    'Chuyển khoản ngân hàng (VietQR)': 'Bank transfer (VietQR)',
    'Quét mã VietQR bằng ứng dụng ngân hàng bất kỳ; đơn hàng được xác nhận khi tiền về.': 'Scan the VietQR code with any banking app; the order is confirmed when the money arrives.',
    'Thẻ ATM, QR ngân hàng, ví điện tử qua VNPay': 'Domestic ATM card, bank QR or e-wallet via VNPay',
    'Chuyển sang trang VNPay để thanh toán bằng thẻ nội địa, mã QR của ngân hàng hoặc ví.': "Go to VNPay's page to pay by domestic card, bank QR code or wallet.",
    'Số tiền “%(value)s” không đọc được.': 'The amount “%(value)s” cannot be read.',
    'Tệp sao kê lớn hơn 2 MB; hãy xuất từng khoảng thời gian ngắn hơn.': 'The statement is larger than 2 MB; export shorter periods.',
    'Tệp không phải CSV mã hoá UTF-8.': 'The file is not a UTF-8 CSV.',
    'Tệp sao kê trống.': 'The statement is empty.',
    'Không tìm thấy cột số tiền và nội dung trong dòng tiêu đề (ví dụ “Số tiền ghi có”, “Nội dung”).': 'No amount and description columns in the header row (e.g. “Số tiền ghi có”, “Nội dung”).',
    'Họ và tên người nhận': "Recipient's full name",
    'Số di động Việt Nam, ví dụ 0912345678.': 'A Vietnamese mobile number, e.g. 0912345678.',
    'Số nhà, thôn/tổ, đường': 'House number, hamlet, street',
    'Hãy chọn xã/phường thuộc tỉnh/thành phố đã chọn.': 'Choose a commune or ward of the chosen province.',
    'Ghi chú cho người giao hàng': 'Note for the courier',
    'Hãy chọn ngày sử dụng dịch vụ.': 'Choose the date of the service.',
    'Ngày không hợp lệ (dạng ngày/tháng/năm, ví dụ 25/12/2026).': 'Invalid date (day/month/year, e.g. 25/12/2026).',
    'Phương thức thanh toán': 'Payment method',
    'Hãy chọn phương thức thanh toán.': 'Choose a payment method.',
    'Phương thức thanh toán này hiện không dùng được.': 'This payment method is not available now.',
    'Phương thức thanh toán này hiện không dùng được; hãy chọn cách khác.': 'This payment method is not available now; choose another.',
    'Không thực hiện được thanh toán.': 'The payment could not be made.',
    'Số tiền đã nhận (đồng)': 'Amount received (đồng)',
    'Mã giao dịch / số phiếu thu': 'Transaction reference / receipt number',
    'Tệp sao kê (CSV)': 'Statement file (CSV)',
    'Số tiền đã nhận không hợp lệ.': 'The amount received is not valid.',
    'Đã ghi nhận thanh toán %(amount)s cho đơn hàng %(number)s.': 'Recorded a payment of %(amount)s for order %(number)s.',
    'Đơn hàng %(number)s đã được ghi nhận thanh toán trước đó.': 'Order %(number)s was already recorded as paid.',
    'Số tiền %(amount)s khác số tiền của đơn hàng %(number)s: chưa ghi nhận, đã đánh dấu để kiểm tra.': '%(amount)s differs from the amount of order %(number)s: not recorded, flagged for review.',
    'Đơn hàng %(number)s không còn hiệu lực: cần hoàn lại %(amount)s cho khách.': 'Order %(number)s is no longer valid: %(amount)s must be returned to the customer.',
    'Không ghi nhận được thanh toán cho đơn hàng %(number)s.': 'The payment for order %(number)s could not be recorded.',
    'Đã đánh dấu đã xem thanh toán của đơn hàng %(number)s.': 'Marked the payment of order %(number)s as reviewed.',
    'Thao tác không hợp lệ cho thanh toán này.': 'This action is not valid for this payment.',
    'Hãy chọn tệp sao kê CSV.': 'Choose a CSV statement file.',
    'Nhập số tiền bằng đồng, không có dấu chấm (ví dụ 22000).': 'Enter the amount in đồng without dots (e.g. 22000).',
    'Số tiền không được âm.': 'The amount cannot be negative.',
    'Hãy nhập giá mỗi kg vượt mốc.': 'Enter the price per extra kg.',
    'Nhập khối lượng bằng gam (số nguyên).': 'Enter the weight in grams (a whole number).',
    'Khối lượng phải lớn hơn 0.': 'The weight must be more than 0.',
    'Hãy nhập khối lượng.': 'Enter the weight.',
    'Hãy nhập phí vận chuyển.': 'Enter the shipping charge.',
    'Vùng giao hàng cần ít nhất một mốc khối lượng.': 'A delivery zone needs at least one weight band.',
    'Hai mốc khối lượng trùng nhau.': 'Two weight bands are the same.',
    'Mốc nặng hơn không được có phí thấp hơn mốc nhẹ hơn.': 'A heavier band cannot cost less than a lighter one.',
    'Đã lưu ngưỡng miễn phí vận chuyển.': 'Free-shipping threshold saved.',
    'Không có vùng giao hàng này.': 'No such delivery zone.',
    'Đã lưu biểu phí vùng %(zone)s.': 'Rates for zone %(zone)s saved.',
    'Khách chưa thanh toán đơn hàng này (chuyển khoản, thẻ hoặc ví). Chỉ gửi hàng khi đơn đã được xác nhận thanh toán.': 'The customer has not paid this order yet (transfer, card or wallet). Ship only once the payment is confirmed.',
    'Hoá đơn bán hàng %(number)s': 'Sales invoice %(number)s',
    'HOÁ ĐƠN BÁN HÀNG': 'SALES INVOICE',
    'Đơn hàng %(number)s · ngày %(date)s': 'Order %(number)s · %(date)s',
    'Người bán: %(name)s': 'Seller: %(name)s',
    'Địa chỉ: %(address)s': 'Address: %(address)s',
    'Mã số thuế / mã số đăng ký kinh doanh: %(code)s': 'Tax code / business registration number: %(code)s',
    'Điện thoại: %(phone)s': 'Phone: %(phone)s',
    'Người mua: %(name)s': 'Buyer: %(name)s',
    'Địa chỉ giao hàng: %(address)s': 'Delivery address: %(address)s',
    'SL': 'Qty',
    'Thuế GTGT': 'VAT',
    'Tiền thuế': 'VAT amount',
    'Tiền hàng': 'Goods',
    'Trong đó thuế GTGT': 'Of which VAT',
    'Phí vận chuyển': 'Shipping',
    'Chứng từ bán hàng do OCOP Market lập cho người mua; không thay thế hoá đơn điện tử. Người bán đã đăng ký thuế GTGT xuất hoá đơn điện tử theo quy định khi người mua yêu cầu.': 'Sales record issued by OCOP Market for the buyer; it does not replace the e-invoice. VAT-registered sellers issue the legal e-invoice on request.',
    'Ngôn ngữ của khách': "Customer's language",
    'Rất tiếc, “%(title)s” chỉ còn %(n)s sản phẩm. Giỏ hàng của bạn vẫn được giữ nguyên: hãy giảm số lượng rồi đặt hàng lại.': 'Sorry, only %(n)s of “%(title)s” are left. Your basket has been kept as it was: lower the quantity and place the order again.',
    'Rất tiếc, “%(title)s” vừa hết hàng. Giỏ hàng của bạn vẫn được giữ nguyên: hãy bỏ sản phẩm này rồi đặt hàng lại.': 'Sorry, “%(title)s” has just sold out. Your basket has been kept as it was: remove this product and place the order again.',
    'Email đã dùng khi đặt hàng': 'Email used for the order',
    'Quý khách đã tra cứu sai quá nhiều lần. Vui lòng thử lại sau 15 phút.': 'Too many unsuccessful look-ups. Please try again in 15 minutes.',
    'Không tìm thấy đơn hàng với mã và email này. Hãy kiểm tra lại email xác nhận đơn hàng.': 'No order with this number and email. Check your order confirmation email.',
    'Thanh toán của khách': 'Customer payments',
    'Giao hàng tận nơi (mỗi chủ thể gửi một kiện)': 'Home delivery (one parcel per producer)',
    'Phí vận chuyển tính cho từng kiện hàng theo khối lượng và khoảng cách tới địa chỉ nhận.': 'Shipping is charged per parcel by weight and distance to the delivery address.',
    'Vùng giao hàng': 'Delivery zone',
    'Giá mỗi kg vượt mốc cuối (đồng)': 'Price per kg above the last band (đồng)',
    'Cộng cho mỗi kg (phần lẻ tính tròn 1 kg) vượt quá mốc khối lượng cao nhất.': 'Added for each kg (a part kg counts as 1 kg) above the heaviest band.',
    'Biểu phí vùng giao hàng': 'Delivery zone rates',
    'Đến khối lượng (gam)': 'Up to weight (grams)',
    'Phí vận chuyển (đồng)': 'Shipping charge (đồng)',
    'Mốc khối lượng': 'Weight band',
    'Miễn phí vận chuyển cho kiện hàng từ (đồng)': 'Free shipping for parcels from (đồng)',
    'Kiện hàng của một chủ thể có tiền hàng đạt mức này được miễn phí vận chuyển. Để trống hoặc 0: không miễn phí.': "A producer's parcel whose goods reach this amount ships free. Empty or 0: never free.",
    'Cài đặt vận chuyển': 'Shipping settings',
    'Tên chủ thể': 'Producer name',
    'Khối lượng (gam)': 'Weight (grams)',
    'Tiền hàng của kiện (đồng)': 'Parcel goods (đồng)',
    'Phí theo biểu phí (đồng)': 'Charge by the rates (đồng)',
    'Phí vận chuyển đã tính (đồng)': 'Shipping charged (đồng)',
    'Miễn phí do đạt ngưỡng': 'Free by threshold',
    'Kiện hàng của đơn': 'Order parcel',
    'Ngày sử dụng dịch vụ phải từ hôm nay (%(today)s) trở đi.': 'The service date must be today (%(today)s) or later.',
    'Nội tỉnh': 'Same province',
    'Nội miền': 'Same region',
    'Liên miền': 'Other region',
    'Miền Bắc': 'North',
    'Miền Trung và Tây Nguyên': 'Centre and Central Highlands',
    'Miền Nam': 'South',
    'Cập nhật danh sách xã/phường theo tỉnh đã chọn': 'Update the commune list for the chosen province',
    'Chưa chọn phương thức thanh toán.': 'No payment method chosen yet.',
    'Đổi phương thức thanh toán': 'Change payment method',
    'Phí vận chuyển theo từng chủ thể': 'Shipping per producer',
    'Mỗi chủ thể gửi một kiện riêng, tính phí theo khối lượng và vùng giao hàng.': 'Each producer sends its own parcel, charged by weight and delivery zone.',
    'Chọn phương thức thanh toán': 'Choose a payment method',
    'Hiện chưa có phương thức thanh toán nào. Vui lòng liên hệ đường dây nóng.': 'No payment method is available at the moment. Please call the hotline.',
    'Tiếp tục': 'Continue',
    'Quay lại giỏ hàng': 'Back to the basket',
    'Tổng phí vận chuyển': 'Total shipping',
    'Chọn cách giao này': 'Choose this delivery',
    'Đơn hàng %(number)s: đã đặt': 'Order %(number)s: placed',
    'Cảm ơn quý khách đã đặt hàng': 'Thank you for your order',
    'Mã đơn hàng của quý khách: <strong class="order-number">%(number)s</strong>': 'Your order number: <strong class="order-number">%(number)s</strong>',
    'Chúng tôi đã gửi email xác nhận đến %(email)s. Dùng mã đơn hàng và email này để tra cứu đơn.': 'We have sent a confirmation to %(email)s. Use the order number and this email to look up the order.',
    'Chúng tôi đã gửi email xác nhận. Quý khách theo dõi đơn trong mục Tài khoản → Đơn hàng.': 'We have sent a confirmation email. Follow the order under Account → Orders.',
    'Đơn hàng gồm các phần của từng chủ thể': 'Your order, producer by producer',
    'Mỗi chủ thể OCOP tự đóng gói và gửi phần của mình, nên quý khách có thể nhận nhiều kiện.': 'Each OCOP producer packs and ships its own part, so you may receive several parcels.',
    'Tiếp tục mua sắm': 'Continue shopping',
    'Kính gửi quý khách,': 'Dear customer,',
    'Chúng tôi đã nhận %(amount)s cho đơn hàng %(number)s. Các chủ thể sẽ chuẩn bị và gửi hàng cho quý khách.': 'We have received %(amount)s for order %(number)s. The producers will now prepare and ship your parcels.',
    'Trân trọng,': 'Kind regards,',
    'Đã nhận thanh toán cho đơn hàng %(number)s': 'Payment received for order %(number)s',
    'Lưu địa chỉ': 'Save address',
    'Các phần của đơn hàng theo chủ thể': "The order's parts by producer",
    'Kết quả nhập sao kê': 'Statement import results',
    'Dòng': 'Row',
    'Ngày': 'Date',
    'Kết quả': 'Result',
    'Đã ghi nhận thanh toán': 'Payment recorded',
    'Đơn đã thanh toán trước đó': 'Order already paid',
    'Sai số tiền — đã đánh dấu để kiểm tra': 'Wrong amount — flagged for review',
    'Không khớp đơn hàng nào': 'Matches no order',
    'Dòng này đã được nhập trước đó': 'Row already imported',
    'Bỏ qua (không phải tiền vào)': 'Skipped (not a credit)',
    'Quay lại thanh toán': 'Back to payments',
    'Nhập sao kê ngân hàng (CSV) để xác nhận chuyển khoản VietQR': 'Import a bank statement (CSV) to confirm VietQR transfers',
    'Tệp CSV UTF-8 xuất từ ngân hàng, có dòng tiêu đề với cột số tiền (“Số tiền ghi có” hoặc “Số tiền”), cột nội dung (“Nội dung”, “Mô tả” hoặc “Diễn giải”), và nếu có: “Ngày giao dịch”, “Số tham chiếu”. Dòng có nội dung chứa mã “OCOP <số đơn>” được đối chiếu; nhập lại cùng tệp không ghi nhận hai lần.': 'A UTF-8 CSV exported by the bank, with a header row naming the amount column (“Số tiền ghi có” or “Số tiền”), the description column (“Nội dung”, “Mô tả” or “Diễn giải”) and, if present, “Ngày giao dịch” and “Số tham chiếu”. Rows whose description holds “OCOP <order number>” are matched; importing the same file again records nothing twice.',
    'Nhập sao kê': 'Import statement',
    'Mã giao dịch': 'Transaction reference',
    'Đã nhận tiền': 'Money received',
    'Đã xem': 'Reviewed',
    'Chưa có thanh toán nào.': 'No payments yet.',
    'Mỗi chủ thể gửi một kiện hàng riêng. Phí của kiện tính theo tổng khối lượng (sản phẩm chưa khai báo khối lượng tính %(grams)s g) và vùng giao hàng: cùng tỉnh với chủ thể, cùng miền, hoặc khác miền. Dịch vụ du lịch không tính phí vận chuyển. Biểu phí mới áp dụng cho giỏ hàng từ bây giờ; đơn đã đặt giữ nguyên phí đã tính.': "Each producer ships its own parcel. A parcel is charged by its total weight (a product without a weight counts %(grams)s g) and the delivery zone: the producer's province, the same region, or another region. Tourism services have no shipping. New rates apply to baskets from now on; placed orders keep the charge they had.",
    'Khối lượng': 'Weight',
    'Phí': 'Charge',
    'đến %(grams)s g': 'up to %(grams)s g',
    'Chưa có biểu phí: không giao được tới vùng này.': 'No rates yet: no delivery to this zone.',
    'mỗi kg thêm': 'each extra kg',
    'Lưu ngưỡng': 'Save threshold',
    'Các miền': 'Regions',
    'Biểu phí vùng %(zone)s': 'Rates for zone %(zone)s',
    'Kiện hàng nặng đến mốc nào thì tính phí của mốc đó. Để thêm mốc, điền vào dòng trống; để bỏ mốc, đánh dấu “Xoá”.': 'A parcel pays the charge of the first band its weight fits in. To add a band, fill in the empty row; to remove one, tick “Delete”.',
    'Xoá': 'Delete',
    'Xoá mốc này': 'Delete this band',
    'Lưu biểu phí': 'Save rates',
    'Quay lại': 'Back',
    'Tra cứu đơn hàng': 'Order look-up',
    'Nhập mã đơn hàng và email quý khách đã dùng khi đặt hàng (có trong email xác nhận).': 'Enter the order number and the email you ordered with (both are in the confirmation email).',
    'Tra cứu': 'Look up',
    'Đặt ngày': 'Placed on',
    'Vận chuyển': 'Carrier',
    'Ngày sử dụng dịch vụ': 'Service date',
    'Miễn phí': 'Free',
    'Tải hoá đơn (PDF)': 'Download invoice (PDF)',
    'Phí vận chuyển theo kiện hàng': 'Shipping per parcel',
    'Kiện hàng của': 'Parcel from',
    'Vùng': 'Zone',
    'thay vì %(amount)s': 'instead of %(amount)s',
    'Quý khách trả %(amount)s bằng tiền mặt khi nhận hàng. Đơn hàng có sản phẩm của nhiều chủ thể sẽ đến thành nhiều kiện; mỗi người giao hàng thu phần của kiện mình.': 'You pay %(amount)s in cash on delivery. An order from several producers arrives in several parcels; each courier collects for their parcel.',
    'Đơn hàng chờ thanh toán bằng thẻ.': 'The order is waiting for your card payment.',
    'Thanh toán bằng thẻ': 'Pay by card',
    'Mở ứng dụng ngân hàng, quét mã VietQR dưới đây và xác nhận chuyển khoản. Số tiền và nội dung chuyển khoản đã có sẵn trong mã.': 'Open your banking app, scan the VietQR code below and confirm the transfer. The amount and the transfer reference are in the code.',
    'Mã VietQR chuyển khoản cho đơn hàng': 'VietQR transfer code for the order',
    'Nội dung chuyển khoản': 'Transfer reference',
    'Đơn hàng được giữ hàng trong 48 giờ chờ tiền về. Khi nhận được tiền, chúng tôi gửi email xác nhận và các chủ thể bắt đầu chuẩn bị hàng.': 'Your items are held for 48 hours while the transfer arrives. When it does, we email you and the producers start preparing your parcels.',
    'Đơn hàng chờ thanh toán qua VNPay.': 'The order is waiting for payment through VNPay.',
    'Thanh toán qua VNPay': 'Pay through VNPay',
    'Thanh toán đơn hàng %(number)s bằng thẻ': 'Pay order %(number)s by card',
    'Đơn hàng đã được thanh toán. Cảm ơn quý khách!': 'This order is paid. Thank you!',
    'Cổng thanh toán thẻ đang không phản hồi. Vui lòng thử lại sau ít phút; đơn hàng vẫn được giữ.': 'The card gateway is not responding. Please try again in a few minutes; your order is kept.',
    'Số tiền: <strong>%(amount)s</strong>': 'Amount: <strong>%(amount)s</strong>',
    'Thông tin thẻ': 'Card details',
    'Thanh toán bằng thẻ cần bật JavaScript (ô nhập thẻ do Stripe cung cấp). Quý khách có thể bật JavaScript hoặc liên hệ đường dây nóng để đổi sang chuyển khoản.': 'Card payment needs JavaScript (the card form comes from Stripe). Turn JavaScript on, or call the hotline to switch to a bank transfer.',
    'Xem đơn hàng': 'View the order',
    'Kết quả thanh toán': 'Payment result',
    'Thanh toán đơn hàng %(number)s': 'Payment for order %(number)s',
    'Đã nhận thanh toán. Các chủ thể sẽ chuẩn bị và gửi hàng cho quý khách.': 'Payment received. The producers will prepare and ship your parcels.',
    'Thanh toán chưa thành công. Quý khách có thể thử lại với thẻ khác.': 'The payment did not go through. You can try again with another card.',
    'Thử lại': 'Try again',
    'Chúng tôi đang xác nhận thanh toán với ngân hàng; quý khách sẽ nhận email khi tiền về. Có thể tải lại trang sau ít phút.': 'We are confirming the payment with the bank; you will get an email when it arrives. You can reload this page in a few minutes.',
    'VNPay báo giao dịch thành công; chúng tôi đang xác nhận thanh toán và sẽ gửi email khi hoàn tất.': 'VNPay reports the transaction as successful; we are confirming the payment and will email you when it is done.',
    'Thanh toán qua VNPay chưa thành công. Đơn hàng vẫn được giữ; quý khách có thể thanh toán lại.': 'The VNPay payment did not go through. Your order is kept; you can pay again.',
    'Thanh toán lại qua VNPay': 'Pay again through VNPay',
    'Hãy ghi lý do huỷ đơn để báo cho khách hàng.': 'Write the reason for cancelling, to tell the customer.',
    'Đã huỷ %(n)s sản phẩm chưa gửi của đơn hàng %(number)s và hoàn tiền đã thu cho các sản phẩm đó.': 'Cancelled %(n)s unshipped item(s) of order %(number)s and refunded what was paid for them.',
    'Đơn hàng %(number)s không còn sản phẩm nào chưa gửi để huỷ.': 'Order %(number)s has no unshipped items left to cancel.',
    'Lý do huỷ đơn': 'Reason for cancelling',
    'Huỷ đơn và hoàn tiền': 'Cancel and refund',
    # Wagtail content (pages, blocks, choosers, settings)
    'Băng chuyền ảnh bìa': 'Hero carousel',
    'Vài ảnh lớn lướt ngang, mỗi ảnh có tiêu đề và nút dẫn tới trang khác.': 'A few large images side by side, each with a headline and a button to another page.',
    'Sản phẩm chọn lọc': 'Featured products',
    'Sản phẩm do biên tập viên chọn; sản phẩm ngừng bán sẽ tự ẩn.': 'Products chosen by an editor; products no longer on sale are hidden.',
    'Cách chọn': 'Rule',
    'Sản phẩm OCOP 5 sao': '5-star OCOP products',
    'Mới trong tháng': 'New this month',
    'Theo tỉnh/thành phố': 'By province',
    'Sản phẩm theo tiêu chí': 'Products by rule',
    'Danh sách tự cập nhật: 5 sao, mới trong tháng, theo nhóm hoặc theo tỉnh.': 'A list that updates itself: 5 stars, new this month, by group or by province.',
    'Hãy chọn giá trị cho cách chọn này.': 'Choose a value for this rule.',
    'Trang câu chuyện': 'Story page',
    'Giới thiệu một chủ thể': 'Producer spotlight',
    'Một hợp tác xã hay hộ sản xuất, với sản phẩm đang bán của họ.': 'A cooperative or household, with its products on sale.',
    'Chương trình khuyến mại': 'Campaign',
    'Băng rôn chương trình': 'Campaign banner',
    'Chỉ hiện khi chương trình đang diễn ra.': 'Shown only while the campaign runs.',
    'Sáu nhóm sản phẩm OCOP': 'The six OCOP product groups',
    'Ô dẫn tới sáu nhóm sản phẩm OCOP.': 'Tiles linking to the six OCOP product groups.',
    'Nhóm OCOP': 'OCOP group',
    'Chọn sản phẩm khác': 'Choose another product',
    'Chọn chủ thể OCOP': 'Choose an OCOP producer',
    'Chọn chủ thể khác': 'Choose another producer',
    'Trang nội dung': 'Standard page',
    'Bắt đầu': 'Starts',
    'Kết thúc': 'Ends',
    'Ảnh băng rôn': 'Banner image',
    'Sản phẩm của chương trình': 'Campaign products',
    'Ưu đãi Oscar áp dụng': 'Oscar offer applied',
    'Giảm giá áp dụng cho các sản phẩm trên trong thời gian chương trình.': 'The discount applies to the products above while the campaign runs.',
    'Thời gian': 'Dates',
    'Ngày kết thúc phải sau ngày bắt đầu.': 'The end must be after the start.',
    'Chương trình không diễn ra lúc này.': 'This campaign is not running now.',
    'Danh sách tin tức': 'News index',
    'Ngày đăng': 'Published on',
    'Tóm tắt': 'Summary',
    'Thẻ': 'Tags',
    'Thông tin': 'Details',
    'Bài viết tin tức': 'News article',
    'Câu chuyện': 'Story',
    'Câu chuyện chủ thể': 'Producer story',
    'Lời cảm ơn sau khi gửi': 'Thank-you text after sending',
    'Ô nhập': 'Form fields',
    'Email gửi quản trị viên': 'Email to administrators',
    'Trang liên hệ': 'Contact page',
    'Đường dây nóng': 'Hotline',
    'Email liên hệ': 'Contact email',
    'Liên kết Zalo': 'Zalo link',
    'Liên kết Facebook': 'Facebook link',
    'Chữ ở chân trang': 'Footer text',
    'Thông tin liên hệ': 'Contact details',
    'Trang': 'Page',
    'Hoặc địa chỉ': 'Or a URL',
    'Chữ hiển thị': 'Label',
    'Để trống thì dùng tên trang.': "Leave empty to use the page's title.",
    'Mục menu': 'Menu items',
    'Menu chính': 'Main menu',
    'Đến hết %(end)s': 'Until %(end)s',
    'Đọc câu chuyện': 'Read the story',
    'Từ %(start)s đến hết %(end)s': 'From %(start)s to %(end)s',
    'Sản phẩm trong chương trình': 'Products in this campaign',
    'Gửi': 'Send',
    'Cảm ơn quý khách. Chúng tôi đã nhận được lời nhắn và sẽ trả lời sớm.': 'Thank you. We have received your message and will answer soon.',
    'trang %(n)s': 'page %(n)s',
    'Bài viết có thẻ “%(tag)s”': 'Articles tagged “%(tag)s”',
    'Tất cả bài viết': 'All articles',
    'Chưa có bài viết.': 'No articles yet.',
    'Phân trang': 'Pagination',
    'Trang trước': 'Previous page',
    'Trang sau': 'Next page',
    'Sản phẩm đang bán của %(name)s': "%(name)s's products on sale",
    'Khách đánh giá %(rating)s/5': 'Customers rate it %(rating)s/5',
    # Security: throttled logins and resets, editors' documents
    'Đăng nhập sai quá nhiều lần. Vì an toàn, tài khoản này tạm thời không đăng nhập được từ đây; vui lòng thử lại sau %(minutes)s phút hoặc đặt lại mật khẩu.':
        'Too many failed sign-in attempts. For your safety this account cannot sign in from here for now; please try again in %(minutes)s minutes or reset your password.',
    'Đã gửi quá nhiều yêu cầu đặt lại mật khẩu. Vui lòng kiểm tra hộp thư (cả thư rác) hoặc thử lại sau %(minutes)s phút.':
        'Too many password reset requests. Please check your inbox (and spam folder) or try again in %(minutes)s minutes.',
    'Tạm thời bị chặn':
        'Temporarily blocked',
    'Nội dung tệp không phải là %(kind)s như đuôi tên tệp cho biết.':
        "The file's content is not %(kind)s, as its extension says.",
    # Vietnamese phone numbers and communes (shop/core/phones.py, address forms)
    "Số di động hoặc cố định Việt Nam, ví dụ 0912345678.": "A Vietnamese mobile or landline number, e.g. 0912345678.",
    "Chọn xã/phường của %(province)s trong danh sách (đã cập nhật theo tỉnh/thành phố bạn chọn).":
        "Choose a commune or ward of %(province)s from the list (now updated for the province you chose).",
    "Chọn tỉnh/thành phố trước, rồi chọn xã/phường.": "Choose the province first, then the commune or ward.",
    "Nhập số điện thoại Việt Nam: di động 10 chữ số (ví dụ 0912345678) hoặc cố định bắt đầu "
    "bằng 02 (ví dụ 024 3826 1234); có thể viết +84.":
        "Enter a Vietnamese phone number: a 10-digit mobile (e.g. 0912345678) or a landline starting with 02 "
        "(e.g. 024 3826 1234); +84 is fine.",
    "Hãy xem lại các ô được đánh dấu bên dưới.": "Please check the fields marked below.",
    # VNPay return page
    "Không xác minh được kết quả thanh toán do VNPay gửi về. Nếu quý khách đã thanh toán, đơn hàng sẽ được "
    "cập nhật khi VNPay xác nhận với chúng tôi.":
        "We could not verify the payment result VNPay sent back. If you have paid, your order will be updated "
        "when VNPay confirms it to us.",
    "Quý khách đã huỷ giao dịch trên trang VNPay.": "You cancelled the transaction on VNPay's page.",
    "Giao dịch đã hết hạn chờ thanh toán.": "The transaction expired before it was paid.",
    "Tài khoản không đủ số dư để thanh toán.": "Your account does not have enough funds for this payment.",
    # Who may recognise which star, in which era (catalogue/ocop/rules.py), and the data check
    "Bộ Nông nghiệp (cấp trung ương)": "the Ministry of Agriculture (central level)",
    "UBND cấp tỉnh": "the provincial People's Committee",
    "UBND cấp huyện": "the district People's Committee",
    "cấp trung ương": "the central level",
    "cấp tỉnh": "the provincial level",
    "cấp huyện": "the district level",
    "Quyết định 1048/QĐ-TTg": "Decision 1048/QĐ-TTg",
    "Quyết định 148/QĐ-TTg": "Decision 148/QĐ-TTg",
    "Quyết định 1489/QĐ-TTg": "Decision 1489/QĐ-TTg",
    "từ %(day)s": "from %(day)s",
    "Theo %(decision)s (%(period)s), sản phẩm %(stars)s sao do %(authority)s công nhận, không phải %(level)s.":
        "Under %(decision)s (%(period)s), %(stars)s-star products are recognised by %(authority)s, "
        "not %(level)s.",
    "Theo %(decision)s (%(period)s), giấy chứng nhận theo bộ tiêu chí %(expected)s, không phải %(given)s.":
        "Under %(decision)s (%(period)s), certificates follow the %(expected)s criteria, not %(given)s.",
    "Ngày quyết định %(day)s nằm ngoài mọi giai đoạn của chương trình OCOP mà nền tảng biết: "
    "sớm nhất là %(decision)s, từ %(first_day)s.":
        "The decision date %(day)s is outside every period of the OCOP programme this platform knows: "
        "the earliest is %(decision)s, from %(first_day)s.",
    "Giấy chứng nhận OCOP có hiệu lực tối đa %(months)s tháng kể từ ngày quyết định: "
    "ngày hết hạn muộn nhất là %(latest)s.":
        "An OCOP certificate is valid for at most %(months)s months from its decision: "
        "the latest expiry date is %(latest)s.",
    "%(upc)s %(title)s — %(producer)s — giấy chứng nhận %(number)s ngày %(day)s (%(stars)s sao, %(issuer)s):":
        "%(upc)s %(title)s — %(producer)s — certificate %(number)s of %(day)s (%(stars)s stars, %(issuer)s):",
    "Tổng cộng: %(count)s giấy chứng nhận vi phạm quy định; không có dữ liệu nào bị thay đổi.":
        "Total: %(count)s certificates breaking a rule; no data was changed.",
    "Giấy chứng nhận vi phạm quy định": "Certificates breaking the rules",
    "Giấy chứng nhận đã lưu không đúng quy định công nhận OCOP (cấp công nhận theo hạng sao và thời kỳ, "
    "bộ tiêu chí, hạn hiệu lực tối đa 36 tháng…). Hệ thống không tự sửa: mở trang duyệt của sản phẩm để xử lý.":
        "Stored certificates that break the OCOP recognition rules (the authority level for the stars and "
        "period, the criteria, validity of at most 36 months…). Nothing is corrected automatically: open the "
        "product's review page to deal with it.",
    ("%(total)s giấy chứng nhận vi phạm", "%(total)s giấy chứng nhận vi phạm"):
        ("%(total)s certificate breaking a rule", "%(total)s certificates breaking a rule"),
    "Vi phạm": "Rules broken",
    "Mọi giấy chứng nhận đã lưu đều đúng quy định.": "Every stored certificate follows the rules.",
    "Chủ thể này chưa được xác minh hoặc hiện không có sản phẩm nào đang bán.":
        "This producer is not verified or has no product for sale at the moment.",
    # Products without a valid certificate: decisions to keep them on sale, revocation decisions
    "Giấy chứng nhận số %(certificate)s đã bị thu hồi ngày %(day)s.":
        "Certificate no. %(certificate)s was revoked on %(day)s.",
    "Giấy chứng nhận số %(certificate)s chưa được duyệt (%(review)s): chỉ thu hồi giấy chứng nhận đã duyệt; "
    "giấy chờ duyệt thì từ chối ở trang duyệt sản phẩm.":
        "Certificate no. %(certificate)s is not approved (%(review)s): only approved certificates can be revoked; "
        "reject a certificate awaiting review on the product's review page.",
    "Không tìm thấy giấy chứng nhận số %(number)s của sản phẩm mã %(code)s.":
        "No certificate no. %(number)s found for the product with code %(code)s.",
    "Không tìm thấy giấy chứng nhận số %(number)s.": "No certificate no. %(number)s found.",
    "Số %(number)s là quyết định chung của %(count)s sản phẩm (%(codes)s): ghi thêm mã sản phẩm sau dấu chấm "
    "phẩy, ví dụ “%(number)s; %(example)s”, hoặc tích chọn trong danh sách.":
        "No. %(number)s is a decision shared by %(count)s products (%(codes)s): add the product code after a "
        "semicolon, e.g. “%(number)s; %(example)s”, or tick it in the list.",
    "Không tìm thấy giấy chứng nhận đã chọn (mã %(pk)s).": "The selected certificate (id %(pk)s) was not found.",
    "Quyết định thu hồi số %(number)s ngày %(day)s: %(reason)s": "Revocation decision no. %(number)s of %(day)s: %(reason)s",
    "Giấy chứng nhận %(number)s đã bị thu hồi.": "Certificate %(number)s has already been revoked.",
    "vẫn bán theo giấy chứng nhận khác còn hiệu lực": "stays on sale under another valid certificate",
    "không đổi": "unchanged",
    "vẫn bán như sản phẩm địa phương, không dấu OCOP, đến %(day)s":
        "stays on sale as a local product, without the OCOP mark, until %(day)s",
    "vẫn bán như sản phẩm địa phương theo quyết định đã có, đến %(day)s":
        "stays on sale as a local product under the existing decision, until %(day)s",
    "Ngày kết thúc quyết định vẫn bán phải từ hôm nay trở đi.":
        "The end date of a decision to keep a product on sale must be today or later.",
    "Chỉ được quyết định vẫn bán tối đa %(months)s tháng một lần (đến %(day)s).":
        "A decision to keep a product on sale may run at most %(months)s months at a time (until %(day)s).",
    "Chỉ sản phẩm đã duyệt mở bán mới có thể được quyết định vẫn bán.":
        "Only an approved product can be kept on sale by a decision.",
    "Vẫn bán như sản phẩm địa phương, không dấu OCOP, đến %(day)s":
        "Kept on sale as a local product, without the OCOP mark, until %(day)s",
    "Sản phẩm này không có quyết định vẫn bán.": "This product has no decision keeping it on sale.",
    "Kết thúc quyết định vẫn bán": "Decision to keep on sale ended",
    "Vẫn bán đến ngày": "Keep on sale until",
    "Hãy chọn ngày kết thúc quyết định vẫn bán.": "Choose the end date of the decision to keep it on sale.",
    "Nếu vẫn bán: đến ngày (tối đa 12 tháng)": "If kept on sale: until (at most 12 months)",
    "Vẫn bán không dấu OCOP đến ngày": "On sale without the OCOP mark until",
    "Quyết định vẫn bán lúc": "Decided to keep on sale at",
    "Người quyết định vẫn bán": "Decided to keep on sale by",
    "Lý do vẫn bán": "Reason for keeping on sale",
    "Chọn ngày.": "Choose a date.",
    "Lý do (gửi cho chủ thể)": "Reason (sent to the producer)",
    "Tỉnh/thành phố của chủ thể": "Producer's province/city",
    "Số quyết định thu hồi": "Revocation decision number",
    "Nhập số quyết định thu hồi.": "Enter the revocation decision number.",
    "Ngày quyết định thu hồi": "Revocation decision date",
    "Lý do thu hồi (một lý do cho cả danh sách)": "Reason for revocation (one reason for the whole list)",
    "Số quyết định công nhận của các giấy chứng nhận bị thu hồi, mỗi dòng một số":
        "Recognition decision numbers of the certificates revoked, one per line",
    "Một quyết định công nhận nhiều sản phẩm: ghi thêm mã sản phẩm sau dấu chấm phẩy, ví dụ “2034/QĐ-UBND; LC-040”.":
        "A decision recognising several products: add the product code after a semicolon, e.g. “2034/QĐ-UBND; LC-040”.",
    "Hoặc tích chọn trong danh sách": "Or tick them in the list",
    "Sản phẩm không còn giấy chứng nhận nào khác còn hiệu lực": "Products left without any other valid certificate",
    "Ngừng bán": "Stop selling",
    "Vẫn bán như sản phẩm địa phương (không dấu OCOP) đến ngày dưới đây":
        "Keep selling as a local product (no OCOP mark) until the date below",
    "Chọn sản phẩm ngừng bán hay vẫn bán.": "Choose whether the products stop selling or stay on sale.",
    "Ngày quyết định thu hồi không được sau hôm nay.": "The revocation decision cannot be dated after today.",
    "Chọn ngày kết thúc của quyết định vẫn bán (tối đa %(months)s tháng).":
        "Choose the end date of the decision to keep them on sale (at most %(months)s months).",
    "Nhập ít nhất một số quyết định công nhận, hoặc tích chọn giấy chứng nhận.":
        "Enter at least one recognition decision number, or tick a certificate.",
    "Chưa lưu quyết định về “%(product)s”: %(errors)s": "Decision on “%(product)s” not saved: %(errors)s",
    "Đã kết thúc quyết định vẫn bán “%(product)s”: sản phẩm ngừng bán từ hôm nay; đã báo cho chủ thể.":
        "The decision keeping “%(product)s” on sale has ended: it is off sale from today; the producer has been told.",
    "Đã gia hạn quyết định vẫn bán “%(product)s” đến hết ngày %(day)s; đã báo cho chủ thể.":
        "The decision keeping “%(product)s” on sale now runs until %(day)s; the producer has been told.",
    "“%(product)s” được bán lại như sản phẩm địa phương, không dấu OCOP, đến hết ngày %(day)s; đã báo cho chủ thể.":
        "“%(product)s” is on sale again as a local product, without the OCOP mark, until %(day)s; the producer has "
        "been told.",
    "Đã tạm ngừng bán “%(product)s”; đã báo cho chủ thể.": "“%(product)s” is suspended; the producer has been told.",
    "Chưa thu hồi giấy chứng nhận nào: xem lỗi bên dưới.": "No certificate was revoked: see the errors below.",
    "Chưa thu hồi giấy chứng nhận nào: %(reason)s": "No certificate was revoked: %(reason)s",
    ("Đã thu hồi %(count)s giấy chứng nhận theo quyết định %(number)s và báo cho các chủ thể.",
     "Đã thu hồi %(count)s giấy chứng nhận theo quyết định %(number)s và báo cho các chủ thể."):
        ("Revoked %(count)s certificate under decision %(number)s and told its producer.",
         "Revoked %(count)s certificates under decision %(number)s and told their producers."),
    "Sản phẩm đã duyệt không có giấy chứng nhận còn hiệu lực": "Approved products without a valid certificate",
    "Sản phẩm không có giấy chứng nhận còn hiệu lực": "Products without a valid certificate",
    "Tính đến hôm nay, %(day)s. Khi giấy chứng nhận hết hạn hoặc bị thu hồi, sản phẩm ngừng bán ngay; chỉ quyết "
    "định “vẫn bán” của cán bộ quản lý (tối đa %(months)s tháng một lần, có lý do) giữ sản phẩm trên chợ, như sản "
    "phẩm địa phương không dấu OCOP, không hạng sao.":
        "As of today, %(day)s. When a certificate expires or is revoked, the product goes off sale at once; only an "
        "administrator's decision to keep it on sale (at most %(months)s months at a time, with a reason) keeps it "
        "in the market, as a local product without the OCOP mark or stars.",
    "Thu hồi nhiều giấy chứng nhận theo một quyết định": "Revoke several certificates under one decision",
    "Vẫn bán theo quyết định": "Kept on sale by decision",
    "Quyết định vẫn bán": "Decision to keep on sale",
    "Đến hết ngày %(day)s": "Until %(day)s",
    "%(who)s, lúc %(when)s": "%(who)s, at %(when)s",
    "Gia hạn đến ngày": "Extend until",
    "Gia hạn": "Extend",
    "Kết thúc quyết định, ngừng bán": "End the decision, stop selling",
    "Không có sản phẩm nào được quyết định vẫn bán.": "No product is kept on sale by a decision.",
    "Đã ngừng bán vì giấy chứng nhận hết hạn hoặc bị thu hồi": "Off sale since their certificate expired or was revoked",
    "Quyết định vẫn bán trước đây đã hết ngày %(day)s.": "The earlier decision to keep it on sale ended on %(day)s.",
    "Vẫn bán như sản phẩm địa phương đến ngày": "Keep on sale as a local product until",
    "Vẫn bán": "Keep on sale",
    "Không có sản phẩm đã duyệt nào thiếu giấy chứng nhận còn hiệu lực.":
        "No approved product is without a valid certificate.",
    "Thu hồi giấy chứng nhận OCOP": "Revoke OCOP certificates",
    ("Quyết định %(number)s ngày %(day)s sẽ thu hồi %(total)s giấy chứng nhận:",
     "Quyết định %(number)s ngày %(day)s sẽ thu hồi %(total)s giấy chứng nhận:"):
        ("Decision %(number)s of %(day)s will revoke %(total)s certificate:",
         "Decision %(number)s of %(day)s will revoke %(total)s certificates:"),
    "vẫn bán như sản phẩm địa phương, không dấu OCOP, đến hết ngày %(day)s":
        "stay on sale as local products, without the OCOP mark, until %(day)s",
    "ngừng bán ngay": "stop selling at once",
    "Xác nhận thu hồi": "Confirm the revocation",
    "Huỷ, nhập lại": "Cancel, start again",
    "Lọc danh sách": "Filter the list",
    "Ngày kết thúc chậm nhất: %(day)s.": "Latest end date: %(day)s.",
    ("%(total)s giấy chứng nhận còn hiệu lực", "%(total)s giấy chứng nhận còn hiệu lực"):
        ("%(total)s valid certificate", "%(total)s valid certificates"),
    "hiện %(list_limit)s giấy đầu tiên: lọc để thu hẹp": "showing the first %(list_limit)s: filter to narrow it",
    "Không có giấy chứng nhận nào phù hợp.": "No matching certificate.",
    "Kiểm tra danh sách thu hồi": "Check the revocation list",
    "Bị thu hồi ngày %(day)s": "Revoked on %(day)s",
    "Hết hạn ngày %(day)s": "Expired on %(day)s",
    "Không có giấy chứng nhận đã duyệt nào từng có hiệu lực": "No approved certificate ever took effect",
    "Sản phẩm địa phương — không phải sản phẩm OCOP được chứng nhận": "Local product — not a certified OCOP product",
    "Được bán như sản phẩm địa phương đến hết ngày %(day)s theo quyết định của cơ quan quản lý OCOP.":
        "On sale as a local product until %(day)s by decision of the OCOP administration.",
    "Nguồn gốc và chủ thể sản xuất của %(title)s.": "Origin and producer of %(title)s.",
    "Không tìm thấy bản chụp giấy chứng nhận.": "Certificate scan not found.",
    # Wish lists, alerts of a product not for sale (shop/customer/products.py)
    "Sản phẩm này hiện không được bán": "This product is not currently for sale",
    "Sản phẩm này hiện không được bán trên sàn nên không thể thêm vào danh sách yêu thích.":
        "This product is not currently for sale on the market, so it cannot be added to a wish list.",
    "nhóm / phân nhóm OCOP": "OCOP group / subgroup",
    "thuộc tính": "attributes",
    "giấy chứng nhận": "certificates",
    "giá": "price",
    "trạng thái duyệt": "review status",
    "chưa có giá": "no price",
    "(không có)": "(none)",
    "hết hạn %(day)s": "expires %(day)s",
    "%(score)s điểm": "%(score)s points",
    "thu hồi %(day)s": "revoked %(day)s",
    "bản chụp: %(name)s": "scan: %(name)s",
    "(không có ảnh)": "(no images)",
    "giấy chứng nhận %(number)s": "certificate %(number)s",
    "Sản phẩm đã thay đổi từ khi bạn mở trang (%(fields)s): chưa lưu quyết định. Hãy xem lại phiên bản mới rồi quyết định.":
        "The product changed after you opened the page (%(fields)s): your decision was not saved. Review the new version, then decide.",
    "Giấy chứng nhận %(number)s đã bị từ chối": "Certificate %(number)s was rejected",
    "Giấy chứng nhận %(number)s đã bị thu hồi": "Certificate %(number)s was revoked",
    "Giấy chứng nhận %(number)s đã hết hạn ngày %(day)s":
        "Certificate %(number)s expired on %(day)s",
    "Giấy chứng nhận %(number)s chưa có hiệu lực (quyết định ngày %(day)s)":
        "Certificate %(number)s is not yet in force (decision of %(day)s)",
    "Giấy chứng nhận %(number)s: %(rule)s": "Certificate %(number)s: %(rule)s",
    "Giấy chứng nhận %(number)s còn chờ duyệt: hãy duyệt giấy chứng nhận trước":
        "Certificate %(number)s is still waiting for review: review the certificate first",
    "Sản phẩm chưa có giấy chứng nhận OCOP": "The product has no OCOP certificate",
    "chưa thể mở bán trở lại.": "it cannot be put back on sale yet.",
    "chưa thể duyệt mở bán.": "it cannot be approved for sale yet.",
    "Thiếu phiên bản sản phẩm mà bạn đã xem: hãy mở lại trang duyệt rồi quyết định.":
        "The version of the product you saw is missing: open the review page again, then decide.",
    "Phiên bản sản phẩm gửi kèm không hợp lệ: hãy tải lại trang duyệt.":
        "The product version sent with the decision is not valid: reload the review page.",
    "%(problems)s: hãy thêm giấy chứng nhận còn hiệu lực rồi gửi duyệt.":
        "%(problems)s: add a certificate in force, then submit.",
    "Giấy chứng nhận này không có trên trang bạn đã xem: hãy tải lại trang.":
        "This certificate was not on the page you saw: reload the page.",
    "%(problems)s: chưa thể duyệt giấy chứng nhận này.":
        "%(problems)s: this certificate cannot be approved.",
    "Sản phẩm đã được rút khỏi hàng chờ duyệt vì nội dung thay đổi; hãy gửi duyệt lại":
        "The product was taken out of the review queue because its content changed; submit it again",
    "Rút khỏi hàng chờ duyệt": "Take out of the review queue",
    "nhóm sản phẩm": "product group",
    "Thiếu phiên bản sản phẩm mà bạn đã xem: hãy tải lại trang duyệt rồi quyết định.":
        "The version of the product you saw is missing: reload the review page, then decide.",
    "Đã lưu. Sản phẩm đã được rút khỏi hàng chờ duyệt vì bạn sửa nội dung; hãy gửi duyệt lại.":
        "Saved. The product was taken out of the review queue because you changed its content; submit it again.",
    "Sản phẩm đã được rút khỏi hàng chờ duyệt vì bạn sửa ảnh; hãy gửi duyệt lại.":
        "The product was taken out of the review queue because you changed its images; submit it again.",
    "Đã lưu giấy chứng nhận. Sản phẩm đã được rút khỏi hàng chờ duyệt vì bạn thêm giấy chứng nhận; hãy gửi duyệt lại.":
        "Certificate saved. The product was taken out of the review queue because you added a certificate; submit it again.",
    "Đã thay đổi từ khi bạn mở trang:": "Changed since you opened the page:",
    "Quyết định của bạn chưa được lưu. Trang dưới đây là phiên bản mới, phần thay đổi được đánh dấu; hãy xem lại rồi quyết định.":
        "Your decision was not saved. Below is the new version with the changes highlighted; review it, then decide.",
    "Khi bạn mở trang": "When you opened the page",
    "Bây giờ": "Now",
    "Thuộc tính": "Attributes",
    "Đã thay đổi từ khi bạn mở trang": "Changed since you opened the page",
    "Sản phẩm đang chờ duyệt. Nếu sửa nội dung (tên, mô tả, nhóm, thuộc tính), sản phẩm sẽ được rút khỏi hàng chờ duyệt và bạn cần gửi duyệt lại. Sửa giá và số lượng thì không.":
        "The product is waiting for review. Changing its content (name, description, group, attributes) takes it out of the review queue and you will need to submit it again. Changing the price and quantity does not.",
    "Sản phẩm đang chờ duyệt. Thêm hoặc xoá ảnh sẽ rút sản phẩm khỏi hàng chờ duyệt và bạn cần gửi duyệt lại.":
        "The product is waiting for review. Adding or deleting images takes it out of the review queue and you will need to submit it again.",
    # What is for sale (catalogue/listing.py, the partner strategy, order placement, product preview)
    "chưa được ban quản lý OCOP duyệt mở bán (trạng thái: %(status)s)":
        "not approved for sale by the OCOP office (status: %(status)s)",
    "chủ thể sản xuất chưa được xác minh": "the producer has not been verified",
    "không có giấy chứng nhận OCOP còn hiệu lực": "no valid OCOP certificate",
    " (vẫn bán theo quyết định của ban quản lý hoặc giấy chứng nhận khác)":
        " (still on sale by the office's decision or under another certificate)",
    " và đã ngừng bán": " and is no longer on sale",
    "“%(product)s” hiện không còn được bán trên sàn. Hãy xoá sản phẩm này khỏi giỏ hàng để tiếp tục đặt hàng.":
        "“%(product)s” is no longer sold on the market. Remove it from your basket to continue with your order.",
    "Rất tiếc, %(titles)s hiện không còn được bán trên sàn. Giỏ hàng của bạn vẫn được giữ nguyên: hãy bỏ sản "
    "phẩm này rồi đặt hàng lại.":
        "Sorry, %(titles)s is no longer sold on the market. Your basket has been kept as it was: remove this "
        "product and place your order again.",
    "sản phẩm này hiện không được bán trên sàn": "this product is not sold on the market at the moment",
    "Bản xem trước — sản phẩm này không được bán và khách hàng không thấy trang này:":
        "Preview — this product is not for sale and customers cannot see this page:",
    "Nhập sai mật khẩu quá nhiều lần. Vui lòng thử lại sau %(minutes)s phút.":
        "Too many wrong passwords. Please try again in %(minutes)s minutes.",
    "Từ khóa tìm kiếm dài quá %(limit)s ký tự: chỉ %(limit)s ký tự đầu được dùng để tìm.":
        "Your search is longer than %(limit)s characters: only the first %(limit)s were searched for.",
    "Quý khách muốn đăng xuất khỏi tài khoản trên thiết bị này?": "Do you want to log out of your account on this device?",
    "Ở lại": "Stay signed in",
    # The dashboard home of staff who may not see orders (shop/dashboard/views.py)
    "Trang quản trị": "Dashboard",
    "Xin chào %(name)s. Hãy chọn công việc trong trình đơn phía trên: trình đơn chỉ hiện những mục bạn được "
    "phân quyền.": "Hello %(name)s. Choose a task in the menu above: it shows only what you are allowed to do.",
    "Hàng chờ duyệt sản phẩm OCOP": "OCOP products waiting for review",
    # finding 11: registration and email change confirmed by a link (shop/customer)
    "Email của tài khoản này chưa được xác nhận. Hãy mở đường dẫn xác nhận chúng tôi đã gửi tới hộp thư của quý vị, "
    "hoặc yêu cầu gửi lại đường dẫn tại %(url)s":
        "This account's email has not been confirmed yet. Open the confirmation link we sent to your mailbox, "
        "or ask for it again at %(url)s",
    "Mật khẩu hiện tại": "Current password",
    "Chỉ cần khi đổi email. Email mới có hiệu lực khi quý vị mở đường dẫn xác nhận chúng tôi gửi tới địa chỉ mới.":
        "Needed only to change the email. The new email takes effect when you open the confirmation link we send "
        "to the new address.",
    "Muốn đổi email, hãy nhập mật khẩu hiện tại của tài khoản.":
        "To change the email, enter the account's current password.",
    "Mật khẩu hiện tại không đúng, nên email chưa được đổi. Nhập sai nhiều lần sẽ tạm khoá đăng nhập của tài khoản.":
        "The current password is wrong, so the email was not changed. Several wrong passwords temporarily lock "
        "the account's sign-in.",
    "Đã có quá nhiều yêu cầu mở tài khoản từ địa chỉ này. Vui lòng thử lại sau %(minutes)s phút.":
        "Too many account requests from this address. Please try again in %(minutes)s minutes.",
    "Email đã dùng để mở tài khoản": "Email used to open the account",
    "Email đã được xác nhận. Mời quý vị đăng nhập.": "Your email is confirmed. Please sign in.",
    "Chúng tôi đã gửi đường dẫn xác nhận tới %(email)s. Email của tài khoản chỉ đổi khi quý vị mở đường dẫn đó khi "
    "đang đăng nhập (trong %(days)s ngày).":
        "We sent a confirmation link to %(email)s. The account's email changes only when you open that link while "
        "signed in (within %(days)s days).",
    "Đã lưu hồ sơ.": "Profile saved.",
    "Email của tài khoản đã đổi thành %(email)s.": "The account's email is now %(email)s.",
    "Xác nhận email": "Confirm your email",
    "Chúng tôi đã gửi một email tới địa chỉ quý vị nhập. Hãy mở đường dẫn trong email đó (dùng được trong "
    "%(valid_days)s ngày) để xác nhận rồi đăng nhập.":
        "We sent an email to the address you entered. Open the link in that email (valid for %(valid_days)s days) "
        "to confirm, then sign in.",
    "Không thấy email? Hãy xem cả thư mục thư rác, hoặc": "No email? Check your spam folder too, or",
    "gửi lại đường dẫn xác nhận": "send the confirmation link again",
    "Nhập email quý vị đã dùng để mở tài khoản: nếu tài khoản đó đang chờ xác nhận, chúng tôi gửi lại đường dẫn.":
        "Enter the email you used to open the account: if that account is awaiting confirmation, we send the link "
        "again.",
    "Gửi lại đường dẫn": "Send the link again",
    "Bấm nút dưới đây để xác nhận email và mở tài khoản.": "Press the button below to confirm your email and open "
                                                            "your account.",
    "Bấm nút dưới đây để dùng email mới cho tài khoản đang đăng nhập.":
        "Press the button below to use the new email for the signed-in account.",
    "Đổi email": "Change email",
    "Đường dẫn này không dùng được: đã hết hạn, đã được dùng, hoặc không thuộc tài khoản đang đăng nhập.":
        "This link cannot be used: it has expired, was already used, or belongs to another account than the "
        "signed-in one.",
    'Bạn đã đặt nhiều đơn hàng không cần đăng nhập trong thời gian ngắn. Giỏ hàng của bạn vẫn được giữ nguyên: hãy thử lại sau một giờ, hoặc đăng nhập tài khoản để đặt hàng.': 'You have placed many orders without signing in within a short time. Your basket has been kept as it was: try again in an hour, or sign in to your account to order.',
    'Thanh toán khi nhận hàng chỉ áp dụng cho đơn tối đa %(limit)s sản phẩm (giỏ hàng của bạn có %(n)s). Hãy thanh toán trực tuyến (chuyển khoản, thẻ, VNPay) hoặc giảm số lượng.': 'Cash on delivery is only available for orders of at most %(limit)s items (your basket has %(n)s). Pay online (bank transfer, card, VNPay) or lower the quantity.',
    'Thanh toán khi nhận hàng chỉ áp dụng cho đơn có tiền hàng tối đa %(limit)s (giỏ hàng của bạn %(value)s). Hãy thanh toán trực tuyến (chuyển khoản, thẻ, VNPay) hoặc giảm số lượng.': 'Cash on delivery is only available for orders whose goods come to at most %(limit)s (your basket: %(value)s). Pay online (bank transfer, card, VNPay) or lower the quantity.',
    'Bạn đang có %(n)s đơn thanh toán khi nhận hàng chưa giao xong; mỗi người mua được có tối đa %(limit)s đơn như vậy cùng lúc. Hãy thanh toán trực tuyến (chuyển khoản, thẻ, VNPay) hoặc đợi nhận các đơn trước.': 'You have %(n)s cash-on-delivery orders not yet delivered; each buyer may have at most %(limit)s such orders at a time. Pay online (bank transfer, card, VNPay) or wait until you have received your earlier orders.',
    'Các đơn thanh toán khi nhận hàng chưa giao của bạn đã giữ %(held)s sản phẩm; mỗi người mua được giữ tối đa %(limit)s sản phẩm chưa thanh toán. Hãy thanh toán trực tuyến (chuyển khoản, thẻ, VNPay) hoặc giảm số lượng.': 'Your cash-on-delivery orders not yet delivered already hold %(held)s items; each buyer may hold at most %(limit)s unpaid items. Pay online (bank transfer, card, VNPay) or lower the quantity.',
    'Các đơn thanh toán khi nhận hàng chưa giao của bạn đã có %(held)s tiền hàng; mỗi người mua được giữ tối đa %(limit)s chưa thanh toán. Hãy thanh toán trực tuyến (chuyển khoản, thẻ, VNPay) hoặc giảm số lượng.': 'Your cash-on-delivery orders not yet delivered already come to %(held)s; each buyer may hold at most %(limit)s unpaid. Pay online (bank transfer, card, VNPay) or lower the quantity.',
    "Hãy xem lại đơn hàng và bấm “Đặt hàng” để xác nhận.": "Please review your order and press “Place order” to confirm it.",
    "Giỏ hàng có thêm “%(title)s”.": "Your basket now also holds “%(title)s”.",
    "Số lượng “%(title)s” đã đổi từ %(before)s thành %(now)s.": "The quantity of “%(title)s” changed from %(before)s to %(now)s.",
    "Giá “%(title)s” đã đổi từ %(before)s thành %(now)s.": "The price of “%(title)s” changed from %(before)s to %(now)s.",
    "Thành tiền “%(title)s” sau ưu đãi đã đổi từ %(before)s thành %(now)s.": "The amount for “%(title)s” after offers changed from %(before)s to %(now)s.",
    "“%(title)s” không còn trong giỏ hàng.": "“%(title)s” is no longer in your basket.",
    "Ưu đãi “%(name)s” không còn áp dụng.": "The offer “%(name)s” no longer applies.",
    "Ưu đãi “%(name)s” được áp dụng: giảm %(now)s.": "The offer “%(name)s” now applies: %(now)s off.",
    "Ưu đãi “%(name)s” đã đổi từ giảm %(before)s thành giảm %(now)s.": "The offer “%(name)s” changed from %(before)s off to %(now)s off.",
    "Phí vận chuyển đã đổi từ %(before)s thành %(now)s.": "The shipping charge changed from %(before)s to %(now)s.",
    "Tổng cộng nay là %(now)s (trước đó %(before)s).": "The total is now %(now)s (it was %(before)s).",
    "Đơn hàng đã thay đổi kể từ khi bạn xem. Hãy xem lại và bấm “Đặt hàng” nếu bạn đồng ý.": "Your order changed since you saw it. Please review it and press “Place order” if you agree.",
    "Trước khi đặt hàng, hãy xem lại:": "Before placing the order, please review:",
    "Giá của %(titles)s vừa thay đổi. Đơn hàng chưa được đặt; hãy xem lại giá mới rồi đặt hàng lại.": "The price of %(titles)s has just changed. The order was not placed; please review the new price and place the order again.",
    'Chủ thể %(name)s đang bị tạm ngừng: chỉ được xem và xử lý các đơn hàng đã đặt, không được thay đổi sản phẩm, giá, tồn kho hay giấy chứng nhận.':
        '%(name)s is suspended: you may view it and handle orders already placed, but not change products, prices, stock or certificates.',
    'Chủ thể %(name)s chưa được xác minh: chưa được thao tác trên cổng chủ thể.':
        '%(name)s is not verified yet: nothing can be done for it in the producers\' portal.',
    'Tài khoản này chưa quản lý chủ thể nào đang hoạt động.': 'This account does not manage any active producer.',
    'Không thực hiện được': 'Not done',
    'Về trang cổng chủ thể': 'Back to the producers\' portal',
    'Hồ sơ đã được nhận. Hãy mở thư chúng tôi vừa gửi tới %(email)s để xác nhận địa chỉ email.':
        'Your application has been received. Open the email we have just sent to %(email)s to confirm the '
        'address.',
    'Mở đường dẫn trong thư (dùng được trong %(valid_days)s ngày) để xác nhận email, rồi đăng nhập để xem '
    'trạng thái hồ sơ. Trước khi xác nhận, tài khoản chưa đăng nhập được. Hãy kiểm tra cả thư mục thư rác.':
        'Open the link in that email (valid for %(valid_days)s days) to confirm the address, then sign in to see '
        'the status of your application. Until then the account cannot sign in. Check your spam folder too.',
    'Người đại diện chưa xác nhận email (chưa mở đường dẫn chúng tôi gửi), nên chưa đăng nhập được: chưa chắc '
    'email này thuộc về họ.':
        'The representative has not confirmed their email yet (the link we sent was not opened), so they cannot '
        'sign in: the address may not be theirs.',
    'Giá %(title)s: %(price)s, còn %(stock)s': 'Price of %(title)s: %(price)s, %(stock)s in stock',
    # Outbox (shop.notifications)
    'Thông báo gửi đi': 'Outgoing notifications',
    'Đang chờ gửi': 'Waiting to be sent',
    'Đã gửi': 'Sent',
    'Gửi không được': 'Failed',
    'Kênh': 'Channel',
    'Loại thông báo': 'Notification type',
    'Ngôn ngữ': 'Language',
    'Người gửi': 'Sender',
    'Nội dung HTML': 'HTML body',
    'Tiêu đề kỹ thuật': 'Headers',
    'Số lần gửi': 'Attempts',
    'Lỗi gần nhất': 'Last error',
    'Gửi lần tới lúc': 'Next attempt at',
    'Tạo lúc': 'Created at',
    'Gửi lúc': 'Sent at',
    'Thư trong hộp thư đi': 'Outbox message',
    'Hộp thư đi': 'Outbox',
    'Gửi lại': 'Send again',
    'Gửi lại thông báo': 'Send the notification again',
    'Thư này đã được gửi; không gửi lại.': 'This message was already sent; it is not sent again.',
    'Đã đưa thư tới %(recipient)s vào hàng chờ gửi lại.': 'The message to %(recipient)s is queued to be sent again.',
    'Gửi lại thư “%(subject)s” tới %(recipient)s?': 'Send “%(subject)s” to %(recipient)s again?',
    'Lỗi gần nhất:': 'Last error:',
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
        if translation is None and "".join(message.id if message.pluralizable else [message.id]).isascii():
            message.string = ("", "") if message.pluralizable else ""  # English source: shown as is
            continue
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
