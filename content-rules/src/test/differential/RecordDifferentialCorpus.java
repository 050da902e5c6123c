import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;

/**
 * Records the differential corpus in src/test/resources/differential from the three harnesses of this
 * directory. Usage: {@code java -cp <jackson-databind classpath> RecordDifferentialCorpus.java <harness dir>
 * <output dir>}. The seeds are fixed, so the same harnesses record the same corpus.
 */
public final class RecordDifferentialCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] OSREGEX_TOKENS = {"a", "b", "1", " ", ".", "-", "_", "(", ")", "|", "^", "$",
        "+", "*", "A", "\\d", "\\w", "\\s", "\\p", "\\D", "\\W", "\\S", "\\.", "\\t", "\\$", "\\(", "\\)", "\\\\",
        "\\|", "\\<", "\\d+", "\\w+", "\\s+", "\\d*", "\\w*", "\\S+", "\\.*", "\\.+", "\\p+", "\\W+", "\\s*",
        "\u00e9", "\\n", "(a", "b)"};

    private static final String[] OSMATCH_TOKENS = {"a", "b", "A", "^", "$", "|", "!", "\\", "\u00e9", "ab", "B",
        " ", "."};

    private static final String[] PCRE2_TOKENS = {"a", "b", "A", "\\d", "\\w", "\\s", "\\h", "\\b", "\\B", ".",
        "^", "$", "|", "(", ")", "(?:", "(?i)", "(?<n>", "*", "+", "?", "*?", "++", "{2}", "{1,2}", "[ab]", "[^a]",
        "[[:alpha:]]", "[[:punct:]]", "\\z", "\\Z", "\\A", "\u00e9", "\\x41", "\\Qa.\\E", "(?=a)", "(?!b)",
        "(?<=a)", "\\1", "\\N", "\\v", "\\R", "[\\d-]", "[a-c]", "(?s)", "(?m)", "(?x)", " ", "#", "\\t", "{", "}",
        "]", "\\.", "\\\\", "[\\w.]", "(?>", "(?U)", "\\p{L}", "\\P{Lu}", "[[:^space:]]", "(?P<u>", "(?P=u)",
        "\\k<n>", "\\g{-1}", "[[:upper:][:digit:]]", "\\x{e9}", "\\S+", "\\d+", "(?#c)"};

    private RecordDifferentialCorpus() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path harnesses = Path.of(args[0]);
        Path output = Path.of(args[1]);
        recordOsRegex(harnesses.resolve("osregex_harness"), output.resolve("osregex.jsonl"));
        recordOsMatch(harnesses.resolve("osmatch_harness"), output.resolve("osmatch.jsonl"));
        recordPcre2(harnesses.resolve("pcre2_harness"), output.resolve("pcre2.jsonl"));
    }

    private static void recordOsRegex(Path harness, Path file) throws IOException, InterruptedException {
        Random random = new Random(4147);
        try (Harness h = new Harness(harness); PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            int errors = 0;
            for (int i = 0; i < 2000;) {
                boolean captures = i % 2 == 0;
                String pattern = tokens(random, OSREGEX_TOKENS, 1, i % 3 == 0 ? 14 : 7);
                String subject = text(random, "ab1 2.-_()|$^+*\t<A\\\u00e9", i % 3 == 0 ? 24 : 12);
                String[] answer = h.ask((captures ? "C" : "N") + hex(pattern) + "\t" + hex(subject)).split(" ", -1);
                if (answer[0].equals("ERR") && errors++ >= 200) {
                    continue;
                }
                i++;
                ObjectNode line = JSON.createObjectNode();
                line.put("captures", captures).put("pattern", pattern).put("subject", subject);
                if (answer[0].equals("ERR")) {
                    line.put("result", "compile error");
                } else if (answer[0].equals("NO")) {
                    line.put("result", "no match");
                } else {
                    line.put("result", "match").put("last_byte", Integer.parseInt(answer[1]));
                    groups(line.putArray("groups_utf8_hex"), answer);
                }
                out.println(JSON.writeValueAsString(line));
            }
        }
    }

    private static void recordOsMatch(Path harness, Path file) throws IOException, InterruptedException {
        Random random = new Random(4148);
        try (Harness h = new Harness(harness); PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (int i = 0; i < 1000; i++) {
                String pattern = tokens(random, OSMATCH_TOKENS, 0, 6);
                String subject = text(random, "abAB ^$|!\\\u00e9.", 8);
                String answer = h.ask(hex(pattern) + "\t" + hex(subject));
                ObjectNode line = JSON.createObjectNode().put("pattern", pattern).put("subject", subject)
                        .put("result", answer.equals("M") ? "match" : "no match");
                out.println(JSON.writeValueAsString(line));
            }
        }
    }

    private static void recordPcre2(Path harness, Path file) throws IOException, InterruptedException {
        Random random = new Random(4149);
        try (Harness h = new Harness(harness); PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            int errors = 0;
            for (int i = 0; i < 2000;) {
                String pattern = tokens(random, PCRE2_TOKENS, 1, 7);
                String subject = text(random, "abAB1 \n\r\t.\u00e9\u00c9-_x#{}", 12);
                String reply = h.ask(hex(pattern) + "\t" + hex(subject));
                if (reply.startsWith("FAIL") || reply.startsWith("ERR") && errors++ >= 300) {
                    continue;
                }
                i++;
                String[] answer = reply.split(" ", -1);
                ObjectNode line = JSON.createObjectNode().put("pattern", pattern).put("subject", subject);
                if (answer[0].equals("ERR")) {
                    line.put("result", "compile error").put("pcre2_error", reply.substring(4));
                } else if (answer[0].equals("NO")) {
                    line.put("result", "no match");
                } else {
                    line.put("result", "match").put("end_byte", Integer.parseInt(answer[1]));
                    groups(line.putArray("groups_utf8_hex"), answer);
                }
                out.println(JSON.writeValueAsString(line));
            }
        }
    }

    private static void groups(ArrayNode groups, String[] answer) {
        for (int k = 2; k < answer.length; k++) {
            groups.add(answer[k].substring(0, answer[k].length() - 1));
        }
    }

    private static String tokens(Random random, String[] tokens, int min, int max) {
        StringBuilder text = new StringBuilder();
        int count = min + random.nextInt(max - min + 1);
        for (int i = 0; i < count; i++) {
            text.append(tokens[random.nextInt(tokens.length)]);
        }
        return text.toString();
    }

    private static String text(Random random, String alphabet, int max) {
        StringBuilder text = new StringBuilder();
        int count = random.nextInt(max + 1);
        for (int i = 0; i < count; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** One harness process, asked one line at a time. */
    private static final class Harness implements AutoCloseable {

        private final Process process;

        private final BufferedWriter requests;

        private final BufferedReader answers;

        Harness(Path executable) throws IOException {
            this.process = new ProcessBuilder(executable.toString()).start();
            this.requests = new BufferedWriter(new OutputStreamWriter(this.process.getOutputStream(),
                    StandardCharsets.US_ASCII));
            this.answers = new BufferedReader(new InputStreamReader(this.process.getInputStream(),
                    StandardCharsets.US_ASCII));
        }

        String ask(String request) throws IOException {
            this.requests.write(request + "\n");
            this.requests.flush();
            String answer = this.answers.readLine();
            if (answer == null) {
                throw new IOException("harness ended before answering [" + request + "]");
            }
            return answer;
        }

        @Override
        public void close() throws IOException {
            this.requests.close();
            try {
                this.process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
