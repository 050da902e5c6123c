package io.tcpwatch.dashboards.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The options of the {@code import} command.
 *
 * @param url the dashboard's base URL
 * @param file the NDJSON file to import, or {@code null} for the one inside the jar
 * @param user the basic-authentication user, or {@code null} for none
 * @param password the password, or {@code null} when there is no user
 * @param caFile the CA certificates to trust, or {@code null}
 * @param insecure whether to skip certificate and host name checks
 * @param timeout how long to wait for the connection and the answer
 * @param tenant the security plugin tenant to import into, or {@code null} for the user's default
 */
record ImportOptions(URI url, Path file, String user, String password, Path caFile, boolean insecure,
        Duration timeout, String tenant) {

    /** The environment variable read for the password when {@code --user} has none. */
    static final String PASSWORD_VARIABLE = "TCPWATCH_DASHBOARD_PASSWORD";

    /** The longest timeout accepted, in seconds. */
    static final int MAX_TIMEOUT_SECONDS = 3600;

    static final String USAGE = """
            usage: java -jar dashboards.jar import --url URL [--file FILE] [--user USER[:PASSWORD]]
                                                 [--ca-cert FILE | --insecure] [--timeout SECONDS]
                                                 [--tenant TENANT]
              --url       the dashboard's base URL, e.g. https://wazuh-dashboard:443
              --file      the saved objects to import (default: the tcpwatch objects inside this jar)
              --user      basic authentication; without :PASSWORD the password is read from the
                          environment variable %s
              --ca-cert   trust the CA certificates in FILE (PEM or DER) instead of the JDK's
              --insecure  accept any certificate and host name (self-signed test setups only)
              --timeout   seconds to wait for the connection and for the answer (default 60)
              --tenant    import into this tenant of the security plugin (global, private, ...)
            """.formatted(PASSWORD_VARIABLE);

    /**
     * Parses the command's arguments.
     *
     * @param args the arguments after {@code import}
     * @param env the environment
     * @return the options
     * @throws UsageException naming the argument when one is missing, unknown or malformed
     */
    static ImportOptions parse(String[] args, Map<String, String> env) {
        URI url = null;
        Path file = null;
        String user = null;
        String password = null;
        Path caFile = null;
        boolean insecure = false;
        Duration timeout = Duration.ofSeconds(60);
        String tenant = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--url" -> url = parseUrl(value(args, ++i, arg));
                case "--file" -> file = Path.of(value(args, ++i, arg));
                case "--user" -> {
                    String value = value(args, ++i, arg);
                    int colon = value.indexOf(':');
                    user = (colon < 0) ? value : value.substring(0, colon);
                    password = (colon < 0) ? null : value.substring(colon + 1);
                }
                case "--ca-cert" -> caFile = Path.of(value(args, ++i, arg));
                case "--insecure" -> insecure = true;
                case "--timeout" -> timeout = parseTimeout(value(args, ++i, arg));
                case "--tenant" -> tenant = value(args, ++i, arg);
                default -> throw new UsageException("unknown argument [" + arg + "]");
            }
        }
        if (url == null) {
            throw new UsageException("missing --url");
        }
        if (caFile != null && insecure) {
            throw new UsageException("--ca-cert and --insecure exclude each other");
        }
        if (user != null && user.isEmpty()) {
            throw new UsageException("--user has an empty user name");
        }
        if (user != null && password == null) {
            password = env.get(PASSWORD_VARIABLE);
            if (password == null) {
                throw new UsageException("--user [" + user + "] has no password: give USER:PASSWORD or set "
                        + PASSWORD_VARIABLE);
            }
        }
        return new ImportOptions(url, file, user, password, caFile, insecure, timeout, tenant);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static URI parseUrl(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new UsageException("--url [" + value + "] must be http://HOST[:PORT] or https://HOST[:PORT]");
            }
            return uri;
        }
        catch (URISyntaxException ex) {
            throw new UsageException("--url [" + value + "] is not a URL: " + ex.getReason());
        }
    }

    private static Duration parseTimeout(String value) {
        int seconds;
        try {
            seconds = Integer.parseInt(value);
        }
        catch (NumberFormatException ex) {
            throw new UsageException("--timeout [" + value + "] is not a whole number of seconds");
        }
        if (seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
            throw new UsageException("--timeout [" + value + "] must be between 1 and " + MAX_TIMEOUT_SECONDS
                    + " seconds");
        }
        return Duration.ofSeconds(seconds);
    }

}
