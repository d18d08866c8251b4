package be.obmi.tenancy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;

import org.springframework.stereotype.Component;

/**
 * The 319 municipalities of Flanders and Brussels (2019–2024 layout), read once from
 * {@code reference/gemeenten.csv} (source: vandenbroucke/belgian_municipalities).
 */
@Component
public class Municipalities {

	private final List<Municipality> all;

	Municipalities() {
		List<Municipality> list = new ArrayList<>();
		for (Table.Row row : TableReader.reference("reference/gemeenten.csv").rows()) {
			list.add(new Municipality(row.cell(0), row.cell(1), row.cell(2), row.cell(3),
					Integer.parseInt(row.cell(4))));
		}
		list.sort(Comparator.comparing(Municipality::name));
		this.all = Collections.unmodifiableList(list);
	}

	/** Never returns null; sorted by name. */
	public List<Municipality> all() {
		return all;
	}

	public Optional<Municipality> byNisCode(String nisCode) {
		return all.stream().filter(m -> m.nisCode().equals(nisCode)).findFirst();
	}

}
