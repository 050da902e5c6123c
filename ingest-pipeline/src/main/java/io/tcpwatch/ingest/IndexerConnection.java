package io.tcpwatch.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * How to reach a Wazuh indexer (or any OpenSearch 2.x node): its URL, how to trust its certificate, and whom to
 * log in as.
 *
 * @param url the base URL, {@code http://} or {@code https://} with host and port
 * @param caFile the PEM file of the CA that signed the node's certificate, or {@code null}
 * @param insecure whether to accept any certificate and host name (for tests and first set-up only)
 * @param user the basic-auth user, or {@code null} for none
 * @param password the basic-auth password, or {@code null}
 */
public record IndexerConnection(URI url, Path caFile, boolean insecure, String user, String password) {

    /**
     * Checks the combination.
     * @throws IllegalArgumentException for an unusable URL, both a CA file and insecure, or a user without password
     */
    public IndexerConnection {
        if (url == null || url.getHost() == null
                || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("indexer URL [" + url + "] must be http:// or https:// with a host, "
                    + "e.g. https://localhost:9200");
        }
        if (url.getPath() != null && !url.getPath().isEmpty() && !"/".equals(url.getPath())) {
            throw new IllegalArgumentException("indexer URL [" + url + "] must not have a path");
        }
        if (caFile != null && insecure) {
            throw new IllegalArgumentException("--ca and --insecure exclude each other: choose one");
        }
        if (user != null && password == null) {
            throw new IllegalArgumentException("user [" + user + "] has no password: set TCPWATCH_INDEXER_PASSWORD "
                    + "or pass --password-file");
        }
    }

    /**
     * @param text a URL such as {@code https://localhost:9200}
     * @return the parsed URL
     * @throws IllegalArgumentException when the text is not a URL
     */
    public static URI parseUrl(String text) {
        try {
            return new URI(text);
        }
        catch (URISyntaxException ex) {
            throw new IllegalArgumentException("indexer URL [" + text + "] is not a URL: " + ex.getReason(), ex);
        }
    }

    /** @return the port, the scheme's default when the URL has none */
    public int port() {
        if (this.url.getPort() > 0) {
            return this.url.getPort();
        }
        return "https".equals(this.url.getScheme()) ? 443 : 80;
    }

    /** @return {@code scheme://host:port}, how errors name the node */
    public String displayName() {
        return this.url.getScheme() + "://" + this.url.getHost() + ":" + port();
    }

    @Override
    public String toString() {
        return displayName() + (this.user != null ? " as " + this.user : "");
    }

}
