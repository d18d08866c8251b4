package be.obmi.rights.lpdc;

import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

/**
 * An LPDC file refused as a whole (HTTP 422): not JSON-LD, or an instance it cannot take,
 * named by its URI with the property and the reason. Nothing was imported.
 */
public class LpdcRejectedException extends RefusedValueException {

	public LpdcRejectedException(Reason reason) {
		super(reason);
	}

}
