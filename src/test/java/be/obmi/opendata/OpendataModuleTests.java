package be.obmi.opendata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import be.obmi.audit.DataGenerations;
import be.obmi.tenancy.Municipalities;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The opendata module alone ({@code STANDALONE}: it depends on nothing but shared) with
 * its one bean, {@link OpenDataFormats}: a table of a statistics office detected, read,
 * and written again in another format, and a file of no known format refused.
 * <p>
 * Opendata uses no database, but the application's auto-configuration (JDBC, Flyway, the
 * event publication registry) needs a {@code DataSource}, which is configured in platform
 * ({@code EmbeddedPostgresConfiguration}). Spring Modulith drops the bean definitions of
 * modules that are not bootstrapped, so platform is an extra include, and the beans
 * platform needs from tenancy and audit ({@link Tenants}, {@link Municipalities},
 * {@link DataGenerations}) are mocked: opendata must not depend on them.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.STANDALONE, extraIncludes = "platform")
@ActiveProfiles("test")
@MockitoBean(types = { Tenants.class, Municipalities.class, DataGenerations.class })
class OpendataModuleTests {

	@Autowired
	OpenDataFormats formats;

	@Test
	void aPxTableIsDetectedReadAndWrittenAsJsonStatWithTheSameCells() throws IOException {
		byte[] px;
		try (InputStream in = OpendataModuleTests.class.getResourceAsStream("/px/TAB003.px")) {
			px = in.readAllBytes();
		}
		OpenDataFormat format = OpenDataFormats.detect(px);
		assertThat(format).isEqualTo(OpenDataFormat.PX);
		Cube table = formats.reader(format).read(new ByteArrayInputStream(px));
		assertThat(table.id()).isEqualTo("TAB003");
		assertThat(table.dimensions()).extracting(Dimension::id)
			.containsExactly("TREATMENT_CAT", "WASTE_CAT", "ContentsCode", "TIME");

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		CubeWriter writer = formats.writer("jsonstat", "en");
		writer.write(table, out);
		assertThat(writer.mediaType()).startsWith("application/json");
		byte[] json = out.toByteArray();
		assertThat(OpenDataFormats.detect(json)).isEqualTo(OpenDataFormat.JSON_STAT);
		Cube again = formats.reader(OpenDataFormat.JSON_STAT).read(new ByteArrayInputStream(json));
		assertThat(again.dimensions()).extracting(Dimension::size).containsExactly(9, 34, 2, 4);
		assertThat(cells(again)).isEqualTo(cells(table));
	}

	@Test
	void aFileOfNoKnownFormatIsRefusedWithAReason() {
		byte[] csv = "indicator;gebied;periode;waarde\n".getBytes();
		assertThat(OpenDataFormats.detect(csv)).isEqualTo(OpenDataFormat.OTHER);
		assertThatThrownBy(() -> formats.reader(OpenDataFormat.OTHER)).isInstanceOf(OpenDataFormatException.class);
		assertThatThrownBy(() -> formats.writer("pdf", "nl")).isInstanceOf(IllegalArgumentException.class);
	}

	private static List<Cell> cells(Cube cube) {
		List<Cell> all = new ArrayList<>();
		cube.cells().forEach(all::add);
		return all;
	}

}
