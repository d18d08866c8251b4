-- The leegstandsregister workflow of PIRK (Vlaamse Codex Wonen; docs/modules/pirk-screening-and-register.md):
-- inclusion by an administrative act with the date the owner received it, the appeal with its 30-day clock from that
-- receipt and its outcome, the yearly levy years, exemptions, and removal after six consecutive months of proven use.
-- Every step is dated in pirk.vacancy_step.

create table pirk.vacancy_case (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references tenancy.tenant (id),
    real_estate_id bigint not null references pirk.real_estate (id),
    register text not null check (register in ('LEEGSTAND_WONINGEN', 'LEEGSTAND_GEBOUWEN')),
    act_reference text not null,
    act_date date not null,
    vacant_since date not null,
    receipt_date date,
    appeal_lodged_on date,
    appeal_outcome text check (appeal_outcome in ('PENDING', 'UPHELD', 'GRANTED', 'INADMISSIBLE')),
    appeal_decided_on date,
    removed_on date,
    removal_reason text check (removal_reason in ('USE', 'APPEAL', 'DEMOLITION')),
    use_since date,
    demo boolean not null default false,
    created_at timestamptz not null default now(),
    version integer not null default 0,
    check (act_date >= vacant_since),
    check (receipt_date is null or receipt_date >= act_date)
);
comment on table pirk.vacancy_case is 'An object''s inclusion in the leegstandsregister: the administrative act (date, reference), the date of receipt by the owner, the appeal and the removal.';
comment on column pirk.vacancy_case.receipt_date is 'The day the owner received the notice of the act; the 30-day appeal period runs from it.';
create unique index vacancy_case_open_ix on pirk.vacancy_case (tenant_id, real_estate_id, register) where removed_on is null;

create table pirk.vacancy_levy (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references tenancy.tenant (id),
    case_id bigint not null references pirk.vacancy_case (id),
    levy_year integer not null check (levy_year >= 1),
    due_on date not null,
    amount numeric(12, 2),
    assessed_on date not null,
    exempt boolean not null default false,
    recorded_by text not null,
    unique (case_id, levy_year)
);
comment on table pirk.vacancy_levy is 'A levy year of an included object assessed (or declared exempt): year n falls due n x 12 months after the inclusion.';

create table pirk.vacancy_exemption (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references tenancy.tenant (id),
    case_id bigint not null references pirk.vacancy_case (id),
    kind text not null check (kind in ('RENOVATION', 'DISASTER', 'PROTECTED_MONUMENT', 'NEW_OWNER', 'CARE', 'EXPROPRIATION', 'OTHER')),
    valid_from date not null,
    valid_to date not null,
    note text,
    recorded_by text not null,
    check (valid_to >= valid_from)
);
comment on table pirk.vacancy_exemption is 'An exemption from the levy of an included object: its ground and period.';

create table pirk.vacancy_step (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references tenancy.tenant (id),
    case_id bigint not null references pirk.vacancy_case (id),
    step text not null,
    on_date date not null,
    detail text,
    actor text not null,
    recorded_at timestamptz not null default now()
);
comment on table pirk.vacancy_step is 'The dated history of a leegstandsregister case: inclusion, receipt, appeal, decision, levy, exemption, removal requested, refused or granted.';
create index vacancy_step_case_ix on pirk.vacancy_step (case_id, on_date, id);

create table pirk.deadline_reminder (
    tenant_id bigint not null references tenancy.tenant (id),
    kind text not null,
    item_id bigint not null,
    reference text not null,
    recipient bigint not null,
    sent_at timestamptz not null default now(),
    primary key (tenant_id, kind, item_id, reference, recipient)
);
comment on table pirk.deadline_reminder is 'A deadline reminder claimed for a recipient (once per item and state), removed again when sending failed.';
