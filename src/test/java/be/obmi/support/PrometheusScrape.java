package be.obmi.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code /actuator/prometheus} (Prometheus text exposition format), parsed:
 * every sample with its metric name, labels and value. Lookups sum the samples whose
 * labels include the given ones.
 */
public record PrometheusScrape(List<Sample> samples) {

	private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	public record Sample(String name, Map<String, String> labels, double value) {
	}

	public static PrometheusScrape parse(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			Matcher matcher = LINE.matcher(line.strip());
			if (!matcher.matches()) {
				throw new IllegalArgumentException("Not a Prometheus sample: " + line);
			}
			Map<String, String> labels = new LinkedHashMap<>();
			if (matcher.group(3) != null) {
				Matcher label = LABEL.matcher(matcher.group(3));
				while (label.find()) {
					labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
				}
			}
			samples.add(new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(4))));
		}
		return new PrometheusScrape(samples);
	}

	/**
	 * The sum of the samples of {@code name} whose labels include {@code labels} (pairs);
	 * 0 when there are none.
	 */
	public double sum(String name, String... labels) {
		return matching(name, labels).stream().mapToDouble(Sample::value).sum();
	}

	public List<Sample> matching(String name, String... labels) {
		return samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
			for (int i = 0; i < labels.length; i += 2) {
				if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
					return false;
				}
			}
			return true;
		}).toList();
	}

}
