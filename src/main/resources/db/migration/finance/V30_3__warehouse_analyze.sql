-- Fresh planner statistics for the warehouse's bulk reads of finance's views (called before each rebuild).
create function finance.warehouse_analyze() returns void language plpgsql as $$
begin
  analyze finance.finance_line;
  analyze finance.finance_import;
end $$;
