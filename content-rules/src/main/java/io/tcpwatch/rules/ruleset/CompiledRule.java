package io.tcpwatch.rules.ruleset;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The checks analysisd ships as C functions for {@code <compiled_rule>}. Each reads the event through
 * {@link Values} so this package does not depend on the engine.
 */
public enum CompiledRule {

    /** Passes when srcuser or dstuser is absent, or both are equal. */
    COMP_SRCUSER_DSTUSER("comp_srcuser_dstuser", v -> {
        String src = v.get("srcuser");
        String dst = v.get("dstuser");
        return src == null || dst == null || src.equals(dst);
    }),

    /** Passes when the id field has at least 10 characters. */
    CHECK_ID_SIZE("check_id_size", v -> v.get("id") != null && v.get("id").length() >= 10),

    /** Passes when the log's "Target Account Name" and "Caller User Name" values differ. */
    COMP_MSWIN_TARGETUSER_CALLERUSER_DIFF("comp_mswin_targetuser_calleruser_diff", v -> accountsDiffer(v.get("log"))),

    /** Passes for a URL without a query (including {@code /}). */
    IS_SIMPLE_HTTP_REQUEST("is_simple_http_request", v -> v.get("url") != null && v.get("url").indexOf('?') < 0),

    /** Passes when the log starts with an address of a known search-engine crawler range. */
    IS_VALID_CRAWLER("is_valid_crawler", v -> {
        String log = v.get("log");
        return log != null && Crawlers.PREFIXES.stream().anyMatch(log::startsWith);
    });

    /** Event values by name ({@code srcuser}, {@code dstuser}, {@code id}, {@code url}, {@code log}). */
    @FunctionalInterface
    public interface Values {
        String get(String name);
    }

    /** Address prefixes of Google, Bing and Yahoo crawlers. */
    private static final class Crawlers {
        static final List<String> PREFIXES = List.of("66.249.", "72.14.", "209.85.", "65.55.", "207.46.", "74.6.",
                "72.30.", "67.195.");
    }

    private final String wazuhName;

    private final Function<Values, Boolean> check;

    CompiledRule(String wazuhName, Function<Values, Boolean> check) {
        this.wazuhName = wazuhName;
        this.check = check;
    }

    public String wazuhName() {
        return this.wazuhName;
    }

    /** Whether the event passes the check. */
    public boolean test(Values values) {
        return this.check.apply(values);
    }

    /** The check named {@code name} in {@code <compiled_rule>}, or {@code null}. */
    public static CompiledRule forName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (CompiledRule rule : values()) {
            if (rule.wazuhName.equals(wanted)) {
                return rule;
            }
        }
        return null;
    }

    private static boolean accountsDiffer(String log) {
        if (log == null) {
            return false;
        }
        int target = log.indexOf("Target Account Name");
        int caller = log.indexOf("Caller User Name");
        if (target < 0 || caller < 0) {
            return false;
        }
        target = log.indexOf(':', target);
        caller = log.indexOf(':', caller);
        if (target < 0 || caller < 0) {
            return false;
        }
        for (int t = target + 1, c = caller + 1; t < log.length(); t++, c++) {
            char tc = log.charAt(t);
            if (c >= log.length() || tc != log.charAt(c)) {
                return true;
            }
            if (tc == '\t' || (tc == ' ' && t + 1 < log.length() && log.charAt(t + 1) == ' ')) {
                break;
            }
        }
        return false;
    }
}
