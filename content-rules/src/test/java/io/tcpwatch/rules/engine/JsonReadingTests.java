package io.tcpwatch.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tcpwatch.rules.ruleset.LoadedRuleset;

/** How JSON_Decoder reads its input: the whole first value before any field, keys as a JSON tree keeps them. */
class JsonReadingTests {

    private static final String DECODERS = """
            <decoder name="json"><prematch>^{</prematch><plugin_decoder>JSON_Decoder</plugin_decoder>
            </decoder>
            """;

    private static List<String> fields(Path dir, String log) {
        LoadedRuleset ruleset = TestRuleset.load(dir, DECODERS, "<group name=\"x\"></group>");
        Event event = TestRuleset.session(ruleset).process("stdin", log).event();
        assertThat(event.decoder().name()).isEqualTo("json");
        return event.dynamicFields().stream().map(pair -> pair[0] + "=" + pair[1]).toList();
    }

    @Test
    void aRepeatedKeyKeepsItsFirstPlaceWithItsLastValue(@TempDir Path dir) {
        assertThat(fields(dir, "{\"a\":{\"x\":1},\"b\":2,\"a\":{\"y\":3}}")).containsExactly("a.y=3", "b=2");
    }

    @Test
    void aValueMalformedAnywhereStoresNoField(@TempDir Path dir) {
        assertThat(fields(dir, "{\"a\":1,\"b\":{\"c\":[1,2}}")).isEmpty();
    }

    @Test
    void textAfterTheFirstValueIsIgnored(@TempDir Path dir) {
        assertThat(fields(dir, "{\"a\":1} {\"b\":2")).containsExactly("a=1");
    }

    @Test
    void integersOutsideIntRangeAndFractionsGetSixDecimals(@TempDir Path dir) {
        assertThat(fields(dir, "{\"i\":-2147483648,\"l\":2147483648,\"big\":123456789012345678901234567890,"
                + "\"f\":-1.5e-7,\"whole\":1.0,\"inf\":1e400}"))
                .containsExactly("i=-2147483648", "l=2147483648.000000",
                        "big=123456789012345680000000000000.000000", "f=-0.000000", "whole=1", "inf=Infinity");
    }
}
