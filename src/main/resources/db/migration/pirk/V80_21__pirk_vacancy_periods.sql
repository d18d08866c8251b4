-- PIRK public aggregates (docs/modules/pirk-mobilisation-and-public.md): the periods in which an object was vacant,
-- kept by a trigger on pirk.real_estate whatever changes its vacancy class (register imports, the screening), so
-- the inflow, outflow, stock and duration per half-year can be counted afterwards. Vacant means ADMINISTRATIVE,
-- VERIFIED or PARTLY_VACANT (not SUSPECTED: a suspicion is no established vacancy).
create table pirk.vacancy_period (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references tenancy.tenant (id),
    real_estate_id bigint not null references pirk.real_estate (id) on delete cascade,
    started date not null,
    ended date,
    check (ended is null or ended >= started)
);
comment on table pirk.vacancy_period is 'A period in which an object was vacant (administrative, verified or partly vacant); ended is null while it lasts. Kept by the trigger pirk.track_vacancy.';
create unique index vacancy_period_open_ix on pirk.vacancy_period (real_estate_id) where ended is null;
create index vacancy_period_tenant_ix on pirk.vacancy_period (tenant_id, started);

create function pirk.track_vacancy() returns trigger language plpgsql as $$
declare
    was_vacant boolean := tg_op = 'UPDATE' and old.vacancy_class in ('ADMINISTRATIVE', 'VERIFIED', 'PARTLY_VACANT');
    is_vacant boolean := new.vacancy_class in ('ADMINISTRATIVE', 'VERIFIED', 'PARTLY_VACANT');
begin
    if is_vacant and not was_vacant then
        insert into pirk.vacancy_period (tenant_id, real_estate_id, started)
        values (new.tenant_id, new.id, least(coalesce(new.vacant_since, current_date), current_date));
    elsif was_vacant and not is_vacant then
        update pirk.vacancy_period set ended = greatest(started, current_date)
        where real_estate_id = new.id and ended is null;
    elsif is_vacant and was_vacant and new.vacant_since is distinct from old.vacant_since
          and new.vacant_since is not null then
        update pirk.vacancy_period set started = least(new.vacant_since, current_date)
        where real_estate_id = new.id and ended is null;
    end if;
    return new;
end $$;

create trigger real_estate_vacancy after insert or update of vacancy_class, vacant_since on pirk.real_estate
    for each row execute function pirk.track_vacancy();
