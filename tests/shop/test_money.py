"""Money in one place (``shop.core.money``): whole đồng rounded half up, one formatter, no hand-made copies."""

import ast
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from shop.core.money import format_vnd, to_dong

ROOT = Path(__file__).resolve().parents[2]
CODE_DIRS = ("shop", "catalogue", "payments", "cms")
MONEY_MODULE = ROOT / "shop" / "core" / "money.py"
# A placeholder or a formatted value followed by the currency: "%(amount)s ₫", "{amount} ₫", "%s đồng".
PLACEHOLDER_THEN_CURRENCY = re.compile(r"(%\(\w+\)[sd]|%[sd]|\{[^{}]*\})\s*(₫|đồng\b)")
CURRENCY_ALONE = re.compile(r"^\s*(₫|đồng\b)")


# --- rounding ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        (Decimal("61728.5"), 61729),  # the settlements' example: halves go up
        (Decimal("2.5"), 3),  # not to even (Python's and Babel's default)
        (Decimal("3.5"), 4),
        (Decimal("2.4999"), 2),
        (Decimal("1234567.50"), 1234568),
        (Decimal("-0.5"), -1),  # refunds make negative bases: halves away from zero
        (Decimal("-61728.5"), -61729),
        (Decimal("-2.4"), -2),
        (Decimal("45000.00"), 45000),
        (120000, 120000),
        ("99999.5", 100000),
        (None, 0),
    ],
)
def test_to_dong_rounds_to_whole_dong_half_up(value, expected):
    result = to_dong(value)
    assert result == expected and isinstance(result, int)


def test_to_dong_refuses_floats_and_non_amounts():
    with pytest.raises(TypeError):
        to_dong(0.5)
    for bad in ("12 nghìn", "NaN", "Infinity"):
        with pytest.raises(ValueError):
            to_dong(bad)


# --- formatting --------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    "value, expected",
    [
        (1234567, "1.234.567\u00a0₫"),
        (Decimal("1234567.00"), "1.234.567\u00a0₫"),
        (Decimal("45000"), "45.000\u00a0₫"),
        (500, "500\u00a0₫"),
        (0, "0\u00a0₫"),
        (-1234567, "-1.234.567\u00a0₫"),
        (10**12, "1.000.000.000.000\u00a0₫"),
        (Decimal("2.5"), "3\u00a0₫"),  # rounded by to_dong first, never Babel's half to even
        ("150000", "150.000\u00a0₫"),
    ],
)
def test_format_vnd_is_the_sites_money_format_in_every_language(language, value, expected):
    with translation.override(language):
        assert format_vnd(value) == expected


# --- no hand-written copies ----------------------------------------------------------------------------


def _python_files():
    for folder in CODE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts and path != MONEY_MODULE:
                yield path


def _str(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_one(node):
    """``Decimal(1)`` / ``Decimal("1")`` (percentages quantize to Decimal("0.1"): allowed)."""
    return (
        isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "Decimal"
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Constant)
        and str(node.args[0].value) == "1"
    )


def _hand_made_money(tree):
    """(line, what) for each hand-written rounding or money format in a module's syntax tree."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):  # f"{amount} ₫", f"{amount:,}"
            parts = node.values
            for before, after in zip(parts, parts[1:]):
                if isinstance(before, ast.FormattedValue) and CURRENCY_ALONE.match(_str(after) or ""):
                    found.append((node.lineno, "f-string value followed by ₫/đồng"))
            for part in parts:
                spec = part.format_spec if isinstance(part, ast.FormattedValue) else None
                if spec is not None and any("," in (_str(v) or "") for v in spec.values):
                    found.append((node.lineno, "thousands grouping by hand (:,)"))
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):  # amount + " ₫"
            if CURRENCY_ALONE.match(_str(node.right) or ""):
                found.append((node.lineno, "concatenation with ₫/đồng"))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            # "%(amount)s ₫" (also inside gettext), "{} ₫".format(...), "{:,}"
            if PLACEHOLDER_THEN_CURRENCY.search(node.value) or "{:," in node.value:
                found.append((node.lineno, "placeholder followed by ₫/đồng"))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "quantize"
            and node.args
            and _is_one(node.args[0])
        ):  # amount.quantize(Decimal(1)): rounding to đồng by hand
            found.append((node.lineno, "quantize to whole đồng by hand"))
        elif isinstance(node, ast.Name) and node.id.startswith("ROUND_HALF"):
            found.append((node.lineno, f"{node.id} outside shop.core.money"))
        elif isinstance(node, ast.Attribute) and node.attr.startswith("ROUND_HALF"):
            found.append((node.lineno, f"{node.attr} outside shop.core.money"))
        elif isinstance(node, ast.ImportFrom):
            names = {alias.name for alias in node.names}
            if any(name.startswith("ROUND_HALF") for name in names):
                found.append((node.lineno, "ROUND_HALF_* imported outside shop.core.money"))
            if node.module in ("oscar.templatetags.currency_filters", "babel.numbers"):
                found.append((node.lineno, "currency formatter used directly: call shop.core.money.format_vnd"))
    return found


def test_the_sweep_catches_hand_written_money():
    source = """
from decimal import ROUND_HALF_UP
from oscar.templatetags.currency_filters import currency
a = f"{amount} ₫"
b = f"{int(amount):,}".replace(",", ".")
c = str(amount) + " ₫"
d = _("Cần chuyển trả %(amount)s ₫") % {"amount": amount}
e = "{} đồng".format(amount)
f = amount.quantize(one, rounding=decimal.ROUND_HALF_EVEN)
g = int(Decimal(amount).quantize(Decimal(1)))
"""
    lines = {line for line, _what in _hand_made_money(ast.parse(source))}
    assert lines == set(range(2, 11))
    allowed = (
        'x = _("Dưới 100.000 ₫")\ny = format_vnd(amount)\nz = f"{format_vnd(amount)} (giao dịch {ref})"\n'
        'share = (part * 100 / whole).quantize(Decimal("0.1"))\n'
    )
    assert _hand_made_money(ast.parse(allowed)) == []


def test_no_hand_written_money_rounding_or_formatting_outside_shop_core_money():
    offences = []
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offences += [f"{path.relative_to(ROOT)}:{line}: {what}" for line, what in _hand_made_money(tree)]
    assert not offences, "Use shop.core.money (to_dong / format_vnd):\n" + "\n".join(offences)


def test_templates_format_money_with_the_currency_filter_only():
    hand_made = re.compile(r"\}\}\s*(₫|đồng\b)|₫\s*\{\{|\|(intcomma|floatformat)[^}]*\}\}\s*(₫|đồng|VND)")
    offences = []
    for path in sorted((ROOT / "themes").rglob("*.*")):
        if path.suffix in (".html", ".txt"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if hand_made.search(line):
                    offences.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offences, "Use {% load currency_filters %}{{ amount|currency }}:\n" + "\n".join(offences)
