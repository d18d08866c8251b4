-- GDPR module, part P2 (docs/modules/privacy.md, "Agreements, breaches and requests"): processor agreements,
-- the breach register (art. 33(5)), data-subject requests (art. 12(3)) and the record of reminders sent.

create table privacy.processor_agreement (
    id                 bigint generated always as identity primary key,
    tenant_id          bigint        not null references tenancy.tenant (id),
    counterparty       varchar(300)  not null,
    -- KBO/BCE enterprise number, ten digits (checked with modulo 97 by the application)
    kbo_number         char(10)      check (kbo_number ~ '^[01][0-9]{9}$'),
    -- the city's role in the agreement
    city_role          varchar(20)   not null check (city_role in ('CONTROLLER', 'PROCESSOR')),
    template           varchar(200),
    signed_on          date,
    start_on           date,
    end_on             date,
    renewal_on         date,
    -- one sub-processor per line: name;country
    sub_processors     text,
    transfer_country   varchar(100),
    transfer_safeguard varchar(300),
    document_name      varchar(200),
    document           bytea,
    document_size      integer,
    demo               boolean       not null default false,
    created_at         timestamptz   not null default now(),
    version            integer       not null default 0,
    check (end_on is null or start_on is null or end_on > start_on)
);
create index processor_agreement_tenant_idx on privacy.processor_agreement (tenant_id);
comment on table privacy.processor_agreement is 'A processor agreement (verwerkersovereenkomst, art. 28) of a tenant, with its signed PDF.';

create table privacy.agreement_activity (
    agreement_id bigint not null references privacy.processor_agreement (id) on delete cascade,
    activity_id  bigint not null references privacy.processing_activity (id) on delete cascade,
    primary key (agreement_id, activity_id)
);
comment on table privacy.agreement_activity is 'The processing activities (same tenant) an agreement covers.';

create table privacy.breach (
    id                  bigint generated always as identity primary key,
    tenant_id           bigint        not null references tenancy.tenant (id),
    discovered_at       timestamptz   not null,
    description         varchar(4000) not null,
    nature              varchar(20)   not null check (nature in ('CONFIDENTIALITY', 'INTEGRITY', 'AVAILABILITY')),
    subject_categories  varchar(1000),
    subjects_count      integer       check (subjects_count >= 0),
    records_count       integer       check (records_count >= 0),
    consequences        varchar(4000),
    measures            varchar(4000),
    -- the notification to the DPA (art. 33(1)): due 72 hours after discovered_at
    notified_at         timestamptz,
    not_notified_reason varchar(2000),
    -- art. 34: null while undecided
    inform_subjects     boolean,
    inform_reasoning    varchar(2000),
    informed_on         date,
    closed              boolean       not null default false,
    demo                boolean       not null default false,
    created_at          timestamptz   not null default now(),
    version             integer       not null default 0
);
create index breach_tenant_idx on privacy.breach (tenant_id);
comment on table privacy.breach is 'The breach register (art. 33(5)): every personal data breach with the 72-hour clock to the DPA.';

create table privacy.breach_activity (
    breach_id   bigint not null references privacy.breach (id) on delete cascade,
    activity_id bigint not null references privacy.processing_activity (id) on delete cascade,
    primary key (breach_id, activity_id)
);
comment on table privacy.breach_activity is 'The processing activities (same tenant) a breach touched.';

create table privacy.subject_request (
    id                bigint generated always as identity primary key,
    tenant_id         bigint        not null references tenancy.tenant (id),
    -- a reference to the requester (a file number), never a full address
    reference         varchar(100)  not null,
    kind              varchar(20)   not null check (kind in ('ACCESS', 'RECTIFICATION', 'ERASURE', 'RESTRICTION',
                                                             'OBJECTION', 'PORTABILITY')),
    received_on       date          not null,
    identity_verified boolean       not null default false,
    -- art. 12(3): up to two further months, with a reason
    extension_months  integer       not null default 0 check (extension_months between 0 and 2),
    extension_reason  varchar(2000),
    answered_on       date,
    outcome           varchar(2000),
    demo              boolean       not null default false,
    created_at        timestamptz   not null default now(),
    version           integer       not null default 0,
    check (extension_months = 0 or extension_reason is not null)
);
create index subject_request_tenant_idx on privacy.subject_request (tenant_id);
comment on table privacy.subject_request is 'Requests of data subjects (art. 15-21) with the one-month clock of art. 12(3).';

create table privacy.reminder_sent (
    tenant_id bigint       not null references tenancy.tenant (id),
    -- AGREEMENT_EXPIRING, or OVERDUE_AGREEMENT / OVERDUE_BREACH / OVERDUE_REQUEST
    kind      varchar(30)  not null,
    item_id   bigint       not null,
    -- what the reminder was about: the end date, or the state of the item
    reference varchar(100) not null,
    recipient bigint       not null,
    sent_at   timestamptz  not null default now(),
    primary key (tenant_id, kind, item_id, reference, recipient)
);
comment on table privacy.reminder_sent is 'The privacy reminders sent, once per item, state and DPO.';
