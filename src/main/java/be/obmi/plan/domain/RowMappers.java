package be.obmi.plan.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.RowMapper;

/**
 * Hand-written row mappers for the rows read by the thousand (plan items, status
 * updates): reflective mapping costs more than the query on a plan with thousands of
 * actions.
 */
final class RowMappers {

	static final RowMapper<PlanItem> PLAN_ITEM = (rs, n) -> new PlanItem(rs.getLong("id"), rs.getLong("plan_id"),
			(Long) rs.getObject("parent_id", Long.class), ItemType.valueOf(rs.getString("type")), rs.getString("code"),
			rs.getString("title"), rs.getString("description"), rs.getBoolean("priority"), rs.getString("policy_field"),
			rs.getString("political_owner"), rs.getString("administrative_owner"), rs.getString("contributor"),
			date(rs, "start_date"), date(rs, "end_date"), rs.getString("tags"), rs.getString("wijk"),
			(Double) rs.getObject("latitude", Double.class), (Double) rs.getObject("longitude", Double.class),
			rs.getBigDecimal("weight"), rs.getInt("sort_order"), rs.getInt("version"));

	static final RowMapper<StatusUpdate> STATUS_UPDATE = (rs, n) -> new StatusUpdate(rs.getLong("id"),
			rs.getLong("round_id"), rs.getLong("item_id"), ItemStatus.valueOf(rs.getString("status")),
			rs.getInt("progress"), rs.getString("narrative"), rs.getString("bottlenecks"), rs.getString("next_steps"),
			UpdateState.valueOf(rs.getString("state")), rs.getString("remark"), rs.getString("author"),
			rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("approved_by"),
			rs.getObject("approved_at", OffsetDateTime.class), rs.getObject("published_at", OffsetDateTime.class),
			rs.getInt("version"), rs.getString("round_name"), date(rs, "reference_date"));

	private RowMappers() {
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

}
