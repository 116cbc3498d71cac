package dev.ouroboros.genome.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedMethodLikeDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFactory;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves each distinct call-site shape once.
 *
 * <p>Most of the symbol solver's time goes into choosing among a type's same-named methods, which
 * converts every candidate's parameter types again at every call site. Two call sites with the same
 * shape resolve to the same declaration, so the outcome of the first (the declaration or the
 * failure) serves the rest. A shape is the method name and the argument types, plus either the
 * receiver (its static type, or the type it names), which makes it mean the same in every class, or,
 * for an unqualified call or a {@code new}, the enclosing class (its members, imports and nested
 * types decide). The argument and receiver types come from {@link JavaParserFacade#getType}, which
 * caches them per node and which the full resolution would compute anyway, or from the already
 * resolved inner call. A shape that mentions a type variable is kept per enclosing method, as a
 * method's {@code T} is not another method's {@code T}. Calls
 * whose shape cannot be named cheaply (lambda or method-reference arguments, qualified {@code new},
 * {@code this(...)}/{@code super(...)}) are resolved directly.
 * A call that is another call's argument or receiver hands its type on through {@link InnerCallTypes}.
 */
final class CallShapes {

    /** What resolving one shape gave: the declaration, or the failure to report for every site. */
    record Outcome(ResolvedMethodLikeDeclaration target, Throwable failure) {
    }

    private static final Object EVERYWHERE = new Object();

    private final TypeSolver typeSolver;
    private final JavaParserFacade facade;
    private final Map<Object, Map<String, Outcome>> byOwner = new IdentityHashMap<>();
    private final Map<Node, Outcome> bySite = new IdentityHashMap<>();
    private final InnerCallTypes innerTypes;
    private long sites;
    private long shared;

    /**
     * @param seedTypes whether resolved calls hand their type to the facade; false only to compare
     *                  against resolving inner calls twice, as before
     */
    CallShapes(TypeSolver typeSolver, boolean seedTypes) {
        this.typeSolver = typeSolver;
        this.innerTypes = new InnerCallTypes(seedTypes);
        this.facade = JavaParserFacade.get(typeSolver);
    }

    /** Resolves a call, reusing the outcome of an earlier call of the same shape. */
    Outcome resolve(Node call, Function<Node, ResolvedMethodLikeDeclaration> direct) {
        sites++;
        Map<String, Outcome> cache = null;
        String shape = null;
        try {
            Shape s = shapeOf(call);
            if (s != null) {
                cache = byOwner.computeIfAbsent(s.owner(), k -> new HashMap<>());
                shape = s.key();
                Outcome known = cache.get(shape);
                if (known != null) {
                    shared++;
                    bySite.put(call, known);
                    innerTypes.seed(call, known);
                    return known;
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            cache = null; // the shape could not be named: resolve this site on its own, as before
        }
        Outcome outcome;
        try {
            outcome = new Outcome(direct.apply(call), null);
        } catch (RuntimeException | StackOverflowError e) {
            outcome = new Outcome(null, e);
        }
        if (cache != null) {
            cache.put(shape, outcome);
        }
        bySite.put(call, outcome);
        innerTypes.seed(call, outcome);
        return outcome;
    }

    /** Returns how many call sites reused the outcome of an earlier site of the same shape. */
    long sharedSites() {
        return shared;
    }

    /** Returns how many call sites were asked for. */
    long sites() {
        return sites;
    }

    private record Shape(Object owner, String key) {
    }

    private Shape shapeOf(Node call) {
        StringBuilder key = new StringBuilder();
        boolean[] typeVariable = {false};
        Expression scope;
        NodeList<Expression> args;
        if (call instanceof MethodCallExpr m) {
            key.append(m.getNameAsString()).append('(');
            scope = m.getScope().orElse(null);
            args = m.getArguments();
        } else if (call instanceof ObjectCreationExpr o && o.getScope().isEmpty()) {
            key.append("new ").append(o.getType()).append('(');
            scope = null;
            args = o.getArguments();
        } else {
            return null;
        }
        for (Expression arg : args) {
            while (arg instanceof EnclosedExpr e) {
                arg = e.getInner();
            }
            if (arg instanceof LambdaExpr || arg instanceof MethodReferenceExpr) {
                return null; // typed from the chosen method: no shape before resolution
            }
            key.append(typeOf(arg, typeVariable)).append(',');
        }
        key.append(')');
        if (scope != null) {
            key.append(" on ").append(scope.getClass().getSimpleName()).append(' ').append(receiver(call, scope,
                    typeVariable));
        }
        if (scope != null && !typeVariable[0]) {
            // With its receiver's type known, a call means the same in every class: share it across all.
            return new Shape(EVERYWHERE, key.toString());
        }
        return new Shape(owner(call, typeVariable[0]), key.toString());
    }

    /** The receiver: the static type of an expression, or the type a name stands for. */
    private String receiver(Node call, Expression scope, boolean[] typeVariable) {
        boolean maybeType = scope instanceof NameExpr || scope instanceof FieldAccessExpr;
        if (maybeType && startsUpperCase(scope)) {
            // Most likely a class name (StringUtils.isEmpty): try that first, as failing to find a
            // variable of that name costs a walk through every enclosing scope and an exception.
            String type = typeNamed(call, scope);
            if (type != null) {
                return type;
            }
        }
        try {
            return "value " + typeOf(scope, typeVariable);
        } catch (RuntimeException e) {
            if (!maybeType) {
                throw e;
            }
        }
        String type = typeNamed(call, scope);
        if (type == null) {
            throw new IllegalStateException("receiver " + scope + " is neither a value nor a type");
        }
        return type;
    }

    private static boolean startsUpperCase(Expression scope) {
        String last = scope instanceof NameExpr n ? n.getNameAsString() : ((FieldAccessExpr) scope).getNameAsString();
        return !last.isEmpty() && Character.isUpperCase(last.charAt(0)) && !last.equals(last.toUpperCase());
    }

    /** The type a name stands for in the call's scope, or null when it names none. */
    private String typeNamed(Node call, Expression scope) {
        SymbolReference<ResolvedTypeDeclaration> type = JavaParserFactory.getContext(call, typeSolver)
                .solveType(dottedName(scope));
        return type.isSolved() ? "type " + type.getCorrespondingDeclaration().getQualifiedName() : null;
    }

    /** {@code a.b.C} for a chain of plain names, as the printer would write it but without printing. */
    private static String dottedName(Expression scope) {
        if (scope instanceof NameExpr n && n.getComment().isEmpty()) {
            return n.getNameAsString();
        }
        if (scope instanceof FieldAccessExpr f && f.getComment().isEmpty() && f.getTypeArguments().isEmpty()
                && (f.getScope() instanceof NameExpr || f.getScope() instanceof FieldAccessExpr)) {
            return dottedName(f.getScope()) + "." + f.getNameAsString();
        }
        return scope.toString();
    }

    /**
     * The static type of an expression. A call already resolved (the walk goes inner calls first) to
     * a method whose return type names no type variable has that type: asking the facade instead
     * would resolve the inner call a second time.
     */
    private String typeOf(Expression e, boolean[] typeVariable) {
        if (e instanceof MethodCallExpr) {
            Outcome inner = bySite.get(e);
            if (inner != null) {
                InnerCallTypes.Returned returned = innerTypes.returnType(inner);
                if (returned.failure() != null) {
                    throw returned.failure(); // no shape for this site: it is resolved on its own
                }
                if (returned.usable()) {
                    return returned.type().describe();
                }
            }
        }
        return describe(facade.getType(e), typeVariable);
    }

    private static String describe(ResolvedType type, boolean[] typeVariable) {
        if (mentionsTypeVariable(type, 0)) {
            typeVariable[0] = true;
        }
        return type.describe();
    }

    static boolean mentionsTypeVariable(ResolvedType type, int depth) {
        if (depth > 6 || type.isTypeVariable()) {
            return true; // very deep generics: treat as method-specific, which is only less sharing
        }
        if (type.isArray()) {
            return mentionsTypeVariable(type.asArrayType().getComponentType(), depth + 1);
        }
        if (type.isWildcard()) {
            return type.asWildcard().isBounded() && mentionsTypeVariable(type.asWildcard().getBoundedType(), depth + 1);
        }
        if (type.isReferenceType()) {
            for (ResolvedType arg : type.asReferenceType().typeParametersValues()) {
                if (mentionsTypeVariable(arg, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The node whose scope decides what a shape means: the nearest enclosing type (anonymous class
     * bodies included), or the nearest method when the shape mentions a type variable.
     */
    private static Node owner(Node call, boolean perMethod) {
        for (Node n = call.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> || (perMethod && n instanceof CallableDeclaration<?>)
                    || (n instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent())) {
                return n;
            }
        }
        return call.findRootNode();
    }
}
