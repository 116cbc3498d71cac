package dev.ouroboros.mutation.internal;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.observer.ObservableProperty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes an edit that only puts other expressions into expression slots — a condition negated or
 * un-negated, the operands of a {@code &&} swapped, {@code x * 8} replaced by {@code (x << 3)}, an
 * operation on constants by its value, an argument replaced — straight into the original text,
 * without the lexical printer: the text of every changed slot's old expression is replaced by the new
 * one's.
 *
 * <p>The new expression is written the way the lexical-preserving printer writes it: an expression
 * of the original (moved, not changed inside) and an unchanged copy of one as that expression's exact
 * original text; a new unary, binary or cast expression or new parentheses as the pretty printer
 * writes them ({@code a << 3}, {@code (double) x}), around the text of what they hold; any other new
 * expression that holds nothing of the original as the pretty printer writes it. Anything else — a
 * comment on a moved or replaced expression, a change inside a moved expression, another kind of new
 * node holding original expressions, a slot whose old value is not an expression of the original —
 * answers empty and the caller prints the statement lexically as before. The new text of each
 * changed owner expression (or, for a slot of a statement or declaration, of the slot alone) is
 * checked to parse.
 */
final class ExpressionText {

    private final String original;
    private final Map<JavaToken, Integer> offsets;
    private final String eol;
    private final JavaParser checker;
    private final Function<Node, Optional<Node>> pristineCopyOf;

    ExpressionText(String original, Map<JavaToken, Integer> offsets, JavaParser checker,
            Function<Node, Optional<Node>> pristineCopyOf) {
        this.original = original;
        this.offsets = offsets;
        this.checker = checker;
        this.pristineCopyOf = pristineCopyOf;
        this.eol = original.contains("\r\n") ? "\r\n" : "\n";
    }

    /** A place an expression sits in: a property of its owner, or an element of one of its owner's lists. */
    private record Slot(Node owner, ObservableProperty property, NodeList<?> list, int index) {

        Node value() {
            if (list == null) {
                return property.getValueAsSingleReference(owner);
            }
            return index < list.size() ? list.get(index) : null;
        }
    }

    private record Span(int from, int to, String text) {
    }

    /** Returns the new unit text for the logged edit, or empty when it is not a pure expression-slot edit. */
    Optional<StatementListText.Spliced> text(List<ChangeLog.Event> events, Set<Node> originals) {
        Map<Slot, Node> slots = new LinkedHashMap<>();
        for (ChangeLog.Event e : events) {
            if (e.owner() == null || !originals.contains(e.owner())) {
                continue; // a change inside a node the edit created: written with that node
            }
            if (!(e.before() instanceof Expression was) || !(e.after() instanceof Expression)) {
                return Optional.empty();
            }
            if (e.kind() == ChangeLog.Kind.PROPERTY) {
                slots.putIfAbsent(new Slot(e.owner(), e.property(), null, -1), was);
            } else if (e.kind() == ChangeLog.Kind.REPLACED) {
                slots.putIfAbsent(new Slot(e.owner(), null, e.list(), e.index()), was);
            } else {
                return Optional.empty();
            }
        }
        if (slots.isEmpty()) {
            return Optional.empty();
        }
        List<Span> spans = new ArrayList<>();
        Map<Node, List<Span>> byOwner = new LinkedHashMap<>();
        for (Map.Entry<Slot, Node> slot : slots.entrySet()) {
            Node was = slot.getValue();
            if (!originals.contains(was) || was.getComment().isPresent() || range(was) == null) {
                return Optional.empty();
            }
            Node now = slot.getKey().value();
            if (now == was) {
                continue; // back in its place
            }
            StringBuilder text = new StringBuilder();
            if (now == null || !write(now, originals, slots.keySet(), text)) {
                return Optional.empty();
            }
            int[] r = range(was);
            Span span = new Span(r[0], r[1], StatementListText.apart(original, r[0], text.toString(), r[1]));
            spans.add(span);
            byOwner.computeIfAbsent(slot.getKey().owner(), k -> new ArrayList<>()).add(span);
        }
        if (spans.isEmpty()) {
            return Optional.of(new StatementListText.Spliced(original, 0, 0));
        }
        for (Map.Entry<Node, List<Span>> owner : byOwner.entrySet()) {
            if (!parses(owner.getKey(), owner.getValue())) {
                return Optional.empty();
            }
        }
        spans.sort(Comparator.comparingInt(Span::from));
        String spliced = apply(0, original.length(), spans);
        if (spliced == null) {
            return Optional.empty();
        }
        return Optional.of(new StatementListText.Spliced(spliced, spans.get(0).from(),
                spans.get(spans.size() - 1).to()));
    }

    /**
     * Writes {@code node} as the lexical printer would: an unchanged expression of the original, or an
     * unchanged copy of one, as its text; a new unary, binary or cast expression or new parentheses
     * around the text of what they hold; a new expression holding nothing of the original as the
     * pretty printer writes it. False for anything else.
     */
    private boolean write(Node node, Set<Node> originals, Set<Slot> changed, StringBuilder out) {
        if (node.getComment().isPresent()) {
            return false;
        }
        if (originals.contains(node)) {
            for (Slot s : changed) {
                if (s.owner() == node || RegionScope.isAncestor(node, s.owner())) {
                    return false; // a moved expression that was itself changed inside
                }
            }
            int[] r = range(node);
            if (r == null) {
                return false;
            }
            out.append(original, r[0], r[1]);
            return true;
        }
        // A copy of an original expression (Node.clone keeps its tokens) is written as its text while unchanged.
        Optional<Node> same = pristineCopyOf.apply(node);
        int[] copied = same.isPresent() && same.get().equals(node) ? range(same.get()) : null;
        if (copied != null) {
            out.append(original, copied[0], copied[1]);
            return true;
        }
        if (node instanceof UnaryExpr u) {
            if (u.getOperator().isPrefix()) {
                out.append(u.getOperator().asString());
                return write(u.getExpression(), originals, changed, out);
            }
            if (!write(u.getExpression(), originals, changed, out)) {
                return false;
            }
            out.append(u.getOperator().asString());
            return true;
        }
        if (node instanceof EnclosedExpr e) {
            out.append('(');
            if (!write(e.getInner(), originals, changed, out)) {
                return false;
            }
            out.append(')');
            return true;
        }
        if (node instanceof BinaryExpr b) {
            if (!write(b.getLeft(), originals, changed, out)) {
                return false;
            }
            out.append(' ').append(b.getOperator().asString()).append(' ');
            return write(b.getRight(), originals, changed, out);
        }
        if (node instanceof CastExpr c && holdsNothingOriginal(c.getType(), originals)) {
            out.append('(').append(c.getType()).append(") ");
            return write(c.getExpression(), originals, changed, out);
        }
        if (holdsNothingOriginal(node, originals)) {
            out.append(node.toString().replace("\r\n", "\n").replace("\n", eol));
            return true;
        }
        return false;
    }

    /**
     * True when no node of the subtree is a node of the original or a copy of one (its tokens are the
     * original's), nor carries a comment.
     */
    private boolean holdsNothingOriginal(Node node, Set<Node> originals) {
        return node.findFirst(Node.class, n -> originals.contains(n) || n.getComment().isPresent()
                || n.getTokenRange().filter(r -> offsets.containsKey(r.getBegin())).isPresent()).isEmpty();
    }

    /**
     * Checks that the owner's new text parses as an expression: the whole unary, binary or {@code ?:}
     * expression, or the condition alone for a statement (it stands between parentheses or semicolons).
     */
    private boolean parses(Node owner, List<Span> spans) {
        if (owner instanceof Expression) {
            int[] r = range(owner);
            if (r == null) {
                return false;
            }
            List<Span> sorted = new ArrayList<>(spans);
            sorted.sort(Comparator.comparingInt(Span::from));
            String text = apply(r[0], r[1], sorted);
            return text != null && checker.parseExpression(text).isSuccessful();
        }
        for (Span s : spans) {
            if (!checker.parseExpression(s.text()).isSuccessful()) {
                return false;
            }
        }
        return true;
    }

    /** The original text between {@code from} and {@code to} with the spans written in; null when spans overlap. */
    private String apply(int from, int to, List<Span> spans) {
        StringBuilder out = new StringBuilder(to - from + 64);
        int at = from;
        for (Span s : spans) {
            if (s.from() < at || s.to() > to) {
                return null;
            }
            out.append(original, at, s.from()).append(s.text());
            at = s.to();
        }
        return out.append(original, at, to).toString();
    }

    /** The node's offsets {begin, end} in the original, or null when its tokens are not placed. */
    private int[] range(Node node) {
        if (node.getTokenRange().isEmpty()) {
            return null;
        }
        JavaToken first = node.getTokenRange().get().getBegin();
        JavaToken last = node.getTokenRange().get().getEnd();
        Integer from = offsets.get(first);
        Integer end = offsets.get(last);
        return from == null || end == null ? null : new int[] {from, end + last.getText().length()};
    }
}
