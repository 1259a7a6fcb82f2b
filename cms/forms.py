from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm

from shop.core.text import ascii_slugify, fold_vietnamese


def _admin_script_slug(title):
    """The slug Wagtail's admin script makes from a title: it reads "đ" as Serbian "dj"."""
    return slugify(fold_vietnamese(title.replace("đ", "dj").replace("Đ", "Dj")))


class OcopPageForm(WagtailAdminPageForm):
    """Page form that repairs the slug the admin script generated from the title.

    Wagtail's browser-side slugifier turns "Đồ uống" into "djo-uong"; when the
    slug is exactly that generated value we replace it with the Vietnamese
    folding ("do-uong"). A slug the editor typed by hand is kept.
    """

    def clean_slug(self):
        slug = self.cleaned_data.get("slug", "")
        title = self.cleaned_data.get("title", "")
        if title and slug and slug == _admin_script_slug(title):
            return ascii_slugify(title)
        return slug
