package be.obmi.tenancy;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No tenant has the requested slug; answered with 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class TenantNotFoundException extends RuntimeException {

	public TenantNotFoundException(String slug) {
		super("Onbekend bestuur: " + slug);
	}

}
