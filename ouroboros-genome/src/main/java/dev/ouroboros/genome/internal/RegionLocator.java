package dev.ouroboros.genome.internal;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.type.Type;
import dev.ouroboros.genome.GenomeChecksum;
import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.RegionKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Enumerates the regions of a compilation unit and finds a region again in a later parse.
 *
 * <p>Both directions use the same naming, so {@code locate(unit, region)} finds exactly the body
 * that {@code regions(unit, file)} described, whatever else changed in the file.
 */
public final class RegionLocator {

    private RegionLocator() {
    }

    /** Lists every method body, constructor body and initializer of the named types in a unit. */
    public static List<GenomeRegion> regions(CompilationUnit unit, Path file) {
        List<GenomeRegion> out = new ArrayList<>();
        String prefix = unit.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
        for (TypeDeclaration<?> type : unit.getTypes()) {
            collect(type, prefix + type.getNameAsString(), file, out);
        }
        return out;
    }

    /** Finds the body block of a region in a unit, or empty when the member is gone. */
    public static Optional<BlockStmt> locate(CompilationUnit unit, GenomeRegion region) {
        String prefix = unit.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
        for (TypeDeclaration<?> type : unit.getTypes()) {
            Optional<BlockStmt> found = find(type, prefix + type.getNameAsString(), region);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<BlockStmt> find(TypeDeclaration<?> type, String binaryName, GenomeRegion region) {
        if (binaryName.equals(region.className())) {
            for (Member m : members(type, binaryName)) {
                if (m.id().equals(region.id())) {
                    return Optional.of(m.body());
                }
            }
            return Optional.empty();
        }
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                Optional<BlockStmt> found = find(nested, binaryName + "$" + nested.getNameAsString(), region);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static void collect(TypeDeclaration<?> type, String binaryName, Path file, List<GenomeRegion> out) {
        for (Member m : members(type, binaryName)) {
            Node node = m.declaration();
            int begin = node.getBegin().map(p -> p.line).orElse(1);
            int end = node.getEnd().map(p -> p.line).orElse(begin);
            out.add(new GenomeRegion(m.id(), binaryName, m.name(), m.parameters(), m.kind(), file, begin, end,
                    GenomeChecksum.sha256(node.toString())));
        }
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                collect(nested, binaryName + "$" + nested.getNameAsString(), file, out);
            }
        }
    }

    private static List<Member> members(TypeDeclaration<?> type, String binaryName) {
        List<Member> out = new ArrayList<>();
        int staticInits = 0;
        int instanceInits = 0;
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof MethodDeclaration method && method.getBody().isPresent()) {
                String params = parameters(method);
                out.add(new Member(binaryName + "#" + method.getNameAsString() + "(" + params + ")",
                        method.getNameAsString(), params, RegionKind.METHOD, method, method.getBody().get()));
            } else if (member instanceof ConstructorDeclaration ctor) {
                String params = parameters(ctor);
                out.add(new Member(binaryName + "#<init>(" + params + ")", "<init>", params,
                        RegionKind.CONSTRUCTOR, ctor, ctor.getBody()));
            } else if (member instanceof InitializerDeclaration init) {
                boolean isStatic = init.isStatic();
                String name = isStatic ? "<clinit>" : "<init-block>";
                int index = isStatic ? staticInits++ : instanceInits++;
                out.add(new Member(binaryName + "#" + name + "[" + index + "]", name, "",
                        isStatic ? RegionKind.STATIC_INITIALIZER : RegionKind.INSTANCE_INITIALIZER,
                        init, init.getBody()));
            }
        }
        return out;
    }

    private static String parameters(CallableDeclaration<?> callable) {
        return callable.getParameters().stream().map(RegionLocator::parameterType).collect(Collectors.joining(","));
    }

    private static String parameterType(Parameter p) {
        String erased = erase(p.getType());
        return p.isVarArgs() ? erased + "[]" : erased;
    }

    /** Erases generics and annotations: {@code java.util.List<@NonNull String>[]} becomes {@code java.util.List[]}. */
    private static String erase(Type type) {
        Type copy = type.clone();
        copy.findAll(AnnotationExpr.class).forEach(Node::remove);
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : copy.toString().toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (depth == 0 && !Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private record Member(String id, String name, String parameters, RegionKind kind, Node declaration, BlockStmt body) {
    }
}
