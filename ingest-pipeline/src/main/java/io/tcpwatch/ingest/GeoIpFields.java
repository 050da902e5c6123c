package io.tcpwatch.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which alert fields the pipeline geolocates, per side. The source side writes {@code GeoLocation} (Wazuh's stock
 * target), the destination side {@code GeoLocationDst}. Within a side, as in Wazuh's stock pipeline, a later field
 * with a lookup result replaces an earlier one.
 *
 * @param source the source-side fields, in lookup order
 * @param destination the destination-side fields, in lookup order
 */
public record GeoIpFields(List<String> source, List<String> destination) {

    /** Wazuh 4.x's stock geolocated fields, in the stock pipeline's order. */
    public static final List<String> STOCK_SOURCE_FIELDS = List.of(
            "data.srcip",
            "data.win.eventdata.ipAddress",
            "data.aws.sourceIPAddress",
            "data.aws.client_ip",
            "data.aws.service.action.networkConnectionAction.remoteIpDetails.ipAddressV4",
            "data.aws.httpRequest.clientIp",
            "data.ms-graph.ipAddress",
            "data.ms-graph.actor.ipAddress",
            "data.gcp.jsonPayload.sourceIP",
            "data.office365.ClientIP");

    /** The destination fields geolocated by default. */
    public static final List<String> DEFAULT_DESTINATION_FIELDS = List.of("data.dstip");

    /** The target of the source side, Wazuh's stock name. */
    public static final String SOURCE_TARGET = "GeoLocation";

    /** The target of the destination side. */
    public static final String DESTINATION_TARGET = "GeoLocationDst";

    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_@-]+(\\.[A-Za-z0-9_@-]+)*");

    /**
     * Checks and copies the lists.
     * @throws IllegalArgumentException when a field name is not a dotted name or appears twice
     */
    public GeoIpFields {
        source = List.copyOf(source);
        destination = List.copyOf(destination);
        Set<String> seen = new LinkedHashSet<>();
        for (String field : all(source, destination)) {
            if (!FIELD.matcher(field).matches()) {
                throw new IllegalArgumentException("geoip field [" + field + "] is not a dotted field name "
                        + "(letters, digits, '_', '@', '-' between dots), e.g. data.dstip");
            }
            if (field.startsWith("_") || field.startsWith(SOURCE_TARGET + ".")
                    || field.startsWith(DESTINATION_TARGET + ".")) {
                throw new IllegalArgumentException("geoip field [" + field + "] is a field the pipeline writes");
            }
            if (!seen.add(field)) {
                throw new IllegalArgumentException("geoip field [" + field + "] is listed twice");
            }
        }
    }

    /** @return Wazuh's stock source fields and {@code data.dstip} for the destination */
    public static GeoIpFields defaults() {
        return new GeoIpFields(STOCK_SOURCE_FIELDS, DEFAULT_DESTINATION_FIELDS);
    }

    /**
     * Returns these fields with more appended to each side.
     * @param extraSource fields appended to the source side
     * @param extraDestination fields appended to the destination side
     * @return the combined lists
     */
    public GeoIpFields plus(List<String> extraSource, List<String> extraDestination) {
        return new GeoIpFields(all(this.source, extraSource), all(this.destination, extraDestination));
    }

    /** @return all fields, source side first: the index of a field here is its number in the pipeline */
    public List<String> all() {
        return all(this.source, this.destination);
    }

    private static List<String> all(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

}
