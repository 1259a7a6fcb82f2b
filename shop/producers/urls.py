"""Public pages for sellers (Vietnamese paths; English ones under /en/ like the rest of the site)."""

from django.urls import path

from shop.producers import views

app_name = "selling"

urlpatterns = [
    path("dang-ky/", views.ApplicationView.as_view(), name="apply"),
    path("dang-ky/da-gui/", views.ApplicationReceivedView.as_view(), name="applied"),
    path("loi-moi/<str:token>/", views.InvitationView.as_view(), name="invitation"),
]
