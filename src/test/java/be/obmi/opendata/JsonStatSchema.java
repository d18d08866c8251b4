package be.obmi.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The json-stat.org JSON-stat 2.0 schema (src/test/resources/standards), validated with
 * networknt's validator.
 */
public final class JsonStatSchema {

	private static final JsonSchema SCHEMA;

	static {
		try (var in = JsonStatSchema.class.getResourceAsStream("/standards/json-stat-2.0-schema.json")) {
			SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private JsonStatSchema() {
	}

	public static Set<ValidationMessage> validate(String json) {
		return SCHEMA.validate(json, InputFormat.JSON);
	}

}
