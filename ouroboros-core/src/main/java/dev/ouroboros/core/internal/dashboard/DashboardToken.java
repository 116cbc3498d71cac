package dev.ouroboros.core.internal.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The dashboard's secret: 192 random bits from {@link SecureRandom}, made once per engine and printed at start.
 *
 * <p>It travels only in the {@value #HEADER} header or a {@code token} form field that the page's script
 * fills in, never in a cookie, so a browser never sends it on its own to a request another site forged.
 */
final class DashboardToken {

    /** The request header that carries the token. */
    static final String HEADER = "X-Ouroboros-Token";

    private final String value;

    private DashboardToken(String value) {
        this.value = value;
    }

    static DashboardToken random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return new DashboardToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    String value() {
        return value;
    }

    /** Returns why the given token is refused; empty when it is the right one (compared in constant time). */
    Optional<String> check(String given) {
        if (given == null || given.isBlank()) {
            return Optional.of("refused: this action changes the running program and needs the dashboard token, in"
                    + " the " + HEADER + " header or a token form field; the engine printed it at start in the line"
                    + " 'ouroboros: dashboard at ... token=...'");
        }
        if (!MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), given.strip().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("refused: wrong dashboard token; use the one in the line 'ouroboros: dashboard at ..."
                    + " token=...' that this engine printed at start");
        }
        return Optional.empty();
    }
}
