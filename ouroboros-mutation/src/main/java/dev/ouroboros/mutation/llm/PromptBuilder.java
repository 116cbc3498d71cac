package dev.ouroboros.mutation.llm;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.Comment;
import dev.ouroboros.genome.GenomeRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes the prompt for one region: rules in the system message; the class context, the method, its
 * hot lines and earlier failures in the user message. Deterministic: the same inputs give the same
 * text, so a replay log finds its replies.
 */
final class PromptBuilder {

    static final String SYSTEM = String.join("\n",
            "You make one Java method faster without changing its behaviour for any input.",
            "Rules: keep the method's signature, annotations and modifiers exactly; add no fields, methods,",
            "classes, lambdas, method references or anonymous classes (the new code is hot-swapped into a",
            "running JVM, which cannot add members); keep exceptions and side effects as they are.",
            "Reply in one of two forms and nothing else:",
            "1. the whole rewritten method in one ```java code block; or",
            "2. one or more SEARCH/REPLACE blocks, each search text copied exactly from the method:",
            "<<<<<<< SEARCH",
            "exact lines of the current method",
            "=======",
            "their replacement",
            ">>>>>>> REPLACE");

    private static final int MAX_CONTEXT_LINES = 60;
    private static final int MAX_HOT_LINES = 8;

    private PromptBuilder() {
    }

    static LlmPrompt prompt(GenomeRegion region, MemberSource source, SortedMap<Integer, Long> hotLines,
            List<String> feedback) {
        StringBuilder user = new StringBuilder();
        user.append("Class context of ").append(region.className()).append(" (other members without bodies):\n```java\n")
                .append(context(source.unit(), source.member())).append("```\n\n");
        user.append("Method to make faster (").append(region.id()).append(", lines ").append(region.beginLine())
                .append('-').append(region.endLine()).append(" of ").append(region.file().getFileName()).append("):\n```java\n")
                .append(source.text()).append("\n```\n");
        long total = hotLines.values().stream().mapToLong(Long::longValue).sum();
        if (total > 0) {
            user.append("\nWhere the profiler saw it spend its time (share of samples, line: code):\n");
            String[] lines = source.unitText().split("\n", -1);
            hotLines.entrySet().stream()
                    .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(MAX_HOT_LINES)
                    .forEach(e -> user.append(String.format("- %d%%, line %d: %s%n", Math.round(100.0 * e.getValue() / total),
                            e.getKey(), e.getKey() <= lines.length ? lines[e.getKey() - 1].strip() : "")));
        }
        if (!feedback.isEmpty()) {
            user.append("\nEarlier attempts at this method failed; avoid these problems:\n");
            feedback.forEach(f -> user.append("- ").append(f.strip().replace("\n", "\n  ")).append('\n'));
        }
        return new LlmPrompt(SYSTEM, user.toString());
    }

    /** Package, imports and the enclosing type with fields and the other members' signatures. */
    private static String context(CompilationUnit unit, BodyDeclaration<?> member) {
        List<String> out = new ArrayList<>();
        unit.getPackageDeclaration().ifPresent(p -> out.add("package " + p.getNameAsString() + ";"));
        unit.getImports().forEach(i -> out.add(i.toString().strip()));
        TypeDeclaration<?> type = member.findAncestor(TypeDeclaration.class).orElse(null);
        if (type != null) {
            out.add(header(type) + " {");
            for (BodyDeclaration<?> m : type.getMembers()) {
                if (m == member) {
                    out.add("    // <- the method to make faster");
                } else if (m instanceof FieldDeclaration field) {
                    out.add("    " + withoutComments(field));
                } else if (m instanceof CallableDeclaration<?> callable) {
                    out.add("    " + callable.getDeclarationAsString(true, true, true) + ";");
                } else if (m instanceof TypeDeclaration<?> nested) {
                    out.add("    " + header(nested) + " { ... }");
                }
            }
            out.add("}");
        }
        List<String> kept = out.size() > MAX_CONTEXT_LINES ? out.subList(0, MAX_CONTEXT_LINES) : out;
        return String.join("\n", kept) + (out.size() > MAX_CONTEXT_LINES ? "\n    // ...\n" : "\n");
    }

    private static String header(TypeDeclaration<?> type) {
        String text = withoutComments(type);
        int brace = text.indexOf('{');
        return (brace < 0 ? text : text.substring(0, brace)).replaceAll("\\s+", " ").strip();
    }

    private static String withoutComments(BodyDeclaration<?> node) {
        BodyDeclaration<?> copy = node.clone();
        new ArrayList<>(copy.getAllContainedComments()).forEach(Comment::remove);
        copy.removeComment();
        return copy.toString().replaceAll("\\s+", " ").strip();
    }
}
