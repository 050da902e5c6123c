package io.tcpwatch.rules.engine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.tcpwatch.rules.regex.PatternMatch;
import io.tcpwatch.rules.ruleset.CdbList;
import io.tcpwatch.rules.ruleset.Decoder;
import io.tcpwatch.rules.ruleset.Expr;
import io.tcpwatch.rules.ruleset.LoadedRuleset;
import io.tcpwatch.rules.ruleset.Rule;
import io.tcpwatch.rules.ruleset.StaticField;

/**
 * A stateful run of the engine, like one wazuh-logtest session or one analysisd: it holds the fired counts
 * and the correlation history that {@code frequency}/{@code if_matched_*} rules search. Not thread-safe: use
 * one session per thread.
 *
 * <p>Correlation history is bounded: events older than the longest correlation timeframe leave it, and each
 * list keeps at most {@value #HISTORY_LIMIT} events; dropping an event still inside a timeframe is counted in
 * {@link #droppedHistory()}. analysisd bounds its lists by time only.
 */
public final class Session {

    /** analysisd's log_alert_level: lower levels match but write no alert. */
    public static final int LOG_ALERT_LEVEL = 3;

    /** ossec.conf's email_alert_level. */
    public static final int MAIL_ALERT_LEVEL = 12;

    /** The most events one correlation list keeps. */
    public static final int HISTORY_LIMIT = 4096;

    private static final int PREVIOUS_OUTPUT_LIMIT = 11;

    /** An event that fired a rule, as the correlation lists keep it. */
    private static final class Fired {
        final Event event;

        final long second;

        Fired(Event event, long second) {
            this.event = event;
            this.second = second;
        }
    }

    private final LoadedRuleset ruleset;

    private final EngineOptions options;

    private final Set<Integer> sidTargets = new HashSet<>();

    private final Map<Integer, ArrayDeque<Fired>> bySid = new HashMap<>();

    private final Map<Rule, ArrayDeque<Fired>> byGroupRule = new IdentityHashMap<>();

    private final ArrayDeque<Fired> lastEvents = new ArrayDeque<>();

    private final Map<Integer, Integer> firedTimes = new HashMap<>();

    private final Map<Integer, Long> ignoredSince = new HashMap<>();

    private final Map<Integer, String> lastDiff = new HashMap<>();

    private final Set<String> ftsSeen = new HashSet<>();

    /** The longest timeframe of any correlating rule: older events can never count again. */
    private final long horizon;

    private long sequence;

    private long droppedHistory;

    private List<String> previousOutput = List.of();

    Session(LoadedRuleset ruleset, EngineOptions options) {
        this.ruleset = ruleset;
        this.options = options;
        long longest = 0;
        for (Rule rule : ruleset.rules()) {
            if (rule.correlates()) {
                longest = Math.max(longest, rule.timeframe());
            }
            if (rule.ifMatchedSid() != 0) {
                this.sidTargets.add(rule.ifMatchedSid());
            }
        }
        this.horizon = longest;
    }

    /** Creates a session over {@code ruleset}. */
    public static Session create(LoadedRuleset ruleset, EngineOptions options) {
        return new Session(Objects.requireNonNull(ruleset, "'ruleset' must not be null"),
                Objects.requireNonNull(options, "'options' must not be null"));
    }

    /** Correlation events dropped because a list reached {@value #HISTORY_LIMIT}. */
    public long droppedHistory() {
        return this.droppedHistory;
    }

    /**
     * Runs one log line through pre-decoding, decoding and the rules.
     *
     * @param location where the line came from ({@code stdin}, a path, or {@code [001] (web01) 10.0.0.5->/var/log/x})
     * @param message the log line without a trailing newline
     */
    public Result process(String location, String message) {
        Instant now = this.options.clock().instant();
        Event event = new Event();
        event.epochSecond = now.getEpochSecond();
        PreDecoder.predecode(event, location, message, this.options.managerName());
        DecodeEngine.decode(event, this.ruleset);
        this.previousOutput = List.of();
        Rule rule = null;
        String type = event.decoder != null ? event.decoder.type() : "syslog";
        for (Rule root : this.ruleset.roots()) {
            String category = root.category() != null ? root.category() : "syslog";
            if (!category.equals(type)) {
                continue;
            }
            rule = check(root, event);
            if (rule != null) {
                break;
            }
        }
        if (rule == null) {
            return new Result(event, null, 0, false, null, List.of(), now, null);
        }
        int fired = this.firedTimes.merge(rule.id(), 1, Integer::sum);
        String description = Descriptions.resolve(rule.description(), event);
        boolean added = rule.level() > 0 && !ignored(rule, event);
        if (added) {
            remember(rule, event);
        }
        boolean alert = added && rule.level() >= LOG_ALERT_LEVEL;
        String alertId = null;
        if (alert) {
            this.sequence++;
            alertId = now.getEpochSecond() + "." + this.sequence;
        }
        return new Result(event, rule, fired, alert, description, this.previousOutput, now, alertId);
    }

    /**
     * wazuh-logtest's {@code ignore} handling: the first firing starts the window, firings inside it are
     * ignored (not stored, no alert), and the first firing after it closes the window again.
     */
    private boolean ignored(Rule rule, Event event) {
        if (rule.ignoreSeconds() <= 0) {
            return false;
        }
        Long since = this.ignoredSince.get(rule.id());
        if (since == null) {
            this.ignoredSince.put(rule.id(), event.epochSecond);
            return false;
        }
        if (event.epochSecond - since < rule.ignoreSeconds()) {
            return true;
        }
        this.ignoredSince.remove(rule.id());
        return false;
    }

    private void remember(Rule rule, Event event) {
        Fired fired = new Fired(event, event.epochSecond);
        if (this.sidTargets.contains(rule.id())) {
            push(this.bySid.computeIfAbsent(rule.id(), k -> new ArrayDeque<>()), fired);
        }
        for (Rule correlator : this.ruleset.correlatorsFedBy(rule)) {
            push(this.byGroupRule.computeIfAbsent(correlator, k -> new ArrayDeque<>()), fired);
        }
        push(this.lastEvents, fired);
    }

    private void push(ArrayDeque<Fired> list, Fired fired) {
        list.addFirst(fired);
        while (!list.isEmpty() && fired.second - list.peekLast().second > this.horizon) {
            list.removeLast();
        }
        if (list.size() > HISTORY_LIMIT) {
            list.removeLast();
            this.droppedHistory++;
        }
    }

    private Rule check(Rule rule, Event event) {
        if (!matches(rule, event)) {
            return null;
        }
        for (Rule child : rule.childrenFor(event.decoder)) {
            Rule hit = check(child, event);
            if (hit != null) {
                return hit;
            }
        }
        return rule.noalert() ? null : rule;
    }

    private boolean matches(Rule rule, Event event) {
        Decoder decoder = event.decoder;
        if (rule.decodedAsId() != null && (decoder == null || decoder.id() != rule.decodedAsId())) {
            return false;
        }
        if (!test(rule.programName(), event.programName) || !test(rule.idExpr(), event, StaticField.ID)
                || !test(rule.systemName(), event, StaticField.SYSTEM_NAME)
                || !test(rule.protocol(), event, StaticField.PROTOCOL) || !test(rule.match(), event.log)
                || !test(rule.regex(), event.log) || !test(rule.action(), event, StaticField.ACTION)
                || !test(rule.url(), event, StaticField.URL) || !test(rule.location(), event.location)) {
            return false;
        }
        for (Rule.FieldCondition field : rule.fields()) {
            if (!field.expr().test(event.fieldLowerCase(field.key()))) {
                return false;
            }
        }
        if ((rule.srcip() != null && !rule.srcip().test(event.get(StaticField.SRCIP)))
                || (rule.dstip() != null && !rule.dstip().test(event.get(StaticField.DSTIP)))
                || !test(rule.srcport(), event, StaticField.SRCPORT)
                || !test(rule.dstport(), event, StaticField.DSTPORT)) {
            return false;
        }
        if (rule.compiledRule() != null && !rule.compiledRule().test(name -> name.equals("log") ? event.log
                : event.value(name))) {
            return false;
        }
        if (rule.user() != null) {
            String user = event.get(StaticField.DSTUSER) != null ? event.get(StaticField.DSTUSER)
                    : event.get(StaticField.SRCUSER);
            if (!rule.user().test(user)) {
                return false;
            }
        }
        if (rule.srcgeoip() != null || rule.dstgeoip() != null) {
            // No GeoIP database: the fields are absent, and an absent field never matches.
            return false;
        }
        if (rule.maxsize() > 0 && event.log.length() < rule.maxsize()) {
            return false;
        }
        if (rule.time() != null || rule.weekday() != null) {
            LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochSecond(event.epochSecond),
                    this.options.clock().getZone());
            if ((rule.time() != null && !rule.time().test(local.toLocalTime()))
                    || (rule.weekday() != null && !rule.weekday().test(local.getDayOfWeek()))) {
                return false;
            }
        }
        if (!test(rule.data(), event, StaticField.DATA)
                || !test(rule.extraData(), event, StaticField.EXTRA_DATA)
                || !test(rule.hostname(), event.hostname) || !test(rule.status(), event, StaticField.STATUS)) {
            return false;
        }
        if (rule.checkDiff() && !differs(rule, event)) {
            return false;
        }
        if (rule.ifFts() && !firstTimeSeen(event)) {
            return false;
        }
        for (Rule.ListLookup lookup : rule.lists()) {
            if (!lookup(lookup, event)) {
                return false;
            }
        }
        return !rule.correlates() || correlate(rule, event);
    }

    private static boolean test(Expr expr, String value) {
        return expr == null || expr.test(value);
    }

    /** {@link #test(Expr, String)} on a static field, read only when there is a condition. */
    private static boolean test(Expr expr, Event event, StaticField field) {
        return expr == null || expr.test(event.get(field));
    }

    private boolean differs(Rule rule, Event event) {
        String previous = this.lastDiff.put(rule.id(), event.fullLog);
        return previous != null && !previous.equals(event.fullLog);
    }

    private boolean firstTimeSeen(Event event) {
        Decoder decoder = event.decoder;
        if (decoder == null || decoder.fts().isEmpty()) {
            return false;
        }
        StringBuilder key = new StringBuilder(decoder.reportedName());
        for (String name : decoder.fts()) {
            String value = switch (name) {
                case "name" -> decoder.reportedName();
                case "location" -> event.location;
                case "system_name" -> event.get(StaticField.SYSTEM_NAME);
                case "extra_data" -> event.get(StaticField.EXTRA_DATA);
                default -> event.value(name);
            };
            key.append('\u0001').append(value);
        }
        return this.ftsSeen.add(key.toString());
    }

    private boolean lookup(Rule.ListLookup lookup, Event event) {
        CdbList list = this.ruleset.lists().get(lookup.listPath());
        String field = lookup.field();
        String value;
        if (field.equals("user")) {
            value = event.get(StaticField.SRCUSER) != null ? event.get(StaticField.SRCUSER)
                    : event.get(StaticField.DSTUSER);
        }
        else {
            value = event.value(field);
        }
        if (value == null || list == null) {
            return false;
        }
        boolean address = lookup.lookup().startsWith("address_") || lookup.lookup().startsWith("not_address_");
        String stored = address ? list.getAddress(value) : list.get(value);
        return switch (lookup.lookup()) {
            case "match_key", "address_match_key" -> stored != null;
            case "not_match_key", "not_address_match_key" -> stored == null;
            default -> stored != null && (lookup.checkValue() == null || lookup.checkValue().matches(stored));
        };
    }

    /**
     * Searches the rule's correlation list, newest first, for {@code frequency - 1} earlier events (at least
     * one) inside the timeframe that satisfy its {@code same_*}/{@code different_*} options. An earlier event
     * may count toward several firings: nothing marks it as used (Wazuh's suite expects nested
     * {@code if_matched_sid} rules to fire on consecutive events); {@code ignore} is what mutes repeats.
     */
    private boolean correlate(Rule rule, Event event) {
        ArrayDeque<Fired> list;
        if (rule.ifMatchedSid() != 0) {
            list = this.bySid.get(rule.ifMatchedSid());
        }
        else if (rule.ifMatchedGroup() != null) {
            list = this.byGroupRule.get(rule);
        }
        else {
            list = this.lastEvents;
        }
        if (list == null || list.isEmpty()) {
            return false;
        }
        int needed = Math.max(rule.frequency() - 1, 1);
        int found = 0;
        List<String> previous = new ArrayList<>();
        Iterator<Fired> it = list.iterator();
        while (it.hasNext()) {
            Fired fired = it.next();
            if (event.epochSecond - fired.second > rule.timeframe()) {
                return false;
            }
            Event earlier = fired.event;
            if (rule.ifMatchedSid() == 0 && rule.ifMatchedGroup() == null) {
                String type = event.decoder != null ? event.decoder.type() : "syslog";
                String earlierType = earlier.decoder != null ? earlier.decoder.type() : "syslog";
                if (!type.equals(earlierType)) {
                    continue;
                }
                PatternMatch m = rule.ifMatchedRegex() != null ? rule.ifMatchedRegex().match(earlier.log) : null;
                if (rule.ifMatchedRegex() != null && m == null) {
                    continue;
                }
            }
            if (!rule.globalFrequency() && !Objects.equals(earlier.agentId, event.agentId)) {
                continue;
            }
            if (!Correlation.satisfies(rule, event, earlier)) {
                continue;
            }
            if (previous.size() < PREVIOUS_OUTPUT_LIMIT) {
                previous.add(earlier.fullLog);
            }
            found++;
            if (found >= needed) {
                this.previousOutput = List.copyOf(previous);
                return true;
            }
        }
        return false;
    }
}
