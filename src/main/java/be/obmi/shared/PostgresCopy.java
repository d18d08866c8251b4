package be.obmi.shared;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * PostgreSQL {@code COPY … FROM STDIN} through pgjdbc's {@code CopyManager}, on the
 * connection of the current transaction or one the caller holds: the bulk load of the
 * statistics imports and reference data and of the warehouse.
 */
public final class PostgresCopy {

	private PostgresCopy() {
	}

	/** Rows as CSV text: fields separated by commas, null as an empty unquoted field. */
	public static final class Rows {

		private final StringBuilder text = new StringBuilder(1 << 16);

		private boolean first = true;

		public Rows add(Object value) {
			if (!first) {
				text.append(',');
			}
			first = false;
			if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
				text.append(value);
			}
			else if (value != null) {
				String s = value.toString();
				if (plain(s)) {
					text.append(s);
				}
				else {
					text.append('"').append(s.replace("\"", "\"\"")).append('"');
				}
			}
			return this;
		}

		/**
		 * Whether a text can go unquoted: not empty (that would be null), no separator,
		 * quote or line break.
		 */
		private static boolean plain(String s) {
			if (s.isEmpty()) {
				return false;
			}
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == '\\') {
					return false;
				}
			}
			return true;
		}

		public Rows end() {
			text.append('\n');
			first = true;
			return this;
		}

		public String text() {
			return text.toString();
		}

		public boolean isEmpty() {
			return text.isEmpty();
		}

	}

	/**
	 * Runs {@code COPY table (columns) FROM STDIN (FORMAT csv)} with the given CSV text;
	 * returns the row count.
	 */
	public static long in(DataSource dataSource, String tableAndColumns, Reader csv) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return in(connection, tableAndColumns, csv);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** The same on a connection the caller holds (outside Spring's transactions). */
	public static long in(Connection connection, String tableAndColumns, Reader csv) {
		try {
			return connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY " + tableAndColumns + " FROM STDIN (FORMAT csv)", csv);
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("COPY into " + tableAndColumns + " failed: " + ex.getMessage(), ex);
		}
	}

	public static long in(Connection connection, String tableAndColumns, Rows rows) {
		return in(connection, tableAndColumns, new StringReader(rows.text()));
	}

	public static long in(DataSource dataSource, String tableAndColumns, Rows rows) {
		return in(dataSource, tableAndColumns, new StringReader(rows.text()));
	}

	/**
	 * A COPY fed in chunks: rows are buffered as CSV text and sent every 256 KB, so any
	 * number of rows fits in bounded memory. Use inside a transaction; {@link #end()}
	 * returns the row count, {@link #cancel()} aborts.
	 */
	public static final class Stream {

		private final DataSource dataSource;

		private final Connection connection;

		private final CopyIn copyIn;

		private Rows rows = new Rows();

		public Stream(DataSource dataSource, String tableAndColumns) {
			this.dataSource = dataSource;
			this.connection = DataSourceUtils.getConnection(dataSource);
			try {
				this.copyIn = connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("COPY " + tableAndColumns + " FROM STDIN (FORMAT csv)");
			}
			catch (SQLException ex) {
				DataSourceUtils.releaseConnection(connection, dataSource);
				throw new IllegalStateException("COPY into " + tableAndColumns + " failed", ex);
			}
		}

		public Rows rows() {
			return rows;
		}

		/** Sends the buffered rows when there are enough of them. */
		public void flushIfFull() {
			if (rows.text.length() >= 1 << 18) {
				flush();
			}
		}

		private void flush() {
			if (rows.isEmpty()) {
				return;
			}
			byte[] bytes = rows.text().getBytes(StandardCharsets.UTF_8);
			try {
				copyIn.writeToCopy(bytes, 0, bytes.length);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("COPY failed", ex);
			}
			rows = new Rows();
		}

		public long end() {
			try {
				flush();
				return copyIn.endCopy();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("COPY failed", ex);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, dataSource);
			}
		}

		public void cancel() {
			try {
				if (copyIn.isActive()) {
					copyIn.cancelCopy();
				}
			}
			catch (SQLException ex) {
				// the transaction is rolled back anyway
			}
			finally {
				DataSourceUtils.releaseConnection(connection, dataSource);
			}
		}

	}

}
