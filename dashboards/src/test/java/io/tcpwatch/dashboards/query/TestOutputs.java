package io.tcpwatch.dashboards.query;

import io.tcpwatch.dashboards.AlertsIndexTemplate;

import java.nio.file.Path;

/** Where the tests write their outputs. */
final class TestOutputs {

    private TestOutputs() {
    }

    static Path target() {
        return AlertsIndexTemplate.moduleDir().resolve("target");
    }

}
