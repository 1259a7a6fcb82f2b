from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

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
