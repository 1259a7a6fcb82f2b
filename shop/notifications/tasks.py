"""Delivery of outbox messages by a worker (Django Tasks; the TASKS setting picks the backend). The tasks call
``delivery``; ``outbox`` enqueues them (outbox → tasks → delivery: no cycle)."""

from django_tasks import task

from shop.notifications import delivery


@task()
def deliver_messages(ids):
    """Deliver these outbox rows now (``delivery.deliver``; failures are kept on the row and retried)."""
    return [message.status for message_id in ids if (message := delivery.deliver(message_id)) is not None]


@task()
def deliver_due_messages():
    """The periodic sweep (``delivery.deliver_due``). Schedule every minute."""
    return delivery.deliver_due()
