package be.obmi.buildings;

import java.util.List;

import be.obmi.tenancy.Tenant;

/**
 * A module that keeps building-related records of its own (PIRK's objects, later) feeds
 * the register-gap indicator by providing a bean of this type; the indicator counts its
 * records beside the lists the cities import. Implementations must not depend on more
 * than this interface and {@link ProcessRecord}.
 */
public interface ProcessRecordSource {

	/** A short name of the source, for the indicator's page ({@code pirk}). */
	String name();

	/** The tenant's current records; empty when it has none. */
	List<ProcessRecord> records(Tenant tenant);

}
