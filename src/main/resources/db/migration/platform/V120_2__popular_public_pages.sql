-- The most visited public pages (platform.PopularPublicPages, issue 20 goal 5, ADR 0018): saved every minute and at
-- shutdown, rendered into the public response cache at start before readiness turns to ACCEPTING_TRAFFIC, so the
-- first visitors after a restart hit the cache. Only what an anonymous request carries: path and query, the language
-- cookie and the request headers of the cache key (one "Name: value" per line).
create table platform.popular_public_page (
    rank     integer primary key,
    target   text    not null,
    language text    not null,
    headers  text    not null,
    visits   bigint  not null
);
