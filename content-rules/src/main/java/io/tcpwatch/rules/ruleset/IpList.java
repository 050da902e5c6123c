package io.tcpwatch.rules.ruleset;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The CIDR list of a rule's {@code <srcip>} or {@code <dstip>}: repeated elements OR together, {@code any}
 * matches every address, and {@code negate="yes"} inverts. As in Wazuh, a leading {@code !} on an entry is
 * dropped without negating.
 */
public final class IpList {

    private final List<byte[]> networks = new ArrayList<>();

    private final List<Integer> prefixes = new ArrayList<>();

    private boolean any;

    private boolean negate;

    /**
     * Adds one element's entries (comma or space separated is not Wazuh syntax; one address per element).
     *
     * @throws IllegalArgumentException naming the entry when it is not an address or CIDR
     */
    public void add(String entry, boolean negateAttribute) {
        String text = entry.trim();
        this.negate = negateAttribute;
        if (text.startsWith("!")) {
            text = text.substring(1).trim();
        }
        if (text.equalsIgnoreCase("any")) {
            this.any = true;
            return;
        }
        String address = text;
        int prefix = -1;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            address = text.substring(0, slash);
            String bits = text.substring(slash + 1);
            if (bits.contains(".")) {
                prefix = maskBits(parse(bits, entry));
            }
            else {
                try {
                    prefix = Integer.parseInt(bits);
                }
                catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("invalid netmask [" + bits + "] in address [" + entry + "]");
                }
            }
        }
        byte[] network = parse(address, entry);
        int max = network.length * 8;
        if (prefix < 0) {
            prefix = max;
        }
        if (prefix > max) {
            throw new IllegalArgumentException("netmask [/" + prefix + "] is longer than " + max
                    + " bits in address [" + entry + "]");
        }
        this.networks.add(network);
        this.prefixes.add(prefix);
    }

    /** Whether {@code ip} (the event's field) satisfies the list; an absent or unparsable field does not. */
    public boolean test(String ip) {
        if (ip == null) {
            return false;
        }
        boolean hit = contains(ip);
        return hit != this.negate;
    }

    private boolean contains(String ip) {
        if (this.any) {
            return true;
        }
        byte[] address = parseOrNull(ip.trim());
        if (address == null) {
            return false;
        }
        for (int i = 0; i < this.networks.size(); i++) {
            byte[] network = this.networks.get(i);
            if (network.length == address.length && samePrefix(network, address, this.prefixes.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (a[full] & mask) == (b[full] & mask);
    }

    private static int maskBits(byte[] mask) {
        int bits = 0;
        for (byte b : mask) {
            bits += Integer.bitCount(b & 0xFF);
        }
        return bits;
    }

    private static byte[] parse(String text, String entry) {
        byte[] address = parseOrNull(text);
        if (address == null) {
            throw new IllegalArgumentException("invalid IP address [" + entry + "]");
        }
        return address;
    }

    /** Parses a literal IPv4 or IPv6 address without any name lookup. */
    static byte[] parseOrNull(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            String[] parts = text.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                    return null;
                }
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return null;
                }
                out[i] = (byte) v;
            }
            return out;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                return null;
            }
        }
        try {
            // Only hex digits, ':' and '.' reach here, so this is a literal parse, never a DNS lookup.
            return InetAddress.getByName("[" + text + "]").getAddress();
        }
        catch (java.net.UnknownHostException ex) {
            return null;
        }
    }
}
