package dev.ouroboros.core.internal.journal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tiny JSON codec for the journal's flat objects.
 *
 * <p>Values are strings, whole numbers ({@code long}), finite doubles, booleans, {@code null} and
 * one level of nested objects whose values are strings (written with sorted keys). Non-finite doubles
 * are written as {@code null}. Output is canonical: the same object always gives the same text, so a
 * checksum over the text is stable. Arrays and deeper nesting are refused: the journal never needs them.
 */
public final class Json {

    private Json() {
    }

    /** Thrown when a line is not a flat JSON object of the supported shape. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message, int position) {
            super(message + " at character " + (position + 1));
        }
    }

    /** Writes the object on one line, keys in the map's iteration order. */
    public static String write(Map<String, ?> object) {
        StringBuilder out = new StringBuilder(128);
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> e : object.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey());
            out.append(':');
            value(out, e.getValue());
        }
        return out.append('}').toString();
    }

    private static void value(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (v instanceof Long || v instanceof Integer) {
            out.append(((Number) v).longValue());
        } else if (v instanceof Double d) {
            out.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
                if (!(e.getKey() instanceof String k) || !(e.getValue() instanceof String s)) {
                    throw new IllegalArgumentException("nested objects must map strings to strings, was " + m);
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, k);
                out.append(':');
                string(out, s);
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("unsupported JSON value type " + v.getClass().getName());
        }
    }

    /** Returns {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        string(out, s);
        return out.toString();
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
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean lone = Character.isHighSurrogate(c)
                            ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
                    if (c < 0x20 || c == 0x7f || lone) {
                        // Control characters and unpaired surrogates would not survive UTF-8 unescaped.
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Reads one flat object; numbers without fraction or exponent become {@code Long}, others {@code Double}.
     *
     * @return the members in text order, unmodifiable; never null
     * @throws SyntaxException naming the position of the first problem
     */
    public static Map<String, Object> read(String text) throws SyntaxException {
        Reader r = new Reader(text);
        Map<String, Object> result = r.object(true);
        r.skipSpace();
        if (r.pos != text.length()) {
            throw new SyntaxException("text after the object", r.pos);
        }
        return Collections.unmodifiableMap(result);
    }

    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        Map<String, Object> object(boolean top) throws SyntaxException {
            skipSpace();
            expect('{');
            Map<String, Object> members = new LinkedHashMap<>();
            skipSpace();
            if (peek() == '}') {
                pos++;
                return members;
            }
            while (true) {
                skipSpace();
                int at = pos;
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                Object v = top ? value() : string();
                if (members.put(key, v) != null) {
                    throw new SyntaxException("duplicate key \"" + key + "\"", at);
                }
                skipSpace();
                char c = next();
                if (c == '}') {
                    return members;
                }
                if (c != ',') {
                    throw new SyntaxException("expected ',' or '}'", pos - 1);
                }
            }
        }

        Object value() throws SyntaxException {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (c == '{') {
                return Collections.unmodifiableMap(object(false));
            }
            if (s.startsWith("true", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", pos)) {
                pos += 4;
                return null;
            }
            return number();
        }

        Object number() throws SyntaxException {
            int start = pos;
            boolean integral = true;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '.' || c == 'e' || c == 'E') {
                    integral = false;
                } else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) {
                    break;
                }
                pos++;
            }
            String token = s.substring(start, pos);
            try {
                if (token.isEmpty()) {
                    throw new NumberFormatException();
                }
                return integral ? (Object) Long.parseLong(token) : (Object) Double.parseDouble(token);
            } catch (NumberFormatException e) {
                throw new SyntaxException("expected a value", start);
            }
        }

        String string() throws SyntaxException {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw new SyntaxException("unterminated string", pos);
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw new SyntaxException("raw control character in string", pos - 1);
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw new SyntaxException("short \\u escape", pos);
                        }
                        try {
                            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw new SyntaxException("bad \\u escape", pos);
                        }
                        pos += 4;
                    }
                    default -> throw new SyntaxException("bad escape \\" + e, pos - 1);
                }
            }
        }

        void skipSpace() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                pos++;
            }
        }

        char peek() throws SyntaxException {
            if (pos >= s.length()) {
                throw new SyntaxException("unexpected end", pos);
            }
            return s.charAt(pos);
        }

        char next() throws SyntaxException {
            char c = peek();
            pos++;
            return c;
        }

        void expect(char c) throws SyntaxException {
            if (next() != c) {
                throw new SyntaxException("expected '" + c + "'", pos - 1);
            }
        }
    }
}
