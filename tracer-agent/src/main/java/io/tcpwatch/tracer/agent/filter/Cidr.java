package io.tcpwatch.tracer.agent.filter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}); a bare address
 * is a network of one address. IPv4-mapped IPv6 networks ({@code ::ffff:10.0.0.0/104}) are not
 * accepted: events carry those addresses as IPv4, so write the IPv4 network.
 */
public final class Cidr {

    private static final int IPV4_BITS = 32;

    private static final int IPV4_DOTS = 3;

    private static final int MAX_OCTET = 255;

    private static final int MAX_OCTET_DIGITS = 3;

    private final byte[] network;

    private final int prefixLength;

    private final String text;

    private Cidr(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Parses {@code address[/prefix]}. Host bits beyond the prefix must be zero, so a typo such as
     * {@code 10.0.0.1/8} is reported rather than silently widened.
     *
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static Cidr valueOf(String text) {
        Objects.requireNonNull(text, "'text' must not be null");
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String addressText = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] address = parseLiteral(text, addressText);
        int maxBits = address.length * Byte.SIZE;
        int prefix = maxBits;
        if (slash >= 0) {
            prefix = parsePrefix(text, trimmed.substring(slash + 1), maxBits);
        }
        for (int bit = prefix; bit < maxBits; bit++) {
            if ((address[bit / Byte.SIZE] & (0x80 >>> (bit % Byte.SIZE))) != 0) {
                throw new IllegalArgumentException("cidr [" + text + "] has host bits set beyond the /" + prefix
                        + " prefix; expected a network address");
            }
        }
        return new Cidr(address, prefix, addressText + "/" + prefix);
    }

    private static byte[] parseLiteral(String text, String addressText) {
        boolean literal = !addressText.isEmpty()
                && addressText.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
        if (literal && !addressText.contains(":")) {
            literal = isDottedQuad(addressText);
        }
        if (!literal) {
            throw new IllegalArgumentException("cidr [" + text + "] is not an IPv4 or IPv6 address literal");
        }
        byte[] address;
        try {
            address = InetAddress.getByName(addressText).getAddress();
        }
        catch (UnknownHostException ex) {
            throw new IllegalArgumentException("cidr [" + text + "] is not an IPv4 or IPv6 address literal", ex);
        }
        if (address.length == IPV4_BITS / Byte.SIZE && addressText.contains(":")) {
            throw new IllegalArgumentException("cidr [" + text + "] is an IPv4-mapped IPv6 address;"
                    + " write the IPv4 network instead");
        }
        return address;
    }

    /**
     * Whether {@code text} is four decimal octets of 0 to 255. Checked here because
     * {@link InetAddress#getByName} would look up anything else, such as {@code 300.1.2.0}, as a host name.
     */
    private static boolean isDottedQuad(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != IPV4_DOTS + 1) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > MAX_OCTET_DIGITS
                    || !octet.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(octet) > MAX_OCTET) {
                return false;
            }
        }
        return true;
    }

    private static int parsePrefix(String text, String prefixText, int maxBits) {
        try {
            int prefix = Integer.parseInt(prefixText);
            if (prefix >= 0 && prefix <= maxBits) {
                return prefix;
            }
        }
        catch (NumberFormatException ex) {
            // reported below, with the range
        }
        throw new IllegalArgumentException("cidr [" + text + "] has prefix length [" + prefixText
                + "]; expected 0 to " + maxBits);
    }

    /** Whether {@code address} is inside this network; an address of the other family never is. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != this.network.length) {
            return false;
        }
        int fullBytes = this.prefixLength / Byte.SIZE;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != this.network[i]) {
                return false;
            }
        }
        int restBits = this.prefixLength % Byte.SIZE;
        if (restBits == 0) {
            return true;
        }
        int mask = (0xff << (Byte.SIZE - restBits)) & 0xff;
        return (candidate[fullBytes] & mask) == (this.network[fullBytes] & mask);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && this.prefixLength == cidr.prefixLength
                && Arrays.equals(this.network, cidr.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(this.network) + this.prefixLength;
    }

    @Override
    public String toString() {
        return this.text;
    }
}
