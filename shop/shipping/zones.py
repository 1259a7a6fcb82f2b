"""Shipping zones: where a producer's parcel goes, seen from the producer's province.

A parcel is charged by the zone of its destination: the producer's own province, another province of
the same region (North / Central / South, as Vietnamese carriers price "nội miền"), or elsewhere
("liên miền"). The regions are written out for the 34 provinces and cities of the 1 July 2025 list
(``vietnam_provinces``); ``tests/shop/shipping/test_zones.py`` checks that every province has one.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Zone(models.TextChoices):
    PROVINCE = "province", _("Nội tỉnh")
    REGION = "region", _("Nội miền")
    NATIONAL = "national", _("Liên miền")


class Region(models.TextChoices):
    NORTH = "north", _("Miền Bắc")
    CENTRAL = "central", _("Miền Trung và Tây Nguyên")
    SOUTH = "south", _("Miền Nam")


# Province code (2025) → region. Merged provinces keep the region of their seat: Lâm Đồng (with Đắk Nông
# and Bình Thuận), Đắk Lắk (with Phú Yên) and Gia Lai (with Bình Định) are Central; Đồng Nai (with Bình
# Phước) and Tây Ninh (with Long An) are South.
PROVINCE_REGIONS = {
    # North: the Red River delta and the northern midlands and mountains
    1: Region.NORTH,  # Hà Nội
    4: Region.NORTH,  # Cao Bằng
    8: Region.NORTH,  # Tuyên Quang
    11: Region.NORTH,  # Điện Biên
    12: Region.NORTH,  # Lai Châu
    14: Region.NORTH,  # Sơn La
    15: Region.NORTH,  # Lào Cai
    19: Region.NORTH,  # Thái Nguyên
    20: Region.NORTH,  # Lạng Sơn
    22: Region.NORTH,  # Quảng Ninh
    24: Region.NORTH,  # Bắc Ninh
    25: Region.NORTH,  # Phú Thọ
    31: Region.NORTH,  # Hải Phòng
    33: Region.NORTH,  # Hưng Yên
    37: Region.NORTH,  # Ninh Bình
    # Central: the north- and south-central coast and the Central Highlands
    38: Region.CENTRAL,  # Thanh Hóa
    40: Region.CENTRAL,  # Nghệ An
    42: Region.CENTRAL,  # Hà Tĩnh
    44: Region.CENTRAL,  # Quảng Trị
    46: Region.CENTRAL,  # Huế
    48: Region.CENTRAL,  # Đà Nẵng
    51: Region.CENTRAL,  # Quảng Ngãi
    52: Region.CENTRAL,  # Gia Lai
    56: Region.CENTRAL,  # Khánh Hòa
    66: Region.CENTRAL,  # Đắk Lắk
    68: Region.CENTRAL,  # Lâm Đồng
    # South: the south-east and the Mekong delta
    75: Region.SOUTH,  # Đồng Nai
    79: Region.SOUTH,  # Hồ Chí Minh
    80: Region.SOUTH,  # Tây Ninh
    82: Region.SOUTH,  # Đồng Tháp
    86: Region.SOUTH,  # Vĩnh Long
    91: Region.SOUTH,  # An Giang
    92: Region.SOUTH,  # Cần Thơ
    96: Region.SOUTH,  # Cà Mau
}


def _code(value):
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def region_of(province_code):
    return PROVINCE_REGIONS.get(_code(province_code))


def zone_for(origin_province, destination_province):
    """The zone of a parcel from ``origin_province`` (the producer's) to ``destination_province``.
    An unknown province on either side is charged as the farthest zone, never less than it costs."""
    origin, destination = _code(origin_province), _code(destination_province)
    if origin is None or destination is None:
        return Zone.NATIONAL
    if origin == destination:
        return Zone.PROVINCE
    if region_of(origin) is not None and region_of(origin) == region_of(destination):
        return Zone.REGION
    return Zone.NATIONAL
