create schema if not exists identity;

create table identity.user_account (
    id              bigint generated always as identity primary key,
    username        varchar(100) not null,
    display_name    varchar(200) not null,
    email           varchar(254),
    password_hash   varchar(255) not null,
    platform_admin  boolean      not null default false,
    enabled         boolean      not null default true,
    demo            boolean      not null default false,
    failed_logins   integer      not null default 0,
    locked_until    timestamptz,
    last_login_at   timestamptz,
    created_at      timestamptz  not null default now(),
    version         integer      not null default 0
);
create unique index user_account_username_uk on identity.user_account (lower(username));

create table identity.membership (
    user_id    bigint      not null references identity.user_account (id) on delete cascade,
    tenant_id  bigint      not null references tenancy.tenant (id) on delete cascade,
    role       varchar(20) not null check (role in ('BEHEERDER', 'REDACTEUR', 'BIJDRAGER', 'LEZER')),
    primary key (user_id, tenant_id)
);
create index membership_tenant_idx on identity.membership (tenant_id);

create table identity.api_token (
    id           bigint generated always as identity primary key,
    user_id      bigint       not null references identity.user_account (id) on delete cascade,
    name         varchar(100) not null,
    token_prefix varchar(16)  not null,
    token_hash   char(64)     not null unique,
    created_at   timestamptz  not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user_idx on identity.api_token (user_id);
