package be.obmi.plan;

/** A BBC beleidsveld, e.g. {@code 0200 Wegen}, with its subdomain and domain. */
public record PolicyField(String code, String name, String subdomain, String domain) {

	public String label() {
		return code + " " + name;
	}

}
