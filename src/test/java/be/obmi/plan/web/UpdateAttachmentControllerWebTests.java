package be.obmi.plan.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import be.obmi.identity.Role;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.UpdateAttachments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;

import static be.obmi.identity.WebUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static be.obmi.identity.WebUsers.member;
import static be.obmi.identity.WebUsers.withRoles;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attachments of an update: a download is a file to save, with its type, nosniff and no
 * caching; only the item's contributor and editors upload or download.
 */
@PlanWebTest
class UpdateAttachmentControllerWebTests extends PlanWebTestSupport {

	static final StatusRound ROUND = new StatusRound(20, PLAN.id(), "Voorjaar 2026", LocalDate.of(2026, 3, 31),
			LocalDate.of(2026, 4, 15), StatusRound.Scope.ALL, StatusRound.State.OPEN, null, null, "redacteur.mechelen",
			null, null, 2);

	static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final String PATH = "/mechelen/plan/rondes/20/items/111/bijlagen";

	@BeforeEach
	void anUpdateWithAnAttachment() {
		when(rounds.task(MECHELEN, 20, 111)).thenReturn(Optional.of(new StatusRounds.Task(ROUND, ACTION, UPDATE)));
		when(attachments.content(MECHELEN, UPDATE.id(), 9))
			.thenReturn(Optional.of(new UpdateAttachments.Content("verslag fase 1.pdf", "application/pdf", PDF)));
	}

	@Test
	void theContributorDownloadsTheFileAsAnAttachmentThatIsNotSniffedOrCached() throws Exception {
		mvc.perform(get(PATH + "/9").with(as(member("mechelen", Role.BIJDRAGER))))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andExpect(content().bytes(PDF))
			.andExpect(header().string("Content-Disposition", startsWith("attachment;")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Cache-Control", containsString("no-store")));
	}

	@Test
	void anotherContributorOrAReaderNeitherDownloadsNorUploads() throws Exception {
		var other = withRoles(77, "ander.mechelen", Map.of("mechelen", Role.BIJDRAGER));
		mvc.perform(get(PATH + "/9").with(as(other))).andExpect(status().isForbidden());
		mvc.perform(get(PATH + "/9").with(as(member("mechelen", Role.LEZER)))).andExpect(status().isForbidden());
		mvc.perform(multipart(PATH).file(new MockMultipartFile("file", "x.pdf", "application/pdf", PDF))
			.with(as(other))
			.with(csrf())).andExpect(status().isForbidden());
		verify(attachments, never()).attach(any(), anyLong(), anyString(), any(), anyString());
	}

	@Test
	void anUploadIsStoredUnderTheUploadersName() throws Exception {
		mvc.perform(multipart(PATH).file(new MockMultipartFile("file", "verslag.pdf", "text/html", PDF))
			.with(as(member("mechelen", Role.BIJDRAGER)))
			.with(csrf())).andExpect(redirectedUrl("/mechelen/plan/rondes/20/items/111#attachments"));
		verify(attachments).attach(MECHELEN, UPDATE.id(), "verslag.pdf", PDF, "bijdrager.mechelen");
	}

}
