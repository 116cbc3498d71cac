package dev.ouroboros.core.internal.dashboard;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads an {@code application/x-www-form-urlencoded} request body; any other body reads as no fields. */
final class FormBody {

    private FormBody() {
    }

    static Map<String, String> parse(String contentType, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return fields;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.putIfAbsent(key, value);
        }
        return fields;
    }

    /** Decodes one URL-encoded component; a malformed escape is kept as written. */
    static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
