package dev.ouroboros.arena.internal;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a value into a form that compares by content across class loaders, for the differential
 * gate: the original's and the mutant's objects come from different loaders, so their classes are
 * never equal and their own {@code equals} cannot be trusted. Arrays and lists become ordered
 * sequences, sets and maps unordered ones; records, enums and application objects are compared by
 * class name and field values (cycles and very deep graphs end in a marker); floating-point values
 * by their bits ({@link Float#floatToIntBits}: every NaN is one NaN, {@code -0.0} is not {@code 0.0});
 * strings and boxed values as themselves; JDK value types ({@code BigDecimal}, {@code LocalDate}...)
 * by their own {@code equals}; other character sequences by their text.
 */
final class Canon {

    private static final int MAX_DEPTH = 16;

    /** An ordered sequence of a kind ({@code int[]}, {@code list}, {@code queue}, {@code optional}). */
    record Seq(String kind, List<Object> items) {
    }

    /** A set of canonical values. */
    record Bag(Set<Object> items) {
    }

    /** A map of canonical keys to canonical values. */
    record Dict(Map<Object, Object> entries) {
    }

    /** An object by class name and field values (in declaration order, superclass fields first). */
    record Obj(String type, Map<String, Object> fields) {
    }

    /** A value known only by a label: an enum constant, a character sequence, a cycle, an opaque JDK object. */
    record Named(String kind, String type, String text) {
    }

    record FloatBits(int bits) {
    }

    record DoubleBits(long bits) {
    }

    private final IdentityHashMap<Object, Boolean> inProgress = new IdentityHashMap<>();

    private Canon() {
    }

    /** The canonical form of {@code value}; null stays null. */
    static Object of(Object value) {
        return new Canon().canon(value, 0);
    }

    private Object canon(Object v, int depth) {
        if (v == null || v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Boolean
                || v instanceof Character || v instanceof Short || v instanceof Byte) {
            return v;
        }
        if (v instanceof Float f) {
            return new FloatBits(Float.floatToIntBits(f));
        }
        if (v instanceof Double d) {
            return new DoubleBits(Double.doubleToLongBits(d));
        }
        Class<?> type = v.getClass();
        if (v instanceof Enum<?> e) {
            return new Named("enum", e.getDeclaringClass().getName(), e.name());
        }
        if (depth > MAX_DEPTH) {
            return new Named("deep", type.getName(), "");
        }
        if (inProgress.put(v, Boolean.TRUE) != null) {
            return new Named("cycle", type.getName(), "");
        }
        try {
            return composite(v, type, depth);
        } finally {
            inProgress.remove(v);
        }
    }

    private Object composite(Object v, Class<?> type, int depth) {
        if (type.isArray()) {
            int n = Array.getLength(v);
            List<Object> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(canon(Array.get(v, i), depth + 1));
            }
            return new Seq(type.getComponentType().getName() + "[]", items);
        }
        if (v instanceof Optional<?> o) {
            return new Seq("optional", o.isPresent() ? List.of(canon(o.get(), depth + 1)) : List.of());
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> entries = new HashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                entries.put(canon(e.getKey(), depth + 1), canon(e.getValue(), depth + 1));
            }
            return new Dict(entries);
        }
        if (v instanceof Set<?> set) {
            Set<Object> items = new HashSet<>();
            for (Object item : set) {
                items.add(canon(item, depth + 1));
            }
            return new Bag(items);
        }
        if (v instanceof Collection<?> c) {
            List<Object> items = new ArrayList<>(c.size());
            for (Object item : c) {
                items.add(canon(item, depth + 1));
            }
            return new Seq(v instanceof List<?> ? "list" : "queue", items);
        }
        if (v instanceof Throwable t) {
            return new Named("throwable", type.getName(), "");
        }
        if (isJdk(type)) {
            if (v instanceof CharSequence s) {
                return new Named("chars", "", s.toString());
            }
            return ownsEquals(type) ? v : new Named("opaque", type.getName(), "");
        }
        if (type.isHidden() || type.isSynthetic()) {
            return new Named("opaque", type.getName().replaceAll("/.*", ""), "");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && !isJdk(c); c = c.getSuperclass()) {
            chain.add(0, c);
        }
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    fields.put(c.getSimpleName() + "." + f.getName(), canon(f.get(v), depth + 1));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    fields.put(c.getSimpleName() + "." + f.getName(), new Named("unreadable", f.getType().getName(), ""));
                }
            }
        }
        return new Obj(type.getName(), fields);
    }

    private static boolean isJdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    private static boolean ownsEquals(Class<?> type) {
        try {
            return type.getMethod("equals", Object.class).getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** A short, readable rendering of a canonical value, cut at about {@code max} characters. */
    static String render(Object canon, int max) {
        StringBuilder out = new StringBuilder();
        render(canon, out, max);
        return out.length() > max ? out.substring(0, max) + "..." : out.toString();
    }

    private static void render(Object c, StringBuilder out, int max) {
        if (out.length() > max) {
            return;
        }
        if (c instanceof String s) {
            out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                    .replace("\t", "\\t")).append('"');
        } else if (c instanceof Character ch) {
            out.append(ch < 32 || ch > 126 ? String.format("'\\u%04x'", (int) ch) : "'" + ch + "'");
        } else if (c instanceof Long l) {
            out.append(l).append('L');
        } else if (c instanceof FloatBits f) {
            out.append(Float.intBitsToFloat(f.bits())).append('f');
        } else if (c instanceof DoubleBits d) {
            out.append(Double.longBitsToDouble(d.bits()));
        } else if (c instanceof Seq s) {
            out.append(s.kind().equals("list") || s.kind().equals("queue") ? "" : s.kind());
            all(s.items(), out, max, "[", "]");
        } else if (c instanceof Bag b) {
            all(new ArrayList<>(b.items()), out, max, "{", "}");
        } else if (c instanceof Dict d) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<Object, Object> e : d.entries().entrySet()) {
                out.append(first ? "" : ", ");
                first = false;
                render(e.getKey(), out, max);
                out.append('=');
                render(e.getValue(), out, max);
            }
            out.append('}');
        } else if (c instanceof Obj o) {
            out.append(o.type().substring(o.type().lastIndexOf('.') + 1)).append('[');
            out.append(o.fields().entrySet().stream().map(e -> e.getKey().substring(e.getKey().indexOf('.') + 1) + "="
                    + render(e.getValue(), max)).collect(Collectors.joining(", ")));
            out.append(']');
        } else if (c instanceof Named n) {
            out.append(switch (n.kind()) {
                case "enum" -> n.type().substring(n.type().lastIndexOf('.') + 1) + "." + n.text();
                case "chars" -> "\"" + n.text() + "\"";
                default -> "<" + n.kind() + " " + n.type() + ">";
            });
        } else {
            out.append(c);
        }
    }

    private static void all(List<Object> items, StringBuilder out, int max, String open, String close) {
        out.append(open);
        for (int i = 0; i < items.size() && out.length() <= max; i++) {
            out.append(i == 0 ? "" : ", ");
            render(items.get(i), out, max);
        }
        out.append(close);
    }
}
