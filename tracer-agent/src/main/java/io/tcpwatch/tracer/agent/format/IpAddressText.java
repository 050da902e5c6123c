package io.tcpwatch.tracer.agent.format;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Writes addresses the way the schema wants them: IPv4 dotted, IPv6 in the RFC 5952 canonical form
 * (lower case, the longest run of two or more zero groups written {@code ::}, no scope id).
 * {@link InetAddress#getHostAddress()} writes IPv6 uncompressed, which is why this exists.
 */
public final class IpAddressText {

    private static final int IPV6_GROUPS = 8;

    private IpAddressText() {
    }

    /** The canonical text of {@code address}. */
    public static String format(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[IPV6_GROUPS];
        for (int i = 0; i < IPV6_GROUPS; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << Byte.SIZE) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < IPV6_GROUPS; i++) {
            int length = 0;
            while (i + length < IPV6_GROUPS && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < IPV6_GROUPS; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
