package dev.ouroboros.core.internal.report;

import java.util.Locale;

/**
 * Escaping and number formatting for the report; every piece of text goes through {@link #text}. The
 * dashboard escapes with the same {@link #text}.
 */
public final class Html {

    private Html() {
    }

    /** Escapes text for element content and quoted attribute values. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters other than tab and newline would make the page invalid XML in SVG.
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append("&#xFFFD;");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Formats a number with the given decimals, or an en dash when it is not a number. */
    static String num(double d, int decimals) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%." + decimals + "f", d) : "–";
    }

    /** Formats an SVG coordinate. */
    static String xy(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
