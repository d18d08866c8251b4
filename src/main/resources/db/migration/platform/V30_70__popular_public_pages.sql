-- The most visited public pages (platform.PopularPublicPages, issue 20 goal 5, ADR 0018): saved every minute and at
-- shutdown, rendered into the public response cache at start before readiness turns to ACCEPTING_TRAFFIC, so the
-- first visitors after a restart hit the cache. Only what an anonymous request carries: path and query, the language
-- cookie and the request headers of the cache key (one "Name: value" per line).
-- The version was given as V30_70 (below the platform's V120_1): on a fresh database it runs first, so it creates the
-- schema itself (V120_1 says "if not exists").
create schema if not exists platform;

create table platform.popular_public_page (
    rank     integer primary key,
    target   text    not null,
    language text    not null,
    headers  text    not null,
    visits   bigint  not null
);
