package be.obmi.rights.lpdc;

import java.util.List;

/**
 * What an LPDC import changed in the city's catalogue.
 *
 * @param skipped the titles of the instances not published to the Rechtenverkenner
 */
public record LpdcSummary(int created, int updated, int unchanged, int archived, List<String> skipped) {

}
