package io.tcpwatch.bpf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorsTests {

    @BeforeEach
    void nativeLibraryLoads() {
        BpfAssumptions.assumeNativeLibrary();
    }

    @Test
    void epermBecomesPermissionExceptionWithStrerror() {
        BpfException ex = Errors.newException("bpf_object__load", -1, null, null);

        assertThat(ex).isInstanceOf(BpfPermissionException.class)
                .hasMessage("bpf_object__load(..) failed with error(1): Operation not permitted");
        assertThat(ex.errno()).isEqualTo(1);
        assertThat(ex.call()).isEqualTo("bpf_object__load");
    }

    @Test
    void eaccesBecomesPermissionException() {
        assertThat(Errors.newException("bpf_prog_load", -13, null, null)).isInstanceOf(BpfPermissionException.class)
                .hasMessage("bpf_prog_load(..) failed with error(13): Permission denied");
    }

    @Test
    void enoentBecomesNotFoundExceptionWithDetail() {
        BpfException ex = Errors.newException("bpf_program__attach", -2, "program [x] of object [y]", "");

        assertThat(ex).isInstanceOf(BpfNotFoundException.class).hasMessage(
                "bpf_program__attach(..) failed with error(2): No such file or directory: program [x] of object [y]");
        assertThat(ex.libbpfLog()).isEmpty();
    }

    @Test
    void kernelInternalNotSupportedBecomesUnsupportedException() {
        assertThat(Errors.newException("bpf_program__attach", -524, null, null))
                .isInstanceOf(BpfUnsupportedException.class)
                .hasMessage("bpf_program__attach(..) failed with error(524): Operation not supported");
    }

    @Test
    void eopnotsuppBecomesUnsupportedException() {
        assertThat(Errors.newException("bpf_link_create", -95, null, null)).isInstanceOf(BpfUnsupportedException.class)
                .hasMessage("bpf_link_create(..) failed with error(95): Operation not supported");
    }

    @Test
    void einvalBecomesPlainBpfExceptionCarryingLibbpfLog() {
        BpfException ex = Errors.newException("bpf_object__load", -22, "object [t]", "libbpf: prog 'p': bad\n");

        assertThat(ex.getClass()).isEqualTo(BpfException.class);
        assertThat(ex).hasMessage("bpf_object__load(..) failed with error(22): Invalid argument: object [t]\n"
                + "libbpf: prog 'p': bad");
        assertThat(ex.libbpfLog()).isEqualTo("libbpf: prog 'p': bad");
    }

    @Test
    void positiveErrnoIsAcceptedLikeNegative() {
        assertThat(Errors.newException("bpf_map__lookup_elem", 2, null, null).errno()).isEqualTo(2);
    }
}
