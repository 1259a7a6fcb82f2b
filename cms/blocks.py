from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from catalogue.listing import product_cards
from catalogue.ocop import taxonomy

Partner = get_model("partner", "Partner")


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề"), max_length=120)
    text = blocks.TextBlock(label=_("Lời giới thiệu"), required=False)
    image = ImageBlock(label=_("Ảnh"), required=False)
    button_text = blocks.CharBlock(label=_("Chữ trên nút"), required=False, max_length=40)
    button_link = blocks.CharBlock(label=_("Liên kết của nút"), required=False,
                                   help_text=_("Ví dụ /catalogue/"))

    class Meta:
        template = "cms/blocks/hero.html"
        icon = "pick"
        label = _("Ảnh bìa")
        preview_value = {"heading": "Đặc sản OCOP Lào Cai", "text": "Chè Shan tuyết, quế Bảo Yên, cá hồi Sa Pa.",
                         "button_text": "Mua ngay", "button_link": "/catalogue/"}


class ProductShelfBlock(blocks.StructBlock):
    """A row of the newest public products of one OCOP group (or of all groups)."""

    heading = blocks.CharBlock(label=_("Tiêu đề"), max_length=120)
    group = blocks.ChoiceBlock(
        label=_("Nhóm sản phẩm OCOP"), required=False,
        choices=[(group.key, group.name) for group in taxonomy.GROUPS_148],
    )
    count = blocks.IntegerBlock(label=_("Số sản phẩm"), default=8, min_value=1, max_value=24)

    class Meta:
        template = "cms/blocks/product_shelf.html"
        icon = "list-ul"
        label = _("Dãy sản phẩm")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        products = product_cards().order_by("-date_created", "id")
        if value.get("group"):
            products = products.filter(ocop_group=value["group"])
        context["products"] = products[: value.get("count") or 8]
        return context


class ProducerShelfBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề"), max_length=120)
    count = blocks.IntegerBlock(label=_("Số chủ thể"), default=6, min_value=1, max_value=24)

    class Meta:
        template = "cms/blocks/producer_shelf.html"
        icon = "group"
        label = _("Chủ thể OCOP tiêu biểu")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["producers"] = Partner.objects.exclude(story="").order_by("name")[: value.get("count") or 6]
        return context


class HomePageBody(blocks.StreamBlock):
    hero = HeroBlock()
    products = ProductShelfBlock()
    producers = ProducerShelfBlock()
    text = blocks.RichTextBlock(label=_("Đoạn văn"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
                                template="cms/blocks/text.html")
