package io.tcpwatch.dashboards.objects;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SavedObjectTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonFormRoundTrips() {
        SavedObject object = new SavedObject("search", "s", JSON.createObjectNode().put("title", "S"),
                List.of(new Reference("r", Reference.INDEX_PATTERN, "p")), Map.of("search", "7.9.3"));

        SavedObject read = SavedObject.fromJson(object.toJson(), "test");

        assertThat(read).isEqualTo(object);
        assertThat(object.toJson().toString()).isEqualTo("{\"attributes\":{\"title\":\"S\"},\"id\":\"s\","
                + "\"migrationVersion\":{\"search\":\"7.9.3\"},\"references\":[{\"id\":\"p\",\"name\":\"r\","
                + "\"type\":\"index-pattern\"}],\"type\":\"search\"}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"id\":\"a\",\"attributes\":{}}|f.ndjson:1: field [type] must be a non-empty string",
        "{\"type\":\"search\",\"id\":\"\",\"attributes\":{}}|f.ndjson:1: field [id] must be a non-empty string",
        "{\"type\":\"search\",\"id\":\"a\",\"attributes\":[]}|f.ndjson:1: field [attributes] must be a JSON object",
        "{\"type\":\"search\",\"id\":\"a\",\"attributes\":{},\"references\":{}}|f.ndjson:1: field [references] must "
            + "be a JSON array",
        "{\"type\":\"search\",\"id\":\"a\",\"attributes\":{},\"references\":[{\"name\":\"n\",\"type\":\"t\"}]}|"
            + "f.ndjson:1: references[0]: field [id] must be a non-empty string",
        "[1]|f.ndjson:1: saved object must be a JSON object, found ARRAY"})
    void malformedObjectIsRejectedNamingThePlace(String json, String message) throws Exception {
        assertThatIllegalArgumentException().isThrownBy(() -> SavedObject.fromJson(JSON.readTree(json), "f.ndjson:1"))
                .withMessage(message);
    }

    @Test
    void filterWithoutValuesIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Filter.phrases("data.event"))
                .withMessage("filter on [data.event] needs at least one value");
    }

    @Test
    void panelLeavingTheGridIsRejected() {
        SavedObject target = new SavedObject("search", "s", JSON.createObjectNode(), List.of(), Map.of());

        assertThatIllegalArgumentException().isThrownBy(() -> new Dashboard("d", "D", "",
                List.of(new Dashboard.Panel(target, 40, 0, 9, 10)), SearchSource.filtersOnly("p", List.of())))
                .withMessage("panel [s] of dashboard [d] leaves the 48-column grid: x=40 w=9");
    }

    @Test
    void panelFillingTheGridIsAccepted() {
        SavedObject target = new SavedObject("search", "s", JSON.createObjectNode(), List.of(), Map.of());

        Dashboard dashboard = new Dashboard("d", "D", "", List.of(new Dashboard.Panel(target, 0, 0, 48, 10)),
                SearchSource.filtersOnly("p", List.of()));

        assertThat(dashboard.toSavedObject().references()).containsExactly(new Reference("panel_0", "search", "s"));
    }

}
