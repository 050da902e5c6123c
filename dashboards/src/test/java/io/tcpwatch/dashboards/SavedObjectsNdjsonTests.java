package io.tcpwatch.dashboards;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SavedObjectsNdjsonTests {

    @Test
    void lineThatIsNotJsonIsRejectedNamingFileAndLine() {
        String content = "{\"type\":\"search\",\"id\":\"a\",\"attributes\":{}}\n\n{\"type\":\n";

        assertThatIllegalArgumentException().isThrownBy(() -> SavedObjectsNdjson.read(content, "x.ndjson"))
                .withMessageStartingWith("x.ndjson:3: not JSON: ");
    }

    @Test
    void blankLinesAreSkipped() {
        String content = "\n{\"type\":\"search\",\"id\":\"a\",\"attributes\":{}}\n\n";

        assertThat(SavedObjectsNdjson.read(content, "x.ndjson")).hasSize(1);
    }

    @Test
    void writtenFileEndsEveryObjectWithANewline() {
        String written = SavedObjectsNdjson.write(TcpwatchDashboards.savedObjects());

        assertThat(written).endsWith("}\n");
        assertThat(written.lines().count()).isEqualTo(12);
    }

}
