package io.tcpwatch.rules.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConditionParsingTests {

    @Nested
    class IpLists {

        @Test
        void cidrMatchesItsNetworkOnly() {
            IpList list = new IpList();
            list.add("192.168.0.0/16", false);

            assertThat(list.test("192.168.44.1")).isTrue();
            assertThat(list.test("192.169.0.1")).isFalse();
        }

        @Test
        void dottedNetmaskAndIpv6AreAccepted() {
            IpList list = new IpList();
            list.add("10.0.0.0/255.0.0.0", false);
            list.add("2001:db8::/32", false);

            assertThat(list.test("10.200.1.1")).isTrue();
            assertThat(list.test("2001:db8:1::5")).isTrue();
            assertThat(list.test("2001:db9::5")).isFalse();
        }

        @Test
        void absentFieldNeverMatchesEvenNegated() {
            IpList list = new IpList();
            list.add("10.0.0.0/8", true);

            assertThat(list.test(null)).isFalse();
        }

        @Test
        void unparsableValueIsOutsideEveryNetwork() {
            IpList negated = new IpList();
            negated.add("10.0.0.0/8", true);

            assertThat(negated.test("not-an-ip")).isTrue();
        }

        @Test
        void badAddressIsRejectedNamingTheEntry() {
            assertThatIllegalArgumentException().isThrownBy(() -> new IpList().add("10.0.0.300", false))
                    .withMessage("invalid IP address [10.0.0.300]");
        }

        @Test
        void netmaskLongerThanTheAddressIsRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> new IpList().add("10.0.0.0/33", false))
                    .withMessage("netmask [/33] is longer than 32 bits in address [10.0.0.0/33]");
        }
    }

    @Nested
    class Times {

        @Test
        void windowAcrossMidnightHoldsAtNightOnly() {
            TimeWindow window = TimeWindow.parse("6 pm - 8:30 am");

            assertThat(window.test(LocalTime.of(23, 0))).isTrue();
            assertThat(window.test(LocalTime.of(8, 29))).isTrue();
            assertThat(window.test(LocalTime.of(12, 0))).isFalse();
        }

        @Test
        void bangInvertsTheWindow() {
            assertThat(TimeWindow.parse("!9:00-17:00").test(LocalTime.of(20, 0))).isTrue();
        }

        @Test
        void windowWithoutDashIsRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.parse("noon"))
                    .withMessage("invalid time [noon]: expected '<time> - <time>'");
        }

        @Test
        void weekdaysAndWeekendsExpand() {
            Weekdays days = Weekdays.parse("weekends, mon");

            assertThat(days.test(DayOfWeek.SUNDAY)).isTrue();
            assertThat(days.test(DayOfWeek.MONDAY)).isTrue();
            assertThat(days.test(DayOfWeek.TUESDAY)).isFalse();
        }

        @Test
        void unknownDayIsRejectedNamingTheWord() {
            assertThatIllegalArgumentException().isThrownBy(() -> Weekdays.parse("monday,funday"))
                    .withMessage("invalid weekday [monday,funday]: [funday] is not a day");
        }
    }

    @Nested
    class Lists {

        @Test
        void addressLookupTriesShorterPrefixesWithAndWithoutTheTrailingDot(@TempDir Path dir) throws IOException {
            Path source = dir.resolve("bad-ips");
            Files.writeString(source, "198.51.100.:scanner\n10.1:corp\n203.0.113.66:c2\n");

            CdbList list = CdbList.read("etc/lists/bad-ips", source);

            assertThat(list.getAddress("198.51.100.23")).isEqualTo("scanner");
            assertThat(list.getAddress("10.1.2.3")).isEqualTo("corp");
            assertThat(list.getAddress("203.0.113.66")).isEqualTo("c2");
            assertThat(list.getAddress("203.0.113.67")).isNull();
        }
    }
}
