package dev.ouroboros.genome;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.stmt.BlockStmt;
import dev.ouroboros.genome.internal.MutationPointFinder;
import dev.ouroboros.genome.internal.RegionLocator;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One mutable region of a program: a method body, a constructor body or an initializer block.
 *
 * <p>The {@link #id() id} is stable: it is built from the binary class name, the member name and
 * the parameter types as written in the source (generics erased, a type variable replaced by its
 * first bound as written or {@code Object}, as the class file does), for example
 * {@code com.acme.OrderReport#toCsv(List)}; initializers carry their index among initializers of
 * the same kind ({@code com.acme.Cache#<clinit>[0]}). It never depends on parse order, so it
 * survives unrelated edits elsewhere in the file and parser upgrades.
 *
 * @param id          the stable id, never blank
 * @param className   the binary name of the declaring class ({@code Outer$Inner}), never blank
 * @param memberName  the method name, {@code <init>}, {@code <clinit>} or {@code <init-block>}
 * @param parameters  the parameter types as written, comma separated, no spaces; empty for none
 * @param kind        what kind of body this is
 * @param file        the source file, never null
 * @param beginLine   first line of the member (1-based)
 * @param endLine     last line of the member (1-based, inclusive)
 * @param sha256      checksum of the source lines the member spans (whitespace and comments in them count)
 */
public record GenomeRegion(
        String id,
        String className,
        String memberName,
        String parameters,
        RegionKind kind,
        Path file,
        int beginLine,
        int endLine,
        String sha256) {

    /** Validates the region. */
    public GenomeRegion {
        requireText(id, "id");
        requireText(className, "className");
        requireText(memberName, "memberName");
        Objects.requireNonNull(parameters, "parameters must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(file, "file must not be null");
        if (beginLine < 1 || endLine < beginLine) {
            throw new IllegalArgumentException(
                    "lines must satisfy 1 <= beginLine <= endLine, were " + beginLine + ".." + endLine);
        }
        requireText(sha256, "sha256");
    }

    /** Returns the top-level class that owns the source file of this region. */
    public String topLevelClassName() {
        int dollar = className.indexOf('$');
        return dollar < 0 ? className : className.substring(0, dollar);
    }

    /**
     * Finds this region's body in a (possibly modified) parse of its compilation unit.
     *
     * @return the body block, or empty when the unit no longer declares this member
     */
    public Optional<BlockStmt> locate(CompilationUnit unit) {
        return RegionLocator.locate(unit, this);
    }

    /**
     * Lists this region's mutation points (statements, expressions, loops, conditions, calls) in a
     * parse of its compilation unit; {@link SourceGenome#mutationPoints(GenomeRegion)} does the same on
     * the genome's current parse. Positions are those of the given unit, so a mutator that lists the
     * points of its own fresh {@link SourceGenome#parse(String) parse} can edit the nodes they name.
     *
     * @return the points grouped by {@link MutationPointKind}, each kind in pre-order; empty when the
     *         unit no longer declares this member; never null
     */
    public List<MutationPoint> mutationPoints(CompilationUnit unit) {
        return locate(unit).map(body -> MutationPointFinder.points(body, id)).orElse(List.of());
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, was " + value);
        }
    }
}
