package io.tcpwatch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed build outputs in generated/ are what the generator produces now. When this fails, regenerate
 * them (see the module README) and commit the result.
 */
class GeneratedFilesTests {

    @Test
    void committedPipelineIsWhatTheGeneratorProduces() throws IOException {
        String committed = Files.readString(Path.of("generated", "pipeline.json"));

        String generated = JsonFiles.pretty(new AlertsPipelineGenerator(GeoIpFields.defaults()).generate());

        assertThat(committed).isEqualTo(generated);
    }

    @Test
    void committedTemplateIsWazuhTemplateWithTheAdditions() throws IOException {
        String committed = Files.readString(Path.of("generated", "template.json"));

        String generated = JsonFiles.pretty(new IndexTemplateGenerator().merge(WazuhFiles.template()));

        assertThat(committed).isEqualTo(generated);
    }

    @Test
    void generateCommandWritesTheCommittedFiles(@TempDir Path out) throws IOException {
        int status = new IngestPipelineCommand(System.out, System.err, Map.of()).run("generate", "--out",
                out.toString(), "--wazuh-template", WazuhFiles.templateFile().toString());

        assertThat(status).isZero();
        assertThat(out.resolve("pipeline.json")).hasSameTextualContentAs(Path.of("generated", "pipeline.json"));
        assertThat(out.resolve("template.json")).hasSameTextualContentAs(Path.of("generated", "template.json"));
    }

}
