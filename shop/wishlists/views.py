"""Oscar's page of a wish list shared by its key, showing a line of a product no longer for sale by a
placeholder, without its title, picture or link (``shop.customer.products``).

Oscar's class loader looks here first for "wishlists.views".
"""

from oscar.apps.wishlists import views

from shop.customer import products


class WishListView(views.WishListView):
    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        page = ctx["page_obj"]
        page.object_list = products.mark_for_sale(page.object_list)
        return ctx
