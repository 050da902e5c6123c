package io.tcpwatch.tracer.agent.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CidrTests {

    @Nested
    class Valid {

        @ParameterizedTest(name = "{0} is read as {1}")
        @CsvSource({
                "0.0.0.0/0, 0.0.0.0/0",
                "10.0.0.0/8, 10.0.0.0/8",
                "192.0.2.1/32, 192.0.2.1/32",
                "192.0.2.1, 192.0.2.1/32",
                "::/0, ::/0",
                "2001:db8::/32, 2001:db8::/32",
                "::1/128, ::1/128",
                "::1, ::1/128"
        })
        void prefixLengthsFromZeroToTheFamilysWidthAreAccepted(String text, String expected) {
            assertThat(Cidr.valueOf(text)).hasToString(expected);
        }
    }

    @Nested
    class Invalid {

        static Stream<Arguments> invalid() {
            return Stream.of(
                    Arguments.of("10.0.0.0/-1", "cidr [10.0.0.0/-1] has prefix length [-1]; expected 0 to 32"),
                    Arguments.of("10.0.0.0/33", "cidr [10.0.0.0/33] has prefix length [33]; expected 0 to 32"),
                    Arguments.of("2001:db8::/129", "cidr [2001:db8::/129] has prefix length [129]; expected 0 to 128"),
                    Arguments.of("10.0.0.0/x", "cidr [10.0.0.0/x] has prefix length [x]; expected 0 to 32"),
                    Arguments.of("10.0.0.1/8",
                            "cidr [10.0.0.1/8] has host bits set beyond the /8 prefix; expected a network address"),
                    Arguments.of("example.org/8", "cidr [example.org/8] is not an IPv4 or IPv6 address literal"),
                    Arguments.of("10.1/16", "cidr [10.1/16] is not an IPv4 or IPv6 address literal"),
                    Arguments.of("300.1.2.0/8", "cidr [300.1.2.0/8] is not an IPv4 or IPv6 address literal"),
                    Arguments.of("256.0.0.0/8", "cidr [256.0.0.0/8] is not an IPv4 or IPv6 address literal"),
                    Arguments.of("1a.0.0.0/8", "cidr [1a.0.0.0/8] is not an IPv4 or IPv6 address literal"),
                    Arguments.of("10..0.0/16", "cidr [10..0.0/16] is not an IPv4 or IPv6 address literal"),
                    Arguments.of("", "cidr [] is not an IPv4 or IPv6 address literal"),
                    Arguments.of("::ffff:10.0.0.0/104",
                            "cidr [::ffff:10.0.0.0/104] is an IPv4-mapped IPv6 address;"
                                    + " write the IPv4 network instead"));
        }

        @ParameterizedTest(name = "{0} is rejected")
        @MethodSource("invalid")
        void malformedNetworksAreRejectedWithTheirText(String text, String message) {
            assertThatIllegalArgumentException().isThrownBy(() -> Cidr.valueOf(text)).withMessage(message);
        }
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "10.0.0.0/8, 10.255.255.255, true",
            "10.0.0.0/8, 11.0.0.0, false",
            "192.168.1.128/25, 192.168.1.128, true",
            "192.168.1.128/25, 192.168.1.127, false",
            "0.0.0.0/0, 203.0.113.9, true",
            "0.0.0.0/0, ::1, false",
            "2001:db8::/32, 2001:db8:ffff::1, true",
            "2001:db8::/32, 2001:db9::1, false",
            "::1/128, ::1, true"
    })
    void containsOnlyAddressesOfItsFamilyInsideThePrefix(String cidr, String address, boolean expected)
            throws Exception {
        assertThat(Cidr.valueOf(cidr).contains(InetAddress.getByName(address))).isEqualTo(expected);
    }

    @Test
    void sameNetworkWrittenTwoWaysIsEqual() {
        assertThat(Cidr.valueOf("2001:db8:0::/32")).isEqualTo(Cidr.valueOf("2001:db8::/32"));
    }
}
