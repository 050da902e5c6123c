package io.tcpwatch.tracer.agent.enrich;

import org.jspecify.annotations.Nullable;

/**
 * What {@code /proc} told about one process, read once and then served from the cache.
 *
 * @param ppid the parent's process id, or the kernel's value when {@code /proc} was gone
 * @param name the full process name (see {@link ProcessNames#fullName})
 * @param exe the executable path, or {@code null} when it was not readable
 * @param cmdline the command line with arguments joined by spaces, or {@code null} when it was not readable
 * @param fromProc whether the values came from {@code /proc} ({@code false}: only the kernel's)
 */
public record ProcessInfo(int ppid, String name, @Nullable String exe, @Nullable String cmdline, boolean fromProc) {
}
