from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from catalogue.listing import product_cards, public_producers
from catalogue.programme import rules, taxonomy
from cms.choosers import ProducerChooserBlock, ProductChooserBlock, with_stars
from shop.core.addresses import province_choices

Category = get_model("catalogue", "Category")


def live_products(products):
    """The chosen products the storefront still lists, in the editor's order (unpublished ones skipped)."""
    return cards_of([product.pk for product in products if product is not None])


def cards_of(product_ids):
    """The products of these ids that are for sale, prefetched for cards, in the given order."""
    cards = {product.pk: product for product in product_cards().filter(pk__in=product_ids)}
    return [cards[pk] for pk in product_ids if pk in cards]


# A block that shows product cards has ``shelf(value, request)``: what it shows apart from the cards (a context
# without a form, kept in the shared cache by ``cms.home``) and the ids of the products to show as cards, in
# order — products that are no longer for sale are dropped when the cards are fetched (``product_cards``).


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề"), max_length=120)
    text = blocks.TextBlock(label=_("Lời giới thiệu"), required=False)
    image = ImageBlock(label=_("Ảnh"), required=False)
    button_text = blocks.CharBlock(label=_("Chữ trên nút"), required=False, max_length=40)
    button_link = blocks.CharBlock(label=_("Liên kết của nút"), required=False, help_text=_("Ví dụ /catalogue/"))

    class Meta:
        template = "cms/blocks/hero.html"
        icon = "pick"
        label = _("Ảnh bìa")
        preview_value = {
            "heading": "Đặc sản OCOP Lào Cai",
            "text": "Chè Shan tuyết, quế Bảo Yên, cá hồi Sa Pa.",
            "button_text": "Mua ngay",
            "button_link": "/catalogue/",
        }


class ProductShelfBlock(blocks.StructBlock):
    """A row of the newest public products of one OCOP group (or of all groups)."""

    heading = blocks.CharBlock(label=_("Tiêu đề"), max_length=120)
    group = blocks.ChoiceBlock(
        label=_("Nhóm sản phẩm OCOP"),
        required=False,
        choices=[(group.key, group.name) for group in taxonomy.GROUPS_148],
    )
    count = blocks.IntegerBlock(label=_("Số sản phẩm"), default=8, min_value=1, max_value=24)

    class Meta:
        template = "cms/blocks/product_shelf.html"
        icon = "list-ul"
        label = _("Dãy sản phẩm")
        preview_value = {"heading": "Sản phẩm mới", "group": "", "count": 4}

    def shelf(self, value, request=None, shown=()):
        """The newest products of the group, without those a shelf above already shows (``shown``)."""
        products = product_cards().exclude(pk__in=shown).order_by("-date_created", "id")
        if value.get("group"):
            products = products.filter(ocop_group=value["group"])
        return {"value": {"heading": value.get("heading")}}, list(
            products.values_list("pk", flat=True)[: value.get("count") or 8]
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["products"] = cards_of(self.shelf(value)[1])
        return context


class ProducerShelfBlock(blocks.StructBlock):
    """Published producers (``public_producers``: verified, something for sale) that tell their story."""

    heading = blocks.CharBlock(label=_("Tiêu đề"), max_length=120)
    count = blocks.IntegerBlock(label=_("Số chủ thể"), default=6, min_value=1, max_value=24)

    class Meta:
        template = "cms/blocks/producer_shelf.html"
        icon = "group"
        label = _("Chủ thể OCOP tiêu biểu")
        preview_value = {"heading": "Chủ thể OCOP tiêu biểu", "count": 3}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["producers"] = public_producers().exclude(story="").order_by("name")[: value.get("count") or 6]
        return context


class HeroCarouselBlock(blocks.StructBlock):
    slides = blocks.ListBlock(HeroBlock(), label=_("Ảnh bìa"), min_num=1, max_num=6)

    class Meta:
        template = "cms/blocks/hero_carousel.html"
        icon = "image"
        label = _("Băng chuyền ảnh bìa")
        preview_value = {
            "slides": [
                {
                    "heading": "Đặc sản OCOP Lào Cai",
                    "text": "Chè Shan tuyết, quế Bảo Yên.",
                    "button_text": "Mua ngay",
                    "button_link": "/catalogue/",
                },
                {
                    "heading": "Quế Bảo Yên",
                    "text": "Hương quế vùng cao.",
                    "button_text": "Xem",
                    "button_link": "/catalogue/",
                },
            ]
        }
        description = _("Vài ảnh lớn lướt ngang, mỗi ảnh có tiêu đề và nút dẫn tới trang khác.")


class FeaturedProductsBlock(blocks.StructBlock):
    """Hand-picked products; those no longer on sale are skipped when the page renders."""

    heading = blocks.CharBlock(label=_("Tiêu đề"), max_length=120)
    products = blocks.ListBlock(ProductChooserBlock(label=_("Sản phẩm")), label=_("Sản phẩm"), min_num=1)

    class Meta:
        template = "cms/blocks/product_shelf.html"
        icon = "tag"
        label = _("Sản phẩm chọn lọc")
        description = _("Sản phẩm do biên tập viên chọn; sản phẩm ngừng bán sẽ tự ẩn.")

    def get_preview_value(self):
        return self.normalize({"heading": _("Sản phẩm chọn lọc"), "products": list(product_cards()[:4])})

    def shelf(self, value, request=None, shown=()):
        """The editor's choice, as chosen (even a product a shelf above shows too)."""
        chosen = [product.pk for product in value.get("products") or [] if product is not None]
        return {"value": {"heading": value.get("heading")}}, chosen

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["products"] = live_products(value.get("products") or [])
        return context


class ProductQueryBlock(blocks.StructBlock):
    """Products chosen by a rule, resolved when the page is shown (only listed products)."""

    FIVE_STARS, NEW_THIS_MONTH, GROUP, PROVINCE = "five_stars", "new_this_month", "group", "province"
    heading = blocks.CharBlock(label=_("Tiêu đề"), max_length=120)
    rule = blocks.ChoiceBlock(
        label=_("Cách chọn"),
        choices=[
            (FIVE_STARS, _("Sản phẩm OCOP 5 sao")),
            (NEW_THIS_MONTH, _("Mới trong tháng")),
            (GROUP, _("Theo nhóm sản phẩm")),
            (PROVINCE, _("Theo tỉnh/thành phố")),
        ],
    )
    group = blocks.ChoiceBlock(
        label=_("Nhóm sản phẩm OCOP"),
        required=False,
        choices=[(group.key, group.name) for group in taxonomy.GROUPS_148],
    )
    province = blocks.ChoiceBlock(label=_("Tỉnh/thành phố"), required=False, choices=province_choices)
    count = blocks.IntegerBlock(label=_("Số sản phẩm"), default=8, min_value=1, max_value=24)

    class Meta:
        template = "cms/blocks/product_shelf.html"
        icon = "search"
        label = _("Sản phẩm theo tiêu chí")
        preview_value = {"heading": "Sản phẩm OCOP 5 sao", "rule": "five_stars", "count": 4}
        description = _("Danh sách tự cập nhật: 5 sao, mới trong tháng, theo nhóm hoặc theo tỉnh.")

    def clean(self, value):
        value = super().clean(value)
        needed = {self.GROUP: "group", self.PROVINCE: "province"}.get(value.get("rule"))
        if needed and not value.get(needed):
            raise blocks.StructBlockValidationError(
                block_errors={needed: ValidationError(_("Hãy chọn giá trị cho cách chọn này."))}
            )
        return value

    def products(self, value):
        return cards_of(self.product_ids(value))

    def product_ids(self, value, shown=()):
        products = product_cards().exclude(pk__in=shown)
        rule = value.get("rule")
        if rule == self.FIVE_STARS:
            products = with_stars(products, max(rules.OCOP_STARS))
        elif rule == self.NEW_THIS_MONTH:
            today = timezone.localdate()
            products = products.filter(date_created__date__gte=today.replace(day=1))
        elif rule == self.GROUP:
            products = products.filter(ocop_group=value.get("group") or "")
        elif rule == self.PROVINCE:
            products = products.filter(stockrecords__partner__province_code=value.get("province") or 0)
        return list(
            products.order_by("-date_created", "id").distinct().values_list("pk", flat=True)[: value.get("count") or 8]
        )

    def shelf(self, value, request=None, shown=()):
        """The rule's products, without those a shelf above already shows (``shown``)."""
        return {"value": {"heading": value.get("heading")}}, self.product_ids(value, shown)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["products"] = self.products(value)
        return context


class ProducerSpotlightBlock(blocks.StructBlock):
    """One chosen producer with its products for sale; renders nothing once the producer is no longer
    published (``public_producers``), and links its story only while that story is shown."""

    producer = ProducerChooserBlock(label=_("Chủ thể"))
    text = blocks.TextBlock(label=_("Lời giới thiệu"), required=False)
    story = blocks.PageChooserBlock(label=_("Trang câu chuyện"), required=False, page_type="cms.ProducerStoryPage")

    class Meta:
        template = "cms/blocks/producer_spotlight.html"
        icon = "user"
        label = _("Giới thiệu một chủ thể")
        description = _("Một hợp tác xã hay hộ sản xuất, với sản phẩm đang bán của họ.")

    def get_preview_value(self):
        producer = public_producers().order_by("pk").first()
        return self.normalize({"producer": producer, "text": producer.story[:200] if producer else ""})

    def shelf(self, value, request=None, shown=()):
        """Nothing (None) once the producer is no longer published; its story's link only while shown. Its
        products are the producer's, whatever shelves above show."""
        producer, story = value.get("producer"), value.get("story")
        if producer is None or not public_producers().filter(pk=producer.pk).exists():
            return None, []
        if story is not None:
            story = story.specific
            story = story if story.live and story.producer_is_public() else None
        context = {
            "value": {"text": value.get("text")},
            "producer": producer,
            "story_url": story.get_url(request=request) if story is not None else None,
        }
        return context, list(product_cards().filter(stockrecords__partner=producer).values_list("pk", flat=True)[:4])

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        shown, product_ids = self.shelf(value, (parent_context or {}).get("request"))
        context.update(shown or {"producer": None}, products=cards_of(product_ids))
        context["value"] = value
        return context


class CampaignBannerBlock(blocks.StructBlock):
    campaign = blocks.PageChooserBlock(label=_("Chương trình khuyến mại"), page_type="cms.CampaignPage")

    class Meta:
        template = "cms/blocks/campaign_banner.html"
        icon = "date"
        label = _("Băng rôn chương trình")
        description = _("Chỉ hiện khi chương trình đang diễn ra.")

    def get_preview_value(self):
        CampaignPage = apps.get_model("cms", "CampaignPage")  # by name: cms.models builds on these blocks

        return self.normalize({"campaign": CampaignPage.objects.live().order_by("-ends_at").first()})

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        campaign = value.get("campaign")
        campaign = campaign.specific if campaign is not None else None
        context["campaign"] = campaign if campaign is not None and campaign.live and campaign.is_running() else None
        return context


class CategoryTilesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề"), max_length=120)

    class Meta:
        template = "cms/blocks/category_tiles.html"
        icon = "table"
        label = _("Sáu nhóm sản phẩm OCOP")
        preview_value = {"heading": "Nhóm sản phẩm OCOP"}
        description = _("Ô dẫn tới sáu nhóm sản phẩm OCOP.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        roots = {category.name: category for category in Category.get_root_nodes()}
        context["tiles"] = [(group, roots.get(str(group.name))) for group in taxonomy.GROUPS_148]
        return context


class HomePageBody(blocks.StreamBlock):
    hero = HeroBlock()
    hero_carousel = HeroCarouselBlock()
    featured_products = FeaturedProductsBlock()
    product_query = ProductQueryBlock()
    products = ProductShelfBlock()
    producer_spotlight = ProducerSpotlightBlock()
    producers = ProducerShelfBlock()
    campaign_banner = CampaignBannerBlock()
    category_tiles = CategoryTilesBlock()
    text = blocks.RichTextBlock(
        label=_("Đoạn văn"),
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        template="cms/blocks/text.html",
        preview_value="<h2>Về chương trình OCOP</h2><p>Mỗi xã một sản phẩm.</p>",
    )
