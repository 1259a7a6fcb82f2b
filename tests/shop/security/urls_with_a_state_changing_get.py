"""The project's URLs plus one view that empties the basket on GET: the GET sweep must catch it."""

from django.http import HttpResponse
from django.urls import path

from shop.urls import urlpatterns as project_urlpatterns


def forgotten(request):
    request.basket.flush()
    return HttpResponse("ok")


urlpatterns = [path("lo-xoa-gio/", forgotten, name="forgotten-get"), *project_urlpatterns]
