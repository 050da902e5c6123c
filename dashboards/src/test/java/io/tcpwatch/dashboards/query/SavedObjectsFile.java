package io.tcpwatch.dashboards.query;

import io.tcpwatch.dashboards.AlertsIndexTemplate;
import io.tcpwatch.dashboards.SavedObjectsNdjson;

import java.nio.file.Path;

/** Where the committed import file is. */
final class SavedObjectsFile {

    private SavedObjectsFile() {
    }

    static Path path() {
        return AlertsIndexTemplate.moduleDir().resolve("generated").resolve(SavedObjectsNdjson.FILE_NAME);
    }

}
