"""Wagtail publishes, unpublishes, moves and deletes pages from several places (the editor, scheduled
publishing, workflows, bulk actions); its signals are the one point all of them pass, so the
change is announced from here (``shop.core.changes``: the content search and the page cache follow;
``search_index rebuild`` is the net)."""

from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from shop.core import changes


def _page_changed(sender, instance, **kwargs):
    # Its search document, and the cached pages and fragments (lists, the menu, home blocks) that show it.
    changes.page_changed(instance.pk)


def _campaign_published(sender, instance, **kwargs):
    """A published campaign carries its linked Oscar offer: its products and its dates."""
    instance.specific.sync_offer()


def _campaign_unpublished(sender, instance, **kwargs):
    """A campaign taken down takes its discount with it (publishing it again restores the dates)."""
    instance.specific.stop_synced_offer()


def register():
    from cms.models import CampaignPage

    page_published.connect(_campaign_published, sender=CampaignPage, dispatch_uid="ocop_campaign_offer")
    page_unpublished.connect(_campaign_unpublished, sender=CampaignPage, dispatch_uid="ocop_campaign_offer_stop")
    page_published.connect(_page_changed, dispatch_uid="ocop_search_page_published")
    page_unpublished.connect(_page_changed, dispatch_uid="ocop_search_page_unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="ocop_search_page_moved")
    # Deleting a page deletes rows of its specific class and of Page; Page's is enough.
    post_delete.connect(_page_changed, sender=Page, dispatch_uid="ocop_search_page_deleted")
