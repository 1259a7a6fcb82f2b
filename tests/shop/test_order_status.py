"""An order's status follows from its lines (``shop.core.order_statuses.order_status_for``)."""

import pytest

from shop.core import order_statuses as statuses
from shop.core.order_statuses import (
    LINE_CANCELLED,
    LINE_CONFIRMED,
    LINE_PENDING,
    LINE_SHIPPED,
    ORDER_CANCELLED,
    ORDER_CONFIRMED,
    ORDER_PARTIALLY_SHIPPED,
    ORDER_PENDING,
    ORDER_SHIPPED,
    order_status_for,
)


@pytest.mark.parametrize(
    "lines, expected",
    [
        ([], ORDER_PENDING),
        ([LINE_PENDING], ORDER_PENDING),
        ([LINE_PENDING, LINE_CONFIRMED], ORDER_PENDING),
        ([LINE_CONFIRMED, LINE_CONFIRMED], ORDER_CONFIRMED),
        ([LINE_CONFIRMED, LINE_CANCELLED], ORDER_CONFIRMED),
        ([LINE_SHIPPED, LINE_PENDING], ORDER_PARTIALLY_SHIPPED),
        ([LINE_SHIPPED, LINE_CONFIRMED], ORDER_PARTIALLY_SHIPPED),
        ([LINE_SHIPPED, LINE_SHIPPED], ORDER_SHIPPED),
        ([LINE_SHIPPED, LINE_CANCELLED], ORDER_SHIPPED),
        ([LINE_CANCELLED], ORDER_CANCELLED),
        ([LINE_CANCELLED, LINE_CANCELLED], ORDER_CANCELLED),
    ],
)
def test_order_status_for(lines, expected):
    assert order_status_for(lines) == expected
    assert order_status_for(iter(lines)) == expected  # any iterable


def test_every_status_has_a_vietnamese_label():
    assert set(statuses.LINE_PIPELINE) == set(statuses.LINE_LABELS)
    assert set(statuses.ORDER_PIPELINE) == set(statuses.ORDER_LABELS)
    assert str(statuses.ORDER_LABELS[ORDER_PARTIALLY_SHIPPED]) == "Đã gửi một phần"


def test_derived_statuses_only_move_forward():
    """Every status a line move can lead to is reachable from the one before in the order pipeline,
    so ``Order.set_status`` records each change (``shop.order.fulfilment.update_order_status``)."""
    import itertools

    codes = list(statuses.LINE_PIPELINE)
    for before in itertools.product(codes, repeat=2):
        for i, line_status in enumerate(before):
            for target in statuses.LINE_PIPELINE[line_status]:
                after = list(before)
                after[i] = target
                old, new = order_status_for(before), order_status_for(after)
                assert old == new or new in statuses.ORDER_PIPELINE[old], (before, after)
