package dev.ouroboros.core.internal.dashboard;

import dev.ouroboros.core.internal.journal.Json;
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
        // The journal's escaping, and '<', '>', '&' as well, so JSON text can never close a script element it is
        // embedded in (the escapes themselves contain none of the three), and the two line separators JavaScript
        // string literals do not accept.
        out.append(Json.quote(s).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace(String.valueOf((char) 0x2028), "\\u2028").replace(String.valueOf((char) 0x2029), "\\u2029"));
    }
}
