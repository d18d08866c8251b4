package be.obmi.buildings.domain;

/**
 * A fiche of the Schillenboek was created, saved or moved to another status, in the
 * transaction that publishes this.
 *
 * @param code the fiche's process code
 */
public record FicheChanged(String code) {

}
