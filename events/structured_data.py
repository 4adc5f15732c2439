"""schema.org ``Event`` data for search engines (JSON-LD)."""

from django.utils import timezone

from kkn_portal.images.renditions import image_object

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    "planerad": "EventScheduled",
    "installd": "EventCancelled",
    "framflyttad": "EventPostponed",
}


def place(venue):
    """A schema.org ``Place`` with its ``PostalAddress``."""
    data = {
        "@type": "Place",
        "name": venue.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.street_address,
            "postalCode": venue.postal_code,
            "addressLocality": venue.municipality,
            "addressCountry": "SE",
        },
    }
    if venue.latitude is not None and venue.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(venue.latitude),
            "longitude": float(venue.longitude),
        }
    return data


def event_json_ld(event, url):
    """The event as a schema.org ``Event``; times carry their UTC offset."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.lead,
        "url": url,
        "inLanguage": "sv",
        "startDate": timezone.localtime(event.start).isoformat(),
        "endDate": timezone.localtime(event.end).isoformat(),
        "eventStatus": SCHEMA + EVENT_STATUS.get(event.event_status, "EventScheduled"),
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
    }
    if event.picture:
        data["image"] = image_object(event.picture)
    if event.venue:
        data["location"] = place(event.venue)
    organisers = [
        {"@type": "Organization", "name": org.name, **({"url": org.url} if org.url else {})}
        for org in event.organisers.all()
    ]
    if organisers:
        data["organizer"] = organisers
    if event.theme:
        data["about"] = event.theme
    if event.audience:
        data["audience"] = {"@type": "Audience", "audienceType": event.audience}
    return data
