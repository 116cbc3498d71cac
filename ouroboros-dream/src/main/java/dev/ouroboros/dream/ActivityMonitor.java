package dev.ouroboros.dream;

import dev.ouroboros.dream.internal.CgroupLimits;
import dev.ouroboros.dream.internal.SysBlockStat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.PowerSource;
import oshi.software.os.OSProcess;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads this machine's activity through OSHI: system CPU load between its own samples, this JVM's CPU, memory
 * in use, disk operations per second from {@code HWDiskStore} counter deltas, and the power source if there is
 * one. Where a cgroup CPU quota or memory limit is lower than the machine's, CPU and memory are judged against
 * the cgroup instead.
 *
 * <p>All monitors share one OSHI {@code SystemInfo}. Each {@link #sample()} reports rates over the interval since
 * the previous call (or since creation); the scheduler calls it once per period (default 2 s; OSHI's CPU ticks
 * are 10-16 ms coarse, so much shorter periods are noise). A metric that cannot be read is reported as unknown
 * (its cause logged once at INFO); the scheduler then warns once and never counts the machine as idle.
 * Thread-safe.
 */
public final class ActivityMonitor implements MetricsSource {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityMonitor.class);

    /** One OSHI entry point per JVM: it caches what it has probed. */
    private static final class Oshi {
        static final SystemInfo SYSTEM = new SystemInfo();
    }

    private static final long LIMITS_REFRESH_NANOS = 60_000_000_000L;

    private final Clock clock;
    private final HardwareAbstractionLayer hardware;
    private final CentralProcessor processor;
    private final GlobalMemory memory;
    private final OSProcess self;
    private final List<PowerSource> powerSources;
    private final CgroupLimits cgroup;
    private final int logicalCpus;
    private final Set<String> warned = new HashSet<>();

    private final java.lang.management.OperatingSystemMXBean jvm =
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private long limitsReadAt;
    private OptionalDouble cpuQuota = OptionalDouble.empty();
    private OptionalLong memoryLimit = OptionalLong.empty();
    private long previousNanos;
    private long[] previousTicks;
    private long previousProcessNanos = -1;
    private long previousCgroupCpu = -1;
    private Map<String, long[]> previousDisks;
    private List<Disk> disks = List.of();
    private long disksListedAt;

    /** One disk: OSHI's store, and the cheap sysfs reading of the same counters where there is one. */
    private record Disk(HWDiskStore store, SysBlockStat sysfs) {
        long[] counters() {
            if (sysfs != null) {
                long[] c = sysfs.read();
                if (c != null) {
                    return c;
                }
            }
            return store.updateAttributes()
                    ? new long[] {store.getReads() + store.getWrites(), store.getReadBytes() + store.getWriteBytes()}
                    : null;
        }
    }

    private ActivityMonitor(Clock clock) {
        this.clock = clock;
        this.hardware = Oshi.SYSTEM.getHardware();
        this.processor = hardware.getProcessor();
        this.memory = hardware.getMemory();
        this.self = Oshi.SYSTEM.getOperatingSystem().getCurrentProcess();
        this.logicalCpus = processor.getLogicalProcessorCount();
        this.powerSources = readOrDefault("power sources", hardware::getPowerSources, List.of());
        this.cgroup = CgroupLimits.detect();
        sample();
    }

    /** Returns a monitor of this machine whose clock is the system clock in the default time zone. */
    public static ActivityMonitor create() {
        return new ActivityMonitor(Clock.systemDefaultZone());
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public synchronized ActivitySample sample() {
        long nanos = System.nanoTime();
        double seconds = previousNanos == 0 ? Double.NaN : (nanos - previousNanos) / 1e9;
        previousNanos = nanos;
        CpuMetrics cpu = readOrDefault("CPU", () -> readCpu(seconds), CpuMetrics.unknown());
        MemoryMetrics mem = readOrDefault("memory", this::readMemory, MemoryMetrics.unknown());
        IoMetrics io = readOrDefault("disk", () -> readDisks(seconds), IoMetrics.unknown());
        Optional<PowerMetrics> power = readOrDefault("power", this::readPower, Optional.empty());
        return new ActivitySample(clock.instant(), cpu, mem, io, power);
    }

    /** Returns the logical processor count OSHI reports. */
    public int logicalProcessors() {
        return logicalCpus;
    }

    private CpuMetrics readCpu(double seconds) {
        long[] ticks = processor.getSystemCpuLoadTicks();
        long[] priorTicks = previousTicks;
        previousTicks = ticks;
        long processNanos = processCpuNanos();
        long priorProcess = previousProcessNanos;
        previousProcessNanos = processNanos;
        refreshLimits();
        OptionalDouble quota = cpuQuota;
        boolean limited = quota.isPresent() && quota.getAsDouble() < logicalCpus;
        OptionalLong cgroupCpu = limited ? cgroup.cpuUsageNanos() : OptionalLong.empty();
        long priorCgroup = previousCgroupCpu;
        previousCgroupCpu = cgroupCpu.orElse(-1);

        double capacity = logicalCpus;
        double load;
        if (limited && cgroupCpu.isPresent()) {
            capacity = quota.getAsDouble();
            load = priorCgroup < 0 || !(seconds > 0) ? Double.NaN
                    : (cgroupCpu.getAsLong() - priorCgroup) / 1e9 / (seconds * capacity);
        } else {
            load = priorTicks == null ? Double.NaN : processor.getSystemCpuLoadBetweenTicks(priorTicks, ticks);
        }
        double processLoad = priorProcess < 0 || processNanos < 0 || !(seconds > 0) ? Double.NaN
                : (processNanos - priorProcess) / 1e9 / (seconds * capacity);
        return new CpuMetrics(clampFraction(load), clampFraction(processLoad), capacity > 0 ? capacity : Double.NaN);
    }

    private MemoryMetrics readMemory() {
        long total = memory.getTotal();
        long used = total - memory.getAvailable();
        refreshLimits();
        OptionalLong limit = memoryLimit;
        if (limit.isPresent() && limit.getAsLong() < total) {
            OptionalLong cgroupUsed = cgroup.memoryUsedBytes();
            if (cgroupUsed.isPresent()) {
                return new MemoryMetrics(cgroupUsed.getAsLong(), limit.getAsLong());
            }
        }
        return total > 0 && used >= 0 ? new MemoryMetrics(used, total) : MemoryMetrics.unknown();
    }

    /** This JVM's CPU time: the JDK's own counter where it has one (cheap), else OSHI's process reading. */
    private long processCpuNanos() {
        if (jvm instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            long nanos = hotspot.getProcessCpuTime();
            if (nanos >= 0) {
                return nanos;
            }
        }
        return self.updateAttributes() ? (self.getKernelTime() + self.getUserTime()) * 1_000_000 : -1;
    }

    /** Limits change rarely (a container resized); reading them once a minute keeps sampling cheap. */
    private void refreshLimits() {
        long now = System.nanoTime();
        if (limitsReadAt == 0 || now - limitsReadAt > LIMITS_REFRESH_NANOS) {
            limitsReadAt = now;
            cpuQuota = cgroup.cpuQuotaCores();
            memoryLimit = cgroup.memoryLimitBytes();
        }
    }

    /**
     * Disk operations and bytes per second, from {@code HWDiskStore} counter deltas. On Linux the counters come
     * from {@code /sys/block/<disk>/stat}, the file OSHI reads through libudev, read directly because a udev
     * enumeration per sample would cost more than the monitor's whole CPU budget.
     */
    private IoMetrics readDisks(double seconds) {
        long nanos = System.nanoTime();
        if (disksListedAt == 0 || nanos - disksListedAt > LIMITS_REFRESH_NANOS) {
            // OSHI lists the disks (a udev enumeration on Linux) once a minute, to see disks come and go.
            disksListedAt = nanos;
            disks = hardware.getDiskStores().stream()
                    .map(d -> new Disk(d, SysBlockStat.forDisk(d.getName()).orElse(null)))
                    .toList();
        }
        Map<String, long[]> now = new HashMap<>();
        for (Disk disk : disks) {
            long[] counters = disk.counters();
            if (counters != null) {
                now.put(disk.store().getName(), counters);
            }
        }
        Map<String, long[]> prior = previousDisks;
        previousDisks = now;
        if (prior == null || !(seconds > 0)) {
            return IoMetrics.unknown();
        }
        long ops = 0;
        long bytes = 0;
        for (Map.Entry<String, long[]> e : now.entrySet()) {
            long[] before = prior.get(e.getKey());
            if (before != null && e.getValue()[0] >= before[0] && e.getValue()[1] >= before[1]) {
                ops += e.getValue()[0] - before[0];
                bytes += e.getValue()[1] - before[1];
            }
        }
        return new IoMetrics(ops / seconds, bytes / seconds);
    }

    private Optional<PowerMetrics> readPower() {
        if (powerSources.isEmpty()) {
            return Optional.empty();
        }
        boolean anyOnLine = false;
        boolean anyDischarging = false;
        double remaining = 100;
        for (PowerSource source : powerSources) {
            source.updateAttributes();
            anyOnLine |= source.isPowerOnLine();
            anyDischarging |= source.isDischarging();
            double percent = source.getRemainingCapacityPercent() * 100;
            if (percent >= 0 && percent <= 100) {
                remaining = Math.min(remaining, percent);
            }
        }
        return Optional.of(new PowerMetrics(anyDischarging || !anyOnLine, remaining));
    }

    private <T> T readOrDefault(String what, Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (RuntimeException | LinkageError e) {
            if (warned.add(what)) {
                // INFO, not WARN: the scheduler gives the one warning, saying what an unreadable metric means.
                LOG.info("Cannot read {} through OSHI on this platform: {}", what, e.toString(), e);
            }
            return fallback;
        }
    }

    private static double clampFraction(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.NaN;
        }
        return Math.max(0, Math.min(1, value));
    }
}
