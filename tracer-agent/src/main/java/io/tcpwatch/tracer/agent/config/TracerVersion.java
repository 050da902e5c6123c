package io.tcpwatch.tracer.agent.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The tracer's version, written into {@code META-INF/tcpwatch/version.properties} by the build. */
public final class TracerVersion {

    private static final String RESOURCE = "/META-INF/tcpwatch/version.properties";

    private TracerVersion() {
    }

    /** The version, e.g. {@code 0.1.0}. */
    public static String current() {
        try (InputStream in = TracerVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The build did not write " + RESOURCE);
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            if (version == null || version.isBlank() || version.startsWith("${")) {
                throw new IllegalStateException(RESOURCE + " has no filtered 'version' key");
            }
            return version;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Failed to read " + RESOURCE, ex);
        }
    }
}
