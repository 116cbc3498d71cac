package dev.ouroboros.mutation.internal;

import com.github.javaparser.JavaToken;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.observer.ObservableProperty;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes the text of an edit that only rearranges whole statements — deletes, copies, replaces,
 * swaps and inserts statements in blocks or in statement slots — straight into the original text,
 * without any printer: the path of the genetic-improvement statement edits, most of the candidates.
 *
 * <p>For every block whose statement list changed, the statements that stay where they were keep
 * their text and the whitespace between them byte-for-byte; a removed statement takes its line with
 * it when it stood alone on it; a statement put in a gap is written on its own line with the
 * indentation of its neighbour. A statement that is an unchanged copy of a statement of the original
 * (a copied or moved donor) is written as that statement's original text; a new one (a
 * {@code break;}, a guard) is pretty-printed. A changed binary or unary operator is written over its
 * own token. Any other kind of change (an expression, a name, a list outside a block) answers empty:
 * the caller prints lexically instead.
 */
final class StatementListText {

    private final String original;
    private final Map<JavaToken, Integer> offsets;
    private final Map<Statement, Statement> toPristine;
    private final Function<Node, Optional<Statement>> pristineCopyOf;
    private final String eol;

    StatementListText(String original, Map<JavaToken, Integer> offsets, Map<Statement, Statement> toPristine,
            Function<Node, Optional<Statement>> pristineCopyOf) {
        this.original = original;
        this.offsets = offsets;
        this.toPristine = toPristine;
        this.pristineCopyOf = pristineCopyOf;
        this.eol = original.contains("\r\n") ? "\r\n" : "\n";
    }

    private record Span(int from, int to, String text) {
    }

    private record Slot(Node owner, ObservableProperty property) {
    }

    /**
     * A rewritten text: equal to the original before {@code from} and, counted from the end, after
     * {@code to} of the original.
     */
    record Spliced(String text, int from, int to) {
    }

    /** Returns the new unit text for the logged edit, or empty when it is not a pure statement rearrangement. */
    Optional<Spliced> text(List<ChangeLog.Event> events, java.util.Set<Node> originals) {
        Map<NodeList<?>, BlockStmt> lists = new IdentityHashMap<>();
        Map<Slot, Statement> slots = new LinkedHashMap<>();
        List<NodeList<?>> listOrder = new ArrayList<>();
        Map<Node, Object> operators = new LinkedHashMap<>();
        for (ChangeLog.Event e : events) {
            if (e.owner() == null || !originals.contains(e.owner())) {
                continue; // a change inside a node the edit created: printed with that node
            }
            if (e.kind() == ChangeLog.Kind.PROPERTY && e.property() == ObservableProperty.OPERATOR
                    && (e.owner() instanceof BinaryExpr || e.owner() instanceof UnaryExpr)) {
                operators.putIfAbsent(e.owner(), e.before());
                continue;
            }
            if (!(e.owner() instanceof Statement owner) || !toPristine.containsKey(owner)) {
                return Optional.empty();
            }
            if (e.kind() == ChangeLog.Kind.PROPERTY) {
                if (!(e.before() instanceof Statement) && e.before() != null
                        || !(e.after() instanceof Statement) && e.after() != null) {
                    return Optional.empty();
                }
                Node pristineOwner = toPristine.get(owner);
                Node was = e.property().getValueAsSingleReference(pristineOwner);
                if (!(was instanceof Statement wasStatement) || wasStatement.getTokenRange().isEmpty()) {
                    return Optional.empty();
                }
                slots.putIfAbsent(new Slot(owner, e.property()), wasStatement);
            } else if (owner instanceof BlockStmt block) {
                if (!lists.containsKey(e.list())) {
                    lists.put(e.list(), block);
                    listOrder.add(e.list());
                }
            } else {
                return Optional.empty();
            }
        }
        List<Span> spans = new ArrayList<>();
        for (NodeList<?> list : listOrder) {
            if (!block(lists.get(list), spans)) {
                return Optional.empty();
            }
        }
        for (Map.Entry<Slot, Statement> slot : slots.entrySet()) {
            Node now = slot.getKey().property().getValueAsSingleReference(slot.getKey().owner());
            if (!(now instanceof Statement statement)) {
                return Optional.empty();
            }
            if (toPristine.get(statement) == slot.getValue()) {
                continue; // back in its place
            }
            if (slot.getValue().getComment().isPresent() || statement.getComment().isPresent()) {
                return Optional.empty();
            }
            int from = start(slot.getValue());
            // An emptied slot reads as the lexical printer writes a new empty block: braces on two lines.
            String text = isEmptyBlock(statement) && pristineCopyOf.apply(statement).isEmpty()
                    ? "{" + eol + lineIndent(from) + "}" : textOf(statement);
            spans.add(new Span(from, end(slot.getValue()), indentLines(text, indentBefore(from))));
        }
        for (Map.Entry<Node, Object> op : operators.entrySet()) {
            if (!operatorSpan(op.getKey(), op.getValue(), spans)) {
                return Optional.empty();
            }
        }
        if (spans.isEmpty()) {
            return Optional.of(new Spliced(original, 0, 0));
        }
        spans.sort(Comparator.comparingInt(Span::from));
        StringBuilder out = new StringBuilder(original.length() + 256);
        int at = 0;
        for (Span s : spans) {
            if (s.from() < at) {
                return Optional.empty(); // overlapping edits: one inside a statement another edit removed
            }
            out.append(original, at, s.from()).append(s.text());
            at = s.to();
        }
        return Optional.of(new Spliced(out.append(original, at, original.length()).toString(), spans.get(0).from(), at));
    }

    /**
     * Writes a changed binary or unary operator over its token: the operands stay byte-for-byte. False
     * when the operator token cannot be found between the operands, or a unary operator moved from
     * before its operand to after it (or back).
     */
    private boolean operatorSpan(Node owner, Object was, List<Span> spans) {
        String before;
        String now;
        JavaToken from;
        JavaToken to;
        if (owner instanceof BinaryExpr b && was instanceof BinaryExpr.Operator old) {
            if (b.getOperator() == old) {
                return true;
            }
            before = old.asString();
            now = b.getOperator().asString();
            from = b.getLeft().getTokenRange().map(r -> r.getEnd()).orElse(null);
            to = b.getRight().getTokenRange().map(r -> r.getBegin()).orElse(null);
        } else if (owner instanceof UnaryExpr u && was instanceof UnaryExpr.Operator old) {
            if (u.getOperator() == old) {
                return true;
            }
            if (u.getOperator().isPrefix() != old.isPrefix() || owner.getTokenRange().isEmpty()
                    || u.getExpression().getTokenRange().isEmpty()) {
                return false;
            }
            before = old.asString();
            now = u.getOperator().asString();
            from = old.isPrefix() ? owner.getTokenRange().get().getBegin()
                    : u.getExpression().getTokenRange().get().getEnd();
            to = old.isPrefix() ? u.getExpression().getTokenRange().get().getBegin()
                    : owner.getTokenRange().get().getEnd();
            if (old.isPrefix()) {
                from = from.getPreviousToken().orElse(null);
            } else {
                to = to.getNextToken().orElse(null);
            }
        } else {
            return false;
        }
        if (from == null || to == null) {
            return false;
        }
        for (JavaToken t = from.getNextToken().orElse(null); t != null && t != to; t = t.getNextToken().orElse(null)) {
            if (t.getText().equals(before)) {
                Integer at = offsets.get(t);
                if (at == null) {
                    return false;
                }
                spans.add(new Span(at, at + before.length(), now));
                return true;
            }
        }
        return false;
    }

    private boolean block(BlockStmt block, List<Span> spans) {
        if (!(toPristine.get(block) instanceof BlockStmt pristineBlock)) {
            return false;
        }
        List<Statement> before = pristineBlock.getStatements();
        List<Statement> after = block.getStatements();
        if (before.isEmpty()) {
            return false;
        }
        int last = -1;
        List<Statement> pending = new ArrayList<>();
        for (Statement s : after) {
            Statement origin = toPristine.get(s);
            int j = origin == null ? -1 : indexOf(before, origin);
            if (j > last) {
                if (!gap(before, last, j, pending, spans)) {
                    return false;
                }
                pending.clear();
                last = j;
            } else {
                pending.add(s);
            }
        }
        return gap(before, last, before.size(), pending, spans);
    }

    /**
     * Writes the change between kept statements {@code a} and {@code b} (exclusive); false when a
     * statement removed or added there carries a comment, which lies outside its text (the lexical
     * printer moves the two together).
     */
    private boolean gap(List<Statement> before, int a, int b, List<Statement> added, List<Span> spans) {
        if (b - a == 1 && added.isEmpty()) {
            return true;
        }
        for (int i = a + 1; i < b; i++) {
            if (before.get(i).getComment().isPresent()) {
                return false;
            }
        }
        for (Statement s : added) {
            if (s.getComment().isPresent()) {
                return false;
            }
        }
        if (b < before.size() && before.get(b).getComment().isPresent()) {
            return false; // the gap would open between that statement and its comment
        }
        if (b - a > 1) {
            Statement first = before.get(a + 1);
            Statement lastRemoved = before.get(b - 1);
            int from = start(first);
            int to = end(lastRemoved);
            String indent = indentBefore(from);
            int lineEnd = lineEndAfter(to);
            if (indent != null && lineEnd >= 0) {
                int lineStart = from - indent.length();
                String text = added.isEmpty() ? "" : indent + join(added, indent) + eol;
                spans.add(new Span(lineStart, lineEnd, text));
            } else {
                spans.add(new Span(from, to, added.isEmpty() ? "" : join(added, null)));
            }
            return true;
        }
        if (b < before.size()) {
            int at = start(before.get(b));
            String indent = indentBefore(at);
            spans.add(new Span(at, at, indent != null ? join(added, indent) + eol + indent : join(added, null) + " "));
        } else {
            int at = end(before.get(a));
            String indent = indentBefore(start(before.get(a)));
            spans.add(new Span(at, at, indent != null ? eol + indent + join(added, indent) : " " + join(added, null)));
        }
        return true;
    }

    private String join(List<Statement> statements, String indent) {
        StringBuilder out = new StringBuilder();
        for (Statement s : statements) {
            if (out.length() > 0) {
                out.append(indent != null ? eol + indent : " ");
            }
            out.append(indent != null ? indentLines(textOf(s), indent) : textOf(s));
        }
        return out.toString();
    }

    /**
     * The text of a statement put somewhere, its lines after the first indented relative to its first:
     * the original text of an unchanged copy, else a pretty print.
     */
    private String textOf(Statement s) {
        Optional<Statement> same = pristineCopyOf.apply(s);
        if (same.isPresent() && same.get().equals(s)) {
            int from = start(same.get());
            String text = original.substring(from, end(same.get()));
            String indent = indentBefore(from);
            return indent == null || indent.isEmpty() ? text : text.replace(eol + indent, eol);
        }
        return s.toString().replace("\r\n", "\n").replace("\n", eol);
    }

    private static boolean isEmptyBlock(Statement s) {
        return s instanceof BlockStmt b && b.getStatements().isEmpty() && b.getOrphanComments().isEmpty()
                && b.getComment().isEmpty();
    }

    /** The blanks that start the line holding {@code at}. */
    private String lineIndent(int at) {
        int start = original.lastIndexOf('\n', at - 1) + 1;
        int i = start;
        while (i < at && (original.charAt(i) == ' ' || original.charAt(i) == '\t')) {
            i++;
        }
        return original.substring(start, i);
    }

    private String indentLines(String text, String indent) {
        return indent == null ? text : text.replace(eol, eol + indent);
    }

    private static int indexOf(List<Statement> list, Statement s) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == s) {
                return i;
            }
        }
        return -1;
    }

    private int start(Statement pristine) {
        return offsets.get(pristine.getTokenRange().orElseThrow().getBegin());
    }

    private int end(Statement pristine) {
        JavaToken last = pristine.getTokenRange().orElseThrow().getEnd();
        return offsets.get(last) + last.getText().length();
    }

    /** The blanks between the line start and {@code at}, or null when something else stands there. */
    private String indentBefore(int at) {
        int i = at;
        while (i > 0 && (original.charAt(i - 1) == ' ' || original.charAt(i - 1) == '\t')) {
            i--;
        }
        return i == 0 || original.charAt(i - 1) == '\n' ? original.substring(i, at) : null;
    }

    /** The offset after the line end that follows {@code at} across blanks, or -1 when something else follows. */
    private int lineEndAfter(int at) {
        int i = at;
        while (i < original.length() && (original.charAt(i) == ' ' || original.charAt(i) == '\t')) {
            i++;
        }
        if (i < original.length() && original.charAt(i) == '\r' && i + 1 < original.length()
                && original.charAt(i + 1) == '\n') {
            return i + 2;
        }
        if (i < original.length() && original.charAt(i) == '\n') {
            return i + 1;
        }
        return -1;
    }
}
