package be.obmi.buildings.gap;

/**
 * The register gap of one process (or, {@code processCode} null, all processes) of a
 * city: how many records are linked to a building unit, only to an address, or to
 * neither.
 */
public record GapLine(String processCode, int total, int buildingUnit, int addressOnly, int unlinked) {

	public double buildingUnitShare() {
		return share(buildingUnit);
	}

	public double addressOnlyShare() {
		return share(addressOnly);
	}

	public double unlinkedShare() {
		return share(unlinked);
	}

	/** Whether enough records to publish the shares ({@link RegisterGap#MIN_RECORDS}). */
	public boolean publishable() {
		return total >= RegisterGap.MIN_RECORDS;
	}

	private double share(int n) {
		return total == 0 ? 0 : Math.round(1000.0 * n / total) / 10.0;
	}

}
