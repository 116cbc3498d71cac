package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A class and its mutant, both compiled with javac: the operator applied through the {@link Mutator} once
 * to each named method in turn (each must give exactly one candidate), for tests that run the two
 * versions against each other.
 *
 * @param className     the class both were compiled from
 * @param mutatedSource the unit after every method was rewritten
 * @param original      the class compiled from the original source
 * @param mutant        the class compiled from the mutated source
 * @param work          where the two were compiled ({@code original/classes}, {@code mutant/classes})
 */
record MutantPair(String className, String mutatedSource, Class<?> original, Class<?> mutant, Path work) {

    static MutantPair of(MutationOperator operator, String className, String source, List<String> methods) {
        try {
            Path work = Files.createTempDirectory(operator.name());
            SourceTree tree = new SourceTree(work.resolve("genome"));
            String mutated = source;
            Mutator mutator = Mutator.builder().operators(List.of(operator)).build();
            for (String method : methods) {
                tree.write(className, mutated);
                List<MutationCandidate> made = mutator.mutate(tree.genome(), tree.region(className, method));
                assertThat(made).as("candidates for %s", method).hasSize(1);
                mutated = made.get(0).mutatedSource();
            }
            return new MutantPair(className, mutated,
                    Javac.compile(work.resolve("original"), Map.of(className, source)).loadClass(className),
                    Javac.compile(work.resolve("mutant"), Map.of(className, mutated)).loadClass(className), work);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The class file javac wrote for {@code "original"} or {@code "mutant"}. */
    byte[] classFile(String version) throws IOException {
        get(version); // checks the name
        return Files.readAllBytes(work.resolve(version).resolve("classes").resolve(className.replace('.', '/') + ".class"));
    }

    /** The class of {@code "original"} or {@code "mutant"}. */
    Class<?> get(String version) {
        return switch (version) {
            case "original" -> original;
            case "mutant" -> mutant;
            default -> throw new IllegalArgumentException("version must be original or mutant, was " + version);
        };
    }
}
