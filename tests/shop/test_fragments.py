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


class SharedReads:
    """Counts the reads that reach the shared cache (Redis in production and in `make test`)."""

    def __init__(self, monkeypatch):
        from django.core.cache import caches

        self.keys = []
        shared = caches["default"]
        real_get = shared.get

        def counted(key, *args, **kwargs):
            self.keys.append(key)
            return real_get(key, *args, **kwargs)

        monkeypatch.setattr(shared, "get", counted)

    def fragments(self):
        return [key for key in self.keys if "fragment" in key or key.startswith("template.cache")]


def test_a_fragment_read_once_is_then_served_from_the_process_copy(monkeypatch):
    compute = Counting()
    fragments.remember("shelf", compute, "local")  # computed, stored in the shared cache and copied here
    reads = SharedReads(monkeypatch)
    assert fragments.remember("shelf", compute, "local") == "value 1"
    assert fragments.remember("shelf", compute, "local") == "value 1"
    assert reads.fragments() == [] and compute.calls == 1


def test_another_process_reads_the_shared_fragment_once(monkeypatch):
    compute = Counting()
    fragments.remember("shelf", compute, "other process")
    fragments.local_copies.clear()  # as in a process that has not read it yet
    reads = SharedReads(monkeypatch)
    assert fragments.remember("shelf", compute, "other process") == "value 1"
    assert fragments.remember("shelf", compute, "other process") == "value 1"
    assert len(reads.fragments()) == 1 and compute.calls == 1


@pytest.mark.django_db
def test_an_announced_change_shows_at_once_despite_the_process_copy():
    compute = Counting()
    assert fragments.remember("menu", compute, "copied") == "value 1"
    assert fragments.remember("menu", compute, "copied") == "value 1"
    changes.content_changed()
    assert fragments.remember("menu", compute, "copied") == "value 2"


def test_each_reader_gets_its_own_copy_of_a_value_that_is_not_text():
    """Oscar's offers keep state on the instance: a reader's changes must not reach the next reader."""
    first = fragments.remember("offers", lambda: [{"applications": 0}], "mutable")
    first[0]["applications"] = 5
    first.append("more")
    assert fragments.remember("offers", lambda: [], "mutable") == [{"applications": 0}]


def test_process_copies_expire_and_keep_the_most_recently_used(monkeypatch):
    copies = fragments.LocalCopies(entries=2, lifetime=60)
    now = [1000.0]
    monkeypatch.setattr(fragments.time, "monotonic", lambda: now[0])
    copies.put("a", "A")
    copies.put("b", "B")
    assert copies.get("a") == "A"  # "a" is now the most recently used
    copies.put("c", "C")
    assert (copies.get("a"), copies.get("b"), copies.get("c")) == ("A", None, "C")
    now[0] += 61
    assert copies.get("a") is None


def test_the_cache_tag_keeps_a_process_copy_and_follows_the_content_version(monkeypatch, settings):
    from django.core.cache import caches
    from django.template import Context, Template

    assert isinstance(caches["template_fragments"], fragments.FragmentCache)
    template = Template('{% load cache %}{% cache 600 "shelf-tag" version %}{{ value }}{% endcache %}')
    version = fragments.content_version()
    assert template.render(Context({"version": version, "value": "first"})) == "first"
    reads = SharedReads(monkeypatch)
    assert template.render(Context({"version": version, "value": "second"})) == "first"  # the copy, no read
    assert reads.fragments() == []
    assert template.render(Context({"version": "a new version", "value": "third"})) == "third"


@pytest.mark.django_db
def test_remember_each_keeps_each_id_apart_and_computes_only_the_ids_not_kept(django_capture_on_commit_callbacks):
    asked = []

    def compute_missing(ids):
        asked.append(list(ids))
        return {pk: f"card {pk}" for pk in ids if pk != 3}  # 3: no longer for sale

    assert fragments.remember_each("cards", compute_missing, [1, 2, 3]) == {1: "card 1", 2: "card 2"}
    # Another visitor's shelf: 2 and 3 are kept (3 as absent), only 4 is read.
    assert fragments.remember_each("cards", compute_missing, [2, 3, 4]) == {2: "card 2", 4: "card 4"}
    assert asked == [[1, 2, 3], [4]]
    assert fragments.remember_each("cards", compute_missing, []) == {}
    with django_capture_on_commit_callbacks(execute=True):
        changes.content_changed()
    assert fragments.remember_each("cards", compute_missing, [1]) == {1: "card 1"}
    assert asked[-1] == [1]  # a change drops them all
