# Placeholder while the programme figures page is being written.
from django.views.generic import TemplateView


class FiguresView(TemplateView):
    template_name = "oscar/dashboard/ocop/figures.html"


class FiguresCsvView(TemplateView):
    template_name = "oscar/dashboard/ocop/figures.html"
