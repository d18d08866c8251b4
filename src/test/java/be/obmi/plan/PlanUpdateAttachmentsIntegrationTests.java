package be.obmi.plan;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.StatusUpdate;
import be.obmi.plan.domain.StatusUpdateForm;
import be.obmi.plan.domain.UpdateAttachments;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attachments of a status update through the pages (Brugge): the contributor uploads a
 * PDF, which downloads as an attachment with its recognised type, {@code nosniff} and no
 * caching; a file whose bytes are not an allowed kind (HTML named .pdf, a script) or one
 * over the size limit is refused with a message and not stored; a lezer, another
 * bijdrager and another city's editor can neither download nor upload.
 */
@ObmiIntegrationTest
class PlanUpdateAttachmentsIntegrationTests {

	static final String SLUG = "brugge";

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

	@Autowired
	UpdateAttachments attachments;

	@Test
	void theContributorAttachesAPdfAndOnlyAllowedFilesAreStored() {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		PlanItem action = items.all(plan)
			.stream()
			.filter(i -> i.type() == ItemType.AC && "bijdrager.brugge".equals(i.contributor()))
			.findFirst()
			.orElseThrow();
		StatusRound round = rounds.open(tenant, plan, "Bijlagenronde", LocalDate.now().minusDays(1),
				LocalDate.now().plusDays(10), StatusRound.Scope.SELECTION, List.of(action.id()), "redacteur.brugge");
		StatusUpdate update = rounds.save(tenant, round.id(), action.id(),
				new StatusUpdateForm(ItemStatus.OP_SCHEMA, 20, "Met verslag.", null, null, -1), false,
				"bijdrager.brugge");
		String page = "/" + SLUG + "/plan/rondes/" + round.id() + "/items/" + action.id();
		PlanHttp contributor = PlanHttp.session(port, "bijdrager." + SLUG);
		byte[] pdf = "%PDF-1.4\n% een klein verslag\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

		assertThat(upload(contributor, page, "../../verslag fase 1.pdf", pdf).statusCode()).isEqualTo(302);
		assertThat(contributor.getText(page)).contains("De bijlage is toegevoegd.");
		assertThat(upload(contributor, page, "pagina.pdf",
				"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))
			.statusCode()).isEqualTo(302);
		assertThat(contributor.getText(page)).contains("Het bestand pagina.pdf is geen PDF");
		assertThat(upload(contributor, page, "script.js", "alert(1);".getBytes(StandardCharsets.UTF_8)).statusCode())
			.isEqualTo(302);
		assertThat(contributor.getText(page)).contains("Het bestand script.js is geen PDF");
		byte[] large = new byte[(int) attachments.maxSize().toBytes() + 1];
		Arrays.fill(large, (byte) 'a');
		assertThat(upload(contributor, page, "groot.txt", large).statusCode()).isEqualTo(302);
		assertThat(contributor.getText(page)).contains("Het bestand groot.txt is te groot: hoogstens 1 MB.");

		List<UpdateAttachments.Attachment> stored = attachments.of(tenant, update.id());
		assertThat(stored).singleElement().satisfies(a -> {
			assertThat(a.filename()).isEqualTo("verslag fase 1.pdf");
			assertThat(a.contentType()).isEqualTo("application/pdf");
			assertThat(a.uploadedBy()).isEqualTo("bijdrager.brugge");
		});
		String download = page + "/bijlagen/" + stored.getFirst().id();
		assertThat(contributor.getText(page)).contains("href=\"" + download + "\"");
		HttpResponse<byte[]> file = contributor.get(download);
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo(pdf);
		assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
			.contains("verslag");
		assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(file.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		assertThat(PlanHttp.session(port, "redacteur." + SLUG).get(download).statusCode()).isEqualTo(200);

		for (String stranger : List.of("lezer.brugge", "redacteur.gent")) {
			PlanHttp other = PlanHttp.session(port, stranger);
			assertThat(other.get(download).statusCode()).as(stranger).isIn(403, 404);
			assertThat(upload(other, page, "x.pdf", pdf).statusCode()).as(stranger).isIn(403, 404);
		}
		assertThat(attachments.of(tenant, update.id())).hasSize(1);
		assertThat(attachments.content(tenants.require("gent"), update.id(), stored.getFirst().id())).isEmpty();
	}

	static HttpResponse<byte[]> upload(PlanHttp http, String page, String filename, byte[] content) {
		return http.upload(page + "/bijlagen?_csrf=" + http.csrf("/account/meldingen"), filename, content);
	}

}
