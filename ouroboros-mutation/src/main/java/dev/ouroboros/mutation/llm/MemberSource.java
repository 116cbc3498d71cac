package dev.ouroboros.mutation.llm;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseResult;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.stmt.BlockStmt;
import dev.ouroboros.genome.GenomeParseException;
import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.OuroborosException;

/**
 * The exact text of a region's member inside its unit, with its offsets, so that an LLM's edit of
 * the member can be spliced back while every other character of the file stays as it was.
 *
 * @param unitText the whole unit text
 * @param unit     a parse (with tokens) of the unit
 * @param member   the member's declaration in that parse
 * @param start    offset of the member's first character in the unit text
 * @param text     the member's text, from its first token (annotation, modifier or type) to its last
 * @param indent   the whitespace before the member on its first line
 */
record MemberSource(String unitText, CompilationUnit unit, BodyDeclaration<?> member, int start, String text,
        String indent) {

    /** Returns the member's end offset (exclusive) in the unit text. */
    int end() {
        return start + text.length();
    }

    /** Returns the unit text with the member replaced by {@code memberText}. */
    String splice(String memberText) {
        return unitText.substring(0, start) + memberText + unitText.substring(end());
    }

    static MemberSource of(JavaParser parser, String unitText, GenomeRegion region) {
        ParseResult<CompilationUnit> parsed = parser.parse(unitText);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            throw new GenomeParseException("cannot parse the source of " + region.topLevelClassName() + ": "
                    + parsed.getProblems() + " — fix the file or remove it from the source roots");
        }
        CompilationUnit unit = parsed.getResult().get();
        BlockStmt body = region.locate(unit).orElseThrow(() -> new OuroborosException("region " + region.id()
                + " is no longer declared in " + region.file() + ": ask the genome for the class's regions again"));
        if (!(body.getParentNode().orElse(null) instanceof BodyDeclaration<?> member)
                || member.getTokenRange().isEmpty()) {
            throw new OuroborosException("region " + region.id() + " has no member text in " + region.file());
        }
        TokenRange range = member.getTokenRange().get();
        int start = 0;
        for (JavaToken t = range.getBegin().getPreviousToken().orElse(null); t != null;
                t = t.getPreviousToken().orElse(null)) {
            start += t.getText().length();
        }
        String text = range.toString();
        if (start + text.length() > unitText.length() || !unitText.regionMatches(start, text, 0, text.length())) {
            throw new OuroborosException("cannot find the exact text of " + region.id() + " in " + region.file());
        }
        int lineStart = unitText.lastIndexOf('\n', start - 1) + 1;
        String before = unitText.substring(lineStart, start);
        String indent = before.isBlank() ? before : "";
        return new MemberSource(unitText, unit, member, start, text, indent);
    }
}
