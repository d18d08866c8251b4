package be.obmi.opendata;

/**
 * The EU data themes (Publications Office authority table {@code data-theme}) that
 * DCAT-AP asks for in {@code dcat:theme}, with Dutch and English labels for
 * {@code skos:prefLabel} (after the labels of the authority table).
 */
public enum DataTheme {

	AGRI("Landbouw, visserij, bosbouw en voeding", "Agriculture, fisheries, forestry and food"),
	ECON("Economie en financiën", "Economy and finance"),
	EDUC("Onderwijs, cultuur en sport", "Education, culture and sport"), ENER("Energie", "Energy"),
	ENVI("Milieu", "Environment"), GOVE("Overheid en publieke sector", "Government and public sector"),
	HEAL("Gezondheid", "Health"), INTR("Internationale vraagstukken", "International issues"),
	JUST("Justitie, rechtsstelsel en openbare veiligheid", "Justice, legal system and public safety"),
	REGI("Regio's en steden", "Regions and cities"), SOCI("Bevolking en samenleving", "Population and society"),
	TECH("Wetenschap en technologie", "Science and technology"), TRAN("Vervoer", "Transport");

	public static final String SCHEME = "http://publications.europa.eu/resource/authority/data-theme";

	private final LocalizedText label;

	DataTheme(String dutch, String english) {
		this.label = LocalizedText.of(dutch, english);
	}

	public String uri() {
		return SCHEME + "/" + name();
	}

	public LocalizedText label() {
		return this.label;
	}

}
