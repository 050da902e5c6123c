package io.tcpwatch.tracer.agent.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpAddressTextTests {

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
            "10.0.0.5, 10.0.0.5",
            "0:0:0:0:0:0:0:1, ::1",
            "0:0:0:0:0:0:0:0, ::",
            "2001:db8:0:0:0:0:0:5, 2001:db8::5",
            "2001:DB8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "1:0:0:0:0:0:0:0, 1::",
            "fe80:0:0:0:0:0:0:1%1, fe80::1",
            "::ffff:192.0.2.1, 192.0.2.1"
    })
    void addressIsWrittenInItsCanonicalForm(String literal, String expected) throws Exception {
        InetAddress address = InetAddress.getByName(literal);

        assertThat(IpAddressText.format(address)).isEqualTo(expected);
    }
}
