-- K3a newsletter: a delivery whose subscriber unsubscribed after the issue was queued is SKIPPED (no mail is sent).
alter table knowledge.newsletter_delivery drop constraint newsletter_delivery_status_check;
alter table knowledge.newsletter_delivery add constraint newsletter_delivery_status_check
    check (status in ('PENDING', 'CLAIMED', 'SENT', 'FAILED', 'SKIPPED'));
