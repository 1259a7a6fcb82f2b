"""Oscar's review views under the sale rule (``catalogue.listing``): the review pages of a product that is
not for sale answer 404 — they name the product — except, for reading, to the people who may preview it
(``catalogue.views.may_preview``: staff and the producer's own people); writing a review or voting needs the
product for sale. A review is shown, and voted on, only at its own product's address and once approved.

Oscar's class loader looks here first for "catalogue.reviews.views" (the package of our catalogue fork).
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from oscar.apps.catalogue.reviews import views
from oscar.core.loading import get_model
from oscar.core.utils import redirect_to_referrer

from catalogue import listing
from catalogue.views import may_preview

Product = get_model("catalogue", "Product")
ProductReview = get_model("reviews", "ProductReview")


def product_or_404(request, pk, preview):
    """The product of a review URL when it is for sale, or (``preview``) when the user may preview it; 404
    otherwise."""
    product = get_object_or_404(Product.objects.prefetch_related("ocop_certificates", "stockrecords__partner"), pk=pk)
    if listing.is_for_sale(product) or (preview and may_preview(request.user, product)):
        return product
    raise Http404()


class ProductForSale:
    """Finds ``self.product`` (see ``product_or_404``) before the view runs."""

    previewable = False

    def dispatch(self, request, *args, **kwargs):
        self.product = product_or_404(request, kwargs["product_pk"], self.previewable)
        return super().dispatch(request, *args, **kwargs)

    def approved_reviews(self):
        return ProductReview.objects.approved().filter(product=self.product)


class CreateProductReview(ProductForSale, views.CreateProductReview):
    """A buyer whose parcel has not arrived yet is told why they cannot review (Oscar's message says only "You
    can't")."""

    def dispatch(self, request, *args, **kwargs):
        product = product_or_404(request, kwargs["product_pk"], self.previewable)
        if not product.is_review_permitted(request.user) and not product.has_review_by(request.user):
            if product.has_been_bought_by(request.user):
                messages.warning(request, _("Bạn có thể đánh giá sau khi nhận hàng."))
                return redirect(product.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)


class ProductReviewDetail(ProductForSale, views.ProductReviewDetail):
    previewable = True

    def get_queryset(self):
        return self.approved_reviews()

    def get_context_data(self, **kwargs):
        # Oscar's looks the product up again (public products only); it is the one found above.
        context = super(views.ProductReviewDetail, self).get_context_data(**kwargs)
        context["product"] = self.product
        return context


class ProductReviewList(ProductForSale, views.ProductReviewList):
    previewable = True

    def get_context_data(self, **kwargs):
        context = super(views.ProductReviewList, self).get_context_data(**kwargs)
        context["product"] = self.product
        context["form"] = self.form
        return context


class AddVoteView(ProductForSale, views.AddVoteView):
    def post(self, request, *args, **kwargs):
        review = get_object_or_404(self.approved_reviews(), pk=kwargs["pk"])
        form = views.VoteForm(review, request.user, request.POST)
        if form.is_valid():
            if form.is_up_vote:
                review.vote_up(request.user)
            elif form.is_down_vote:
                review.vote_down(request.user)
            messages.success(request, _("Thanks for voting!"))
        else:
            for error_list in form.errors.values():
                for msg in error_list:
                    messages.error(request, msg)
        return redirect_to_referrer(request, self.product.get_absolute_url())
