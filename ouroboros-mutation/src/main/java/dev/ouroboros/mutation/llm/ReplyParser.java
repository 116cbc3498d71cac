package dev.ouroboros.mutation.llm;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a model's reply into the new text of the member, or the reason it cannot be used.
 *
 * <p>Two forms are accepted. SEARCH/REPLACE blocks ({@code <<<<<<< SEARCH}, {@code =======},
 * {@code >>>>>>> REPLACE}) are applied in order to the member's exact text; each search text must
 * occur exactly once, and a block that matches nowhere rejects the whole reply — never skipped. Any
 * other reply must hold the whole member: in one fenced code block, or as the entire reply. Either
 * way the result must parse as one member of the same kind with the same signature (annotations,
 * modifiers, type parameters, return type, name, parameters, throws), add no lambda, method
 * reference, anonymous or local class (each is a new synthetic member or class that blocks the hot
 * swap), and differ from the original.
 */
final class ReplyParser {

    private static final Pattern BLOCK = Pattern.compile(
            "<{5,9} ?SEARCH[ \\t]*\\R(.*?)\\R?={5,9}[ \\t]*\\R(.*?)\\R?>{5,9} ?REPLACE", Pattern.DOTALL);
    private static final Pattern SEARCH_MARKER = Pattern.compile("<{5,9} ?SEARCH");
    private static final Pattern FENCE = Pattern.compile("```[\\w+-]*[ \\t]*\\R(.*?)```", Pattern.DOTALL);
    private static final Pattern REFUSAL = Pattern.compile("(?i)\\b(I can(no|')t|I cannot|I'm sorry|I am sorry|"
            + "I am unable|I'm unable|as an AI|I won't|I will not)\\b");

    private ReplyParser() {
    }

    /** The new member text and the reply form, or a rejection reason. */
    record Result(String memberText, String form, String rejection) {

        boolean accepted() {
            return rejection.isEmpty();
        }

        static Result reject(String reason) {
            return new Result("", "", reason);
        }
    }

    static Result parse(JavaParser parser, LlmReply reply, MemberSource source) {
        if (reply.truncated()) {
            return Result.reject("truncated: the reply stopped at the token limit (finish_reason=length);"
                    + " raise maxTokens or ask for SEARCH/REPLACE blocks");
        }
        String content = reply.content();
        if (content.isBlank()) {
            return Result.reject("empty reply");
        }
        String text;
        String form;
        if (SEARCH_MARKER.matcher(content).find()) {
            Result edited = searchReplace(content, source.text());
            if (!edited.accepted()) {
                return edited;
            }
            text = edited.memberText();
            form = "search-replace";
        } else {
            List<String> fences = new ArrayList<>();
            Matcher m = FENCE.matcher(content);
            while (m.find()) {
                fences.add(m.group(1));
            }
            if (fences.size() > 1) {
                return Result.reject("the reply holds " + fences.size() + " code blocks; one whole method was expected");
            }
            if (fences.isEmpty() && content.contains("```")) {
                return Result.reject("truncated or malformed: an unterminated code block");
            }
            // A leading comment (a new Javadoc) would land between the member's own comment and the member.
            text = reindent(withoutLeadingComments(fences.isEmpty() ? content.strip() : fences.get(0).strip()),
                    source.indent());
            form = "whole-method";
        }
        return check(parser, text, form, source, content);
    }

    private static Result searchReplace(String content, String member) {
        Matcher m = BLOCK.matcher(content);
        String text = member;
        int blocks = 0;
        while (m.find()) {
            blocks++;
            String search = m.group(1);
            String replace = m.group(2);
            int at = search.isEmpty() ? -1 : text.indexOf(search);
            if (at < 0) {
                return Result.reject("SEARCH block " + blocks + " does not match the method text exactly (it starts '"
                        + firstLine(search) + "'); no block was applied");
            }
            if (text.indexOf(search, at + 1) >= 0) {
                return Result.reject("SEARCH block " + blocks + " matches more than one place (it starts '"
                        + firstLine(search) + "'); no block was applied");
            }
            text = text.substring(0, at) + replace + text.substring(at + search.length());
        }
        int opened = count(content, "SEARCH");
        if (blocks == 0 || opened != blocks) {
            return Result.reject("malformed SEARCH/REPLACE: " + opened + " SEARCH markers but " + blocks
                    + " complete blocks; no block was applied");
        }
        return new Result(text, "search-replace", "");
    }

    private static Result check(JavaParser parser, String text, String form, MemberSource source, String content) {
        ParseResult<BodyDeclaration<?>> parsed = parser.parseBodyDeclaration(text);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            ParseResult<CompilationUnit> asClass = parser.parse("class Ouroboros$Reply {\n" + text + "\n}");
            if (asClass.isSuccessful() && asClass.getResult().isPresent()) {
                List<String> members = asClass.getResult().get().getType(0).getMembers().stream()
                        .map(ReplyParser::memberName).toList();
                if (members.size() > 1) {
                    return Result.reject("adds members: the reply declares " + members.size() + " members "
                            + members + "; only the method itself may change");
                }
            }
            if (REFUSAL.matcher(content).find()) {
                return Result.reject("refused: " + OpenAiChatClient.excerpt(content));
            }
            String problem = parsed.getProblems().isEmpty() ? "unknown" : parsed.getProblems().get(0).getMessage();
            return Result.reject("not Java: the " + form + " reply does not parse as one member (" + firstLine(problem)
                    + ")");
        }
        BodyDeclaration<?> fresh = parsed.getResult().get();
        if (fresh instanceof TypeDeclaration<?> type) {
            return Result.reject("adds members: the reply declares a type " + type.getNameAsString()
                    + "; only the method itself may change");
        }
        BodyDeclaration<?> original = source.member();
        if (fresh.getClass() != original.getClass()) {
            return Result.reject("changed signature: the reply is a " + kind(fresh) + ", the region a " + kind(original));
        }
        String was = signature(original);
        String now = signature(fresh);
        if (!was.equals(now)) {
            return Result.reject("changed signature: '" + now + "' where '" + was + "' must stay");
        }
        int synthetic = synthetic(fresh) - synthetic(original);
        if (synthetic > 0) {
            return Result.reject("adds " + synthetic + " lambda(s), method reference(s) or class(es): each is a new"
                    + " synthetic member or class, which a hot swap cannot add");
        }
        if (text.equals(source.text())) {
            return Result.reject("the reply changes nothing");
        }
        return new Result(text, form, "");
    }

    /** The declaration without body and comments, printed: equal strings mean an equal signature. */
    private static String signature(BodyDeclaration<?> member) {
        BodyDeclaration<?> copy = member.clone();
        List<Comment> comments = new ArrayList<>(copy.getAllContainedComments());
        comments.forEach(Comment::remove);
        copy.removeComment();
        if (copy instanceof MethodDeclaration method) {
            method.removeBody();
        } else if (copy instanceof ConstructorDeclaration constructor) {
            constructor.setBody(new BlockStmt());
        } else if (copy instanceof InitializerDeclaration initializer) {
            return initializer.isStatic() ? "static {}" : "{}";
        }
        return copy.toString().replaceAll("\\s+", " ").strip();
    }

    private static int synthetic(Node member) {
        return member.findAll(LambdaExpr.class).size() + member.findAll(MethodReferenceExpr.class).size()
                + member.findAll(ObjectCreationExpr.class, o -> o.getAnonymousClassBody().isPresent()).size()
                + member.findAll(LocalClassDeclarationStmt.class).size()
                + member.findAll(LocalRecordDeclarationStmt.class).size();
    }

    /** Shifts the reply's lines so that its least indented line sits at the member's indentation. */
    static String reindent(String text, String indent) {
        String[] lines = text.split("\\R", -1);
        int common = Integer.MAX_VALUE;
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                common = Math.min(common, lines[i].length() - lines[i].stripLeading().length());
            }
        }
        // The first line was stripped; the closing brace usually sits at the member's own level.
        int base = lines.length > 1 ? Math.min(common, lastIndent(lines)) : 0;
        StringBuilder out = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.append('\n');
            if (!lines[i].isBlank()) {
                out.append(indent).append(lines[i].substring(Math.min(base, lines[i].length())));
            }
        }
        return out.toString();
    }

    /** Drops comments before the first token: the original member keeps its own comment, outside its text. */
    static String withoutLeadingComments(String text) {
        String t = text;
        while (true) {
            if (t.startsWith("/*") && t.indexOf("*/", 2) > 0) {
                t = t.substring(t.indexOf("*/", 2) + 2).stripLeading();
            } else if (t.startsWith("//")) {
                int end = t.indexOf('\n');
                t = end < 0 ? "" : t.substring(end + 1).stripLeading();
            } else {
                return t;
            }
        }
    }

    private static int lastIndent(String[] lines) {
        String last = lines[lines.length - 1];
        return last.length() - last.stripLeading().length();
    }

    private static String memberName(BodyDeclaration<?> member) {
        if (member instanceof CallableDeclaration<?> callable) {
            return callable.getNameAsString();
        }
        if (member instanceof TypeDeclaration<?> type) {
            return type.getNameAsString();
        }
        return member.isFieldDeclaration() ? member.asFieldDeclaration().getVariables().toString() : kind(member);
    }

    private static String kind(Node node) {
        return node.getClass().getSimpleName().replace("Declaration", "").toLowerCase();
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int at = text.indexOf("<<<<<"); at >= 0; at = text.indexOf("<<<<<", at + 5)) {
            int end = text.indexOf('\n', at);
            if (text.substring(at, end < 0 ? text.length() : end).contains(word)) {
                n++;
            }
        }
        return n;
    }
}
