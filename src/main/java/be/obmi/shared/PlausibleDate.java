package be.obmi.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date a city's plan, round, measurement or report can have: from 1 January 1900 to 31
 * December 2200 (or none). Years outside it are typing errors (0001, 20266) that would
 * otherwise sort first or last everywhere.
 */
@Documented
@Constraint(validatedBy = PlausibleDate.Check.class)
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

	LocalDate FIRST = LocalDate.of(1900, 1, 1);

	LocalDate LAST = LocalDate.of(2200, 12, 31);

	String message() default "{field.date.range}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The check: {@code null} passes (a required date is {@code @NotNull} as well). */
	class Check implements ConstraintValidator<PlausibleDate, LocalDate> {

		@Override
		public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
			return value == null || (!value.isBefore(FIRST) && !value.isAfter(LAST));
		}

	}

}
