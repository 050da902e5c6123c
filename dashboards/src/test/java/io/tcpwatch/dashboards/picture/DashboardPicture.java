package io.tcpwatch.dashboards.picture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tcpwatch.dashboards.objects.Agg;
import io.tcpwatch.dashboards.objects.Reference;
import io.tcpwatch.dashboards.objects.SavedObject;
import io.tcpwatch.dashboards.query.VisualizationQuery;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the tcpwatch dashboard as a PNG-ready image: the panels where the dashboard's {@code panelsJSON}
 * puts them, each drawn from the rows its query returned. A stand-in for a screenshot where no dashboard
 * can run; it follows the dashboard's layout and data, NOT its exact rendering.
 */
public final class DashboardPicture {

    private static final int COLUMN = 32;

    private static final int ROW = 18;

    private static final int MARGIN = 16;

    private static final int HEADER = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, Color> EVENT_COLORS = eventColors();

    private DashboardPicture() {
    }

    /**
     * Draws the dashboard.
     *
     * @param dashboard the dashboard saved object
     * @param objects the objects its panels show, by id
     * @param rows the rows each object's query returned, by id
     * @param from the start of the time range shown
     * @param to the end of the time range shown
     * @return the image
     */
    public static BufferedImage draw(SavedObject dashboard, Map<String, SavedObject> objects,
            Map<String, List<List<String>>> rows, Instant from, Instant to) {
        JsonNode panels = parse(dashboard.attributes().path("panelsJSON").asText());
        int height = 0;
        for (JsonNode panel : panels) {
            JsonNode grid = panel.path("gridData");
            height = Math.max(height, grid.path("y").asInt() + grid.path("h").asInt());
        }
        BufferedImage image = new BufferedImage(48 * COLUMN + 2 * MARGIN, HEADER + height * ROW + MARGIN,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xF7F8FC));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        header(g, dashboard.title(), from, to, image.getWidth());
        Map<String, String> targets = new LinkedHashMap<>();
        for (Reference reference : dashboard.references()) {
            targets.put(reference.name(), reference.id());
        }
        for (JsonNode panel : panels) {
            JsonNode grid = panel.path("gridData");
            Rectangle box = new Rectangle(MARGIN + grid.path("x").asInt() * COLUMN + 4,
                    HEADER + grid.path("y").asInt() * ROW + 4, grid.path("w").asInt() * COLUMN - 8,
                    grid.path("h").asInt() * ROW - 8);
            String id = targets.get(panel.path("panelRefName").asText());
            SavedObject object = objects.get(id);
            panel(g, box, object.title());
            Rectangle content = new Rectangle(box.x + 12, box.y + 30, box.width - 24, box.height - 40);
            content(g, content, object, rows.getOrDefault(id, List.of()), from);
        }
        g.dispose();
        return image;
    }

    private static void content(Graphics2D g, Rectangle area, SavedObject object, List<List<String>> rows,
            Instant from) {
        if (object.type().equals("search")) {
            List<String> headers = new ArrayList<>();
            object.attributes().path("columns").forEach((c) -> headers.add(c.asText().replaceFirst("^data\\.", "")));
            Charts.table(g, area, headers, blanksShown(rows));
            return;
        }
        JsonNode visState = parse(object.attributes().path("visState").asText());
        VisualizationQuery query = new VisualizationQuery(object);
        switch (visState.path("type").asText()) {
            case "histogram" -> {
                if (query.buckets().get(0).type().equals("date_histogram")) {
                    timeline(g, area, rows, from);
                }
                else {
                    Charts.bars(g, area, pairs(rows), Charts.PALETTE[1]);
                }
            }
            case "pie" -> Charts.donut(g, area, pairs(rows));
            case "tile_map" -> {
                List<double[]> markers = new ArrayList<>();
                for (List<String> row : rows) {
                    double[] centre = Geohash.centre(row.get(0));
                    markers.add(new double[] {centre[0], centre[1], Double.parseDouble(row.get(1))});
                }
                Charts.map(g, area, markers, object.id().contains("source") ? Charts.PALETTE[2] : Charts.PALETTE[1]);
            }
            default -> {
                List<String> headers = new ArrayList<>();
                query.buckets().forEach((agg) -> headers.add(label(agg)));
                query.metrics().forEach((agg) -> headers.add(label(agg)));
                Charts.table(g, area, headers, blanksShown(rows));
            }
        }
    }

    private static void timeline(Graphics2D g, Rectangle area, List<List<String>> rows, Instant from) {
        DateTimeFormatter hourMinute = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
        List<String> categories = new ArrayList<>();
        Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            categories.add(hourMinute.format(from.plusSeconds(300L * i)));
        }
        for (List<String> row : rows) {
            String category = hourMinute.format(Instant.parse(row.get(0)));
            values.computeIfAbsent(category, (c) -> new LinkedHashMap<>()).put(row.get(1), Long.parseLong(row.get(2)));
        }
        Charts.stackedBars(g, area, categories, values, EVENT_COLORS);
    }

    private static String label(Agg agg) {
        String label = agg.params().path("customLabel").asText("");
        return label.isEmpty() ? "Count" : label;
    }

    private static List<String[]> pairs(List<List<String>> rows) {
        return rows.stream().map((row) -> new String[] {row.get(0), row.get(1)}).toList();
    }

    private static List<List<String>> blanksShown(List<List<String>> rows) {
        return rows.stream().map((row) -> row.stream().map((v) -> v.isEmpty() ? "(none)" : v).toList()).toList();
    }

    private static void header(Graphics2D g, String title, Instant from, Instant to, int width) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, HEADER - 12);
        g.setColor(new Color(0xD3DAE6));
        g.drawLine(0, HEADER - 12, width, HEADER - 12);
        g.setColor(Charts.TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(title, MARGIN + 4, 30);
        g.setFont(Charts.BODY);
        String pill = "data.integration: tcpwatch";
        int pillX = MARGIN + 4 + g.getFontMetrics(g.getFont().deriveFont(Font.BOLD, 18f)).stringWidth(title) + 24;
        int pillWidth = g.getFontMetrics().stringWidth(pill) + 16;
        g.setColor(new Color(0xE0E5EE));
        g.fill(new RoundRectangle2D.Double(pillX, 15, pillWidth, 20, 10, 10));
        g.setColor(Charts.TEXT);
        g.drawString(pill, pillX + 8, 29);
        String range = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm").withZone(ZoneOffset.UTC).format(from)
                + "  \u2192  " + DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(to);
        g.setColor(Charts.SUBDUED);
        g.drawString(range, width - MARGIN - 8 - g.getFontMetrics().stringWidth(range), 29);
    }

    private static void panel(Graphics2D g, Rectangle box, String title) {
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(box.x, box.y, box.width, box.height, 8, 8));
        g.setColor(new Color(0xD3DAE6));
        g.setStroke(new BasicStroke(1f));
        g.draw(new RoundRectangle2D.Double(box.x, box.y, box.width, box.height, 8, 8));
        g.setColor(Charts.TEXT);
        g.setFont(Charts.BOLD.deriveFont(13f));
        g.drawString(title, box.x + 12, box.y + 20);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        }
        catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("embedded JSON does not parse: " + ex.getOriginalMessage(), ex);
        }
    }

    private static Map<String, Color> eventColors() {
        Map<String, Color> colors = new LinkedHashMap<>();
        colors.put("connect", Charts.PALETTE[1]);
        colors.put("accept", Charts.PALETTE[0]);
        colors.put("close", new Color(0xB9A888));
        colors.put("health", Charts.PALETTE[7]);
        return colors;
    }

}
