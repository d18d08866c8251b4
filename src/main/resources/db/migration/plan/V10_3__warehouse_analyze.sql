-- Fresh planner statistics for the warehouse's bulk reads of plan's views (called before each rebuild).
create function plan.warehouse_analyze() returns void language plpgsql as $$
begin
  analyze plan.plan_item;
  analyze plan.status_update;
  analyze plan.measurement;
end $$;
