package be.obmi.opendata;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a cube in one format. Implementations stream: memory does not grow with the
 * number of cells.
 */
public interface CubeWriter {

	/**
	 * Writes the cube; does not close the stream. Suppressed cells are written as a
	 * status, never as a value.
	 */
	void write(Cube cube, OutputStream out) throws IOException;

	/** The IANA media type of what {@link #write} produces. */
	String mediaType();

	/** The usual file extension, without dot. */
	String fileExtension();

}
