package io.tcpwatch.dashboards.query;

import io.tcpwatch.dashboards.SavedObjectsNdjson;
import io.tcpwatch.dashboards.TcpwatchDashboards;
import io.tcpwatch.dashboards.objects.SavedObject;
import io.tcpwatch.dashboards.picture.DashboardPicture;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Draws the dashboard from the queries of its panels run on the test node, into
 * {@code target/dashboard.png}; with {@code -Dtcpwatch.dashboards.picture=<path>} also to that path
 * (the docs use {@code ../docs/images/dashboard.png}).
 */
class DashboardPictureTests {

    @Test
    void pictureShowsEveryPanelOfTheDashboard() throws IOException {
        Map<String, SavedObject> objects = new LinkedHashMap<>();
        SavedObjectsNdjson.read(SavedObjectsFile.path()).forEach((o) -> objects.put(o.id(), o));
        AlertsOnOpenSearch alerts = AlertsOnOpenSearch.shared();
        Map<String, List<List<String>>> rows = new LinkedHashMap<>();
        for (SavedObject object : objects.values()) {
            if (!object.type().equals("dashboard")) {
                rows.put(object.id(), rows(alerts, object));
            }
        }
        TimeRange range = DashboardQueriesOnOpenSearchTests.HOUR;

        BufferedImage image = DashboardPicture.draw(objects.get(TcpwatchDashboards.DASHBOARD_ID), objects, rows,
                range.from(), range.to());

        write(image, TestOutputs.target().resolve("dashboard.png"));
        String extra = System.getProperty("tcpwatch.dashboards.picture");
        if (extra != null && !extra.isBlank()) {
            write(image, Path.of(extra));
        }
        assertThat(image.getWidth()).isEqualTo(48 * 32 + 32);
        assertThat(rows.values()).allSatisfy((panelRows) -> assertThat(panelRows).isNotEmpty());
        assertThat(ImageIO.read(TestOutputs.target().resolve("dashboard.png").toFile()).getHeight())
                .isEqualTo(image.getHeight());
    }

    private static List<List<String>> rows(AlertsOnOpenSearch alerts, SavedObject object) throws IOException {
        VisualizationQuery query = new VisualizationQuery(object);
        return query.rows(alerts.search(query, DashboardQueriesOnOpenSearchTests.HOUR, 10));
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
    }

}
