package be.obmi.stats.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The reference areas, held in memory after the reference load (about 15,000 rows). */
@Component
public class Areas {

	private final JdbcClient jdbc;

	private volatile Snapshot snapshot;

	Areas(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Snapshot(Map<Long, Area> byId, Map<String, Area> byKey, Map<Long, List<Area>> children, String layout) {
	}

	public void reload() {
		List<Area> all = jdbc
			.sql("select id, level, code, name, parent_id, mapped from stats.area where valid_to is null")
			.query(Area.class)
			.list();
		Map<Long, Area> byId = new HashMap<>();
		Map<String, Area> byKey = new HashMap<>();
		Map<Long, List<Area>> children = new HashMap<>();
		for (Area area : all) {
			byId.put(area.id(), area);
			byKey.put(area.level() + ":" + area.code(), area);
			if (area.parentId() != null) {
				children.computeIfAbsent(area.parentId(), k -> new ArrayList<>()).add(area);
			}
		}
		children.values().forEach(list -> list.sort((a, b) -> a.code().compareTo(b.code())));
		snapshot = new Snapshot(byId, byKey, children, layout(all));
	}

	/** A hash of every area's id, level and parent: the same tree gives the same one. */
	private static String layout(List<Area> all) {
		List<Area> sorted = new ArrayList<>(all);
		sorted.sort(Comparator.comparingLong(Area::id));
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		for (Area area : sorted) {
			digest.update(
					(area.id() + ":" + area.level() + ":" + area.parentId() + "\n").getBytes(StandardCharsets.UTF_8));
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * A fingerprint of the area tree (every area's id, level and parent), equal on every
	 * instance that holds the same tree: what is derived from the tree can be keyed by
	 * it.
	 */
	public String layout() {
		return snapshot().layout();
	}

	private Snapshot snapshot() {
		if (snapshot == null) {
			reload();
		}
		return snapshot;
	}

	public Optional<Area> find(String level, String code) {
		return Optional.ofNullable(snapshot().byKey().get(level + ":" + code));
	}

	/**
	 * Looks a code up at every level, finest first (codes of different levels hardly ever
	 * collide).
	 */
	public Optional<Area> findAnyLevel(String code) {
		for (int i = Level.values().length - 1; i >= 0; i--) {
			Optional<Area> area = find(Level.values()[i].code(), code);
			if (area.isPresent()) {
				return area;
			}
		}
		return Optional.empty();
	}

	/** Every current area. */
	public Collection<Area> all() {
		return snapshot().byId().values();
	}

	public Area byId(long id) {
		return snapshot().byId().get(id);
	}

	public List<Area> children(long id) {
		return snapshot().children().getOrDefault(id, List.of());
	}

	public Optional<Area> parent(Area area) {
		return area.parentId() == null ? Optional.empty() : Optional.ofNullable(byId(area.parentId()));
	}

	/**
	 * All areas of a level, optionally only those inside {@code within} (itself
	 * included).
	 */
	public List<Area> atLevel(String level, Area within) {
		List<Area> result = new ArrayList<>();
		for (Area area : snapshot().byId().values()) {
			if (area.level().equals(level) && (within == null || isWithin(area, within))) {
				result.add(area);
			}
		}
		result.sort((a, b) -> a.code().compareTo(b.code()));
		return Collections.unmodifiableList(result);
	}

	public boolean isWithin(Area area, Area ancestor) {
		for (Area a = area; a != null; a = a.parentId() == null ? null : byId(a.parentId())) {
			if (a.id() == ancestor.id()) {
				return true;
			}
		}
		return false;
	}

	int count() {
		return snapshot().byId().size();
	}

}
