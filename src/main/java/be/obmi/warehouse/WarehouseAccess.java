package be.obmi.warehouse;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Read-only access for BI tools. Role {@code obmi_bi_all} reads everything (the platform
 * operator, cross-city analysis); role {@code obmi_bi_<slug>} (e.g.
 * {@code obmi_bi_mechelen}) reads the shared data and that tenant's rows only, enforced
 * by row-level security on every table with a {@code tenant_key}. The roles cannot log
 * in: an operator creates a login role that is a member of one (docs/warehouse.md). Where
 * the application's database user may not create roles, this is logged and the warehouse
 * is built without them.
 */
@Component
class WarehouseAccess {

	private static final Logger log = LoggerFactory.getLogger(WarehouseAccess.class);

	static final String ALL = "obmi_bi_all";

	static final List<String> TENANT_TABLES = List.of("dim_plan_item", "dim_indicator", "fact_finance",
			"fact_status_update", "fact_measurement", "fact_observation");

	/**
	 * Creates the roles when missing and applies grants and row-level security to the
	 * schema being built.
	 */
	void prepare(Statement statement, String schema) throws SQLException {
		boolean roles = createRoles(statement, schema);
		if (!roles) {
			return;
		}
		statement.execute("grant usage on schema " + schema + " to " + ALL);
		statement.execute("grant select on all tables in schema " + schema + " to " + ALL);
		statement.execute("""
				do $$ declare r record; begin
				  for r in select 'obmi_bi_' || slug as role from %s.dim_tenant loop
				    execute format('grant usage on schema %s to %%I', r.role);
				    execute format('grant select on all tables in schema %s to %%I', r.role);
				  end loop;
				end $$""".formatted(schema, schema, schema));
		for (String table : TENANT_TABLES) {
			statement.execute("alter table " + schema + "." + table + " enable row level security");
			statement.execute(
					"""
							create policy bi_tenant on %s.%s for select using (
							    tenant_key is null
							    or pg_has_role(current_user, '%s', 'MEMBER')
							    or exists (select 1 from %s.dim_tenant d join pg_roles r on r.rolname = 'obmi_bi_' || d.slug
							               where d.tenant_key = %s.tenant_key and pg_has_role(current_user, r.oid, 'MEMBER')))"""
						.formatted(schema, table, ALL, schema, table));
		}
	}

	private boolean createRoles(Statement statement, String schema) {
		try {
			statement.execute("""
					do $$ declare r record; begin
					  if not exists (select 1 from pg_roles where rolname = '%s') then
					    create role %s nologin;
					  end if;
					  for r in select 'obmi_bi_' || slug as role from %s.dim_tenant loop
					    if not exists (select 1 from pg_roles where rolname = r.role) then
					      execute format('create role %%I nologin', r.role);
					    end if;
					  end loop;
					end $$""".formatted(ALL, ALL, schema));
			return true;
		}
		catch (SQLException ex) {
			log.warn("BI roles could not be created ({}); the warehouse is built without read-only roles",
					ex.getMessage());
			return false;
		}
	}

}
