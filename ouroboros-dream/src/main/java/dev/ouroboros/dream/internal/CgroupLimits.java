package dev.ouroboros.dream.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The CPU and memory limits of the cgroup this process runs in, read from {@code /sys/fs/cgroup} because OSHI
 * 6.9 reads {@code /proc}, which in a container shows the whole host.
 *
 * <p>cgroup v2 is read from {@code cpu.max}, {@code cpu.stat}, {@code memory.max}, {@code memory.current} and
 * {@code memory.stat}; v1 from {@code cpu.cfs_quota_us}, {@code cpu.cfs_period_us}, {@code cpuacct.usage},
 * {@code memory.limit_in_bytes}, {@code memory.usage_in_bytes} and {@code memory.stat}. Memory in use leaves
 * out inactive page cache, as {@code docker stats} does. Every value is read afresh on each call and is empty
 * when the file is missing, unreadable or says "no limit".
 */
public final class CgroupLimits {

    private static final long NO_LIMIT_V1 = 1L << 60;

    private final Path cpuDir;
    private final Path cpuAcctDir;
    private final Path memoryDir;
    private final boolean v2;

    private CgroupLimits(boolean v2, Path cpuDir, Path cpuAcctDir, Path memoryDir) {
        this.v2 = v2;
        this.cpuDir = cpuDir;
        this.cpuAcctDir = cpuAcctDir;
        this.memoryDir = memoryDir;
    }

    /** Returns the limits of this process's cgroup. */
    public static CgroupLimits detect() {
        return detect(Path.of("/proc/self/cgroup"), Path.of("/sys/fs/cgroup"));
    }

    /** Returns the limits found from a {@code /proc/self/cgroup}-style file and a cgroup mount root. */
    public static CgroupLimits detect(Path procSelfCgroup, Path root) {
        List<String> lines = readLines(procSelfCgroup);
        if (Files.exists(root.resolve("cgroup.controllers"))) {
            String path = lines.stream().filter(l -> l.startsWith("0::")).map(l -> l.substring(3)).findFirst().orElse("/");
            Path dir = within(root, path);
            return new CgroupLimits(true, dir, dir, dir);
        }
        return new CgroupLimits(false,
                v1Dir(root, lines, "cpu", "cpu", "cpu,cpuacct", "cpuacct,cpu"),
                v1Dir(root, lines, "cpuacct", "cpuacct", "cpu,cpuacct", "cpuacct,cpu"),
                v1Dir(root, lines, "memory", "memory"));
    }

    /** Returns the CPU quota in cores, empty when there is none. */
    public OptionalDouble cpuQuotaCores() {
        if (v2) {
            Optional<String> max = readFirstLine(cpuDir.resolve("cpu.max"));
            if (max.isEmpty()) {
                return OptionalDouble.empty();
            }
            String[] parts = max.get().trim().split("\\s+");
            if (parts.length != 2 || parts[0].equals("max")) {
                return OptionalDouble.empty();
            }
            return ratio(parseLong(parts[0]), parseLong(parts[1]));
        }
        return ratio(readLong(cpuDir.resolve("cpu.cfs_quota_us")), readLong(cpuDir.resolve("cpu.cfs_period_us")));
    }

    /** Returns the cgroup's cumulative CPU time in nanoseconds, empty when unreadable. */
    public OptionalLong cpuUsageNanos() {
        if (v2) {
            OptionalLong usec = statValue(cpuDir.resolve("cpu.stat"), "usage_usec");
            return usec.isPresent() ? OptionalLong.of(usec.getAsLong() * 1000) : usec;
        }
        return readLong(cpuAcctDir.resolve("cpuacct.usage"));
    }

    /** Returns the memory limit in bytes, empty when there is none. */
    public OptionalLong memoryLimitBytes() {
        OptionalLong limit = readLong(memoryDir.resolve(v2 ? "memory.max" : "memory.limit_in_bytes"));
        return limit.isPresent() && limit.getAsLong() > 0 && limit.getAsLong() < NO_LIMIT_V1 ? limit : OptionalLong.empty();
    }

    /** Returns the memory in use in bytes without inactive page cache, empty when unreadable. */
    public OptionalLong memoryUsedBytes() {
        OptionalLong usage = readLong(memoryDir.resolve(v2 ? "memory.current" : "memory.usage_in_bytes"));
        if (usage.isEmpty()) {
            return usage;
        }
        OptionalLong inactive = statValue(memoryDir.resolve("memory.stat"), v2 ? "inactive_file" : "total_inactive_file");
        long cache = inactive.orElse(0);
        return OptionalLong.of(Math.max(0, usage.getAsLong() - (cache <= usage.getAsLong() ? cache : 0)));
    }

    private static Path within(Path mount, String cgroupPath) {
        String relative = cgroupPath.startsWith("/") ? cgroupPath.substring(1) : cgroupPath;
        if (!relative.isEmpty()) {
            Path nested = mount.resolve(relative);
            if (Files.isDirectory(nested)) {
                return nested;
            }
        }
        return mount;
    }

    private static Path v1Dir(Path root, List<String> lines, String controller, String... mountNames) {
        String path = "/";
        for (String line : lines) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3 && List.of(parts[1].split(",")).contains(controller)) {
                path = parts[2];
                break;
            }
        }
        for (String name : mountNames) {
            Path mount = root.resolve(name);
            if (Files.isDirectory(mount)) {
                return within(mount, path);
            }
        }
        return root.resolve(controller);
    }

    private static OptionalDouble ratio(OptionalLong quota, OptionalLong period) {
        if (quota.isEmpty() || period.isEmpty()) {
            return OptionalDouble.empty();
        }
        return ratio(quota.getAsLong(), period.getAsLong());
    }

    private static OptionalDouble ratio(long quota, long period) {
        return quota > 0 && period > 0 ? OptionalDouble.of((double) quota / period) : OptionalDouble.empty();
    }

    private static OptionalLong statValue(Path file, String key) {
        for (String line : readLines(file)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && parts[0].equals(key)) {
                long v = parseLong(parts[1]);
                return v >= 0 ? OptionalLong.of(v) : OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong readLong(Path file) {
        Optional<String> line = readFirstLine(file);
        if (line.isEmpty()) {
            return OptionalLong.empty();
        }
        long v = parseLong(line.get().trim());
        return v == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(v);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static Optional<String> readFirstLine(Path file) {
        List<String> lines = readLines(file);
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0));
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}
