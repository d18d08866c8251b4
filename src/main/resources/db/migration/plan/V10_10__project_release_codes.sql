-- Projects and releases in the plan file (docs/formats/plan-import.md, rows PR and RL): each has a code, unique per
-- tenant, by which a re-import finds it. Existing rows, and rows added on the item page, get PR<id> or RL<id>.

alter table plan.project add column code varchar(60);
alter table plan.release add column code varchar(60);
update plan.project set code = 'PR' || id;
update plan.release set code = 'RL' || id;
create unique index project_code on plan.project (tenant_id, code);
create unique index release_code on plan.release (tenant_id, code);

create function plan.default_work_code() returns trigger language plpgsql as $$
begin
    new.code := coalesce(new.code, tg_argv[0] || new.id);
    return new;
end $$;
create trigger project_code before insert on plan.project for each row execute function plan.default_work_code('PR');
create trigger release_code before insert on plan.release for each row execute function plan.default_work_code('RL');

alter table plan.plan_version add column work_changes integer not null default 0;
comment on column plan.plan_version.work_changes is 'How many projects and releases the import created or changed; such an import cannot be undone (PlanImportUndo refuses it).';
