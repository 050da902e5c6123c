package io.tcpwatch.tracer.agent.enrich;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User names by uid, read from a passwd-format file and read again when the file changes.
 *
 * <p>Does NOT ask NSS (LDAP, SSSD): a uid that only a directory service knows does not resolve, and the
 * event carries its number without a name.
 */
public final class UserDirectory {

    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final Path passwdFile;

    private Map<Integer, String> names = Map.of();

    private @Nullable FileTime loadedModified;

    private long lastCheckNanos = Long.MIN_VALUE;

    /**
     * @param passwdFile a file in {@code /etc/passwd} format
     */
    public UserDirectory(Path passwdFile) {
        this.passwdFile = Objects.requireNonNull(passwdFile, "'passwdFile' must not be null");
    }

    /**
     * The name of {@code uid}, or {@code null} when the file has none. A miss makes the file be read
     * again if it changed since it was last read (checked at most once a second).
     */
    public synchronized @Nullable String nameOf(int uid) {
        String name = this.names.get(uid);
        if (name != null) {
            return name;
        }
        long now = System.nanoTime();
        if (this.lastCheckNanos != Long.MIN_VALUE && now - this.lastCheckNanos < RECHECK_NANOS) {
            return null;
        }
        this.lastCheckNanos = now;
        reloadIfChanged();
        return this.names.get(uid);
    }

    private void reloadIfChanged() {
        try {
            FileTime modified = Files.getLastModifiedTime(this.passwdFile);
            if (modified.equals(this.loadedModified)) {
                return;
            }
            this.names = parse(Files.readAllLines(this.passwdFile, StandardCharsets.UTF_8));
            this.loadedModified = modified;
        }
        catch (IOException ex) {
            log.debug("Failed to read user names from {}", this.passwdFile, ex);
        }
    }

    /** Parses passwd lines ({@code name:password:uid:...}); lines that do not have that shape are skipped. */
    static Map<Integer, String> parse(List<String> lines) {
        Map<Integer, String> parsed = new HashMap<>();
        for (String line : lines) {
            String[] fields = line.split(":", -1);
            if (fields.length < 3 || fields[0].isEmpty()) {
                continue;
            }
            try {
                parsed.putIfAbsent(Integer.parseInt(fields[2]), fields[0]);
            }
            catch (NumberFormatException ex) {
                continue;
            }
        }
        return Map.copyOf(parsed);
    }
}
