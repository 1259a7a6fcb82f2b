"""Fragments every visitor sees alike are cached per content version: kept while nothing changes, dropped at
once when a change is announced, never shared between languages or days."""

import datetime

import pytest
from django.utils import timezone, translation

from shop.core import changes, fragments


class Counting:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return f"value {self.calls}"


def test_a_fragment_is_computed_once_while_nothing_changes():
    compute = Counting()
    assert fragments.remember("shelf", compute, 7) == "value 1"
    assert fragments.remember("shelf", compute, 7) == "value 1"
    assert compute.calls == 1
    assert fragments.remember("shelf", compute, 8) == "value 2"  # other parts, another fragment


@pytest.mark.django_db
def test_an_announced_change_drops_the_fragment_at_once_and_again_at_commit(django_capture_on_commit_callbacks):
    compute = Counting()
    fragments.remember("menu", compute)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        changes.content_changed()
        assert fragments.remember("menu", compute) == "value 2"  # the announcing transaction sees its change
    assert callbacks, "no second replacement waits for the commit"
    for callback in callbacks:
        callback()
    assert fragments.remember("menu", compute) == "value 3"  # what was cached before the commit is dropped


def test_languages_and_days_do_not_share_a_fragment(monkeypatch):
    compute = Counting()
    with translation.override("vi"):
        vietnamese = fragments.remember("menu", compute)
    with translation.override("en"):
        english = fragments.remember("menu", compute)
    assert vietnamese != english
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args: tomorrow)
    with translation.override("vi"):
        assert fragments.remember("menu", compute) == "value 3"


def test_fragments_off_compute_every_time(settings):
    settings.OCOP_FRAGMENT_CACHE_SECONDS = 0
    compute = Counting()
    fragments.remember("menu", compute)
    fragments.remember("menu", compute)
    assert compute.calls == 2
