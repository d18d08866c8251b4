package be.obmi.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @Scheduled} job that must run on every application instance, because it
 * works on that instance's own memory (a counter flushed to the database, the replica's
 * health as this instance sees it). Every other {@code @Scheduled} job carries ShedLock's
 * {@code @SchedulerLock}, so one instance runs it ({@code ArchitectureTests},
 * {@code docs/development.md}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EveryInstance {

	/** Why this job runs on every instance. */
	String value();

}
