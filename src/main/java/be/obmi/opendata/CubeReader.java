package be.obmi.opendata;

import java.io.InputStream;

/**
 * Reads a cube from one format. Never returns a partial cube: any problem gives an
 * {@link OpenDataFormatException} with a Dutch message, and no other exception escapes.
 */
public interface CubeReader {

	Cube read(InputStream in);

}
