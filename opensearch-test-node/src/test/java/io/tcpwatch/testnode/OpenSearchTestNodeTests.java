package io.tcpwatch.testnode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenSearchTestNodeTests {

    private final OpenSearchTestNode node = OpenSearchTestNode.shared();

    @Test
    void sharedReturnsTheSameNodeOnEveryCall() {
        assertThat(OpenSearchTestNode.shared()).isSameAs(this.node);
    }

    @Test
    void nodeIsSingleNodeClusterOnLoopback() throws IOException {
        JsonNode health = this.node.json("GET", "/_cluster/health", null);

        assertThat(health.path("number_of_nodes").asInt()).isEqualTo(1);
        assertThat(this.node.httpUrl()).isEqualTo("http://127.0.0.1:" + this.node.httpPort());
    }

    @Test
    void nodeOffersTheProcessorsThePipelineUses() throws IOException {
        JsonNode nodes = this.node.json("GET", "/_nodes/ingest", null).path("nodes");
        List<String> processors = new ArrayList<>();
        nodes.elements().next().path("ingest").path("processors")
                .forEach(processor -> processors.add(processor.path("type").asText()));

        assertThat(processors).contains("json", "set", "geoip", "date", "date_index_name", "remove", "script",
                "append");
    }

    @Test
    void geoIpFindsTheCountryOfAKnownAddress() throws IOException {
        String body = """
                {"pipeline":{"processors":[{"geoip":{"field":"ip","target_field":"geo"}}]},
                 "docs":[{"_source":{"ip":"81.2.69.142"}}]}""";

        JsonNode result = this.node.json("POST", "/_ingest/pipeline/_simulate", body);

        assertThat(result.at("/docs/0/doc/_source/geo/country_name").asText()).isEqualTo("United Kingdom");
    }

    @Test
    void geoIpFindsTheAutonomousSystemOfAKnownAddress() throws IOException {
        String body = """
                {"pipeline":{"processors":[{"geoip":{"field":"ip","target_field":"geo",
                   "database_file":"GeoLite2-ASN.mmdb"}}]},
                 "docs":[{"_source":{"ip":"8.8.8.8"}}]}""";

        JsonNode result = this.node.json("POST", "/_ingest/pipeline/_simulate", body);

        assertThat(result.at("/docs/0/doc/_source/geo/asn").asLong()).isEqualTo(15169L);
        assertThat(result.at("/docs/0/doc/_source/geo/organization_name").asText()).isEqualTo("Google LLC");
    }

    @Test
    void geoAggregationsAreAvailable() throws IOException {
        this.node.json("PUT", "/tcpwatch-fixture-geo", """
                {"mappings":{"properties":{"location":{"type":"geo_point"}}}}""");
        this.node.json("POST", "/tcpwatch-fixture-geo/_doc?refresh=true", """
                {"location":{"lat":59.2,"lon":17.8167}}""");

        JsonNode result = this.node.json("POST", "/tcpwatch-fixture-geo/_search", """
                {"size":0,"aggs":{"cells":{"geohash_grid":{"field":"location","precision":3}}}}""");

        assertThat(result.at("/aggregations/cells/buckets/0/key").asText()).isEqualTo("u6s");
        this.node.deleteIndices("tcpwatch-fixture-geo");
    }

}
