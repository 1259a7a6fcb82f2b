from django.db import models
from oscar.apps.dashboard.catalogue import forms as oscar_forms

from shop.core.uploads import validate_product_image

# Fields a producer or administrator edits on the product form; "is_public" is
# deliberately absent (the OCOP workflow decides it).
PRODUCT_FORM_FIELDS = [
    "title",
    "title_en",
    "upc",
    "description",
    "description_en",
    "ocop_group",
    "ocop_subgroup",
    "tax_category",  # withholding (payments/tax_rates.py); administrators only: the portal's form has no such field
    "weight_grams",
    "production_story",
    "traceability_url",
    "is_discountable",
    "structure",
    "slug",
    "meta_title",
    "meta_description",
]


def _formfield(model_field, **kwargs):
    """Links typed without a scheme are https (Django 6's default, chosen now)."""
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return model_field.formfield(**kwargs)


def _marked_english(form, names):
    """The English fields marked as English content (``lang="en"``): screen readers, spell checkers."""
    for name in names:
        if name in form.fields:
            form.fields[name].widget.attrs["lang"] = "en"


class ProductForm(oscar_forms.ProductForm):
    class Meta(oscar_forms.ProductForm.Meta):
        fields = PRODUCT_FORM_FIELDS
        formfield_callback = _formfield

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _marked_english(self, ["title_en", "description_en"])


class CategoryForm(oscar_forms.CategoryForm):
    """Oscar's category form with the English name and description (optional: English pages show the
    Vietnamese ones when blank, catalogue/translation.py)."""

    class Meta(oscar_forms.CategoryForm.Meta):
        fields = [*oscar_forms.BaseCategoryForm._meta.fields, "name_en", "description_en"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _marked_english(self, ["name_en", "description_en"])


class ProductClassForm(oscar_forms.ProductClassForm):
    """Oscar's product class form with the class's tax business category (the default of its products)."""

    class Meta(oscar_forms.ProductClassForm.Meta):
        fields = [*oscar_forms.ProductClassForm.Meta.fields, "tax_category"]


class ProductImageForm(oscar_forms.ProductImageForm):
    """Oscar's product image form (its formset loads it from here) with the photo checked by content
    like the producers' portal: JPEG, PNG or WebP, 10 MB, 40 megapixels (shop.core.uploads)."""

    def clean_original(self):
        upload = self.cleaned_data.get("original")
        if upload is not None and hasattr(upload, "content_type"):  # a new upload, not the stored image
            validate_product_image(upload)
        return upload
