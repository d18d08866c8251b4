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

	/**
	 * A COPY fed in chunks: rows are buffered as CSV text and sent every 256 KB, so any number of rows fits in bounded
	 * memory. Use inside a transaction; {@link #end()} returns the row count, {@link #cancel()} aborts.
	 */
	static final class Stream {

		private final DataSource dataSource;

		private final Connection connection;

		private final Object copyIn;

		private final Method write;

		private Rows rows = new Rows();

		Stream(DataSource dataSource, String tableAndColumns) {
			this.dataSource = dataSource;
			this.connection = DataSourceUtils.getConnection(dataSource);
			try {
				Class<?> pgConnection = Class.forName("org.postgresql.PGConnection");
				Object copyApi = pgConnection.getMethod("getCopyAPI").invoke(connection.unwrap(pgConnection));
				this.copyIn = copyApi.getClass().getMethod("copyIn", String.class)
					.invoke(copyApi, "COPY " + tableAndColumns + " FROM STDIN (FORMAT csv)");
				Class<?> copyInType = Class.forName("org.postgresql.copy.CopyIn");
				this.write = copyInType.getMethod("writeToCopy", byte[].class, int.class, int.class);
			}
			catch (ReflectiveOperationException | SQLException ex) {
				DataSourceUtils.releaseConnection(connection, dataSource);
				throw new IllegalStateException("COPY into " + tableAndColumns + " failed", ex);
			}
		}

		Rows rows() {
			return rows;
		}

		/** Sends the buffered rows when there are enough of them. */
		void flushIfFull() {
			if (rows.text.length() >= 1 << 18) {
				flush();
			}
		}

		private void flush() {
			if (rows.isEmpty()) {
				return;
			}
			byte[] bytes = rows.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
			try {
				write.invoke(copyIn, bytes, 0, bytes.length);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("COPY failed", ex.getCause() == null ? ex : ex.getCause());
			}
			rows = new Rows();
		}

		long end() {
			try {
				flush();
				Class<?> copyInType = Class.forName("org.postgresql.copy.CopyIn");
				return (Long) copyInType.getMethod("endCopy").invoke(copyIn);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("COPY failed", ex.getCause() == null ? ex : ex.getCause());
			}
			finally {
				DataSourceUtils.releaseConnection(connection, dataSource);
			}
		}

		void cancel() {
			try {
				Class<?> copyOperation = Class.forName("org.postgresql.copy.CopyOperation");
				if ((Boolean) copyOperation.getMethod("isActive").invoke(copyIn)) {
					copyOperation.getMethod("cancelCopy").invoke(copyIn);
				}
			}
			catch (ReflectiveOperationException ex) {
				// the transaction is rolled back anyway
			}
			finally {
				DataSourceUtils.releaseConnection(connection, dataSource);
			}
		}

	}

}
