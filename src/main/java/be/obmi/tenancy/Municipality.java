package be.obmi.tenancy;

/**
 * A Flemish or Brussels municipality from the reference list (NIS codes of 2019–2024).
 */
public record Municipality(String nisCode, String name, String province, String region, int inhabitants) {
}
