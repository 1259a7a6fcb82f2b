"""Delivery of outbox messages by a worker (Django Tasks; the TASKS setting picks the backend)."""

from django_tasks import task


@task()
def deliver_messages(ids):
    """Deliver these outbox rows now (``outbox.deliver``; failures are kept on the row and retried)."""
    from shop.notifications import outbox

    return [message.status for message_id in ids if (message := outbox.deliver(message_id)) is not None]


@task()
def deliver_due_messages():
    """The periodic sweep (``outbox.deliver_due``). Schedule every minute."""
    from shop.notifications import outbox

    return outbox.deliver_due()
