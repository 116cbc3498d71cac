package dev.ouroboros.core.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Adds up the wall time a cycle spends in each stage, for the result and for {@code scripts/bench core}. */
final class StageClock {

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    <T> T time(String stage, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            nanos.merge(stage, System.nanoTime() - start, Long::sum);
        }
    }

    Map<String, Duration> snapshot() {
        Map<String, Duration> out = new LinkedHashMap<>();
        nanos.forEach((k, v) -> out.put(k, Duration.ofNanos(v)));
        return out;
    }
}
