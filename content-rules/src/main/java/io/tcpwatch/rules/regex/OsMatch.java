package io.tcpwatch.rules.regex;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * OS_Match, Wazuh 4.x's simple string matcher (the default for rule {@code <match>} and most rule field
 * elements, and for decoder {@code <program_name>}).
 *
 * <p>The pattern is a list of alternatives separated by {@code |}; there are no escapes, so a backslash is
 * an ordinary character and {@code |} cannot be matched. An alternative {@code ^abc} is a prefix test,
 * {@code abc$} a suffix test, {@code ^abc$} an equality test and {@code abc} a substring test; an empty
 * alternative, {@code ^} or {@code $} alone always match, and {@code ^$} matches only the empty subject. A
 * {@code !} as the first character of the whole pattern negates the result. All comparisons fold ASCII
 * letters only. A NUL character in the subject ends it, as in Wazuh. A substring alternative that contains a
 * non-ASCII character never matches, as in Wazuh's x86-64 build, which compares the pattern as signed
 * {@code char} against unsigned subject bytes; prefix, suffix and equality tests compare such characters
 * normally.
 *
 * <p>Wazuh's OS_Match returns no position, so a decoder never continues after an OS_Match result. The
 * {@link PatternMatch#end()} reported here is the end of the first alternative that matched (the subject
 * start for a negated pattern or an always-true alternative), which no Wazuh decoder option reads.
 */
final class OsMatch implements CompiledPattern {

    private enum Kind {
        /** Always true ({@code _os_strmatch}). */
        ANY,
        /** Case-insensitive prefix. */
        PREFIX,
        /** Case-insensitive suffix. */
        SUFFIX,
        /** Case-insensitive equality. */
        EQUAL,
        /** Case-insensitive substring. */
        CONTAINS,
        /** A substring test that holds a non-ASCII character, which never matches. */
        NEVER
    }

    private final String source;

    private final boolean negate;

    private final Kind[] kinds;

    /** Each alternative's text without its anchors, ASCII letters lowercased. */
    private final String[] texts;

    private OsMatch(String source, boolean negate, Kind[] kinds, String[] texts) {
        this.source = source;
        this.negate = negate;
        this.kinds = kinds;
        this.texts = texts;
    }

    /**
     * Compiles an OS_Match pattern.
     *
     * @throws PatternSyntaxError for a NUL character or a pattern longer than
     *     {@value OsRegex#MAX_PATTERN_BYTES} bytes, the only patterns OS_Match rejects
     */
    static OsMatch compile(String source) {
        if (source.indexOf('\0') >= 0) {
            throw new PatternSyntaxError(PatternType.OSMATCH, source, "contains a NUL character at offset "
                    + source.indexOf('\0') + ", which would end the pattern in Wazuh");
        }
        int size = source.getBytes(StandardCharsets.UTF_8).length;
        if (size > OsRegex.MAX_PATTERN_BYTES) {
            throw new PatternSyntaxError(PatternType.OSMATCH, source, "is " + size
                    + " bytes long; OS_Match accepts at most " + OsRegex.MAX_PATTERN_BYTES);
        }
        boolean negate = source.startsWith("!");
        String body = lower(negate ? source.substring(1) : source);
        String[] alternatives = body.split("\\|", -1);
        Kind[] kinds = new Kind[alternatives.length];
        String[] texts = new String[alternatives.length];
        for (int i = 0; i < alternatives.length; i++) {
            String alternative = alternatives[i];
            boolean begin = alternative.startsWith("^");
            boolean end = alternative.endsWith("$");
            if (begin && end && alternative.length() > 1) {
                kinds[i] = Kind.EQUAL;
                texts[i] = alternative.substring(1, alternative.length() - 1);
            } else if (alternative.isEmpty()) {
                kinds[i] = Kind.ANY;
                texts[i] = "";
            } else if (end) {
                kinds[i] = Kind.SUFFIX;
                texts[i] = alternative.substring(0, alternative.length() - 1);
            } else if (begin) {
                kinds[i] = Kind.PREFIX;
                texts[i] = alternative.substring(1);
            } else {
                kinds[i] = alternative.chars().allMatch(c -> c < 0x80) ? Kind.CONTAINS : Kind.NEVER;
                texts[i] = alternative;
            }
        }
        return new OsMatch(source, negate, kinds, texts);
    }

    private static String lower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }

    @Override
    public String source() {
        return this.source;
    }

    @Override
    public PatternType type() {
        return PatternType.OSMATCH;
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
        for (int i = 0; i < this.kinds.length; i++) {
            int end = find(i, subject, from, length);
            if (end >= 0) {
                return this.negate ? null : new PatternMatch(end, List.of());
            }
        }
        return this.negate ? new PatternMatch(from, List.of()) : null;
    }

    /** The end of alternative {@code i} in {@code subject[from, length)}, or -1. */
    private int find(int i, String subject, int from, int length) {
        String text = this.texts[i];
        int size = text.length();
        return switch (this.kinds[i]) {
            case ANY -> from;
            case NEVER -> -1;
            case PREFIX -> length - from >= size && regionEquals(subject, from, text) ? from + size : -1;
            case SUFFIX -> length - from >= size && regionEquals(subject, length - size, text) ? length : -1;
            case EQUAL -> length - from == size && regionEquals(subject, from, text) ? length : -1;
            case CONTAINS -> {
                char first = text.charAt(0);
                boolean letter = first >= 'a' && first <= 'z';
                int start = from;
                while (start <= length - size) {
                    start = nextFirst(subject, start, first, letter);
                    if (start < 0 || start > length - size) {
                        break;
                    }
                    if (regionEquals(subject, start, text)) {
                        yield start + size;
                    }
                    start++;
                }
                yield -1;
            }
        };
    }

    /** The next offset from {@code start} holding {@code first} (either case for a letter), or -1. */
    private static int nextFirst(String subject, int start, char first, boolean letter) {
        int found = subject.indexOf(first, start);
        if (letter) {
            int upper = subject.indexOf(first - ('a' - 'A'), start);
            if (upper >= 0 && (found < 0 || upper < found)) {
                found = upper;
            }
        }
        return found;
    }

    /** Whether {@code subject} holds {@code text} at {@code offset}, folding ASCII letters of the subject. */
    private static boolean regionEquals(String subject, int offset, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = subject.charAt(offset + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
