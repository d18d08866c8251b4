package be.obmi.population;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fictitious residents of a city for tests and the benchmark — never real people: a
 * seeded population of households (1–5 members: singles, couples with or without
 * children, single parents) spread unevenly over the given sectors (some sectors get only
 * a handful, so disclosure control has cells to hide), written as a population-register
 * extract (docs/formats/population-register.md). {@link #second} moves the population one
 * snapshot on — households leaving the city (half of them listed as deregistered, half
 * simply gone), moving within it, deaths, births and arrivals — and returns the truth per
 * sector that the derived flows must equal.
 */
public final class ResidentGenerator {

	static final String HEADER = "persoon;geboortedatum;geslacht;nationaliteitsgroep;huishouden;huishoudtype;positie;"
			+ "straat;huisnummer;postcode;sector;inschrijving;burgerlijke_staat;afvoering;afvoeringsreden\n";

	/**
	 * The changes between two snapshots, per sector, as the derivation should count them.
	 */
	public record Truth(Map<String, Long> in, Map<String, Long> out, Map<String, Long> within, Map<String, Long> births,
			Map<String, Long> deaths) {

		long total(Map<String, Long> map) {
			return map.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/**
	 * A well-formed national register number (check digits right) for a birth date
	 * {@code yymmdd} and serial, to prove that the import refuses one; not a real
	 * person's.
	 */
	public static String nationalNumber(String yymmdd, String serial, boolean from2000) {
		long nine = Long.parseLong(yymmdd + serial);
		long check = 97 - ((from2000 ? 2_000_000_000L : 0) + nine) % 97;
		return yymmdd + serial + String.format("%02d", check);
	}

	private static final class Person {

		final String key;

		final LocalDate born;

		final String sex;

		String position;

		final String civil;

		final LocalDate registered;

		Person(String key, LocalDate born, String sex, String position, String civil, LocalDate registered) {
			this.key = key;
			this.born = born;
			this.sex = sex;
			this.position = position;
			this.civil = civil;
			this.registered = registered;
		}

	}

	private static final class Household {

		final String key;

		final String nationality;

		String sector;

		String street;

		int number;

		final List<Person> members = new ArrayList<>();

		Household(String key, String nationality) {
			this.key = key;
			this.nationality = nationality;
		}

		String type() {
			long adults = members.stream().filter(p -> !p.position.equals("kind")).count();
			long children = members.size() - adults;
			if (members.size() == 1) {
				return "alleenstaand";
			}
			if (adults >= 2) {
				return children > 0 ? "koppel-kinderen" : "koppel";
			}
			return children > 0 ? "eenouder" : "ander";
		}

	}

	private final Random random;

	private final List<String> sectors;

	private final double[] weights;

	private final String postcode;

	private final List<Household> households = new ArrayList<>();

	private int persons;

	private int householdCount;

	private int addressCount;

	public ResidentGenerator(long seed, List<String> sectors, String postcode) {
		this.random = new Random(seed);
		this.sectors = List.copyOf(sectors);
		this.postcode = postcode;
		// uneven: every seventh sector is tiny
		this.weights = new double[sectors.size()];
		double sum = 0;
		for (int i = 0; i < weights.length; i++) {
			weights[i] = i % 7 == 3 ? 0.02 : 0.5 + random.nextDouble();
			sum += weights[i];
		}
		double running = 0;
		for (int i = 0; i < weights.length; i++) {
			running += weights[i] / sum;
			weights[i] = running;
		}
	}

	/** Makes a population of about {@code residents} and writes it as of the date. */
	public void first(int residents, LocalDate date, Writer out) {
		int made = residents();
		while (made < residents) {
			Household h = household(date, 0);
			households.add(h);
			made += h.members.size();
		}
		write(date, out, List.of());
	}

	/** The residents now (in households). */
	public int residents() {
		return households.stream().mapToInt(h -> h.members.size()).sum();
	}

	/** The residents now per sector. */
	public Map<String, Long> residentsBySector() {
		Map<String, Long> counts = new HashMap<>();
		households.forEach(h -> counts.merge(h.sector, (long) h.members.size(), Long::sum));
		return counts;
	}

	/**
	 * Moves the population from {@code before} to {@code after}, writes the extract of
	 * {@code after} and returns the truth of the changes.
	 */
	public Truth second(LocalDate before, LocalDate after, Writer out) {
		Truth truth = new Truth(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
		List<String> deregistered = new ArrayList<>();
		int days = (int) ChronoUnit.DAYS.between(before, after);
		List<Household> staying = new ArrayList<>();
		int initial = households.size();
		for (Household h : households) {
			double r = random.nextDouble();
			if (r < 0.02) {
				truth.out().merge(h.sector, (long) h.members.size(), Long::sum);
				if (random.nextBoolean()) {
					LocalDate when = before.plusDays(1 + random.nextInt(days));
					h.members.forEach(p -> deregistered.add(row(h, p, when, "vertrek")));
				}
				continue;
			}
			if (r < 0.05) {
				h.sector = sector();
				address(h);
				truth.within().merge(h.sector, (long) h.members.size(), Long::sum);
			}
			else {
				for (Person p : List.copyOf(h.members)) {
					if (random.nextDouble() < 0.008) {
						h.members.remove(p);
						truth.deaths().merge(h.sector, 1L, Long::sum);
						deregistered.add(row(h, p, before.plusDays(1 + random.nextInt(days)), "overlijden"));
					}
				}
			}
			boolean mother = h.members.stream()
				.anyMatch(p -> p.sex.equals("V") && !p.position.equals("kind") && p.born.until(after).getYears() >= 18
						&& p.born.until(after).getYears() <= 45);
			if (mother && random.nextDouble() < 0.06) {
				LocalDate born = before.plusDays(1 + random.nextInt(days));
				h.members.add(new Person(key(), born, random.nextBoolean() ? "M" : "V", "kind", "ongehuwd", born));
				truth.births().merge(h.sector, 1L, Long::sum);
			}
			if (!h.members.isEmpty()) {
				staying.add(h);
			}
		}
		households.clear();
		households.addAll(staying);
		for (int i = 0; i < initial / 50; i++) {
			Household h = household(before, 1);
			households.add(h);
			truth.in().merge(h.sector, (long) h.members.size(), Long::sum);
		}
		write(after, out, deregistered);
		return truth;
	}

	private Household household(LocalDate date, int minimumAge) {
		double n = random.nextDouble();
		String nationality = n < 0.75 ? "BE" : n < 0.85 ? "EU" : "NEU";
		Household h = new Household("H" + String.format("%08d", ++householdCount), nationality);
		h.sector = sector();
		address(h);
		double s = random.nextDouble();
		int size = s < 0.35 ? 1 : s < 0.65 ? 2 : s < 0.80 ? 3 : s < 0.93 ? 4 : 5;
		boolean couple = size == 2 ? random.nextDouble() < 0.7 : size > 2 && random.nextDouble() < 0.8;
		int adultAge = size == 1 ? 20 + random.nextInt(76) : 25 + random.nextInt(40);
		String civil = couple && random.nextBoolean() ? "gehuwd" : "ongehuwd";
		h.members.add(person(date, adultAge, random.nextBoolean() ? "M" : "V", "referentiepersoon",
				size == 1 ? single() : civil));
		if (couple) {
			h.members.add(person(date, Math.max(20, adultAge - 5 + random.nextInt(10)),
					h.members.get(0).sex.equals("M") ? "V" : "M", "partner", civil));
		}
		while (h.members.size() < size) {
			int age = Math.max(minimumAge, random.nextInt(Math.max(1, Math.min(24, adultAge - 19))));
			h.members.add(person(date, age, random.nextBoolean() ? "M" : "V", "kind", "ongehuwd"));
		}
		return h;
	}

	private String single() {
		double c = random.nextDouble();
		return c < 0.5 ? "ongehuwd" : c < 0.75 ? "gescheiden" : c < 0.95 ? "verweduwd" : "feitelijk-gescheiden";
	}

	private Person person(LocalDate date, int age, String sex, String position, String civil) {
		LocalDate born = date.minusYears(age).minusDays(1 + random.nextInt(364));
		LocalDate registered = born.plusDays(random.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(born, date))));
		return new Person(key(), born, sex, position, civil, registered);
	}

	private String key() {
		return "P" + String.format("%08d", ++persons);
	}

	private void address(Household h) {
		h.street = "Proefstraat " + h.sector.substring(5);
		h.number = ++addressCount;
	}

	private String sector() {
		double r = random.nextDouble();
		for (int i = 0; i < weights.length; i++) {
			if (r < weights[i]) {
				return sectors.get(i);
			}
		}
		return sectors.get(sectors.size() - 1);
	}

	private String row(Household h, Person p, LocalDate deregistered, String reason) {
		return String.join(";", p.key, p.born.toString(), p.sex, h.nationality, h.key, h.type(), p.position, h.street,
				String.valueOf(h.number), postcode, h.sector, p.registered.toString(), p.civil,
				deregistered == null ? "" : deregistered.toString(), reason == null ? "" : reason) + "\n";
	}

	private void write(LocalDate date, Writer out, List<String> deregistered) {
		try {
			out.write(HEADER);
			for (Household h : households) {
				for (Person p : h.members) {
					out.write(row(h, p, null, null));
				}
			}
			for (String row : deregistered) {
				out.write(row);
			}
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
