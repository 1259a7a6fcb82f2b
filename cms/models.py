from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from catalogue.listing import public_producers
from cms.blocks import HomePageBody, cards_of
from cms.choosers import ProductChooserBlock, producer_chooser_viewset
from cms.forms import OcopPageForm
from cms.home import sections
from shop.core import changes, fragments
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


RICH_TEXT = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "image"]


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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = sections(self, request)
        return context


class PolicyPage(OcopPage):
    """A platform policy (returns and exchanges, delivery, privacy…) that product pages link to."""

    body = RichTextField(_("Nội dung"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    # The privacy notice's version is what a consent records (shop.customer.privacy.notice_version): an editor
    # sets a new one when the notice changes what it says about the data, its purposes or the rights, and
    # customers are asked again; correcting a typo keeps the version, so nobody is asked for nothing.
    version = models.CharField(
        _("Phiên bản"),
        max_length=32,
        blank=True,
        help_text=_(
            "Chỉ dùng cho trang thông báo xử lý dữ liệu cá nhân: đổi phiên bản (ví dụ 2026-03) khi nội dung "
            "về dữ liệu, mục đích hoặc quyền thay đổi; người dùng sẽ được hỏi đồng ý lại."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("body"), FieldPanel("version")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    subpage_types = []
    template = "cms/policy_page.html"

    class Meta:
        verbose_name = _("Trang chính sách")
        verbose_name_plural = _("Trang chính sách")


class StorefrontSetting(BaseSiteSetting):
    """A site setting the storefront's pages show: saving it drops the cached pages."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        changes.content_changed()


@register_setting(icon="doc-full")
class ShopPolicies(StorefrontSetting):
    """The policy pages every product page links to (Consumer Protection Law 19/2023 disclosures)."""

    return_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Trang chính sách đổi trả"),
        help_text=_("Trang sản phẩm dẫn tới trang này. Để trống thì không hiện liên kết."),
    )

    privacy_notice_page = models.ForeignKey(
        "cms.PolicyPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Trang thông báo xử lý dữ liệu cá nhân"),
        help_text=_(
            "Đăng ký tài khoản và mua hàng không cần tài khoản dẫn tới trang này; phiên bản của trang là phiên "
            "bản người dùng đồng ý."
        ),
    )

    panels = [FieldPanel("return_policy_page"), FieldPanel("privacy_notice_page")]
    # One query for the setting, its page and the page's language (product pages show the link).
    select_related = ["return_policy_page", "return_policy_page__locale"]

    class Meta:
        verbose_name = _("Chính sách cửa hàng")


class StandardPage(OcopPage):
    """An editorial page: about the programme, how to buy…"""

    intro = models.CharField(_("Giới thiệu ngắn"), max_length=255, blank=True)
    body = RichTextField(_("Nội dung"), features=RICH_TEXT)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    template = "cms/standard_page.html"

    class Meta:
        verbose_name = _("Trang nội dung")
        verbose_name_plural = _("Trang nội dung")


class CampaignPage(OcopPage):
    """A promotion with dates: shown only while it runs, with its banner, text and chosen products.
    When linked to an Oscar offer, publishing the campaign makes the offer apply to exactly the chosen
    products and only between the campaign's dates (``sync_offer``)."""

    starts_at = models.DateTimeField(_("Bắt đầu"))
    ends_at = models.DateTimeField(_("Kết thúc"))
    banner = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Ảnh băng rôn"),
    )
    intro = models.CharField(_("Lời giới thiệu"), max_length=255, blank=True)
    body = RichTextField(_("Nội dung"), features=RICH_TEXT, blank=True)
    products = StreamField(
        [("product", ProductChooserBlock(label=_("Sản phẩm")))], blank=True, verbose_name=_("Sản phẩm của chương trình")
    )
    offer = models.ForeignKey(
        "offer.ConditionalOffer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Ưu đãi Oscar áp dụng"),
        help_text=_("Giảm giá áp dụng cho các sản phẩm trên trong thời gian chương trình."),
    )

    # The offer this campaign last gave its dates to: when editors unlink or replace it, or the campaign
    # is unpublished, that offer must stop rather than keep discounting on its own.
    synced_offer = models.ForeignKey(
        "offer.ConditionalOffer", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("Thời gian")),
        FieldPanel("banner"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("products"),
        FieldPanel("offer"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    template = "cms/campaign_page.html"

    class Meta:
        verbose_name = _("Chương trình khuyến mại")
        verbose_name_plural = _("Chương trình khuyến mại")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Ngày kết thúc phải sau ngày bắt đầu.")})

    def is_running(self, now=None):
        now = now or timezone.now()
        return bool(self.starts_at and self.ends_at and self.starts_at <= now < self.ends_at)

    def live_products(self):
        # The chosen ids straight from the stream (``raw_data``): fetching the chooser blocks' products first
        # would cost a query for products the cards query fetches again.
        return cards_of([block["value"] for block in self.products.raw_data if block.get("value")])

    def serve(self, request, *args, **kwargs):
        if not self.is_running() and not getattr(request, "is_preview", False):
            raise Http404(_("Chương trình không diễn ra lúc này."))
        return super().serve(request, *args, **kwargs)

    def sync_offer(self):
        """The linked offer covers the chosen products, between the campaign's dates; an offer the
        campaign linked before and no longer does stops now."""
        offer = self.offer
        if self.synced_offer_id and self.synced_offer_id != getattr(offer, "pk", None):
            self.stop_synced_offer()
        if offer is None:
            return
        CampaignPage.objects.filter(pk=self.pk).update(synced_offer=offer)  # not a new revision
        self.synced_offer = offer
        offer.start_datetime, offer.end_datetime = self.starts_at, self.ends_at
        offer.save(update_fields=["start_datetime", "end_datetime"])
        product_range = offer.condition.range if offer.condition_id else None
        if product_range is not None:
            product_range.included_products.set([block.value for block in self.products if block.value])

    def stop_synced_offer(self):
        """The campaign no longer carries the offer it gave its dates to (unlinked, replaced or the
        campaign unpublished): the offer ends now if it was still to run."""
        offer = self.synced_offer
        if offer is not None:
            now = timezone.now()
            if offer.end_datetime is None or offer.end_datetime > now:
                offer.end_datetime = now
                offer.save(update_fields=["end_datetime"])
        CampaignPage.objects.filter(pk=self.pk).update(synced_offer=None)
        self.synced_offer = None


class NewsIndexPage(OcopPage):
    """News: the articles below it, newest first, 10 a page, filterable by tag."""

    intro = models.CharField(_("Giới thiệu ngắn"), max_length=255, blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["cms.ArticlePage"]
    template = "cms/news_index_page.html"
    per_page = 10

    class Meta:
        verbose_name = _("Danh sách tin tức")

    def articles(self, tag=None):
        articles = ArticlePage.objects.child_of(self).live().public().order_by("-date", "-pk")
        return articles.filter(tags__name=tag) if tag else articles

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tag = request.GET.get("tag", "").strip()
        paginator = Paginator(self.articles(tag or None), self.per_page)
        try:
            page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page = paginator.page(1)
        except EmptyPage:
            raise Http404 from None
        context.update(articles=page, tag=tag)
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("cms.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticlePage(OcopPage):
    """A news article: OCOP fairs, certification rounds, market news."""

    date = models.DateField(_("Ngày đăng"), default=timezone.localdate)
    intro = models.CharField(_("Tóm tắt"), max_length=255)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("Ảnh")
    )
    body = RichTextField(_("Nội dung"), features=RICH_TEXT)
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("Thẻ"))

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("tags")], heading=_("Thông tin")),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []
    template = "cms/article_page.html"

    class Meta:
        verbose_name = _("Bài viết tin tức")
        verbose_name_plural = _("Bài viết tin tức")


class ProducerStoryPage(OcopPage):
    """The story of a cooperative or household, linked to its producer record, with its live products."""

    producer = models.ForeignKey(
        "partner.Partner", on_delete=models.PROTECT, related_name="story_pages", verbose_name=_("Chủ thể")
    )
    intro = models.CharField(_("Tóm tắt"), max_length=255)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("Ảnh")
    )
    body = RichTextField(_("Câu chuyện"), features=RICH_TEXT)

    content_panels = Page.content_panels + [
        FieldPanel("producer", widget=producer_chooser_viewset.widget_class),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = []
    template = "cms/producer_story_page.html"

    class Meta:
        verbose_name = _("Câu chuyện chủ thể")
        verbose_name_plural = _("Câu chuyện chủ thể")

    def live_products(self):
        from catalogue.listing import product_cards

        if not self.producer.is_verified:
            return []
        return list(product_cards().filter(stockrecords__partner=self.producer).order_by("title"))

    def producer_is_public(self):
        """Whether the public may see this story: its producer is published (``public_producers``)."""
        return fragments.remember(
            "producer-is-public", lambda: public_producers().filter(pk=self.producer_id).exists(), self.producer_id
        )

    def serve(self, request, *args, **kwargs):
        # The story of an applicant, a suspended producer or one with nothing for sale is not published;
        # editors still preview it in the admin.
        if not getattr(request, "is_preview", False) and not self.producer_is_public():
            raise Http404(_("Chủ thể này chưa được xác minh hoặc hiện không có sản phẩm nào đang bán."))
        return super().serve(request, *args, **kwargs)


def hidden_story_pages():
    """Producer stories the public may not see (their producer is not in ``public_producers``): left out
    of the sitemap and of the page search beside the 404 their URL answers.

    Correlated (``NOT EXISTS`` per story): a query narrowed to a few pages asks about their producers only,
    not about every producer of the catalogue (212 ms per search at 10,000 products)."""
    return ProducerStoryPage.objects.exclude(Exists(public_producers().filter(pk=OuterRef("producer_id"))))


class ContactFormField(AbstractFormField):
    page = ParentalKey("cms.ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPage(AbstractEmailForm):
    """A contact form: submissions are kept (Wagtail's form submissions) and emailed to administrators."""

    intro = RichTextField(_("Giới thiệu"), blank=True, features=RICH_TEXT)
    thank_you_text = RichTextField(_("Lời cảm ơn sau khi gửi"), blank=True, features=RICH_TEXT)

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Ô nhập")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]), FieldPanel("subject")],
            heading=_("Email gửi quản trị viên"),
        ),
    ]
    subpage_types = []
    template = "cms/contact_page.html"
    landing_page_template = "cms/contact_page_landing.html"

    def send_mail(self, form):
        """Wagtail's email to the administrators, queued in the outbox (shop.notifications): a mail server that
        is down never costs the visitor their thank-you page."""
        from wagtail.admin.mail import send_mail

        from shop.notifications.outbox import OutboxConnection

        addresses = [address.strip() for address in self.to_address.split(",") if address.strip()]
        send_mail(
            self.subject,
            self.render_email(form),
            addresses,
            self.from_address,
            connection=OutboxConnection("CONTACT_FORM", about=self),
        )

    def get_submissions_list_view_class(self):
        from cms.submissions import SafeSubmissionsListView  # the admin's views load after the models

        return SafeSubmissionsListView

    class Meta:
        verbose_name = _("Trang liên hệ")


@register_setting(icon="mail")
class SiteContact(StorefrontSetting):
    """Contact details, social links and the footer text shown on every page."""

    hotline = models.CharField(_("Đường dây nóng"), max_length=20, blank=True)
    email = models.EmailField(_("Email liên hệ"), blank=True)
    address = models.CharField(_("Địa chỉ"), max_length=255, blank=True)
    zalo_url = models.URLField(_("Liên kết Zalo"), blank=True)
    facebook_url = models.URLField(_("Liên kết Facebook"), blank=True)
    footer_text = models.TextField(_("Chữ ở chân trang"), blank=True)

    class Meta:
        verbose_name = _("Thông tin liên hệ")


class MenuLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Trang"), required=False)
    url = blocks.CharBlock(label=_("Hoặc địa chỉ"), required=False, help_text=_("Ví dụ /catalogue/"))
    label = blocks.CharBlock(
        label=_("Chữ hiển thị"), required=False, max_length=40, help_text=_("Để trống thì dùng tên trang.")
    )

    class Meta:
        icon = "link"


@register_setting(icon="list-ul")
class MainMenu(StorefrontSetting):
    """The storefront's main menu, in the order editors give it."""

    items = StreamField([("link", MenuLinkBlock())], blank=True, verbose_name=_("Mục menu"))
    panels = [FieldPanel("items")]

    class Meta:
        verbose_name = _("Menu chính")

    def links(self):
        """(label, url) pairs in the current language; cached until the storefront's content changes (a menu
        or page saved: ``changes``), so every page's header costs one query for the menu."""
        return fragments.remember("main-menu", self._links, self.site_id)

    def _links(self):
        links = []
        for block in self.items:
            page, url, label = block.value.get("page"), block.value.get("url"), block.value.get("label")
            if page is not None and page.live:
                page = page.localized
                links.append((label or page.title, page.url))
            elif url:
                links.append((label or url, url))
        return links
