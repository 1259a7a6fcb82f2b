"""The project's URLs plus two new password doors for the sweep (test_password_doors.py): a library's
login view, which the authentication backend limits unlisted, and a naive view that checks a password
itself (``check_password``, not ``authenticate()``), which nothing limits: the sweep must catch it."""

from django.contrib.auth import get_user_model, login
from django.contrib.auth.views import LoginView
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template import engines
from django.urls import path

from shop.urls import urlpatterns as project_urlpatterns

LIBRARY_FORM = '<form method="post">{{ form.username }}{{ form.password }}<button type="submit">Vào</button></form>'
FORM = (
    '<form method="post"><input type="email" name="email"><input type="password" name="mat_khau">'
    '<button type="submit">Vào</button></form>'
)


class LibraryLogin(LoginView):
    """Django's login view, as a library would add it: not listed anywhere."""

    def render_to_response(self, context, **kwargs):
        return HttpResponse(engines["django"].from_string(LIBRARY_FORM).render(context, self.request))


def naive_door(request):
    if request.method == "POST":
        user = get_user_model().objects.filter(email=request.POST.get("email")).first()
        if user is not None and user.check_password(request.POST.get("mat_khau", "")):
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("/")
    return HttpResponse(f"<html><body>{FORM}</body></html>")


urlpatterns = [
    path("cua-moi/", naive_door, name="naive-door"),
    path("cua-thu-vien/", LibraryLogin.as_view(), name="library-login"),
    *project_urlpatterns,
]
