package dev.ouroboros.dream;

/**
 * The state of the machine's power source, present only on machines that have one (laptops, UPS-backed hosts).
 *
 * @param onBattery        true when no source is on line power, so the machine runs on its battery
 * @param remainingPercent remaining battery charge, 0 to 100
 */
public record PowerMetrics(boolean onBattery, double remainingPercent) {

    public PowerMetrics {
        if (!(remainingPercent >= 0 && remainingPercent <= 100)) {
            throw new IllegalArgumentException("remainingPercent must be between 0 and 100, was " + remainingPercent);
        }
    }
}
