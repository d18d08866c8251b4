-- A tenant's multi-year plans are told apart by name (the plan switch, issue 13); two at once cannot take one name.
create unique index plan_tenant_name on plan.plan (tenant_id, lower(name));
