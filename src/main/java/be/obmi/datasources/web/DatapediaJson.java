package be.obmi.datasources.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.obmi.datasources.domain.DataRequest;
import be.obmi.datasources.domain.DataRequests;
import be.obmi.datasources.domain.Source;
import be.obmi.datasources.importing.DeliveredFileImport;
import be.obmi.stats.StatisticsImports;
import be.obmi.tenancy.Tenants;

import org.springframework.stereotype.Component;

/** The API's JSON of sources and requests. */
@Component
class DatapediaJson {

	private final Tenants tenants;

	DatapediaJson(Tenants tenants) {
		this.tenants = tenants;
	}

	Map<String, Object> source(Source s, List<StatisticsImports.IndicatorName> indicators) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", s.id());
		json.put("code", s.code());
		json.put("owner", owner(s.tenantId()));
		json.put("name", s.name());
		json.put("nameEn", s.nameEn());
		json.put("supplier", s.supplier());
		json.put("content", s.content());
		json.put("contentEn", s.contentEn());
		json.put("detailLevel", s.detailLevel());
		json.put("areaCovered", s.areaCovered());
		json.put("periodicity", s.periodicity());
		json.put("nextDelivery", s.nextDelivery());
		json.put("licence", s.licence());
		json.put("licenceUrl", s.licenceUrl());
		json.put("accessConditions", s.accessConditions());
		json.put("contact", s.contact());
		json.put("qualityIssues", s.qualityIssues());
		json.put("url", s.url());
		json.put("public", s.publicSource());
		json.put("demo", s.demo());
		json.put("version", s.version());
		if (indicators != null) {
			json.put("indicators",
					indicators.stream()
						.map(i -> Map.of("code", i.code(), "name", i.name(), "shared", i.shared()))
						.toList());
		}
		return json;
	}

	Map<String, Object> request(DataRequest r, DataRequests requests, boolean details) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", r.id());
		json.put("initiator", owner(r.tenantId()));
		json.put("title", r.title());
		json.put("supplier", r.supplier());
		json.put("sourceId", r.sourceId());
		json.put("description", r.description());
		json.put("detailLevel", r.detailLevel());
		json.put("periodFrom", r.periodFrom());
		json.put("periodTo", r.periodTo());
		json.put("state", r.state());
		json.put("sentAt", r.sentAt());
		json.put("answeredAt", r.answeredAt());
		json.put("deliveredAt", r.deliveredAt());
		json.put("refusedAt", r.refusedAt());
		json.put("supplierAnswer", r.supplierAnswer());
		json.put("importedAt", r.importedAt());
		json.put("demo", r.demo());
		json.put("version", r.version());
		json.put("cities", requests.cities(r.id()).stream().map(c -> owner(c.tenantId())).toList());
		if (details) {
			json.put("comments",
					requests.comments(r.id())
						.stream()
						.map(c -> Map.of("author", c.author(), "city", String.valueOf(owner(c.tenantId())), "body",
								c.body(), "at", c.createdAt()))
						.toList());
			json.put("steps",
					requests.steps(r.id())
						.stream()
						.map(s -> Map.of("from", String.valueOf(s.fromState()), "to", s.toState(), "actor", s.actor(),
								"at", s.at()))
						.toList());
			json.put("imports",
					requests.imports(r.id())
						.stream()
						.map(i -> Map.of("city", String.valueOf(owner(i.tenantId())), "statsImportId",
								i.statsImportId(), "rows", i.rowCount()))
						.toList());
		}
		return json;
	}

	Map<String, Object> result(DeliveredFileImport.Result result) {
		return Map.of("leftOut", result.leftOut(), "cities",
				result.cities()
					.stream()
					.map(c -> Map.of("city", c.slug(), "rows", c.rows(), "importId", c.importId(), "inserted",
							c.inserted(), "updated", c.updated(), "unchanged", c.unchanged()))
					.toList());
	}

	/** {@code platform} or the city's slug. */
	String owner(Long tenantId) {
		return tenantId == null ? "platform" : tenants.byId(tenantId).map(t -> t.slug()).orElse("?");
	}

}
