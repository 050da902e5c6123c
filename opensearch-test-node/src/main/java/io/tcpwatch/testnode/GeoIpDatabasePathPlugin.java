package io.tcpwatch.testnode;

import java.util.List;

import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Setting.Property;
import org.opensearch.plugins.Plugin;

/**
 * Registers {@code ingest.geoip.database_path}, the node setting ingest-geoip reads to find its
 * databases. A node built from the distribution registers it from the module's launcher; a node
 * whose ingest-geoip comes from the classpath does not, and then refuses the setting as unknown.
 */
public final class GeoIpDatabasePathPlugin extends Plugin {

    /** The directory holding GeoLite2-ASN.mmdb, GeoLite2-City.mmdb and GeoLite2-Country.mmdb. */
    public static final Setting<String> DATABASE_PATH = Setting.simpleString("ingest.geoip.database_path",
            Property.NodeScope);

    @Override
    public List<Setting<?>> getSettings() {
        return List.of(DATABASE_PATH);
    }

}
