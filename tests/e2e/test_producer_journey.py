"""From application to a shipped parcel, in a real browser, each person in their own browser session:
a producer applies to sell (with its registration scan), the administrator verifies it, the producer
lists a product with its OCOP certificate and submits it, the OCOP reviewer approves it, a customer finds
it in the storefront search and buys it, the producer ships it with a carrier and tracking number, and
the customer sees that tracking number when looking the order up."""

import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from oscar.core.loading import get_model
from PIL import Image
from playwright.sync_api import expect

from cms.demo import loader
from payments.models import Payment
from tests.e2e.checkout_steps import CAM_DUONG, LAO_CAI, add_to_basket_here, check_out_as_guest, product_card, search
from tests.e2e.conftest import ARTEFACTS, PHONE, log_in, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True)

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
Order = get_model("order", "Order")
User = get_user_model()

PRODUCER = "Hợp tác xã Mật ong Bạc Hà Lùng Phình"
PRODUCT = "Mật ong hoa bạc hà Lùng Phình chai 500ml"
ACCOUNT, PASSWORD = "vang.seo.pao@example.vn", "Ong-bac-ha-2026"
CARRIER, TRACKING = "Bưu điện (VNPost)", "EB123456789VN"
CONFIRM_LINK = re.compile(r"https?://[^\s\"<]+/accounts/register/confirm/[^\s\"<]+")


def post_form(page, button):
    """Press a form's button from the keyboard once the page has loaded, and wait for the POST it sends
    to be answered. Keyboard, not pointer: on the review page Chromium's PDF viewer (the certificate
    scan in an <object>) can swallow a pointer click aimed at the decision buttons under it while it
    renders — seen on a loaded machine: the click "succeeded" and no request left."""
    page.wait_for_load_state("load")
    with page.expect_response(lambda r: r.request.method == "POST" and r.request.is_navigation_request()):
        button.press("Enter")


def scan_files(tmp_path):
    """A real small PNG (the registration scan) and a real one-page PDF (the OCOP certificate)."""
    png, pdf = tmp_path / "giay-dang-ky-kinh-doanh.png", tmp_path / "chung-nhan-ocop.pdf"
    Image.new("RGB", (240, 160), "white").save(png, "PNG")
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), "white").save(buffer, "PDF")
    pdf.write_bytes(buffer.getvalue())
    return png, pdf


def apply_to_sell(page, scan):
    page.goto("/ban-hang/dang-ky/")
    form = page.locator("form#application_form")
    form.locator("[name=name]").fill(PRODUCER)
    form.locator("select[name=kind]").select_option("cooperative")
    form.locator("[name=registration_number]").fill("5300 777 123")
    form.locator("[name=representative]").fill("Vàng Seo Páo")
    # Typed without spaces: this form refuses "0912 345 678", which checkout accepts (see the report).
    form.locator("[name=phone]").fill("0912345678")
    form.locator("select[name=province_code]").select_option(LAO_CAI)
    ward = form.locator("select[name=ward_code]")
    expect(ward.locator("option", has_text=CAM_DUONG)).to_have_count(1)
    ward.select_option(label=CAM_DUONG)
    form.locator("[name=street]").fill("Thôn Na Hối")
    form.locator("[name=story]").fill("Mật ong hoa bạc hà thu hoạch mùa đông trên cao nguyên đá.")
    form.locator("[name=last_name]").fill("Vàng Seo")
    form.locator("[name=first_name]").fill("Páo")
    form.locator("[name=account_email]").fill(ACCOUNT)
    form.locator("[name=account_phone]").fill("0987654321")
    form.locator("[name=password1]").fill(PASSWORD)
    form.locator("[name=password2]").fill(PASSWORD)
    form.locator("input[name=business_registration_scan]").set_input_files(scan)
    form.locator("input[name=terms]").check()
    form.locator("input[name=personal_data]").check()
    form.locator("#submit_application").click()
    expect(page).to_have_url(re.compile(r"/ban-hang/dang-ky/da-gui/"))
    expect(page.locator("body")).to_contain_text("Các bước tiếp theo")
    expect(page.locator("#confirm_email")).to_contain_text(f"Hãy mở thư chúng tôi vừa gửi tới {ACCOUNT}")


def confirm_and_sign_in(page):
    """The applicant opens the link mailed to them (Django's locmem outbox: the live server runs in this
    process), confirms, and signs in; they land back on the application page, which shows it pending."""
    message = next(m for m in reversed(mail.outbox) if m.to == [ACCOUNT])
    page.goto(CONFIRM_LINK.search(message.body).group(0))
    post_form(page, page.get_by_role("button", name="Xác nhận email"))
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    form = page.locator("form#login_form")
    form.locator("[name=login-username]").fill(ACCOUNT)
    form.locator("[name=login-password]").fill(PASSWORD)
    form.locator("[name=login_submit]").click()
    expect(page).to_have_url(re.compile(r"/ban-hang/dang-ky/$"))
    expect(page.locator("#existing_application")).to_contain_text("Chờ xác minh")


def test_producer_applies_is_verified_lists_a_product_that_is_approved_bought_and_shipped(new_page, tmp_path):
    scan_png, certificate_pdf = scan_files(tmp_path)

    # 1. The producer applies on the public form, confirms the new account's email by the link mailed
    #    to it, and signs in.
    producer_page = new_page()
    apply_to_sell(producer_page, scan_png)
    confirm_and_sign_in(producer_page)
    producer = Partner.objects.get(registration_number="5300777123")
    assert producer.verification_status == Partner.Verification.PENDING
    assert producer.business_registration_scan.read().startswith(b"\x89PNG")
    assert not User.objects.get(email=ACCOUNT).has_perm("partner.dashboard_access")

    # 2. The administrator verifies it at /dashboard/ocop/producers/.
    admin = new_page()
    log_in(admin, loader.STAFF_EMAIL, loader.STAFF_PASSWORD, "/dashboard/ocop/producers/?status=pending")
    row = admin.locator("tr", has_text=PRODUCER)
    expect(row).to_be_visible()
    row.locator("[name=reason]").fill("Hồ sơ đầy đủ, bản chụp rõ.")
    post_form(admin, row.locator("button[name=action][value=verify]"))
    expect(admin.locator("tr", has_text=PRODUCER).locator("button[value=suspend]")).to_be_visible()
    producer.refresh_from_db()
    assert producer.is_verified

    # 3. The producer lists a product in the portal, adds its OCOP certificate and submits it.
    producer_page.goto("/dashboard/portal/products/create/")
    form = producer_page.locator("form#portal_product_form")
    form.locator("[name=title]").fill(PRODUCT)
    form.locator("[name=description]").fill("Mật ong nguyên chất từ hoa bạc hà.\n\nChai thủy tinh 500 ml.")
    form.locator("select[name=ocop_group]").select_option("food")
    form.locator("select[name=ocop_subgroup]").select_option("honey")
    form.locator("[name=weight_grams]").fill("750")
    form.locator("[name=price]").fill("280000")
    form.locator("[name=num_in_stock]").fill("20")
    form.locator("button[type=submit]").click()
    expect(producer_page).to_have_url(re.compile(r"/dashboard/portal/products/\d+/images/"))
    product = Product.objects.get(title=PRODUCT)
    assert not product.is_public and product.stockrecords.get().partner_id == producer.pk

    producer_page.goto("/dashboard/portal/products/")
    producer_page.locator(f"a[href='/dashboard/ocop/products/{product.pk}/']").first.click()
    certificate = producer_page.locator("form#certificate_form")
    certificate.locator("[name=star_rating]").select_option("4")
    certificate.locator("[name=score]").fill("78")
    certificate.locator("[name=decision_number]").fill("88/QĐ-UBND")
    decided = timezone.localdate() - datetime.timedelta(days=3)
    certificate.locator("[name=decision_date]").fill(decided.isoformat())
    certificate.locator("[name=issuer]").fill("UBND tỉnh Lào Cai")
    certificate.locator("select[name=issuer_level]").select_option("province")
    certificate.locator("select[name=taxonomy_version]").select_option("148")
    certificate.locator("input[name=scan]").set_input_files(certificate_pdf)
    post_form(producer_page, certificate.locator("button[type=submit]"))
    expect(producer_page.locator("body")).to_contain_text("88/QĐ-UBND")
    post_form(producer_page, producer_page.locator("form#submit_for_review button[type=submit]"))
    expect(producer_page.locator("form#submit_for_review")).to_have_count(0)
    product.refresh_from_db()
    assert product.review_status == "submitted" and not product.is_public

    # 4. The OCOP reviewer approves it from the review queue.
    reviewer = new_page()
    log_in(reviewer, loader.REVIEWER_EMAIL, loader.REVIEWER_PASSWORD, "/dashboard/ocop/review/")
    reviewer.get_by_role("link", name=PRODUCT).click()
    post_form(
        reviewer,
        reviewer.locator("form.review-action[data-action=approve]").get_by_role("button", name="Duyệt và mở bán"),
    )
    expect(reviewer.locator("form.review-action[data-action=approve]")).to_have_count(0)
    product.refresh_from_db()
    assert product.is_public and product.review_status == "approved"

    # 5. A customer finds it in the storefront search (without diacritics) and buys it (cash on delivery).
    customer = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    customer.goto("/")
    search(customer, "mat ong bac ha lung phinh")
    product_card(customer, PRODUCT).click()
    expect(customer.locator("h1")).to_contain_text(PRODUCT)
    expect(customer.locator("body")).to_contain_text(PRODUCER)
    add_to_basket_here(customer)
    email = "khach.mat.ong@example.vn"
    check_out_as_guest(customer, email, "cod", name="Hoàng Thị Lan", phone="0903 123 456")
    expect(customer).to_have_url(re.compile(r"/checkout/thank-you/"))
    order = Order.objects.get(guest_email=email)
    line = order.lines.get()
    assert line.product_id == product.pk and line.partner_id == producer.pk
    assert Payment.objects.get(order=order).method == "cod"

    # 6. The producer ships that line with a carrier and a tracking number.
    producer_page.goto("/dashboard/portal/orders/")
    producer_page.get_by_role("link", name=order.number).first.click()
    expect(producer_page).to_have_url(re.compile(rf"/dashboard/portal/orders/{order.number}/"))
    confirm = producer_page.locator("form#confirm_form")
    if confirm.count():
        post_form(producer_page, confirm.locator("button[value=confirm]"))
        expect(producer_page.locator("form#ship_form")).to_be_visible()
    ship = producer_page.locator("form#ship_form")
    expect(ship.locator(f"input[type=checkbox][value='{line.pk}']")).to_be_checked()
    ship.locator("[name=ship-carrier]").fill(CARRIER)
    ship.locator("[name=ship-tracking_number]").fill(TRACKING)
    post_form(producer_page, ship.locator("button[value=ship]"))
    expect(producer_page.locator("form#ship_form")).to_have_count(0)
    expect(producer_page.locator("body")).to_contain_text(TRACKING)
    line.refresh_from_db()
    assert line.status == "shipped"

    # 7. The customer looks the order up (number + email) in a new browser and sees the tracking number.
    lookup = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    lookup.goto("/don-hang/tra-cuu/")
    lookup.locator("form.order-lookup [name=number]").fill(order.number)
    lookup.locator("form.order-lookup [name=email]").fill(email)
    lookup.locator("form.order-lookup button[type=submit]").click()
    expect(lookup).to_have_url(re.compile(rf"/don-hang/tra-cuu/{order.number}/"))
    part = lookup.locator("section.order-part", has_text=PRODUCER)
    expect(part.locator(".tracking-number")).to_have_text(TRACKING)
    expect(part).to_contain_text(CARRIER)
    save_screenshot(lookup, "producer-onboarding-to-tracking")
    for name, page in (("producer-onboarding-portal-order", producer_page), ("producer-onboarding-review", reviewer)):
        page.screenshot(path=ARTEFACTS / f"{name}.png", full_page=True)
