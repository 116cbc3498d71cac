package dev.ouroboros.arena.internal;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Generates argument values for the differential gate from a seeded {@link RandomGenerator}, by
 * parameter type: primitives and their boxes (a quarter of the draws are edge values: 0, ±1, the
 * type's extremes, NaN, infinities, -0.0), strings (empty, blank, non-ASCII and surrogate pairs,
 * commas, quotes, line breaks), arrays, lists, sets, maps, queues, {@code Optional}, big numbers,
 * enum constants and records (through their canonical constructor, recursively). A reference
 * parameter is null in one draw of 16 where nothing says it must not be. The same generator state
 * and the same type structure give the same values, so the original's and the mutant's loaders
 * receive equal inputs built from their own classes.
 */
final class InputGenerator {

    private static final int MAX_DEPTH = 4;
    private static final int[] INT_EDGES = {0, 1, -1, 2, 9, 10, 11, -10, 99, 100, 127, -128, 255, 1000,
        Integer.MAX_VALUE, Integer.MIN_VALUE};
    private static final long[] LONG_EDGES = {0, 1, -1, 9, 10, 11, -10, 99, 100, 101, -100, 1L << 32,
        Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
    private static final double[] DOUBLE_EDGES = {0.0, -0.0, 1.0, -1.0, 0.1, 0.5, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE};
    private static final String[] STRING_EDGES = {"", " ", "a", "\u00fc\u20ac\ud83d\ude00", "a,b", "\"q\"",
        "line\nbreak", "  padded  ", "0", "-1", "null"};
    private static final String CHARS = "abcxyzABCXYZ0189 ,;.\"'\\\n\t-_\u00e9\u00fc\u20ac\u4e2d";
    private static final char[] CHAR_EDGES = {'\0', 'a', 'Z', ' ', ',', '"', '\n', '\u00e9', '\uffff', '\ud83d', '0'};

    private final RandomGenerator random;
    private final int sweep;
    private int draws;

    InputGenerator(RandomGenerator random) {
        this(random, -1);
    }

    /**
     * @param sweep -1 for random draws; otherwise every primitive, character and string draw takes an
     *              edge value in turn, starting at this index (the gate's first inputs sweep the edges,
     *              so that 0, 10, MAX_VALUE or the empty string are tried for certain, not by chance)
     */
    InputGenerator(RandomGenerator random, int sweep) {
        this.random = random;
        this.sweep = sweep;
    }

    /** An index into an edge table: the next in turn when sweeping, else random. */
    private int edgeIndex(int length) {
        return sweep >= 0 ? Math.floorMod(sweep + draws++, length) : random.nextInt(length);
    }

    /** Why values of {@code type} cannot be generated, or null when they can. */
    static String unsupported(Type type) {
        return unsupported(type, new HashSet<>());
    }

    private static String unsupported(Type type, Set<Class<?>> visiting) {
        Class<?> raw = raw(type);
        if (raw == null) {
            return "type " + type.getTypeName() + " is not a class";
        }
        if (raw.isPrimitive() || raw == String.class || raw == CharSequence.class || isBox(raw) || raw == Object.class
                || raw == Number.class || raw == Comparable.class || raw == BigInteger.class || raw == BigDecimal.class
                || raw.isEnum()) {
            return raw == void.class ? "void is not a value" : null;
        }
        if (raw.isArray()) {
            return unsupported(type instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType(),
                    visiting);
        }
        if (collection(raw) != null || raw == Optional.class) {
            for (int i = 0; i < (Map.class.isAssignableFrom(raw) ? 2 : 1); i++) {
                String why = unsupported(typeArgument(type, i), visiting);
                if (why != null) {
                    return why;
                }
            }
            return null;
        }
        if (raw.isRecord()) {
            if (!visiting.add(raw)) {
                return null; // recursion ends at the depth limit with null or an empty collection
            }
            for (RecordComponent c : raw.getRecordComponents()) {
                String why = unsupported(c.getGenericType(), visiting);
                if (why != null) {
                    return why;
                }
            }
            visiting.remove(raw);
            return null;
        }
        return "no generator for " + raw.getName();
    }

    /** A value of {@code type}; null allowed for reference types when {@code nullable}. */
    Object value(Type type, int depth, boolean nullable) throws ReflectiveOperationException {
        Class<?> raw = raw(type);
        if (!raw.isPrimitive() && nullable && random.nextInt(16) == 0) {
            return null;
        }
        if (raw == int.class || raw == Integer.class || raw == Object.class || raw == Comparable.class) {
            return nextInt();
        }
        if (raw == long.class || raw == Long.class) {
            return edge() ? LONG_EDGES[edgeIndex(LONG_EDGES.length)] : small() ? random.nextLong(-50, 51) : random.nextLong();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return random.nextBoolean();
        }
        if (raw == double.class || raw == Double.class || raw == Number.class) {
            return nextDouble();
        }
        if (raw == float.class || raw == Float.class) {
            return (float) nextDouble();
        }
        if (raw == short.class || raw == Short.class) {
            return edge() ? (short) new int[] {0, 1, -1, Short.MIN_VALUE, Short.MAX_VALUE}[edgeIndex(5)]
                    : (short) random.nextInt(Short.MIN_VALUE, Short.MAX_VALUE + 1);
        }
        if (raw == byte.class || raw == Byte.class) {
            return (byte) (edge() ? new int[] {0, 1, -1, Byte.MIN_VALUE, Byte.MAX_VALUE}[edgeIndex(5)] : random.nextInt(256));
        }
        if (raw == char.class || raw == Character.class) {
            return edge() ? CHAR_EDGES[edgeIndex(CHAR_EDGES.length)] : CHARS.charAt(random.nextInt(CHARS.length()));
        }
        if (raw == String.class || raw == CharSequence.class) {
            return nextString();
        }
        if (raw == BigInteger.class) {
            return BigInteger.valueOf((Long) value(long.class, depth, false));
        }
        if (raw == BigDecimal.class) {
            return BigDecimal.valueOf((Long) value(long.class, depth, false), random.nextInt(0, 4));
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants.length == 0 ? null : constants[random.nextInt(constants.length)];
        }
        if (raw.isArray()) {
            Type component = type instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
            int n = size(depth);
            Object array = Array.newInstance(raw.getComponentType(), n);
            for (int i = 0; i < n; i++) {
                Array.set(array, i, value(component, depth + 1, false));
            }
            return array;
        }
        if (raw == Optional.class) {
            return random.nextInt(4) == 0 ? Optional.empty() : Optional.of(value(typeArgument(type, 0), depth + 1, false));
        }
        Object collection = collection(raw);
        if (collection instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<Object, Object> map = (Map<Object, Object>) collection;
            for (int i = size(depth); i > 0; i--) {
                map.put(value(typeArgument(type, 0), depth + 1, false), value(typeArgument(type, 1), depth + 1, false));
            }
            return map;
        }
        if (collection instanceof Collection<?>) {
            @SuppressWarnings("unchecked")
            Collection<Object> items = (Collection<Object>) collection;
            for (int i = size(depth); i > 0; i--) {
                items.add(value(typeArgument(type, 0), depth + 1, false));
            }
            return items;
        }
        if (raw.isRecord()) {
            return record(raw, depth);
        }
        throw new IllegalArgumentException("no generator for " + raw.getName());
    }

    private Object record(Class<?> raw, int depth) throws ReflectiveOperationException {
        RecordComponent[] components = raw.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            boolean deep = depth >= MAX_DEPTH && !types[i].isPrimitive();
            args[i] = deep ? (types[i] == String.class ? "" : null) : value(components[i].getGenericType(), depth + 1, true);
        }
        Constructor<?> canonical = raw.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        try {
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new GenerationException(raw.getName() + "'s constructor refused the generated components: "
                    + WorkerProtocol.describe(e.getCause()), e.getCause());
        }
    }

    /** The record's constructor (application code) threw for generated components. */
    static final class GenerationException extends ReflectiveOperationException {
        private static final long serialVersionUID = 1L;

        GenerationException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private boolean edge() {
        return sweep >= 0 || random.nextInt(4) == 0;
    }

    private boolean small() {
        return random.nextInt(10) < 7;
    }

    private int nextInt() {
        return edge() ? INT_EDGES[edgeIndex(INT_EDGES.length)] : small() ? random.nextInt(-20, 21) : random.nextInt();
    }

    private double nextDouble() {
        return edge() ? DOUBLE_EDGES[edgeIndex(DOUBLE_EDGES.length)] : random.nextDouble(-100, 100);
    }

    private String nextString() {
        if (edge()) {
            return STRING_EDGES[edgeIndex(STRING_EDGES.length)];
        }
        int n = random.nextInt(0, 11);
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(20) == 0) {
                s.append("\ud83d\ude00");
            } else {
                s.append(CHARS.charAt(random.nextInt(CHARS.length())));
            }
        }
        return s.toString();
    }

    private int size(int depth) {
        if (depth >= MAX_DEPTH || random.nextInt(7) == 0) {
            return 0;
        }
        return random.nextInt(1, Math.max(2, 7 - 2 * depth));
    }

    /** An empty mutable collection or map for a collection type, or null when it is none. */
    private static Object collection(Class<?> raw) {
        if (raw == List.class || raw == Collection.class || raw == Iterable.class || raw == ArrayList.class) {
            return new ArrayList<>();
        }
        if (raw == LinkedList.class) {
            return new LinkedList<>();
        }
        if (raw == Set.class || raw == HashSet.class || raw == LinkedHashSet.class) {
            return new LinkedHashSet<>();
        }
        if (raw == java.util.SortedSet.class || raw == java.util.NavigableSet.class || raw == TreeSet.class) {
            return new TreeSet<>();
        }
        if (raw == java.util.Queue.class || raw == java.util.Deque.class || raw == ArrayDeque.class) {
            return new ArrayDeque<>();
        }
        if (raw == Map.class || raw == java.util.HashMap.class || raw == LinkedHashMap.class) {
            return new LinkedHashMap<>();
        }
        if (raw == java.util.SortedMap.class || raw == java.util.NavigableMap.class || raw == TreeMap.class) {
            return new TreeMap<>();
        }
        return null;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    /** The class of a type: wildcards and type variables by their first upper bound. */
    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof GenericArrayType g) {
            Class<?> component = raw(g.getGenericComponentType());
            return component == null ? null : Array.newInstance(component, 0).getClass();
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> v) {
            return raw(v.getBounds()[0]);
        }
        return null;
    }

    private static boolean isBox(Class<?> c) {
        return c == Integer.class || c == Long.class || c == Boolean.class || c == Double.class || c == Float.class
                || c == Short.class || c == Byte.class || c == Character.class;
    }

    /**
     * Fits a rebuilt recorded value to a parameter type: the collection kinds the generator would
     * have made for that type; other values unchanged (a mismatch then fails the call like a bad argument).
     */
    @SuppressWarnings("unchecked")
    static Object adapt(Object value, Class<?> type) {
        if (value == null || type.isInstance(value) || type.isPrimitive()) {
            return value;
        }
        Object target = collection(type);
        if (target instanceof Collection<?> c && value instanceof Collection<?> source) {
            ((Collection<Object>) c).addAll(source);
            return c;
        }
        if (target instanceof Map<?, ?> m && value instanceof Map<?, ?> source) {
            ((Map<Object, Object>) m).putAll(source);
            return m;
        }
        return value;
    }

    /** True when a parameter may receive null: a reference type without a NonNull-style annotation. */
    static boolean nullable(Class<?> type, java.lang.annotation.Annotation[] annotations) {
        if (type.isPrimitive()) {
            return false;
        }
        for (java.lang.annotation.Annotation a : annotations) {
            String name = a.annotationType().getSimpleName();
            if (name.equalsIgnoreCase("NonNull") || name.equals("NotNull")) {
                return false;
            }
        }
        return true;
    }
}
