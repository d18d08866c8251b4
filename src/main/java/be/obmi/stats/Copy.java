package be.obmi.stats;

import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * PostgreSQL {@code COPY … FROM STDIN} through pgjdbc's {@code CopyManager}, on the connection of the current
 * transaction. The driver is a runtime dependency, so its API is reached reflectively.
 */
final class Copy {

	private Copy() {
	}

	/** Rows as CSV text: fields separated by commas, null as an empty unquoted field. */
	static final class Rows {

		private final StringBuilder text = new StringBuilder(1 << 16);

		private boolean first = true;

		Rows add(Object value) {
			if (!first) {
				text.append(',');
			}
			first = false;
			if (value != null) {
				String s = value.toString();
				text.append('"').append(s.replace("\"", "\"\"")).append('"');
			}
			return this;
		}

		Rows end() {
			text.append('\n');
			first = true;
			return this;
		}

		String text() {
			return text.toString();
		}

		boolean isEmpty() {
			return text.isEmpty();
		}

	}

	/** Runs {@code COPY table (columns) FROM STDIN (FORMAT csv)} with the given CSV text; returns the row count. */
	static long in(DataSource dataSource, String tableAndColumns, Reader csv) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			Class<?> pgConnection = Class.forName("org.postgresql.PGConnection");
			Object pg = connection.unwrap(pgConnection);
			Object copyApi = pgConnection.getMethod("getCopyAPI").invoke(pg);
			Method copyIn = copyApi.getClass().getMethod("copyIn", String.class, Reader.class);
			return (Long) copyIn.invoke(copyApi, "COPY " + tableAndColumns + " FROM STDIN (FORMAT csv)", csv);
		}
		catch (java.lang.reflect.InvocationTargetException ex) {
			throw new IllegalStateException("COPY into " + tableAndColumns + " failed: " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (ReflectiveOperationException | SQLException ex) {
			throw new IllegalStateException("COPY into " + tableAndColumns + " failed", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	static long in(DataSource dataSource, String tableAndColumns, Rows rows) {
		return in(dataSource, tableAndColumns, new StringReader(rows.text()));
	}

}
