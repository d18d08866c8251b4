package be.obmi.rights.catalogue;

import java.util.List;

import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;

/**
 * A publication refused because example households of the right do not get their expected
 * outcome (409), naming them.
 */
public class ExamplesFailedException extends RefusedStateException {

	private final transient List<ExampleResult> failing;

	public ExamplesFailedException(List<ExampleResult> failing) {
		super(Reason.of("rights.refused.examplesFail",
				String.join(", ", failing.stream().map(result -> result.example().name()).toList())));
		this.failing = List.copyOf(failing);
	}

	public List<ExampleResult> failing() {
		return failing;
	}

}
