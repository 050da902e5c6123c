package io.tcpwatch.ingest;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated pipeline on a real node with the GeoLite2 databases of November 2019, fed tcpwatch alerts as
 * Filebeat ships them.
 */
class GeoIpPipelineTests {

    private static PipelineRuns runs;

    @BeforeAll
    static void putPipeline() {
        runs = new PipelineRuns("tcpwatch-geoip-test", new AlertsPipelineGenerator(GeoIpFields.defaults()).generate());
    }

    @AfterAll
    static void deleteIndices() {
        runs.deleteIndices();
        runs.deletePipeline();
    }

    @Test
    void outboundConnectionToPublicAddressGetsDestinationCountry() {
        JsonNode alert = run(FilebeatEvents.connection("outbound", "10.0.0.5", "89.160.20.128"));

        assertThat(alert.at("/GeoLocationDst/country_name").asText()).isEqualTo("Sweden");
        assertThat(alert.at("/GeoLocationDst/scope").asText()).isEqualTo("public");
        assertThat(alert.at("/GeoLocation/scope").asText()).isEqualTo("private");
        assertThat(alert.at("/GeoLocation/country_name").isMissingNode()).isTrue();
    }

    @Test
    void inboundConnectionFromPublicAddressGetsSourceCountry() {
        JsonNode alert = run(FilebeatEvents.connection("inbound", "81.2.69.142", "10.0.0.5"));

        assertThat(alert.at("/GeoLocation/country_name").asText()).isEqualTo("United Kingdom");
        assertThat(alert.at("/GeoLocation/scope").asText()).isEqualTo("public");
        assertThat(alert.at("/GeoLocationDst/scope").asText()).isEqualTo("private");
        assertThat(alert.at("/GeoLocationDst/country_name").isMissingNode()).isTrue();
    }

    @Test
    void sourceAndDestinationBothPublicKeepTheirOwnCountries() {
        JsonNode alert = run(FilebeatEvents.connection("outbound", "81.2.69.142", "89.160.20.128"));

        assertThat(alert.at("/GeoLocation/country_name").asText()).isEqualTo("United Kingdom");
        assertThat(alert.at("/GeoLocationDst/country_name").asText()).isEqualTo("Sweden");
    }

    @Test
    void locationHoldsLatitudeAndLongitude() {
        JsonNode alert = run(FilebeatEvents.connection("outbound", "10.0.0.5", "89.160.20.128"));

        assertThat(alert.at("/GeoLocationDst/location/lat").asDouble()).isEqualTo(59.2);
        assertThat(alert.at("/GeoLocationDst/location/lon").asDouble()).isEqualTo(17.8167);
    }

    @Test
    void publicAddressGetsAutonomousSystem() {
        JsonNode alert = run(FilebeatEvents.connection("outbound", "10.0.0.5", "8.8.8.8"));

        assertThat(alert.at("/GeoLocationDst/asn").asLong()).isEqualTo(15169L);
        assertThat(alert.at("/GeoLocationDst/as_org").asText()).isEqualTo("Google LLC");
        assertThat(alert.at("/GeoLocationDst/country_name").asText()).isEqualTo("United States");
    }

    @Test
    void ipv6DestinationGetsItsCountry() {
        JsonNode alert = run(FilebeatEvents.connection("outbound", "2001:db8::5", "2001:4860:4860::8888"));

        assertThat(alert.at("/GeoLocationDst/country_name").asText()).isEqualTo("United States");
        assertThat(alert.at("/GeoLocationDst/ip").asText()).isEqualTo("2001:4860:4860::8888");
    }

    @Test
    void ipv4MappedIpv6AddressIsLookedUpAsIpv4() {
        JsonNode alert = run(FilebeatEvents.connection("inbound", "::ffff:81.2.69.142", "10.0.0.5"));

        assertThat(alert.at("/GeoLocation/country_name").asText()).isEqualTo("United Kingdom");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("nonPublicAddresses")
    void nonPublicDestinationGetsOnlyItsScope(String address, String scope) {
        JsonNode alert = run(FilebeatEvents.connection("outbound", "81.2.69.142", address));

        assertThat(alert.get("GeoLocationDst")).isEqualTo(JsonNodeFactory.instance.objectNode()
                .put("scope", scope).put("ip", address));
        assertThat(alert.has("pipeline_error")).isFalse();
    }

    static Stream<Arguments> nonPublicAddresses() {
        return Stream.of(
                Arguments.of("10.0.0.5", "private"),
                Arguments.of("172.16.0.1", "private"),
                Arguments.of("172.31.255.255", "private"),
                Arguments.of("192.168.1.1", "private"),
                Arguments.of("127.0.0.1", "loopback"),
                Arguments.of("127.255.0.9", "loopback"),
                Arguments.of("169.254.169.254", "link_local"),
                Arguments.of("100.64.0.1", "cgnat"),
                Arguments.of("100.127.255.255", "cgnat"),
                Arguments.of("224.0.0.251", "multicast"),
                Arguments.of("239.255.255.250", "multicast"),
                Arguments.of("0.0.0.0", "unspecified"),
                Arguments.of("::1", "loopback"),
                Arguments.of("::", "unspecified"),
                Arguments.of("fe80::1", "link_local"),
                Arguments.of("fe80::1%eth0", "link_local"),
                Arguments.of("febf:ffff::1", "link_local"),
                Arguments.of("fc00::1", "private"),
                Arguments.of("fd12:3456:789a::1", "private"),
                Arguments.of("ff02::fb", "multicast"),
                Arguments.of("::ffff:10.1.2.3", "private"),
                Arguments.of("::ffff:127.0.0.1", "loopback"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rangeNeighbours")
    void addressJustOutsideAPrivateRangeIsPublic(String address) {
        JsonNode alert = run(FilebeatEvents.connection("outbound", "10.0.0.5", address));

        assertThat(alert.at("/GeoLocationDst/scope").asText()).isEqualTo("public");
    }

    static Stream<String> rangeNeighbours() {
        return Stream.of("172.15.255.255", "172.32.0.0", "100.63.255.255", "100.128.0.0", "169.253.255.255",
                "223.255.255.255", "11.0.0.1", "fec0::1", "fe7f::1", "fb00::1");
    }

    @Test
    void valueThatIsNotAnAddressIsRecordedAndNotLookedUp() {
        JsonNode alert = run(FilebeatEvents.connection("outbound", "10.0.0.5", "example.org"));

        assertThat(alert.has("GeoLocationDst")).isFalse();
        assertThat(alert.at("/pipeline_error/field").toString()).isEqualTo("[\"data.dstip\"]");
        assertThat(alert.at("/pipeline_error/message/0").asText())
                .isEqualTo("[example.org] is not an IPv4 or IPv6 address");
        assertThat(alert.at("/data/dstip").asText()).isEqualTo("example.org");
    }

    @Test
    void ipv4OctetWithLeadingZeroIsNotAnAddress() {
        JsonNode alert = run(FilebeatEvents.connection("outbound", "10.0.0.5", "8.8.8.08"));

        assertThat(alert.has("GeoLocationDst")).isFalse();
        assertThat(alert.at("/pipeline_error/message/0").asText())
                .isEqualTo("[8.8.8.08] is not an IPv4 or IPv6 address");
    }

    @Test
    void extraDestinationFieldIsGeolocated() {
        PipelineRuns custom = new PipelineRuns("tcpwatch-geoip-extra-test", new AlertsPipelineGenerator(
                GeoIpFields.defaults().plus(List.of(), List.of("data.remote.addr"))).generate());
        ObjectNode event = FilebeatEvents.connection("outbound", "10.0.0.5", "10.0.0.6");
        ((ObjectNode) event.get("data")).putObject("remote").put("addr", "89.160.20.128");

        JsonNode alert = custom.simulate(FilebeatEvents.shipped(event));

        assertThat(alert.at("/GeoLocationDst/country_name").asText()).isEqualTo("Sweden");
        custom.deletePipeline();
    }

    @Test
    void temporaryFieldsAreNotIndexed() {
        PipelineRuns.Indexed indexed = runs.index(FilebeatEvents.shipped(
                FilebeatEvents.connection("outbound", "81.2.69.142", "89.160.20.128")));

        assertThat(indexed.source().has(AlertsPipelineGenerator.WORK_FIELD)).isFalse();
        assertThat(indexed.source().at("/GeoLocationDst/country_name").asText()).isEqualTo("Sweden");
    }

    @Test
    void seedPipelineNeverGeolocatesTheDestination() {
        PipelineRuns seed = new PipelineRuns("tcpwatch-seed-geoip-test", SeedPipeline.definition());

        JsonNode alert = seed.simulate(FilebeatEvents.shipped(
                FilebeatEvents.connection("outbound", "10.0.0.5", "89.160.20.128")));

        assertThat(alert.has("GeoLocation")).isFalse();
        assertThat(alert.has("GeoLocationDst")).isFalse();
        seed.deletePipeline();
    }

    @Test
    void seedPipelineOverwritesTheSourceLocationWithTheDestination() {
        PipelineRuns seed = new PipelineRuns("tcpwatch-seed-geoip-test", SeedPipeline.definition());
        ObjectNode event = FilebeatEvents.connection("outbound", "81.2.69.142", "10.0.0.6");
        ((ObjectNode) event.get("data")).put("destip", "89.160.20.128");

        JsonNode alert = seed.simulate(FilebeatEvents.shipped(event));

        assertThat(alert.at("/GeoLocation/country_name").asText()).isEqualTo("Sweden");
        seed.deletePipeline();
    }

    private static JsonNode run(ObjectNode alert) {
        return runs.simulate(FilebeatEvents.shipped(alert));
    }

}
