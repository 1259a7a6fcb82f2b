"""The catalogue tests' producer: a new one for each test (tests/factories.py), so that what they change on its
products, certificates and members never touches the demo producer's rows."""

import pytest

from tests import factories


@pytest.fixture
def producer_user(db):
    """The director of a new verified producer, who can use the portal (instead of the demo producer's)."""
    return factories.producer().director
