package io.tcpwatch.tracer.agent.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcessNamesTests {

    @ParameterizedTest(name = "comm {0}, exe {1}, argv0 {2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "curl, /usr/bin/curl, curl, curl",
            "systemd-resolve, /usr/lib/systemd/systemd-resolved, /lib/systemd/systemd-resolved, systemd-resolved",
            "systemd-resolve, null, /lib/systemd/systemd-resolved, systemd-resolved",
            "systemd-resolve, /usr/bin/other, null, systemd-resolve",
            "abcdefghijklmno, /opt/abcdefghijklmnopq (deleted), null, abcdefghijklmnopq",
            "abcdefghijklmn, /opt/abcdefghijklmnopq, null, abcdefghijklmn"
    })
    void fullNameIsRecoveredOnlyWhenTheKernelCutComm(String comm, String exe, String argv0, String expected) {
        assertThat(ProcessNames.fullName(comm, exe, argv0)).isEqualTo(expected);
    }
}
