package be.obmi.opendata;

import java.io.InputStream;

/**
 * Reads a cube from one format. Never returns a partial cube: any problem gives an
 * {@link OpenDataFormatException} naming where and why (as a message code), and no other
 * exception escapes.
 */
public interface CubeReader {

	Cube read(InputStream in);

}
