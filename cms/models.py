from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import HomePageBody
from cms.forms import OcopPageForm
from shop.core.text import ascii_slugify


class OcopPage(Page):
    """Base of our Wagtail pages: ASCII slugs with Vietnamese folded (đ → d)."""

    base_form_class = OcopPageForm

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        if not self.slug and self.title:
            self.slug = ascii_slugify(self.title)
        super().full_clean(*args, **kwargs)


class HomePage(OcopPage):
    """The storefront's home page at "/", edited in the Wagtail admin."""

    intro = models.CharField(_("Giới thiệu ngắn"), max_length=255, blank=True)
    body = StreamField(HomePageBody(), blank=True, verbose_name=_("Nội dung"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    # One home page per language, each directly under Wagtail's root.
    parent_page_types = ["wagtailcore.Page"]
    template = "cms/home_page.html"

    class Meta:
        verbose_name = _("Trang chủ")


class PolicyPage(OcopPage):
    """A platform policy (returns and exchanges, delivery, privacy…) that product pages link to."""

    body = RichTextField(_("Nội dung"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    subpage_types = []
    template = "cms/policy_page.html"

    class Meta:
        verbose_name = _("Trang chính sách")
        verbose_name_plural = _("Trang chính sách")


@register_setting(icon="doc-full")
class ShopPolicies(BaseSiteSetting):
    """The policy pages every product page links to (Consumer Protection Law 19/2023 disclosures)."""

    return_policy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("Trang chính sách đổi trả"),
        help_text=_("Trang sản phẩm dẫn tới trang này. Để trống thì không hiện liên kết."),
    )

    panels = [FieldPanel("return_policy_page")]
    # One query for the setting, its page and the page's language (product pages show the link).
    select_related = ["return_policy_page", "return_policy_page__locale"]

    class Meta:
        verbose_name = _("Chính sách cửa hàng")
