package be.obmi.identity;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.dao.DataAccessException;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.TransactionException;

/**
 * Sessions in PostgreSQL that survive an outage of the database on this instance: every
 * session read or saved is also kept as a copy in memory (bounded, idle ones expire), and
 * while the database cannot be reached the copy serves. So during an outage a visitor
 * keeps their session and CSRF token, and the login form can say that the database is the
 * problem (docs/faults.md) instead of answering 500. What changes during the outage stays
 * on this instance; when the database is back, its stored version counts again.
 */
@SuppressWarnings({ "rawtypes", "unchecked" })
class OutageTolerantSessions implements SessionRepository<Session> {

	private final SessionRepository database;

	private final MapSessionRepository copies;

	OutageTolerantSessions(JdbcIndexedSessionRepository database, Duration idle, long maximum) {
		this.database = database;
		this.copies = new MapSessionRepository(
				Caffeine.newBuilder().maximumSize(maximum).expireAfterAccess(idle).<String, Session>build().asMap());
		this.copies.setDefaultMaxInactiveInterval(idle);
	}

	@Override
	public Session createSession() {
		return database.createSession();
	}

	@Override
	public void save(Session session) {
		if (session instanceof MapSession copy) {
			copies.save(copy);
			return;
		}
		try {
			database.save(session);
		}
		catch (DataAccessException | TransactionException unreachable) {
			// kept below; the database's version counts again once it is back
		}
		copies.save(new MapSession(session));
	}

	@Override
	public Session findById(String id) {
		try {
			Session stored = (Session) database.findById(id);
			if (stored == null) {
				copies.deleteById(id);
			}
			else {
				copies.save(new MapSession(stored));
			}
			return stored;
		}
		catch (DataAccessException | TransactionException unreachable) {
			return copies.findById(id);
		}
	}

	@Override
	public void deleteById(String id) {
		copies.deleteById(id);
		try {
			database.deleteById(id);
		}
		catch (DataAccessException | TransactionException unreachable) {
			// expires in the database by itself
		}
	}

}
