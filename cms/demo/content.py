"""Demo editorial content, in Vietnamese with English translations: a running campaign (with an Oscar
offer on its products), a news section with three articles, two producer stories, the standard pages, a
contact form, the site's contact details and main menu, and every home-page block type.

Idempotent: pages are found by slug under their parent and created only when missing.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.text import Truncator
from oscar.core.loading import get_model
from wagtail.models import Locale, Site

from catalogue.listing import for_sale, public_producers
from cms.models import (
    ArticlePage,
    CampaignPage,
    ContactFormField,
    ContactPage,
    MainMenu,
    NewsIndexPage,
    PolicyPage,
    ProducerStoryPage,
    SiteContact,
    StandardPage,
)

Product = get_model("catalogue", "Product")
Range = get_model("offer", "Range")
Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")

CAMPAIGN_SLUG = "tuan-le-ocop-lao-cai"
NEWS_SLUG = "tin-tuc"
ARTICLES = [
    (
        "hoi-cho-ocop-lao-cai-2026",
        ["hội chợ", "OCOP"],
        3,
        (
            "Hội chợ OCOP Lào Cai 2026 thu hút hơn 200 gian hàng",
            "Hội chợ giới thiệu sản phẩm OCOP của 34 tỉnh, thành phố tại quảng trường Sa Pa.",
            "<p>Từ ngày 15 đến 19/11, hội chợ OCOP Lào Cai 2026 đã đón hàng chục nghìn lượt khách.</p>",
        ),
        (
            "Lào Cai OCOP Fair 2026 draws over 200 stalls",
            "The fair showed OCOP products of all 34 provinces on Sa Pa square.",
            "<p>From 15 to 19 November the Lào Cai OCOP fair welcomed tens of thousands of visitors.</p>",
        ),
    ),
    (
        "dot-danh-gia-ocop-thang-10",
        ["chứng nhận", "OCOP"],
        20,
        (
            "Lào Cai công nhận 48 sản phẩm OCOP đợt tháng 10",
            "Hội đồng cấp tỉnh đánh giá và công nhận 48 sản phẩm đạt 3 đến 5 sao.",
            "<p>Trong đợt đánh giá tháng 10, có 6 sản phẩm đạt 5 sao, chủ yếu là chè Shan tuyết và dược liệu.</p>",
        ),
        (
            "Lào Cai certifies 48 OCOP products in October",
            "The provincial council graded 48 products at 3 to 5 stars.",
            "<p>In the October round six products reached 5 stars, mostly Shan tuyết tea and medicinal herbs.</p>",
        ),
    ),
    (
        "gia-que-bao-yen-tang",
        ["thị trường"],
        45,
        (
            "Giá quế Bảo Yên tăng mạnh mùa thu hoạch",
            "Quế vỏ khô loại một được thu mua với giá cao nhất trong ba năm.",
            "<p>Các hợp tác xã quế Bảo Yên cho biết đơn hàng xuất khẩu tăng mạnh từ tháng 9.</p>",
        ),
        (
            "Bảo Yên cinnamon prices rise at harvest",
            "First-grade dried cinnamon bark is bought at its highest price in three years.",
            "<p>Bảo Yên cinnamon cooperatives report strong export orders since September.</p>",
        ),
    ),
]
STANDARD = [
    (
        StandardPage,
        "gioi-thieu",
        {
            "title": "Giới thiệu",
            "intro": "Chợ OCOP Lào Cai là sàn thương mại điện tử của chương trình OCOP tỉnh.",
            "body": "<p>Sàn kết nối người mua với các hợp tác xã và hộ sản xuất có sản phẩm được chứng nhận OCOP.</p>",
        },
        {
            "title": "About us",
            "intro": "The Lào Cai OCOP Market is the online market of the provincial OCOP programme.",
            "body": "<p>It connects buyers with the cooperatives and households whose products are OCOP certified.</p>",
        },
    ),
    (
        PolicyPage,
        "dieu-khoan-su-dung",
        {"title": "Điều khoản sử dụng", "body": "<p>Khi mua hàng trên sàn, bạn đồng ý với các điều khoản sau…</p>"},
        {"title": "Terms of use", "body": "<p>By buying on the market you agree to the following terms…</p>"},
    ),
    # The privacy notice ("chinh-sach-bao-mat") is made with the other policy pages (cms/demo/pages.py).
    (
        PolicyPage,
        "chinh-sach-van-chuyen",
        {
            "title": "Chính sách vận chuyển",
            "body": "<p>Mỗi chủ thể gửi một kiện riêng; phí tính theo khối lượng "
            "và vùng giao hàng, miễn phí cho kiện từ 500.000\u00a0₫.</p>",
        },
        {
            "title": "Shipping policy",
            "body": "<p>Each producer ships its own parcel, charged by weight and zone; "
            "parcels from 500.000\u00a0₫ ship free.</p>",
        },
    ),
]


def _translate(page, fields):
    """The page's English translation with ``fields`` (created once)."""
    english = Locale.objects.get(language_code="en")
    existing = page.get_translations().filter(locale=english).first()
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(english)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def _lead(text, words=40):
    """The opening of ``text`` for an intro or a teaser: whole words, with "…" when cut."""
    return Truncator(text).words(words, truncate="…")


def _child(parent, cls, slug, fields, english=None, **extra):
    page = cls.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = cls(slug=slug, locale=parent.locale, **fields, **extra)
        parent.add_child(instance=page)
        page.save_revision().publish()
    if english is not None:
        _translate(page, english)
    return page


def _campaign_offer(products):
    """An Oscar offer: 10 % off the campaign's products (the campaign keeps products and dates in step)."""
    offer = ConditionalOffer.objects.filter(name="Tuần lễ OCOP Lào Cai").first()
    if offer is not None:
        return offer
    product_range = Range.objects.create(name="Sản phẩm Tuần lễ OCOP Lào Cai")
    product_range.included_products.set(products)
    return ConditionalOffer.objects.create(
        name="Tuần lễ OCOP Lào Cai",
        offer_type=ConditionalOffer.SITE,
        condition=Condition.objects.create(range=product_range, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=product_range, type=Benefit.PERCENTAGE, value=Decimal(10)),
    )


def ensure_demo_content(home):
    now = timezone.now()
    products = list(for_sale(Product.objects.all()).order_by("upc")[:6])
    _child(
        home,
        CampaignPage,
        CAMPAIGN_SLUG,
        {
            "title": "Tuần lễ OCOP Lào Cai",
            "intro": "Giảm 10 % cho đặc sản OCOP chọn lọc trong tuần lễ.",
            "body": "<p>Chè Shan tuyết, quế Bảo Yên và mật ong bạc hà giảm giá trong thời gian chương trình.</p>",
            "starts_at": now - timedelta(days=3),
            "ends_at": now + timedelta(days=60),
            "products": [("product", product) for product in products],
            "offer": _campaign_offer(products),
        },
        {
            "title": "Lào Cai OCOP Week",
            "intro": "10 % off selected OCOP specialities during the week.",
            "body": "<p>Shan tuyết tea, Bảo Yên cinnamon and mint honey are discounted during the campaign.</p>",
        },
    )

    news = _child(
        home,
        NewsIndexPage,
        NEWS_SLUG,
        {"title": "Tin tức", "intro": "Tin về chương trình OCOP Lào Cai."},
        {"title": "News", "intro": "News of the Lào Cai OCOP programme."},
    )
    for slug, tags, days_ago, vi, en in ARTICLES:
        article = ArticlePage.objects.child_of(news).filter(slug=slug).first()
        if article is None:
            article = ArticlePage(
                slug=slug,
                locale=news.locale,
                title=vi[0],
                intro=vi[1],
                body=vi[2],
                date=timezone.localdate() - timedelta(days=days_ago),
            )
            article.tags.add(*tags)
            news.add_child(instance=article)
            article.save_revision().publish()
        _translate(article, {"title": en[0], "intro": en[1], "body": en[2]})

    producers = list(public_producers().exclude(story="").order_by("pk")[:2])  # only published producers
    for number, producer in enumerate(producers, start=1):
        _child(
            home,
            ProducerStoryPage,
            f"cau-chuyen-{number}",
            {
                "title": f"Câu chuyện của {producer.name}",
                "intro": _lead(producer.story),
                "body": f"<p>{producer.story}</p>",
            },
            {
                "title": f"The story of {producer.name_en or producer.name}",
                "intro": _lead(producer.story_en or producer.story),
                "body": f"<p>{producer.story_en or producer.story}</p>",
            },
            producer=producer,
        )

    pages = {}
    for cls, slug, vi, en in STANDARD:
        pages[slug] = _child(home, cls, slug, vi, en)
    contact = ContactPage.objects.child_of(home).filter(slug="lien-he").first()
    if contact is None:
        contact = ContactPage(
            slug="lien-he",
            locale=home.locale,
            title="Liên hệ",
            intro="<p>Gửi câu hỏi cho ban quản lý chương trình OCOP tỉnh.</p>",
            thank_you_text="<p>Cảm ơn bạn, chúng tôi sẽ trả lời trong 2 ngày làm việc.</p>",
            to_address="admin@ocop.example.vn",
            from_address="no-reply@ocop.example.vn",
            subject="Liên hệ từ Chợ OCOP Lào Cai",
        )
        contact.form_fields = [
            ContactFormField(sort_order=order, label=label, field_type=field_type, required=True)
            for order, (label, field_type) in enumerate(
                [("Họ và tên", "singleline"), ("Email", "email"), ("Nội dung", "multiline")]
            )
        ]
        home.add_child(instance=contact)
        contact.save_revision().publish()
    _translate(contact, {"title": "Contact", "intro": "<p>Send a question to the provincial OCOP office.</p>"})

    campaign = CampaignPage.objects.child_of(home).get(slug=CAMPAIGN_SLUG)
    stories = list(ProducerStoryPage.objects.child_of(home).order_by("slug"))
    _ensure_every_block(home, products, producers, campaign, stories)
    english_home = home.get_translations().filter(locale__language_code="en").first()
    if english_home is not None:
        english_campaign = campaign.get_translations().filter(locale=english_home.locale).first()
        _ensure_every_block(
            english_home.specific, products, producers, english_campaign or campaign, stories, english=True
        )

    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        details = SiteContact.for_site(site)
        if not details.hotline:
            details.hotline, details.email = "1900 6868", "lienhe@ocop.example.vn"
            details.address = "Số 1 đường Hoàng Liên, phường Cam Đường, Lào Cai"
            details.zalo_url, details.facebook_url = "https://zalo.me/ocoplaocai", "https://facebook.com/ocoplaocai"
            details.footer_text = "Sàn thương mại điện tử của Chương trình OCOP tỉnh Lào Cai."
            details.save()
        menu = MainMenu.for_site(site)
        if not menu.items:
            menu.items = [
                ("link", {"page": news, "url": "", "label": ""}),
                ("link", {"page": pages["gioi-thieu"], "url": "", "label": ""}),
                ("link", {"page": contact, "url": "", "label": ""}),
            ]
            menu.save()
    return home


def _ensure_every_block(home, products, producers, campaign, stories, english=False):
    """Add the block types the home page does not show yet (carousel, chosen products, a live query, a
    producer, the campaign banner, the six groups) and publish it again."""
    present = {block.block_type for block in home.body}

    def text(vi, en):
        return en if english else vi

    # The editors' picks are not the spotlighted producer's products, which its block shows anyway.
    picks = [product for product in products if not producers or product.producer != producers[0]][:4]

    wanted = [
        (
            "hero_carousel",
            {
                "slides": [
                    {
                        "heading": text("Tuần lễ OCOP Lào Cai", "Lào Cai OCOP Week"),
                        "text": text("Giảm 10 % đặc sản chọn lọc.", "10 % off selected specialities."),
                        "image": None,
                        "button_text": text("Xem", "See"),
                        "button_link": campaign.url if campaign else "/",
                    },
                    {
                        "heading": text("Chè Shan tuyết Suối Giàng", "Suối Giàng Shan tuyết tea"),
                        "text": text("Chè cổ thụ trên 300 năm tuổi.", "Tea from trees over 300 years old."),
                        "image": None,
                        "button_text": text("Mua", "Buy"),
                        "button_link": text("/catalogue/", "/en/catalogue/"),
                    },
                ]
            },
        ),
        ("campaign_banner", {"campaign": campaign}),
        ("featured_products", {"heading": text("Sản phẩm chọn lọc", "Editors' picks"), "products": picks}),
        (
            "product_query",
            {
                "heading": text("Sản phẩm OCOP 5 sao", "5-star OCOP products"),
                "rule": "five_stars",
                "group": "",
                "province": "",
                "count": 8,
            },
        ),
        ("category_tiles", {"heading": text("Sáu nhóm sản phẩm OCOP", "The six OCOP product groups")}),
    ]
    if producers:
        wanted.append(
            (
                "producer_spotlight",
                {
                    "producer": producers[0],
                    "text": _lead(producers[0].story, 30),
                    "story": stories[0] if stories else None,
                },
            )
        )
    missing = [(kind, value) for kind, value in wanted if kind not in present]
    if not missing:
        return
    home.body = [(block.block_type, block.value) for block in home.body] + missing
    home.save_revision().publish()
