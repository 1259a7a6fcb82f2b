"""Where a product stands in the administrators' review: the states of ``catalogue.ocop.workflow`` (which moves a
product between them) and of ``Product.review_status``. The one rule of what is for sale
(``catalogue.listing``) reads them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewStatus(models.TextChoices):
    """Where a product stands in the administrators' review (catalogue/ocop/workflow.py)."""

    DRAFT = "draft", _("Bản nháp")
    SUBMITTED = "submitted", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt, đang bán")
    CHANGES_REQUESTED = "changes_requested", _("Cần chỉnh sửa")
    REJECTED = "rejected", _("Bị từ chối")
    SUSPENDED = "suspended", _("Tạm ngừng bán")
