package be.obmi.opendata;

/**
 * The formats that {@link OpenDataFormats#detect(byte[])} recognises from a file's first
 * bytes.
 */
public enum OpenDataFormat {

	PX, JSON_STAT, SDMX_CSV, OTHER

}
