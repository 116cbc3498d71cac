package dev.ouroboros.arena.internal;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The serialization-free text form of recorded argument values, written by the host and rebuilt by
 * a worker in each version's class loader. One token per value, separated by spaces: {@code n}
 * (null), {@code Z1} {@code B-3} {@code S7} {@code C97} {@code I5} {@code J-9} (boolean, byte,
 * short, char code, int, long), {@code F<bits>} {@code D<bits>} (float and double bits),
 * {@code T<base64>} (string), {@code A<array class name>:<n>}, {@code L<n>} (list), {@code E<n>}
 * (set), {@code M<n>} (map, n key-value pairs), each followed by its elements,
 * {@code N<enum class>:<constant>} and {@code R<record class>:<n>} followed by its components.
 */
public final class RecordedValues {

    private RecordedValues() {
    }

    /**
     * Encodes the values.
     *
     * @throws IllegalArgumentException naming the first value that cannot be rebuilt in a worker
     */
    public static String encode(List<?> values) {
        StringBuilder out = new StringBuilder();
        for (Object v : values) {
            write(out, v, 0);
        }
        return out.toString().strip();
    }

    private static void write(StringBuilder out, Object v, int depth) {
        if (depth > 32) {
            throw new IllegalArgumentException("recorded values nest deeper than 32 levels (a cycle?)");
        }
        out.append(' ');
        if (v == null) {
            out.append('n');
        } else if (v instanceof Boolean b) {
            out.append(b ? "Z1" : "Z0");
        } else if (v instanceof Byte b) {
            out.append('B').append(b);
        } else if (v instanceof Short s) {
            out.append('S').append(s);
        } else if (v instanceof Character c) {
            out.append('C').append((int) c);
        } else if (v instanceof Integer i) {
            out.append('I').append(i);
        } else if (v instanceof Long l) {
            out.append('J').append(l);
        } else if (v instanceof Float f) {
            out.append('F').append(Float.floatToRawIntBits(f));
        } else if (v instanceof Double d) {
            out.append('D').append(Double.doubleToRawLongBits(d));
        } else if (v instanceof String s) {
            out.append('T').append(Base64.getEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
        } else if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            out.append('A').append(v.getClass().getName()).append(':').append(n);
            for (int i = 0; i < n; i++) {
                write(out, Array.get(v, i), depth + 1);
            }
        } else if (v instanceof List<?> list) {
            writeAll(out.append('L').append(list.size()), list, depth);
        } else if (v instanceof Set<?> set) {
            writeAll(out.append('E').append(set.size()), set, depth);
        } else if (v instanceof Map<?, ?> map) {
            out.append('M').append(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(out, e.getKey(), depth + 1);
                write(out, e.getValue(), depth + 1);
            }
        } else if (v instanceof Enum<?> e) {
            out.append('N').append(e.getDeclaringClass().getName()).append(':').append(e.name());
        } else if (v.getClass().isRecord()) {
            RecordComponent[] components = v.getClass().getRecordComponents();
            out.append('R').append(v.getClass().getName()).append(':').append(components.length);
            for (RecordComponent c : components) {
                try {
                    c.getAccessor().setAccessible(true);
                    write(out, c.getAccessor().invoke(v), depth + 1);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalArgumentException("cannot read component " + c.getName() + " of the recorded "
                            + v.getClass().getName() + ": " + e, e);
                }
            }
        } else {
            throw new IllegalArgumentException("a recorded argument of type " + v.getClass().getName()
                    + " cannot be rebuilt in a worker: use null, boxed primitives, strings, arrays, lists, sets, maps,"
                    + " enums or records of those");
        }
    }

    private static void writeAll(StringBuilder out, Collection<?> items, int depth) {
        for (Object item : items) {
            write(out, item, depth + 1);
        }
    }

    /**
     * Rebuilds the values with {@code loader}'s classes (records and enums by name).
     *
     * @throws IllegalArgumentException when the text is malformed or a class cannot be rebuilt
     */
    public static List<Object> decode(String text, ClassLoader loader) {
        String[] tokens = text.isBlank() ? new String[0] : text.strip().split(" ");
        Reader reader = new Reader(tokens, loader);
        List<Object> values = new ArrayList<>();
        while (reader.pos < tokens.length) {
            values.add(reader.next());
        }
        return values;
    }

    private static final class Reader {
        final String[] tokens;
        final ClassLoader loader;
        int pos;

        Reader(String[] tokens, ClassLoader loader) {
            this.tokens = tokens;
            this.loader = loader;
        }

        Object next() {
            if (pos >= tokens.length) {
                throw new IllegalArgumentException("recorded values end early");
            }
            String t = tokens[pos++];
            String body = t.substring(1);
            try {
                return switch (t.charAt(0)) {
                    case 'n' -> null;
                    case 'Z' -> body.equals("1");
                    case 'B' -> Byte.valueOf(body);
                    case 'S' -> Short.valueOf(body);
                    case 'C' -> (char) Integer.parseInt(body);
                    case 'I' -> Integer.valueOf(body);
                    case 'J' -> Long.valueOf(body);
                    case 'F' -> Float.intBitsToFloat(Integer.parseInt(body));
                    case 'D' -> Double.longBitsToDouble(Long.parseLong(body));
                    case 'T' -> new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
                    case 'A' -> array(body);
                    case 'L' -> fill(new ArrayList<>(), Integer.parseInt(body));
                    case 'E' -> fill(new LinkedHashSet<>(), Integer.parseInt(body));
                    case 'M' -> map(Integer.parseInt(body));
                    case 'N' -> constant(body);
                    case 'R' -> record(body);
                    default -> throw new IllegalArgumentException("unknown recorded value token '" + t + "'");
                };
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot rebuild recorded value '" + t + "': " + WorkerProtocol.describe(e), e);
            }
        }

        private Object array(String body) throws ClassNotFoundException {
            int colon = body.lastIndexOf(':');
            Class<?> type = Class.forName(body.substring(0, colon), false, loader);
            int n = Integer.parseInt(body.substring(colon + 1));
            Object array = Array.newInstance(type.getComponentType(), n);
            for (int i = 0; i < n; i++) {
                Array.set(array, i, InputGenerator.adapt(next(), type.getComponentType()));
            }
            return array;
        }

        private <C extends Collection<Object>> C fill(C target, int n) {
            for (int i = 0; i < n; i++) {
                target.add(next());
            }
            return target;
        }

        private Map<Object, Object> map(int n) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                Object key = next();
                map.put(key, next());
            }
            return map;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object constant(String body) throws ClassNotFoundException {
            int colon = body.lastIndexOf(':');
            Class type = Class.forName(body.substring(0, colon), true, loader);
            return Enum.valueOf(type, body.substring(colon + 1));
        }

        private Object record(String body) throws ReflectiveOperationException {
            int colon = body.lastIndexOf(':');
            Class<?> type = Class.forName(body.substring(0, colon), true, loader);
            int n = Integer.parseInt(body.substring(colon + 1));
            RecordComponent[] components = type.getRecordComponents();
            if (components == null || components.length != n) {
                throw new IllegalArgumentException(type.getName() + " is not a record of " + n + " components");
            }
            Class<?>[] types = new Class<?>[n];
            Object[] args = new Object[n];
            for (int i = 0; i < n; i++) {
                types[i] = components[i].getType();
                args[i] = InputGenerator.adapt(next(), types[i]);
            }
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(args);
        }
    }
}
