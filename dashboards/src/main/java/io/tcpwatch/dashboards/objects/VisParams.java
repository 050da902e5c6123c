package io.tcpwatch.dashboards.objects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code params} of each visualization type used here, written out in full with the values the
 * OpenSearch Dashboards 2.x editor saves, so the saved object does not depend on the editor's defaults.
 */
public final class VisParams {

    private VisParams() {
    }

    /**
     * A vertical bar chart ({@code histogram}) with one value axis counting documents.
     *
     * @param valueTitle the value axis title
     * @param mode {@code stacked} or {@code normal}
     * @return the params
     */
    public static ObjectNode verticalBars(String valueTitle, String mode) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode params = nodes.objectNode();
        params.put("type", "histogram");
        params.putObject("grid").put("categoryLines", false);
        ObjectNode category = params.putArray("categoryAxes").addObject();
        category.put("id", "CategoryAxis-1");
        category.put("type", "category");
        category.put("position", "bottom");
        category.put("show", true);
        category.putObject("style");
        category.putObject("scale").put("type", "linear");
        category.putObject("labels").put("show", true).put("filter", true).put("truncate", 100);
        category.putObject("title");
        ObjectNode value = params.putArray("valueAxes").addObject();
        value.put("id", "ValueAxis-1");
        value.put("name", "LeftAxis-1");
        value.put("type", "value");
        value.put("position", "left");
        value.put("show", true);
        value.putObject("style");
        value.putObject("scale").put("type", "linear").put("mode", "normal");
        value.putObject("labels").put("show", true).put("rotate", 0).put("filter", false).put("truncate", 100);
        value.putObject("title").put("text", valueTitle);
        ObjectNode series = params.putArray("seriesParams").addObject();
        series.put("show", true);
        series.put("type", "histogram");
        series.put("mode", mode);
        series.putObject("data").put("label", valueTitle).put("id", "1");
        series.put("valueAxis", "ValueAxis-1");
        series.put("drawLinesBetweenPoints", true);
        series.put("lineWidth", 2);
        series.put("showCircles", true);
        params.put("addTooltip", true);
        params.put("addLegend", true);
        params.put("legendPosition", "right");
        params.putArray("times");
        params.put("addTimeMarker", false);
        params.putObject("labels").put("show", false);
        params.putObject("thresholdLine").put("show", false).put("value", 10).put("width", 1)
                .put("style", "full").put("color", "#E7664C");
        return params;
    }

    /**
     * A data table.
     *
     * @param perPage rows per page
     * @return the params
     */
    public static ObjectNode table(int perPage) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.put("perPage", perPage);
        params.put("showPartialRows", false);
        params.put("showMetricsAtAllLevels", false);
        params.put("showTotal", false);
        params.put("totalFunc", "sum");
        params.put("percentageCol", "");
        return params;
    }

    /**
     * A donut chart.
     *
     * @return the params
     */
    public static ObjectNode donut() {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.put("type", "pie");
        params.put("addTooltip", true);
        params.put("addLegend", true);
        params.put("legendPosition", "right");
        params.put("isDonut", true);
        params.putObject("labels").put("show", false).put("values", true).put("last_level", true).put("truncate", 100);
        return params;
    }

    /**
     * A coordinate map ({@code tile_map}) drawing one scaled circle per geohash cell.
     *
     * @return the params
     */
    public static ObjectNode coordinateMap() {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.put("colorSchema", "Yellow to Red");
        params.put("mapType", "Scaled Circle Markers");
        params.put("isDesaturated", true);
        params.put("addTooltip", true);
        params.put("heatClusterSize", 1.5);
        params.put("legendPosition", "bottomright");
        params.put("mapZoom", 2);
        ArrayNode center = params.putArray("mapCenter");
        center.add(20);
        center.add(0);
        ObjectNode wms = params.putObject("wms");
        wms.put("enabled", false);
        wms.put("url", "");
        wms.putObject("options").put("format", "image/png").put("transparent", true);
        return params;
    }

}
