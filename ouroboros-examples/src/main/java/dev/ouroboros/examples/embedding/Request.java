package dev.ouroboros.examples.embedding;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One HTTP request as a web server logs it.
 *
 * @param client    client address
 * @param time      when the request arrived
 * @param method    HTTP method
 * @param target    request target: path, optionally with a query string
 * @param status    HTTP status of the response
 * @param bytes     response body size; -1 when the server logged {@code -} (no body)
 * @param userAgent the client's User-Agent header
 */
public record Request(String client, Instant time, String method, String target, int status, long bytes,
        String userAgent) {

    private static final DateTimeFormatter CLF_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Returns the path without its query string. */
    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /** Renders the request as one line of the combined log format. */
    public String logLine() {
        return client + " - - [" + CLF_TIME.format(time) + "] \"" + method + " " + target + " HTTP/1.1\" " + status
                + " " + (bytes < 0 ? "-" : Long.toString(bytes)) + " \"-\" \"" + userAgent + "\"";
    }
}
