package be.obmi.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.web.servlet.FlashMap;

/**
 * How session attributes are written to {@code identity.spring_session_attributes}: Java
 * serialisation, as Spring Session does by default, but an attribute that cannot be
 * serialised does not fail the request. A flash attribute (a message for the page after a
 * redirect) whose value is not {@link Serializable} is left out of the stored flash map
 * (with a warning naming it; the page after the redirect then misses that one message);
 * any other such attribute is stored as nothing. Before sessions moved to the database
 * (issue 22) nothing had to be serialisable; new session and flash attributes should be.
 */
final class SessionAttributeSerializer {

	private static final Logger log = LoggerFactory.getLogger(SessionAttributeSerializer.class);

	private SessionAttributeSerializer() {
	}

	/** The conversion service Spring Session's JDBC repository uses for attributes. */
	static ConversionService conversionService(ClassLoader classLoader) {
		GenericConversionService service = new GenericConversionService();
		service.addConverter(Object.class, byte[].class, SessionAttributeSerializer::serialize);
		DeserializingConverter deserializer = new DeserializingConverter(classLoader);
		service.addConverter(byte[].class, Object.class, deserializer::convert);
		return service;
	}

	static byte[] serialize(Object value) {
		try {
			return bytes(value);
		}
		catch (IOException ex) {
			Object kept = serialisablePart(value);
			log.warn("A session attribute of type {} is not serialisable ({}); stored without it",
					value.getClass().getName(), ex.getMessage());
			try {
				return bytes(kept);
			}
			catch (IOException again) {
				return nullBytes();
			}
		}
	}

	/** The flash maps with only their serialisable attributes; null for anything else. */
	private static Object serialisablePart(Object value) {
		if (!(value instanceof List<?> list)) {
			return null;
		}
		List<Object> kept = new ArrayList<>();
		for (Object element : list) {
			if (element instanceof FlashMap flash) {
				FlashMap copy = new FlashMap();
				copy.setTargetRequestPath(flash.getTargetRequestPath());
				copy.addTargetRequestParams(flash.getTargetRequestParams());
				copy.startExpirationPeriod(60);
				for (Map.Entry<String, Object> entry : flash.entrySet()) {
					if (serialisable(entry.getValue())) {
						copy.put(entry.getKey(), entry.getValue());
					}
				}
				kept.add(copy);
			}
			else if (serialisable(element)) {
				kept.add(element);
			}
		}
		return kept;
	}

	private static boolean serialisable(Object value) {
		try {
			bytes(value);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static byte[] bytes(Object value) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		try (ObjectOutputStream stream = new ObjectOutputStream(out)) {
			stream.writeObject(value);
		}
		return out.toByteArray();
	}

	private static byte[] nullBytes() {
		try {
			return bytes(null);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
