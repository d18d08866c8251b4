package be.obmi.privacy;

import java.util.UUID;

import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Processing activities for the DPIA tests, written straight into the register's tables
 * (part P1 owns the register's pages and services), each under a name of its own.
 */
final class DpiaTestData {

	private DpiaTestData() {
	}

	/** A new activity of the tenant; returns its id. */
	static long activity(JdbcClient jdbc, Tenant tenant, String name) {
		long id = jdbc.sql("insert into privacy.processing_activity (tenant_id) values (?) returning id")
			.param(tenant.id())
			.query(Long.class)
			.single();
		jdbc.sql("""
				insert into privacy.activity_version (activity_id, number, content, created_by)
				values (?, 1, cast(? as jsonb), 'test')""")
			.params(id, "{\"name\": \"" + name + "\", \"purpose\": \"Test\"}")
			.update();
		return id;
	}

	static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

}
