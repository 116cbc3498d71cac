package dev.ouroboros.mutation.internal;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.observer.ObservableProperty;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes an edit that only puts other expressions into expression slots — a condition negated or
 * un-negated, the operands of a {@code &&} swapped — straight into the original text, without the
 * lexical printer: the text of every changed slot's old expression is replaced by the new one's.
 *
 * <p>The new expression is written the way the lexical-preserving printer writes it: an expression
 * of the original (moved, not changed inside) as its exact original text, a new negation or other
 * prefix operator as the operator followed by its operand, new parentheses around their content.
 * Anything else — another kind of new node, a comment on a moved or replaced expression, a change
 * inside a moved expression, a slot other than an expression of a condition, {@code ?:}, unary or
 * binary expression — answers empty and the caller prints the statement lexically as before. The
 * new text of each changed owner expression (or, for a statement's condition, of the condition) is
 * checked to parse: an expression of the same precedence as the one it replaces, so the statement
 * around it parses as before.
 */
final class ExpressionText {

    private final String original;
    private final Map<JavaToken, Integer> offsets;
    private final JavaParser checker;

    ExpressionText(String original, Map<JavaToken, Integer> offsets, JavaParser checker) {
        this.original = original;
        this.offsets = offsets;
        this.checker = checker;
    }

    private record Slot(Node owner, ObservableProperty property) {
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
            if (e.kind() != ChangeLog.Kind.PROPERTY || !(e.before() instanceof Expression was)
                    || !(e.after() instanceof Expression) || !supported(e.owner(), e.property())) {
                return Optional.empty();
            }
            slots.putIfAbsent(new Slot(e.owner(), e.property()), was);
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
            Node now = slot.getKey().property().getValueAsSingleReference(slot.getKey().owner());
            if (now == was) {
                continue; // back in its place
            }
            StringBuilder text = new StringBuilder();
            if (now == null || !write(now, originals, slots.keySet(), text)) {
                return Optional.empty();
            }
            int[] r = range(was);
            Span span = new Span(r[0], r[1], text.toString());
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

    /** The slots written here: conditions of statements and {@code ?:}, operands of unary and binary expressions. */
    private static boolean supported(Node owner, ObservableProperty property) {
        if (owner instanceof IfStmt || owner instanceof WhileStmt || owner instanceof DoStmt
                || owner instanceof ConditionalExpr) {
            return property == ObservableProperty.CONDITION;
        }
        if (owner instanceof ForStmt) {
            return property == ObservableProperty.COMPARE;
        }
        if (owner instanceof BinaryExpr) {
            return property == ObservableProperty.LEFT || property == ObservableProperty.RIGHT;
        }
        return owner instanceof UnaryExpr && property == ObservableProperty.EXPRESSION;
    }

    /**
     * Writes {@code node} as the lexical printer would: an unchanged expression of the original as its
     * text, a new prefix operator or parentheses around what they hold. False for anything else.
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
        if (node instanceof UnaryExpr u && u.getOperator().isPrefix()) {
            out.append(u.getOperator().asString());
            return write(u.getExpression(), originals, changed, out);
        }
        if (node instanceof EnclosedExpr e) {
            out.append('(');
            if (!write(e.getInner(), originals, changed, out)) {
                return false;
            }
            out.append(')');
            return true;
        }
        return false;
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
