package be.obmi.knowledge.news;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import be.obmi.knowledge.domain.RichText;

/**
 * The news as Atom 1.0 (RFC 4287) and RSS 2.0, written with a StAX writer so every text
 * is escaped. Links are absolute ({@code link} turns a path into one).
 */
public final class NewsFeeds {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private NewsFeeds() {
	}

	/** What the feed says about itself, in the reader's language. */
	public record Channel(String title, String description, String selfPath, String pagePath,
			Function<String, String> link) {
	}

	public static void atom(Channel channel, List<NewsItem> items, OutputStream out) {
		write(out, xml -> {
			xml.writeStartElement("feed");
			xml.writeDefaultNamespace(ATOM);
			text(xml, "title", channel.title());
			text(xml, "subtitle", channel.description());
			text(xml, "id", channel.link().apply(channel.selfPath()));
			link(xml, "self", channel.link().apply(channel.selfPath()));
			link(xml, "alternate", channel.link().apply(channel.pagePath()));
			text(xml, "updated",
					atomTime(items.stream().map(NewsFeeds::updated).max(Instant::compareTo).orElse(Instant.EPOCH)));
			for (NewsItem item : items) {
				xml.writeStartElement("entry");
				text(xml, "title", item.title());
				text(xml, "id", channel.link().apply(item.path()));
				link(xml, "alternate", channel.link().apply(item.path()));
				text(xml, "published", atomTime(item.publishedAt() == null ? updated(item) : item.publishedAt()));
				text(xml, "updated", atomTime(updated(item)));
				xml.writeStartElement("author");
				text(xml, "name", channel.title());
				xml.writeEndElement();
				text(xml, "summary", item.summary().isEmpty() ? RichText.plain(item.body()) : item.summary());
				for (String theme : item.themes()) {
					xml.writeEmptyElement("category");
					xml.writeAttribute("term", theme);
				}
				xml.writeEndElement();
			}
			xml.writeEndElement();
		});
	}

	public static void rss(Channel channel, List<NewsItem> items, OutputStream out) {
		write(out, xml -> {
			xml.writeStartElement("rss");
			xml.writeAttribute("version", "2.0");
			xml.writeNamespace("atom", ATOM);
			xml.writeStartElement("channel");
			text(xml, "title", channel.title());
			text(xml, "link", channel.link().apply(channel.pagePath()));
			text(xml, "description", channel.description());
			xml.writeEmptyElement("atom", "link", ATOM);
			xml.writeAttribute("href", channel.link().apply(channel.selfPath()));
			xml.writeAttribute("rel", "self");
			xml.writeAttribute("type", "application/rss+xml");
			for (NewsItem item : items) {
				xml.writeStartElement("item");
				text(xml, "title", item.title());
				text(xml, "link", channel.link().apply(item.path()));
				xml.writeStartElement("guid");
				xml.writeAttribute("isPermaLink", "true");
				xml.writeCharacters(channel.link().apply(item.path()));
				xml.writeEndElement();
				text(xml, "description", item.summary().isEmpty() ? RichText.plain(item.body()) : item.summary());
				text(xml, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(
						(item.publishedAt() == null ? updated(item) : item.publishedAt()).atOffset(ZoneOffset.UTC)));
				for (String theme : item.themes()) {
					text(xml, "category", theme);
				}
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndElement();
		});
	}

	private static Instant updated(NewsItem item) {
		return item.updatedAt() == null ? Instant.EPOCH : item.updatedAt();
	}

	private static String atomTime(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}

	private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
		xml.writeStartElement(element);
		xml.writeCharacters(value == null ? "" : value);
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("href", href);
	}

	private interface Body {

		void write(XMLStreamWriter xml) throws XMLStreamException;

	}

	private static void write(OutputStream out, Body body) {
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory()
				.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
			xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
			body.write(xml);
			xml.writeEndDocument();
			xml.flush();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("feed not written", ex);
		}
	}

}
