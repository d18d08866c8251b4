package be.obmi.tenancy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
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
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("reference/gemeenten.csv").getInputStream(), StandardCharsets.UTF_8))) {
			reader.readLine();
			for (String line; (line = reader.readLine()) != null;) {
				String[] f = line.split(";", -1);
				list.add(new Municipality(f[0], f[1], f[2], f[3], Integer.parseInt(f[4])));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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
