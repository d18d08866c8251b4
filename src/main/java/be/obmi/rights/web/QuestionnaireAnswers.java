package be.obmi.rights.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.obmi.rights.domain.Answers;
import be.obmi.rights.domain.Question;
import be.obmi.rights.domain.SocialStatute;

import org.springframework.util.MultiValueMap;

/**
 * The questionnaire's answers as form fields: each step posts the earlier answers again
 * (hidden fields), so nothing is kept on the server. Unreadable values count as not
 * answered.
 */
record QuestionnaireAnswers(Answers answers, Set<Question> answered, Map<String, List<String>> fields) {

	/** The fields of each question. */
	static final Map<Question, List<String>> FIELDS = Map.of(Question.RESIDENCE, List.of("gebied"), Question.AGE,
			List.of("leeftijd"), Question.HOUSEHOLD, List.of("gezin", "volwassenen", "kinderen", "alleenstaand"),
			Question.INCOME, List.of("inkomen"), Question.STATUTES, List.of("statuten", "statuut"), Question.HOUSING,
			List.of("woning"));

	/**
	 * The prefix of a residence located from a point: {@code PLAATS:<sector>;<wijk>}.
	 */
	static final String PLACE = "PLAATS:";

	static QuestionnaireAnswers parse(String nis, MultiValueMap<String, String> params) {
		Set<Question> answered = EnumSet.noneOf(Question.class);
		String wijk = null;
		String sector = null;
		String area = first(params, "gebied");
		if (area != null && area.length() <= 40) {
			answered.add(Question.RESIDENCE);
			if (area.startsWith(PLACE)) {
				// located from a point: the sector and the wijk that contain it ("-":
				// none)
				String[] parts = area.substring(PLACE.length()).split(";", -1);
				sector = parts[0].isEmpty() ? "-" : parts[0];
				wijk = parts.length < 2 || parts[1].isEmpty() ? "-" : parts[1];
			}
			else {
				wijk = area.startsWith("WIJK:") ? area.substring(5) : "-";
				sector = area.startsWith("SECTOR:") ? area.substring(7) : "-";
			}
		}
		Integer age = number(first(params, "leeftijd"), 0, 120);
		if (age != null) {
			answered.add(Question.AGE);
		}
		Integer adults = null;
		List<Integer> children = null;
		Boolean single = null;
		if ("1".equals(first(params, "gezin"))) {
			adults = number(first(params, "volwassenen"), 1, 20);
			children = ages(first(params, "kinderen"));
			if (adults != null && children != null) {
				answered.add(Question.HOUSEHOLD);
				single = children.isEmpty() ? Boolean.FALSE : "ja".equals(first(params, "alleenstaand"));
			}
			else {
				adults = null;
				children = null;
			}
		}
		Integer income = number(first(params, "inkomen"), 0, 10_000_000);
		if (income != null) {
			answered.add(Question.INCOME);
		}
		Map<SocialStatute, Boolean> statutes = new EnumMap<>(SocialStatute.class);
		if ("1".equals(first(params, "statuten"))) {
			answered.add(Question.STATUTES);
			List<String> chosen = params.getOrDefault("statuut", List.of());
			for (SocialStatute statute : SocialStatute.values()) {
				statutes.put(statute, chosen.contains(statute.name()));
			}
		}
		Answers.Housing housing = null;
		String living = first(params, "woning");
		for (Answers.Housing option : Answers.Housing.values()) {
			if (option.name().equals(living)) {
				housing = option;
				answered.add(Question.HOUSING);
			}
		}
		Map<String, List<String>> fields = new LinkedHashMap<>();
		for (Question question : answered) {
			for (String field : FIELDS.get(question)) {
				List<String> values = params.get(field);
				if (values != null) {
					fields.put(field, values.stream().filter(value -> value.length() <= 100).limit(20).toList());
				}
			}
		}
		Answers answers = new Answers(nis, wijk, sector, age, adults, children, single,
				income == null ? null : income.longValue(), statutes, housing);
		return new QuestionnaireAnswers(answers, answered, fields);
	}

	/** The hidden fields that carry the answers to every question but {@code asked}. */
	List<Map.Entry<String, String>> carried(Question asked) {
		List<Map.Entry<String, String>> carried = new ArrayList<>();
		List<String> own = asked == null ? List.of() : FIELDS.get(asked);
		fields.forEach((name, values) -> {
			if (!own.contains(name)) {
				values.forEach(value -> carried.add(Map.entry(name, value)));
			}
		});
		return carried;
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static Integer number(String text, int min, int max) {
		if (text == null || !text.matches("[0-9]{1,8}")) {
			return null;
		}
		int value = Integer.parseInt(text);
		return value < min || value > max ? null : value;
	}

	/** Children's ages as {@code 4, 9}; empty text: no children; null when unreadable. */
	private static List<Integer> ages(String text) {
		if (text == null || text.equals("0")) {
			return List.of();
		}
		List<Integer> ages = new ArrayList<>();
		for (String part : text.split("[,; ]+")) {
			Integer age = number(part, 0, 30);
			if (age == null || ages.size() >= 15) {
				return null;
			}
			ages.add(age);
		}
		return ages;
	}

}
