package io.tcpwatch.rules.regex;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * OS_Regex, Wazuh 4.x's own regular expressions, reproduced byte for byte from its observable behaviour
 * (the {@code os_regex_actual_results.json} oracle of Wazuh 4.14.7 is the reference).
 *
 * <p>Syntax: {@code \d \w \s \p \D \W \S \. \t} are character classes, {@code \( \) \\ \$ \| \<} literal
 * characters; every other escape is a compile error. An unescaped {@code .} is a literal dot, and {@code +}
 * or {@code *} are quantifiers only right after a class ({@code a+} is the two characters {@code a+}).
 * {@code |} splits the whole pattern into alternatives tried in order, each with its own groups numbered from
 * 1. {@code ^} anchors only as the first character of an alternative and {@code $} only as its last. Groups
 * cannot nest. Matching is ASCII case-insensitive; {@code \s} is the space character only.
 *
 * <p>Matching is lazy with at most four pending backtrack points, not a real regular expression search: for
 * example {@code (\d+)\w} on {@code 12345} captures {@code 1}, and adjacent groups such as {@code (a)(b)}
 * never match. These are Wazuh's results, reproduced on purpose, quirks included. The matcher works on the
 * UTF-8 bytes of the subject as Wazuh does; a subject that is pure ASCII is matched in place without copying.
 * A non-ASCII character written in the pattern never matches: Wazuh compares it as a signed {@code char}
 * against an unsigned subject byte (the x86-64 build; the classes {@code \W \S \D \.} do match such
 * bytes).
 *
 * <p>Wazuh compiles decoder {@code <regex>} with substring capture and everything else (decoder
 * {@code <prematch>}, {@code <program_name>}, rule {@code <regex>} and fields) without it. The two modes
 * differ slightly: with capture, trailing {@code \x*} tokens after the last group may be skipped at the end
 * of the subject. See {@link Patterns#compile} and {@link Patterns#compileWithoutCaptures}.
 *
 * <p>Does NOT reproduce Wazuh where Wazuh reads memory outside the subject: a group whose recorded end lies
 * before its start (Wazuh copies an unbounded length there) is returned as the empty string.
 */
final class OsRegex implements CompiledPattern {

    /** Longest pattern OS_Regex accepts, in bytes ({@code OS_PATTERN_MAXSIZE}). */
    static final int MAX_PATTERN_BYTES = 20480;

    /** Program byte that ends an alternative. */
    private static final int END = 0;

    /** Program byte that starts a class or escaped character; the class code follows it. */
    private static final int ESC = '\\';

    /**
     * Program byte of a group boundary. Opening and closing parentheses are the same marker, and it keeps the
     * value of {@code (}: Wazuh compares it as a literal when two markers are adjacent, so a subject
     * {@code (} can match there.
     */
    private static final int GROUP = '(';

    private static final int PLUS = '+';

    private static final int STAR = '*';

    /** No position, Wazuh's NULL pointer. */
    private static final int NONE = Integer.MIN_VALUE;

    /** Class codes, in the order of {@link #ESCAPES}; code 0 is unused. */
    private static final String ESCAPES = "dwsp()\\DWS.t$|<";

    private static final boolean[][] CLASSES = buildClasses();

    private static final ThreadLocal<int[]> MARKS = ThreadLocal.withInitial(() -> new int[16]);

    private final String source;

    private final boolean captures;

    /** All alternatives, each followed by {@link #END}, then padding so that look-ahead stays inside. */
    private final int[] program;

    private final int[] starts;

    /** The number of group markers (two per group) in each alternative. */
    private final int[] markers;

    private final boolean[] beginSet;

    private final boolean[] endSet;

    /** For each program position holding a {@link #GROUP}, its number inside its alternative; else -1. */
    private final int[] markerIndex;

    private final int maxMarkers;

    /**
     * For each alternative that is not anchored with {@code ^} and starts with a literal (after at most one
     * group marker), that literal; else {@link #NONE}. Positions where it does not match are skipped with a
     * fast search: the scan would fail there at once and change nothing.
     */
    private final int[] firstLiteral;

    /**
     * For each alternative with a {@link #firstLiteral}, the run of literals it starts with (the first one
     * included); else {@code null}. A position where the whole run does not match fails within the run,
     * before any backtrack point exists, so the search skips it too.
     */
    private final int[][] literalPrefix;

    /** {@link #literalPrefix} as text (the literals are lowered ASCII), searched for in a lowered subject. */
    private final String[] literalPrefixText;

    private OsRegex(String source, boolean captures, int[] program, int[] starts, int[] markers,
            boolean[] beginSet, boolean[] endSet, int[] markerIndex) {
        this.source = source;
        this.captures = captures;
        this.program = program;
        this.starts = starts;
        this.markers = markers;
        this.beginSet = beginSet;
        this.endSet = endSet;
        this.markerIndex = markerIndex;
        this.maxMarkers = Arrays.stream(markers).max().orElse(0);
        this.firstLiteral = new int[starts.length];
        this.literalPrefix = new int[starts.length][];
        this.literalPrefixText = new String[starts.length];
        for (int a = 0; a < starts.length; a++) {
            int first = program[starts[a]] == GROUP ? starts[a] + 1 : starts[a];
            int token = program[first];
            boolean literal = token != END && token != ESC && token != GROUP;
            this.firstLiteral[a] = literal && !beginSet[a] ? token : NONE;
            if (this.firstLiteral[a] != NONE && token >= 0) {
                int stop = first;
                while (isPlainLiteral(program[stop])) {
                    stop++;
                }
                this.literalPrefix[a] = Arrays.copyOfRange(program, first, stop);
                this.literalPrefixText[a] = new String(this.literalPrefix[a], 0, stop - first);
            }
        }
    }

    /**
     * Compiles an OS_Regex pattern.
     *
     * @param substrings whether groups are captured ({@code OS_RETURN_SUBSTRING}); this also changes how a
     *     pattern ending in {@code \x*} tokens matches at the end of a subject, as in Wazuh
     * @throws PatternSyntaxError for an unknown escape, a nested, unbalanced or unclosed group, a {@code |}
     *     inside a group, a NUL character or a pattern longer than {@value #MAX_PATTERN_BYTES} bytes
     */
    static OsRegex compile(String source, boolean substrings) {
        if (source.indexOf('\0') >= 0) {
            throw error(source, "contains a NUL character at offset " + source.indexOf('\0')
                    + ", which would end the pattern in Wazuh");
        }
        int size = source.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_PATTERN_BYTES) {
            throw error(source, "is " + size + " bytes long; OS_Regex accepts at most " + MAX_PATTERN_BYTES);
        }
        int[] code = new int[size];
        int length = 0;
        int depth = 0;
        int openedAt = -1;
        int closings = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                int escaped = i + 1 < source.length() ? source.charAt(i + 1) : -1;
                int classCode = escaped < 0 || escaped >= 0x80 ? -1 : ESCAPES.indexOf(escaped);
                if (classCode < 0) {
                    throw error(source, describeEscape(source, i) + "; OS_Regex accepts only "
                            + "\\d \\w \\s \\p \\D \\W \\S \\. \\t \\( \\) \\\\ \\$ \\| \\<");
                }
                code[length++] = ESC;
                code[length++] = classCode + 1;
                i++;
            } else if (c >= 0x80) {
                int codePoint = source.codePointAt(i);
                byte[] utf8 = Character.isSurrogate(c) && Character.charCount(codePoint) == 1 ? new byte[] {'?'}
                        : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                for (byte b : utf8) {
                    // kept negative, as the signed char Wazuh compares it as: it never equals a subject byte
                    code[length++] = b;
                }
                i += Character.charCount(codePoint) - 1;
            } else if (c == '(') {
                depth++;
                if (depth > 1) {
                    throw error(source, "nested group at offset " + i + "; OS_Regex allows one level");
                }
                openedAt = i;
                code[length++] = GROUP;
            } else if (c == ')') {
                depth--;
                closings++;
                if (depth < 0) {
                    throw error(source, "')' at offset " + i + " closes no group");
                }
                code[length++] = GROUP;
            } else if (c == '|' && depth != 0) {
                throw error(source, "'|' at offset " + i + " is inside the group opened at offset " + openedAt
                        + "; OS_Regex alternatives split the whole pattern");
            } else {
                code[length++] = fold(c);
            }
        }
        if (depth != 0) {
            throw error(source, "the group opened at offset " + openedAt + " is not closed");
        }
        return split(source, substrings && closings > 0, code, length);
    }

    /** Cuts the code at each {@code |} into alternatives and reads their {@code ^}/{@code $} anchors. */
    private static OsRegex split(String source, boolean captures, int[] code, int length) {
        List<int[]> alternatives = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || code[i] == '|') {
                alternatives.add(new int[] {from, i});
                from = i + 1;
            }
        }
        int count = alternatives.size();
        int[] program = new int[length + count + 4];
        int[] starts = new int[count];
        int[] markers = new int[count];
        boolean[] beginSet = new boolean[count];
        boolean[] endSet = new boolean[count];
        int[] markerIndex = new int[program.length];
        Arrays.fill(markerIndex, -1);
        int out = 0;
        for (int a = 0; a < count; a++) {
            int start = alternatives.get(a)[0];
            int stop = alternatives.get(a)[1];
            if (start < stop && code[start] == '^') {
                beginSet[a] = true;
                start++;
            }
            if (stop > start && code[stop - 1] == '$') {
                endSet[a] = true;
                stop--;
            }
            starts[a] = out;
            for (int i = start; i < stop; i++) {
                if (code[i] == GROUP) {
                    markerIndex[out] = markers[a]++;
                }
                program[out++] = code[i];
            }
            program[out++] = END;
        }
        return new OsRegex(source, captures, program, starts, markers, beginSet, endSet, markerIndex);
    }

    private static String describeEscape(String source, int offset) {
        if (offset + 1 >= source.length()) {
            return "ends with a lone backslash";
        }
        return "unknown escape \\" + Character.toString(source.codePointAt(offset + 1)) + " at offset " + offset;
    }

    private static PatternSyntaxError error(String source, String problem) {
        return new PatternSyntaxError(PatternType.OSREGEX, source, problem);
    }

    @Override
    public String source() {
        return this.source;
    }

    @Override
    public PatternType type() {
        return PatternType.OSREGEX;
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
        try {
            return run(subject, null, from);
        } catch (NonAsciiSubject e) {
            return matchUtf8(subject, from);
        }
    }

    private PatternMatch matchUtf8(String subject, int from) {
        byte[] bytes = subject.substring(from).getBytes(StandardCharsets.UTF_8);
        PatternMatch byteMatch = run(null, bytes, 0);
        if (byteMatch == null) {
            return null;
        }
        String suffix = subject.substring(from);
        int last = byteMatch.last() < 0 ? from - 1 : from + Utf8Offsets.charIndexOfByte(suffix, byteMatch.last());
        int end = from + Utf8Offsets.charEndOfByte(suffix, byteMatch.end());
        return new PatternMatch(Math.max(end, from), byteMatch.groups(), last);
    }

    /**
     * Runs the alternatives on the subject from {@code from}: {@code text} read in place (every char ASCII,
     * else {@link NonAsciiSubject} is thrown) or {@code bytes}, the UTF-8 encoding.
     */
    private PatternMatch run(String text, byte[] bytes, int from) {
        int[] marks = null;
        if (this.captures) {
            marks = MARKS.get();
            if (marks.length < this.maxMarkers) {
                marks = new int[this.maxMarkers];
                MARKS.set(marks);
            }
        }
        for (int a = 0; a < this.starts.length; a++) {
            if (marks != null) {
                Arrays.fill(marks, 0, this.maxMarkers, NONE);
            }
            int last = runAlternative(a, text, bytes, from, marks);
            if (last != NONE) {
                return result(a, text, bytes, from, last, marks);
            }
        }
        return null;
    }

    private PatternMatch result(int alternative, String text, byte[] bytes, int from, int last, int[] marks) {
        List<String> groups = new ArrayList<>();
        if (marks != null) {
            int markers = this.markers[alternative];
            for (int j = 0; j + 1 < markers && marks[j] != NONE && marks[j + 1] != NONE; j += 2) {
                int begin = marks[j];
                int stop = Math.max(marks[j + 1], begin);
                groups.add(bytes == null ? text.substring(begin, stop)
                        : new String(bytes, begin, stop - begin, StandardCharsets.UTF_8));
            }
        }
        int end = last >= from && at(text, bytes, last) == 0 ? last : last + 1;
        return new PatternMatch(Math.max(end, from), groups, last);
    }

    private static int at(String text, byte[] bytes, int i) {
        if (bytes != null) {
            return i < bytes.length ? bytes[i] & 0xff : 0;
        }
        if (i >= text.length()) {
            return 0;
        }
        char c = text.charAt(i);
        if (c >= 0x80) {
            throw NonAsciiSubject.INSTANCE;
        }
        return c;
    }

    private static int fold(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    /** A program byte that matches one subject character by itself: not a marker and not non-ASCII. */
    private static boolean isPlainLiteral(int b) {
        return b > 0 && b != ESC && b != GROUP;
    }

    private static boolean quantifier(int b) {
        return b == PLUS || b == STAR;
    }

    private boolean classMatches(int classCode, int c) {
        return CLASSES[classCode][c];
    }

    private void mark(int[] marks, int position, int offset) {
        if (marks != null) {
            marks[this.markerIndex[position]] = offset;
        }
    }

    /**
     * One alternative against the subject. Returns the offset Wazuh's matcher returns a pointer to, or
     * {@link #NONE}. The steps follow OS_Regex's scan: literals and single classes must match the current
     * character; a quantified class keeps consuming until the token after it matches, which moves on lazily
     * and leaves a backtrack point (four at most); a failure resumes from the newest point, else restarts
     * the alternative one character after the failed attempt began.
     */
    private int runAlternative(int alternative, String text, byte[] bytes, int from, int[] marks) {
        int[] prog = this.program;
        int begin = this.starts[alternative];
        boolean anchored = this.beginSet[alternative];
        boolean endAnchored = this.endSet[alternative];
        int returned = from;
        boolean consuming = false;
        int restartAt = NONE;
        int pt = begin;
        int back0 = NONE;
        int back1 = NONE;
        int back2 = NONE;
        int back3 = NONE;
        int backAt0 = 0;
        int backAt1 = 0;
        int backAt2 = 0;
        int backAt3 = 0;
        int literal = this.firstLiteral[alternative];
        int[] prefix = this.literalPrefix[alternative];
        // an all-ASCII subject, lowered: the scan cannot meet a non-ASCII char, so the run is searched whole
        String lowered = prefix != null && text != null ? Utf8Offsets.asciiLowered(text) : null;
        int lowerAt = NONE;
        int upperAt = literal >= 'a' && literal <= 'z' ? NONE : -1;
        int limit = literal == NONE ? 0 : bytes != null ? cString(bytes) : Utf8Offsets.cString(text, from);
        int st;
        for (st = from; at(text, bytes, st) != 0; ++st) {
            if (literal != NONE && pt == begin) {
                if (prefix == null) {
                    st = nextCandidate(text, bytes, st, literal, limit);
                } else if (text == null) {
                    st = nextPrefix(bytes, st, prefix, limit);
                } else if (lowered != null) {
                    int found = lowered.indexOf(this.literalPrefixText[alternative], st);
                    st = found < 0 || found >= limit ? limit : found;
                } else {
                    // the next offset of the literal in either case, each search kept while it lies ahead
                    while (true) {
                        if (lowerAt != -1 && lowerAt < st) {
                            lowerAt = text.indexOf(literal, st);
                        }
                        if (upperAt != -1 && upperAt < st) {
                            upperAt = text.indexOf(literal - ('a' - 'A'), st);
                        }
                        int found = lowerAt < 0 ? upperAt : upperAt < 0 ? lowerAt : Math.min(lowerAt, upperAt);
                        if (found < 0 || found >= limit) {
                            st = limit;
                            break;
                        }
                        if (prefixAt(text, found, prefix, limit)) {
                            st = found;
                            break;
                        }
                        st = found + 1;
                    }
                }
                if (st >= limit) {
                    break;
                }
            }
            int c = at(text, bytes, st);
            if (prog[pt] == END) {
                if (!endAnchored) {
                    return returned;
                }
            } else if (prog[pt] == GROUP) {
                mark(marks, pt, st);
                pt++;
                if (prog[pt] == END && !endAnchored) {
                    return returned;
                }
            }
            if (prog[pt] == ESC) {
                if (classMatches(prog[pt + 1], c)) {
                    int next = pt + 2;
                    if (!quantifier(prog[next])) {
                        pt = next;
                        if (restartAt == NONE) {
                            restartAt = st;
                        }
                        returned = st;
                        continue;
                    }
                    if (prog[next] == STAR) {
                        consuming = true;
                    }
                    if (consuming) {
                        next++;
                        int advance = -1;
                        if (prog[next] == GROUP) {
                            next++;
                        }
                        if (prog[next] == END) {
                            advance = 1;
                        } else if (prog[next] == ESC) {
                            if (classMatches(prog[next + 1], c)) {
                                advance = quantifier(prog[next + 2]) ? 0 : 2;
                            }
                        } else if (prog[next] == fold(c)) {
                            consuming = false;
                            advance = 1;
                        }
                        if (advance >= 0) {
                            if (prog[next - 1] == GROUP) {
                                mark(marks, next - 1, consuming && advance == 1 ? st + 1 : st);
                            }
                            if (prog[next] == END) {
                                continue;
                            }
                            next += advance;
                            if (back0 == NONE) {
                                back0 = pt;
                                backAt0 = st;
                            } else if (back1 == NONE) {
                                back1 = pt;
                                backAt1 = st;
                            } else if (back2 == NONE) {
                                back2 = pt;
                                backAt2 = st;
                            } else if (back3 == NONE) {
                                back3 = pt;
                                backAt3 = st;
                            }
                            pt = next;
                        }
                    } else {
                        next++;
                        if (prog[next] == GROUP) {
                            mark(marks, next, at(text, bytes, st + 1) == 0 ? st + 1 : st);
                        }
                        consuming = true;
                    }
                    returned = st;
                    continue;
                } else if ((prog[pt + 2] == END || prog[pt + 3] == END) && consuming && returned != NONE) {
                    returned = st;
                    if (!endAnchored) {
                        return returned;
                    }
                } else if (prog[pt + 2] == PLUS && consuming) {
                    pt += 3;
                    st--;
                    consuming = false;
                    continue;
                } else if (prog[pt + 2] == STAR) {
                    pt += 3;
                    st--;
                    returned = st;
                    consuming = false;
                    continue;
                }
                consuming = false;
            } else if (prog[pt] == fold(c)) {
                pt++;
                if (restartAt == NONE) {
                    restartAt = st;
                }
                returned = st;
                continue;
            }
            if (back3 != NONE) {
                pt = back3;
                st = backAt3;
                back3 = NONE;
                continue;
            } else if (back2 != NONE) {
                pt = back2;
                st = backAt2;
                back2 = NONE;
                continue;
            } else if (back1 != NONE) {
                pt = back1;
                st = backAt1;
                back1 = NONE;
                continue;
            } else if (back0 != NONE) {
                pt = back0;
                st = backAt0;
                back0 = NONE;
                continue;
            } else if (anchored) {
                return NONE;
            } else if (restartAt != NONE) {
                st = restartAt;
                restartAt = NONE;
            }
            pt = begin;
            returned = NONE;
        }
        return finish(prog, pt, st, consuming, returned, marks);
    }

    /** The first offset from {@code st} where {@code literal} matches, or {@code limit}. */
    private static int nextCandidate(String text, byte[] bytes, int st, int literal, int limit) {
        if (literal < 0) {
            return limit;
        }
        if (bytes != null) {
            int i = st;
            while (i < limit && fold(bytes[i] & 0xff) != literal) {
                i++;
            }
            return i;
        }
        int found = text.indexOf(literal, st);
        if (literal >= 'a' && literal <= 'z') {
            int upper = text.indexOf(literal - ('a' - 'A'), st);
            if (upper >= 0 && (found < 0 || upper < found)) {
                found = upper;
            }
        }
        return found < 0 || found > limit ? limit : found;
    }

    /**
     * Whether the literals of {@code prefix} match at {@code offset}, reading the subject as the scan does: a
     * non-ASCII char it reaches throws {@link NonAsciiSubject}.
     */
    private static boolean prefixAt(String text, int offset, int[] prefix, int limit) {
        for (int k = 1; k < prefix.length; k++) {
            int i = offset + k;
            if (i >= limit) {
                return false;
            }
            char c = text.charAt(i);
            if (c >= 0x80) {
                throw NonAsciiSubject.INSTANCE;
            }
            if (fold(c) != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /** The first offset from {@code st} where all of {@code prefix} matches in {@code bytes}, or {@code limit}. */
    private static int nextPrefix(byte[] bytes, int st, int[] prefix, int limit) {
        int first = prefix[0];
        for (int i = st; i < limit; i++) {
            if (fold(bytes[i] & 0xff) != first) {
                continue;
            }
            int k = 1;
            while (k < prefix.length && i + k < limit && fold(bytes[i + k] & 0xff) == prefix[k]) {
                k++;
            }
            if (k == prefix.length) {
                return i;
            }
        }
        return limit;
    }

    private static int cString(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return bytes.length;
    }

    /** The end of the subject was reached: the rest of the alternative decides, as in Wazuh. */
    private int finish(int[] prog, int pt, int st, boolean consuming, int returned, int[] marks) {
        int p = pt;
        if (marks != null) {
            while (prog[p] != GROUP && prog[p] != END && prog[p] == ESC && prog[p + 2] == STAR) {
                p += 3;
            }
            if (prog[p] == GROUP) {
                mark(marks, p, st);
            }
        }
        if (prog[p] == GROUP) {
            p++;
        }
        if (prog[p] == END) {
            return returned;
        }
        if (prog[p] == ESC && consuming) {
            p += 2;
            if (quantifier(prog[p])) {
                p++;
                if (prog[p] == GROUP) {
                    p++;
                }
                if (prog[p] == END) {
                    return returned;
                }
                if (prog[p] == ESC) {
                    p += 2;
                    if (prog[p] == STAR) {
                        p++;
                        if (prog[p] == GROUP) {
                            p++;
                        }
                        if (prog[p] == END) {
                            return returned;
                        }
                    }
                }
            }
        }
        if (prog[p] == ESC) {
            p += 2;
            if (prog[p] == STAR) {
                p++;
                if (prog[p] == GROUP) {
                    p++;
                }
                if (prog[p] == END) {
                    return returned;
                }
            }
        }
        return NONE;
    }

    private static boolean[][] buildClasses() {
        boolean[][] classes = new boolean[ESCAPES.length() + 1][256];
        for (int c = 0; c < 256; c++) {
            boolean digit = c >= '0' && c <= '9';
            boolean word = digit || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-'
                    || c == '@';
            classes[1][c] = digit;
            classes[2][c] = word;
            classes[3][c] = c == ' ';
            classes[4][c] = (c >= '!' && c <= '.') || (c >= ':' && c <= '?') || c == '[' || c == ']'
                    || (c >= '{' && c <= '}');
            classes[8][c] = !digit;
            classes[9][c] = !word;
            classes[10][c] = c != ' ';
            classes[11][c] = true;
            classes[12][c] = c == '\t';
        }
        for (int code = 1; code <= ESCAPES.length(); code++) {
            char escaped = ESCAPES.charAt(code - 1);
            if ("()\\$|<".indexOf(escaped) >= 0) {
                classes[code][escaped] = true;
            }
        }
        return classes;
    }

    /** Signals that the in-place ASCII scan met a non-ASCII char and the subject must be matched as UTF-8. */
    private static final class NonAsciiSubject extends RuntimeException {

        private static final long serialVersionUID = 1L;

        static final NonAsciiSubject INSTANCE = new NonAsciiSubject();

        private NonAsciiSubject() {
            super("subject is not ASCII", null, false, false);
        }
    }
}
