package be.obmi.pirk.mobilisation;

/**
 * An object of a campaign: as it was when the campaign was sent (frozen), or as it is now
 * for a draft.
 *
 * @param vacancyClass the class at sending (or now for a draft)
 * @param ownerStatus the status of the object's case now, null without one
 */
public record CampaignObject(long realEstateId, String address, String vacancyClass, String wijkCode,
		OwnerStatus ownerStatus) {

}
