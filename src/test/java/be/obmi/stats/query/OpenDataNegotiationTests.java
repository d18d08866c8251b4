package be.obmi.stats.query;

import org.junit.jupiter.api.Test;

import be.obmi.stats.query.OpenDataResponses.ExportFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The choice of an open data format from {@code ?format=} and {@code Accept}, with
 * quality values and versions.
 */
class OpenDataNegotiationTests {

	@Test
	void theParameterWinsOverAccept() {
		assertThat(OpenDataResponses.negotiate("px", "application/json")).isEqualTo(ExportFormat.PX);
		assertThat(OpenDataResponses.negotiate("SDMX", null)).isEqualTo(ExportFormat.SDMX_CSV);
		assertThat(OpenDataResponses.negotiate("csv-metadata", "text/csv")).isEqualTo(ExportFormat.CSVW);
		assertThatThrownBy(() -> OpenDataResponses.negotiate("zip", null)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Onbekend formaat 'zip'")
			.hasMessageContaining("sdmx-csv");
	}

	@Test
	void acceptIsReadWithQualityValuesAndSpecificity() {
		assertThat(OpenDataResponses.negotiate(null, null)).isEqualTo(ExportFormat.JSONSTAT);
		assertThat(OpenDataResponses.negotiate("", "*/*")).isEqualTo(ExportFormat.JSONSTAT);
		assertThat(OpenDataResponses.negotiate(null, "text/csv;q=0.4, text/x-pcaxis;q=0.9")).isEqualTo(ExportFormat.PX);
		assertThat(OpenDataResponses.negotiate(null, "*/*;q=0.1, application/csvm+json")).isEqualTo(ExportFormat.CSVW);
		assertThat(OpenDataResponses.negotiate(null, "text/*")).isEqualTo(ExportFormat.CSV);
		assertThat(OpenDataResponses.negotiate(null, "application/vnd.sdmx.data+csv")).isEqualTo(ExportFormat.SDMX_CSV);
		assertThat(OpenDataResponses.negotiate(null, "application/vnd.sdmx.data+csv; version=2.0.0"))
			.isEqualTo(ExportFormat.SDMX_CSV);
	}

	@Test
	void nothingAcceptableIsRefusedInDutch() {
		assertThatThrownBy(() -> OpenDataResponses.negotiate(null, "application/xml, text/csv;q=0"))
			.isInstanceOf(OpenDataResponses.NotAcceptable.class)
			.hasMessageContaining("Geen van de gevraagde mediatypes");
		assertThatThrownBy(() -> OpenDataResponses.negotiate(null, "application/vnd.sdmx.data+csv;version=1.0.0"))
			.isInstanceOf(OpenDataResponses.NotAcceptable.class);
		assertThatThrownBy(() -> OpenDataResponses.negotiate(null, "onzin///"))
			.isInstanceOf(OpenDataResponses.NotAcceptable.class)
			.hasMessageContaining("onleesbaar");
	}

}
