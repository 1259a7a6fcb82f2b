"""Two provincial offices and the national role, with producers and products in each province: Lào Cai (the
demo's, its officer the demo reviewer) and Hà Nội (made here)."""

import pytest
from oscar.core.loading import get_model

from shop.core.addresses import ward_choices
from tests import factories

Partner = get_model("partner", "Partner")

HANOI, LAO_CAI = 1, 15


def in_hanoi(name, **fields):
    """A producer of Hà Nội (verified unless said otherwise)."""
    return factories.producer(name, province_code=HANOI, ward_code=ward_choices(HANOI)[0][0], **fields)


@pytest.fixture
def lao_cai_officer(reviewer):
    """The demo reviewer: Lào Cai's officer (cms/demo/offices.py)."""
    return reviewer


@pytest.fixture
def hanoi_officer():
    return factories.officer(HANOI, "canbo-ha-noi@example.vn")


@pytest.fixture
def national():
    return factories.officer(national=True, email="trung-uong@example.vn")


@pytest.fixture
def hanoi(db):
    """Hà Nội's producers: one verified with a product on sale and one waiting in the queue; one applicant."""
    producer = in_hanoi("Hợp tác xã Quế Hồi Ba Vì")
    on_sale = factories.product(producer, title="Tinh dầu quế Ba Vì")
    waiting = factories.submitted_product(producer, title="Trà hoa vàng Ba Vì")
    applicant = in_hanoi("Hộ kinh doanh Miến dong Minh Hồng", verified=False)
    return {"producer": producer, "on_sale": on_sale, "waiting": waiting, "applicant": applicant}


@pytest.fixture
def lao_cai(db):
    """Lào Cai's: one verified producer with a product on sale and one waiting; one applicant."""
    producer = factories.producer("Hợp tác xã Chè Shan Tuyết Sín Chải")
    on_sale = factories.product(producer, title="Chè Shan Tuyết Sín Chải")
    waiting = factories.submitted_product(producer, title="Mật ong bạc hà Sín Chải")
    applicant = factories.producer("Hộ kinh doanh Táo mèo Bát Xát", verified=False)
    return {"producer": producer, "on_sale": on_sale, "waiting": waiting, "applicant": applicant}
