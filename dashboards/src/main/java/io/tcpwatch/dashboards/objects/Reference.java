package io.tcpwatch.dashboards.objects;

import java.util.Objects;

/**
 * A link from one saved object to another, as OpenSearch Dashboards stores it: the name the object's
 * JSON uses ({@code kibanaSavedObjectMeta.searchSourceJSON.index}, {@code panel_0}), the type and the id
 * of the target.
 *
 * @param name the name by which the object's attributes refer to the target
 * @param type the target's saved-object type ({@code index-pattern}, {@code visualization}, {@code search})
 * @param id the target's id
 */
public record Reference(String name, String type, String id) {

    /** The saved-object type of an index pattern. */
    public static final String INDEX_PATTERN = "index-pattern";

    public Reference {
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(type, "'type' must not be null");
        Objects.requireNonNull(id, "'id' must not be null");
    }

}
