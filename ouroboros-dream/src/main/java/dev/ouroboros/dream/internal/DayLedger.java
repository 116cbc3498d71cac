package dev.ouroboros.dream.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The wall and CPU time dream sessions used per calendar day, and how much a new session may still be granted.
 * A session is charged to the day it started on; the last week is kept.
 */
public final class DayLedger {

    private static final int DAYS_KEPT = 7;

    private final Duration dailyWall;
    private final Duration dailyCpu;
    private final TreeMap<LocalDate, Duration[]> used = new TreeMap<>();

    /** Creates a ledger with the given daily limits; both must be positive. */
    public DayLedger(Duration dailyWall, Duration dailyCpu) {
        this.dailyWall = Objects.requireNonNull(dailyWall, "dailyWall");
        this.dailyCpu = Objects.requireNonNull(dailyCpu, "dailyCpu");
    }

    /** What a session may use: wall time and CPU time, both never negative. */
    public record Allowance(Duration wall, Duration cpu) {
        public Allowance {
            if (wall.isNegative() || cpu.isNegative()) {
                throw new IllegalArgumentException("allowance must not be negative, was " + wall + " / " + cpu);
            }
        }
    }

    /** Returns what a session starting on {@code day} may use: its own limits, capped by the day's remainder. */
    public Allowance grant(LocalDate day, Duration sessionWall, Duration sessionCpu) {
        Duration[] u = used.getOrDefault(day, new Duration[] {Duration.ZERO, Duration.ZERO});
        return new Allowance(min(sessionWall, nonNegative(dailyWall.minus(u[0]))),
                min(sessionCpu, nonNegative(dailyCpu.minus(u[1]))));
    }

    /** Charges a finished session's wall and CPU time to the day it started on. */
    public void charge(LocalDate day, Duration wall, Duration cpu) {
        Duration[] u = used.computeIfAbsent(day, d -> new Duration[] {Duration.ZERO, Duration.ZERO});
        u[0] = u[0].plus(nonNegative(wall));
        u[1] = u[1].plus(nonNegative(cpu));
        while (used.size() > DAYS_KEPT) {
            used.pollFirstEntry();
        }
    }

    /** Returns the wall time charged to {@code day}. */
    public Duration wallUsed(LocalDate day) {
        Duration[] u = used.get(day);
        return u == null ? Duration.ZERO : u[0];
    }

    /** Returns the CPU time charged to {@code day}. */
    public Duration cpuUsed(LocalDate day) {
        Duration[] u = used.get(day);
        return u == null ? Duration.ZERO : u[1];
    }

    /** Returns an unmodifiable copy of the days and their wall and CPU use. */
    public Map<LocalDate, Allowance> usage() {
        TreeMap<LocalDate, Allowance> copy = new TreeMap<>();
        used.forEach((d, u) -> copy.put(d, new Allowance(u[0], u[1])));
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
