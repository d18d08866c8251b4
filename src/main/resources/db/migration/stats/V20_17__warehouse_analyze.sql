-- Fresh planner statistics for the warehouse's bulk reads of stats' views (called before each rebuild).
create function stats.warehouse_analyze() returns void language plpgsql as $$
begin
  analyze stats.observation;
  analyze stats.area;
  analyze stats.area_ancestor;
  analyze stats.indicator;
end $$;
