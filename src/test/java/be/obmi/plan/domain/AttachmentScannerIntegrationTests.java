package be.obmi.plan.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import be.obmi.audit.AuditTrail;
import be.obmi.plan.AttachmentScanner;
import be.obmi.shared.RefusedValueException;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The virus-scan hook (Leuven): the application has the no-op scanner, which passes a
 * file; a scanner that finds something refuses the file and nothing is stored; a closed
 * round takes no attachment.
 */
@ObmiIntegrationTest
class AttachmentScannerIntegrationTests {

	@Autowired
	Tenants tenants;

	@Autowired
	Plans plans;

	@Autowired
	PlanItems items;

	@Autowired
	StatusRounds rounds;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Autowired
	List<AttachmentScanner> scanners;

	@Autowired
	UpdateAttachments attachments;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aScannerThatFindsSomethingRefusesTheFile() {
		assertThat(scanners).singleElement().isInstanceOf(NoAttachmentScan.class);
		Tenant tenant = tenants.require("leuven");
		Plan plan = plans.current(tenant).orElseThrow();
		PlanItem action = items.all(plan).stream().filter(i -> i.type() == ItemType.AC).findFirst().orElseThrow();
		StatusRound round = rounds.open(tenant, plan, "Scanronde", LocalDate.now().minusDays(1),
				LocalDate.now().plusDays(5), StatusRound.Scope.SELECTION, List.of(action.id()), "redacteur.leuven");
		StatusUpdate update = rounds.save(tenant, round.id(), action.id(),
				new StatusUpdateForm(ItemStatus.OP_SCHEMA, 10, null, null, null, -1), false, "redacteur.leuven");
		byte[] eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
			.getBytes(StandardCharsets.US_ASCII);
		AttachmentScanner clam = (name, content) -> new String(content, StandardCharsets.US_ASCII).contains("EICAR")
				? AttachmentScanner.Verdict.refused("Eicar-Signature") : AttachmentScanner.Verdict.passed();
		UpdateAttachments scanned = new UpdateAttachments(jdbc, audit, List.of(new NoAttachmentScan(), clam),
				DataSize.ofMegabytes(10));

		assertThatThrownBy(() -> transaction
			.executeWithoutResult(s -> scanned.attach(tenant, update.id(), "eicar.txt", eicar, "redacteur.leuven")))
			.isInstanceOf(RefusedValueException.class)
			.hasMessageContaining("virusscan");
		assertThat(transaction
			.execute(s -> scanned.attach(tenant, update.id(), "nota.txt",
					"Gewoon tekst.".getBytes(StandardCharsets.UTF_8), "redacteur.leuven"))
			.filename()).isEqualTo("nota.txt");
		assertThat(attachments.of(tenant, update.id())).extracting(UpdateAttachments.Attachment::filename)
			.containsExactly("nota.txt");

		rounds.close(tenant, round.id());
		assertThatThrownBy(() -> attachments.attach(tenant, update.id(), "laat.txt",
				"Te laat.".getBytes(StandardCharsets.UTF_8), "redacteur.leuven"))
			.isInstanceOf(IllegalStateException.class);
	}

}
