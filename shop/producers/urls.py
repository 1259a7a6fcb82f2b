"""Public pages for sellers (Vietnamese paths; English ones under /en/ like the rest of the site)."""

from django.urls import path

from shop.producers import claim_views, views

app_name = "selling"

urlpatterns = [
    path("dang-ky/", views.ApplicationView.as_view(), name="apply"),
    path("dang-ky/da-gui/", views.ApplicationReceivedView.as_view(), name="applied"),
    path("loi-moi/<str:token>/", views.InvitationView.as_view(), name="invitation"),
    # Claiming a producer from the province's OCOP registry (shop.producers.claiming).
    path("nhan-quan-ly/", claim_views.ClaimFindView.as_view(), name="claim-find"),
    path("nhan-quan-ly/<int:pk>/", claim_views.ClaimView.as_view(), name="claim"),
    path("nhan-quan-ly/<int:pk>/xac-nhan/", claim_views.ClaimVerifyView.as_view(), name="claim-verify"),
]
