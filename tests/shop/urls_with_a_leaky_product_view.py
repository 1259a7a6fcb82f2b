"""The project's URLs plus a view that shows any product by id without the sale rule: the door sweep
(tests/shop/test_sale_door_sweep.py) must catch it."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from oscar.core.loading import get_model

from shop.urls import urlpatterns as project_urlpatterns


def leaky_product(request, pk):
    return HttpResponse(get_object_or_404(get_model("catalogue", "Product"), pk=pk).title)


urlpatterns = [path("leaky/<int:pk>/", leaky_product), *project_urlpatterns]
