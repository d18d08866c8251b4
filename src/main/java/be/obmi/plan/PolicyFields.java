package be.obmi.plan;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;

import org.springframework.stereotype.Component;

/**
 * The fixed BBC 2020 list of policy fields (from
 * {@code reference/bbc-beleidsvelden.csv}), for the plan module and the modules that
 * report per policy field (the warehouse).
 */
@Component
public class PolicyFields {

	private final Map<String, PolicyField> byCode = new LinkedHashMap<>();

	PolicyFields() {
		for (Table.Row row : TableReader.reference("reference/bbc-beleidsvelden.csv").rows()) {
			byCode.put(row.cell(0), new PolicyField(row.cell(0), row.cell(1), row.cell(2), row.cell(3)));
		}
	}

	public Optional<PolicyField> byCode(String code) {
		return Optional.ofNullable(code == null ? null : byCode.get(code));
	}

	public Collection<PolicyField> all() {
		return byCode.values();
	}

	/** The domains ("2 Zich verplaatsen en mobiliteit", …), in code order. */
	public List<String> domains() {
		return byCode.values().stream().map(PolicyField::domain).distinct().sorted().toList();
	}

}
