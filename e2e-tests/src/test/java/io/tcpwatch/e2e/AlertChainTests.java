package io.tcpwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tcpwatch.tracer.kernel.KernelEvent.Direction;
import io.tcpwatch.tracer.kernel.KernelEvent.Kind;
import org.junit.jupiter.api.Test;

/**
 * Events written by the tracer's formatter, turned into alerts by the ruleset engine with Wazuh's default ruleset
 * plus tcpwatch's content, and indexed through tcpwatch's pipeline on a real OpenSearch node with GeoLite2 data.
 */
class AlertChainTests {

    private final Chain chain = Chain.shared();

    @Test
    void outboundConnectToPublicAddressIsIndexedWithTheDestinationCountry() {
        String payload = Events.payload(Kind.CONNECT, Direction.OUTBOUND, "curl", "/usr/bin/curl", "10.0.0.5", 51234,
                "89.160.20.128", 443);

        ObjectNode alert = Chain.alert(this.chain.session(), payload);
        JsonNode document = this.chain.index(alert);

        assertThat(alert.path("rule").path("id").asText()).isEqualTo("110010");
        assertThat(alert.path("decoder").path("name").asText()).isEqualTo("json");
        assertThat(document.path("_index").asText()).isEqualTo("wazuh-alerts-4.x-2026.12.04");
        assertThat(document.path("data").path("srcip").asText()).isEqualTo("10.0.0.5");
        assertThat(document.path("data").path("dstport").asText()).isEqualTo("443");
        assertThat(document.path("GeoLocationDst").path("country_name").asText()).isEqualTo("Sweden");
        assertThat(document.path("GeoLocation").path("scope").asText()).isEqualTo("private");
        assertThat(document.path("GeoLocation").has("country_name")).isFalse();
    }

    @Test
    void inboundAcceptFromPublicAddressIsIndexedWithTheSourceCountry() {
        String payload = Events.payload(Kind.ACCEPT, Direction.INBOUND, "sshd", "/usr/sbin/sshd", "10.0.0.5", 22,
                "81.2.69.142", 40022);

        ObjectNode alert = Chain.alert(this.chain.session(), payload);
        JsonNode document = this.chain.index(alert);

        assertThat(document.path("data").path("srcip").asText()).isEqualTo("81.2.69.142");
        assertThat(document.path("data").path("dstip").asText()).isEqualTo("10.0.0.5");
        assertThat(document.path("GeoLocation").path("country_name").asText()).isEqualTo("United Kingdom");
        assertThat(document.path("GeoLocationDst").path("scope").asText()).isEqualTo("private");
        assertThat(document.path("GeoLocationDst").has("country_name")).isFalse();
    }

    @Test
    void shellConnectingOutRaisesTheReverseShellAlertAndKeepsBothLocations() {
        String payload = Events.payload(Kind.CONNECT, Direction.OUTBOUND, "bash", "/usr/bin/bash", "10.0.0.5", 50000,
                "81.2.69.142", 4444);

        ObjectNode alert = Chain.alert(this.chain.session(), payload);
        JsonNode document = this.chain.index(alert);

        assertThat(alert.path("rule").path("id").asText()).isEqualTo("110020");
        assertThat(alert.path("rule").path("level").asInt()).isEqualTo(12);
        assertThat(document.path("rule").path("mitre").path("id").toString()).isEqualTo("[\"T1059.004\",\"T1095\"]");
        assertThat(document.path("GeoLocationDst").path("country_name").asText()).isEqualTo("United Kingdom");
    }

    @Test
    void ipv6DestinationIsGeolocated() {
        String payload = Events.payload(Kind.CONNECT, Direction.OUTBOUND, "curl", "/usr/bin/curl", "fd00::5", 40100,
                "2001:4860:4860::8888", 53);

        JsonNode document = this.chain.index(Chain.alert(this.chain.session(), payload));

        assertThat(document.path("data").path("family").asText()).isEqualTo("ipv6");
        assertThat(document.path("data").path("dstip").asText()).isEqualTo("2001:4860:4860::8888");
        assertThat(document.path("GeoLocationDst").path("country_name").asText()).isEqualTo("United States");
        assertThat(document.path("GeoLocation").path("scope").asText()).isEqualTo("private");
    }

    @Test
    void processNameThatImitatesJsonCannotForgeTheSourceAddress() {
        String forged = "curl\",\"srcip\":\"6.6.6.6";
        String payload = Events.payload(Kind.CONNECT, Direction.OUTBOUND, forged, "/tmp/x", "10.0.0.5", 51000,
                "89.160.20.128", 80);

        JsonNode document = this.chain.index(Chain.alert(this.chain.session(), payload));

        assertThat(document.path("data").path("srcip").asText()).isEqualTo("10.0.0.5");
        assertThat(document.path("data").path("process").path("name").asText()).isEqualTo(forged);
        assertThat(document.path("GeoLocation").has("country_name")).isFalse();
    }
}
