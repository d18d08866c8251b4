-- The people side of the Rechtenverkenner (docs/modules/rights.md, issue #18): a social worker's client cases, kept
-- only with the client's consent and until their retention date; the anonymous use counters per city and day; and
-- the runs of the non-take-up batch (aggregates only: the household file itself is never stored).

create table rights.client_case (
    id              bigint generated always as identity primary key,
    tenant_id       bigint        not null references tenancy.tenant (id),
    public_id       uuid          not null unique default gen_random_uuid(),
    -- the social worker's user name; only they reopen or delete the case
    worker          varchar(100)  not null,
    -- an optional label the worker chooses (e.g. initials or their own file number)
    label           varchar(100)  not null default '',
    -- the questionnaire's answers as form fields {"leeftijd": ["40"], ...}
    answers         jsonb         not null,
    -- the outcome per right when stored: [{"code": ..., "title": ..., "verdict": ...}]
    results         jsonb         not null,
    consent_text    varchar(2000) not null,
    consented_at    timestamptz   not null,
    retain_until    date          not null,
    -- the processing activity of the city's GDPR register this case belongs to
    activity_id     uuid,
    check (retain_until >= cast(consented_at as date))
);
create index client_case_worker on rights.client_case (tenant_id, worker);
create index client_case_retention on rights.client_case (retain_until);
comment on table rights.client_case is 'A social worker''s case of a client, stored only with the client''s consent and deleted at retain_until.';

create table rights.use_count (
    tenant_id  bigint       not null references tenancy.tenant (id),
    day        date         not null,
    -- STARTED, FINISHED, STEP (a question shown), ANSWERED (a question answered), SHOWN (a right shown as eligible or maybe)
    event      varchar(20)  not null check (event in ('STARTED', 'FINISHED', 'STEP', 'ANSWERED', 'SHOWN')),
    -- the question or the right's code; '' for STARTED and FINISHED
    item       varchar(100) not null default '',
    count      bigint       not null check (count >= 0),
    primary key (tenant_id, day, event, item)
);
comment on table rights.use_count is 'Anonymous use of the public questionnaire: counts per city, day, event and question or right; nothing about a visitor.';

create table rights.non_take_up_run (
    id          bigint generated always as identity primary key,
    tenant_id   bigint       not null references tenancy.tenant (id),
    period      varchar(10)  not null,
    file_name   varchar(200) not null,
    households  integer      not null,
    rights      integer      not null,
    published   boolean      not null,
    run_by      varchar(100) not null,
    run_at      timestamptz  not null default now()
);
comment on table rights.non_take_up_run is 'A run of the non-take-up batch: what was counted, never a household.';
