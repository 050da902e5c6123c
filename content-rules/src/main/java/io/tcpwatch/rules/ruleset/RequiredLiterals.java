package io.tcpwatch.rules.ruleset;

import java.util.ArrayList;
import java.util.List;

import io.tcpwatch.rules.regex.CompiledPattern;
import io.tcpwatch.rules.regex.PatternMatch;
import io.tcpwatch.rules.regex.PatternType;

/**
 * A pre-filter in front of an OS_Regex or PCRE2 pattern: the pattern's text is read for literal runs that
 * every match must contain (one per top-level alternative), and a subject that contains none of them is
 * rejected without running the matcher. The filter only ever says "cannot match"; everything else goes to
 * the pattern, so results are the pattern's own.
 *
 * <p>OS_Match alternatives are literal apart from their {@code ^}/{@code $} anchors, so each gives its text;
 * a negated ({@code !}) pattern or an empty alternative gets no filter.
 *
 * <p>The reading is conservative: a pattern whose structure it does not fully follow (PCRE2 verbs, inline
 * options other than a leading {@code (?i)}, {@code \Q}, extended mode) gets no filter.
 */
final class RequiredLiterals implements CompiledPattern {

    /** A single character is worth a scan: {@code %} or {@code |} alone rule out most subjects. */
    private static final int MIN_LENGTH = 1;

    /** The chars {@link #acceptedFirstChars} answers for. */
    static final int ASCII_CHARS = 128;

    /** Separates an alternative's main literal from the further runs it requires. */
    static final char SEPARATOR = '\u0001';

    /** Marks a literal that must start at the match offset (the alternative begins with {@code ^literal}). */
    static final char ANCHORED = '\u0000';

    /**
     * Subjects kept lowered, in a table indexed by identity hash: one event offers the log, the program name
     * and a few fields to hundreds of patterns, so each is lowered once. A power of two. Shared by all threads
     * without locking: an entry is immutable (final fields), so a thread sees a complete entry, for its
     * subject or another, and lowers the subject itself on a miss.
     */
    private static final int CACHED = 64;

    private static final Lowered[] LOWERED = new Lowered[CACHED];

    /**
     * A subject, lowered, and for a subject of {@link #GRAM_MIN} chars or more the set of its lowered char
     * pairs, hashed into {@link #GRAM_BITS} bits ({@code null} for a shorter one): a literal with a pair
     * outside the set is not in the subject, without scanning it.
     */
    private record Lowered(String subject, String lower, long[] grams) {
    }

    /** Subjects shorter than this are scanned directly; the pair set does not pay for itself. */
    private static final int GRAM_MIN = 24;

    /** Bits in a pair set; a power of two. */
    private static final int GRAM_BITS = 1024;

    private static final int GRAM_SHIFT = Integer.SIZE - Integer.numberOfTrailingZeros(GRAM_BITS);

    private static final int GRAM_MIX = 0x9E3779B1;

    /** log2 of {@link Long#SIZE}: a pair hash's word in the set. */
    private static final int LONG_SHIFT = 6;

    private final CompiledPattern pattern;

    private final String[] literals;

    /** Per alternative, its main literal without the {@link #ANCHORED} mark. */
    private final String[] searched;

    /** Per alternative, whether its main literal must start at the match offset. */
    private final boolean[] anchored;

    /** Per alternative, the pair hashes of its main literal, lowered (see {@link Lowered}). */
    private final int[][] literalGrams;

    /** Per alternative, the pair hashes of each further run. */
    private final int[][][] extraGrams;

    /** Per alternative, the OS_Regex class its first character must be in ({@code 0}: no constraint). */
    private final char[] firstClasses;

    private final boolean foldCase;

    /**
     * For OS_Match, each alternative's test ({@code 'c'} contains, {@code 'p'} prefix, {@code 's'} suffix,
     * {@code 'e'} equal) and text, which answer {@link #matches} exactly; {@code null} for other matchers.
     */
    private final char[] osMatchKinds;

    private final String[] osMatchTexts;

    private final int[][] osMatchGrams;

    /** Per alternative, the further literal runs it requires besides its main one. */
    private final String[][] extras;

    private RequiredLiterals(CompiledPattern pattern, String[] literals, char[] firstClasses, boolean foldCase) {
        this.pattern = pattern;
        this.literals = new String[literals.length];
        this.extras = new String[literals.length][];
        this.searched = new String[literals.length];
        this.anchored = new boolean[literals.length];
        this.literalGrams = new int[literals.length][];
        this.extraGrams = new int[literals.length][][];
        for (int i = 0; i < literals.length; i++) {
            String[] parts = literals[i].split(String.valueOf(SEPARATOR), -1);
            this.literals[i] = parts[0];
            this.extras[i] = java.util.Arrays.copyOfRange(parts, 1, parts.length);
            this.anchored[i] = !parts[0].isEmpty() && parts[0].charAt(0) == ANCHORED;
            this.searched[i] = this.anchored[i] ? parts[0].substring(1) : parts[0];
            this.literalGrams[i] = grams(this.searched[i]);
            this.extraGrams[i] = new int[this.extras[i].length][];
            for (int j = 0; j < this.extras[i].length; j++) {
                this.extraGrams[i][j] = grams(this.extras[i][j]);
            }
        }
        this.firstClasses = firstClasses;
        this.foldCase = foldCase;
        if (pattern.type() == PatternType.OSMATCH) {
            String[] alternatives = pattern.source().split("\\|", -1);
            this.osMatchKinds = new char[alternatives.length];
            this.osMatchTexts = new String[alternatives.length];
            this.osMatchGrams = new int[alternatives.length][];
            for (int i = 0; i < alternatives.length; i++) {
                String text = alternatives[i];
                boolean prefix = text.startsWith("^");
                text = prefix ? text.substring(1) : text;
                boolean suffix = text.endsWith("$");
                text = suffix ? text.substring(0, text.length() - 1) : text;
                this.osMatchKinds[i] = prefix && suffix ? 'e' : prefix ? 'p' : suffix ? 's' : 'c';
                this.osMatchTexts[i] = asciiLower(text);
                this.osMatchGrams[i] = grams(this.osMatchTexts[i]);
            }
        }
        else {
            this.osMatchKinds = null;
            this.osMatchTexts = null;
            this.osMatchGrams = null;
        }
    }

    /** {@code pattern} with a pre-filter when its required literals can be read, else {@code pattern}. */
    static CompiledPattern wrap(CompiledPattern pattern) {
        List<String> literals = switch (pattern.type()) {
            case OSREGEX -> osRegexLiterals(pattern.source());
            case PCRE2 -> pcre2Literals(pattern.source());
            case OSMATCH -> osMatchLiterals(pattern.source());
        };
        if (literals == null || literals.isEmpty()) {
            return pattern;
        }
        boolean fold = pattern.type() != PatternType.PCRE2 || pattern.source().startsWith("(?i)");
        char[] classes = new char[literals.size()];
        if (pattern.type() == PatternType.OSREGEX) {
            List<String> alternatives = osRegexAlternatives(pattern.source());
            for (int i = 0; i < classes.length; i++) {
                classes[i] = firstClass(alternatives.get(i));
            }
        }
        return new RequiredLiterals(pattern, literals.toArray(String[]::new), classes, fold);
    }

    /**
     * Which ASCII chars a subject matched from offset 0 may start with, indexed by char, as the filter decides
     * from that char alone; {@code null} when some alternative accepts any first char (it neither begins with
     * an anchored literal nor has a first class). A subject starting with a {@code false} char is rejected.
     */
    boolean[] acceptedFirstChars() {
        boolean[] accepted = new boolean[ASCII_CHARS];
        for (int i = 0; i < this.literals.length; i++) {
            boolean literalFirst = this.anchored[i] && !this.searched[i].isEmpty();
            char firstClass = this.firstClasses[i];
            if (!literalFirst && firstClass == 0) {
                return null;
            }
            for (char c = 0; c < ASCII_CHARS; c++) {
                boolean ok = firstClass == 0 || inClass(firstClass, c);
                if (ok && literalFirst) {
                    char compared = this.foldCase && c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                    ok = compared == this.searched[i].charAt(0);
                }
                accepted[c] |= ok;
            }
        }
        return accepted;
    }

    /** The pattern behind the filter. */
    CompiledPattern delegate() {
        return this.pattern;
    }

    /** The literals of which a matching subject contains at least one (for tests). */
    List<String> literals() {
        return List.of(this.literals);
    }

    @Override
    public String source() {
        return this.pattern.source();
    }

    @Override
    public PatternType type() {
        return this.pattern.type();
    }

    @Override
    public PatternMatch match(String subject) {
        return possible(subject, 0) ? this.pattern.match(subject) : null;
    }

    /**
     * Whether the pattern matches. For OS_Match this is answered here from the alternatives (OS_Match has no
     * other semantics than case-insensitive contains/prefix/suffix/equality), unless the subject holds a NUL,
     * which ends an OS_Match subject.
     */
    @Override
    public boolean matches(String subject) {
        if (this.osMatchKinds == null || subject.indexOf('\0') >= 0) {
            return match(subject) != null;
        }
        Lowered entry = lowered(subject);
        String text = entry.lower;
        for (int i = 0; i < this.osMatchKinds.length; i++) {
            String alternative = this.osMatchTexts[i];
            boolean hit = switch (this.osMatchKinds[i]) {
                case 'p' -> text.startsWith(alternative);
                case 's' -> text.endsWith(alternative);
                case 'e' -> text.equals(alternative);
                default -> mayContain(entry.grams, this.osMatchGrams[i]) && text.contains(alternative);
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    @Override
    public PatternMatch match(String subject, int from) {
        return possible(subject, from) ? this.pattern.match(subject, from) : null;
    }

    private boolean possible(String subject, int from) {
        Lowered entry = null;
        for (int i = 0; i < this.literals.length; i++) {
            char first = this.firstClasses[i];
            if (first != 0 && (from >= subject.length() || !inClass(first, subject.charAt(from)))) {
                continue;
            }
            if (entry == null) {
                entry = lowered(subject);
            }
            String text = this.foldCase ? entry.lower : subject;
            boolean found = this.anchored[i] ? text.startsWith(this.searched[i], from)
                    : mayContain(entry.grams, this.literalGrams[i]) && text.indexOf(this.searched[i], from) >= 0;
            if (found && allPresent(text, entry.grams, this.extras[i], this.extraGrams[i], from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allPresent(String text, long[] grams, String[] runs, int[][] runGrams, int from) {
        for (int i = 0; i < runs.length; i++) {
            if (!mayContain(grams, runGrams[i]) || text.indexOf(runs[i], from) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a text whose pair set is {@code grams} may contain a literal with pair hashes {@code literal}:
     * {@code false} only when it cannot. A {@code null} set (a short subject) answers {@code true}.
     */
    private static boolean mayContain(long[] grams, int[] literal) {
        if (grams == null) {
            return true;
        }
        for (int gram : literal) {
            if ((grams[gram >>> LONG_SHIFT] & (1L << gram)) == 0) {
                return false;
            }
        }
        return true;
    }

    private static int gram(char a, char b) {
        return ((a << Character.SIZE) | b) * GRAM_MIX >>> GRAM_SHIFT;
    }

    /** The pair hashes of {@code literal}, ASCII letters lowered. */
    static int[] grams(String literal) {
        String lower = asciiLower(literal);
        int[] grams = new int[Math.max(0, lower.length() - 1)];
        for (int i = 0; i < grams.length; i++) {
            grams[i] = gram(lower.charAt(i), lower.charAt(i + 1));
        }
        return grams;
    }

    /** The subject lowered, with its pair set; recent subjects are cached (one event, many patterns). */
    private static Lowered lowered(String subject) {
        int slot = System.identityHashCode(subject) & (CACHED - 1);
        Lowered entry = LOWERED[slot];
        if (entry != null && entry.subject == subject) {
            return entry;
        }
        char[] chars = subject.toCharArray();
        boolean changed = false;
        long[] grams = chars.length >= GRAM_MIN ? new long[GRAM_BITS / Long.SIZE] : null;
        char previous = 0;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
                chars[i] = c;
                changed = true;
            }
            if (grams != null && i > 0) {
                int gram = gram(previous, c);
                grams[gram >>> LONG_SHIFT] |= 1L << gram;
            }
            previous = c;
        }
        entry = new Lowered(subject, changed ? new String(chars) : subject, grams);
        LOWERED[slot] = entry;
        return entry;
    }

    static String asciiLower(String text) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                break;
            }
            i++;
        }
        if (i == length) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (; i < length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    /** Per OS_Match alternative, its text lowercased; {@code null} for a negated pattern or an empty one. */
    static List<String> osMatchLiterals(String source) {
        if (source.startsWith("!")) {
            return null;
        }
        List<String> literals = new ArrayList<>();
        for (String alternative : source.split("\\|", -1)) {
            boolean anchored = alternative.startsWith("^");
            String text = anchored ? alternative.substring(1) : alternative;
            if (text.endsWith("$")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.isEmpty()) {
                return null;
            }
            literals.add((anchored ? String.valueOf(ANCHORED) : "") + asciiLower(text));
        }
        return literals;
    }

    /** Per alternative, its longest literal run, lowercased; {@code null} when an alternative has none. */
    static List<String> osRegexLiterals(String source) {
        List<String> alternatives = osRegexAlternatives(source);
        List<String> literals = new ArrayList<>();
        for (String alternative : alternatives) {
            String prefix = alternative.startsWith("^") ? osRegexPrefix(alternative.substring(1)) : "";
            List<String> runs = osRegexRuns(alternative);
            if (!prefix.isEmpty()) {
                runs.remove(0);
                literals.add(ANCHORED + asciiLower(prefix) + joinedExtras(runs));
                continue;
            }
            String literal = longestOsRegexRun(alternative);
            if (literal.length() < MIN_LENGTH) {
                if (firstClass(alternative) == 0) {
                    return null;
                }
                // No literal, but the first character's class still rules subjects out.
                literal = "";
            }
            runs.remove(literal);
            literals.add(asciiLower(literal) + joinedExtras(runs));
        }
        return literals;
    }

    /** The alternatives of an OS_Regex pattern: split at every {@code |} that is not escaped. */
    static List<String> osRegexAlternatives(String source) {
        List<String> alternatives = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                current.append(c).append(source.charAt(++i));
            }
            else if (c == '|') {
                alternatives.add(current.toString());
                current.setLength(0);
            }
            else {
                current.append(c);
            }
        }
        alternatives.add(current.toString());
        return alternatives;
    }

    /**
     * The class letter ({@code d w s p D W S . t}) that an anchored alternative's first character must match,
     * or {@code 0} when the alternative is not anchored, starts with a literal, or its first class may repeat
     * zero times ({@code *}).
     */
    static char firstClass(String alternative) {
        if (!alternative.startsWith("^")) {
            return 0;
        }
        int i = 1;
        while (i < alternative.length() && (alternative.charAt(i) == '(' || alternative.charAt(i) == ')')) {
            i++;
        }
        if (i + 1 >= alternative.length() || alternative.charAt(i) != '\\') {
            return 0;
        }
        char c = alternative.charAt(i + 1);
        if ("dwspDWS.t".indexOf(c) < 0) {
            return 0;
        }
        if (i + 2 < alternative.length() && alternative.charAt(i + 2) == '*') {
            return 0;
        }
        return c;
    }

    /** Whether {@code c} is in OS_Regex class {@code code}; a non-ASCII character is outside the positive ones. */
    static boolean inClass(char code, char c) {
        boolean digit = c >= '0' && c <= '9';
        boolean word = digit || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-' || c == '@';
        boolean punct = (c >= 33 && c <= 46) || (c >= 58 && c <= 63) || c == 91 || c == 93 || (c >= 123 && c <= 125);
        return switch (code) {
            case 'd' -> digit;
            case 'w' -> word;
            case 's' -> c == ' ';
            case 'p' -> punct;
            case 'D' -> !digit && c != 0;
            case 'W' -> !word && c != 0;
            case 'S' -> c != ' ' && c != 0;
            case 't' -> c == '\t';
            default -> c != 0;
        };
    }

    /** The literal characters an alternative's body starts with (group markers are transparent). */
    private static String osRegexPrefix(String body) {
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && "()\\$|<".indexOf(body.charAt(i + 1)) >= 0) {
                prefix.append(body.charAt(++i));
            }
            else if (c == '\\') {
                break;
            }
            else if (c == '$' && i == body.length() - 1) {
                break;
            }
            else if (c != '(' && c != ')') {
                prefix.append(c);
            }
        }
        return prefix.toString();
    }

    private static String joinedExtras(List<String> runs) {
        return joinedExtras(runs, true);
    }

    private static String joinedExtras(List<String> runs, boolean fold) {
        StringBuilder out = new StringBuilder();
        for (String run : runs) {
            if (!run.isEmpty()) {
                out.append(SEPARATOR).append(fold ? asciiLower(run) : run);
            }
        }
        return out.toString();
    }

    /** Ends the current run: records it and returns the longer of it and {@code best}. */
    private static String flush(String best, StringBuilder run, List<String> runs) {
        if (run.length() > 0) {
            runs.add(run.toString());
        }
        return longer(best, run);
    }

    /** Every literal run of an alternative, in order (each one must appear in a matching subject). */
    private static List<String> osRegexRuns(String alternative) {
        String body = alternative;
        if (body.startsWith("^")) {
            body = body.substring(1);
        }
        if (body.endsWith("$") && !body.endsWith("\\$")) {
            body = body.substring(0, body.length() - 1);
        }
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(++i);
                if ("()\\$|<".indexOf(e) >= 0) {
                    run.append(e);
                    continue;
                }
                if (run.length() > 0) {
                    runs.add(run.toString());
                }
                run.setLength(0);
                if (i + 1 < body.length() && (body.charAt(i + 1) == '+' || body.charAt(i + 1) == '*')) {
                    i++;
                }
            }
            else if (c != '(' && c != ')') {
                run.append(c);
            }
        }
        if (run.length() > 0) {
            runs.add(run.toString());
        }
        return runs;
    }

    private static String longestOsRegexRun(String alternative) {
        String body = alternative;
        if (body.startsWith("^")) {
            body = body.substring(1);
        }
        if (body.endsWith("$") && !body.endsWith("\\$")) {
            body = body.substring(0, body.length() - 1);
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(++i);
                if ("()\\$|<".indexOf(e) >= 0) {
                    run.append(e);
                    continue;
                }
                best = longer(best, run);
                run.setLength(0);
                if (i + 1 < body.length() && (body.charAt(i + 1) == '+' || body.charAt(i + 1) == '*')) {
                    i++;
                }
            }
            else if (c != '(' && c != ')') {
                run.append(c);
            }
        }
        return longer(best, run);
    }

    /** Per top-level alternative, its longest required literal run; {@code null} when that cannot be read. */
    static List<String> pcre2Literals(String source) {
        String body = source;
        boolean fold = false;
        if (body.startsWith("(?i)")) {
            body = body.substring(4);
            fold = true;
        }
        if (body.startsWith("(*") || body.contains("\\Q") || body.contains("(?x") || body.contains("(?-")) {
            return null;
        }
        List<String> literals = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        String best = "";
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '|') {
                best = flush(best, run, runs);
                if (best.length() < MIN_LENGTH) {
                    return null;
                }
                runs.remove(best);
                literals.add((fold ? asciiLower(best) : best) + joinedExtras(runs, fold));
                runs.clear();
                best = "";
                run.setLength(0);
                i++;
                continue;
            }
            int next;
            char literal = 0;
            boolean isLiteral = false;
            if (c == '\\') {
                if (i + 1 >= body.length()) {
                    return null;
                }
                char e = body.charAt(i + 1);
                if (Character.isLetterOrDigit(e) || e > 127) {
                    next = skipEscape(body, i + 1);
                }
                else {
                    literal = e;
                    isLiteral = true;
                    next = i + 2;
                }
            }
            else if (c == '[') {
                next = skipClass(body, i);
            }
            else if (c == '(') {
                if (body.startsWith("(?", i) && i + 2 < body.length()
                        && Character.isLetter(body.charAt(i + 2)) && inlineOption(body, i)) {
                    return null;
                }
                next = skipGroup(body, i);
            }
            else if (c == '.' || c == '^' || c == '$') {
                next = i + 1;
            }
            else if (c == '?' || c == '*' || c == '+' || c == ')') {
                return null;
            }
            else {
                literal = c;
                isLiteral = true;
                next = i + 1;
            }
            if (next < 0) {
                return null;
            }
            int quantifierEnd = quantifier(body, next);
            boolean optional = quantifierEnd > next && body.charAt(next) != '+' && !minimumOne(body, next);
            if (isLiteral && !(fold && literal > 127)) {
                if (optional) {
                    best = flush(best, run, runs);
                    run.setLength(0);
                }
                else {
                    run.append(literal);
                    if (quantifierEnd > next) {
                        best = flush(best, run, runs);
                        run.setLength(0);
                    }
                }
            }
            else {
                best = flush(best, run, runs);
                run.setLength(0);
            }
            i = quantifierEnd;
        }
        best = flush(best, run, runs);
        if (best.length() < MIN_LENGTH) {
            return null;
        }
        runs.remove(best);
        literals.add((fold ? asciiLower(best) : best) + joinedExtras(runs, fold));
        return literals;
    }

    /**
     * Where a letter or digit escape starting at {@code letter} ends, including the operands of
     * {@code \x \o \c \p \P \N \g \k} and the digits of an octal or back-reference escape.
     */
    private static int skipEscape(String body, int letter) {
        char e = body.charAt(letter);
        int i = letter + 1;
        if (i < body.length() && "xopPNgk".indexOf(e) >= 0 && (body.charAt(i) == '{' || body.charAt(i) == '<')) {
            int close = body.indexOf(body.charAt(i) == '{' ? '}' : '>', i);
            return close < 0 ? -1 : close + 1;
        }
        if (e == 'x') {
            int end = i;
            while (end < body.length() && end < i + 2 && Character.digit(body.charAt(end), 16) >= 0) {
                end++;
            }
            return end;
        }
        if (e == 'c' || e == 'p' || e == 'P') {
            return Math.min(i + 1, body.length());
        }
        if (e >= '0' && e <= '9') {
            int end = i;
            while (end < body.length() && end < i + 2 && Character.isDigit(body.charAt(end))) {
                end++;
            }
            return end;
        }
        return i;
    }

    private static boolean inlineOption(String body, int at) {
        int i = at + 2;
        while (i < body.length() && Character.isLetter(body.charAt(i))) {
            i++;
        }
        return i < body.length() && (body.charAt(i) == ')' || body.charAt(i) == '-');
    }

    /** Where the quantifier starting at {@code at} ends (with a lazy/possessive suffix), or {@code at}. */
    private static int quantifier(String body, int at) {
        if (at >= body.length()) {
            return at;
        }
        char c = body.charAt(at);
        int end;
        if (c == '?' || c == '*' || c == '+') {
            end = at + 1;
        }
        else if (c == '{') {
            int close = body.indexOf('}', at);
            if (close < 0 || !body.substring(at + 1, close).matches("\\d+(,\\d*)?|,\\d+")) {
                return at;
            }
            end = close + 1;
        }
        else {
            return at;
        }
        if (end < body.length() && (body.charAt(end) == '?' || body.charAt(end) == '+')) {
            end++;
        }
        return end;
    }

    /** Whether the {@code {n,m}} quantifier at {@code at} requires at least one repetition. */
    private static boolean minimumOne(String body, int at) {
        if (body.charAt(at) != '{') {
            return false;
        }
        String inside = body.substring(at + 1, body.indexOf('}', at));
        String min = inside.startsWith(",") ? "0" : inside.split(",")[0];
        return Integer.parseInt(min) >= 1;
    }

    private static int skipClass(String body, int open) {
        int i = open + 1;
        if (i < body.length() && body.charAt(i) == '^') {
            i++;
        }
        if (i < body.length() && body.charAt(i) == ']') {
            i++;
        }
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\\') {
                i += 2;
            }
            else if (c == '[' && i + 1 < body.length() && body.charAt(i + 1) == ':') {
                int close = body.indexOf(":]", i + 2);
                if (close < 0) {
                    return -1;
                }
                i = close + 2;
            }
            else if (c == ']') {
                return i + 1;
            }
            else {
                i++;
            }
        }
        return -1;
    }

    private static int skipGroup(String body, int open) {
        int depth = 0;
        int i = open;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                i = skipClass(body, i);
                if (i < 0) {
                    return -1;
                }
                continue;
            }
            if (c == '(') {
                depth++;
            }
            else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return -1;
    }

    private static String longer(String best, StringBuilder run) {
        return run.length() > best.length() ? run.toString() : best;
    }
}
