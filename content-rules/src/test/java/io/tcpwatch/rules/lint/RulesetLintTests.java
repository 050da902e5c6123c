package io.tcpwatch.rules.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesetLintTests {

    private static final String HEADER = "<!--\n  test rules ID: 100000 - 100099\n-->\n";

    private static final String APP_DECODER = """
            <decoder name="app">
              <prematch>^app: </prematch>
            </decoder>
            <decoder name="app-fields">
              <parent>app</parent>
              <regex>from (\\S+) as (\\S+)</regex>
              <order>srcip, user</order>
            </decoder>
            """;

    @TempDir
    Path dir;

    @Test
    void cleanRulesetHasNoFindings() throws IOException {
        Path decoders = write("0100-app_decoders.xml", APP_DECODER);
        Path rules = write("0100-app_rules.xml", HEADER + """
                <group name="app,">
                  <rule id="100000" level="0">
                    <decoded_as>app</decoded_as>
                    <description>app: Messages grouped.</description>
                  </rule>
                  <rule id="100001" level="5">
                    <if_sid>100000</if_sid>
                    <srcip>10.0.0.0/8</srcip>
                    <user>root</user>
                    <description>app: Login as $(dstuser) from $(srcip).</description>
                  </rule>
                </group>
                """);

        LintReport report = lint(List.of(decoders), List.of(rules));

        assertThat(report.findings()).isEmpty();
        assertThat(report.format()).isEqualTo("2 files checked: 0 errors, 0 warnings");
    }

    @Test
    void fileEvenWazuhCannotReadIsMalformed() throws IOException {
        Path rules = write("0100-app_rules.xml", HEADER + "<group name=\"app,\">\n<!-- never closed\n</group>\n");

        LintReport report = lint(List.of(), List.of(rules));

        assertThat(report.findings()).containsExactly(new Finding(LintCheck.MALFORMED_XML, rules, 5, "file",
                "comment is not closed (no '-->' after '<!--')"));
    }

    @Test
    void fileNameNotOfTheProductFormIsAWarning() throws IOException {
        Path rules = write("local_rules.xml", HEADER + rule("100000", "<match>x</match>"));
        Path decoders = write("my-decoders.xml", APP_DECODER);

        LintReport report = lint(List.of(decoders), List.of(rules));

        assertThat(report.findings()).containsExactly(
                new Finding(LintCheck.FILE_NAME, rules, 0, "file",
                        "name [local_rules.xml] is not of the form [NNNN-<product>_rules.xml]"),
                new Finding(LintCheck.FILE_NAME, decoders, 0, "file",
                        "name [my-decoders.xml] is not of the form [NNNN-<product>_decoders.xml]"));
        assertThat(report.warnings()).hasSize(2);
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void ruleIdThatIsNotANumberIsInvalid() throws IOException {
        Path rules = write("0100-app_rules.xml", HEADER + rule("10000a", "<match>x</match>"));

        LintReport report = lint(List.of(), List.of(rules));

        assertThat(report.findings()).containsExactly(new Finding(LintCheck.INVALID_RULE_ID, rules, 5,
                "rule 10000a", "id [10000a] is not a number of 1 to 6 digits"));
    }

    @Test
    void ruleIdDefinedTwiceIsReportedInTheCheckedFileOnly() throws IOException {
        Path reference = write("0050-other_rules.xml", rule("100007", "<match>y</match>"));
        Path rules = write("0100-app_rules.xml", HEADER + rule("100007", "<match>x</match>"));

        LintReport report = RulesetLint.builder().rules(List.of(rules)).referenceRules(List.of(reference)).build()
                .run();

        assertThat(report.findings()).containsExactly(new Finding(LintCheck.DUPLICATE_RULE_ID, rules, 5,
                "rule 100007", "id [100007] is also defined at " + reference + ":2"
                        + " (without overwrite=\"yes\" Wazuh keeps the first and skips the other)"));
    }

    @Test
    void laterRuleWithOverwriteIsNotADuplicate() throws IOException {
        Path reference = write("0050-other_rules.xml", rule("100007", "<match>y</match>"));
        Path rules = write("0100-app_rules.xml", HEADER
                + rule("100007", "<match>x</match>").replace("level=\"3\"", "level=\"3\" overwrite=\"yes\""));

        LintReport report = RulesetLint.builder().rules(List.of(rules)).referenceRules(List.of(reference)).build()
                .run();

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void ruleFileWithoutAnIdRangeHeaderIsAWarning() throws IOException {
        Path rules = write("0100-app_rules.xml", "<!-- App rules. -->\n" + rule("100000", "<match>x</match>"));

        LintReport report = lint(List.of(), List.of(rules));

        assertThat(report.findings()).containsExactly(new Finding(LintCheck.MISSING_ID_RANGE, rules, 1, "file",
                "no header comment reserves a rule id range (write e.g. [ID: 110000 - 110099])"));
    }

    @Test
    void ruleIdOutsideTheHeaderRangeIsAnError() throws IOException {
        Path rules = write("0100-app_rules.xml", HEADER + rule("100099", "<match>x</match>")
                + rule("100100", "<match>y</match>"));

        LintReport report = lint(List.of(), List.of(rules));

        assertThat(report.findings()).containsExactly(new Finding(LintCheck.RULE_ID_OUTSIDE_RANGE, rules, 11,
                "rule 100100", "id [100100] is outside the range [100000 - 100099] the file header reserves"));
    }

    @ParameterizedTest(name = "id {0} outside: {1}")
    @CsvSource({"99999, true", "100000, false", "100099, false", "100100, true"})
    void idRangeBoundaries(String id, boolean outside) throws IOException {
        Path rules = write("0100-app_rules.xml", HEADER + rule(id, "<match>x</match>"));

        LintReport report = lint(List.of(), List.of(rules));

        assertThat(report.findings()).extracting(Finding::check)
                .isEqualTo(outside ? List.of(LintCheck.RULE_ID_OUTSIDE_RANGE) : List.of());
    }

    @ParameterizedTest(name = "id [{0}] valid: {1}")
    @CsvSource({"1, true", "999999, true", "1000000, false", "'', false", "-1, false"})
    void ruleIdDigitBoundaries(String id, boolean valid) throws IOException {
        Path rules = write("0100-app_rules.xml", "<!-- ID: 0 - 999999 -->\n" + rule(id, "<match>x</match>"));

        LintReport report = lint(List.of(), List.of(rules));

        assertThat(report.findings()).extracting(Finding::check)
                .isEqualTo(valid ? List.of() : List.of(LintCheck.INVALID_RULE_ID));
    }

    @Test
    void parentsThatDoNotExistOrAreNotIdsAreReported() throws IOException {
        Path reference = write("0050-other_rules.xml", rule("5700", "<match>y</match>"));
        Path rules = write("0100-app_rules.xml", HEADER
                + rule("100001", "<if_sid>5700, 100098</if_sid>")
                + rule("100002", "<if_sid>sshd</if_sid>")
                + rule("100003", "<if_matched_sid>100097</if_matched_sid>"));

        LintReport report = RulesetLint.builder().rules(List.of(rules)).referenceRules(List.of(reference)).build()
                .run();

        assertThat(report.findings()).containsExactly(
                new Finding(LintCheck.UNKNOWN_PARENT_RULE, rules, 6, "<if_sid> of rule 100001",
                        "rule [100098] is not defined in the loaded ruleset"),
                new Finding(LintCheck.UNKNOWN_PARENT_RULE, rules, 12, "<if_sid> of rule 100002",
                        "[sshd] is not a list of rule ids"),
                new Finding(LintCheck.UNKNOWN_PARENT_RULE, rules, 18, "<if_matched_sid> of rule 100003",
                        "rule [100097] is not defined in the loaded ruleset"));
    }

    @Test
    void parentThatLoadsAfterItsChildIsRefused() throws IOException {
        Path later = write("0999-later_rules.xml", rule("100050", "<match>y</match>"));
        Path rules = write("0100-app_rules.xml", HEADER
                + rule("100001", "<if_sid>100002</if_sid>")
                + rule("100002", "<match>x</match>")
                + rule("100003", "<if_sid>100050</if_sid>"));

        LintReport report = RulesetLint.builder().rules(List.of(rules)).referenceRules(List.of(later)).build().run();

        String refused = ", which loads after this rule; Wazuh refuses a parent it has not loaded yet";
        assertThat(report.findings()).containsExactly(
                new Finding(LintCheck.UNKNOWN_PARENT_RULE, rules, 6, "<if_sid> of rule 100001",
                        "rule [100002] is defined only at " + rules + ":11" + refused),
                new Finding(LintCheck.UNKNOWN_PARENT_RULE, rules, 18, "<if_sid> of rule 100003",
                        "rule [100050] is defined only at " + later + ":2" + refused));
    }

    @Test
    void decoderNamesThatNothingDefinesAreErrorsAndTheirChildrenUnreachable() throws IOException {
        Path decoders = write("0100-app_decoders.xml", APP_DECODER + """
                <decoder name="app-orphan">
                  <parent>ap</parent>
                  <regex>(\\d+)</regex>
                  <order>id</order>
                </decoder>
                """);
        Path rules = write("0100-app_rules.xml", HEADER + rule("100000", "<decoded_as>apps</decoded_as>")
                + rule("100001", "<if_sid>100000</if_sid>"));

        LintReport report = lint(List.of(decoders), List.of(rules));

        assertThat(report.findings()).containsExactly(
                new Finding(LintCheck.UNKNOWN_DECODER, decoders, 9, "decoder app-orphan",
                        "parent [ap] is not defined in the loaded decoders"),
                new Finding(LintCheck.UNKNOWN_DECODER, rules, 6, "rule 100000",
                        "<decoded_as> names decoder [apps], which is not defined in the loaded decoders"),
                new Finding(LintCheck.UNREACHABLE_RULE, rules, 11, "rule 100001",
                        "every parent rule [100000] can never fire, so this rule cannot either"));
    }

    @Test
    void fieldElementNamingAStaticFieldIsAnError() throws IOException {
        Path rules = write("0100-app_rules.xml", HEADER
                + rule("100000", "<field name=\"process.name\">^bash$</field>\n"
                        + "    <field name=\"DstPort\">^22$</field>"));

        LintReport report = lint(List.of(), List.of(rules));

        assertThat(report.findings()).containsExactly(new Finding(LintCheck.STATIC_FIELD_IN_FIELD, rules, 7,
                "rule 100000", "<field name=\"DstPort\"> names a static field, which Wazuh refuses; test it with"
                        + " <dstport>"));
    }

    @Test
    void listLookupsThatWazuhCannotRunAreErrors() throws IOException {
        Path lists = Files.createDirectories(this.dir.resolve("lists"));
        Files.writeString(lists.resolve("bad-ips"), "203.0.113.:example\n");
        Path rules = write("0100-app_rules.xml", HEADER
                + rule("100000", "<list field=\"srcip\" lookup=\"address_match_key\">etc/lists/bad-ips</list>")
                + rule("100001", "<list field=\"srcip\" lookup=\"adress_match_key\">etc/lists/bad-ips</list>")
                + rule("100002", "<list field=\"srcip\" lookup=\"match_key_value\">etc/lists/bad-ips</list>")
                + rule("100003", "<list field=\"srcip\">etc/lists/bad-ip</list>"));

        LintReport report = RulesetLint.builder().rules(List.of(rules)).listDirectories(List.of(lists)).build().run();

        assertThat(report.findings()).containsExactly(
                new Finding(LintCheck.INVALID_LIST, rules, 12, "<list> of rule 100001", "lookup [adress_match_key]"
                        + " is not one of [match_key, not_match_key, match_key_value, address_match_key,"
                        + " not_address_match_key, address_match_key_value]"),
                new Finding(LintCheck.INVALID_LIST, rules, 18, "<list> of rule 100002",
                        "lookup [match_key_value] needs a check_value attribute"),
                new Finding(LintCheck.INVALID_LIST, rules, 24, "<list> of rule 100003",
                        "list [etc/lists/bad-ip] is not in the given list directories"));
    }

    @Test
    void decodersAnalysisdBuildsInCodeAreKnown() throws IOException {
        Path rules = write("0100-app_rules.xml", HEADER
                + rule("100000", "<decoded_as>syscheck_new_entry</decoded_as>\n    <field name=\"file\">x</field>"));

        LintReport report = lint(List.of(), List.of(rules));

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void orderFieldsThatMisspellStaticFieldsAreErrors() throws IOException {
        Path decoders = write("0100-app_decoders.xml", """
                <decoder name="seed">
                  <prematch>^TCP Connection: </prematch>
                </decoder>
                <decoder name="seed-fields">
                  <parent>seed</parent>
                  <regex>(\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+)</regex>
                  <order>scrip, destip, srcport, ip, SourcePort, Dstport, systemname, state</order>
                </decoder>
                """);

        LintReport report = lint(List.of(decoders), List.of());

        String element = "<order> of decoder seed-fields";
        String tail = " and would become a dynamic field";
        assertThat(report.findings()).containsExactly(
                new Finding(LintCheck.MISSPELLED_ORDER_FIELD, decoders, 7, element,
                        "field [scrip] is not a Wazuh static field; it looks like a misspelling of [srcip]" + tail),
                new Finding(LintCheck.MISSPELLED_ORDER_FIELD, decoders, 7, element,
                        "field [destip] is not a Wazuh static field; it looks like a misspelling of [dstip]" + tail),
                new Finding(LintCheck.MISSPELLED_ORDER_FIELD, decoders, 7, element,
                        "field [Dstport] is not a Wazuh static field; it looks like a misspelling of [dstport]" + tail),
                new Finding(LintCheck.MISSPELLED_ORDER_FIELD, decoders, 7, element, "field [systemname] is not a"
                        + " Wazuh static field; it looks like a misspelling of [system_name]" + tail));
    }

    @Test
    void patternsThatDoNotCompileUnderTheirMatcherAreErrors() throws IOException {
        Path decoders = write("0100-app_decoders.xml", """
                <decoder name="app">
                  <prematch>^app: (\\d+</prematch>
                </decoder>
                """);
        Path rules = write("0100-app_rules.xml", HEADER + rule("100000",
                "<match>app</match>\n    <regex type=\"glob\">x*</regex>\n"
                        + "    <field name=\"port\">(\\d+)|(\\w+\\d</field>"));

        LintReport report = lint(List.of(decoders), List.of(rules));

        assertThat(report.findings()).extracting(Finding::check, Finding::line, Finding::element)
                .containsExactly(
                        tuple(LintCheck.INVALID_PATTERN, 2, "<prematch> of decoder app"),
                        tuple(LintCheck.INVALID_PATTERN, 7, "<regex> of rule 100000"),
                        tuple(LintCheck.INVALID_PATTERN, 8,
                                "<field name=\"port\"> of rule 100000"));
        assertThat(report.findings()).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).startsWith("osregex pattern [^app: (\\d+]: "),
                m -> assertThat(m).isEqualTo("type [glob] is not one of [osregex, osmatch, pcre2]"),
                m -> assertThat(m).startsWith("osregex pattern [(\\d+)|(\\w+\\d]: "));
    }

    @Test
    void patternsAreCompiledAfterTheFileVariablesAreExpanded() throws IOException {
        Path rules = write("0100-app_rules.xml", HEADER + "<var name=\"OPEN\">(\\d+</var>\n"
                + "<var name=\"WORDS\">fail|denied</var>\n"
                + rule("100000", "<match>$WORDS</match>\n    <regex>$OPEN</regex>"));

        LintReport report = lint(List.of(), List.of(rules));

        assertThat(report.findings()).extracting(Finding::check, Finding::line, Finding::element)
                .containsExactly(tuple(LintCheck.INVALID_PATTERN, 9,
                        "<regex> of rule 100000"));
        assertThat(report.findings().get(0).message()).startsWith("osregex pattern [(\\d+]: ");
    }

    @Test
    void ruleTestingAFieldItsDecoderNeverSetsIsAnError() throws IOException {
        Path decoders = write("0100-app_decoders.xml", APP_DECODER);
        Path rules = write("0100-app_rules.xml", HEADER
                + rule("100000", "<decoded_as>app</decoded_as>")
                + rule("100001", "<if_sid>100000</if_sid>\n    <field name=\"session\">\\d+</field>")
                + rule("100002", "<if_sid>100000</if_sid>\n    <dstip>10.0.0.1</dstip>")
                + rule("100003", "<if_sid>100000</if_sid>\n    <list field=\"SRCIP\" lookup=\"address_match_key\">"
                        + "etc/lists/bad</list>\n    <user>root</user>"));

        LintReport report = lint(List.of(decoders), List.of(rules));

        String fields = " (its <order> fields: dstuser, srcip, user)";
        assertThat(report.findings()).containsExactly(
                new Finding(LintCheck.FIELD_NEVER_DECODED, rules, 13, "rule 100001",
                        "tests field [session], which decoder [app] never sets" + fields),
                new Finding(LintCheck.FIELD_NEVER_DECODED, rules, 20, "rule 100002",
                        "tests <dstip>, which decoder [app] never sets" + fields));
    }

    @Test
    void rulesUnderAPluginDecoderAreNotCheckedForFields() throws IOException {
        Path decoders = write("0006-json_decoders.xml", """
                <decoder name="json">
                  <prematch>^{\\s*"</prematch>
                  <plugin_decoder>JSON_Decoder</plugin_decoder>
                </decoder>
                """);
        Path rules = write("0100-app_rules.xml", HEADER
                + rule("100000", "<decoded_as>json</decoded_as>\n    <field name=\"anything.at.all\">x</field>"));

        LintReport report = lint(List.of(decoders), List.of(rules));

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void ruleWhoseEveryParentCanNeverFireIsUnreachable() throws IOException {
        Path decoders = write("0100-app_decoders.xml", APP_DECODER);
        Path rules = write("0100-app_rules.xml", HEADER
                + rule("100000", "<decoded_as>app</decoded_as>\n    <field name=\"session\">\\d+</field>")
                + rule("100001", "<if_sid>100000</if_sid>")
                + rule("100002", "<if_sid>100001</if_sid>")
                + rule("100003", "<decoded_as>app</decoded_as>")
                + rule("100004", "<if_sid>100001, 100003</if_sid>"));

        LintReport report = lint(List.of(decoders), List.of(rules));

        assertThat(report.findings()).containsExactly(
                new Finding(LintCheck.FIELD_NEVER_DECODED, rules, 7, "rule 100000",
                        "tests field [session], which decoder [app] never sets (its <order> fields: dstuser, srcip,"
                                + " user)"),
                new Finding(LintCheck.UNREACHABLE_RULE, rules, 12, "rule 100001",
                        "every parent rule [100000] can never fire, so this rule cannot either"),
                new Finding(LintCheck.UNREACHABLE_RULE, rules, 18, "rule 100002",
                        "every parent rule [100001] can never fire, so this rule cannot either"));
    }

    @Test
    void descriptionsNotOfTheProductSentenceFormAreWarnings() throws IOException {
        Path rules = write("0100-app_rules.xml", HEADER
                + rule("100000", "<match>a</match>")
                + rule("100001", "<match>b</match>").replace("app: Test rule.", "Login failed")
                + rule("100002", "<match>c</match>").replace("app: Test rule.", "app: login failed.")
                + rule("100003", "<match>d</match>").replace("app: Test rule.", "app: $(srcip) failed.")
                + rule("100004", "<match>e</match>").replace("    <description>app: Test rule.</description>\n", ""));

        LintReport report = lint(List.of(), List.of(rules));

        String form = "] is not of the form [<product>: <Sentence>.]";
        assertThat(report.findings()).containsExactly(
                new Finding(LintCheck.DESCRIPTION_FORM, rules, 13, "<description> of rule 100001",
                        "[Login failed" + form),
                new Finding(LintCheck.DESCRIPTION_FORM, rules, 19, "<description> of rule 100002",
                        "[app: login failed." + form),
                new Finding(LintCheck.DESCRIPTION_FORM, rules, 25, "<description> of rule 100003",
                        "[app: $(srcip) failed." + form),
                new Finding(LintCheck.DESCRIPTION_FORM, rules, 29, "rule 100004", "has no <description>"));
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void findingReadsAsFileLineSeverityCheckElementAndMessage() {
        Finding finding = new Finding(LintCheck.DUPLICATE_RULE_ID, Path.of("rules/a.xml"), 12, "rule 5", "clash");

        assertThat(finding).hasToString("rules/a.xml:12: ERROR duplicate-rule-id: rule 5: clash");
    }

    @Test
    void lintRunsOnlyOnce() throws IOException {
        Path rules = write("local_rules.xml", HEADER + rule("100000", "<match>x</match>"));
        RulesetLint lint = RulesetLint.builder().rules(List.of(rules)).build();
        lint.run();

        assertThatIllegalStateException().isThrownBy(lint::run)
                .withMessage("this lint has already run; build a new one");
    }

    private LintReport lint(List<Path> decoders, List<Path> rules) {
        return RulesetLint.builder().decoders(decoders).rules(rules).build().run();
    }

    /** A rule of 6 lines (plus the given body lines) whose {@code <rule>} line is the first. */
    private static String rule(String id, String body) {
        return "<group name=\"app,\">\n  <rule id=\"" + id + "\" level=\"3\">\n    " + body + "\n"
                + "    <description>app: Test rule.</description>\n  </rule>\n</group>\n";
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(this.dir.resolve(name), text);
    }
}
