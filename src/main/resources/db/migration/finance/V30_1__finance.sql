create schema if not exists finance;

-- One uploaded BBC export: a version of the figures of the fiscal years it contains, at a reporting moment.
create table finance.finance_import (
    id              bigint generated always as identity primary key,
    tenant_id       bigint       not null references tenancy.tenant (id) on delete cascade,
    file_name       varchar(255) not null,
    label           varchar(200),
    reporting_date  date         not null,
    imported_at     timestamptz  not null default now(),
    actor           varchar(100) not null,
    line_count      integer      not null,
    fiscal_years    integer[]    not null,
    content_hash    char(64)     not null,
    undone_at       timestamptz,
    undone_by       varchar(100)
);
create index finance_import_tenant_idx on finance.finance_import (tenant_id, imported_at desc);

-- A line of a BBC export: estimate and realisation of one account for one plan item (or none) in one year.
create table finance.finance_line (
    id              bigint generated always as identity primary key,
    tenant_id       bigint        not null references tenancy.tenant (id) on delete cascade,
    import_id       bigint        not null references finance.finance_import (id) on delete cascade,
    row_number      integer       not null,
    plan_item_code  varchar(60),
    fiscal_year     integer       not null check (fiscal_year between 1990 and 2100),
    policy_field    varchar(4)    not null,
    account         varchar(20)   not null,
    kind            varchar(12)   not null check (kind in ('EXPLOITATIE', 'INVESTERING', 'FINANCIERING')),
    direction       varchar(10)   not null check (direction in ('UITGAVE', 'ONTVANGST')),
    estimate        numeric(18,2) not null default 0,
    realisation     numeric(18,2) not null default 0
);
create index finance_line_import_idx on finance.finance_line (import_id);
create index finance_line_item_idx on finance.finance_line (tenant_id, plan_item_code, fiscal_year);

-- The version in force per tenant and fiscal year: the latest import containing that year that is not undone.
create view finance.current_line as
select l.*
from finance.finance_line l
join finance.finance_import i on i.id = l.import_id
where i.undone_at is null
  and i.id = (select max(i2.id) from finance.finance_import i2
              where i2.tenant_id = l.tenant_id and i2.undone_at is null and l.fiscal_year = any (i2.fiscal_years));
