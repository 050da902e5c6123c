package io.tcpwatch.rules.engine;

/**
 * Wazuh's pre-decoding (OS_CleanMSG): recognises the timestamp forms of §2.6 by fixed character positions,
 * then for syslog-style headers the hostname and program name, and parses an agent location
 * {@code [ID] (name) ip->path}.
 */
public final class PreDecoder {

    private PreDecoder() {
    }

    /** Characters analysisd accepts in a syslog hostname or program name (hostname_map). */
    static boolean isValidChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '(' || c == ')'
                || c == '-' || c == '.' || c == '/' || c == '@' || c == '_';
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Fills the pre-decoding part of {@code event} from the raw {@code location} and {@code message}.
     *
     * @param managerName the name used as hostname for local events without a syslog hostname
     */
    static void predecode(Event event, String location, String message, String managerName) {
        String msg = message;
        event.fullLog = msg;
        event.log = msg;
        // "Mär" (UTF-8 a-umlaut) is repaired to "Mar" so the date forms below are recognised.
        String p = msg;
        if (p.length() >= 3 && p.charAt(1) == '\u00e4' && p.charAt(0) == 'M') {
            p = "Ma" + p.substring(2);
        }
        int length = p.length() + 1;
        int skip = syslogDate(p, length);
        if (skip > 0) {
            event.timestamp = p.substring(0, Math.min(skip - 1, p.length()));
            int pos = skip;
            if (at(p, pos) == ' ') {
                pos++;
            }
            syslogHeader(event, msg, pos);
        }
        else {
            otherDate(event, p, length);
        }
        parseLocation(event, location, managerName);
    }

    /** Returns the number of characters the syslog-style date occupies (with its space), or 0. */
    private static int syslogDate(String p, int length) {
        if (length > 17 && at(p, 3) == ' ' && at(p, 6) == ' ' && at(p, 9) == ':' && at(p, 12) == ':'
                && at(p, 15) == ' ') {
            return 16;
        }
        if (length > 24 && at(p, 4) == '-' && at(p, 7) == '-' && at(p, 10) == ' ' && at(p, 13) == ':'
                && at(p, 16) == ':' && at(p, 19) == ',') {
            return 24;
        }
        if (length > 33 && at(p, 4) == '-' && at(p, 7) == '-' && at(p, 10) == 'T' && at(p, 13) == ':'
                && at(p, 16) == ':') {
            if (at(p, 22) == ':' && at(p, 25) == ' ') {
                return 26;
            }
            if (at(p, 19) == '.' && at(p, 26) == ':' && at(p, 29) == ' ') {
                return 30;
            }
            if (at(p, 19) == '.' && at(p, 29) == ':') {
                return 33;
            }
            if (at(p, 19) == '.') {
                return 32;
            }
        }
        if (length > 21 && digit(at(p, 0)) && at(p, 4) == ' ' && at(p, 8) == ' ' && at(p, 11) == ' '
                && at(p, 14) == ':' && at(p, 17) == ':' && at(p, 20) == ' ') {
            return 21;
        }
        if (length > 32 && at(p, 4) == '-' && at(p, 7) == '-' && at(p, 10) == ' ' && at(p, 13) == ':'
                && at(p, 16) == ':' && at(p, 19) == '.' && (at(p, 26) == '-' || at(p, 26) == '+')
                && at(p, 31) == ' ') {
            return 32;
        }
        return 0;
    }

    private static void syslogHeader(Event event, String msg, int start) {
        int i = start;
        int hostStart = i;
        while (isValidChar(at(msg, i))) {
            i++;
        }
        int next;
        if (at(msg, i) == ':' && at(msg, i + 1) == ' ') {
            event.programName = msg.substring(hostStart, i);
            removeIdTag(event, msg, i + 2);
            return;
        }
        if (at(msg, i) != ' ') {
            event.log = msg.substring(Math.min(start, msg.length()));
            return;
        }
        event.syslogHostname = msg.substring(hostStart, i);
        i++;
        int programStart = i;
        event.log = msg.substring(Math.min(i, msg.length()));
        while (isValidChar(at(msg, i))) {
            i++;
        }
        if (at(msg, i) == ':') {
            event.programName = msg.substring(programStart, i);
            next = i + 1;
            if (at(msg, next) == ' ') {
                next++;
            }
        }
        else if (at(msg, i) == '[' && digit(at(msg, i + 1))) {
            int nameEnd = i;
            int j = i + 2;
            while (digit(at(msg, j))) {
                j++;
            }
            if (at(msg, j) == ']' && at(msg, j + 1) == ':') {
                next = j + 2;
                if (at(msg, next) == ' ') {
                    next++;
                }
            }
            else if (at(msg, j) == ']' && at(msg, j + 1) == ' ') {
                next = j + 2;
            }
            else {
                return;
            }
            event.programName = msg.substring(programStart, nameEnd);
        }
        else if (at(msg, i) == '|' && Character.isLowerCase(at(msg, i + 1))) {
            next = aix(event, msg, i + 2);
            if (next < 0) {
                return;
            }
        }
        else {
            return;
        }
        removeIdTag(event, msg, next);
    }

    /** Sets the log to start at {@code next}, after a {@code [ID nnn facility.severity] } tag if present. */
    private static void removeIdTag(Event event, String msg, int next) {
        int start = Math.min(next, msg.length());
        event.log = msg.substring(start);
        if (msg.startsWith("[ID ", start)) {
            int close = msg.indexOf(']', start + 4);
            if (close >= 0) {
                event.log = msg.substring(Math.min(close + 2, msg.length()));
            }
        }
    }

    /**
     * AIX {@code prog|facility:severity prog2:} header.
     *
     * @return where the message starts, or -1 to leave the log at the program name
     */
    private static int aix(Event event, String msg, int from) {
        int i = from;
        while (asciiAlnum(at(msg, i))) {
            i++;
        }
        if (at(msg, i) != ':') {
            return -1;
        }
        i++;
        while (asciiAlnum(at(msg, i))) {
            i++;
        }
        if (at(msg, i) != ' ') {
            return -1;
        }
        i++;
        int programStart = i;
        while (isValidChar(at(msg, i))) {
            i++;
        }
        event.programName = msg.substring(programStart, i);
        if (at(msg, i) == ':' && at(msg, i + 1) == ' ') {
            return i + 2;
        }
        if (at(msg, i) == '[' && digit(at(msg, i + 1))) {
            int j = i + 2;
            while (digit(at(msg, j))) {
                j++;
            }
            if (at(msg, j) == ']' && at(msg, j + 1) == ':' && at(msg, j + 2) == ' ') {
                return j + 3;
            }
            return -1;
        }
        return i;
    }

    private static boolean asciiAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static void otherDate(Event event, String p, int length) {
        String msg = event.fullLog;
        if (length > 28 && at(p, 3) == ' ' && at(p, 7) == ' ' && at(p, 10) == ' ' && at(p, 13) == ':'
                && at(p, 16) == ':' && at(p, 19) == ' ' && at(p, 24) == ' ' && at(p, 26) == ' ') {
            event.timestamp = p.substring(0, 24);
            event.log = msg.substring(25);
        }
        else if (length > 24 && at(p, 2) == '/' && at(p, 5) == '-' && at(p, 8) == ':' && at(p, 11) == ':'
                && at(p, 14) == '.' && at(p, 21) == ' ') {
            event.timestamp = p.substring(0, 21);
            event.log = msg.substring(23);
        }
        else if (length > 26 && at(p, 2) == '/' && at(p, 5) == '/' && at(p, 10) == '-' && at(p, 13) == ':'
                && at(p, 16) == ':' && at(p, 19) == '.' && at(p, 26) == ' ') {
            event.timestamp = p.substring(0, 26);
            event.log = msg.substring(28);
        }
        else if (length > 27 && at(p, 0) == '[' && at(p, 4) == ' ' && at(p, 8) == ' ' && at(p, 11) == ' '
                && at(p, 14) == ':' && at(p, 17) == ':' && at(p, 20) == ' ' && at(p, 25) == ']') {
            event.timestamp = p.substring(1, 25);
            event.log = msg.substring(27);
        }
        else if (length > 26 && at(p, 0) == '[' && at(p, 1) == 'T' && at(p, 5) == ' ' && at(p, 10) == '.'
                && at(p, 13) == '.' && at(p, 16) == ' ' && at(p, 19) == ':') {
            asl(event, msg);
        }
        else if (length > 32 && at(p, 0) == '1' && digit(at(p, 1)) && digit(at(p, 2)) && digit(at(p, 3))
                && at(p, 10) == '.' && digit(at(p, 13)) && at(p, 14) == ' '
                && (at(p, 21) == ' ' || at(p, 22) == ' ')) {
            int i = 14;
            while (at(msg, i) == ' ') {
                i++;
            }
            event.timestamp = p.substring(0, 14);
            event.log = msg.substring(i);
        }
    }

    private static void asl(Event event, String msg) {
        boolean doneMessage = false;
        String rest = msg.substring(25);
        event.log = rest;
        int i = rest.indexOf('[');
        while (i >= 0) {
            i++;
            if (rest.startsWith("Sender ", i) && event.programName == null) {
                int close = rest.indexOf(']', i + 7);
                if (close < 0) {
                    break;
                }
                event.programName = rest.substring(i + 7, close);
                i = close + 1;
            }
            else if (rest.startsWith("Message ", i) && !doneMessage) {
                doneMessage = true;
                int close = rest.indexOf(']', i + 8);
                if (close < 0) {
                    event.log = rest.substring(i + 8);
                    break;
                }
                event.log = rest.substring(i + 8, close);
                i = close + 1;
            }
            else if (rest.startsWith("Host ", i)) {
                int close = rest.indexOf(']', i + 5);
                if (close >= 0) {
                    event.syslogHostname = rest.substring(i + 5, close);
                }
                break;
            }
            i = rest.indexOf('[', i);
        }
    }

    private static void parseLocation(Event event, String location, String managerName) {
        if (location.startsWith("[")) {
            int close = location.indexOf(']');
            if (close > 0) {
                event.agentId = location.substring(1, close);
                String rest = location.substring(close + 1).stripLeading();
                event.location = rest;
                int open = rest.indexOf('(');
                int end = rest.indexOf(')');
                if (open >= 0 && end > open) {
                    event.agentName = rest.substring(open + 1, end);
                    event.hostname = event.agentName;
                    int arrow = rest.indexOf("->", end);
                    String ip = (arrow >= 0 ? rest.substring(end + 1, arrow) : rest.substring(end + 1)).trim();
                    if (!ip.isEmpty() && !ip.equals("any")) {
                        event.agentIp = ip;
                    }
                }
                if (event.hostname == null) {
                    event.hostname = event.syslogHostname != null ? event.syslogHostname : managerName;
                }
                return;
            }
        }
        event.location = location;
        event.hostname = event.syslogHostname != null ? event.syslogHostname : managerName;
    }
}
