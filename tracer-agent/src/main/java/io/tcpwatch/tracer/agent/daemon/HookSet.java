package io.tcpwatch.tracer.agent.daemon;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel hooks an event source uses and those it wanted but could not attach, each comma-separated,
 * as the {@code health} event carries them.
 *
 * @param inUse the hooks in use
 * @param missing the hooks wanted but not available, empty when none
 */
public record HookSet(String inUse, String missing) {

    private static final Pattern HOOK = Pattern.compile(
            "\\b(?:tp_btf|tracepoint|raw_tp|fentry|fexit|fmod_ret|lsm|kprobe|kretprobe|cgroup|iter)/[A-Za-z0-9_./]+");

    private static final String REFUSED = "refused";

    public HookSet {
        Objects.requireNonNull(inUse, "'inUse' must not be null");
        Objects.requireNonNull(missing, "'missing' must not be null");
    }

    /** The hooks from lists of names, such as {@code BpfEventSource.hooksInUse()} and {@code hooksMissing()}. */
    public static HookSet of(List<String> inUse, List<String> missing) {
        return new HookSet(String.join(",", inUse), String.join(",", missing));
    }

    /**
     * Reads the hook names out of an event source's {@code describeHooks()} line, for sources that do not list
     * them otherwise (the BPF source does, and {@link #of} takes its lists): names before the word
     * {@code refused} are in use, names after it that are not in use are missing.
     *
     * <p>IMPORTANT: this follows the wording of {@code BpfEventSource.describeHooks()} in tracer-kernel
     * ({@code "<hook> (<what>), <hook> (<what>); refused first: <hook>: <why>"}); a change there must keep
     * hook names in the {@code section/name} form and the word {@code refused} before refused ones.
     */
    public static HookSet fromDescription(String description) {
        int refusedAt = description.indexOf(REFUSED);
        String usedPart = refusedAt < 0 ? description : description.substring(0, refusedAt);
        String refusedPart = refusedAt < 0 ? "" : description.substring(refusedAt);
        Set<String> used = hookNames(usedPart);
        Set<String> missing = hookNames(refusedPart);
        missing.removeAll(used);
        return new HookSet(String.join(",", used), String.join(",", missing));
    }

    private static Set<String> hookNames(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = HOOK.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }
}
