package be.obmi.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StreamUtils;

/**
 * The tenant-scoped tables of the warehouse as one SELECT each
 * ({@code warehouse/tenant-slices.sql}), shared by the full rebuild (all tenants, into
 * the staging schema) and the per-tenant catch-up (one tenant, into the live schema), so
 * the two can never drift apart.
 */
final class TenantSlices {

	/** In the order they must be filled: later slices join earlier ones. */
	static final Map<String, String> SLICES = load();

	private TenantSlices() {
	}

	/**
	 * The SELECT of one table.
	 * @param schema the schema its joins to other warehouse tables read
	 * ({@code warehouse_staging} or {@code warehouse})
	 * @param tenantId one tenant, or null for all
	 */
	static String select(String table, String schema, Long tenantId) {
		String sql = SLICES.get(table);
		if (sql == null) {
			throw new IllegalArgumentException("No warehouse slice " + table);
		}
		return sql.replace("{schema}", schema).replace("{tenant}", tenantId == null ? "null" : Long.toString(tenantId));
	}

	private static Map<String, String> load() {
		try {
			String text = StreamUtils.copyToString(
					new ClassPathResource("warehouse/tenant-slices.sql").getInputStream(), StandardCharsets.UTF_8);
			Map<String, String> slices = new LinkedHashMap<>();
			String[] blocks = text.split("(?m)^--; ");
			for (int i = 1; i < blocks.length; i++) {
				int newline = blocks[i].indexOf('\n');
				slices.put(blocks[i].substring(0, newline).strip(), blocks[i].substring(newline + 1).strip());
			}
			return Map.copyOf(slices);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
