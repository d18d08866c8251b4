package be.obmi.plan.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The fixed BBC 2020 list of policy fields (from
 * {@code reference/bbc-beleidsvelden.csv}).
 */
@Component
public class PolicyFields {

	private final Map<String, PolicyField> byCode = new LinkedHashMap<>();

	PolicyFields() {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("reference/bbc-beleidsvelden.csv").getInputStream(), StandardCharsets.UTF_8))) {
			reader.readLine();
			for (String line; (line = reader.readLine()) != null;) {
				String[] f = line.split(";", -1);
				byCode.put(f[0], new PolicyField(f[0], f[1], f[2], f[3]));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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
