-- The platform's own tables for several instances on one database (issue 22, docs/operations.md "Several
-- instances").
create schema if not exists platform;

-- ShedLock (net.javacrumbs.shedlock, JDBC provider): a scheduled job runs on the instance that holds its row's lock;
-- lock_until is the database's time (usingDbTime), so the instances' clocks do not matter.
create table platform.shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);

-- The data generations of the caches (audit.DataGenerations) as the database knows them: every committed change moves
-- its scope on ('platform', 'any' or 't<tenant id>') and notifies the other instances (LISTEN/NOTIFY, channel
-- obmi_data_changed). An instance that missed a notification (its listening connection dropped) sees here that a
-- scope moved on and drops what it cached of it (platform.ClusterCacheInvalidation).
create table platform.cache_generation (
    scope      varchar(40) primary key,
    generation bigint      not null,
    changed_at timestamptz not null default now()
);
