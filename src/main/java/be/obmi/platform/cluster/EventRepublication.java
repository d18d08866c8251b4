package be.obmi.platform.cluster;

import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Republishes the event publication registry's incomplete events (an event committed with
 * its change whose listener did not finish: the process died, or the listener failed) on
 * one instance only, instead of Spring Modulith's republication at every instance's start
 * ({@code republish-outstanding-events-on-restart} is off):
 * <ul>
 * <li>at start-up, under the lock {@code events.republish-at-start}, the events published
 * before this instance started: after a restart of the only instance they are the ones
 * the previous process left behind;</li>
 * <li>every minute, under ShedLock ({@code events.republish}), the events that are still
 * incomplete {@code obmi.events.republish-after} (5 min) after their publication: left
 * behind by an instance that died while the others went on.</li>
 * </ul>
 * With several instances an event another instance is still handling at that moment may
 * be handled twice; the listeners are idempotent (docs/faults.md).
 */
@Component
class EventRepublication {

	private static final Logger log = LoggerFactory.getLogger(EventRepublication.class);

	private final IncompleteEventPublications incomplete;

	private final LockProvider locks;

	private final Duration after;

	private final Instant started = Instant.now();

	EventRepublication(IncompleteEventPublications incomplete, LockProvider locks,
			@Value("${obmi.events.republish-after:5m}") Duration after) {
		this.incomplete = incomplete;
		this.locks = locks;
		this.after = after;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		locks
			.lock(new LockConfiguration(Instant.now(), "events.republish-at-start", Duration.ofMinutes(2),
					Duration.ZERO))
			.ifPresentOrElse(lock -> {
				try {
					incomplete.resubmitIncompletePublications(p -> p.getPublicationDate().isBefore(started));
				}
				finally {
					lock.unlock();
				}
			}, () -> log.info("Another instance republishes the incomplete events"));
	}

	@Scheduled(fixedDelayString = "${obmi.events.republish-check:PT1M}", initialDelayString = "PT1M")
	@SchedulerLock(name = "events.republish", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
	void leftBehind() {
		incomplete.resubmitIncompletePublicationsOlderThan(after);
	}

}
