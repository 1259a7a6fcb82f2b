"""Demo policy pages: the return and exchange policy every product page links to, and the privacy notice
(its version is what customers' and producers' consents record: shop.customer.privacy).

Idempotent like the rest of the demo loader: the page is found by its slug under
the home page and created only when missing; the site setting is filled only when
empty, so an editor's later choice of page survives a reload.
"""

from django.db import transaction
from wagtail.models import Locale, Site

from cms.models import PolicyPage, ShopPolicies

RETURN_POLICY_SLUG = "chinh-sach-doi-tra"

RETURN_POLICY_VI = {
    "title": "Chính sách đổi trả",
    "search_description": "Điều kiện đổi trả hàng, hủy dịch vụ du lịch và hoàn tiền khi mua sản phẩm OCOP "
    "trên Chợ OCOP Lào Cai.",
    "body": (
        "<p>Chính sách này áp dụng cho mọi đơn hàng trên Chợ OCOP Lào Cai. Sản phẩm do các chủ thể OCOP "
        "(hợp tác xã, doanh nghiệp, tổ hợp tác, hộ kinh doanh) bán và giao; sàn tiếp nhận yêu cầu và bảo đảm "
        "việc đổi trả theo Luật Bảo vệ quyền lợi người tiêu dùng số 19/2023/QH15.</p>"
        "<h2>1. Hàng hóa thông thường: đổi trả trong 7 ngày</h2>"
        "<ul>"
        "<li>Bạn được đổi hoặc trả hàng trong vòng <b>7 ngày</b> kể từ ngày nhận hàng nếu sản phẩm còn nguyên "
        "bao bì, tem nhãn, tem OCOP và chưa mở, chưa sử dụng (chè, quế, tinh dầu, mật ong, miến, thổ cẩm…).</li>"
        "<li>Sản phẩm lỗi, hư hỏng khi vận chuyển, giao sai loại hoặc thiếu số lượng được đổi trả kể cả khi đã "
        "mở bao bì.</li>"
        "</ul>"
        "<h2>2. Thực phẩm tươi sống và bảo quản lạnh</h2>"
        "<p>Cá hồi, cá tầm, rau quả tươi, thịt và các thực phẩm tươi sống khác chỉ được đổi trả khi có lỗi "
        "(hư hỏng, không đạt chất lượng, giao sai sản phẩm, thiếu khối lượng). Vui lòng báo cho người bán "
        "<b>trong vòng 24 giờ</b> kể từ khi nhận hàng, <b>kèm ảnh chụp</b> sản phẩm, bao bì và phiếu giao hàng. "
        "Quá 24 giờ hoặc không có ảnh, chúng tôi không thể xác minh nên không nhận đổi trả.</p>"
        "<h2>3. Dịch vụ du lịch cộng đồng (homestay, tour trải nghiệm)</h2>"
        "<ul>"
        "<li>Hủy muộn nhất <b>3 ngày</b> trước ngày sử dụng dịch vụ: hoàn lại toàn bộ số tiền đã trả.</li>"
        "<li>Hủy trong vòng 3 ngày trước ngày sử dụng hoặc không đến: không hoàn tiền.</li>"
        "<li>Khi chủ thể hủy dịch vụ, hoặc thiên tai, sạt lở đường khiến chuyến đi không thể thực hiện: hoàn "
        "100% hoặc đổi sang ngày khác, tùy bạn chọn.</li>"
        "<li>Đổi ngày miễn phí nếu báo trước ít nhất 3 ngày và còn chỗ.</li>"
        "</ul>"
        "<h2>4. Ai trả phí vận chuyển khi đổi trả</h2>"
        "<ul>"
        "<li>Lỗi của người bán hoặc đơn vị vận chuyển (hàng lỗi, hỏng, giao sai): người bán chịu phí gửi trả "
        "và phí giao lại hàng mới.</li>"
        "<li>Bạn đổi ý (hàng còn nguyên, trong 7 ngày): bạn trả phí gửi hàng về; phí giao hàng ban đầu không "
        "được hoàn.</li>"
        "</ul>"
        "<h2>5. Cách yêu cầu đổi trả</h2>"
        "<ol>"
        "<li>Gọi số điện thoại của chủ thể sản xuất ghi trên trang sản phẩm (mục “Chủ thể sản xuất”), nêu mã "
        "đơn hàng và lý do.</li>"
        "<li>Gửi ảnh chụp sản phẩm (bắt buộc với thực phẩm tươi sống).</li>"
        "<li>Người bán trả lời trong vòng 2 ngày làm việc và hướng dẫn cách gửi hàng về.</li>"
        "</ol>"
        "<h2>6. Hoàn tiền</h2>"
        "<ul>"
        "<li>Tiền được hoàn trong vòng <b>7 ngày làm việc</b> sau khi người bán nhận lại hàng và xác nhận tình "
        "trạng (với dịch vụ du lịch: sau khi xác nhận hủy).</li>"
        "<li>Thanh toán bằng thẻ hoặc ví điện tử: hoàn về đúng thẻ, ví đã dùng.</li>"
        "<li>Thanh toán khi nhận hàng (COD) hoặc chuyển khoản: hoàn bằng chuyển khoản vào tài khoản ngân hàng "
        "đứng tên người đặt hàng mà bạn cung cấp.</li>"
        "</ul>"
    ),
}

RETURN_POLICY_EN = {
    "title": "Returns and exchanges",
    "search_description": "Conditions for returns, community tourism cancellations and refunds when buying "
    "OCOP products on the Lào Cai OCOP Market.",
    "body": (
        "<p>This policy applies to every order on the Lào Cai OCOP Market. Products are sold and delivered by "
        "OCOP producers (cooperatives, enterprises, cooperative groups, household businesses); the market "
        "receives requests and guarantees returns under the Consumer Protection Law 19/2023/QH15.</p>"
        "<h2>1. Goods: returns within 7 days</h2>"
        "<ul>"
        "<li>You may exchange or return goods within <b>7 days</b> of delivery if they are unopened and unused, "
        "with their packaging, labels and OCOP seal intact (tea, cinnamon, essential oils, honey, brocade…).</li>"
        "<li>Defective or damaged goods, and wrong or missing items, can be returned even when opened.</li>"
        "</ul>"
        "<h2>2. Fresh and chilled food</h2>"
        "<p>Salmon, sturgeon, fresh fruit and vegetables, meat and other fresh food can be returned only when "
        "defective (spoilt, substandard, wrong product, short weight). Tell the seller <b>within 24 hours</b> "
        "of delivery <b>with photos</b> of the product, its packaging and the delivery note. After 24 hours or "
        "without photos we cannot verify the defect and cannot accept the return.</p>"
        "<h2>3. Community tourism (homestays, guided treks)</h2>"
        "<ul>"
        "<li>Cancel at least <b>3 days</b> before the date: full refund.</li>"
        "<li>Cancel within 3 days of the date, or no-show: no refund.</li>"
        "<li>If the producer cancels, or a natural disaster or landslide makes the trip impossible: full refund "
        "or another date, as you choose.</li>"
        "<li>Changing the date is free with at least 3 days' notice, subject to availability.</li>"
        "</ul>"
        "<h2>4. Who pays return shipping</h2>"
        "<ul>"
        "<li>Seller's or carrier's fault (defective, damaged or wrong goods): the seller pays the return and "
        "the new delivery.</li>"
        "<li>Change of mind (unopened, within 7 days): you pay the return shipping; the original delivery fee "
        "is not refunded.</li>"
        "</ul>"
        "<h2>5. How to ask for a return</h2>"
        "<ol>"
        "<li>Call the producer's phone number shown on the product page (under “Producer”) with your order "
        "number and the reason.</li>"
        "<li>Send photos of the product (required for fresh food).</li>"
        "<li>The seller answers within 2 working days and explains how to send the goods back.</li>"
        "</ol>"
        "<h2>6. Refunds</h2>"
        "<ul>"
        "<li>Refunds are made within <b>7 working days</b> of the seller receiving and checking the goods (for "
        "tourism services: of the cancellation being confirmed).</li>"
        "<li>Paid by card or e-wallet: refunded to the same card or wallet.</li>"
        "<li>Cash on delivery or bank transfer: refunded by bank transfer to an account in the buyer's name.</li>"
        "</ul>"
    ),
}

PRIVACY_NOTICE_SLUG = "chinh-sach-bao-mat"
PRIVACY_NOTICE_VERSION = "2026-01"

PRIVACY_NOTICE_VI = {
    "slug": PRIVACY_NOTICE_SLUG,
    "version": PRIVACY_NOTICE_VERSION,
    "title": "Thông báo xử lý dữ liệu cá nhân",
    "search_description": "Dữ liệu cá nhân Chợ OCOP Lào Cai thu thập, mục đích, thời gian lưu trữ và quyền của bạn.",
    "body": (
        "<p>Thông báo này cho biết Chợ OCOP Lào Cai (bên kiểm soát dữ liệu) xử lý dữ liệu cá nhân của bạn như thế "
        "nào, theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 13/2023/NĐ-CP. Bạn đồng ý khi mở "
        "tài khoản, khi mua hàng không cần tài khoản, hoặc khi gửi hồ sơ bán hàng; sàn ghi lại phiên bản thông "
        "báo, thời điểm và địa chỉ IP.</p>"
        "<h2>1. Dữ liệu chúng tôi thu thập</h2>"
        "<ul>"
        "<li>Họ tên, email, số điện thoại, mật khẩu (đã mã hoá).</li>"
        "<li>Địa chỉ giao hàng, đơn hàng, thanh toán (không lưu số thẻ), đánh giá sản phẩm, danh sách yêu thích.</li>"
        "<li>Địa chỉ IP và thời điểm khi bạn đăng nhập, đồng ý hoặc đặt hàng.</li>"
        "</ul>"
        "<h2>2. Mục đích</h2>"
        "<ul>"
        "<li>Giao đơn hàng: chủ thể OCOP bán hàng và đơn vị vận chuyển nhận tên, số điện thoại, địa chỉ của "
        "bạn chỉ cho đơn hàng đó.</li>"
        "<li>Thanh toán, hoàn tiền, xuất hoá đơn, khấu trừ thuế thay người bán theo quy định.</li>"
        "<li>Chăm sóc khách hàng và bảo vệ tài khoản. Sàn không bán dữ liệu và không gửi quảng cáo khi bạn "
        "chưa đồng ý riêng.</li>"
        "</ul>"
        "<h2>3. Thời gian lưu trữ</h2>"
        "<ul>"
        "<li>Tài khoản, sổ địa chỉ, danh sách yêu thích: tới khi bạn yêu cầu xoá.</li>"
        "<li>Đơn hàng, số tiền, hoá đơn và chứng từ: 10 năm theo Luật Kế toán số 88/2015/QH13 (Điều 41), kể "
        "cả khi bạn đã xoá tài khoản.</li>"
        "<li>Tệp dữ liệu bạn yêu cầu xuất: 14 ngày.</li>"
        "</ul>"
        "<h2>4. Quyền của bạn</h2>"
        "<p>Tại trang <b>Tài khoản → Quyền dữ liệu cá nhân</b> bạn có thể: xem các lần đã đồng ý; rút lại sự "
        "đồng ý (tài khoản sẽ không đặt hàng được cho tới khi đồng ý lại); tải bản sao dữ liệu của mình (JSON "
        "và CSV); yêu cầu xoá dữ liệu (tài khoản đóng lại, đơn hàng được giữ như mục 3). Bạn cũng có quyền "
        "chỉnh sửa dữ liệu, phản đối, khiếu nại và yêu cầu bồi thường theo pháp luật.</p>"
        "<h2>5. Liên hệ</h2>"
        "<p>Ban quản lý Chợ OCOP Lào Cai, email admin@ocop.example.vn, hoặc trang Liên hệ. Chúng tôi trả lời "
        "yêu cầu về dữ liệu cá nhân trong vòng 72 giờ.</p>"
    ),
}

PRIVACY_NOTICE_EN = {
    "title": "Personal data processing notice",
    "search_description": "The personal data the Lào Cai OCOP Market collects, why, for how long, and your rights.",
    "body": (
        "<p>This notice explains how the Lào Cai OCOP Market (the data controller) processes your personal data, "
        "under the Law on Personal Data Protection No. 91/2025/QH15 and Decree 13/2023/NĐ-CP. You agree when you "
        "open an account, check out as a guest or apply to sell; the market records the notice's version, the "
        "time and your IP address.</p>"
        "<h2>1. The data we collect</h2>"
        "<ul>"
        "<li>Your name, email, phone number and password (hashed).</li>"
        "<li>Delivery addresses, orders, payments (no card numbers), product reviews and wish lists.</li>"
        "<li>Your IP address and the time when you sign in, consent or order.</li>"
        "</ul>"
        "<h2>2. Why</h2>"
        "<ul>"
        "<li>To deliver your orders: the OCOP producer and the carrier receive your name, phone and address for "
        "that order only.</li>"
        "<li>Payments, refunds, invoices and the tax the market withholds for sellers as the law requires.</li>"
        "<li>Customer care and account security. The market does not sell your data and sends no advertising "
        "without your separate consent.</li>"
        "</ul>"
        "<h2>3. How long</h2>"
        "<ul>"
        "<li>Account, address book, wish lists: until you ask us to erase them.</li>"
        "<li>Orders, amounts, invoices and accounting documents: 10 years under the Law on Accounting "
        "88/2015/QH13 (article 41), even after your account is erased.</li>"
        "<li>Data exports you ask for: 14 days.</li>"
        "</ul>"
        "<h2>4. Your rights</h2>"
        "<p>Under <b>Account → Personal data rights</b> you can: see the consents you gave; withdraw your "
        "consent (the account can no longer order until you agree again); download a copy of your data (JSON and "
        "CSV); ask for your data to be erased (the account is closed, orders are kept as in section 3). You may "
        "also correct your data, object, complain and claim damages as the law provides.</p>"
        "<h2>5. Contact</h2>"
        "<p>The Lào Cai OCOP Market management board, admin@ocop.example.vn, or the Contact page. We answer "
        "personal data requests within 72 hours.</p>"
    ),
}


@transaction.atomic
def ensure_policy_pages(home_page):
    """The return policy page under home_page (and under its English translation, when there is one),
    set as the default site's return policy unless an editor chose another page. Returns the page."""
    policy = _ensure_page(home_page, RETURN_POLICY_VI)
    english_home = home_page.get_translations().filter(locale__language_code="en").first()
    if english_home is not None and not policy.get_translations().filter(locale__language_code="en").exists():
        translation = policy.copy_for_translation(Locale.objects.get(language_code="en"))
        _fill(translation, RETURN_POLICY_EN)
        translation.save_revision().publish()

    notice = _ensure_page(home_page, PRIVACY_NOTICE_VI)
    if english_home is not None and not notice.get_translations().filter(locale__language_code="en").exists():
        translation = notice.copy_for_translation(Locale.objects.get(language_code="en"))
        _fill(translation, PRIVACY_NOTICE_EN)
        translation.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        settings = ShopPolicies.for_site(site)
        if settings.return_policy_page_id is None or settings.privacy_notice_page_id is None:
            settings.return_policy_page = settings.return_policy_page or policy
            settings.privacy_notice_page = settings.privacy_notice_page or notice
            settings.save()
    return policy


def _ensure_page(parent, content):
    slug = content.get("slug", RETURN_POLICY_SLUG)
    existing = PolicyPage.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        if content.get("version") and not existing.version:  # a page made before notices had versions
            _fill(existing, content)
            existing.save_revision().publish()
        return existing
    page = PolicyPage(slug=slug, locale=parent.locale)
    _fill(page, content)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _fill(page, content):
    page.title = content["title"]
    page.search_description = content["search_description"]
    page.body = content["body"]
    page.version = content.get("version", page.version)
