package io.tcpwatch.dashboards.objects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dashboard: panels placed on the 48-column grid of OpenSearch Dashboards, each showing a
 * visualization or a saved search, plus the dashboard's own filters.
 *
 * @param id the saved-object id
 * @param title the title
 * @param description what the dashboard shows
 * @param panels the panels, in reading order
 * @param source the dashboard's filters
 */
public record Dashboard(String id, String title, String description, List<Panel> panels, SearchSource source) {

    /** The last dashboard migration of OpenSearch Dashboards 2.x. */
    public static final String MIGRATION_VERSION = "7.9.3";

    /** The width of the dashboard grid, in columns. */
    public static final int GRID_COLUMNS = 48;

    /**
     * The panel format version. The dashboard migrates any panel whose version is below 7.3 (a semver
     * test, so "2.19.1" would count as old), and 7.10.0 is the format OpenSearch Dashboards 2.x keeps.
     */
    static final String PANEL_VERSION = "7.10.0";

    public Dashboard {
        Objects.requireNonNull(id, "'id' must not be null");
        panels = List.copyOf(panels);
        for (Panel panel : panels) {
            if (panel.x() < 0 || panel.width() < 1 || panel.x() + panel.width() > GRID_COLUMNS) {
                throw new IllegalArgumentException("panel [" + panel.target().id() + "] of dashboard [" + id
                        + "] leaves the " + GRID_COLUMNS + "-column grid: x=" + panel.x() + " w=" + panel.width());
            }
        }
    }

    /**
     * One panel: what it shows and where.
     *
     * @param target the visualization or saved search shown
     * @param x the left column
     * @param y the top row
     * @param width the width in columns
     * @param height the height in rows
     */
    public record Panel(SavedObject target, int x, int y, int width, int height) {
    }

    /**
     * The saved object; panels refer to their targets through {@code panelRefName} references.
     *
     * @return the saved object
     */
    public SavedObject toSavedObject() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ArrayNode panelArray = nodes.arrayNode();
        List<Reference> references = new ArrayList<>();
        for (int i = 0; i < this.panels.size(); i++) {
            Panel panel = this.panels.get(i);
            String panelIndex = Integer.toString(i + 1);
            ObjectNode json = panelArray.addObject();
            json.put("version", PANEL_VERSION);
            json.putObject("gridData").put("x", panel.x()).put("y", panel.y()).put("w", panel.width())
                    .put("h", panel.height()).put("i", panelIndex);
            json.put("panelIndex", panelIndex);
            json.putObject("embeddableConfig");
            json.put("panelRefName", "panel_" + i);
            references.add(new Reference("panel_" + i, panel.target().type(), panel.target().id()));
        }
        references.addAll(this.source.references());
        ObjectNode attributes = nodes.objectNode();
        attributes.put("title", this.title);
        attributes.put("hits", 0);
        attributes.put("description", this.description);
        attributes.put("panelsJSON", panelArray.toString());
        attributes.put("optionsJSON", nodes.objectNode().put("hidePanelTitles", false).put("useMargins", true)
                .toString());
        attributes.put("version", 1);
        attributes.put("timeRestore", true);
        attributes.put("timeTo", "now");
        attributes.put("timeFrom", "now-24h");
        attributes.putObject("refreshInterval").put("pause", true).put("value", 0);
        attributes.putObject("kibanaSavedObjectMeta")
                .put("searchSourceJSON", this.source.toJson(nodes.objectNode()).toString());
        return new SavedObject("dashboard", this.id, attributes, references, Map.of("dashboard", MIGRATION_VERSION));
    }

}
