package dev.ouroboros.mutation.internal;

import com.github.javaparser.JavaToken;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.LineComment;
import com.github.javaparser.ast.observer.ObservableProperty;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
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
 * swaps and inserts statements in blocks, in the statement groups of {@code switch} cases
 * ({@code case X:}) or in statement slots — straight into the original text, without any printer:
 * the path of the genetic-improvement statement edits, most of the candidates.
 *
 * <p>For every block or case whose statement list changed, the statements that stay where they were
 * keep their text and the whitespace between them byte-for-byte; a removed statement takes its line
 * with it when it stood alone on it; a statement put in a gap is written on its own line with the
 * indentation of its neighbour. A statement that is an unchanged copy of a statement of the original
 * (a copied or moved donor) is written as that statement's original text; a new one (a
 * {@code break;}, a guard) is pretty-printed. A changed binary or unary operator is written over its
 * own token.
 *
 * <p>Comments: a statement's own comment (the one JavaParser attributes to it: the comment just
 * before it, or one after it on its line) goes with it when the statement is removed; a statement
 * put before another goes before that one's comment, a statement put after another after that one's
 * trailing comment; a statement moved takes the comment before it along, a copied one is written
 * without (it is about the original place); a comment of a statement replaced in a slot stays where
 * it was. Other comments are text the edit does not touch.
 *
 * <p>Any other kind of change (an expression, a name, a list outside a block or case, the statement
 * of an arrow case {@code case X ->}) answers empty: the caller prints lexically instead.
 */
final class StatementListText {

    private final String original;
    private final Map<JavaToken, Integer> offsets;
    private final Map<Statement, Statement> toPristine;
    private final Map<SwitchEntry, SwitchEntry> entryToPristine;
    private final Function<Node, Optional<Node>> pristineCopyOf;
    private final String eol;

    StatementListText(String original, Map<JavaToken, Integer> offsets, Map<Statement, Statement> toPristine,
            Map<SwitchEntry, SwitchEntry> entryToPristine, Function<Node, Optional<Node>> pristineCopyOf) {
        this.original = original;
        this.offsets = offsets;
        this.toPristine = toPristine;
        this.entryToPristine = entryToPristine;
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
        Map<NodeList<?>, Node> lists = new IdentityHashMap<>();
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
            if (e.kind() != ChangeLog.Kind.PROPERTY && e.owner() instanceof SwitchEntry entry
                    && entryToPristine.containsKey(entry) && e.list() == entry.getStatements()) {
                if (!lists.containsKey(e.list())) {
                    lists.put(e.list(), entry);
                    listOrder.add(e.list());
                }
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
     * Writes a changed binary or unary operator over its token: the operands stay byte-for-byte. A
     * unary operator that moves from before its operand to after it ({@code ++i} to {@code i--}) or
     * back is written with the operand's original text. A blank keeps a sign from fusing with a sign
     * next to it ({@code a+-b} to {@code a+ +b}, not {@code a++b}). False when the operator token
     * cannot be found between the operands.
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
            if (owner.getTokenRange().isEmpty() || u.getExpression().getTokenRange().isEmpty()) {
                return false;
            }
            if (u.getOperator().isPrefix() != old.isPrefix()) {
                return movedUnary(u, spans);
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
                spans.add(new Span(at, at + before.length(), apart(original, at, now, at + before.length())));
                return true;
            }
        }
        return false;
    }

    /** Writes a unary expression whose operator moved to the other side of its operand. */
    private boolean movedUnary(UnaryExpr u, List<Span> spans) {
        TokenRange whole = u.getTokenRange().orElseThrow();
        TokenRange operand = u.getExpression().getTokenRange().orElseThrow();
        Integer from = offsets.get(whole.getBegin());
        Integer to = offsets.get(whole.getEnd());
        Integer operandFrom = offsets.get(operand.getBegin());
        Integer operandTo = offsets.get(operand.getEnd());
        if (from == null || to == null || operandFrom == null || operandTo == null) {
            return false;
        }
        String operandText = original.substring(operandFrom, operandTo + operand.getEnd().getText().length());
        String op = u.getOperator().asString();
        int end = to + whole.getEnd().getText().length();
        spans.add(new Span(from, end, apart(original, from, u.getOperator().isPrefix() ? op + operandText : operandText + op, end)));
        return true;
    }

    /**
     * Returns {@code text} to be written over {@code [from, to)} of the original, with a blank before or
     * after it where its first or last sign would otherwise fuse with the sign next to it into another
     * token ({@code +} and {@code +} into {@code ++}).
     */
    static String apart(String original, int from, String text, int to) {
        String out = text;
        if (!out.isEmpty() && from > 0 && isSign(out.charAt(0)) && isSign(original.charAt(from - 1))) {
            out = " " + out;
        }
        if (!out.isEmpty() && to < original.length() && isSign(out.charAt(out.length() - 1)) && isSign(original.charAt(to))) {
            out = out + " ";
        }
        return out;
    }

    private static boolean isSign(char c) {
        return c == '+' || c == '-';
    }

    /** Writes the changes of one block's or one case's statement list; false when it cannot. */
    private boolean block(Node owner, List<Span> spans) {
        List<Statement> before;
        List<Statement> after;
        if (owner instanceof BlockStmt block && toPristine.get(block) instanceof BlockStmt pristineBlock) {
            before = pristineBlock.getStatements();
            after = block.getStatements();
        } else if (owner instanceof SwitchEntry entry && entryToPristine.containsKey(entry)
                && entryToPristine.get(entry).getType() == SwitchEntry.Type.STATEMENT_GROUP
                && entry.getType() == SwitchEntry.Type.STATEMENT_GROUP) {
            // An arrow case holds exactly one statement, which must stay: only "case X:" groups.
            before = entryToPristine.get(entry).getStatements();
            after = entry.getStatements();
        } else {
            return false;
        }
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
     * Writes the change between kept statements {@code a} and {@code b} (exclusive): removed statements
     * go with their comments, added ones go before {@code b}'s comment or after {@code a}'s trailing
     * one. False when a comment's place in the text is not known, or the only place left for an added
     * statement is after a line comment on the same line.
     */
    private boolean gap(List<Statement> before, int a, int b, List<Statement> added, List<Span> spans) {
        if (b - a == 1 && added.isEmpty()) {
            return true;
        }
        if (b - a > 1) {
            Statement first = before.get(a + 1);
            Statement lastRemoved = before.get(b - 1);
            int from = extentStart(first);
            int to = extentEnd(lastRemoved);
            if (from < 0 || to < 0) {
                return false;
            }
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
            int at = extentStart(before.get(b));
            if (at < 0) {
                return false;
            }
            String indent = indentBefore(at);
            spans.add(new Span(at, at, indent != null ? join(added, indent) + eol + indent : join(added, null) + " "));
        } else {
            Statement kept = before.get(a);
            int at = extentEnd(kept);
            String indent = indentBefore(start(kept));
            if (at < 0 || indent == null && endsInLineComment(kept)) {
                return false; // written on the same line, the statement would be part of the comment
            }
            spans.add(new Span(at, at, indent != null ? eol + indent + join(added, indent) : " " + join(added, null)));
        }
        return true;
    }

    /** Where a statement of the original starts together with a comment of its own before it; -1 when unknown. */
    private int extentStart(Statement pristine) {
        int from = start(pristine);
        Optional<Comment> comment = pristine.getComment();
        if (comment.isEmpty()) {
            return from;
        }
        Integer at = comment.get().getTokenRange().map(r -> offsets.get(r.getBegin())).orElse(null);
        return at == null ? -1 : Math.min(at, from);
    }

    /** Where a statement of the original ends together with a comment of its own after it; -1 when unknown. */
    private int extentEnd(Statement pristine) {
        int to = end(pristine);
        Optional<Comment> comment = pristine.getComment();
        if (comment.isEmpty()) {
            return to;
        }
        JavaToken last = comment.get().getTokenRange().map(r -> r.getEnd()).orElse(null);
        Integer at = last == null ? null : offsets.get(last);
        return at == null ? -1 : Math.max(at + last.getText().length(), to);
    }

    /** True when the statement's own comment stands before it. */
    private boolean commentBefore(Statement pristine) {
        return pristine.getComment().isPresent() && extentStart(pristine) >= 0 && extentStart(pristine) < start(pristine);
    }

    /** True when the statement's own comment is a line comment after it: nothing but a line end may follow. */
    private boolean endsInLineComment(Statement pristine) {
        return pristine.getComment().filter(c -> c instanceof LineComment).isPresent() && extentEnd(pristine) > end(pristine);
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
        Statement origin = toPristine.get(s);
        Optional<Statement> same = origin != null ? Optional.of(origin)
                : pristineCopyOf.apply(s).map(Statement.class::cast); // same class as s
        if (same.isPresent() && same.get().equals(s)) {
            // A statement moved takes a comment of its own before it along; a copy goes without it.
            int from = origin != null && commentBefore(origin) ? extentStart(origin) : start(same.get());
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
