package be.obmi.plan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.importing.PlanExport;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan export carries each item's published state after the plan's columns (round,
 * status, progress by the one roll-up rule and its basis), in CSV and XLSX; importing the
 * export again changes nothing: the import ignores those columns.
 */
@ObmiIntegrationTest
class PlanExportProgressIntegrationTests {

	static final String SLUG = "hasselt";

	static final String API = "/api/v1/" + SLUG + "/plan";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Plans plans;

	@Autowired
	PlanItems items;

	@Autowired
	StatusRounds rounds;

	PlanHttp redacteur() {
		return PlanHttp.as(port, "redacteur." + SLUG);
	}

	/**
	 * Item rows of the export (not projects and releases) by code, each as column name to
	 * value.
	 */
	static Map<String, Map<String, String>> byCode(List<List<String>> table) {
		List<String> header = table.getFirst();
		Map<String, Map<String, String>> rows = new HashMap<>();
		for (List<String> values : table.subList(1, table.size())) {
			Map<String, String> row = new HashMap<>();
			for (int c = 0; c < header.size(); c++) {
				row.put(header.get(c), c < values.size() ? values.get(c) : "");
			}
			if (!List.of("PR", "RL").contains(row.get("type"))) {
				rows.put(row.get("code"), row);
			}
		}
		return rows;
	}

	static List<List<String>> csv(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8).replace("\uFEFF", "");
		List<List<String>> table = new ArrayList<>();
		for (CsvRecord record : CsvReader.builder().fieldSeparator(';').ofCsvRecord(text)) {
			table.add(record.getFields());
		}
		return table;
	}

	static List<List<String>> xlsx(byte[] body) throws IOException {
		List<List<String>> table = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
			Sheet sheet = workbook.getSheetAt(0);
			int width = sheet.getRow(0).getLastCellNum();
			for (Row row : sheet) {
				List<String> values = new ArrayList<>();
				for (int c = 0; c < width; c++) {
					values.add(row.getCell(c) == null ? "" : row.getCell(c).getStringCellValue());
				}
				table.add(values);
			}
		}
		return table;
	}

	@Test
	void theExportHasThePublishedStateOfEveryItemInCsvAndXlsx() throws IOException {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		PlanTree tree = new PlanTree(items.all(plan), rounds.latest(plan, true));
		List<List<String>> csv = csv(redacteur().get(API + "/export?format=csv").body());
		List<List<String>> xlsx = xlsx(redacteur().get(API + "/export?format=xlsx").body());
		List<String> expectedHeader = new ArrayList<>(PlanExport.COLUMNS);
		expectedHeader.addAll(PlanExport.WORK_COLUMNS);
		expectedHeader.addAll(List.of("ronde", "status", "voortgang", "voortgang_basis"));
		assertThat(csv.getFirst()).isEqualTo(expectedHeader);
		assertThat(xlsx.getFirst()).isEqualTo(expectedHeader);
		for (Map<String, Map<String, String>> rows : List.of(byCode(csv), byCode(xlsx))) {
			assertThat(rows).hasSize(tree.flatten().size());
			int publishedActions = 0;
			for (PlanTree.Node node : tree.flatten()) {
				Map<String, String> row = rows.get(node.item().code());
				String code = node.item().code();
				assertThat(row.get("voortgang")).as(code)
					.isEqualTo(node.progress() == null ? "" : String.valueOf(node.progress()));
				assertThat(row.get("voortgang_basis")).as(code)
					.isEqualTo(node.countedActions() + " van " + node.actionCount());
				if (node.item().type() == ItemType.AC && node.published() != null) {
					publishedActions++;
					assertThat(row.get("ronde")).as(code).isEqualTo(node.published().roundName());
					assertThat(row.get("status")).as(code).isEqualTo(node.published().status().label());
				}
				else {
					assertThat(row.get("ronde")).as(code).isEmpty();
					assertThat(row.get("status")).as(code).isEmpty();
				}
			}
			assertThat(publishedActions).as("actions with a published update").isPositive();
		}
		Map<String, String> plan1 = byCode(csv).get(tree.roots().getFirst().item().code());
		assertThat(plan1.get("voortgang")).isNotEmpty();
	}

	@Test
	void theExportImportsAgainWithoutChanges() {
		JsonMapper json = JsonMapper.builder().build();
		for (String format : List.of("csv", "xlsx")) {
			HttpResponse<byte[]> export = redacteur().get(API + "/export?format=" + format);
			assertThat(export.statusCode()).isEqualTo(200);
			HttpResponse<byte[]> imported = redacteur().upload(API + "/import", "export." + format, export.body());
			assertThat(imported.statusCode()).as(new String(imported.body(), StandardCharsets.UTF_8)).isEqualTo(200);
			JsonNode summary = json.readTree(imported.body());
			assertThat(summary.get("created").asInt()).as(format).isZero();
			assertThat(summary.get("updated").asInt()).as(format).isZero();
			assertThat(summary.get("unchanged").asInt()).as(format).isEqualTo(summary.get("rows").asInt());
		}
	}

}
