package dev.ouroboros.genome.internal;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.TypeParameter;
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
import java.util.Map;
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

    /**
     * Lists every method body, constructor body and initializer of the named types in a unit.
     *
     * @param text the source text the unit was parsed from; a region's checksum covers its lines of it
     */
    public static List<GenomeRegion> regions(CompilationUnit unit, Path file, String text) {
        List<GenomeRegion> out = new ArrayList<>();
        String prefix = packagePrefix(unit);
        int[] lineStarts = lineStarts(text);
        for (TypeDeclaration<?> type : unit.getTypes()) {
            collect(type, prefix + type.getNameAsString(), file, text, lineStarts, out);
        }
        return out;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        starts.add(text.length());
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The member's whole lines: cheaper than printing the node, and exact about what the file says. */
    private static String lines(String text, int[] lineStarts, int begin, int end) {
        int from = lineStarts[Math.min(begin - 1, lineStarts.length - 1)];
        int to = lineStarts[Math.min(end, lineStarts.length - 1)];
        return text.substring(from, Math.max(from, to));
    }

    /** Finds the body block of a region in a unit, or empty when the member is gone. */
    public static Optional<BlockStmt> locate(CompilationUnit unit, GenomeRegion region) {
        return locateBody(unit, region.id());
    }

    /** Finds the body block of the region with the given id in a unit, or empty when it is gone. */
    public static Optional<BlockStmt> locateBody(CompilationUnit unit, String regionId) {
        int hash = regionId.indexOf('#');
        String className = hash < 0 ? regionId : regionId.substring(0, hash);
        String prefix = packagePrefix(unit);
        for (TypeDeclaration<?> type : unit.getTypes()) {
            Optional<BlockStmt> found = find(type, prefix + type.getNameAsString(), className, regionId);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Lists every region declaration of a unit with its id, and every named type with its binary name.
     *
     * @param regions receives region id by declaration node (identity)
     * @param types   receives binary class name by type declaration node (identity)
     */
    public static void index(CompilationUnit unit, Map<Node, String> regions, Map<Node, String> types) {
        String prefix = packagePrefix(unit);
        for (TypeDeclaration<?> type : unit.getTypes()) {
            index(type, prefix + type.getNameAsString(), regions, types);
        }
    }

    /**
     * Returns the region id of a method, constructor or initializer declaration that is a member of a
     * named type, computed from the tree alone; empty for members of anonymous or local classes.
     */
    public static Optional<String> idOf(Node declaration) {
        Optional<String> binaryName = declaration.getParentNode().flatMap(RegionLocator::binaryNameOf);
        if (binaryName.isEmpty()) {
            return Optional.empty();
        }
        TypeDeclaration<?> type = (TypeDeclaration<?>) declaration.getParentNode().get();
        for (Member m : members(type, binaryName.get())) {
            if (m.declaration() == declaration) {
                return Optional.of(m.id());
            }
        }
        return Optional.empty();
    }

    /** Returns the binary name of a named member type ({@code pkg.Outer$Inner}); empty for local or anonymous types. */
    public static Optional<String> binaryNameOf(Node node) {
        if (!(node instanceof TypeDeclaration<?> type)) {
            return Optional.empty();
        }
        Node parent = type.getParentNode().orElse(null);
        if (parent instanceof CompilationUnit unit) {
            return Optional.of(packagePrefix(unit) + type.getNameAsString());
        }
        if (parent instanceof TypeDeclaration<?>) {
            return binaryNameOf(parent).map(outer -> outer + "$" + type.getNameAsString());
        }
        return Optional.empty();
    }

    private static void index(TypeDeclaration<?> type, String binaryName, Map<Node, String> regions,
            Map<Node, String> types) {
        types.put(type, binaryName);
        for (Member m : members(type, binaryName)) {
            regions.put(m.declaration(), m.id());
        }
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                index(nested, binaryName + "$" + nested.getNameAsString(), regions, types);
            }
        }
    }

    private static String packagePrefix(CompilationUnit unit) {
        return unit.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
    }

    private static Optional<BlockStmt> find(TypeDeclaration<?> type, String binaryName, String className,
            String regionId) {
        if (binaryName.equals(className)) {
            for (Member m : members(type, binaryName)) {
                if (m.id().equals(regionId)) {
                    return Optional.of(m.body());
                }
            }
            return Optional.empty();
        }
        if (!className.startsWith(binaryName + "$")) {
            return Optional.empty();
        }
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                Optional<BlockStmt> found = find(nested, binaryName + "$" + nested.getNameAsString(), className,
                        regionId);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static void collect(TypeDeclaration<?> type, String binaryName, Path file, String text, int[] lineStarts,
            List<GenomeRegion> out) {
        for (Member m : members(type, binaryName)) {
            Node node = m.declaration();
            int begin = node.getBegin().map(p -> p.line).orElse(1);
            int end = node.getEnd().map(p -> p.line).orElse(begin);
            out.add(new GenomeRegion(m.id(), binaryName, m.name(), m.parameters(), m.kind(), file, begin, end,
                    GenomeChecksum.sha256(lines(text, lineStarts, begin, end))));
        }
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                collect(nested, binaryName + "$" + nested.getNameAsString(), file, text, lineStarts, out);
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
        return callable.getParameters().stream().map(p -> parameterType(callable, p)).collect(Collectors.joining(","));
    }

    /**
     * The parameter type as written, generics erased; a type variable stands for its erasure (its first
     * bound as written, else {@code Object}), as in the class file: {@code <T extends Map<?, ?>> T notEmpty(T)}
     * and {@code <T extends Collection<?>> T notEmpty(T)} are two methods and get two ids.
     */
    private static String parameterType(CallableDeclaration<?> callable, Parameter p) {
        Type type = p.getType();
        String erased = erase(eraseTypeVariable(callable, type.getElementType(), 0)) + "[]".repeat(type.getArrayLevel());
        return p.isVarArgs() ? erased + "[]" : erased;
    }

    private static Type eraseTypeVariable(Node scope, Type element, int depth) {
        if (depth > 8 || !(element instanceof ClassOrInterfaceType named) || named.getScope().isPresent()
                || named.getTypeArguments().isPresent()) {
            return element;
        }
        for (Node n = scope; n != null; n = n.getParentNode().orElse(null)) {
            NodeList<TypeParameter> params = typeParameters(n);
            for (TypeParameter tp : params) {
                if (tp.getNameAsString().equals(named.getNameAsString())) {
                    return tp.getTypeBound().isEmpty() ? new ClassOrInterfaceType(null, "Object")
                            : eraseTypeVariable(tp, tp.getTypeBound().get(0), depth + 1);
                }
            }
        }
        return element;
    }

    private static NodeList<TypeParameter> typeParameters(Node n) {
        if (n instanceof CallableDeclaration<?> c) {
            return c.getTypeParameters();
        }
        if (n instanceof ClassOrInterfaceDeclaration c) {
            return c.getTypeParameters();
        }
        if (n instanceof RecordDeclaration r) {
            return r.getTypeParameters();
        }
        return new NodeList<>();
    }

    /** Erases generics and annotations: {@code java.util.List<@NonNull String>[]} becomes {@code java.util.List[]}. */
    private static String erase(Type type) {
        if (type instanceof PrimitiveType primitive) {
            return primitive.asString();
        }
        if (type instanceof ClassOrInterfaceType named && plainScope(named)) {
            return named.getNameWithScope(); // names only: type arguments and annotations are not part of it
        }
        // Rare shapes (annotated or generic qualifiers): print and strip, slower but general.
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

    private static boolean plainScope(ClassOrInterfaceType named) {
        for (ClassOrInterfaceType t = named.getScope().orElse(null); t != null; t = t.getScope().orElse(null)) {
            if (t.getTypeArguments().isPresent() || !t.getAnnotations().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private record Member(String id, String name, String parameters, RegionKind kind, Node declaration, BlockStmt body) {
    }
}
