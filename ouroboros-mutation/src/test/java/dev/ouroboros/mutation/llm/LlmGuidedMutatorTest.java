package dev.ouroboros.mutation.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.mutation.MutationCandidate;
import dev.ouroboros.mutation.MutationOperator;
import dev.ouroboros.mutation.OperatorKind;
import dev.ouroboros.mutation.llm.ChatServer.Answer;
import dev.ouroboros.mutation.strategy.MutationStrategy;
import dev.ouroboros.mutation.strategy.StrategyMix;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmGuidedMutatorTest {

    static final String SOURCE = """
            package com.acme;

            import java.util.List;

            /** Writes reports. */
            public final class Report {

                private final String header = "id";

                public String toCsv(List<Integer> ids) {
                    String csv = header + "\\n";
                    for (int id : ids) {
                        csv += id + "\\n";
                    }
                    return csv;
                }

                static int helper(int x) {
                    return x + 1;
                }
            }
            """;

    static final String WHOLE_METHOD = """
            Here is a faster version:
            ```java
            public String toCsv(List<Integer> ids) {
                StringBuilder csv = new StringBuilder(header).append('\\n');
                for (int id : ids) {
                    csv.append(id).append('\\n');
                }
                return csv.toString();
            }
            ```
            """;

    static final String SEARCH_REPLACE = """
            <<<<<<< SEARCH
                        csv += id + "\\n";
            =======
                        csv = csv.concat(id + "\\n");
            >>>>>>> REPLACE
            """;

    static final String UNMATCHED = """
            <<<<<<< SEARCH
                    String csv = header + "\\n";
            =======
                    String csv = header.concat("\\n");
            >>>>>>> REPLACE
            <<<<<<< SEARCH
                csv += id + '\\n';
            =======
                csv = csv + id;
            >>>>>>> REPLACE
            """;

    @TempDir
    Path dir;

    private SourceGenome genome() throws Exception {
        Path file = dir.resolve("src/com/acme/Report.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, SOURCE);
        return SourceGenome.of(List.of(dir.resolve("src")));
    }

    private static LlmConfig config(URI endpoint) {
        return LlmConfig.builder(endpoint, "m").timeout(Duration.ofSeconds(3)).maxRetries(0).build();
    }

    private static Answer[] recordedReplies() {
        return new Answer[] {
            Answer.ok(WHOLE_METHOD),
            Answer.ok(SEARCH_REPLACE),
            Answer.ok(UNMATCHED),
            Answer.ok("```java\npublic String toCsv(List<Integer> ids, int limit) {\n    return \"\";\n}\n```"),
            Answer.ok("```java\npublic String toCsv(List<Integer> ids) {\n    return helper2();\n}\n\n"
                    + "private String helper2() {\n    return \"\";\n}\n```"),
            Answer.ok("I'm sorry, but I can't help with rewriting this code."),
            Answer.ok("```python\ndef to_csv(ids):\n    return '\\n'.join(ids)\n```"),
            Answer.ok("```java\npublic String toCsv(List<Integer> ids) {\n    return header + \"\\n\" + ids.stream()"
                    + ".map(String::valueOf).collect(java.util.stream.Collectors.joining(\"\\n\"));\n}\n```"),
            Answer.ok("```java\npublic String toCsv(List<Integer> ids) {\n    StringBuilder csv = new", "length"),
            Answer.status(503, "{\"error\":\"model unloaded\"}"),
        };
    }

    @Test
    void repliesBecomeCandidatesOrRecordedRejectionsAndTheRunReplaysWithoutTheEndpoint() throws Exception {
        SourceGenome genome = genome();
        GenomeRegion region = genome.regionsOf("com.acme.Report", "toCsv").get(0);
        Path log = dir.resolve("replay/llm.jsonl");
        LlmOutcome live;
        List<ChatServer.Received> prompts;
        try (ChatServer server = new ChatServer(recordedReplies())) {
            LlmGuidedMutator mutator = LlmGuidedMutator.builder(
                    LlmClient.recording(LlmClient.openAiCompatible(config(server.endpoint())), log)).maxRequests(20)
                    .build();
            mutator.observeHotLines(region.id(), Map.of(13, 90L, 12, 10L));
            mutator.recordFeedback(region.id(), "compile error: cannot find symbol sb");
            live = mutator.generate(genome, region, 12, new SplittableRandom(5));
            prompts = server.received();
        }
        assertThat(live.candidates()).hasSize(2);
        assertThat(live.rejections()).extracting(LlmRejection::request).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(live.rejections()).extracting(LlmRejection::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("SEARCH block 2 does not match the method text exactly")
                        .endsWith("no block was applied"),
                r -> assertThat(r).startsWith("changed signature").contains("int limit"),
                r -> assertThat(r).startsWith("adds members: the reply declares 2 members [toCsv, helper2]"),
                r -> assertThat(r).startsWith("refused: I'm sorry"),
                r -> assertThat(r).startsWith("not Java"),
                r -> assertThat(r).startsWith("adds 1 lambda(s), method reference(s)"),
                r -> assertThat(r).startsWith("truncated: the reply stopped at the token limit"),
                r -> assertThat(r).startsWith("endpoint: ").contains("HTTP 503"));
        assertThat(prompts).hasSize(10);

        MutationCandidate whole = live.candidates().get(0);
        int memberStart = SOURCE.indexOf("    public String toCsv");
        int memberEnd = SOURCE.indexOf("\n\n    static int helper");
        assertThat(whole.mutatedSource()).startsWith(SOURCE.substring(0, memberStart))
                .endsWith(SOURCE.substring(memberEnd))
                .contains("\n        for (int id : ids) {\n            csv.append(id).append('\\n');\n        }\n");
        assertThat(whole.operator()).isEqualTo(LlmGuidedMutator.OPERATOR);
        assertThat(whole.kind()).isEqualTo(OperatorKind.EXPLORATORY);
        assertThat(live.candidates().get(1).mutatedSource()).isEqualTo(
                SOURCE.replace("csv += id + \"\\n\";", "csv = csv.concat(id + \"\\n\");"));
        for (MutationCandidate c : live.candidates()) {
            assertThat(run(c.mutatedSource(), dir.resolve("javac-" + c.id()))).isEqualTo(run(SOURCE, dir.resolve("javac-0")));
        }

        // Replayed from the log alone: the same prompts find the same replies, so the same candidates.
        LlmGuidedMutator replay = LlmGuidedMutator.builder(LlmClient.replaying(log)).maxRequests(20).build();
        replay.observeHotLines(region.id(), Map.of(13, 90L, 12, 10L));
        replay.recordFeedback(region.id(), "compile error: cannot find symbol sb");
        LlmOutcome again = replay.generate(genome, region, 12, new SplittableRandom(5));
        assertThat(again.candidates()).isEqualTo(live.candidates());
        assertThat(again.rejections().subList(0, 7)).isEqualTo(live.rejections().subList(0, 7));
        assertThat(again.rejections().get(7).reason()).startsWith("endpoint: replayed failure:").contains("HTTP 503");
        assertThat(Files.readAllLines(log)).hasSize(10);
    }

    @Test
    void thePromptCarriesTheMethodItsHotLinesTheClassContextAndEarlierFailures() throws Exception {
        SourceGenome genome = genome();
        GenomeRegion region = genome.regionsOf("com.acme.Report", "toCsv").get(0);
        try (ChatServer server = new ChatServer(Answer.ok("I cannot do that."), Answer.ok(SEARCH_REPLACE))) {
            LlmGuidedMutator mutator = LlmGuidedMutator.builder(LlmClient.openAiCompatible(config(server.endpoint())))
                    .build();
            mutator.observeHotLines(region.id(), Map.of(13, 90L, 12, 10L));
            mutator.recordFeedback(region.id(), "test failed: toCsvOfEmptyList expected <id\n> but was <>");
            List<MutationCandidate> made = mutator.propose(genome, region, 2, new SplittableRandom(1));
            assertThat(made).hasSize(1);
            Map<?, ?> second = (Map<?, ?>) Json.parse(server.received().get(1).body());
            String user = (String) ((Map<?, ?>) ((List<?>) second.get("messages")).get(1)).get("content");
            assertThat(user).contains("package com.acme;", "import java.util.List;", "private final String header = \"id\";",
                    "static int helper(int x);", SOURCE.substring(SOURCE.indexOf("public String toCsv"),
                            SOURCE.indexOf("    static int helper") - 2),
                    "- 90%, line 13: csv += id + \"\\n\";", "- 10%, line 12: for (int id : ids) {",
                    "- test failed: toCsvOfEmptyList", "- a reply was rejected: refused: I cannot do that.");
            assertThat(mutator.feedback(region.id())).hasSize(2);
        }
    }

    @Test
    void anUnreachableEndpointDegradesToTheOtherStrategiesWithinItsTimeout() throws Exception {
        SourceGenome genome = genome();
        GenomeRegion region = genome.regionsOf("com.acme.Report", "toCsv").get(0);
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        LlmGuidedMutator llm = LlmGuidedMutator.builder(LlmClient.openAiCompatible(
                config(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions")))).build();
        assertThat(llm.generate(genome, region, 3, new SplittableRandom(1)).rejections())
                .singleElement().satisfies(r -> assertThat(r.reason()).contains("no complete reply from"));
        StrategyMix mix = StrategyMix.builder().add(llm, 3)
                .add(MutationStrategy.random(List.of(MutationOperator.statementDelete())), 1).build();
        long start = System.nanoTime();
        List<MutationCandidate> made = mix.propose(genome, region, 3, new SplittableRandom(2));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
        assertThat(made).hasSize(3).extracting(MutationCandidate::operator).containsOnly("statement-delete");
    }

    /** Compiles the unit with the real javac and returns toCsv([1, 22, 333]) of a fresh instance. */
    private static Object run(String source, Path work) throws Exception {
        Path src = work.resolve("com/acme/Report.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path out = Files.createDirectories(work.resolve("classes"));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, messages, messages, "-d", out.toString(),
                "--release", "17", src.toString());
        assertThat(status).as(messages.toString(StandardCharsets.UTF_8)).isZero();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, null)) {
            Class<?> report = loader.loadClass("com.acme.Report");
            Method toCsv = report.getMethod("toCsv", List.class);
            return toCsv.invoke(report.getConstructor().newInstance(), List.of(1, 22, 333));
        }
    }
}
