package io.tcpwatch.rules.lint;

/** How bad a lint finding is. */
public enum Severity {
    /** The ruleset does not do what its author wrote: Wazuh rejects it, or a rule can never fire. */
    ERROR,
    /** The ruleset works but departs from tcpwatch's conventions for Wazuh content. */
    WARNING
}
