import pytest
from vietnam_provinces import Province

from shop.shipping.zones import PROVINCE_REGIONS, Region, Zone, region_of, zone_for


def test_every_2025_province_has_a_region_and_nothing_else_does():
    codes = {province.code.value for province in Province.iter_all()}
    assert len(codes) == 34
    assert set(PROVINCE_REGIONS) == codes


@pytest.mark.parametrize(
    "code, region",
    [
        (1, Region.NORTH),
        (15, Region.NORTH),
        (31, Region.NORTH),
        (38, Region.CENTRAL),
        (48, Region.CENTRAL),
        (68, Region.CENTRAL),
        (79, Region.SOUTH),
        (92, Region.SOUTH),
        (96, Region.SOUTH),
    ],
)
def test_known_regions(code, region):
    assert region_of(code) == region


@pytest.mark.parametrize(
    "origin, destination, zone",
    [
        (15, 15, Zone.PROVINCE),  # Lào Cai → Lào Cai
        (15, "15", Zone.PROVINCE),  # codes as text from a form
        (15, 1, Zone.REGION),  # Lào Cai → Hà Nội
        (79, 92, Zone.REGION),  # Hồ Chí Minh → Cần Thơ
        (48, 66, Zone.REGION),  # Đà Nẵng → Đắk Lắk
        (15, 79, Zone.NATIONAL),  # Lào Cai → Hồ Chí Minh
        (46, 1, Zone.NATIONAL),  # Huế → Hà Nội
        (15, None, Zone.NATIONAL),  # destination unknown: the farthest zone
        (None, 15, Zone.NATIONAL),  # producer without a province
    ],
)
def test_zone_of_a_parcel(origin, destination, zone):
    assert zone_for(origin, destination) == zone
