package dev.ouroboros.mutation;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import java.util.SplittableRandom;

/** Runs one operator on one method written as text, the way the mutator does, and prints the method. */
final class OperatorHarness {

    private final MutationOperator operator;
    private final String imports;

    OperatorHarness(MutationOperator operator) {
        this(operator, "");
    }

    /** A harness whose sample class also has the given import lines. */
    OperatorHarness(MutationOperator operator, String imports) {
        this.operator = operator;
        this.imports = imports;
    }

    /** Points of the operator in the first method of a class wrapping {@code members}. */
    int points(String members) {
        return operator.countPoints(body(parse(imports, members)));
    }

    /** Applies point {@code index} and returns the lexically preserved text of the first method. */
    String apply(String members, int index) {
        CompilationUnit unit = LexicalPreservingPrinter.setup(parse(imports, members));
        BlockStmt body = body(unit);
        operator.apply(body, index, new SplittableRandom(42));
        return LexicalPreservingPrinter.print(body.getParentNode().orElseThrow());
    }

    private static CompilationUnit parse(String imports, String members) {
        String source = "import java.util.*;\n" + imports + "class Sample {\n" + members + "\n}\n";
        return new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parse(source).getResult().orElseThrow();
    }

    private static BlockStmt body(CompilationUnit unit) {
        return unit.findFirst(MethodDeclaration.class).orElseThrow().getBody().orElseThrow();
    }
}
