package io.tcpwatch.rules.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tcpwatch.rules.regex.CompiledPattern;
import io.tcpwatch.rules.regex.PatternType;
import io.tcpwatch.rules.regex.Patterns;

/**
 * The pre-filter keeps, for a subject long enough, the set of its lowered char pairs, and rejects a literal
 * with a pair outside it without scanning: these subjects are long enough for the set to be used.
 */
class RequiredLiteralsPairSetTests {

    private static final String PADDING = "Dec 29 10:00:01 web01 kernel: padding padding padding ";

    private static CompiledPattern filtered(PatternType type, String source) {
        CompiledPattern wrapped = RequiredLiterals.wrap(Patterns.compileWithoutCaptures(type, source));
        assertThat(wrapped).isInstanceOf(RequiredLiterals.class);
        return wrapped;
    }

    @Test
    void osRegexFindsItsLiteralInAnyCaseAtTheEndOfALongSubject() {
        CompiledPattern pattern = filtered(PatternType.OSREGEX, "user (\\w+) failed");
        String subject = PADDING + "USER bob FAILED";

        assertThat(pattern.match(subject)).isNotNull();
        assertThat(pattern.match(subject).end()).isEqualTo(subject.length());
        assertThat(pattern.match(PADDING + "user bob refused")).isNull();
    }

    @Test
    void caseSensitivePcre2MatchesOnlyTheExactCaseOfItsLiteral() {
        CompiledPattern pattern = filtered(PatternType.PCRE2, "Accepted password");

        assertThat(pattern.match(PADDING + "Accepted password for root")).isNotNull();
        assertThat(pattern.match(PADDING + "ACCEPTED PASSWORD for root")).isNull();
    }

    @Test
    void osMatchContainsIsAnsweredOnALongSubjectWhateverItsCase() {
        CompiledPattern pattern = filtered(PatternType.OSMATCH, "session opened|login refused");

        assertThat(pattern.matches(PADDING + "pam_unix: SESSION OPENED for user root")).isTrue();
        assertThat(pattern.matches(PADDING + "pam_unix: login REFUSED")).isTrue();
        assertThat(pattern.matches(PADDING + "pam_unix: session closed for user root")).isFalse();
    }

    @Test
    void furtherRunsOfAnAlternativeMustAllBeInTheSubject() {
        CompiledPattern pattern = filtered(PatternType.OSREGEX, "^Dec \\d+ \\S+ web01 kernel");
        String subject = PADDING + "tail";

        assertThat(pattern.match(subject)).isNotNull();
        assertThat(pattern.match("Dec 29 10:00:01 web02 kernel: padding padding padding tail")).isNull();
    }
}
