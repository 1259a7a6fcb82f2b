"""The invoice PDF prints what buyers and producers typed as text: reportlab markup in a name, an address
or a title (``<img src>``, ``<font>``, an unbalanced ``<b>``) shows literally, never fetches a URL or
reads a file, never answers 500; and no paragraph can be built in the project except through
``shop.core.pdftext.paragraph`` (the sweep below)."""

import ast
import io
import re
import socket
from pathlib import Path

import pytest
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image
from pypdf import PdfReader
from reportlab.lib import utils as rl_utils
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paraparser

from shop.core import pdftext
from tests import factories
from tests.shop.checkout.journey import add_to_basket, lao_cai_address, place_order, reach_preview

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")
Partner = get_model("partner", "Partner")
ShippingAddress = get_model("order", "ShippingAddress")
GUEST = "ke.tan.cong@example.vn"
ATTACKER = "attacker.example"
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def local_png(tmp_path):
    path = tmp_path / "secret.png"
    Image.new("RGB", (40, 40), "red").save(path)
    return str(path)


@pytest.fixture
def payloads(local_png):
    """Each kind of markup an attacker tried, with the text that must appear literally on the invoice."""
    return {
        "remote image": f'Ảnh <img src="http://{ATTACKER}/pixel.png" width="20" height="20"/> hết',
        "local image": f'Ảnh <img src="{local_png}" width="20" height="20"/> hết',
        "font": "<font size=28 color=red>ĐÃ THANH TOÁN</font>",
        "unbalanced tag": "Nguyễn <b>An </i>",
    }


@pytest.fixture
def no_loading(monkeypatch, local_png):
    """Records every image the paragraph parser opens, every read of the local file, every connection
    to the attacker's host (each refused, so an unfixed renderer also cannot reach them)."""
    seen = []

    def image_reader(src, *args, **kwargs):
        seen.append(("image", src))
        raise OSError("image loading blocked by the test")

    real_open_for_read = rl_utils.open_for_read

    def open_for_read(name, mode="b"):
        if isinstance(name, str) and (name == local_png or ATTACKER in name):
            seen.append(("open", name))
            raise OSError("file read blocked by the test")
        return real_open_for_read(name, mode)

    def url_read(name):
        seen.append(("url", name))
        raise OSError("network blocked by the test")

    real_connect = socket.create_connection

    def create_connection(address, *args, **kwargs):
        if address and ATTACKER in str(address[0]):
            seen.append(("connect", address))
            raise OSError("network blocked by the test")
        return real_connect(address, *args, **kwargs)

    monkeypatch.setattr(paraparser, "ImageReader", image_reader)
    monkeypatch.setattr(rl_utils, "open_for_read", open_for_read)
    monkeypatch.setattr(rl_utils, "rlUrlRead", url_read)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    return seen


def _order(client, capture, **address):
    """A guest's order of a product of a new producer (tests/factories.py), whose fields the test may change."""
    product = factories.product()
    add_to_basket(client, product, 1)
    reach_preview(client, method="cod", email=GUEST, address=lao_cai_address(**address))
    with capture(execute=True):
        assert place_order(client).status_code == 302
    return Order.objects.get(guest_email=GUEST)


# How each field gets the attacker's text: through checkout for what a guest types, straight into the
# database for what a producer (or the catalogue) controls.
def _delivery_name(client, capture, value):
    return _order(client, capture, first_name=value)


def _delivery_street(client, capture, value):
    return _order(client, capture, line1=value)


def _delivery_ward_and_province(client, capture, value):
    order = _order(client, capture)
    ShippingAddress.objects.filter(pk=order.shipping_address_id).update(line4=value, state=value)
    return order


def _product_title(client, capture, value):
    order = _order(client, capture)
    order.lines.update(title=value)
    return order


def _producer_legal_name(client, capture, value):
    order = _order(client, capture)
    Partner.objects.filter(pk=order.lines.first().partner_id).update(legal_name=value)
    return order


def _producer_name(client, capture, value):
    order = _order(client, capture)
    Partner.objects.filter(pk=order.lines.first().partner_id).update(name=value[:128], legal_name="")
    return order


def _producer_street(client, capture, value):
    order = _order(client, capture)
    Partner.objects.filter(pk=order.lines.first().partner_id).update(street=value)
    return order


FIELDS = {
    "delivery name": _delivery_name,
    "delivery street": _delivery_street,
    "delivery ward and province": _delivery_ward_and_province,
    "product title": _product_title,
    "producer legal name": _producer_legal_name,
    "producer name": _producer_name,
    "producer street": _producer_street,
}


def _compact(text):
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("kind", ["remote image", "local image", "font", "unbalanced tag"])
@pytest.mark.parametrize("field", list(FIELDS))
def test_markup_in_a_field_prints_as_text_and_loads_nothing(
    client, django_capture_on_commit_callbacks, payloads, no_loading, field, kind
):
    value = payloads[kind]
    order = FIELDS[field](client, django_capture_on_commit_callbacks, value)
    url = reverse("order-invoice", kwargs={"number": order.number, "partner_id": order.lines.first().partner_id})
    client.raise_request_exception = False
    response = client.get(url)
    assert no_loading == [], f"rendering the invoice opened {no_loading}"
    assert response.status_code == 200, (field, kind, response.status_code)
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert _compact(value) in _compact(text), f"{value!r} is not printed literally"


def test_the_renderer_never_loads_an_image_even_from_unescaped_markup(no_loading, local_png):
    """A second lock behind the escaping: the parser under ``paragraph`` drops ``<img>`` (and other
    tags outside the inline set), so markup that slipped through could not read a file or a URL."""
    style = ParagraphStyle("t")
    for src in (local_png, f"http://{ATTACKER}/pixel.png"):
        built = pdftext._SafeParagraph(f'a<img src="{src}" width="9" height="9"/>b<font size="28">c</font>', style)
        assert "".join(frag.text for frag in built.frags) == "abc"
        assert {frag.fontSize for frag in built.frags} == {style.fontSize}
    assert no_loading == []


def test_markup_constants_are_kept_and_text_around_them_is_escaped():
    style = ParagraphStyle("t")
    built = pdftext.paragraph(pdftext.Markup("<b>"), "Tên: <i>x & y", pdftext.Markup("</b>"), style=style)
    assert "".join(frag.text for frag in built.frags) == "Tên: <i>x & y"
    assert all(frag.fontName == "Helvetica-Bold" for frag in built.frags if frag.text)


# --- the sweep: no paragraph is built from unescaped text anywhere in the project ------------------------

MARKUP_FLOWABLES = {"Paragraph", "XPreformatted", "ParaParser", "ImageAndFlowables", "ParagraphAndImage"}
MARKUP_MODULES = ("reportlab.platypus.para", "reportlab.platypus.xpre")
HELPER = ROOT / "shop" / "core" / "pdftext.py"


def _project_sources():
    skip = {".venv", "node_modules", "tests", "var", "bench", "locale", "themes"}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0] in skip or any(part.startswith(".") for part in parts):
            continue
        yield path


def _violations(path, root=ROOT):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        where = f"{path.relative_to(root)}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("reportlab"):
            names = {alias.name for alias in node.names}
            if names & MARKUP_FLOWABLES or node.module.startswith(MARKUP_MODULES):
                found.append(f"{where} imports {sorted(names)} from {node.module}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(MARKUP_MODULES):
                    found.append(f"{where} imports {alias.name}")
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in MARKUP_FLOWABLES:
                found.append(f"{where} calls {name}(…)")
            if name == "Markup" and not (
                len(node.args) == 1
                and not node.keywords
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append(f"{where} builds Markup from something other than a string constant")
    return found


def test_paragraphs_are_built_only_through_the_escaping_helper():
    sources = list(_project_sources())
    assert HELPER in sources and ROOT / "shop" / "order" / "invoices.py" in sources
    violations = [v for path in sources if path != HELPER for v in _violations(path)]
    assert not violations, (
        "build PDF text with shop.core.pdftext.paragraph (plain text is escaped, markup only "
        'as Markup("constant")):\n' + "\n".join(violations)
    )


def test_the_sweep_catches_a_raw_paragraph(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from reportlab.platypus import Paragraph\nimport reportlab.platypus as rp\n"
        "p = rp.Paragraph(name, style)\nm = Markup(name)\nok = Markup('<b>')\n"
    )
    found = _violations(sample, root=tmp_path)
    assert len(found) == 3, found
