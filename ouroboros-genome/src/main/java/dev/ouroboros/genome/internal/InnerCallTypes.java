package dev.ouroboros.genome.internal;

import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import java.lang.reflect.Field;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Lets a call that another call consumes (an argument, a receiver) be resolved once.
 *
 * <p>Resolving the outer call asks the facade for its arguments' and receiver's types, and the
 * facade types an inner call by resolving it again through {@code solveMethodAsUsage} (11% of the
 * resolving thread's samples on commons-lang3). The inner call was resolved just before (the walk
 * goes inner calls first), so its declared return type, when it names no type variable, is handed to
 * the facade's per-node type cache instead; a return type that names a type variable depends on
 * inference and is left to the facade. The cache's key is private to JavaParser and is read by
 * reflection; without it (another JavaParser version) inner calls are resolved twice, as before.
 */
final class InnerCallTypes {

    /** JavaParserFacade's node data key for a node's type (lambdas solved), or null when not found. */
    private static final DataKey<ResolvedType> TYPE_KEY = facadeTypeKey();

    private final boolean seed;
    /** The declared return type of each outcome's target method, named once per outcome. */
    private final Map<CallShapes.Outcome, Returned> returnTypes = new IdentityHashMap<>();

    /** @param seed false only to compare against resolving inner calls twice, as before */
    InnerCallTypes(boolean seed) {
        this.seed = seed && TYPE_KEY != null;
    }

    /** Returns true when this JavaParser's type cache key was found. */
    static boolean available() {
        return TYPE_KEY != null;
    }

    /**
     * A target's declared return type: {@code type} null when the target is no method or naming its
     * return type failed ({@code failure}); {@code usable} when it names no type variable.
     */
    record Returned(ResolvedType type, RuntimeException failure, boolean usable) {
    }

    /** Hands a resolved call's type to the facade's node cache when resolving an enclosing call will ask for it. */
    void seed(Node call, CallShapes.Outcome outcome) {
        if (!seed || !(call instanceof MethodCallExpr) || call.containsData(TYPE_KEY)) {
            return;
        }
        if (!feedsACall(call)) {
            return; // naming the return type costs a walk of the target's body: only when a call will ask
        }
        Returned returned = returnType(outcome);
        if (returned.usable()) {
            call.setData(TYPE_KEY, returned.type());
        }
    }

    /** The declared return type of an outcome's target, named once per outcome. */
    Returned returnType(CallShapes.Outcome outcome) {
        return returnTypes.computeIfAbsent(outcome, o -> {
            if (!(o.target() instanceof ResolvedMethodDeclaration method)) {
                return new Returned(null, null, false);
            }
            try {
                ResolvedType type = method.getReturnType();
                return new Returned(type, null, !CallShapes.mentionsTypeVariable(type, 0));
            } catch (RuntimeException e) {
                return new Returned(null, e, false);
            } catch (StackOverflowError e) {
                return new Returned(null, new IllegalStateException("return type of " + method.getName(), e), false);
            }
        });
    }

    /**
     * True when resolving an enclosing call will ask for this call's type: it is an argument or the
     * receiver of a call, directly or through parentheses, operators or a conditional.
     */
    private static boolean feedsACall(Node call) {
        Node n = call.getParentNode().orElse(null);
        while (n instanceof EnclosedExpr || n instanceof BinaryExpr || n instanceof UnaryExpr
                || n instanceof ConditionalExpr) {
            n = n.getParentNode().orElse(null);
        }
        return n instanceof MethodCallExpr || n instanceof ObjectCreationExpr
                || n instanceof ExplicitConstructorInvocationStmt;
    }

    @SuppressWarnings("unchecked")
    private static DataKey<ResolvedType> facadeTypeKey() {
        try {
            Field f = JavaParserFacade.class.getDeclaredField("TYPE_WITH_LAMBDAS_RESOLVED");
            f.setAccessible(true);
            return f.get(null) instanceof DataKey<?> key ? (DataKey<ResolvedType>) key : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another JavaParser version: inner calls are resolved twice, as before
        }
    }
}
