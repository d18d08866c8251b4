package be.obmi.shared;

/**
 * Domain code asked for something of a scope that is not there (an unknown dataset or
 * import, or one of another tenant): the platform answers 404 with the reason (the API as
 * {@code problem+json}, a page with the error page), without domain code depending on the
 * web layer.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String reason) {
		super(reason);
	}

}
