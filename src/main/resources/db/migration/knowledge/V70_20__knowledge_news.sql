-- K3 of the knowledge bank (docs/modules/knowledge.md "News, calendar and newsletter", "Portal and visitor figures"):
-- news items and events, the e-mail-only newsletter with its deliveries, the featured study per ISO week and the
-- server-side visitor counter.

create table knowledge.news_item (
    id                bigint generated always as identity primary key,
    kind              varchar(10)  not null check (kind in ('NEWS', 'EVENT')),
    title             varchar(300) not null,
    summary           text         not null default '',
    -- sanitised HTML (OWASP Java HTML Sanitizer)
    body              text         not null default '',
    published         boolean      not null default false,
    published_at      timestamptz,
    -- events only: the start and end (shown in Europe/Brussels), where and how
    starts_at         timestamptz,
    ends_at           timestamptz,
    location          varchar(300),
    address           varchar(300),
    online_link       varchar(500),
    organiser         varchar(300),
    registration_link varchar(500),
    demo              boolean      not null default false,
    author            varchar(100) not null,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    version           integer      not null default 0,
    check (kind = 'NEWS' or (starts_at is not null and ends_at is not null and ends_at >= starts_at))
);
create index news_item_kind_idx on knowledge.news_item (kind, published, published_at desc);
create index news_item_starts_idx on knowledge.news_item (starts_at) where kind = 'EVENT';
comment on table knowledge.news_item is 'A news item or an event (kind EVENT, with start, end and place) of the Kenniscentrum.';

create table knowledge.news_theme (
    news_id    bigint      not null references knowledge.news_item (id) on delete cascade,
    theme_code varchar(60) not null references knowledge.theme (code),
    primary key (news_id, theme_code)
);
comment on table knowledge.news_theme is 'The themes a news item or event is tagged with.';

create table knowledge.newsletter_subscriber (
    id              bigint generated always as identity primary key,
    -- lower case; the only personal data kept, with the language and the themes
    email           varchar(254) not null unique,
    language        varchar(2)   not null check (language in ('nl', 'en')),
    created_at      timestamptz  not null default now(),
    confirmed_at    timestamptz,
    unsubscribed_at timestamptz
);
comment on table knowledge.newsletter_subscriber is 'An e-mail address subscribed to the newsletter (double opt-in, no account).';

create table knowledge.subscriber_theme (
    subscriber_id bigint      not null references knowledge.newsletter_subscriber (id) on delete cascade,
    theme_code    varchar(60) not null references knowledge.theme (code),
    primary key (subscriber_id, theme_code)
);
comment on table knowledge.subscriber_theme is 'The themes a subscriber follows (optional).';

create table knowledge.subscriber_token (
    -- SHA-256 of the random token in the link (hex); the token itself is never stored
    token_hash    varchar(64)  primary key,
    subscriber_id bigint       not null references knowledge.newsletter_subscriber (id) on delete cascade,
    purpose       varchar(10)  not null check (purpose in ('CONFIRM', 'MANAGE')),
    expires_at    timestamptz  not null
);
create index subscriber_token_expiry_idx on knowledge.subscriber_token (expires_at);
comment on table knowledge.subscriber_token is 'Links in mails: confirming a subscription, or managing and ending it (hashed, expiring).';

create table knowledge.newsletter_issue (
    id          bigint generated always as identity primary key,
    -- given when the issue is sent, continuing obmi.knowledge.newsletter.first-number
    number      integer      unique,
    title       varchar(300) not null,
    intro       text         not null default '',
    status      varchar(10)  not null default 'DRAFT' check (status in ('DRAFT', 'SENDING', 'SENT')),
    demo        boolean      not null default false,
    author      varchar(100) not null,
    created_at  timestamptz  not null default now(),
    sent_at     timestamptz,
    version     integer      not null default 0
);
comment on table knowledge.newsletter_issue is 'A newsletter issue: a draft, or numbered and sent (SENDING while its deliveries go out).';

create table knowledge.newsletter_issue_item (
    issue_id bigint      not null references knowledge.newsletter_issue (id) on delete cascade,
    kind     varchar(10) not null check (kind in ('NEWS', 'EVENT', 'CASE')),
    ref_id   bigint      not null,
    position integer     not null default 0,
    primary key (issue_id, kind, ref_id)
);
comment on table knowledge.newsletter_issue_item is 'The news items, events and cases an issue is composed of.';

create table knowledge.newsletter_delivery (
    issue_id      bigint      not null references knowledge.newsletter_issue (id) on delete cascade,
    subscriber_id bigint      not null references knowledge.newsletter_subscriber (id) on delete cascade,
    status        varchar(10) not null default 'PENDING' check (status in ('PENDING', 'CLAIMED', 'SENT', 'FAILED')),
    attempts      integer     not null default 0,
    claimed_at    timestamptz,
    sent_at       timestamptz,
    primary key (issue_id, subscriber_id)
);
create index newsletter_delivery_open_idx on knowledge.newsletter_delivery (status, claimed_at) where status in ('PENDING', 'CLAIMED');
comment on table knowledge.newsletter_delivery is 'One mail of an issue to one subscriber: claimed in batches by the worker, sent at most once.';

create table knowledge.featured_study (
    iso_week varchar(8) primary key check (iso_week ~ '^[0-9]{4}-W[0-9]{2}$'),
    case_id  bigint     not null references knowledge.knowledge_case (id) on delete cascade
);
comment on table knowledge.featured_study is 'The study (a case of collection studies) the editors feature on the portal home in an ISO week.';

create table knowledge.page_view (
    day        date        not null,
    page_group varchar(20) not null,
    -- the collection's code, the item's id or '' (never anything about the visitor)
    page_key   varchar(80) not null default '',
    views      bigint      not null default 0,
    primary key (day, page_group, page_key)
);
comment on table knowledge.page_view is 'Page views of the portal per day and page group, counted on the server; no IP, cookie or user agent.';
