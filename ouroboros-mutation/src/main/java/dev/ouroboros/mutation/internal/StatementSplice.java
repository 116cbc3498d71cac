package dev.ouroboros.mutation.internal;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.observer.ObservableProperty;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Edits one member of a compilation unit without any parse per edit: the mutator's fastest path.
 *
 * <p>Once per region, the member of the shared unit parse is copied ({@code Node.clone} keeps the
 * token ranges, so the copy knows where each of its nodes sits in the original text). Per edit, the
 * copy hangs under the member's type (operators still see imports and types), a {@link ChangeLog}
 * records every change, and the edit runs. Then:
 *
 * <ol>
 *   <li>an edit that only rearranges whole statements (in blocks and {@code case} groups, comments
 *       included) or changes an operator is written straight into the original text by {@link
 *       StatementListText}, an edit that only puts other expressions in condition slots by {@link
 *       ExpressionText}, and undone from the log, in reverse order; the children of every changed
 *       node are put back in source order;
 *   <li>any other edit: the copy takes the member's place in its type, the smallest original
 *       statement holding every change is put back as a fresh copy of the pristine member's statement, that statement alone is set up for
 *       lexical-preserving printing, the same edit runs again (it is deterministic: same tree, same
 *       seeded random), the statement alone is printed, checked to parse, and spliced into the
 *       original text between its exact offsets; a fresh copy is put back once more.
 * </ol>
 *
 * <p>Finally the copy leaves the unit. No parse of the member or unit happens per edit. Text
 * outside the rewritten statements is the original byte-for-byte by construction. When anything is
 * not certain (a change outside the body, a second run that changes other nodes, a print that
 * throws or does not parse) {@link #edit} answers {@link Outcome#UNSURE} and the caller takes a
 * slower path; when an undo cannot be proven exact, the member is copied afresh.
 */
public final class StatementSplice {

    /** What one edit gave. */
    public enum Outcome {
        /** The edit was spliced: {@link Result#text()} is the new unit text. */
        SPLICED,
        /** The edit changed nothing. */
        UNCHANGED,
        /** This path cannot vouch for the result; take a slower one. */
        UNSURE
    }

    /**
     * One edit's result.
     *
     * @param outcome   what happened, never null
     * @param text      the new unit text when spliced, else null
     * @param from      offset in the original where the replaced text starts (when spliced)
     * @param oldEnd    offset in the original where the replaced text ends (when spliced)
     * @param printed   whether the changed statement was printed lexically (else written as text)
     */
    public record Result(Outcome outcome, String text, int from, int oldEnd, boolean printed) {

        static final Result UNCHANGED = new Result(Outcome.UNCHANGED, null, 0, 0, false);
        static final Result UNSURE = new Result(Outcome.UNSURE, null, 0, 0, false);
    }

    private final String original;
    private final BodyDeclaration<?> pristine;
    private BodyDeclaration<?> work;
    private BlockStmt workBody;
    private final Map<JavaToken, Integer> offsets;
    private final Map<Statement, Statement> toPristine = new IdentityHashMap<>();
    private final Map<SwitchEntry, SwitchEntry> entryToPristine = new IdentityHashMap<>();
    private final Set<Node> originals = Collections.newSetFromMap(new IdentityHashMap<>());
    private Map<JavaToken, List<Node>> pristineByBegin;
    private final StatementListText listText;
    private final ExpressionText expressionText;
    private final ChangeLog log = new ChangeLog();
    private final JavaParser checker;

    private StatementSplice(String original, BodyDeclaration<?> pristine, Map<JavaToken, Integer> offsets,
            ParserConfiguration.LanguageLevel level, boolean expressions) {
        this.original = original;
        this.pristine = pristine;
        this.offsets = offsets;
        this.listText = new StatementListText(original, offsets, toPristine, entryToPristine, this::pristineCopyOf);
        this.checker = new JavaParser(new ParserConfiguration().setLanguageLevel(level)
                .setStoreTokens(false).setAttributeComments(false));
        this.expressionText = expressions ? new ExpressionText(original, offsets, checker, this::pristineCopyOf) : null;
    }

    /**
     * Prepares edits of the member that owns {@code body}, a region body in a parse (with tokens) of
     * {@code original}, whose line index is {@code lines}. {@code expressions} false prints
     * expression-slot edits lexically instead of writing them as text (the previous path, kept for the
     * benchmark's in-run baseline and the test that both paths give the same candidates).
     *
     * @return empty when the member's tokens cannot be placed exactly in {@code original}, or its copy
     *         does not match it node for node
     */
    public static Optional<StatementSplice> of(String original, LineIndex lines, BlockStmt body,
            ParserConfiguration.LanguageLevel level, boolean expressions) {
        Optional<BodyDeclaration<?>> owner = MemberSplice.memberWithTokens(body);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        BodyDeclaration<?> member = owner.get();
        TokenRange range = member.getTokenRange().get();
        int start = MemberSplice.offsetOf(range.getBegin(), original, lines);
        Map<JavaToken, Integer> offsets = new IdentityHashMap<>();
        int at = start;
        for (JavaToken t : range) {
            String text = t.getText();
            if (!original.regionMatches(at, text, 0, text.length())) {
                return Optional.empty();
            }
            offsets.put(t, at);
            at += text.length();
        }
        StatementSplice splice = new StatementSplice(original, member, offsets, level, expressions);
        return splice.copyMember() ? Optional.of(splice) : Optional.empty();
    }

    /** Makes the working copy of the member afresh; false when it does not match the member node for node. */
    private boolean copyMember() {
        toPristine.clear();
        entryToPristine.clear();
        originals.clear();
        work = pristine.clone();
        workBody = MemberSplice.bodyOf(work).orElse(null);
        if (workBody == null || !pair(pristine, work)) {
            return false;
        }
        work.registerForSubtree(log);
        return true;
    }

    /**
     * Applies {@code edit} to the member's body and returns the new unit text. Exceptions thrown by
     * {@code edit} propagate; the unit's own member is back in place either way.
     */
    public Result edit(Consumer<BlockStmt> edit) {
        Node type = pristine.getParentNode().orElse(null);
        if (type == null) {
            return Result.UNSURE;
        }
        // The copy hangs under the member's type beside the member, not in its place: operators see the
        // imports and types around it, and the type's children keep their order. (Taking the member's
        // place moved it to the end of its type's children; putting them back in order re-attached every
        // member of the type, per edit: most of the time spent on a class with hundreds of members.)
        work.setParentNode(type);
        boolean inPlace = false;
        boolean intact = false;
        try {
            log.clear();
            edit.accept(workBody);
            if (log.isEmpty()) {
                intact = true;
                return Result.UNCHANGED;
            }
            Optional<StatementListText.Spliced> direct = listText.text(log.events(), originals);
            if (direct.isEmpty() && expressionText != null) {
                direct = expressionText.text(log.events(), originals);
            }
            if (direct.isPresent()) {
                intact = undo();
                log.clear();
                StatementListText.Spliced d = direct.get();
                return d.text().equals(original) ? Result.UNCHANGED
                        : new Result(Outcome.SPLICED, d.text(), d.from(), d.to(), false);
            }
            Optional<Statement> changed = changedStatement();
            if (changed.isEmpty()) {
                return Result.UNSURE;
            }
            Statement source = toPristine.get(changed.get());
            // The lexical printer finds a statement's indentation through the member's place in its type.
            if (!pristine.replace(work)) {
                return Result.UNSURE;
            }
            inPlace = true;
            String printed;
            try {
                printed = printAgain(edit, changed.get(), source);
            } catch (RuntimeException e) {
                // The operator ran once without failing: this is the lexical printer failing on the second run.
                return Result.UNSURE;
            }
            if (printed == null) {
                return Result.UNSURE;
            }
            intact = true;
            if (!parses(printed, source)) {
                return Result.UNSURE;
            }
            int from = offsets.get(source.getTokenRange().get().getBegin());
            JavaToken last = source.getTokenRange().get().getEnd();
            int to = offsets.get(last) + last.getText().length();
            if (to - from == printed.length() && original.regionMatches(from, printed, 0, printed.length())) {
                return Result.UNCHANGED;
            }
            return new Result(Outcome.SPLICED, original.substring(0, from) + printed + original.substring(to), from, to, true);
        } finally {
            if (inPlace) {
                work.replace(pristine);
                reorderChildren(type);
            }
            work.setParentNode(null);
            if (!intact) {
                // The edit left changes this path cannot undo one statement at a time (or threw half-way):
                // start again from a fresh copy of the whole member.
                copyMember();
            }
        }
    }

    /**
     * Puts a fresh copy of the changed statement in place, sets it up for lexical printing, runs the
     * edit again, prints the statement and puts a fresh copy back. Returns null when the second run
     * changes anything outside the statement or a copy cannot be put in place.
     */
    private String printAgain(Consumer<BlockStmt> edit, Statement changed, Statement source) {
        Statement fresh = restore(changed, source);
        if (fresh == null) {
            return null;
        }
        forgetLexicalText(work);
        LexicalPreservingPrinter.setup(fresh);
        log.clear();
        edit.accept(workBody);
        if (changedStatement().orElse(null) != fresh) {
            return null;
        }
        String printed = LexicalPreservingPrinter.print(fresh);
        forgetAncestorsLexicalText(fresh);
        if (restore(fresh, source) == null) {
            return null;
        }
        log.clear();
        return printed;
    }

    /**
     * Undoes the logged changes in reverse order, on the nodes that were there before the edit (nodes
     * the edit created go away with them). Returns false when an event cannot be undone exactly or a
     * statement put back differs from the original; the caller then copies the member afresh.
     */
    @SuppressWarnings("unchecked")
    private boolean undo() {
        List<ChangeLog.Event> events = new ArrayList<>(log.events());
        List<Node> putBack = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            ChangeLog.Event e = events.get(i);
            if (e.owner() == null || !originals.contains(e.owner())) {
                continue;
            }
            NodeList<Node> list = (NodeList<Node>) e.list();
            switch (e.kind()) {
                case ADDED -> {
                    if (e.index() >= list.size() || list.get(e.index()) != e.after()) {
                        return false;
                    }
                    list.remove(e.index());
                }
                case REMOVED -> {
                    if (e.index() > list.size()) {
                        return false;
                    }
                    list.add(e.index(), (Node) e.before());
                    putBack.add((Node) e.before());
                }
                case REPLACED -> {
                    if (e.index() >= list.size() || list.get(e.index()) != e.after()) {
                        return false;
                    }
                    list.set(e.index(), (Node) e.before());
                    putBack.add((Node) e.before());
                }
                case PROPERTY -> {
                    if (e.owner() instanceof BinaryExpr b && e.before() instanceof BinaryExpr.Operator op) {
                        b.setOperator(op);
                        continue;
                    }
                    if (e.owner() instanceof UnaryExpr u && e.before() instanceof UnaryExpr.Operator op) {
                        u.setOperator(op);
                        continue;
                    }
                    if (!(e.after() instanceof Node now) || !(e.before() instanceof Node was)
                            || !e.owner().replace(now, was)) {
                        return false;
                    }
                    putBack.add(was);
                }
                default -> throw new IllegalStateException("unknown change " + e.kind());
            }
        }
        for (Node n : putBack) {
            if (n instanceof Statement s && toPristine.containsKey(s) && !s.equals(toPristine.get(s))) {
                return false;
            }
        }
        for (ChangeLog.Event e : events) {
            if (e.owner() != null && originals.contains(e.owner())) {
                reorderChildren(e.owner());
            }
        }
        return true;
    }

    /**
     * Puts a node's children back in source order. JavaParser keeps a node's children in the order
     * they were attached, and operators find their points by walking that order: a statement put
     * back by an undo or a restore would otherwise come last, and point n would name another
     * statement in the next edit.
     */
    private static void reorderChildren(Node parent) {
        List<Node> children = new ArrayList<>(parent.getChildNodes());
        List<Node> sorted = new ArrayList<>(children);
        sorted.sort(Comparator.comparing((Node n) -> n.getBegin().orElse(null),
                Comparator.nullsLast(Comparator.naturalOrder())));
        boolean same = true;
        for (int i = 0; i < children.size() && same; i++) {
            same = children.get(i) == sorted.get(i);
        }
        if (same) {
            return;
        }
        for (Node child : sorted) {
            child.setParentNode(null);
            child.setParentNode(parent);
        }
    }

    /**
     * Returns the pristine statement or expression with the same tokens and type as {@code node}: what a
     * copy was made from (equal to it unless the copy was changed since).
     */
    private Optional<Node> pristineCopyOf(Node node) {
        if (node.getTokenRange().isEmpty()) {
            return Optional.empty();
        }
        if (pristineByBegin == null) {
            pristineByBegin = new IdentityHashMap<>();
            for (Node n : pristine.findAll(Node.class, n -> n instanceof Statement || n instanceof Expression)) {
                n.getTokenRange().ifPresent(r -> pristineByBegin.computeIfAbsent(r.getBegin(), k -> new ArrayList<>()).add(n));
            }
        }
        TokenRange range = node.getTokenRange().get();
        for (Node n : pristineByBegin.getOrDefault(range.getBegin(), List.of())) {
            if (n.getClass() == node.getClass() && n.getTokenRange().get().getEnd() == range.getEnd()) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the smallest statement of the body, present before the edit, that holds every node the
     * edit changed; empty when a change lies outside the body.
     */
    private Optional<Statement> changedStatement() {
        List<Node> common = null;
        for (Node dirty : log.owners()) {
            List<Node> chain = chain(dirty);
            if (chain == null) {
                continue; // detached by the edit: its old parent is among the changed nodes
            }
            if (chain.isEmpty()) {
                return Optional.empty();
            }
            if (common == null) {
                common = chain;
            } else {
                int n = 0;
                while (n < common.size() && n < chain.size() && common.get(n) == chain.get(n)) {
                    n++;
                }
                common = common.subList(0, n);
            }
        }
        if (common == null || common.isEmpty()) {
            return Optional.empty();
        }
        for (int i = common.size() - 1; i >= 0; i--) {
            if (common.get(i) instanceof Statement s && toPristine.containsKey(s)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the path from the body down to {@code node}; null when the node is not in the member
     * at all (detached), empty when it is in the member but outside the body.
     */
    private List<Node> chain(Node node) {
        List<Node> up = new ArrayList<>();
        Node n = node;
        while (n != null && n != workBody) {
            if (n == work) {
                return List.of();
            }
            up.add(n);
            n = n.getParentNode().orElse(null);
        }
        if (n == null) {
            return null;
        }
        up.add(workBody);
        List<Node> down = new ArrayList<>(up.size());
        for (int i = up.size() - 1; i >= 0; i--) {
            down.add(up.get(i));
        }
        return down;
    }

    /**
     * Drops the lexical text the printer made up for the statement's ancestors while it looked for an
     * indentation: it names the statement about to be replaced.
     */
    private static void forgetAncestorsLexicalText(Node fresh) {
        for (Node n = fresh.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n.containsData(LexicalPreservingPrinter.NODE_TEXT_DATA)) {
                n.removeData(LexicalPreservingPrinter.NODE_TEXT_DATA);
            }
        }
    }

    /**
     * Drops the lexical text earlier prints left anywhere in the member. While it looks for an
     * indentation, the printer makes up text for the statements before the printed one, from the tree
     * as the edit left it, and keeps it on them: a later print would find its indentation in that
     * text, and a statement a later edit copies ({@code Node.clone} copies node data) would be printed
     * from its donor's text instead of afresh. A candidate's blanks would depend on which candidates
     * were made before it; every print starts from the same member instead.
     */
    private static void forgetLexicalText(Node member) {
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        todo.push(member);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n.containsData(LexicalPreservingPrinter.NODE_TEXT_DATA)) {
                n.removeData(LexicalPreservingPrinter.NODE_TEXT_DATA);
            }
            for (Node child : n.getChildNodes()) {
                todo.push(child);
            }
        }
    }

    /** Puts a fresh copy of {@code source} in the place of {@code target}; returns the copy, or null when that fails. */
    private Statement restore(Statement target, Statement source) {
        Statement fresh = source.clone();
        Node parent = target.getParentNode().orElse(null);
        if (parent == null || !target.replace(fresh) || !pair(source, fresh)) {
            return null;
        }
        reorderChildren(parent);
        if (target == workBody) {
            workBody = (BlockStmt) fresh;
        }
        return fresh;
    }

    /** Pairs the statements of a pristine subtree and its copy; false when their shapes differ. */
    private boolean pair(Node source, Node copy) {
        List<Node> a = new ArrayList<>();
        List<Node> b = new ArrayList<>();
        source.walk(a::add);
        copy.walk(b::add);
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).getClass() != b.get(i).getClass()) {
                return false;
            }
            if (b.get(i) instanceof Statement s) {
                toPristine.put(s, (Statement) a.get(i));
            } else if (b.get(i) instanceof SwitchEntry e) {
                entryToPristine.put(e, (SwitchEntry) a.get(i));
            }
            originals.add(b.get(i));
        }
        return true;
    }

    private boolean parses(String printed, Statement source) {
        ParseResult<?> result = source instanceof ExplicitConstructorInvocationStmt
                ? checker.parseExplicitConstructorInvocationStmt(printed)
                : checker.parseStatement(printed);
        return result.isSuccessful();
    }
}
