package be.obmi.opendata;

/**
 * Unit of measure of a category of a metric dimension, with the number of decimals to
 * show.
 */
public record CategoryUnit(LocalizedText label, int decimals) {
}
