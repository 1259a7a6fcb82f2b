import pytest
from django.core.cache import cache

CUSTOMER = ("khachhang@ocop.example.vn", "ocop-customer-2026")
ADMIN = ("admin@ocop.example.vn", "ocop-admin-2026")


@pytest.fixture(autouse=True)
def fresh_counters():
    """Throttle counters live in the cache: each test starts and ends with none."""
    cache.clear()
    yield
    cache.clear()
