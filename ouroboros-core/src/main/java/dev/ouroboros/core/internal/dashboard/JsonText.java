package dev.ouroboros.core.internal.dashboard;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/** Writes the dashboard's JSON: maps, lists, strings, numbers, booleans and null; non-finite numbers become null. */
final class JsonText {

    private JsonText() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        value(out, value);
        return out.toString();
    }

    private static void value(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof Boolean b) {
            out.append(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            out.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.4f", d) : "null");
        } else if (v instanceof Number n) {
            out.append(n.longValue());
        } else if (v instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(out, String.valueOf(e.getKey()));
                out.append(':');
                value(out, e.getValue());
            }
            out.append('}');
        } else if (v instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object o : list) {
                out.append(first ? "" : ",");
                first = false;
                value(out, o);
            }
            out.append(']');
        } else {
            string(out, v.toString());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // '<' and '>' escaped too, so JSON text can never close a script element it is embedded in.
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
