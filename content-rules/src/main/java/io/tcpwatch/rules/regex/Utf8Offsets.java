package io.tcpwatch.rules.regex;

import java.nio.charset.StandardCharsets;

/**
 * Maps between a Java string and its UTF-8 bytes, the unit Wazuh's matchers work on. Encoding follows
 * {@link String#getBytes(java.nio.charset.Charset)}: an unpaired surrogate becomes one {@code ?} byte.
 */
final class Utf8Offsets {

    /**
     * The last subject asked about, since a ruleset runs many patterns on one subject in a row. Shared by all
     * threads without locking: the facts are immutable (final fields), so a thread sees either a complete
     * entry or another subject's, which it recomputes.
     */
    private static AsciiCheck lastCheck = new AsciiCheck("", true, 0, "");

    private Utf8Offsets() {
    }

    /** Whether every char of {@code s} is ASCII, so that its chars are its UTF-8 bytes. */
    static boolean isAscii(String s) {
        return facts(s).ascii;
    }

    /** {@code s} with ASCII letters lowered when every char of it is ASCII, else {@code null}. */
    static String asciiLowered(String s) {
        return facts(s).lower;
    }

    /** The end of the C string that starts at {@code from}: its first NUL char at or after it, or the length. */
    static int cString(String s, int from) {
        int end = facts(s).end;
        if (end >= from) {
            return end;
        }
        int nul = s.indexOf('\0', from);
        return nul < 0 ? s.length() : nul;
    }

    private static AsciiCheck facts(String s) {
        AsciiCheck check = lastCheck;
        if (check.subject == s) {
            return check;
        }
        boolean ascii = true;
        boolean upper = false;
        int length = s.length();
        int end = length;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            ascii &= c < 0x80;
            upper |= c >= 'A' && c <= 'Z';
            if (c == 0) {
                end = i;
                break;
            }
        }
        for (int i = end; i < length && ascii; i++) {
            char c = s.charAt(i);
            ascii = c < 0x80;
            upper |= c >= 'A' && c <= 'Z';
        }
        check = new AsciiCheck(s, ascii, end, !ascii ? null : upper ? lowerAscii(s) : s);
        lastCheck = check;
        return check;
    }

    /** @param lower the subject with ASCII letters lowered when it is all ASCII, else {@code null} */
    private record AsciiCheck(String subject, boolean ascii, int end, String lower) {
    }

    private static String lowerAscii(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    /** The UTF-8 bytes of {@code s}, one char per byte (ISO-8859-1), so that a byte-wise regex can run on it. */
    static String bytesAsChars(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** The text whose UTF-8 bytes are the chars of {@code bytes}, see {@link #bytesAsChars}. */
    static String decode(String bytes, int begin, int end) {
        return new String(bytes.substring(begin, end).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /**
     * The index of the char of {@code s} whose UTF-8 encoding holds byte {@code byteOffset}, or
     * {@code s.length()} when the offset is at or past the end of the encoding.
     */
    static int charIndexOfByte(String s, int byteOffset) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            int width = width(s, i);
            if (byteOffset < bytes + width) {
                return i;
            }
            bytes += width;
            if (width == 4) {
                i++;
            }
        }
        return s.length();
    }

    /** The char offset for a byte offset that ends a match: a char cut in the middle counts as matched. */
    static int charEndOfByte(String s, int byteEnd) {
        if (byteEnd <= 0) {
            return 0;
        }
        int i = charIndexOfByte(s, byteEnd - 1);
        return i >= s.length() ? s.length() : i + (width(s, i) == 4 ? 2 : 1);
    }

    private static int width(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            return 4;
        }
        return Character.isSurrogate(c) ? 1 : 3;
    }
}
