-- PIRK mobilisation (docs/modules/pirk-mobilisation-and-public.md): owner contact as cases with statuses and notes
-- (after Zéro Logement Vacant), the owner data kept apart and readable only with the function OWNER_DATA, a log of
-- every read of owner data (who, when, which object, why) for the DPO and the beheerder, saved filters and campaigns
-- whose object list is frozen when they are sent.
create table pirk.owner_case (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references tenancy.tenant (id),
    real_estate_id bigint not null references pirk.real_estate (id),
    status text not null default 'NOT_CONTACTED'
        check (status in ('NOT_CONTACTED', 'CONTACTED', 'ANSWERED', 'IN_PROGRESS', 'SOLVED', 'NOT_VACANT', 'REFUSED',
                          'BLOCKED')),
    status_since date not null default current_date,
    -- a case of the knowledge bank's collection tijdelijk-gebruik (its public id)
    temporary_use_case uuid,
    demo boolean not null default false,
    created_by text not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    version integer not null default 0,
    unique (tenant_id, real_estate_id)
);
comment on table pirk.owner_case is 'The mobilisation case of one object: the contact with its owner(s), with a status (not contacted … solved, refused) and a link to a temporary-use case of the knowledge bank.';

create table pirk.owner_contact (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references tenancy.tenant (id),
    case_id bigint not null references pirk.owner_case (id) on delete cascade,
    name text not null,
    kind text not null default 'PERSON' check (kind in ('PERSON', 'COMPANY', 'PUBLIC_BODY')),
    street text,
    postcode text,
    municipality text,
    email text,
    phone text,
    share text,
    version integer not null default 0
);
comment on table pirk.owner_contact is 'Owner data (personal data): an owner of the object of a case. Read only with the function OWNER_DATA; every read is logged in pirk.owner_access.';
create index owner_contact_case_ix on pirk.owner_contact (case_id);

create table pirk.owner_note (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references tenancy.tenant (id),
    case_id bigint not null references pirk.owner_case (id) on delete cascade,
    noted_on date not null default current_date,
    kind text not null default 'NOTE' check (kind in ('NOTE', 'LETTER', 'CALL', 'VISIT', 'MAIL', 'STATUS', 'CAMPAIGN')),
    text text not null,
    author text not null,
    created_at timestamptz not null default now()
);
comment on table pirk.owner_note is 'The dated notes of a mobilisation case (calls, letters, visits, status changes, campaigns). Part of the owner data.';
create index owner_note_case_ix on pirk.owner_note (case_id);

create table pirk.owner_access (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references tenancy.tenant (id),
    accessed_at timestamptz not null default now(),
    username text not null,
    real_estate_id bigint,
    case_id bigint,
    purpose text not null check (purpose in ('CASE_LIST', 'CASE_VIEW', 'CAMPAIGN_LETTERS')),
    route text
);
comment on table pirk.owner_access is 'Every read of PIRK owner data: who, when, which object (case) and why (the purpose of the screen). Read by the DPO and the beheerder; never changed.';
create index owner_access_tenant_ix on pirk.owner_access (tenant_id, accessed_at desc);

create table pirk.saved_filter (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references tenancy.tenant (id),
    name text not null,
    query text not null,
    created_by text not null,
    created_at timestamptz not null default now(),
    unique (tenant_id, name)
);
comment on table pirk.saved_filter is 'A named filter of the inventory (pirk.domain.ObjectFilter as a query string) to build campaigns from.';

create table pirk.campaign (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references tenancy.tenant (id),
    title text not null,
    query text not null,
    saved_filter_id bigint references pirk.saved_filter (id) on delete set null,
    status text not null default 'DRAFT' check (status in ('DRAFT', 'SENT')),
    sent_at timestamptz,
    sent_by text,
    demo boolean not null default false,
    created_by text not null,
    created_at timestamptz not null default now(),
    version integer not null default 0
);
comment on table pirk.campaign is 'A mobilisation campaign built from a filter: while a draft its objects follow the filter; when sent the list is frozen in pirk.campaign_object.';

create table pirk.campaign_object (
    campaign_id bigint not null references pirk.campaign (id) on delete cascade,
    real_estate_id bigint not null references pirk.real_estate (id),
    position integer not null,
    -- the object as it was when the campaign was sent
    address text,
    vacancy_class text not null,
    primary key (campaign_id, real_estate_id)
);
comment on table pirk.campaign_object is 'The frozen object list of a sent campaign, with the address and vacancy class at sending.';
