package dev.ouroboros.core.internal.dashboard;

/** HTML text for the dashboard: escaping and the frame every page shares. */
final class Html {

    private Html() {
    }

    /** Escapes text for an element's content or a quoted attribute value (the report's escaping). */
    static String escape(String text) {
        return dev.ouroboros.core.internal.report.Html.text(text);
    }

    /**
     * Wraps a page body in the shared frame: title, navigation, the stylesheet and the script, both served
     * by the dashboard itself (no external resources).
     */
    static String page(String title, String active, String body) {
        StringBuilder out = new StringBuilder(4096 + body.length());
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append(" · Ouroboros</title>")
                .append("<link rel=\"stylesheet\" href=\"/dashboard.css\">")
                .append("<script src=\"/dashboard.js\" defer></script></head><body>\n<header><strong>Ouroboros</strong><nav>");
        link(out, "/", "Live cycle", active);
        link(out, "/approvals", "Approvals", active);
        link(out, "/history", "History", active);
        link(out, "/report", "Report", active);
        out.append("</nav></header>\n<main>\n<h1>").append(escape(title)).append("</h1>\n").append(body)
                .append("\n</main></body></html>\n");
        return out.toString();
    }

    private static void link(StringBuilder out, String href, String label, String active) {
        out.append("<a href=\"").append(href).append('"').append(href.equals(active) ? " class=\"active\"" : "")
                .append('>').append(label).append("</a>");
    }
}
