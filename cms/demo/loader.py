"""Loads the Lào Cai demo market: categories, producers, products, users, home page.

Products go through the real OCOP workflow (catalogue/ocop/workflow.py): the
demo administrator submits them for their producers and the demo reviewer
approves them, so the review log is filled like on a live site. A few are
left in every other state (see DEMO_STATES).

Idempotent by design: every object is found by a stable key (category name
under its parent, producer code, product UPC = SKU, certificate decision
number, page slug) and only created when missing, so a second run writes
nothing and an administrator's later edits survive.
"""

import copy
import datetime
import io
import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from catalogue.ocop import notifications
from catalogue.ocop.expiry import run_certificate_expiry
from catalogue.programme import rules, taxonomy
from cms.demo import data, images
from cms.demo import orders as demo_orders
from cms.demo.addresses import ensure_demo_addresses
from cms.demo.content import ensure_demo_content
from cms.demo.einvoice import ensure_demo_invoice_request
from cms.demo.logins import (
    ASSISTANT_EMAIL,
    ASSISTANT_PASSWORD,
    PRODUCER_EMAIL,
    PRODUCER_PASSWORD,
    REVIEWER_EMAIL,
    REVIEWER_PASSWORD,
    STAFF_EMAIL,
    STAFF_PASSWORD,
)
from cms.demo.offices import ensure_offices
from cms.demo.orders import ensure_demo_orders
from cms.demo.pages import ensure_policy_pages
from cms.demo.provinces import ensure_demo_provinces
from cms.demo.registry import ensure_demo_registry
from cms.demo.shipping import ensure_demo_shipping
from cms.demo.workflow import description_html, product_class, run_demo_workflow
from cms.models import HomePage
from shop.core.phones import national_phone

logger = logging.getLogger(__name__)

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
OcopCertificate = get_model("catalogue", "OcopCertificate")
ReviewLogEntry = get_model("catalogue", "ReviewLogEntry")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
AssistedEntryGrant = get_model("partner", "AssistedEntryGrant")
Country = get_model("address", "Country")

# Producers still waiting for verification: their products stay in the queue.
UNVERIFIED_PRODUCERS = {"hkd-nguyen-thi-hoa"}
# One certificate that expires within the warning period whenever the demo is loaded.
EXPIRING_SOON = ("LC-010", 20)  # (sku, days left)


@transaction.atomic
def load_demo_data():
    ensure_country()
    categories = ensure_categories()
    producers = ensure_producers()
    staff, reviewer = ensure_users(producers[data.PRODUCERS[0]["code"]])
    ensure_offices(reviewer)  # the reviewer works for Lào Cai; national and Hà Nội officers (cms/demo/offices.py)
    assistant = ensure_assistant(staff, producers.values())
    ensure_pending_applicant(producers)  # the pending producer's applicant: account and consents, no portal
    # Demo producers are told nothing: no review or expiry emails for the bulk load.
    with notifications.paused():
        created = ensure_products(categories, producers, assistant, reviewer)
        created += ensure_demo_provinces(categories, assistant)  # four more provinces (cms/demo/provinces.py)
        run_certificate_expiry()  # record expired / expiring demo certificates
    ensure_demo_shipping()  # rates, free threshold, service date option (cms/demo/shipping.py)
    ensure_demo_orders()  # orders in every state for the first producer (cms/demo/orders.py)
    ensure_demo_invoice_request()  # a business buyer's VAT invoice request (cms/demo/einvoice.py)
    ensure_demo_addresses(demo_orders.CUSTOMER_EMAIL)  # the customer's saved address (cms/demo/addresses.py)
    ensure_demo_registry()  # Lào Cai's OCOP list imported: its dated count is the figures' denominator (cms/demo/registry.py)
    home = ensure_home_page()
    ensure_policy_pages(home)
    ensure_demo_content(home)  # campaign, news, producer stories, standard pages, contact (cms/demo/content.py)
    return created


def demo_loaded():
    """Whether this database holds the demo's products already (``load_demo_data`` then adds only what is
    missing, and draws no picture again)."""
    return Product.objects.exists()


def ensure_country():
    fields = {key: value for key, value in data.VIET_NAM.items() if key != "iso_3166_1_a2"}
    Country.objects.get_or_create(iso_3166_1_a2=data.VIET_NAM["iso_3166_1_a2"], defaults={**fields, "display_order": 1})


def ensure_categories():
    """Browsing categories follow the Decision 148 groups; returns {subgroup key: Category}."""
    by_subgroup = {}
    for group in taxonomy.GROUPS_148:
        root = Category.get_root_nodes().filter(name=group.name).first()
        if root is None:
            root = Category.add_root(name=group.name, name_en=group.name_en, is_public=True)
        _fill_english(root, name_en=group.name_en)
        for key, name, name_en in group.subgroups:
            child = root.get_children().filter(name=name).first()
            if child is None:
                child = root.add_child(name=name, name_en=name_en, is_public=True)
            _fill_english(child, name_en=name_en)
            by_subgroup[key] = child
    return by_subgroup


def _fill_english(obj, **english):
    """Give a row made before the catalogue was bilingual its English text, where still blank (an
    administrator's own English stays)."""
    blank = {field: value for field, value in english.items() if value and not getattr(obj, field)}
    if blank:
        for field, value in blank.items():
            setattr(obj, field, value)
        obj.save(update_fields=list(blank))


def ensure_producers():
    producers = {}
    for row in data.PRODUCERS:
        # Cooperatives and enterprises have bank accounts; households mostly not.
        has_account = row["kind"] in {"cooperative", "enterprise"}
        producer, _created = Partner.objects.get_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "legal_name": row["name"],
                "kind": row["kind"],
                "representative": row["representative"],
                "verification_status": (
                    Partner.Verification.PENDING
                    if row["code"] in UNVERIFIED_PRODUCERS
                    else Partner.Verification.VERIFIED
                ),
                "has_epayment_account": has_account,
                "bank_name": "Agribank Lào Cai" if has_account else "",
                "bank_bin": "970405" if has_account else "",  # Agribank's NAPAS BIN: payouts need it
                "bank_account_number": f"8800{row['registration_number'][-8:]}" if has_account else "",
                "bank_account_holder": row["name"].upper() if has_account else "",
                "phone": national_phone(row["phone"]),
                "email": row["email"],
                "registration_number": row["registration_number"],
                # The tax identity withholding needs (Decree 117/2025): the household business's tax code
                # is its registration number here; some households also give the owner's citizen ID.
                "tax_code": row.get("tax_code", row["registration_number"]),
                "citizen_id": row.get("citizen_id", ""),
                "province_code": row["province_code"],
                "ward_code": row["ward_code"],
                "street": row["street"],
                "story": row["story"],
                "name_en": row["name_en"],
                "story_en": row["story_en"],
            },
        )
        _fill_english(producer, name_en=row["name_en"], story_en=row["story_en"])
        producers[row["code"]] = producer
    return producers


def _decision_date(row):
    sku, days_left = EXPIRING_SOON
    if row["sku"] == sku:
        expires_on = timezone.localdate() + datetime.timedelta(days=days_left)
        return rules.add_months(expires_on, -rules.CERTIFICATE_VALIDITY_MONTHS)
    return datetime.date.fromisoformat(row["decision_date"])


def ensure_products(categories, producers, assistant, reviewer):
    created = 0
    for row in data.PRODUCTS:
        is_service = row["group"] in taxonomy.SERVICE_GROUPS
        producer = producers[row["producer"]]
        product, was_created = Product.objects.get_or_create(
            upc=row["sku"],
            defaults={
                "title": row["title"],
                "description": description_html(row["description"]),
                "title_en": row["title_en"],
                "description_en": description_html(row["description_en"]),
                "product_class": product_class(is_service),
                "ocop_group": row["group"],
                "ocop_subgroup": row["subgroup"],
                "weight_grams": row.get("weight_grams"),
                "structure": Product.STANDALONE,
            },
        )
        if not was_created:
            _fill_english(product, title_en=row["title_en"], description_en=description_html(row["description_en"]))
            continue
        created += 1
        product.categories.add(categories[row["subgroup"]])
        StockRecord.objects.create(
            product=product,
            partner=producer,
            partner_sku=row["sku"],
            price=row["price"],
            num_in_stock=row["stock"],
        )
        decided = _decision_date(row)
        scan = images.certificate_scan(
            row["title"], producer.name, row["stars"], row["decision_number"], decided, row["issuer"]
        )
        OcopCertificate.objects.create(
            product=product,
            star_rating=row["stars"],
            score=row.get("score"),
            decision_number=row["decision_number"],
            scan=ContentFile(scan, name=f"chung-nhan-{product.slug}.png"),
            decision_date=decided,
            issuer=row["issuer"],
            issuer_level=row["issuer_level"],
            taxonomy_version=row["taxonomy"],
            address_on_document=row.get("old_address", ""),
            legacy_group=taxonomy.GROUP_1048_OF_148.get(row["group"], "")
            if row["taxonomy"] == taxonomy.TAXONOMY_1048
            else "",
        )
        picture = images.product_image(row["title"], row["subgroup"])
        ProductImage.objects.create(
            product=product,
            display_order=0,
            caption=row["title"],
            original=ContentFile(picture, name=f"{product.slug}.jpg"),
        )
        run_demo_workflow(product, row["sku"], assistant, reviewer)
    return created


def ensure_users(producer):
    """Demo administrator (superuser), OCOP reviewer (staff + review permission), producer user."""
    User = get_user_model()
    staff = User.objects.filter(email=STAFF_EMAIL).first()
    if staff is None:
        staff = User.objects.create_superuser(
            email=STAFF_EMAIL, password=STAFF_PASSWORD, last_name="Nguyễn Văn", first_name="Quản"
        )
    reviewer = User.objects.filter(email=REVIEWER_EMAIL).first()
    if reviewer is None:
        reviewer = User.objects.create_user(
            email=REVIEWER_EMAIL, password=REVIEWER_PASSWORD, last_name="Phạm Thị", first_name="Duyên"
        )
        reviewer.is_staff = True
        reviewer.save(update_fields=["is_staff"])
        reviewer.user_permissions.add(
            Permission.objects.get(codename="review_ocop_product", content_type__app_label="catalogue")
        )
    if not User.objects.filter(email=PRODUCER_EMAIL).exists():
        user = User.objects.create_user(
            email=PRODUCER_EMAIL, password=PRODUCER_PASSWORD, last_name="Lý Thị", first_name="Mai"
        )
        user.user_permissions.add(
            Permission.objects.get(codename="dashboard_access", content_type__app_label="partner")
        )
        producer.users.add(user)
        Partner.objects.filter(pk=producer.pk).update(director=user)
    return staff, reviewer


def ensure_pending_applicant(producers):
    """The unverified demo producer applied through the public form: its representative's account (no
    portal access until an administrator verifies it) with the consents the form records."""
    from shop.producers import onboarding

    for code in sorted(UNVERIFIED_PRODUCERS):
        producer = producers[code]
        if producer.director_id:
            continue
        User = get_user_model()
        family, _space, given = producer.representative.rpartition(" ")
        user = User.objects.filter(email=producer.email).first() or User.objects.create_user(
            email=producer.email,
            password="ocop-applicant-2026",
            last_name=family,
            first_name=given,
            phone_number=producer.phone,
        )
        producer.users.add(user)
        Partner.objects.filter(pk=producer.pk).update(director=user, applied_at=timezone.now())
        onboarding.record_consents(user, context=onboarding.CONSENT_CONTEXT)


def ensure_assistant(staff, producers):
    """A post-office agent the administrator allowed to enter data for every demo producer."""
    User = get_user_model()
    assistant = User.objects.filter(email=ASSISTANT_EMAIL).first()
    if assistant is None:
        assistant = User.objects.create_user(
            email=ASSISTANT_EMAIL, password=ASSISTANT_PASSWORD, last_name="Hoàng Văn", first_name="Bưu"
        )
        assistant.user_permissions.add(
            Permission.objects.get(codename="dashboard_access", content_type__app_label="partner")
        )
    for producer in producers:
        AssistedEntryGrant.objects.get_or_create(
            partner=producer, user=assistant, defaults={"granted_by": staff, "note": "Nhân viên bưu điện văn hoá xã"}
        )
    return assistant


HOME_SECTIONS_VI = {
    "title": "Chợ OCOP Lào Cai",
    "intro": "Đặc sản được chứng nhận OCOP từ các hợp tác xã và hộ sản xuất vùng cao Lào Cai.",
    "hero": (
        "Đặc sản vùng cao, chứng nhận OCOP",
        "Chè Shan tuyết Suối Giàng, quế Bảo Yên, cá hồi Sa Pa, thổ cẩm Hmong — mua trực tiếp từ người làm ra.",
        "Xem sản phẩm",
    ),
    "hero_alt": "Ruộng bậc thang xanh trên đồi vùng cao Lào Cai dưới nắng",
    "shelves": [
        ("Sản phẩm mới", ""),
        ("Đồ uống và chè", "drinks"),
        ("Thực phẩm đặc sản", "food"),
        ("Dược liệu", "herbal"),
        ("Du lịch cộng đồng", "tourism"),
    ],
    "producers": "Chủ thể OCOP tiêu biểu",
    "text": "<h2>Về chương trình OCOP</h2><p>OCOP (Mỗi xã một sản phẩm) đánh giá và xếp hạng sản phẩm "
    "địa phương từ 3 đến 5 sao. Chỉ sản phẩm có giấy chứng nhận còn hiệu lực mới mang dấu OCOP.</p>",
}
HOME_SECTIONS_EN = {
    "title": "Lào Cai OCOP Market",
    "intro": "OCOP-certified specialities from the highland cooperatives and households of Lào Cai.",
    "hero": (
        "Highland specialities, OCOP certified",
        "Suối Giàng Shan tuyết tea, Bảo Yên cinnamon, Sa Pa salmon, Hmong brocade — bought from the people who make them.",
        "Browse products",
    ),
    "hero_alt": "Green terraced fields on the hills of the Lào Cai highlands in the sun",
    "shelves": [
        ("New products", ""),
        ("Drinks and tea", "drinks"),
        ("Speciality foods", "food"),
        ("Medicinal herbs", "herbal"),
        ("Community tourism", "tourism"),
    ],
    "producers": "Featured OCOP producers",
    "text": "<h2>About the OCOP programme</h2><p>OCOP (One Commune One Product) grades local products "
    "from 3 to 5 stars. Only products with a valid certificate carry the OCOP mark.</p>",
}


def _home_body(sections, hero_image, catalogue_url):
    heading, text, button = sections["hero"]
    body = [
        (
            "hero",
            {
                "heading": heading,
                "text": text,
                "image": image_with_alt(hero_image, sections["hero_alt"]),
                "button_text": button,
                "button_link": catalogue_url,
            },
        )
    ]
    shelves = sections["shelves"]
    body.append(("products", {"heading": shelves[0][0], "group": shelves[0][1], "count": 8}))
    body.append(("producers", {"heading": sections["producers"], "count": 6}))
    body += [("products", {"heading": heading, "group": group, "count": 4}) for heading, group in shelves[1:]]
    body.append(("text", sections["text"]))
    return body


def image_with_alt(image, alt_text):
    """An ``ImageBlock`` value: the picture with its alt text, which Wagtail requires to publish the page. A
    copy, because the block keeps the text on the image object and the two languages share the picture."""
    if image is None:
        return None
    picture = copy.copy(image)
    picture.contextual_alt_text, picture.decorative = alt_text, False
    return picture


def _hero_image():
    Image = get_image_model()
    image = Image.objects.filter(title="Ruộng bậc thang Lào Cai").first()
    if image is None:
        picture = ImageFile(io.BytesIO(images.hero_image()), name="ruong-bac-thang.jpg")
        image = Image.objects.create(
            title="Ruộng bậc thang Lào Cai", file=picture, description=HOME_SECTIONS_VI["hero_alt"]
        )
    return image


def ensure_home_page():
    """The Vietnamese home page as the site root, with its English translation; returns it."""
    existing = HomePage.objects.filter(locale__language_code="vi").first()
    if existing is not None:
        return existing
    root = Page.get_first_root_node()
    hero = _hero_image()
    locale_vi = Locale.objects.get_or_create(language_code="vi")[0]
    locale_en = Locale.objects.get_or_create(language_code="en")[0]
    sections = HOME_SECTIONS_VI
    home = root.add_child(
        instance=HomePage(
            title=sections["title"],
            slug="trang-chu",
            intro=sections["intro"],
            locale=locale_vi,
            body=_home_body(sections, hero, "/catalogue/"),
        )
    )
    home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first()
    previous_root = site.root_page if site else None
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="OCOP Market"
        )
    else:
        site.root_page, site.site_name = home, "OCOP Market"
        site.save()
    # Wagtail's "Welcome to your new Wagtail site!" placeholder goes.
    if previous_root and previous_root.specific_class is Page and previous_root.depth == 2:
        previous_root.delete()

    english = home.copy_for_translation(locale_en)
    sections = HOME_SECTIONS_EN
    english.title, english.intro = sections["title"], sections["intro"]
    english.body = _home_body(sections, hero, "/en/catalogue/")
    english.save_revision().publish()
    return home
