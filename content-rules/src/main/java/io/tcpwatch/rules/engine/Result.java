package io.tcpwatch.rules.engine;

import java.time.Instant;
import java.util.List;

import io.tcpwatch.rules.ruleset.Rule;

/**
 * The outcome of processing one log line.
 *
 * @param event the pre-decoded and decoded event
 * @param rule the rule that matched, or {@code null}
 * @param firedTimes how many times the rule has fired in this session, this event included
 * @param alert whether Wazuh would write an alert (level at least {@value Session#LOG_ALERT_LEVEL}, not
 *     ignored)
 * @param description the rule description with {@code $(field)} placeholders resolved
 * @param previousOutput the earlier events of a correlation rule, newest first
 * @param time the manager time of processing
 * @param alertId the {@code id} of the alert ({@code <epoch>.<sequence>})
 */
public record Result(Event event, Rule rule, int firedTimes, boolean alert, String description,
        List<String> previousOutput, Instant time, String alertId) {
}
