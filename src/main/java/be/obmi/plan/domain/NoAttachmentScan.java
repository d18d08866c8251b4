package be.obmi.plan.domain;

import be.obmi.plan.AttachmentScanner;

import org.springframework.stereotype.Component;

/**
 * The default {@link AttachmentScanner}: passes every file (the type and size checks of
 * {@link UpdateAttachments} still apply). A real scanner is added as a further bean, not
 * in place of this one.
 */
@Component
class NoAttachmentScan implements AttachmentScanner {

	@Override
	public Verdict scan(String filename, byte[] content) {
		return Verdict.passed();
	}

}
