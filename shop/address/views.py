from django.http import Http404, JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from shop.core.addresses import province_name, ward_choices


@require_GET
@cache_control(public=True, max_age=86400)
def wards(request, province_code):
    """The communes and wards of one province, for the address forms' dependent select."""
    if not province_name(province_code):
        raise Http404("unknown province")
    return JsonResponse([{"code": code, "name": name} for code, name in ward_choices(province_code)], safe=False)
