package be.obmi.platform.cluster;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import be.obmi.shared.ReadRouting;

import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The application's data source when a read replica is configured: the primary, except
 * for the reads of an anonymous request of a public route ({@link ReadRouting}) outside a
 * transaction or in a read-only one, while the {@link ReplicaState replica is usable}.
 * Wrapped in Spring's {@code LazyConnectionDataSourceProxy}, so the choice is made at the
 * first statement, when the transaction's read-only flag is known. A replica that cannot
 * give a connection is marked down and the primary is used at once.
 */
class ReplicaRoutingDataSource extends AbstractDataSource {

	private final DataSource primary;

	private final ReplicaState state;

	ReplicaRoutingDataSource(DataSource primary, ReplicaState state) {
		this.primary = primary;
		this.state = state;
	}

	@Override
	public Connection getConnection() throws SQLException {
		if (toReplica()) {
			try {
				return state.replica().getConnection();
			}
			catch (SQLException | RuntimeException ex) {
				state.failed(ex);
			}
		}
		return primary.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return primary.getConnection(username, password);
	}

	private boolean toReplica() {
		return ReadRouting.replicaAllowed() && state.usable()
				&& (!TransactionSynchronizationManager.isActualTransactionActive()
						|| TransactionSynchronizationManager.isCurrentTransactionReadOnly());
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T unwrap(Class<T> iface) throws SQLException {
		if (iface.isInstance(this)) {
			return (T) this;
		}
		return primary.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return iface.isInstance(this) || primary.isWrapperFor(iface);
	}

}
