from oscar.apps.dashboard.catalogue import views as oscar_views

from shop.core import changes


class ProductCreateUpdateView(oscar_views.ProductCreateUpdateView):
    """Oscar's product form; saved changes (title, price, stock…) reach the search index."""

    def forms_valid(self, form, formsets):
        response = super().forms_valid(form, formsets)
        changes.product_changed(self.object.pk)
        return response


class ProductDeleteView(oscar_views.ProductDeleteView):
    """Deleting a product removes its search document too."""

    def delete(self, request, *args, **kwargs):
        product_id = self.get_object().pk
        response = super().delete(request, *args, **kwargs)
        changes.product_changed(product_id)
        return response
