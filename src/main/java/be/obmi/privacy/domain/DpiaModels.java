package be.obmi.privacy.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DPIA models a DPIA can start from: the general model (the CNIL method) and the
 * smart-city model (cameras, sensors, data platforms), kept as reference data in
 * {@code privacy.dpia_model} by migration {@code V60_20}.
 */
@Service
public class DpiaModels {

	public static final String GENERAL = "ALGEMEEN";

	public static final String SMART_CITY = "SMART_CITY";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	DpiaModels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Row(String code, String criteria, String risks, String measures) {
	}

	/** Every model, in their order. Never null. */
	@Transactional(readOnly = true)
	public List<DpiaModel> all() {
		return jdbc.sql(
				"select code, array_to_string(criteria, ',') as criteria, risks::text as risks, measures::text as measures from privacy.dpia_model order by sort_order, code")
			.query(Row.class)
			.list()
			.stream()
			.map(DpiaModels::model)
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<DpiaModel> byCode(String code) {
		return all().stream().filter(m -> m.code().equals(code)).findFirst();
	}

	private static DpiaModel model(Row row) {
		return new DpiaModel(row.code(),
				Arrays.stream(row.criteria().split(","))
					.filter(c -> !c.isBlank())
					.map(Wp248Criterion::valueOf)
					.toList(),
				List.of(JSON.readValue(row.risks(), DpiaModel.Risk[].class)),
				List.of(JSON.readValue(row.measures(), DpiaModel.Measure[].class)));
	}

}
