package be.obmi.plan;

/**
 * Checks a file before it is attached to a status update, e.g. for viruses. Every bean of
 * this type is asked; a file any of them does not pass is refused and not stored. The
 * plan module registers one that passes everything; to scan with ClamAV, declare a bean
 * that sends the bytes to clamd ({@code INSTREAM}) and answers with its finding (see
 * docs/modules/plan.md, Attachments).
 */
public interface AttachmentScanner {

	/**
	 * The verdict on one file. Must not be null; should not throw (a scanner that cannot
	 * reach its engine answers {@link Verdict#refused} so nothing unscanned is stored).
	 */
	Verdict scan(String filename, byte[] content);

	/** Whether the file may be stored; {@code finding} says why not (for the log). */
	record Verdict(boolean clean, String finding) {

		public static Verdict passed() {
			return new Verdict(true, null);
		}

		public static Verdict refused(String finding) {
			return new Verdict(false, finding);
		}

	}

}
