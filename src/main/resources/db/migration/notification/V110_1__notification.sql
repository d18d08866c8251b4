create schema if not exists notification;

-- Users are identified by their account id (identity.user_account.id, never reused); no foreign key, because a
-- module refers to another module's rows only through its API (docs/development.md). A user without a row gets the
-- defaults: every kind on, Dutch.
create table notification.preference (
    user_id      bigint      primary key,
    round_opened boolean     not null default true,
    reminder     boolean     not null default true,
    returned     boolean     not null default true,
    approved     boolean     not null default true,
    digest       boolean     not null default true,
    language     varchar(2)  not null default 'nl' check (language in ('nl', 'en')),
    updated_at   timestamptz not null default now()
);
comment on table notification.preference is 'Which notification e-mails a user receives, and in which language.';

-- What was sent once and must not be sent again: a round's opening and its deadline reminder per user and round
-- (reference 'round:<id>'), the weekly digest per user and week (reference 'week:<ISO week>', e.g. 'week:2026-W49').
create table notification.sent (
    tenant_id bigint       not null references tenancy.tenant(id),
    user_id   bigint       not null,
    kind      varchar(20)  not null check (kind in ('ROUND_OPENED', 'REMINDER', 'DIGEST')),
    reference varchar(40)  not null,
    sent_at   timestamptz  not null default now(),
    primary key (tenant_id, user_id, kind, reference)
);
comment on table notification.sent is 'Notification e-mails sent at most once per user, kind and round or week.';
