-- When an indicator's definition last changed (publication, threshold, name, …): with the import history it gives the
-- open data API's Last-Modified. A trigger keeps it current for every update path.
alter table stats.indicator add column modified_at timestamptz not null default clock_timestamp();

create function stats.touch_modified_at() returns trigger language plpgsql as $$
begin
    new.modified_at := clock_timestamp();
    return new;
end
$$;

create trigger indicator_modified_at before update on stats.indicator
    for each row execute function stats.touch_modified_at();

-- the latest change of a scope's observations, read on every conditional API request
create index import_batch_scope_time on stats.import_batch (coalesce(tenant_id, 0), imported_at);
