"""Demo registry count: Lào Cai's certified OCOP products, the denominator of the figures' listed share.

About 600 after the merger with Yên Bái (../shared/OCOP.md); the figure and the date are the demo's, not an
official list — the real list is imported by the provincial registry (issue 23). Idempotent: recorded only when
the province has no count yet.
"""

import datetime

from shop.registry.counts import record_count
from shop.registry.models import ProvinceRegistry

LAO_CAI = 15
DEMO_COUNT = 600
DEMO_AS_OF = datetime.date(2025, 7, 1)  # the merged province's first day
DEMO_SOURCE = "Số liệu minh hoạ: khoảng 600 sản phẩm OCOP của tỉnh Lào Cai sau hợp nhất với Yên Bái"


def ensure_demo_registry():
    if not ProvinceRegistry.objects.filter(province_code=LAO_CAI).exists():
        record_count(LAO_CAI, DEMO_COUNT, DEMO_AS_OF, DEMO_SOURCE)
