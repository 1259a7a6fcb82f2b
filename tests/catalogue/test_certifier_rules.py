"""Who may recognise which star, in which era (catalogue/programme/rules.py), the taxonomy version of the era,
the 36-month ceiling on expiry, and the data check of stored rows (catalogue/ocop/checks.py, the
``ocop_check_certificates`` command and the reviewers' dashboard page).

The expected table is written out here from ../shared/OCOP.md, not read from the code under test.
"""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue.ocop.checks import certificates_breaking_rules
from catalogue.ocop.forms import CertificateForm
from catalogue.programme import rules
from cms.demo import loader
from tests import factories

from .test_certificate_form import VALID, pdf_bytes, upload

OcopCertificate = get_model("catalogue", "OcopCertificate")

D = datetime.date
TODAY = D(2026, 11, 23)

# era → (a decision day inside it, its taxonomy version, the words that open its messages,
#        the level that recognises ★3, ★4, ★5)
ERAS = {
    "1048": (
        D(2021, 6, 15),
        "1048",
        "Theo Quyết định 1048/QĐ-TTg (21/08/2019 – 23/02/2023)",
        {3: "province", 4: "province", 5: "central"},
    ),
    "148": (
        D(2024, 6, 15),
        "148",
        "Theo Quyết định 148/QĐ-TTg (24/02/2023 – 05/07/2025)",
        {3: "district", 4: "province", 5: "central"},
    ),
    "1489": (
        D(2025, 9, 15),
        "148",
        "Theo Quyết định 1489/QĐ-TTg (từ 06/07/2025)",
        {3: "province", 4: "province", 5: "central"},
    ),
}
AUTHORITY = {"central": "Bộ Nông nghiệp (cấp trung ương)", "province": "UBND cấp tỉnh", "district": "UBND cấp huyện"}
LEVEL = {"central": "cấp trung ương", "province": "cấp tỉnh", "district": "cấp huyện"}
SCORE = {3: 60, 4: 80, 5: 95}


def errors_for(decided, *, stars=3, level, taxonomy, expires_on=None, legacy_group=""):
    return {
        field: str(message)
        for field, message in rules.certificate_errors(
            star_rating=stars,
            score=SCORE[stars],
            decision_date=decided,
            expires_on=expires_on,
            issuer_level=level,
            today=TODAY,
            taxonomy_version=taxonomy,
            legacy_group=legacy_group,
        ).items()
    }


def level_message(era, stars, level):
    opening, allowed = ERAS[era][2], ERAS[era][3][stars]
    return f"{opening}, sản phẩm {stars} sao do {AUTHORITY[allowed]} công nhận, không phải {LEVEL[level]}."


def taxonomy_message(era, given):
    opening, expected = ERAS[era][2], ERAS[era][1]
    return f"{opening}, giấy chứng nhận theo bộ tiêu chí {expected}, không phải {given}."


# --- The table: every era × level × stars cell ------------------------------------------------------


@pytest.mark.parametrize("stars", [3, 4, 5])
@pytest.mark.parametrize("level", ["central", "province", "district"])
@pytest.mark.parametrize("era", ["1048", "148", "1489"])
def test_every_cell_of_the_certifier_table(era, level, stars):
    decided, taxonomy, _opening, levels = ERAS[era]
    errors = errors_for(decided, stars=stars, level=level, taxonomy=taxonomy)
    if levels[stars] == level:
        assert errors == {}
    else:
        assert errors == {"issuer_level": level_message(era, stars, level)}


def test_the_attackers_district_five_star_certificate_of_2024_is_refused():
    assert errors_for(D(2024, 3, 1), stars=5, level="district", taxonomy="148") == {
        "issuer_level": (
            "Theo Quyết định 148/QĐ-TTg (24/02/2023 – 05/07/2025), sản phẩm 5 sao do Bộ Nông nghiệp "
            "(cấp trung ương) công nhận, không phải cấp huyện."
        )
    }


def test_the_table_speaks_the_models_issuer_levels():
    stored = set(OcopCertificate.IssuerLevel.values)
    assert {level for era in rules.ERAS for levels in era.levels_by_star.values() for level in levels} == stored
    assert set(rules.AUTHORITIES) == set(rules.LEVEL_NAMES) == stored


# --- Boundary days -------------------------------------------------------------------------------

# (day, era it falls in)
BOUNDARIES = [
    (D(2019, 8, 21), "1048"),
    (D(2023, 2, 23), "1048"),
    (D(2023, 2, 24), "148"),
    (D(2025, 7, 5), "148"),
    (D(2025, 7, 6), "1489"),
]


@pytest.mark.parametrize("day, era", BOUNDARIES)
def test_era_on_the_boundary_days(day, era):
    assert rules.era_on(day).name == era


@pytest.mark.parametrize("day, era", BOUNDARIES)
def test_who_recognises_three_stars_on_the_boundary_days(day, era):
    taxonomy = ERAS[era][1]
    allowed = ERAS[era][3][3]
    assert errors_for(day, level=allowed, taxonomy=taxonomy) == {}
    for level in {"province", "district"} - {allowed}:
        assert errors_for(day, level=level, taxonomy=taxonomy) == {"issuer_level": level_message(era, 3, level)}


@pytest.mark.parametrize("day, era", BOUNDARIES)
def test_the_taxonomy_version_on_the_boundary_days(day, era):
    taxonomy, level = ERAS[era][1], ERAS[era][3][4]
    wrong = "148" if taxonomy == "1048" else "1048"
    assert errors_for(day, stars=4, level=level, taxonomy=taxonomy) == {}
    assert errors_for(day, stars=4, level=level, taxonomy=wrong) == {"taxonomy_version": taxonomy_message(era, wrong)}


@pytest.mark.parametrize("day", [D(2019, 8, 18), D(2019, 8, 20), D(2015, 1, 1)])
def test_a_decision_before_21_august_2019_is_outside_every_era(day):
    assert rules.era_on(day) is None
    assert errors_for(day, level="province", taxonomy="1048") == {
        "decision_date": (
            f"Ngày quyết định {day:%d/%m/%Y} nằm ngoài mọi giai đoạn của chương trình OCOP mà nền tảng biết: "
            "sớm nhất là Quyết định 1048/QĐ-TTg, từ 21/08/2019."
        )
    }


def test_each_broken_rule_has_its_own_message_on_its_field():
    errors = errors_for(D(2024, 6, 15), stars=5, level="province", taxonomy="1048", expires_on=D(2034, 6, 15))
    assert set(errors) == {"issuer_level", "taxonomy_version", "expires_on"}


# --- Expiry: at most 36 months after the decision ------------------------------------------------


@pytest.mark.parametrize(
    "decided, latest",
    [
        (D(2024, 5, 12), D(2027, 5, 12)),
        (D(2024, 2, 29), D(2027, 2, 28)),  # no 29 February in 2027
    ],
)
def test_expiry_at_36_months_is_allowed_and_a_day_more_is_refused(decided, latest):
    assert errors_for(decided, stars=4, level="province", taxonomy="148", expires_on=latest) == {}
    assert errors_for(
        decided, stars=4, level="province", taxonomy="148", expires_on=latest + datetime.timedelta(days=1)
    ) == {
        "expires_on": (
            "Giấy chứng nhận OCOP có hiệu lực tối đa 36 tháng kể từ ngày quyết định: "
            f"ngày hết hạn muộn nhất là {latest:%d/%m/%Y}."
        )
    }


def test_an_expiry_on_the_decision_day_is_still_refused():
    assert errors_for(D(2024, 5, 12), stars=4, level="province", taxonomy="148", expires_on=D(2024, 5, 12)) == {
        "expires_on": "Ngày hết hạn phải sau ngày quyết định."
    }


# --- The form and the model ----------------------------------------------------------------------


@pytest.fixture
def product(db):
    """A product on sale of a new producer: the forms enter certificates for it."""
    return factories.product()


def form_for(product, **changes):
    return CertificateForm(
        {**VALID, **changes}, {"scan": upload("quyet-dinh.pdf", pdf_bytes(), "application/pdf")}, product=product
    )


@pytest.mark.parametrize(
    "changes, field, message",
    [
        (
            {
                "star_rating": "5",
                "score": "95",
                "issuer_level": "district",
                "issuer": "UBND huyện Bảo Yên",
                "decision_date": "2024-03-01",
            },
            "issuer_level",
            level_message("148", 5, "district"),
        ),
        (
            {
                "star_rating": "3",
                "issuer_level": "district",
                "issuer": "UBND huyện Văn Bàn",
                "decision_date": "2022-03-01",
                "taxonomy_version": "1048",
            },
            "issuer_level",
            level_message("1048", 3, "district"),
        ),
        (
            {"decision_date": "2022-03-01", "taxonomy_version": "148"},
            "taxonomy_version",
            taxonomy_message("1048", "148"),
        ),
        (
            {"decision_date": "2025-09-01", "expires_on": "2035-09-01"},
            "expires_on",
            "Giấy chứng nhận OCOP có hiệu lực tối đa 36 tháng kể từ ngày quyết định: "
            "ngày hết hạn muộn nhất là 01/09/2028.",
        ),
        (
            {"decision_date": "2019-08-20", "taxonomy_version": "1048"},
            "decision_date",
            "Ngày quyết định 20/08/2019 nằm ngoài mọi giai đoạn của chương trình OCOP mà nền tảng biết: "
            "sớm nhất là Quyết định 1048/QĐ-TTg, từ 21/08/2019.",
        ),
    ],
)
def test_the_form_refuses_with_the_rules_message(product, changes, field, message):
    count = OcopCertificate.objects.count()
    form = form_for(product, **changes)
    assert not form.is_valid()
    assert form.errors == {field: [message]}
    assert message in form.as_div()
    assert OcopCertificate.objects.count() == count


def test_the_form_accepts_a_certificate_within_the_rules(product):
    form = form_for(
        product,
        star_rating="5",
        score="95",
        issuer_level="central",
        issuer="Bộ Nông nghiệp và Môi trường",
        expires_on="2028-09-01",
    )
    assert form.is_valid(), form.errors


@pytest.fixture
def broken(db):
    """A new product's certificate turned into the attacker's: ★5 "issued by a district" in 2024, valid ten
    years, written around the forms."""
    certificate = factories.product().ocop_certificates.get()
    OcopCertificate.objects.filter(pk=certificate.pk).update(
        star_rating=5,
        score=None,
        issuer="UBND thị xã Sa Pa",
        issuer_level="district",
        taxonomy_version="148",
        decision_date=D(2024, 3, 1),
        expires_on=D(2034, 3, 1),
    )
    return OcopCertificate.objects.get(pk=certificate.pk)


def _row(certificate):
    return OcopCertificate.objects.filter(pk=certificate.pk).values().get()


BROKEN_MESSAGES = [
    level_message("148", 5, "district"),
    "Giấy chứng nhận OCOP có hiệu lực tối đa 36 tháng kể từ ngày quyết định: ngày hết hạn muộn nhất là 01/03/2027.",
]


def test_rule_violations_names_every_broken_rule(broken):
    assert broken.rule_violations(TODAY) == BROKEN_MESSAGES


# --- The data check: command and dashboard page --------------------------------------------------


def test_every_demo_certificate_follows_the_rules(db):
    assert [(b.product.upc, b.messages) for b in certificates_breaking_rules()] == []


def test_the_command_lists_a_breaking_row_and_changes_nothing(broken):
    before = _row(broken)
    out = io.StringIO()
    call_command("ocop_check_certificates", stdout=out)  # returns: exit status 0
    text = out.getvalue()
    product = broken.product
    assert (
        f"{product.upc} {product.title} — {product.producer.name} — giấy chứng nhận "
        f"{broken.decision_number} ngày 01/03/2024" in text
    )
    for message in BROKEN_MESSAGES:
        assert f"  - {message}" in text
    assert "Tổng cộng: 1 giấy chứng nhận vi phạm quy định; không có dữ liệu nào bị thay đổi." in text
    assert _row(broken) == before


def test_the_command_on_clean_data_says_so(db):
    out = io.StringIO()
    call_command("ocop_check_certificates", stdout=out)
    assert out.getvalue().strip() == "Tổng cộng: 0 giấy chứng nhận vi phạm quy định; không có dữ liệu nào bị thay đổi."


def test_reviewers_see_the_breaking_row_with_a_link_to_its_review(client, broken):
    before = _row(broken)
    client.force_login(get_user_model().objects.get(email=loader.REVIEWER_EMAIL))
    response = client.get(reverse("dashboard:ocop-certificate-checks"))
    assert response.status_code == 200
    html = response.content.decode()
    assert [b.certificate.pk for b in response.context["breaches"]] == [broken.pk]
    assert reverse("dashboard:ocop-review-detail", kwargs={"pk": broken.product.pk}) in html
    assert broken.decision_number in html and broken.product.upc in html
    for message in BROKEN_MESSAGES:
        assert message in html
    assert _row(broken) == before


def test_the_ocop_navigation_links_the_page(client, db):
    client.force_login(get_user_model().objects.get(email=loader.REVIEWER_EMAIL))
    html = client.get(reverse("dashboard:ocop-review-queue")).content.decode()
    assert f'href="{reverse("dashboard:ocop-certificate-checks")}"' in html
    assert (
        "Mọi giấy chứng nhận đã lưu đều đúng quy định."
        in client.get(reverse("dashboard:ocop-certificate-checks")).content.decode()
    )


def _refused(response):
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"].startswith(reverse("customer:login"))
    )


@pytest.mark.parametrize("who", ["customer", "producer_user"])
def test_customers_and_producers_cannot_see_the_page(client, broken, request, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("dashboard:ocop-certificate-checks"))
    assert _refused(response)
    assert broken.decision_number not in response.content.decode()
