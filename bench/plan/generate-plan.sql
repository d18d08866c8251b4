-- Generates the benchmark plan for one tenant: 10 goals, 200 action plans, 2,000 actions (20 % priority),
-- 5,000 indicators with 6 yearly targets and 3 measurements each, 2,000 releases, and 3 status rounds
-- (two closed, one open) with an update for every action. __TENANT__ is replaced by the tenant id.
do $$
declare
    t bigint := __TENANT__;
    p bigint;
    r bigint;
    n integer := 0;
begin
    insert into plan.plan (tenant_id, name, start_year, end_year, current_version)
    values (t, 'Benchmarkplan 2026–2031', 2026, 2031, 1) returning id into p;

    insert into plan.plan_item (tenant_id, plan_id, type, code, title, description, policy_field, political_owner,
                                administrative_owner, start_date, end_date, sort_order)
    select t, p, 'BD', 'BD' || lpad(g::text, 2, '0'), 'Beleidsdoelstelling ' || g || ': een betere stad',
           'Omschrijving van beleidsdoelstelling ' || g, '0200', 'Schepen ' || g, 'Dienst ' || g,
           date '2026-01-01', date '2031-12-31', g * 10000
    from generate_series(1, 10) g;

    insert into plan.plan_item (tenant_id, plan_id, parent_id, type, code, title, policy_field, political_owner,
                                administrative_owner, sort_order)
    select t, p, bd.id, 'AP', bd.code || 'AP' || lpad(a::text, 2, '0'), 'Actieplan ' || a || ' van ' || bd.code,
           '0200', bd.political_owner, bd.administrative_owner, bd.sort_order + a * 100
    from plan.plan_item bd cross join generate_series(1, 20) a
    where bd.plan_id = p and bd.type = 'BD';

    insert into plan.plan_item (tenant_id, plan_id, parent_id, type, code, title, description, priority, policy_field,
                                political_owner, administrative_owner, start_date, end_date, sort_order)
    select t, p, ap.id, 'AC', ap.code || 'AC' || lpad(c::text, 2, '0'),
           'Actie ' || c || ' van ' || ap.code || ': uitvoering van het project in de wijk',
           'Een omschrijving van de actie met wat meer tekst over aanpak, partners en timing.', c in (1, 6), '0200',
           ap.political_owner, ap.administrative_owner, date '2026-01-01' + (c * 30), date '2028-12-31', ap.sort_order + c
    from plan.plan_item ap cross join generate_series(1, 10) c
    where ap.plan_id = p and ap.type = 'AP';

    update plan.plan_item ap set priority = true
    where ap.plan_id = p and ap.type = 'AP'
      and exists (select 1 from plan.plan_item ac where ac.parent_id = ap.id and ac.priority);
    update plan.plan_item bd set priority = true
    where bd.plan_id = p and bd.type = 'BD'
      and exists (select 1 from plan.plan_item ap where ap.parent_id = bd.id and ap.priority);

    insert into plan.indicator (tenant_id, item_id, code, name, kind, unit, direction, baseline)
    select t, ac.id, ac.code || '-I' || k, 'Indicator ' || k || ' van ' || ac.code,
           case k when 1 then 'OUTPUT' when 2 then 'EFFECT' else 'CONTEXT' end, '%', 'HIGHER', 40 + k
    from plan.plan_item ac cross join generate_series(1, 3) k
    where ac.plan_id = p and ac.type = 'AC' and (k < 3 or ac.sort_order % 2 = 0);

    insert into plan.indicator_target (tenant_id, indicator_id, year, target)
    select t, i.id, y, 40 + (y - 2025) * 3
    from plan.indicator i join plan.plan_item ac on ac.id = i.item_id cross join generate_series(2026, 2031) y
    where ac.plan_id = p;

    insert into plan.measurement (tenant_id, indicator_id, measured_on, value, source)
    select t, i.id, make_date(y, 6, 30), 40 + (y - 2023) * 2 + (i.id % 5), 'Stadsmonitor'
    from plan.indicator i join plan.plan_item ac on ac.id = i.item_id cross join generate_series(2024, 2026) y
    where ac.plan_id = p;

    insert into plan.release (tenant_id, item_id, title, planned_date, status)
    select t, ac.id, 'Oplevering ' || ac.code, date '2026-01-01' + (ac.id % 900)::integer, 'GEPLAND'
    from plan.plan_item ac where ac.plan_id = p and ac.type = 'AC';

    foreach n in array array[1, 2, 3] loop
        insert into plan.status_round (tenant_id, plan_id, name, reference_date, deadline, scope, state, opened_by)
        values (t, p, 'Benchmarkronde ' || n, date '2026-03-31' + n * 90, date '2026-04-30' + n * 90, 'ALL',
                case when n < 3 then 'CLOSED' else 'OPEN' end, 'bench') returning id into r;
        insert into plan.round_item (tenant_id, round_id, item_id)
        select t, r, ac.id from plan.plan_item ac where ac.plan_id = p and ac.type = 'AC';
        insert into plan.status_update (tenant_id, round_id, item_id, status, progress, narrative, bottlenecks, state, author)
        select t, r, ac.id,
               (array['OP_SCHEMA','OP_SCHEMA','OP_SCHEMA','VERTRAAGD','PROBLEEM','NIET_GESTART','AFGEROND'])[1 + (ac.id % 7)],
               least(100, n * 20 + (ac.id % 30)::integer), 'Toelichting bij ' || ac.code || ' in ronde ' || n,
               case when ac.id % 7 in (3, 4) then 'Een knelpunt bij ' || ac.code end,
               case when n < 3 then 'GEPUBLICEERD' else (array['CONCEPT','INGEDIEND','GOEDGEKEURD','GEPUBLICEERD'])[1 + (ac.id % 4)] end,
               'bench'
        from plan.plan_item ac where ac.plan_id = p and ac.type = 'AC';
    end loop;
end $$;
