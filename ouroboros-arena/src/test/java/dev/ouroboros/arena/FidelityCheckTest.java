package dev.ouroboros.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fidelity gate on real bytes: {@link FidelitySubject} as compiled by Maven, loaded by a forked
 * JVM and captured back through a retransforming agent, against the same source compiled in memory.
 */
class FidelityCheckTest {

    private static final String SUBJECT = FidelitySubject.class.getName();

    @TempDir
    static Path tmp;

    private static InMemoryCompiler compiler;
    private static String source;
    private static byte[] captured;

    @BeforeAll
    static void captureTheLoadedClass() throws Exception {
        compiler = InMemoryCompiler.create();
        source = Files.readString(Path.of(System.getProperty("basedir", "."),
                "src/test/java/dev/ouroboros/arena/FidelitySubject.java"));
        Path agent = tmp.resolve("capture-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", RetransformCapture.class.getName());
        manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
        try (OutputStream out = Files.newOutputStream(agent); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        Path bytes = tmp.resolve("captured.class");
        Process fork = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agent, "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                RetransformCapture.class.getName(), SUBJECT, bytes.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("fork.log").toFile()).start();
        assertThat(fork.waitFor(60, TimeUnit.SECONDS)).as("forked capture JVM finished").isTrue();
        assertThat(fork.exitValue()).as(Files.readString(tmp.resolve("fork.log"))).isZero();
        captured = Files.readAllBytes(bytes);
    }

    @AfterAll
    static void closeCompiler() {
        compiler.close();
    }

    private static byte[] compile(String text, List<String> options) {
        CompilationResult r = compiler.compile(Map.of(SUBJECT, text), List.of(), 17, options);
        assertThat(r.success()).as("compiles: %s", r.diagnostics()).isTrue();
        return r.classes().get(SUBJECT);
    }

    private static byte[] mavenCompiled() throws IOException {
        try (var in = FidelitySubject.class.getResourceAsStream("FidelitySubject.class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void classCapturedFromTheJvmMatchesItsSourceCompiledInMemory() throws IOException {
        byte[] inMemory = compile(source, List.of());

        FidelityReport report = FidelityCheck.compare(captured, inMemory);

        assertThat(report.matches()).as(report.describe()).isTrue();
        assertThat(report.className()).isEqualTo(SUBJECT);
        assertThat(report.member()).isEmpty();
        // Not a byte-for-byte match: the JVM rebuilt its file, and Maven added MethodParameters.
        assertThat(Arrays.equals(captured, inMemory)).isFalse();
        assertThat(Arrays.equals(mavenCompiled(), inMemory)).isFalse();
        System.out.println("captured " + captured.length + " bytes, Maven " + mavenCompiled().length + " bytes, in memory "
                + inMemory.length + " bytes; captured == Maven's: " + Arrays.equals(captured, mavenCompiled()));
    }

    @Test
    void changedMethodBodyIsNamed() {
        byte[] edited = compile(source.replace("total += i % 2 == 0 ? i : -i;", "total += i % 2 == 0 ? i : i;"), List.of());

        FidelityReport report = FidelityCheck.compare(captured, edited);

        assertThat(report.matches()).isFalse();
        assertThat(report.member()).isEqualTo("method sumTo(I)I");
        assertThat(report.detail()).contains("instruction").contains("in the loaded class").contains("in the source");
        assertThat(report.describe()).startsWith(SUBJECT + " differs from its source in method sumTo(I)I");
    }

    @Test
    void changedLambdaBodyIsNamed() {
        byte[] edited = compile(source.replace("c -> c % 3", "c -> c % 4"), List.of());

        FidelityReport report = FidelityCheck.compare(captured, edited);

        assertThat(report.matches()).isFalse();
        assertThat(report.member()).startsWith("method lambda$classify$");
    }

    @Test
    void changedConstantIsNamed() {
        byte[] edited = compile(source.replace("LIMIT = 42", "LIMIT = 43"), List.of());

        FidelityReport report = FidelityCheck.compare(captured, edited);

        assertThat(report.matches()).isFalse();
        assertThat(report.member()).isEqualTo("field LIMIT:I");
        assertThat(report.detail()).contains("42").contains("43");
    }

    @Test
    void addedFieldIsASchemaDifferenceNamingTheField() {
        byte[] edited = compile(source.replace("private int calls;", "private int calls;\n    private int extra;"),
                List.of());

        FidelityReport report = FidelityCheck.compare(captured, edited);

        assertThat(report.matches()).isFalse();
        assertThat(report.member()).contains("extra");
    }

    @Test
    void constantPoolOrderMethodOrderAndDebugAttributesDoNotMatter() {
        String reordered = source.replace("    public static int sumTo(int n) {", "    public static int sumToPlaceholder() {")
                .replace("    public FidelitySubject(List<String> names) {",
                        "    public static int sumTo(int n) {\n        int total = 0;\n"
                                + "        for (int i = 0; i <= n; i++) {\n            total += i % 2 == 0 ? i : -i;\n"
                                + "        }\n        return total;\n    }\n\n"
                                + "    public FidelitySubject(List<String> names) {");
        reordered = reordered.substring(0, reordered.indexOf("    public static int sumToPlaceholder() {")) + "}\n";
        byte[] plain = compile(source, List.of());
        byte[] otherOrder = compile(reordered, List.of("-parameters", "-g:none"));

        assertThat(Arrays.equals(plain, otherOrder)).isFalse();
        assertThat(FidelityCheck.compare(plain, otherOrder).matches()).as(FidelityCheck.compare(plain, otherOrder).describe())
                .isTrue();
    }

    @Test
    void unreadableBytesAreRefused() {
        assertThatThrownBy(() -> FidelityCheck.compare(new byte[] {1, 2, 3}, captured))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a readable class file");
        assertThatThrownBy(() -> FidelityCheck.compare(new byte[0], captured))
                .hasMessage("class bytes must not be empty, were 0 and " + captured.length + " bytes");
    }

}
