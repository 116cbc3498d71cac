package dev.ouroboros.arena.internal;

import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One method (or constructor) of one version, as the differential gate calls it. Which methods can
 * be called: static methods of any access; constructors of top-level, static nested and record or
 * enum classes that are not abstract (the new object is the result); instance methods of such
 * classes when a receiver can be made: a generated constant for an enum, a generated record, else
 * the constructor with the fewest parameters whose types can all be generated (a no-argument one
 * first). Every parameter type must be one {@link InputGenerator} can generate. Static
 * initializers, abstract and native methods, and members of inner (non-static), local or
 * anonymous classes are not called.
 */
final class DifferentialCall {

    /** Why a method cannot be called by the gate. */
    static final class NotCallable extends Exception {
        private static final long serialVersionUID = 1L;

        NotCallable(String message) {
            super(message);
        }
    }

    /** One input: a ready receiver (enum, record) or the receiver constructor's arguments, and the arguments. */
    record Input(Object receiver, Object[] receiverArgs, Object[] args, String receiverType) {
        String render(int max) {
            String call = "(" + renderAll(args, max) + ")";
            if (receiverArgs != null) {
                return "new " + receiverType + "(" + renderAll(receiverArgs, max) + ")." + call;
            }
            return receiver == null ? call : Canon.render(Canon.of(receiver), max) + "." + call;
        }

        private static String renderAll(Object[] values, int max) {
            StringBuilder out = new StringBuilder();
            for (Object v : values) {
                out.append(out.length() == 0 ? "" : ", ").append(Canon.render(Canon.of(v), max));
                if (out.length() > max) {
                    return out.substring(0, max) + "...";
                }
            }
            return out.toString();
        }
    }

    /** What one call did, in canonical values; {@code thrown} is an exception's class name or null. */
    record Outcome(Object result, String thrown, Object receiver, Object args, long nanos) {
        /** How {@code other} differs from this outcome, or null when it does not. */
        String differenceTo(Outcome other, int max) {
            if (!Objects.equals(thrown, other.thrown) || thrown == null && !Objects.equals(result, other.result)) {
                return "original " + describe(max) + ", mutant " + other.describe(max);
            }
            if (!Objects.equals(receiver, other.receiver)) {
                return "the receiver after the call is " + Canon.render(receiver, max) + " in the original, "
                        + Canon.render(other.receiver, max) + " in the mutant";
            }
            if (!Objects.equals(args, other.args)) {
                return "the arguments after the call are " + Canon.render(args, max) + " in the original, "
                        + Canon.render(other.args, max) + " in the mutant";
            }
            return null;
        }

        private String describe(int max) {
            return thrown != null ? "threw " + thrown : "returned " + Canon.render(result, max);
        }
    }

    private final Executable executable;
    private final Class<?> owner;
    private final Class<?> receiverType;
    private final Constructor<?> receiverConstructor;

    private DifferentialCall(Executable executable, Class<?> receiverType, Constructor<?> receiverConstructor) {
        this.executable = executable;
        this.owner = executable.getDeclaringClass();
        this.receiverType = receiverType;
        this.receiverConstructor = receiverConstructor;
    }

    /** Finds {@code pkg.Foo#name(desc)} in {@code loader}'s classes. */
    static DifferentialCall resolve(String method, ClassLoader loader) throws NotCallable {
        int hash = method.indexOf('#');
        int paren = method.indexOf('(');
        if (hash < 1 || paren < hash) {
            throw new NotCallable("not a method name: " + method);
        }
        String name = method.substring(hash + 1, paren);
        String descriptor = method.substring(paren);
        Class<?> type;
        try {
            type = Class.forName(method.substring(0, hash), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new NotCallable("class cannot be loaded: " + WorkerProtocol.describe(e));
        }
        if (name.equals("<clinit>")) {
            throw new NotCallable("static initializers are not called");
        }
        boolean innerClass = type.isLocalClass() || type.isAnonymousClass()
                || type.isMemberClass() && !Modifier.isStatic(type.getModifiers());
        Executable found = Arrays.stream(name.equals("<init>") ? type.getDeclaredConstructors() : type.getDeclaredMethods())
                .filter(e -> name.equals("<init>") || e.getName().equals(name))
                .filter(e -> descriptor(e).equals(descriptor))
                .findFirst().orElseThrow(() -> new NotCallable("no such method in " + type.getName()));
        int modifiers = found.getModifiers();
        if (Modifier.isAbstract(modifiers) || Modifier.isNative(modifiers)) {
            throw new NotCallable("abstract and native methods are not called");
        }
        boolean needsInstance = found instanceof Constructor<?> || !Modifier.isStatic(modifiers);
        if (needsInstance && (innerClass || Modifier.isAbstract(type.getModifiers()) || type.isInterface())) {
            throw new NotCallable(type.getName() + " is abstract, an interface, or an inner class that needs an enclosing"
                    + " instance: no receiver can be made");
        }
        requireGeneratable(found);
        Constructor<?> receiverConstructor = null;
        Class<?> receiverType = null;
        if (found instanceof Method && !Modifier.isStatic(modifiers)) {
            receiverType = type;
            if (!type.isEnum() && !type.isRecord()) {
                receiverConstructor = Arrays.stream(type.getDeclaredConstructors())
                        .sorted(Comparator.<Constructor<?>>comparingInt(Constructor::getParameterCount)
                                .thenComparing(DifferentialCall::descriptor))
                        .filter(c -> Arrays.stream(c.getGenericParameterTypes()).allMatch(t -> InputGenerator.unsupported(t) == null))
                        .findFirst().orElseThrow(() -> new NotCallable("no constructor of " + type.getName()
                                + " has parameters that can be generated, so no receiver can be made"));
                receiverConstructor.setAccessible(true);
            }
        }
        found.setAccessible(true);
        return new DifferentialCall(found, receiverType, receiverConstructor);
    }

    private static void requireGeneratable(Executable e) throws NotCallable {
        for (Type t : e.getGenericParameterTypes()) {
            String why = InputGenerator.unsupported(t);
            if (why != null) {
                throw new NotCallable("parameter type " + t.getTypeName() + " cannot be generated: " + why);
            }
        }
    }

    static String descriptor(Executable e) {
        Class<?> returns = e instanceof Method m ? m.getReturnType() : void.class;
        return MethodType.methodType(returns, e.getParameterTypes()).toMethodDescriptorString();
    }

    /** Builds an input from a generator: the receiver first, then the arguments. */
    Input generatedInput(InputGenerator g) throws ReflectiveOperationException {
        Object receiver = null;
        Object[] receiverArgs = null;
        if (receiverConstructor != null) {
            receiverArgs = arguments(receiverConstructor, g);
        } else if (receiverType != null) {
            receiver = g.value(receiverType, 0, false);
        }
        return new Input(receiver, receiverArgs, arguments(executable, g), owner.getSimpleName());
    }

    /** Rebuilds a recorded input in {@code loader}; the receiver, if any, comes from a fixed seed. */
    Input recordedInput(String encoded, ClassLoader loader) throws ReflectiveOperationException {
        List<Object> values = RecordedValues.decode(encoded, loader);
        Class<?>[] types = executable.getParameterTypes();
        if (values.size() != types.length) {
            throw new IllegalArgumentException("recorded input has " + values.size() + " arguments, the method "
                    + types.length);
        }
        Object[] args = new Object[types.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = InputGenerator.adapt(values.get(i), types[i]);
        }
        Input receiver = generatedInput(new InputGenerator(new SplittableRandom(0)));
        return new Input(receiver.receiver(), receiver.receiverArgs(), args, owner.getSimpleName());
    }

    private static Object[] arguments(Executable e, InputGenerator g) throws ReflectiveOperationException {
        Type[] types = e.getGenericParameterTypes();
        Class<?>[] raw = e.getParameterTypes();
        java.lang.annotation.Annotation[][] annotations = e.getParameterAnnotations();
        Object[] args = new Object[types.length];
        for (int i = 0; i < args.length; i++) {
            boolean nullable = InputGenerator.nullable(raw[i], i < annotations.length ? annotations[i] : new java.lang.annotation.Annotation[0]);
            args[i] = g.value(types.length == raw.length ? types[i] : raw[i], 0, nullable);
        }
        return args;
    }

    /** Calls the method on this thread; runs candidate code. */
    Outcome invoke(Input in) {
        long start = System.nanoTime();
        Object receiver = in.receiver();
        Object result = null;
        String thrown = null;
        boolean constructingReceiver = receiverConstructor != null;
        // Threads the call starts inherit the version's loader, as during its tests.
        Thread.currentThread().setContextClassLoader(owner.getClassLoader());
        try {
            if (constructingReceiver) {
                receiver = receiverConstructor.newInstance(in.receiverArgs());
                constructingReceiver = false;
            }
            result = executable instanceof Constructor<?> c ? c.newInstance(in.args())
                    : ((Method) executable).invoke(receiver, in.args());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ThreadDeath stopped) {
                throw stopped; // the gate stopped this call for its time: not an outcome
            }
            thrown = (constructingReceiver ? "(building the receiver) " : "") + e.getCause().getClass().getName();
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            thrown = "(the call itself failed) " + e.getClass().getName();
        }
        long nanos = System.nanoTime() - start;
        return new Outcome(Canon.of(result), thrown, Canon.of(receiver), Canon.of(in.args()), nanos);
    }
}
