package io.tcpwatch.rules.regex;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PCRE2 pattern run by {@code java.util.regex} after {@link Pcre2Translator translation}, with Wazuh's
 * semantics: compiled with no options (case-sensitive, not UTF, newline LF), searched with
 * {@code pcre2_match} from the start of the subject; the groups are 1..n up to the highest group that took
 * part (an unset group in between is the empty string), and {@link PatternMatch#end()} is the end of the whole
 * match. The subject is matched as its UTF-8 bytes, as PCRE2 without UTF does; a pure ASCII subject is matched
 * in place.
 *
 * <p>Differences were measured against libpcre2-8 10.42 (see {@code DifferentialCorpusTests}). Does NOT
 * behave identically in these cases:
 * <ul>
 *   <li>Recursion, subroutine calls, conditionals, branch reset groups, non-atomic assertions, {@code \K},
 *       callouts, backtracking verbs other than {@code (*FAIL)}, duplicate group names and start-of-pattern
 *       settings that change matching ({@code (*UCP)}, {@code (*CRLF)} ...) are rejected at compile time.
 *       {@code (*UTF)} is supported: the pattern and the subject are then code points.</li>
 *   <li>PCRE2's match limit (ten million backtracking steps) is replaced by a budget of
 *       {@value #READ_BUDGET} character reads per match; a match over budget, or one that overflows the Java
 *       stack, is abandoned and reported as no match, as Wazuh does when {@code pcre2_match} fails. Abandoned
 *       matches are counted in {@link Patterns#abandonedMatches()}.</li>
 *   <li>A group repeated by {@code *} that matched only the empty string ({@code ()*}) is unset in Java
 *       and set to the empty string in PCRE2: it is missing from the end of the group list, and a back
 *       reference to it fails.</li>
 *   <li>{@code (?m)^} does not match an empty subject.</li>
 *   <li>PCRE2 auto-possessifies some repeats before {@code \R} ({@code \R?\s}, {@code .*\R}), which
 *       then fail where Java backtracks and matches.</li>
 *   <li>Under {@code (?i)}, a {@code \p{..}} inside a character class folds case in Java and not in PCRE2
 *       (outside a class it is translated to keep PCRE2's behaviour).</li>
 *   <li>Script names in {@code \p{..}} follow Java's script names; {@code \X} follows Java's grapheme
 *       rules over single bytes.</li>
 * </ul>
 *
 * <p>Before the regex runs, a subject is checked for the literal text every match must contain (outside
 * groups, in a pattern with no top-level {@code |}), as PCRE2's own start-up optimisations do, and a pattern
 * that starts with {@code .*} is anchored at the subject start or after a newline, as PCRE2 does.
 */
final class Pcre2Pattern implements CompiledPattern {

    /** Character reads one match may spend before it is abandoned. */
    static final long READ_BUDGET = 10_000_000L;

    static final LongAdder ABANDONED = new LongAdder();

    private final String source;

    private final Pattern pattern;

    /** Compiled with {@code (*UTF)}: the subject is matched as code points, in place. */
    private final boolean utf;

    /** Texts every match contains, checked with a fast search before the regex runs. */
    private final String[] requiredTexts;

    /** ASCII characters every match contains in one case or the other. */
    private final int[] requiredCaseless;

    private final ThreadLocal<Scratch> scratch;

    private Pcre2Pattern(String source, Pattern pattern, Pcre2Translator.Translation translation) {
        this.source = source;
        this.pattern = pattern;
        this.utf = translation.utf();
        this.requiredTexts = translation.requiredTexts().toArray(String[]::new);
        this.requiredCaseless = translation.requiredCaseless().stream().mapToInt(Integer::intValue).toArray();
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(pattern));
    }

    /**
     * Compiles a PCRE2 pattern.
     *
     * @throws PatternSyntaxError when PCRE2 would reject the pattern or java.util.regex cannot express it
     */
    static Pcre2Pattern compile(String source) {
        if (source.indexOf('\0') >= 0) {
            throw new PatternSyntaxError(PatternType.PCRE2, source, "contains a NUL character at offset "
                    + source.indexOf('\0') + ", which would end the pattern in Wazuh");
        }
        Pcre2Translator.Translation translation = Pcre2Translator.translate(source);
        try {
            int flags = Pattern.UNIX_LINES | (translation.utf() ? Pattern.UNICODE_CASE : 0);
            return new Pcre2Pattern(source, Pattern.compile(translation.javaRegex(), flags), translation);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new PatternSyntaxError(PatternType.PCRE2, source, "not accepted after translation to "
                    + "java.util.regex [" + translation.javaRegex() + "]: " + e.getDescription());
        }
    }

    /** The java.util.regex pattern this PCRE2 pattern was translated to. */
    String javaRegex() {
        return this.pattern.pattern();
    }

    @Override
    public String source() {
        return this.source;
    }

    @Override
    public PatternType type() {
        return PatternType.PCRE2;
    }

    @Override
    public PatternMatch match(String subject) {
        return match(subject, 0);
    }

    @Override
    public PatternMatch match(String subject, int from) {
        if (from < 0 || from > subject.length()) {
            throw new IndexOutOfBoundsException("offset " + from + " is outside the subject of length "
                    + subject.length());
        }
        int length = Utf8Offsets.cString(subject, from);
        Scratch state = this.scratch.get();
        try {
            if (this.utf || Utf8Offsets.isAscii(subject)) {
                if (!containsRequired(subject, from, length)) {
                    return null;
                }
                state.text.reset(subject);
                return run(state, subject, from, length);
            }
            String suffix = subject.substring(from, length);
            String bytes = Utf8Offsets.bytesAsChars(suffix);
            if (!containsRequired(bytes, 0, bytes.length())) {
                return null;
            }
            state.text.reset(bytes);
            PatternMatch byteMatch = run(state, bytes, 0, bytes.length());
            if (byteMatch == null) {
                return null;
            }
            List<String> groups = new ArrayList<>(byteMatch.groups().size());
            for (int i = 0; i < byteMatch.groups().size(); i++) {
                groups.add(state.groupText(i + 1, bytes));
            }
            int end = from + Utf8Offsets.charEndOfByte(suffix, byteMatch.end());
            return new PatternMatch(end, groups, end - 1);
        } catch (ReadBudgetExceeded | StackOverflowError e) {
            ABANDONED.increment();
            return null;
        } finally {
            state.text.reset("");
        }
    }

    private boolean containsRequired(String text, int from, int length) {
        for (String required : this.requiredTexts) {
            int at = text.indexOf(required, from);
            if (at < 0 || at + required.length() > length) {
                return false;
            }
        }
        for (int value : this.requiredCaseless) {
            int at = text.indexOf(value, from);
            if (at < 0 || at >= length) {
                int other = value >= 'a' && value <= 'z' ? value - ('a' - 'A')
                        : value >= 'A' && value <= 'Z' ? value + ('a' - 'A') : -1;
                at = other < 0 ? -1 : text.indexOf(other, from);
            }
            if (at < 0 || at >= length) {
                return false;
            }
        }
        return true;
    }

    private static PatternMatch run(Scratch state, String subject, int from, int length) {
        Matcher matcher = state.matcher;
        matcher.reset(state.text);
        matcher.region(from, length);
        if (!matcher.find()) {
            return null;
        }
        int highest = matcher.groupCount();
        while (highest > 0 && matcher.start(highest) < 0) {
            highest--;
        }
        List<String> groups = new ArrayList<>(highest);
        for (int i = 1; i <= highest; i++) {
            groups.add(matcher.start(i) < 0 ? "" : subject.substring(matcher.start(i), matcher.end(i)));
        }
        return new PatternMatch(matcher.end(), groups, matcher.end() - 1);
    }

    /** Per-thread matcher and subject view, so that a match that fails allocates nothing. */
    private static final class Scratch {

        final BudgetedText text = new BudgetedText();

        final Matcher matcher;

        Scratch(Pattern pattern) {
            this.matcher = pattern.matcher(this.text);
        }

        String groupText(int group, String bytes) {
            int start = this.matcher.start(group);
            return start < 0 ? "" : Utf8Offsets.decode(bytes, start, this.matcher.end(group));
        }
    }

    /** The subject as the matcher reads it: each read is counted against {@link #READ_BUDGET}. */
    private static final class BudgetedText implements CharSequence {

        private String text = "";

        private long reads;

        void reset(String text) {
            this.text = text;
            this.reads = 0;
        }

        @Override
        public int length() {
            return this.text.length();
        }

        @Override
        public char charAt(int index) {
            if (++this.reads > READ_BUDGET) {
                throw ReadBudgetExceeded.INSTANCE;
            }
            return this.text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return this.text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return this.text;
        }
    }

    /** A match read more characters than {@link #READ_BUDGET}. */
    private static final class ReadBudgetExceeded extends RuntimeException {

        private static final long serialVersionUID = 1L;

        static final ReadBudgetExceeded INSTANCE = new ReadBudgetExceeded();

        private ReadBudgetExceeded() {
            super("read budget exceeded", null, false, false);
        }
    }
}
