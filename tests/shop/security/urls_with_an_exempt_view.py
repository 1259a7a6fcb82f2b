"""The project's URLs plus one CSRF-exempt view: the sweep must catch it."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from shop.urls import urlpatterns as project_urlpatterns


@csrf_exempt
def forgotten(request):
    return HttpResponse("ok")


urlpatterns = [path("quen-bao-ve/", forgotten, name="forgotten-exempt"), *project_urlpatterns]
