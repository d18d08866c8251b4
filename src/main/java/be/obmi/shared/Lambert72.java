package be.obmi.shared;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Belgian Lambert 72 (EPSG:31370, metres) to WGS84 (EPSG:4326, degrees) with proj4j (its
 * EPSG definition with the datum shift to WGS84: about a metre, enough to match an entry
 * and to place it in a sector). One per import: a transform is not thread-safe. Used by
 * the PIRK register imports and the population register extracts.
 */
public final class Lambert72 {

	private static final CRSFactory CRS = new CRSFactory();

	private final CoordinateTransform transform;

	public Lambert72() {
		CoordinateReferenceSystem lambert = CRS.createFromName("EPSG:31370");
		CoordinateReferenceSystem wgs84 = CRS.createFromName("EPSG:4326");
		this.transform = new CoordinateTransformFactory().createTransform(lambert, wgs84);
	}

	/** The WGS84 longitude and latitude of a Lambert 72 x and y. */
	public double[] toWgs84(double x, double y) {
		ProjCoordinate out = new ProjCoordinate();
		transform.transform(new ProjCoordinate(x, y), out);
		return new double[] { out.x, out.y };
	}

	/** Whether a Lambert 72 x and y can lie in Belgium. */
	public static boolean plausible(double x, double y) {
		return x >= 0 && x <= 320_000 && y >= 0 && y <= 260_000;
	}

}
