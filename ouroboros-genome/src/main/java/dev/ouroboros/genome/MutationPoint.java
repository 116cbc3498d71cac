package dev.ouroboros.genome;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import dev.ouroboros.genome.internal.MutationPointFinder;
import java.util.Objects;
import java.util.Optional;

/**
 * One place inside a {@link GenomeRegion} where a mutation operator may act: a statement, an
 * expression, a loop, a condition or a call.
 *
 * <p>A point is addressed by its region, its kind and its {@code index}: the position among the
 * points of the same kind in a pre-order walk of the region's body. That address depends only on
 * the region's own body, so it survives edits elsewhere in the file; {@link #locate(CompilationUnit)}
 * finds the node again in another parse of the same region. The position (lines, columns) is the
 * one in the parse the point was listed from.
 *
 * @param regionId    the id of the region that holds the point, never blank
 * @param kind        the kind of point
 * @param index       0-based position among the region's points of this kind, pre-order
 * @param nodeType    the JavaParser node class, e.g. {@code ForStmt} or {@code MethodCallExpr}
 * @param beginLine   1-based first line
 * @param beginColumn 1-based first column
 * @param endLine     1-based last line (inclusive)
 * @param endColumn   1-based last column (inclusive)
 */
public record MutationPoint(String regionId, MutationPointKind kind, int index, String nodeType,
        int beginLine, int beginColumn, int endLine, int endColumn) {

    /** Validates the point. */
    public MutationPoint {
        if (regionId == null || regionId.isBlank()) {
            throw new IllegalArgumentException("regionId must not be blank, was " + regionId);
        }
        Objects.requireNonNull(kind, "kind must not be null");
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative, was " + index);
        }
        if (nodeType == null || nodeType.isBlank()) {
            throw new IllegalArgumentException("nodeType must not be blank, was " + nodeType);
        }
        if (beginLine < 1 || endLine < beginLine || beginColumn < 1 || endColumn < 1) {
            throw new IllegalArgumentException("range must be 1-based with beginLine <= endLine, was "
                    + beginLine + ":" + beginColumn + ".." + endLine + ":" + endColumn);
        }
    }

    /** Returns a stable id such as {@code com.acme.Report#render(List)@LOOP[0]}. */
    public String id() {
        return regionId + "@" + kind + "[" + index + "]";
    }

    /**
     * Finds this point's node in a parse of the region's compilation unit (the same or a later one).
     *
     * @return the node, or empty when the region or the point is gone
     */
    public Optional<Node> locate(CompilationUnit unit) {
        return MutationPointFinder.locate(unit, this);
    }
}
