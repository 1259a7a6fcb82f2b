"""Wagtail publishes, unpublishes, moves and deletes pages from several places (the editor, scheduled
publishing, workflows, bulk actions); its signals are the one point all of them pass, so the search
index of content pages follows from here (``shop.search.pages``; ``search_index rebuild`` is the net)."""
from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from shop.search import pages


def _page_changed(sender, instance, **kwargs):
    pages.page_changed(instance.pk)


def register():
    page_published.connect(_page_changed, dispatch_uid="ocop_search_page_published")
    page_unpublished.connect(_page_changed, dispatch_uid="ocop_search_page_unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="ocop_search_page_moved")
    # Deleting a page deletes rows of its specific class and of Page; Page's is enough.
    post_delete.connect(_page_changed, sender=Page, dispatch_uid="ocop_search_page_deleted")
