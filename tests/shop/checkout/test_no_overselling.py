"""50 buyers for the last 10 units: exactly 10 orders, never negative stock, and the 40 others told
it is sold out with their baskets intact — on PostgreSQL (the suite's database) and on SQLite (the
embedded default, which must queue writers instead of failing with "database is locked")."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.shop.checkout.race import outcome, prepare_last_units, race

BUYERS, UNITS = 50, 10
ROOT = Path(__file__).resolve().parents[3]


def _assert_no_overselling(result):
    assert result["orders"] == UNITS and result["placed"] == UNITS
    assert result["left_to_sell"] == 0
    assert len(result["losers"]) == BUYERS - UNITS
    for loser in result["losers"]:
        assert not loser.get("error"), loser
        assert loser["status"] in (200, 302), loser
        assert loser["message_shown"], loser
        assert loser["basket_items"] == 1, loser


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_fifty_buyers_for_the_last_ten_units_on_postgresql():
    product = prepare_last_units(UNITS)
    _assert_no_overselling(outcome(product, race(product, BUYERS)))


@pytest.mark.slow
def test_fifty_buyers_for_the_last_ten_units_on_sqlite():
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    finished = subprocess.run(
        [sys.executable, "-m", "tests.shop.checkout.race", "--sqlite", str(BUYERS), str(UNITS)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert finished.returncode == 0, finished.stderr[-4000:]
    assert "database is locked" not in finished.stderr
    _assert_no_overselling(json.loads(finished.stdout.strip().splitlines()[-1]))
