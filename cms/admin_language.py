"""Wagtail labels translated when their module is imported.

A few of Wagtail's modules call ``gettext`` (not ``gettext_lazy``) in class bodies: those labels are translated
once, in the language the process starts in (Vietnamese), and an editor who chose English in the admin sees them
in Vietnamese. ``mend()`` (``CmsConfig.ready``) puts back lazy labels, with Wagtail's own msgids, where editors
and officers meet them: the chooser buttons, the rich-text image form, workflow comments, the redirects report.
Still eager, left as they are: the permission labels of the group editor (built inside formset factories).
"""

from django.utils.translation import gettext_lazy

CHOOSER_TEXTS = {
    "choose_one_text": "Choose",
    "choose_another_text": "Choose another",
    "edit_item_text": "Edit",
    "search_tab_label": "Search",
    "create_action_label": "Create",
}
IMAGE_INSERTION_LABELS = {"format": "Format", "image_is_decorative": "Image is decorative", "alt_text": "Alt text"}
URL_GENERATOR_LABELS = {"filter_method": "Filter", "width": "Width", "height": "Height", "closeness": "Closeness"}
URL_GENERATOR_FILTERS = [
    ("original", "Original size"),
    ("width", "Resize to width"),
    ("height", "Resize to height"),
    ("min", "Resize to min"),
    ("max", "Resize to max"),
    ("fill", "Resize to fill"),
]
REDIRECT_EXPORT_HEADINGS = {"old_path": "From", "site": "Site", "link": "To", "get_is_permanent_display": "Type"}


def _lazy_labels(form_class, labels):
    for name, msgid in labels.items():
        form_class.base_fields[name].label = gettext_lazy(msgid)


def mend():
    from wagtail.admin.viewsets.chooser import ChooserViewSet
    from wagtail.contrib.redirects.filters import RedirectsReportFilterSet
    from wagtail.contrib.redirects.views import IndexView as RedirectsIndexView
    from wagtail.forms import TaskStateCommentForm
    from wagtail.images.forms import ImageInsertionForm, URLGeneratorForm

    for attribute, msgid in CHOOSER_TEXTS.items():
        setattr(ChooserViewSet, attribute, gettext_lazy(msgid))
    _lazy_labels(ImageInsertionForm, IMAGE_INSERTION_LABELS)
    _lazy_labels(URLGeneratorForm, URL_GENERATOR_LABELS)
    URLGeneratorForm.base_fields["filter_method"].choices = [
        (value, gettext_lazy(m)) for value, m in URL_GENERATOR_FILTERS
    ]
    _lazy_labels(TaskStateCommentForm, {"comment": "Comment"})
    permanence = RedirectsReportFilterSet.base_filters["is_permanent"]
    permanence.label = gettext_lazy("Type")
    permanence.extra["choices"] = ((True, gettext_lazy("Permanent")), (False, gettext_lazy("Temporary")))
    permanence.extra["empty_label"] = gettext_lazy("All")
    RedirectsIndexView.export_headings = {
        field: gettext_lazy(msgid) for field, msgid in REDIRECT_EXPORT_HEADINGS.items()
    }
