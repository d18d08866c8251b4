package be.obmi.privacy.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A city's public register: the activities that are published and checked by the DPO,
 * each seen through the tenant's {@link FieldMask} ({@link ActivityView}), for citizens
 * or for staff (whose data), with facets (responsible service, data category, recipient,
 * legal basis; only over public fields) and a search over the public fields only.
 */
@Service
public class PublicRegister {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private final RegisterReading reading;

	private final FieldMasks masks;

	PublicRegister(RegisterReading reading, FieldMasks masks) {
		this.reading = reading;
		this.masks = masks;
	}

	/**
	 * The filters of the public register; null or blank: no filter.
	 *
	 * @param audience {@code CITIZENS} or {@code STAFF}
	 * @param q words that must all occur in the activity's public text
	 * @param service a responsible service
	 * @param data a data category's name
	 * @param recipient a recipient
	 * @param basis a legal basis code ({@code A6-1-e})
	 */
	public record Query(String audience, String q, String service, String data, String recipient, String basis) {

		public boolean filtered() {
			return present(q) || present(service) || present(data) || present(recipient) || present(basis);
		}

	}

	/** One value of a facet and how many of the found activities have it. */
	public record FacetValue(String value, int count) {
	}

	/**
	 * The found activities with the facets over them; a facet is empty when its field is
	 * private.
	 */
	public record Result(FieldMask mask, List<ActivityView> activities, Map<String, Integer> audiences,
			List<FacetValue> services, List<FacetValue> dataCategories, List<FacetValue> recipients,
			List<FacetValue> legalBases) {
	}

	@Transactional(readOnly = true)
	public Result search(Tenant tenant, Query query) {
		FieldMask mask = masks.of(tenant);
		List<ActivityView> all = reading.shownInPublic(tenant).stream().map(a -> ActivityView.of(a, mask)).toList();
		Map<String, Integer> audiences = new TreeMap<>();
		all.forEach(v -> audiences.merge(v.audience(), 1, Integer::sum));
		List<String> words = words(query.q());
		List<ActivityView> found = all.stream()
			.filter(v -> !present(query.audience()) || query.audience().equals(v.audience()))
			.filter(v -> words.stream().allMatch(normalised(v.searchText())::contains))
			.filter(v -> matches(query.service(), single(v.responsibleService())))
			.filter(v -> matches(query.data(), categoryNames(v)))
			.filter(v -> matches(query.recipient(), v.recipients()))
			.filter(v -> matches(query.basis(), v.legalBases()))
			.toList();
		return new Result(mask, found, audiences, facet(found, v -> single(v.responsibleService())),
				facet(found, PublicRegister::categoryNames), facet(found, ActivityView::recipients),
				facet(found, ActivityView::legalBases));
	}

	/** One activity of the public register, through the mask. */
	@Transactional(readOnly = true)
	public Optional<ActivityView> activity(Tenant tenant, UUID publicId) {
		FieldMask mask = masks.of(tenant);
		return reading.shownInPublic(tenant, publicId).map(a -> ActivityView.of(a, mask));
	}

	/** Every activity of the public register through the mask (for its RDF). */
	@Transactional(readOnly = true)
	public List<ActivityView> all(Tenant tenant) {
		FieldMask mask = masks.of(tenant);
		return reading.shownInPublic(tenant).stream().map(a -> ActivityView.of(a, mask)).toList();
	}

	private static List<FacetValue> facet(List<ActivityView> views, Function<ActivityView, Collection<String>> values) {
		Map<String, Integer> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (ActivityView view : views) {
			Collection<String> shown = values.apply(view);
			if (shown != null) {
				shown.stream().distinct().forEach(value -> counts.merge(value, 1, Integer::sum));
			}
		}
		List<FacetValue> facet = new ArrayList<>();
		counts.forEach((value, count) -> facet.add(new FacetValue(value, count)));
		return facet;
	}

	private static boolean matches(String wanted, Collection<String> values) {
		return !present(wanted) || (values != null && values.contains(wanted));
	}

	private static List<String> single(String value) {
		return value == null || value.isBlank() ? null : List.of(value);
	}

	private static List<String> categoryNames(ActivityView view) {
		return view.dataCategories() == null ? null
				: view.dataCategories().stream().map(ActivityContent.DataCategory::name).toList();
	}

	private static List<String> words(String q) {
		if (!present(q)) {
			return List.of();
		}
		return List.of(normalised(q).trim().split("\\s+"));
	}

	/** Lower case without accents, so "categorieen" finds "categorieën". */
	static String normalised(String text) {
		return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
