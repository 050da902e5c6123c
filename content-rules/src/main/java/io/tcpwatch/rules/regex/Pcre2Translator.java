package io.tcpwatch.rules.regex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Translates a PCRE2 pattern, as Wazuh compiles it (no options: not UTF, not caseless, newline LF), into a
 * {@code java.util.regex} pattern that runs on the subject's UTF-8 bytes, one char per byte.
 *
 * <p>The pattern itself is read as its UTF-8 bytes too, because PCRE2 without {@code PCRE2_UTF} sees a
 * non-ASCII character as several one-byte characters: {@code é+} repeats only the last byte, and
 * {@code [é]} is a class of two bytes. Every literal is emitted as {@code \x{hh}}. PCRE2 constructs that Java
 * writes differently are rewritten ({@code (?P<name>...)}, named and relative back references, {@code \h},
 * {@code \N}, POSIX classes, {@code \b} with ASCII word characters, {@code (?x)}, {@code (?n)},
 * {@code (?U)}, {@code {} that is not a quantifier, {@code (*pla:...)} and the other alpha assertions).
 * Constructs with no Java equivalent are rejected with a {@link PatternSyntaxError}.
 */
final class Pcre2Translator {

    /** The result: the Java pattern, meant to be compiled with {@code Pattern.UNIX_LINES}. */
    record Translation(String javaRegex, int groups, boolean utf, List<String> requiredTexts,
            List<Integer> requiredCaseless) {
    }

    /**
     * A character every match contains: a literal outside any group, not under a quantifier that allows zero,
     * in a pattern with no top-level {@code |}. A subject without it cannot match. Adjacent case-sensitive ones
     * form a text the subject must contain.
     */
    private record RequiredLiteral(int value, boolean caseless, boolean joinsPrevious) {
    }

    private static final String SPACE_CHARS = " \t\n\u000b\f\r";

    private static final Map<String, String> POSIX = Map.ofEntries(Map.entry("alnum", "Alnum"),
            Map.entry("alpha", "Alpha"), Map.entry("ascii", "ASCII"), Map.entry("blank", "Blank"),
            Map.entry("cntrl", "Cntrl"), Map.entry("digit", "Digit"), Map.entry("graph", "Graph"),
            Map.entry("lower", "Lower"), Map.entry("print", "Print"), Map.entry("punct", "Punct"),
            Map.entry("space", "Space"), Map.entry("upper", "Upper"), Map.entry("xdigit", "XDigit"));

    private static final List<String> CATEGORIES = List.of("C", "Cc", "Cf", "Cn", "Co", "Cs", "L", "Ll", "Lm",
            "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po",
            "Ps", "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs");

    /** Start-of-pattern settings that change nothing for a match run as Wazuh runs it. */
    private static final List<String> NEUTRAL_START_SETTINGS = List.of("LF", "NO_AUTO_POSSESS", "NO_DOTSTAR_ANCHOR",
            "NO_JIT", "NO_START_OPT", "BSR_UNICODE");

    /** Start-of-pattern settings that change matching in a way java.util.regex cannot follow. */
    private static final List<String> OTHER_START_SETTINGS = List.of("UCP", "CR", "CRLF", "ANYCRLF", "ANY",
            "NUL", "BSR_ANYCRLF", "NOTEMPTY", "NOTEMPTY_ATSTART", "CASELESS_RESTRICT", "TURKISH_CASING");

    /** Flags the translator applies itself; {@code i}, {@code m} and {@code s} are passed on to Java. */
    private record Flags(boolean extended, boolean extendedMore, boolean noAutoCapture, boolean ungreedy,
            boolean caseless, int lookbehindAt) {

        Flags inLookbehind(int at) {
            return new Flags(this.extended, this.extendedMore, this.noAutoCapture, this.ungreedy, this.caseless, at);
        }
    }

    private final String source;

    /** The pattern's UTF-8 bytes, one char per byte. */
    private final String p;

    /** {@code (*UTF)} at the start: the pattern and subject are code points, not bytes. */
    private final boolean utf;

    private int pos;

    private final StringBuilder out = new StringBuilder();

    private final Deque<Scope> scopes = new ArrayDeque<>();

    /** An open group: the flags to restore at its end, and what it means for the required literals. */
    private static final class Scope {

        private final Flags saved;

        /** How many required literals there were when the group opened. */
        private final int requiredAtOpen;

        /** A {@code |} inside: no literal of the group is required. */
        private boolean alternated;

        /** A lookaround: its literals need not be inside the match. */
        private boolean lookaround;

        Scope(Flags saved, int requiredAtOpen) {
            this.saved = saved;
            this.requiredAtOpen = requiredAtOpen;
        }

        Flags saved() {
            return this.saved;
        }
    }

    /** The output length just after the last closed group, and the required literals it added from. */
    private int groupCloseEnd = -1;

    private int groupRequiredFrom;

    private Flags flags = new Flags(false, false, false, false, false, -1);

    private int groups;

    private final Map<String, Integer> names = new HashMap<>();

    /** Back references resolved once every group is known: a placeholder index in the output and its text. */
    private final List<String> pendingReferences = new ArrayList<>();

    /** Inside {@code \Q...\E} within a character class. */
    private boolean inQuote;

    /** Whether the last item may take a quantifier; PCRE2 rejects one after {@code ^}, {@code (}, {@code |} .... */
    private boolean repeatable;

    private final List<RequiredLiteral> required = new ArrayList<>();

    /** The output length just after the last required literal, to see whether a quantifier applies to it. */
    private int requiredEnd = -1;

    private boolean topLevelAlternation;

    /** The output length right after a greedy quantifier that took no suffix, or -1. */
    private int suffixAllowedAt = -1;

    private Pcre2Translator(String source) {
        this.source = source;
        this.utf = source.matches("(?s)(\\(\\*[A-Z_=0-9]+\\))*\\(\\*UTF\\).*");
        this.p = this.utf ? source : Utf8Offsets.bytesAsChars(source);
    }

    /**
     * Translates {@code source}.
     *
     * @throws PatternSyntaxError for a construct PCRE2 rejects or one that java.util.regex cannot express
     */
    static Translation translate(String source) {
        Pcre2Translator translator = new Pcre2Translator(source);
        translator.startSettings();
        boolean dotStar = translator.lookingAt(".*") && !translator.lookingAt(".*+");
        translator.sequence();
        String regex = translator.resolveReferences();
        if (translator.topLevelAlternation) {
            return new Translation(regex, translator.groups, translator.utf, List.of(), List.of());
        }
        if (dotStar) {
            // PCRE2 anchors a pattern that starts with .* at the subject start or after a newline; the result is
            // the same, but Java would otherwise retry the .* from every position
            regex = "(?:\\A|(?<=\\n))" + regex;
        }
        List<String> texts = new ArrayList<>();
        List<Integer> caseless = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (RequiredLiteral literal : translator.required) {
            if (literal.caseless()) {
                caseless.add(literal.value());
                continue;
            }
            if (!literal.joinsPrevious() && run.length() > 0) {
                texts.add(run.toString());
                run.setLength(0);
            }
            run.appendCodePoint(literal.value());
        }
        if (run.length() > 0) {
            texts.add(run.toString());
        }
        texts.sort((a, b) -> b.length() - a.length());
        return new Translation(regex, translator.groups, translator.utf,
                texts.stream().distinct().limit(3).toList(), caseless.stream().distinct().limit(3).toList());
    }

    private PatternSyntaxError error(String problem) {
        return new PatternSyntaxError(PatternType.PCRE2, this.source, problem);
    }

    private PatternSyntaxError error(String problem, int at) {
        return error(problem + " at offset " + at);
    }

    private boolean more() {
        return this.pos < this.p.length();
    }

    private char peek(int ahead) {
        int i = this.pos + ahead;
        return i < this.p.length() ? this.p.charAt(i) : '\0';
    }

    private boolean lookingAt(String text) {
        return this.p.startsWith(text, this.pos);
    }

    private void startSettings() {
        while (lookingAt("(*")) {
            int close = this.p.indexOf(')', this.pos);
            if (close < 0) {
                return;
            }
            String setting = this.p.substring(this.pos + 2, close);
            if (NEUTRAL_START_SETTINGS.contains(setting) || setting.equals("UTF")
                    || setting.matches("LIMIT_(MATCH|HEAP|DEPTH)=\\d+")) {
                this.pos = close + 1;
            } else if (OTHER_START_SETTINGS.contains(setting)) {
                throw error("the start-of-pattern setting (*" + setting + ") changes how PCRE2 matches and has "
                        + "no java.util.regex equivalent", this.pos);
            } else {
                return;
            }
        }
    }

    private void sequence() {
        while (more()) {
            char c = this.p.charAt(this.pos);
            if (this.flags.extended() && skipExtendedSpace(c)) {
                continue;
            }
            switch (c) {
                case '\\' -> escape();
                case '[' -> {
                    characterClass();
                    this.repeatable = true;
                }
                case '(' -> openGroup();
                case ')' -> closeGroup();
                case '*', '+', '?' -> {
                    requireRepeatable(this.pos);
                    requireFixedLength(false);
                    optionalIfQuantified(c != '+');
                    this.pos++;
                    this.out.append(c);
                    quantifierSuffix();
                }
                case '{' -> brace();
                case '.' -> {
                    this.pos++;
                    this.out.append(c);
                    this.repeatable = true;
                }
                case '^', '$', '|' -> {
                    if (c == '|' && this.scopes.isEmpty()) {
                        this.topLevelAlternation = true;
                    } else if (c == '|') {
                        this.scopes.peek().alternated = true;
                    }
                    this.pos++;
                    this.out.append(c);
                    this.repeatable = false;
                }
                default -> {
                    int codePoint = this.utf ? this.p.codePointAt(this.pos) : c;
                    this.pos += Character.charCount(codePoint);
                    literal(codePoint);
                    this.repeatable = true;
                }
            }
        }
        if (!this.scopes.isEmpty()) {
            throw error("missing closing parenthesis");
        }
    }

    private boolean skipExtendedSpace(char c) {
        if (SPACE_CHARS.indexOf(c) >= 0) {
            this.pos++;
            return true;
        }
        if (c == '#') {
            int newline = this.p.indexOf('\n', this.pos);
            this.pos = newline < 0 ? this.p.length() : newline + 1;
            return true;
        }
        return false;
    }

    private void literal(int value) {
        boolean joins = this.requiredEnd == this.out.length();
        this.out.append(hex(value));
        // under (?i) only ASCII letters fold, except in UTF mode where Java and PCRE2 also fold k and s to
        // the Kelvin and long s signs: a caseless letter is then not required
        boolean foldable = !this.flags.caseless() || value < 0x80 && !(this.utf && Character.isLetter(value));
        if (foldable) {
            boolean previousCaseless = !this.required.isEmpty()
                    && this.required.get(this.required.size() - 1).caseless();
            this.required.add(new RequiredLiteral(value, this.flags.caseless(), joins && !previousCaseless));
            this.requiredEnd = this.out.length();
        }
    }

    /** A quantifier that allows zero repetitions makes the literal it applies to optional. */
    private void optionalIfQuantified(boolean zeroMinimum) {
        if (zeroMinimum && this.groupCloseEnd == this.out.length()) {
            truncateRequired(this.groupRequiredFrom);
        } else if (zeroMinimum && this.requiredEnd == this.out.length() && !this.required.isEmpty()) {
            this.required.remove(this.required.size() - 1);
        }
        this.requiredEnd = -1;
        this.groupCloseEnd = -1;
    }

    private void truncateRequired(int size) {
        while (this.required.size() > size) {
            this.required.remove(this.required.size() - 1);
        }
    }

    private static String hex(int value) {
        return "\\x{" + Integer.toHexString(value) + "}";
    }

    private void requireRepeatable(int at) {
        if (!this.repeatable) {
            throw error("quantifier does not follow a repeatable item", at);
        }
        this.repeatable = false;
    }

    /** PCRE2 10.42 accepts only fixed-length lookbehinds; Java would accept a bounded or unbounded one. */
    private void requireFixedLength(boolean fixed) {
        if (!fixed && this.flags.lookbehindAt() >= 0) {
            throw error("lookbehind assertion is not fixed length", this.flags.lookbehindAt());
        }
    }

    /** After {@code * + ? {n,m}}: a {@code +} makes it possessive, a {@code ?} lazy; {@code (?U)} swaps lazy. */
    private void quantifierSuffix() {
        this.suffixAllowedAt = -1;
        if (peek(0) == '+') {
            this.pos++;
            this.out.append('+');
            return;
        }
        boolean lazy = peek(0) == '?';
        if (lazy) {
            this.pos++;
        }
        if (lazy != this.flags.ungreedy()) {
            this.out.append('?');
        } else if (!lazy) {
            this.suffixAllowedAt = this.out.length();
        }
    }

    private void brace() {
        int start = this.pos;
        int i = this.pos + 1;
        int digitsStart = i;
        while (i < this.p.length() && Character.isDigit(this.p.charAt(i))) {
            i++;
        }
        boolean minimum = i > digitsStart;
        String min = this.p.substring(digitsStart, i);
        String max = null;
        if (minimum && i < this.p.length() && this.p.charAt(i) == ',') {
            int maxStart = ++i;
            while (i < this.p.length() && Character.isDigit(this.p.charAt(i))) {
                i++;
            }
            max = this.p.substring(maxStart, i);
        }
        if (!minimum || i >= this.p.length() || this.p.charAt(i) != '}') {
            this.pos++;
            literal('{');
            this.repeatable = true;
            return;
        }
        requireRepeatable(i);
        requireFixedLength(max == null);
        long low = Long.parseLong(min);
        optionalIfQuantified(low == 0);
        if (low > 65535 || (max != null && !max.isEmpty() && Long.parseLong(max) > 65535)) {
            throw error("number too big in {} quantifier", start);
        }
        if (max != null && !max.isEmpty() && Long.parseLong(max) < low) {
            throw error("numbers out of order in {} quantifier", start);
        }
        this.out.append(this.p, start, i + 1);
        this.pos = i + 1;
        quantifierSuffix();
    }

    private void openGroup() {
        int outBefore = this.out.length();
        boolean joinable = this.requiredEnd == outBefore;
        int depth = this.scopes.size();
        openGroupBody();
        if (this.scopes.size() > depth) {
            String opened = this.out.substring(outBefore);
            boolean lookaround = opened.startsWith("(?=") || opened.startsWith("(?!") || opened.startsWith("(?<=")
                    || opened.startsWith("(?<!");
            this.scopes.peek().lookaround = lookaround;
            // a group that is not a lookaround is transparent: "a(b)" requires the text "ab"
            this.requiredEnd = joinable && !lookaround ? this.out.length() : -1;
        }
    }

    private void openGroupBody() {
        int start = this.pos;
        boolean before = this.repeatable;
        this.repeatable = false;
        this.scopes.push(new Scope(this.flags, this.required.size()));
        if (lookingAt("(*")) {
            alphaGroup(start);
            return;
        }
        if (peek(1) != '?') {
            this.pos++;
            if (this.flags.noAutoCapture()) {
                this.out.append("(?:");
            } else {
                this.groups++;
                this.out.append('(');
            }
            return;
        }
        char kind = peek(2);
        switch (kind) {
            case '#' -> {
                int close = this.p.indexOf(')', this.pos);
                if (close < 0) {
                    throw error("missing ) after (?# comment", start);
                }
                this.pos = close + 1;
                this.scopes.pop();
                this.repeatable = before;
                if (this.suffixAllowedAt == this.out.length()) {
                    // a comment is invisible: "a+(?#x)?" is the lazy "a+?"
                    quantifierSuffix();
                }
            }
            case ':', '>', '=', '!' -> {
                this.pos += 3;
                this.out.append("(?").append(kind);
            }
            case '<' -> {
                if (peek(3) == '=' || peek(3) == '!') {
                    this.out.append("(?<").append(peek(3));
                    this.pos += 4;
                    this.flags = this.flags.inLookbehind(start);
                } else {
                    this.pos += 3;
                    namedGroup('>', start);
                }
            }
            case '\'' -> {
                this.pos += 3;
                namedGroup('\'', start);
            }
            case 'P' -> pythonGroup(start);
            case '|' -> throw error("branch reset groups (?| have no java.util.regex equivalent", start);
            case '(' -> throw error("conditional groups (?( have no java.util.regex equivalent", start);
            case 'C' -> throw error("callouts (?C have no java.util.regex equivalent", start);
            case 'R', '&', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' ->
                    throw error("recursion and subroutine calls have no java.util.regex equivalent", start);
            case '-' -> {
                if (Character.isDigit(peek(3))) {
                    throw error("recursion and subroutine calls have no java.util.regex equivalent", start);
                }
                optionSetting(start);
            }
            default -> optionSetting(start);
        }
    }

    private void alphaGroup(int start) {
        int colon = this.pos + 2;
        while (colon < this.p.length() && (Character.isLetter(this.p.charAt(colon))
                || this.p.charAt(colon) == '_')) {
            colon++;
        }
        String name = this.p.substring(this.pos + 2, colon);
        char after = colon < this.p.length() ? this.p.charAt(colon) : '\0';
        if (name.isEmpty()) {
            // "(*" with no verb: the "*" is a quantifier with nothing to repeat, which Java rejects too
            this.pos++;
            this.out.append("(?:");
            return;
        }
        String java = switch (name) {
            case "pla", "positive_lookahead" -> "(?=";
            case "nla", "negative_lookahead" -> "(?!";
            case "plb", "positive_lookbehind" -> "(?<=";
            case "nlb", "negative_lookbehind" -> "(?<!";
            case "atomic" -> "(?>";
            default -> null;
        };
        if (java != null && after == ':') {
            this.pos = colon + 1;
            this.out.append(java);
            if (java.startsWith("(?<")) {
                this.flags = this.flags.inLookbehind(start);
            }
            return;
        }
        if ((name.equals("F") || name.equals("FAIL") || name.equals("fail")) && after == ')') {
            this.scopes.pop();
            this.pos = colon + 1;
            this.out.append("(?!)");
            return;
        }
        throw error("(*" + name + " has no java.util.regex equivalent", start);
    }

    private void pythonGroup(int start) {
        char kind = peek(3);
        if (kind == '<') {
            this.pos += 4;
            namedGroup('>', start);
        } else if (kind == '=') {
            this.scopes.pop();
            this.pos += 4;
            String name = readName(')', start);
            reference("name:" + name);
            this.repeatable = true;
        } else if (kind == '>') {
            throw error("recursion and subroutine calls have no java.util.regex equivalent", start);
        } else {
            throw error("unrecognized character after (?P", start);
        }
    }

    private void namedGroup(char terminator, int start) {
        String name = readName(terminator, start);
        if (this.names.containsKey(name)) {
            throw error("two named subpatterns have the same name [" + name + "]", start);
        }
        this.groups++;
        this.names.put(name, this.groups);
        this.out.append('(');
    }

    private String readName(char terminator, int start) {
        int end = this.pos;
        while (end < this.p.length() && (Character.isLetterOrDigit(this.p.charAt(end)) && this.p.charAt(end) < 0x80
                || this.p.charAt(end) == '_')) {
            end++;
        }
        if (end == this.pos || end >= this.p.length() || this.p.charAt(end) != terminator
                || Character.isDigit(this.p.charAt(this.pos))) {
            throw error("group name must be letters, digits and underscores, not starting with a digit, "
                    + "and end with " + terminator, start);
        }
        String name = this.p.substring(this.pos, end);
        if (name.length() > 32) {
            throw error("subpattern name is too long (maximum 32 code units)", start);
        }
        this.pos = end + 1;
        return name;
    }

    /** {@code (?imnsxU-imnsxU)} or {@code (?imnsxU-imnsxU:...)}, and {@code (?^...)}. */
    private void optionSetting(int start) {
        int i = this.pos + 2;
        boolean on = true;
        boolean extended = this.flags.extended();
        boolean extendedMore = this.flags.extendedMore();
        boolean noAutoCapture = this.flags.noAutoCapture();
        boolean ungreedy = this.flags.ungreedy();
        boolean caseless = this.flags.caseless();
        StringBuilder javaOn = new StringBuilder();
        StringBuilder javaOff = new StringBuilder();
        if (i < this.p.length() && this.p.charAt(i) == '^') {
            javaOff.append("ims");
            extended = false;
            extendedMore = false;
            noAutoCapture = false;
            ungreedy = false;
            caseless = false;
            i++;
        }
        for (; i < this.p.length(); i++) {
            char c = this.p.charAt(i);
            if (c == ')' || c == ':') {
                break;
            }
            switch (c) {
                case '-' -> {
                    if (!on) {
                        throw error("unrecognized character after (? or (?-", start);
                    }
                    on = false;
                }
                case 'i', 'm', 's' -> {
                    (on ? javaOn : javaOff).append(c);
                    if (c == 'i') {
                        caseless = on;
                    }
                }
                case 'x' -> {
                    if (i + 1 < this.p.length() && this.p.charAt(i + 1) == 'x') {
                        extendedMore = on;
                        i++;
                    }
                    extended = on;
                    if (!on) {
                        extendedMore = false;
                    }
                }
                case 'n' -> noAutoCapture = on;
                case 'U' -> ungreedy = on;
                case 'J' -> throw error("(?J) duplicate group names have no java.util.regex equivalent", start);
                default -> throw error("unrecognized character after (? or (?-", start);
            }
        }
        if (i >= this.p.length()) {
            throw error("missing closing parenthesis", start);
        }
        Flags changed = new Flags(extended, extendedMore, noAutoCapture, ungreedy, caseless,
                this.flags.lookbehindAt());
        String javaFlags = javaOn + (javaOff.length() > 0 ? "-" + javaOff : "");
        this.pos = i + 1;
        if (this.p.charAt(i) == ':') {
            this.out.append("(?").append(javaFlags).append(':');
            this.flags = changed;
        } else {
            this.scopes.pop();
            this.flags = changed;
            if (!javaFlags.isEmpty()) {
                this.out.append("(?").append(javaFlags).append(')');
            }
        }
    }

    private void closeGroup() {
        if (this.scopes.isEmpty()) {
            throw error("unmatched closing parenthesis", this.pos);
        }
        Scope scope = this.scopes.pop();
        this.flags = scope.saved();
        boolean joinable = this.requiredEnd == this.out.length();
        this.pos++;
        this.out.append(')');
        this.repeatable = true;
        if (scope.lookaround || scope.alternated) {
            truncateRequired(scope.requiredAtOpen);
            this.requiredEnd = -1;
        } else if (joinable) {
            this.requiredEnd = this.out.length();
        }
        this.groupCloseEnd = this.out.length();
        this.groupRequiredFrom = scope.requiredAtOpen;
    }

    private void escape() {
        int start = this.pos;
        if (this.pos + 1 >= this.p.length()) {
            throw error("\\ at end of pattern");
        }
        char c = this.p.charAt(this.pos + 1);
        this.pos += 2;
        switch (c) {
            case 'd', 'D', 'w', 'W', 's', 'S', 'h', 'H', 'v', 'V', 'X' -> {
                this.out.append('\\').append(c);
                this.repeatable = true;
            }
            case 'R' -> {
                // atomic in PCRE2: a CR LF pair is never split to let the rest of the pattern match
                this.out.append("(?>\\x{d}\\x{a}|[\\x{a}-\\x{d}\\x{85}])");
                this.repeatable = true;
            }
            case 'A', 'z', 'Z', 'G' -> {
                this.out.append('\\').append(c);
                this.repeatable = false;
            }
            case 'b' -> {
                this.out.append("(?:(?<=\\w)(?!\\w)|(?<!\\w)(?=\\w))");
                this.repeatable = false;
            }
            case 'B' -> {
                this.out.append("(?:(?<=\\w)(?=\\w)|(?<!\\w)(?!\\w))");
                this.repeatable = false;
            }
            case 'N' -> {
                this.repeatable = true;
                if (peek(0) == '{' && !this.p.substring(this.pos).matches("(?s)\\{\\d+(,\\d*)?}.*")) {
                    int close = this.p.indexOf('}', this.pos);
                    String name = close < 0 ? "" : this.p.substring(this.pos + 1, close);
                    if (!this.utf) {
                        throw error("\\N{U+hh..} is supported only in UTF mode", start);
                    }
                    if (!name.matches("U\\+[0-9A-Fa-f]{1,6}") || Integer.parseInt(name.substring(2), 16) > 0x10ffff) {
                        throw error("\\N{U+dddd} is supported only in Unicode (UTF) mode, as \\N{U+hh..}", start);
                    }
                    this.pos = close + 1;
                    literal(Integer.parseInt(name.substring(2), 16));
                } else {
                    this.out.append("[^\\n]");
                }
            }
            case 'C' -> {
                if (this.utf) {
                    throw error("\\C (one code unit) in UTF mode has no java.util.regex equivalent", start);
                }
                this.out.append("[\\x{0}-\\x{ff}]");
                this.repeatable = true;
            }
            case 'p', 'P' -> {
                // PCRE2 matches properties without regard to case even under (?i); Java would fold them
                String property = property(c == 'P', start);
                this.out.append(this.flags.caseless() ? "(?-i:" + property + ")" : property);
                this.repeatable = true;
            }
            case 'Q' -> quoted();
            case 'E' -> {
                // a \E without \Q is ignored, as in PCRE2
            }
            case 'K' -> throw error("\\K (reset the match start) has no java.util.regex equivalent", start);
            case 'g' -> {
                numberedOrNamedReference(start);
                this.repeatable = true;
            }
            case 'k' -> {
                char open = peek(0);
                char close = open == '<' ? '>' : open == '\'' ? '\'' : open == '{' ? '}' : '\0';
                if (close == '\0') {
                    throw error("\\k is not followed by a braced, angle-bracketed, or quoted name", start);
                }
                this.pos++;
                reference("name:" + readName(close, start));
                this.repeatable = true;
            }
            default -> {
                if (c >= '1' && c <= '9') {
                    int end = this.pos;
                    while (end < this.p.length() && Character.isDigit(this.p.charAt(end))) {
                        end++;
                    }
                    String digits = this.p.substring(this.pos - 1, end);
                    long number = Long.parseLong(digits.length() > 9 ? "999999999" : digits);
                    if (number < 10 || c >= '8' || number <= this.groups) {
                        reference("number:" + number);
                        this.pos = end;
                    } else {
                        this.out.append(hex(octalDigits(c - '0', 2, start)));
                    }
                } else {
                    literal(characterEscape(c, start));
                }
                this.repeatable = true;
            }
        }
    }

    /**
     * The value of an escape that stands for one character ({@code \n}, {@code \x41}, {@code \101},
     * {@code \cA}, {@code \.} ...), with {@link #pos} already past the escaped letter.
     */
    private int characterEscape(char c, int start) {
        switch (c) {
            case 'a':
                return 0x07;
            case 'e':
                return 0x1b;
            case 'f':
                return 0x0c;
            case 'n':
                return 0x0a;
            case 'r':
                return 0x0d;
            case 't':
                return 0x09;
            case '0':
                return octalDigits(0, 2, start);
            case 'o':
                return bracedNumber(8, start);
            case 'x':
                if (peek(0) == '{') {
                    return bracedNumber(16, start);
                }
                int value = 0;
                for (int n = 0; n < 2 && Character.digit(peek(0), 16) >= 0; n++) {
                    value = value * 16 + Character.digit(peek(0), 16);
                    this.pos++;
                }
                return value;
            case 'c':
                char control = peek(0);
                if (control < 32 || control > 126) {
                    throw error("\\c must be followed by a printable ASCII character", start);
                }
                this.pos++;
                return Character.toUpperCase(control) ^ 0x40;
            default:
                if (c < 0x80 && Character.isLetterOrDigit(c)) {
                    throw error("unrecognized character follows \\ (\\" + c + ")", start);
                }
                return c;
        }
    }

    private int octalDigits(int first, int maxDigits, int start) {
        int value = first;
        for (int n = 0; n < maxDigits && peek(0) >= '0' && peek(0) <= '7'; n++) {
            value = value * 8 + (peek(0) - '0');
            this.pos++;
        }
        if (value > 0xff && !this.utf) {
            throw error("octal value is greater than \\377 in 8-bit non-UTF mode", start);
        }
        return value;
    }

    private int bracedNumber(int radix, int start) {
        if (peek(0) != '{') {
            throw error("missing opening brace after \\o", start);
        }
        int close = this.p.indexOf('}', this.pos);
        String digits = close < 0 ? "" : this.p.substring(this.pos + 1, close);
        if (digits.isEmpty() || !digits.chars().allMatch(d -> Character.digit(d, radix) >= 0)) {
            throw error("non-" + (radix == 8 ? "octal" : "hex") + " character in \\" + (radix == 8 ? "o" : "x")
                    + "{} (closing brace missing?)", start);
        }
        long value = Long.parseLong(digits.length() > 9 ? "fffffffff" : digits, radix);
        if (value > (this.utf ? 0x10ffff : 0xff)) {
            throw error("character code point value in \\x{} or \\o{} is too large (" + (this.utf
                    ? "the maximum is \\x{10ffff})" : "PCRE2 runs without UTF, so the maximum is \\x{ff})"), start);
        }
        this.pos = close + 1;
        return (int) value;
    }

    private void quoted() {
        int end = this.p.indexOf("\\E", this.pos);
        int stop = end < 0 ? this.p.length() : end;
        for (int i = this.pos; i < stop; i++) {
            literal(this.p.charAt(i));
            this.repeatable = true;
        }
        this.pos = end < 0 ? stop : end + 2;
    }

    private void numberedOrNamedReference(int start) {
        char open = peek(0);
        if (open == '<' || open == '\'') {
            throw error("subroutine calls \\g<...> have no java.util.regex equivalent", start);
        }
        String text;
        if (open == '{') {
            int close = this.p.indexOf('}', this.pos);
            if (close < 0) {
                throw error("\\g is not followed by a braced, angle-bracketed, or quoted name/number", start);
            }
            text = this.p.substring(this.pos + 1, close);
            this.pos = close + 1;
        } else {
            int end = this.pos + (peek(0) == '-' || peek(0) == '+' ? 1 : 0);
            while (end < this.p.length() && Character.isDigit(this.p.charAt(end))) {
                end++;
            }
            text = this.p.substring(this.pos, end);
            this.pos = end;
        }
        if (text.matches("-\\d+")) {
            int number = this.groups + 1 - Integer.parseInt(text.substring(1));
            if (number < 1) {
                throw error("reference to non-existent subpattern", start);
            }
            reference("number:" + number);
        } else if (text.matches("\\+?\\d+")) {
            if (text.startsWith("+")) {
                throw error("\\g+n relative forward references are not supported", start);
            }
            reference("number:" + Integer.parseInt(text));
        } else if (text.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            reference("name:" + text);
        } else {
            throw error("\\g is not followed by a braced, angle-bracketed, or quoted name/number", start);
        }
    }

    /** Emits a placeholder for a back reference; {@link #resolveReferences} writes it once groups are known. */
    private void reference(String reference) {
        this.out.append('\0').append(this.pendingReferences.size()).append('\0');
        this.pendingReferences.add(reference);
    }

    private String resolveReferences() {
        if (this.pendingReferences.isEmpty()) {
            return this.out.toString();
        }
        StringBuilder resolved = new StringBuilder();
        int i = 0;
        while (i < this.out.length()) {
            char c = this.out.charAt(i);
            if (c != '\0') {
                resolved.append(c);
                i++;
                continue;
            }
            int close = this.out.indexOf("\0", i + 1);
            String reference = this.pendingReferences.get(Integer.parseInt(this.out.substring(i + 1, close)));
            resolved.append(resolve(reference));
            i = close + 1;
        }
        return resolved.toString();
    }

    private String resolve(String reference) {
        int colon = reference.indexOf(':');
        String kind = reference.substring(0, colon);
        String value = reference.substring(colon + 1);
        int number;
        if (kind.equals("name")) {
            Integer group = this.names.get(value);
            if (group == null) {
                throw error("reference to non-existent subpattern [" + value + "]");
            }
            number = group;
        } else if (kind.equals("number")) {
            number = Integer.parseInt(value);
        } else {
            number = Integer.parseInt(value);
        }
        if (number > this.groups) {
            throw error("reference to non-existent subpattern " + number);
        }
        return "(?:\\" + number + ")";
    }

    /** {@code \p{..}}, {@code \pL}, {@code \P{..}}, {@code \p{^..}}, with {@link #pos} after the letter. */
    private String property(boolean negated, int start) {
        String name;
        if (peek(0) == '{') {
            int close = this.p.indexOf('}', this.pos);
            if (close < 0) {
                throw error("malformed \\P or \\p sequence", start);
            }
            name = this.p.substring(this.pos + 1, close);
            this.pos = close + 1;
        } else {
            if (!more()) {
                throw error("malformed \\P or \\p sequence", start);
            }
            name = String.valueOf(peek(0));
            this.pos++;
        }
        if (name.startsWith("^")) {
            negated = !negated;
            name = name.substring(1);
        }
        String loose = name.replaceAll("[ _-]", "").toLowerCase(Locale.ROOT);
        String positive;
        if (loose.equals("any")) {
            positive = this.utf ? "[\\x{0}-\\x{10ffff}]" : "[\\x{0}-\\x{ff}]";
        } else if (loose.equals("l&") || loose.equals("lc")) {
            positive = "[\\p{Lu}\\p{Ll}\\p{Lt}]";
        } else if (loose.equals("xan")) {
            positive = "[\\p{L}\\p{N}]";
        } else if (loose.equals("xsp") || loose.equals("xps")) {
            positive = "[\\p{Z}\\x{9}-\\x{d}]";
        } else if (loose.equals("xwd")) {
            positive = "[\\p{L}\\p{N}_]";
        } else {
            String category = CATEGORIES.stream().filter(cat -> cat.toLowerCase(Locale.ROOT).equals(loose))
                    .findFirst().orElse(null);
            if (category != null) {
                return (negated ? "\\P{" : "\\p{") + category + "}";
            }
            if (!loose.matches("[a-z]+")) {
                throw error("unknown property name after \\P or \\p [" + name + "]", start);
            }
            return (negated ? "\\P{Is" : "\\p{Is") + name.replaceAll("[ _-]", "") + "}";
        }
        return negated ? "[^" + positive.substring(1) : positive;
    }

    /** A {@code [...]} class: every member is emitted as a code, a range or a Java class escape. */
    private void characterClass() {
        int start = this.pos;
        if (posixAt(this.pos) != null) {
            throw error("POSIX named classes are supported only within a class", start);
        }
        this.pos++;
        boolean negated = peek(0) == '^';
        if (negated) {
            this.pos++;
        }
        StringBuilder members = new StringBuilder();
        boolean first = true;
        while (true) {
            if (!more()) {
                throw error("missing terminating ] for character class", start);
            }
            char c = peek(0);
            if (c == ']' && !first && !this.inQuote) {
                this.pos++;
                break;
            }
            first = false;
            if (this.flags.extendedMore() && (c == ' ' || c == '\t')) {
                this.pos++;
                continue;
            }
            int atomStart = this.pos;
            String set = this.inQuote ? null : classSet();
            int low = set == null ? classCharacter() : -1;
            if (low == -2) {
                continue;
            }
            if (peek(0) == '-' && peek(1) != ']' && this.pos + 1 < this.p.length()) {
                if (set != null) {
                    throw error("invalid range in character class", atomStart);
                }
                this.pos++;
                int highStart = this.pos;
                if (classSet() != null) {
                    throw error("invalid range in character class", highStart);
                }
                int high = classCharacter();
                while (high == -2) {
                    high = classCharacter();
                }
                if (high < low) {
                    throw error("range out of order in character class", atomStart);
                }
                members.append(hex(low)).append('-').append(hex(high));
            } else if (set != null) {
                members.append(set);
            } else {
                members.append(hex(low));
            }
        }
        this.out.append('[').append(negated ? "^" : "").append(members).append(']');
    }

    /** The POSIX class {@code [:name:]} at {@code at} as a Java class, or {@code null}. */
    private String posixAt(int at) {
        if (!this.p.startsWith("[:", at)) {
            return null;
        }
        int close = this.p.indexOf(":]", at + 2);
        if (close < 0) {
            return null;
        }
        String name = this.p.substring(at + 2, close);
        boolean negated = name.startsWith("^");
        String bare = negated ? name.substring(1) : name;
        if (!bare.matches("[a-z]+")) {
            return null;
        }
        if (bare.equals("word")) {
            return negated ? "\\W" : "\\w";
        }
        String java = POSIX.get(bare);
        if (java == null) {
            throw error("unknown POSIX class name [" + bare + "]", at);
        }
        return (negated ? "\\P{" : "\\p{") + java + "}";
    }

    /** A member of a class that is itself a set ({@code \d}, {@code [:alpha:]}, {@code \p{L}}), or null. */
    private String classSet() {
        if (peek(0) == '[' && (peek(1) == '.' || peek(1) == '=')) {
            int close = this.p.indexOf(peek(1) + "]", this.pos + 2);
            if (close >= 0) {
                throw error("POSIX collating elements are not supported", this.pos);
            }
        }
        String posix = posixAt(this.pos);
        if (posix != null) {
            this.pos = this.p.indexOf(":]", this.pos) + 2;
            return posix;
        }
        if (peek(0) != '\\') {
            return null;
        }
        char c = peek(1);
        switch (c) {
            case 'd', 'D', 'w', 'W', 's', 'S', 'h', 'H', 'v', 'V' -> {
                this.pos += 2;
                return "\\" + c;
            }
            case 'p', 'P' -> {
                int start = this.pos;
                this.pos += 2;
                return property(c == 'P', start);
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * One character of a class: its value, or -2 for a {@code \E} or an empty {@code \Q\E} that stands for
     * nothing. {@code \Q...\E} inside a class yields its characters one call at a time.
     */
    private int classCharacter() {
        char c = peek(0);
        if (this.inQuote) {
            if (lookingAt("\\E")) {
                this.inQuote = false;
                this.pos += 2;
                return -2;
            }
            this.pos++;
            return c;
        }
        if (c != '\\') {
            int codePoint = this.utf ? this.p.codePointAt(this.pos) : c;
            this.pos += Character.charCount(codePoint);
            return codePoint;
        }
        int start = this.pos;
        if (this.pos + 1 >= this.p.length()) {
            throw error("\\ at end of pattern");
        }
        char e = peek(1);
        this.pos += 2;
        switch (e) {
            case 'b':
                return 0x08;
            case 'Q':
                this.inQuote = true;
                return -2;
            case 'E':
                return -2;
            case 'N', 'R', 'X', 'B', 'A', 'z', 'Z', 'G', 'K', 'g', 'k', 'C':
                throw error("escape sequence \\" + e + " is invalid in character class", start);
            default:
                if (e >= '1' && e <= '9') {
                    if (e >= '8') {
                        return e;
                    }
                    return octalDigits(e - '0', 2, start);
                }
                return characterEscape(e, start);
        }
    }
}
