package io.tcpwatch.bpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What opening and configuring an object does; none of it needs privilege. */
class BpfObjectTests {

    private BpfObject object;

    @BeforeEach
    void openTestObject() {
        BpfAssumptions.assumeNativeLibrary();
        this.object = BpfObject.openResource(BpfObjectTests.class, "/test_probe.bpf.o");
    }

    @AfterEach
    void closeTestObject() {
        if (this.object != null) {
            this.object.close();
        }
    }

    @Test
    void openedObjectListsItsProgramsAndMaps() {
        assertThat(this.object.name()).isEqualTo("test_probe");
        assertThat(this.object.programNames()).containsExactly("sys_enter", "sys_exit");
        assertThat(this.object.mapNames()).containsExactly("records", "counters", "test_pro.rodata");
    }

    @Test
    void missingResourceIsNamedInTheError() {
        assertThatThrownBy(() -> BpfObject.openResource(BpfObjectTests.class, "/no/such.bpf.o"))
                .isInstanceOf(BpfNotFoundException.class)
                .hasMessage("bpf_object__open_mem(..) failed with error(2): No such file or directory: "
                        + "no classpath resource [/no/such.bpf.o] next to io.tcpwatch.bpf.BpfObjectTests");
    }

    @Test
    void missingFileIsNamedInTheError() {
        assertThatThrownBy(() -> BpfObject.openFile(Path.of("/nonexistent/x.bpf.o")))
                .isInstanceOf(BpfNotFoundException.class)
                .hasMessage("bpf_object__open_file(..) failed with error(2): No such file or directory: "
                        + "no file [/nonexistent/x.bpf.o]");
    }

    @Test
    void resourceThatIsNotElfIsRejectedByLibbpf() {
        assertThatThrownBy(() -> BpfObject.openResource(BpfObjectTests.class, "/not-an-object.txt"))
                .isInstanceOf(BpfException.class)
                .hasMessageStartingWith("bpf_object__open_mem(..) failed with error(")
                .hasMessageContaining("classpath resource [/not-an-object.txt]\nlibbpf: elf:");
    }

    @Test
    void unknownProgramNameIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> this.object.setAutoload("nope", false)).isInstanceOf(BpfNotFoundException.class)
                .hasMessage("bpf_program__set_autoload(..) failed with error(2): No such file or directory: "
                        + "program [nope] of object [test_probe] (programs: sys_enter, sys_exit)");
    }

    @Test
    void unknownMapNameIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> this.object.setMaxEntries("nope", 8192)).isInstanceOf(BpfNotFoundException.class)
                .hasMessage("bpf_map__set_max_entries(..) failed with error(2): No such file or directory: "
                        + "map [nope] of object [test_probe] (maps: records, counters, test_pro.rodata)");
    }

    @Test
    void unknownRodataVariableIsNamed() {
        assertThatThrownBy(() -> this.object.setRodataInt("filter_nothing", 1))
                .isInstanceOf(BpfNotFoundException.class)
                .hasMessage("bpf_map__initial_value(..) failed with error(2): No such file or directory: "
                        + "no .rodata variable [filter_nothing] in object [test_probe]");
    }

    @Test
    void rodataValueOfTheWrongSizeIsRejectedWithBothSizes() {
        assertThatThrownBy(() -> this.object.setRodataLong("target_tgid", 1))
                .isInstanceOf(BpfException.class)
                .hasMessage("bpf_map__initial_value(..) failed with error(22): Invalid argument: "
                        + ".rodata variable [target_tgid] of object [test_probe] has 4 bytes, the value 8");
    }

    @Test
    void nonPositiveMapSizeIsRejected() {
        assertThatThrownBy(() -> this.object.setMaxEntries("records", 0))
                .hasMessage("bpf_map__set_max_entries(..) failed with error(22): Invalid argument: "
                        + "map [records] max entries must be positive, was 0");
    }

    @Test
    void attachBeforeLoadIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> this.object.attach("sys_enter"))
                .withMessage("attach(..) needs load() first on object [test_probe]");
    }

    @Test
    void programStatisticsBeforeLoadAreRefused() {
        assertThatIllegalStateException().isThrownBy(() -> this.object.programStats("sys_enter"))
                .withMessage("programStats(..) needs load() first on object [test_probe]");
    }

    @Test
    void counterLookupOnAClosedObjectIsRefused() {
        this.object.close();

        assertThatIllegalStateException().isThrownBy(() -> this.object.lookupPerCpuLongs("counters", 0))
                .withMessage("lookupPerCpuLongs(..) called on closed object [test_probe]");
    }

    @Test
    void closeIsIdempotentAndLaterCallsAreRefused() {
        this.object.close();
        this.object.close();

        assertThatIllegalStateException().isThrownBy(() -> this.object.setAutoload("sys_exit", false))
                .withMessage("setAutoload(..) called on closed object [test_probe]");
    }
}
