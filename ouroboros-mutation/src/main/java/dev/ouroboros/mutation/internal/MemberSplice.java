package dev.ouroboros.mutation.internal;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseResult;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Edits one member of a compilation unit by re-parsing only that member's text: the fast path of
 * the mutator.
 *
 * <p>Parsing and lexical-preserving set-up of a whole unit cost tens to hundreds of milliseconds
 * for a large file; a member costs about one. For each edit, a fresh parse of the member's exact
 * text (with tokens, set up for lexical-preserving printing) temporarily takes the member's place
 * in a shared parse of the unit, so operators still see the imports and types around the body; the
 * edit is printed, re-parsed as a check, spliced into the original text between the member's exact
 * offsets, and the shared parse is restored. The text outside the member is untouched by
 * construction. When anything about this is not certain (the member's offsets cannot be proven,
 * the print fails or does not parse) {@link #edit} answers empty and the caller takes the slow path.
 */
public final class MemberSplice {

    private final JavaParser parser;
    private final String original;
    private final BodyDeclaration<?> member;
    private final int start;
    private final String memberText;
    private final String padding;
    private JavaParser checker;

    private MemberSplice(JavaParser parser, String original, BodyDeclaration<?> member, int start, String memberText,
            String padding) {
        this.parser = parser;
        this.original = original;
        this.member = member;
        this.start = start;
        this.memberText = memberText;
        this.padding = padding;
    }

    /**
     * Prepares edits of the member that owns {@code body} in a parse (with tokens) of {@code original},
     * whose line index is {@code lines}.
     *
     * @return empty when the member's exact text range in {@code original} cannot be established
     */
    public static Optional<MemberSplice> of(JavaParser parser, String original, LineIndex lines, BlockStmt body) {
        Optional<BodyDeclaration<?>> owner = memberWithTokens(body);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        BodyDeclaration<?> member = owner.get();
        TokenRange range = member.getTokenRange().get();
        int start = offsetOf(range.getBegin(), original, lines);
        String text = range.toString();
        if (start + text.length() > original.length() || !original.regionMatches(start, text, 0, text.length())) {
            return Optional.empty();
        }
        if (member.getBegin().isEmpty()) {
            return Optional.empty();
        }
        // The fresh member is parsed at its original line and column, so its nodes' ranges lie inside
        // the unit's: lexical-preserving printing takes a node whose range falls outside its parent's
        // for a "phantom" node and prints it differently (and caches that verdict per node).
        String padding = "\n".repeat(member.getBegin().get().line - 1) + " ".repeat(member.getBegin().get().column - 1);
        return Optional.of(new MemberSplice(parser, original, member, start, text, padding));
    }

    /**
     * Applies {@code edit} to the body of a fresh parse of the member and returns the new text of the
     * whole unit, or empty when the fast path cannot produce a lexically preserved, parseable result.
     * Exceptions thrown by {@code edit} propagate; the shared parse is restored either way.
     */
    public Optional<String> edit(Consumer<BlockStmt> edit) {
        ParseResult<BodyDeclaration<?>> parsed = parser.parseBodyDeclaration(padding + memberText);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return Optional.empty();
        }
        BodyDeclaration<?> fresh;
        try {
            fresh = LexicalPreservingPrinter.setup(parsed.getResult().get());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Optional<BlockStmt> body = bodyOf(fresh);
        if (body.isEmpty() || !member.replace(fresh)) {
            return Optional.empty();
        }
        try {
            edit.accept(body.get());
            String printed;
            try {
                printed = LexicalPreservingPrinter.print(fresh);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
            if (!checker().parseBodyDeclaration(printed).isSuccessful()) {
                return Optional.empty();
            }
            return Optional.of(original.substring(0, start) + printed + original.substring(start + memberText.length()));
        } finally {
            fresh.replace(member);
        }
    }

    /**
     * A parser for the "does the print parse" check: same language level (so the same validation),
     * but without the token list and comment attribution the check does not need.
     */
    private JavaParser checker() {
        if (checker == null) {
            checker = new JavaParser(new com.github.javaparser.ParserConfiguration()
                    .setLanguageLevel(parser.getParserConfiguration().getLanguageLevel())
                    .setStoreTokens(false).setAttributeComments(false));
        }
        return checker;
    }

    /** Returns the member declaring a region body, when the parse kept its tokens. */
    static Optional<BodyDeclaration<?>> memberWithTokens(BlockStmt body) {
        return body.getParentNode().orElse(null) instanceof BodyDeclaration<?> member && member.getTokenRange().isPresent()
                ? Optional.of(member) : Optional.empty();
    }

    /**
     * Returns the offset of a token in {@code original}, the text its parse read: from its line and
     * column when the token's text stands there, else the length of all tokens before it (a walk over
     * the file's tokens up to it, which a file of hundreds of members would pay per region). Callers
     * check the member's whole text at the offset.
     */
    static int offsetOf(JavaToken token, String original, LineIndex lines) {
        if (token.getRange().isPresent()) {
            int lineStart = lines.lineStart(token.getRange().get().begin.line - 1);
            int at = lineStart + token.getRange().get().begin.column - 1;
            String text = token.getText();
            if (lineStart >= 0 && at >= lineStart && original.regionMatches(at, text, 0, text.length())) {
                return at;
            }
        }
        int start = 0;
        for (JavaToken t = token.getPreviousToken().orElse(null); t != null; t = t.getPreviousToken().orElse(null)) {
            start += t.getText().length();
        }
        return start;
    }

    static Optional<BlockStmt> bodyOf(Node member) {
        if (member instanceof MethodDeclaration method) {
            return method.getBody();
        }
        if (member instanceof ConstructorDeclaration constructor) {
            return Optional.of(constructor.getBody());
        }
        if (member instanceof InitializerDeclaration initializer) {
            return Optional.of(initializer.getBody());
        }
        return Optional.empty();
    }
}
