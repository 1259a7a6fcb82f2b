import ast
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_vietnamese_is_the_default_with_vietnamese_labels(client):
    response = client.get("/catalogue/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'lang="vi"' in html
    for label in ("Giỏ hàng", "Tìm kiếm", "Đăng nhập", "Tất cả sản phẩm"):
        assert label in html


def test_language_switch_moves_to_the_english_url_and_labels(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/catalogue/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/catalogue/"
    html = client.get(response["Location"]).content.decode()
    assert 'lang="en"' in html
    for label in ("Basket", "Search", "Log in", "All products"):
        assert label in html
    assert "Giỏ hàng" not in html


def test_switching_back_to_vietnamese(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    with translation.override("en"):
        english_switch = reverse("set_language")
    assert english_switch == "/en/i18n/setlang/"
    response = client.post(english_switch, {"language": "vi", "next": "/en/catalogue/"})
    assert response["Location"] == "/catalogue/"


def test_every_page_has_the_language_switcher(client):
    for url in ("/", "/catalogue/", "/basket/"):
        html = client.get(url).content.decode()
        assert 'class="language-switch"' in html, url
        assert 'value="en"' in html and 'value="vi"' in html


def test_every_vietnamese_string_of_ours_has_its_english():
    """The English catalogue (``locale/en/LC_MESSAGES/django.po``, the source of our English: edited after
    ``manage.py makemessages -l en``) leaves no Vietnamese string untranslated and has no fuzzy entry (Django
    ignores those): an English visitor would otherwise meet Vietnamese on that page."""
    from pathlib import Path

    from babel.messages.pofile import read_po
    from django.conf import settings

    with open(Path(settings.BASE_DIR) / "locale/en/LC_MESSAGES/django.po", "rb") as handle:
        catalog = read_po(handle, locale="en")
    untranslated = [
        message.id
        for message in catalog
        if message.id
        and not "".join(message.id if message.pluralizable else [message.id]).isascii()
        and not all(message.string if message.pluralizable else [message.string])
    ]
    fuzzy = [message.id for message in catalog if message.id and message.fuzzy]
    assert untranslated == []
    assert fuzzy == []


GETTEXT_CALLS = {"_", "gettext", "gettext_lazy", "pgettext", "pgettext_lazy", "ngettext", "ngettext_lazy"}


def _escaped_translatable_strings(tree, source):
    """(line, text) of each translatable literal written with an escape ("\\u00a0"): makemessages' xgettext
    reads it as the backslash and letters, a msgid no string of the running code has."""
    found = []
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in GETTEXT_CALLS
        ):
            continue
        for argument in node.args:
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                text = ast.get_source_segment(source, argument) or ""
                if re.search(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|N\{)", text):
                    found.append((node.lineno, text))
    return found


def test_the_sweep_finds_an_escaped_translatable_string():
    source = 'a = _("Dưới 100.000\\u00a0₫")\nb = _("Từ %(amount)s")\nc = gettext_lazy("x\\N{NO-BREAK SPACE}y")\n'
    assert [line for line, _text in _escaped_translatable_strings(ast.parse(source), source)] == [1, 3]


def test_no_translatable_string_of_ours_is_written_with_an_escape():
    """``manage.py makemessages -l en`` extracts every string the code translates as the code has it (the price
    facets' labels were typed with "\\u00a0" and would have lost their English)."""
    root = Path(__file__).resolve().parents[2]
    offences = []
    for folder in ("shop", "catalogue", "cms", "payments"):
        for path in sorted((root / folder).rglob("*.py")):
            source = path.read_text(encoding="utf-8")
            offences += [
                f"{path.relative_to(root)}:{n}: {t}"
                for n, t in _escaped_translatable_strings(ast.parse(source), source)
            ]
    assert offences == []


def test_english_phone_and_address_errors(client):
    with translation.override("en"):
        from shop.checkout.forms import ShippingAddressForm

        form = ShippingAddressForm(data={"first_name": "Lan", "phone_number": "1900 1234", "line1": "Thôn 2"})
        assert not form.is_valid()
        assert form.errors["phone_number"] == [
            "Enter a Vietnamese phone number: a 10-digit mobile (e.g. 0912345678) or a landline starting with 02 "
            "(e.g. 024 3826 1234); +84 is fine."
        ]


@pytest.mark.parametrize(
    "msgid, wrong, right",
    [
        (
            "\nYour basket now qualifies for the \n<strong>%(name)s</strong> offer.\n",
            "không còn",  # Oscar's catalogue says "no longer qualifies" just as the discount applies
            "đã đủ điều kiện",
        ),
        ("Your order contains:", "chưa", "gồm"),
        ("The %(name)s team", "Nhóm", "%(name)s"),
        ("a maximum of %(max)d can be bought", "tối đa của", "chỉ được mua tối đa"),
    ],
)
def test_oscars_wrong_vietnamese_is_corrected(msgid, wrong, right):
    """locale/vi corrects Oscar's Vietnamese catalogue where it says the wrong thing."""
    with translation.override("vi"):
        said = translation.gettext(msgid)
    assert right in said and wrong not in said, said
