"""Oscar's wish-list views under the sale rule (``shop.customer.products``): a product that is not for sale
cannot be added — by any of Oscar's add URLs, GET or POST — and a line of a product no longer for sale is
shown, and named in messages, by a placeholder, without its title, picture or link.

Adding a product and moving a line change the lists: they answer only POST (a GET is a 405, before any
list is created), so a link or image on another site cannot fill a customer's wish list.

Oscar's class loader looks here first for "customer.wishlists.views"; the views not defined here are Oscar's.
"""

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.apps.customer.wishlists import views
from oscar.core.utils import redirect_to_referrer, safe_referrer

from shop.customer import products

WishList = views.WishList


class RefusesProductsNotForSale:
    """A view taking ``product_pk``: anything but a product for sale (one not for sale, or no product) is
    refused with a message before anything — a wish list, a line — is stored."""

    def dispatch(self, request, *args, **kwargs):
        if "product_pk" in kwargs and products.product_for_sale(kwargs["product_pk"]) is None:
            messages.error(request, products.NOT_ADDED_TO_WISHLIST)
            return redirect_to_referrer(request, reverse("customer:wishlists-list"))
        return super().dispatch(request, *args, **kwargs)


class PostOnly:
    """Refuses anything but POST before the view does anything (Oscar's add view creates a list in dispatch)."""

    def dispatch(self, request, *args, **kwargs):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return super().dispatch(request, *args, **kwargs)


class WishListAddProduct(PostOnly, RefusesProductsNotForSale, views.WishListAddProduct):
    pass


class WishListCreateView(RefusesProductsNotForSale, views.WishListCreateView):
    pass


class WishListCreateWithProductView(RefusesProductsNotForSale, views.WishListCreateWithProductView):
    pass


class WishListDetailView(views.WishListDetailView):
    def get_form(self, form_class=None):
        formset = super().get_form(form_class)
        products.mark_for_sale(subform.instance for subform in formset)
        return formset


class WishListRemoveProduct(views.WishListRemoveProduct):
    def get_object(self, queryset=None):
        line = super().get_object(queryset)
        products.mark_for_sale([line])
        return line

    def get_page_title(self):
        return _("Remove %s") % products.shown_title(self.object)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["line_title"] = products.shown_title(self.object)
        return ctx

    def get_success_url(self):
        messages.success(
            self.request,
            _("'%(title)s' was removed from your '%(name)s' wish list")
            % {"title": products.shown_title(self.line), "name": self.wishlist.name},
        )
        # Oscar's product pages post here and get sent back; a product not for sale has no page to go back to.
        referrer = safe_referrer(self.request, "")
        if referrer and self.line.product_for_sale and self.product.get_absolute_url() in referrer:
            return referrer
        return reverse("customer:wishlists-detail", kwargs={"key": self.wishlist.key})


class WishListMoveProductToAnotherWishList(PostOnly, views.WishListMoveProductToAnotherWishList):
    """Oscar's move, by POST only, naming the product by ``shown_title``."""

    def post(self, request, *args, **kwargs):
        to_wishlist = get_object_or_404(WishList, owner=request.user, key=kwargs["to_key"])
        title = products.shown_title(self.line)
        if to_wishlist.lines.filter(product=self.line.product).exists():
            messages.error(
                request,
                _("Wish list '%(name)s' already containing '%(title)s'") % {"title": title, "name": to_wishlist.name},
            )
        else:
            self.line.wishlist = to_wishlist
            self.line.save()
            messages.success(
                request, _("'%(title)s' moved to '%(name)s' wishlist") % {"title": title, "name": to_wishlist.name}
            )
        return redirect_to_referrer(request, reverse("customer:wishlists-detail", kwargs={"key": self.wishlist.key}))
