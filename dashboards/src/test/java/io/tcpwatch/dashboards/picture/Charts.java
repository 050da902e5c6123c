package io.tcpwatch.dashboards.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Java2D drawings of the chart kinds the dashboard uses (stacked bars, bars, donut, table, coordinate
 * map), in the look of OpenSearch Dashboards' default theme. Each draws into the rectangle it is given.
 */
final class Charts {

    static final Color[] PALETTE = {new Color(0x54B399), new Color(0x6092C0), new Color(0xD36086),
        new Color(0x9170B8), new Color(0xCA8EAE), new Color(0xD6BF57), new Color(0xB9A888), new Color(0xDA8B45),
        new Color(0xAA6556), new Color(0xE7664C)};

    static final Color TEXT = new Color(0x343741);

    static final Color SUBDUED = new Color(0x69707D);

    static final Color GRID = new Color(0xE9EDF3);

    static final Font BODY = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    private Charts() {
    }

    /**
     * Stacked vertical bars: one bar per category, one segment per series.
     *
     * @param categories the x-axis categories, in order
     * @param values category to series to value
     * @param seriesColors the colour of each series, which also orders the legend
     */
    static void stackedBars(Graphics2D g, Rectangle area, List<String> categories,
            Map<String, Map<String, Long>> values, Map<String, Color> seriesColors) {
        int legendWidth = 110;
        Rectangle plot = new Rectangle(area.x + 36, area.y + 6, area.width - 36 - legendWidth, area.height - 28);
        long max = 1;
        for (Map<String, Long> stack : values.values()) {
            max = Math.max(max, stack.values().stream().mapToLong(Long::longValue).sum());
        }
        max = niceCeiling(max);
        axes(g, plot, max);
        double slot = (double) plot.width / categories.size();
        int barWidth = (int) Math.max(4, slot * 0.7);
        g.setFont(BODY);
        for (int i = 0; i < categories.size(); i++) {
            String category = categories.get(i);
            int x = (int) (plot.x + slot * i + (slot - barWidth) / 2);
            int base = plot.y + plot.height;
            Map<String, Long> stack = values.getOrDefault(category, Map.of());
            for (Map.Entry<String, Color> series : seriesColors.entrySet()) {
                long value = stack.getOrDefault(series.getKey(), 0L);
                int h = (int) Math.round((double) value * plot.height / max);
                g.setColor(series.getValue());
                g.fillRect(x, base - h, barWidth, h);
                base -= h;
            }
            g.setColor(SUBDUED);
            drawCentered(g, category, (int) (plot.x + slot * i + slot / 2), plot.y + plot.height + 15);
        }
        legend(g, area.x + area.width - legendWidth + 10, area.y + 10, seriesColors);
    }

    /** Vertical bars, one per row of {label, value}. */
    static void bars(Graphics2D g, Rectangle area, List<String[]> rows, Color color) {
        Rectangle plot = new Rectangle(area.x + 36, area.y + 6, area.width - 50, area.height - 28);
        long max = niceCeiling(rows.stream().mapToLong((r) -> Long.parseLong(r[1])).max().orElse(1));
        axes(g, plot, max);
        double slot = (double) plot.width / Math.max(1, rows.size());
        int barWidth = (int) Math.min(80, slot * 0.6);
        g.setFont(BODY);
        for (int i = 0; i < rows.size(); i++) {
            long value = Long.parseLong(rows.get(i)[1]);
            int h = (int) Math.round((double) value * plot.height / max);
            int x = (int) (plot.x + slot * i + (slot - barWidth) / 2);
            g.setColor(color);
            g.fillRect(x, plot.y + plot.height - h, barWidth, h);
            g.setColor(TEXT);
            drawCentered(g, Long.toString(value), x + barWidth / 2, plot.y + plot.height - h - 4);
            g.setColor(SUBDUED);
            drawCentered(g, rows.get(i)[0], (int) (plot.x + slot * i + slot / 2), plot.y + plot.height + 15);
        }
    }

    /** A donut, one slice per row of {label, value}, with a legend. */
    static void donut(Graphics2D g, Rectangle area, List<String[]> rows) {
        int size = Math.min(area.height - 10, area.width / 2);
        int x = area.x + 10;
        int y = area.y + (area.height - size) / 2;
        long total = rows.stream().mapToLong((r) -> Long.parseLong(r[1])).sum();
        double start = 90;
        Map<String, Color> legend = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            long value = Long.parseLong(rows.get(i)[1]);
            double extent = -360.0 * value / Math.max(1, total);
            g.setColor(PALETTE[i % PALETTE.length]);
            g.fill(new Arc2D.Double(x, y, size, size, start, extent, Arc2D.PIE));
            start += extent;
            legend.put(rows.get(i)[0] + " (" + value + ")", PALETTE[i % PALETTE.length]);
        }
        g.setColor(Color.WHITE);
        int hole = size / 2;
        g.fill(new Ellipse2D.Double(x + (size - hole) / 2.0, y + (size - hole) / 2.0, hole, hole));
        legend(g, x + size + 16, area.y + 12, legend);
    }

    /** A table with a header row. */
    static void table(Graphics2D g, Rectangle area, List<String> headers, List<List<String>> rows) {
        int rowHeight = 20;
        FontMetrics metrics = g.getFontMetrics(BODY);
        int[] widths = new int[headers.size()];
        for (int c = 0; c < headers.size(); c++) {
            widths[c] = g.getFontMetrics(BOLD).stringWidth(headers.get(c)) + 18;
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], metrics.stringWidth(row.get(c)) + 18);
            }
        }
        int total = Arrays.stream(widths).sum();
        double stretch = Math.max(1.0, (double) area.width / total);
        int y = area.y + 14;
        g.setFont(BOLD);
        g.setColor(TEXT);
        int x = area.x;
        for (int c = 0; c < headers.size(); c++) {
            g.drawString(headers.get(c), x + 4, y);
            x += (int) (widths[c] * stretch);
        }
        g.setColor(GRID);
        g.drawLine(area.x, y + 6, area.x + area.width, y + 6);
        g.setFont(BODY);
        for (List<String> row : rows) {
            y += rowHeight;
            if (y > area.y + area.height) {
                break;
            }
            x = area.x;
            g.setColor(TEXT);
            for (int c = 0; c < row.size(); c++) {
                g.drawString(row.get(c), x + 4, y);
                x += (int) (widths[c] * stretch);
            }
            g.setColor(GRID);
            g.drawLine(area.x, y + 6, area.x + area.width, y + 6);
        }
    }

    /**
     * A coordinate map: coarse continents, a graticule, and one circle per marker, its area scaled by count.
     *
     * @param markers {latitude, longitude, count}
     */
    static void map(Graphics2D g, Rectangle area, List<double[]> markers, Color color) {
        int width = Math.min(area.width, area.height * 2);
        Rectangle map = new Rectangle(area.x + (area.width - width) / 2, area.y, width, width / 2);
        g.setColor(new Color(0xF5F7FA));
        g.fill(map);
        g.setColor(GRID);
        for (int lon = -180; lon <= 180; lon += 30) {
            g.drawLine(px(map, lon), map.y, px(map, lon), map.y + map.height);
        }
        for (int lat = -90; lat <= 90; lat += 30) {
            g.drawLine(map.x, py(map, lat), map.x + map.width, py(map, lat));
        }
        g.setColor(new Color(0xD3DAE6));
        for (double[] outline : Continents.OUTLINES) {
            Path2D.Double path = new Path2D.Double();
            for (int i = 0; i < outline.length; i += 2) {
                if (i == 0) {
                    path.moveTo(px(map, outline[0]), py(map, outline[1]));
                }
                else {
                    path.lineTo(px(map, outline[i]), py(map, outline[i + 1]));
                }
            }
            path.closePath();
            g.fill(path);
        }
        long max = markers.stream().mapToLong((m) -> (long) m[2]).max().orElse(1);
        g.setFont(BOLD);
        for (double[] marker : markers) {
            double radius = 6 + 14 * Math.sqrt(marker[2] / max);
            double cx = px(map, marker[1]);
            double cy = py(map, marker[0]);
            g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 170));
            g.fill(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
            g.setColor(color.darker());
            g.setStroke(new BasicStroke(1.5f));
            g.draw(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
            g.setColor(TEXT);
            drawCentered(g, Long.toString((long) marker[2]), (int) cx, (int) (cy + 4));
        }
    }

    private static int px(Rectangle map, double lon) {
        return (int) Math.round(map.x + (lon + 180) / 360 * map.width);
    }

    private static int py(Rectangle map, double lat) {
        return (int) Math.round(map.y + (90 - lat) / 180 * map.height);
    }

    private static void axes(Graphics2D g, Rectangle plot, long max) {
        g.setFont(BODY);
        for (int i = 0; i <= 4; i++) {
            int y = plot.y + plot.height - plot.height * i / 4;
            g.setColor(GRID);
            g.drawLine(plot.x, y, plot.x + plot.width, y);
            g.setColor(SUBDUED);
            String label = Long.toString(max * i / 4);
            g.drawString(label, plot.x - 6 - g.getFontMetrics().stringWidth(label), y + 4);
        }
    }

    private static void legend(Graphics2D g, int x, int y, Map<String, Color> entries) {
        g.setFont(BODY);
        int row = 0;
        for (Map.Entry<String, Color> entry : entries.entrySet()) {
            g.setColor(entry.getValue());
            g.fillOval(x, y + row * 18, 10, 10);
            g.setColor(TEXT);
            g.drawString(entry.getKey(), x + 16, y + row * 18 + 10);
            row++;
        }
    }

    private static void drawCentered(Graphics2D g, String text, int cx, int baseline) {
        g.drawString(text, cx - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }

    private static long niceCeiling(long value) {
        List<Long> steps = new ArrayList<>(List.of(4L, 8L, 12L, 16L, 20L, 40L, 60L, 80L, 100L));
        for (long step : steps) {
            if (value <= step) {
                return step;
            }
        }
        return (value + 99) / 100 * 100;
    }

}
