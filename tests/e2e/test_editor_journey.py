"""An editor builds a campaign page in the Wagtail admin (/cms-admin/) in a real browser: a new
"Chương trình khuyến mại" under the home page, its dates, an intro, two products picked with the
product chooser modal (search, then click), publish; the public page then shows those products."""

import datetime
import re

import pytest
from django.utils import timezone
from oscar.core.loading import get_model
from playwright.sync_api import expect

from cms.demo import loader
from cms.models import CampaignPage, HomePage
from tests.e2e.conftest import log_in, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True)

Product = get_model("catalogue", "Product")

TITLE = "Tuần lễ quà Tết OCOP vùng cao"
CHOSEN = [
    ("shan tuyet 200g", "Chè Shan tuyết Suối Giàng hộp 200g"),
    ("mat ong hoa rung", "Mật ong hoa rừng Mù Cang Chải chai 500ml"),
]


def choose_product(admin, block, words, title):
    """In a product block: open the chooser modal, search (without diacritics), pick the product."""
    block.locator("button.action-choose, button:has-text('Chọn sản phẩm')").first.click()
    modal = admin.locator(".modal.show, .modal[aria-hidden=false]").last
    expect(modal).to_be_visible()
    search = modal.locator("input[name=q]")
    search.fill(words)
    choice = modal.locator("a[data-chooser-modal-choice]", has_text=title)
    expect(choice).to_have_count(1)  # the results were filtered as typed
    choice.click()
    expect(modal).to_be_hidden()
    expect(block).to_contain_text(title)


def test_editor_builds_and_publishes_a_campaign_page_with_chosen_products(new_page):
    home = HomePage.objects.get(locale__language_code="vi")
    admin = new_page()
    log_in(admin, loader.STAFF_EMAIL, loader.STAFF_PASSWORD, "/cms-admin/")
    admin.goto(f"/cms-admin/pages/{home.pk}/add_subpage/")
    admin.locator("a[href*='/add/cms/campaignpage/']").click()
    expect(admin).to_have_url(re.compile(r"/cms-admin/pages/add/cms/campaignpage/"))

    form = admin.locator("form#page-edit-form")
    form.locator("[name=title]").fill(TITLE)
    now = timezone.localtime()
    for name, moment in (
        ("starts_at", now - datetime.timedelta(days=1)),
        ("ends_at", now + datetime.timedelta(days=20)),
    ):
        field = form.locator(f"input[name={name}]")
        field.fill(moment.strftime("%Y-%m-%d %H:%M"))
        field.press("Escape")  # close the date picker the field opens
    form.locator("[name=intro]").fill("Quà Tết từ các hợp tác xã vùng cao Lào Cai, đã được chứng nhận OCOP.")

    stream = form.locator("[data-contentpath=products]").first
    for index, (words, title) in enumerate(CHOSEN):
        stream.locator("button[title='Insert a block'], button.c-sf-add-button").last.click()
        block = stream.locator("[data-streamfield-child]").nth(index)
        expect(block).to_be_visible()
        choose_product(admin, block, words, title)

    # Wagtail 8 autosaves the form half a second after each change, and its first autosave *creates* the page
    # as a draft, then points the form at the new page's edit view. A publish sent while that first autosave is
    # in flight still goes to the create view and is refused ("slug already in use": the draft took it) — on a
    # loaded machine the test did exactly that. Publish once the autosave indicator says the draft is saved.
    expect(admin.locator("#w-autosave-indicator")).to_have_attribute("data-w-autosave-state-value", "saved")
    expect(admin).to_have_url(re.compile(r"/cms-admin/pages/\d+/edit/"))
    expect(form.locator("[name=slug]")).not_to_have_value("")
    # Publish: the footer's action menu (save draft is the default, publish is in its dropdown).
    publish = admin.locator("button[name=action-publish]")
    if not publish.is_visible():
        admin.locator("footer [data-w-dropdown-target=toggle], footer .dropdown-toggle").first.click()
    publish.click()
    expect(admin).to_have_url(re.compile(r"/cms-admin/pages/\d+/"))
    expect(admin.locator(".messages")).to_contain_text(TITLE)

    campaign = CampaignPage.objects.get(title=TITLE)
    assert campaign.live and campaign.get_parent().pk == home.pk
    assert [block.value.title for block in campaign.products] == [title for _words, title in CHOSEN]

    visitor = new_page()
    visitor.goto(campaign.url)
    expect(visitor.locator("h1")).to_contain_text(TITLE)
    cards = visitor.locator(".campaign-page .product-card__title a")
    expect(cards).to_have_count(len(CHOSEN))
    for _words, title in CHOSEN:
        card = visitor.locator(".campaign-page .product-card__title a", has_text=title)
        expect(card).to_have_attribute("href", Product.objects.get(title=title).get_absolute_url())
    save_screenshot(visitor, "editor-campaign-page")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_editor_publishes_the_demo_home_page_through_the_admin(new_page, language):
    """The demo home page as loaded (hero picture, shelves, producers, rich text: every block type) is published
    again from its edit view, as an editor would after any change: Wagtail 8 validates every block on publish (an
    image without alt text was refused), and the answer is in the admin's language."""
    home = HomePage.objects.get(locale__language_code=language)
    published_before = home.last_published_at
    admin = new_page()
    log_in(admin, loader.STAFF_EMAIL, loader.STAFF_PASSWORD, "/cms-admin/")
    admin.goto(f"/cms-admin/pages/{home.pk}/edit/")
    form = admin.locator("form#page-edit-form")
    expect(form).to_be_visible()
    publish = admin.locator("button[name=action-publish]")
    if not publish.is_visible():
        admin.locator("footer [data-w-dropdown-target=toggle], footer .dropdown-toggle").first.click()
    publish.click()
    expect(admin).to_have_url(re.compile(r"/cms-admin/pages/\d+/$"))
    # The staff account's admin language is Vietnamese: Wagtail's message too (its own catalogue lacked it).
    expect(admin.locator(".messages")).to_contain_text(f"Đã xuất bản trang “{home.title}”")
    expect(admin.locator(".error-message, .help-critical")).to_have_count(0)
    home.refresh_from_db()
    assert home.live and home.last_published_at > published_before
