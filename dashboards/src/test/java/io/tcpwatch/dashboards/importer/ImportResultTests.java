package io.tcpwatch.dashboards.importer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ImportResultTests {

    @Test
    void overwrittenObjectsAreMarked() {
        ImportResult result = ImportResult.parse("{\"successCount\":1,\"success\":true,\"successResults\":[{\"type\":"
                + "\"dashboard\",\"id\":\"d\",\"meta\":{\"title\":\"D\",\"icon\":\"dashboardApp\"},"
                + "\"overwrite\":true}]}");

        assertThat(result.imported()).containsExactly(new ImportResult.Imported("dashboard", "d", "D", true));
    }

    @Test
    void missingReferencesAreListedPerObject() {
        ImportResult result = ImportResult.parse("{\"successCount\":1,\"success\":false,\"successResults\":[{\"type\":"
                + "\"search\",\"id\":\"s\",\"meta\":{\"title\":\"S\"}}],\"errors\":[{\"id\":\"v\",\"type\":"
                + "\"visualization\",\"title\":\"V\",\"meta\":{\"title\":\"V\",\"icon\":\"visualizeApp\"},\"error\":"
                + "{\"type\":\"missing_references\",\"references\":[{\"type\":\"index-pattern\",\"id\":"
                + "\"wazuh-alerts-*\"}]}}]}");

        assertThat(result).isEqualTo(new ImportResult(false, 1,
                List.of(new ImportResult.Imported("search", "s", "S", false)),
                List.of(new ImportResult.Failure("visualization", "v", "V", "missing_references",
                        "missing index-pattern wazuh-alerts-*"))));
    }

    @Test
    void unsupportedTypeCarriesNoDetail() {
        ImportResult result = ImportResult.parse("{\"successCount\":0,\"success\":false,\"errors\":[{\"id\":\"x\","
                + "\"type\":\"lens\",\"title\":\"X\",\"error\":{\"type\":\"unsupported_type\"}}]}");

        assertThat(result.failures()).containsExactly(new ImportResult.Failure("lens", "x", "X", "unsupported_type",
                ""));
    }

    @Test
    void unknownErrorCarriesItsMessage() {
        ImportResult result = ImportResult.parse("{\"successCount\":0,\"success\":false,\"errors\":[{\"id\":\"x\","
                + "\"type\":\"search\",\"title\":\"X\",\"error\":{\"type\":\"unknown\",\"message\":\"boom\","
                + "\"statusCode\":500}}]}");

        assertThat(result.failures()).containsExactly(new ImportResult.Failure("search", "x", "X", "unknown", "boom"));
    }

    @Test
    void answerWithoutSuccessFlagIsRejected() {
        assertThatExceptionOfType(ImportException.class).isThrownBy(() -> ImportResult.parse("{\"ok\":1}"))
                .withMessage("import response has no boolean [success]: [{\"ok\":1}]");
    }

    @Test
    void errorAnswerWithJsonBodyNamesErrorAndMessage() {
        assertThat(ImportResult.errorMessage(400, "{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":"
                + "\"Invalid file extension .txt\"}"))
                .isEqualTo("import refused with HTTP 400 Bad Request: Invalid file extension .txt");
    }

    @Test
    void errorAnswerWithEmptyBodyNamesOnlyTheStatus() {
        assertThat(ImportResult.errorMessage(403, "")).isEqualTo("import refused with HTTP 403");
    }

}
