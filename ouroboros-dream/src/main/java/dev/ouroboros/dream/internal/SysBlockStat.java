package dev.ouroboros.dream.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A Linux disk's I/O counters read straight from {@code /sys/block/<disk>/stat}, the file OSHI's
 * {@code LinuxHWDiskStore} reads through libudev. Reading the file directly costs a few microseconds instead of
 * a udev enumeration (about a millisecond), which keeps the monitor under its CPU budget.
 */
public final class SysBlockStat {

    private static final int SECTOR_BYTES = 512;

    private final Path file;

    private SysBlockStat(Path file) {
        this.file = file;
    }

    /**
     * Returns the counters of the disk OSHI names {@code deviceName} (for example {@code /dev/vda}), or empty when
     * this is not Linux or the file cannot be read.
     */
    public static Optional<SysBlockStat> forDisk(String deviceName) {
        return forDisk(Path.of("/sys/block"), deviceName);
    }

    /** Returns the counters under {@code sysBlock} (a {@code /sys/block}-like directory). */
    public static Optional<SysBlockStat> forDisk(Path sysBlock, String deviceName) {
        String base = deviceName.substring(deviceName.lastIndexOf('/') + 1);
        if (base.isEmpty()) {
            return Optional.empty();
        }
        Path file = sysBlock.resolve(base).resolve("stat");
        SysBlockStat stat = new SysBlockStat(file);
        return stat.read() == null ? Optional.empty() : Optional.of(stat);
    }

    /**
     * Reads the counters now.
     *
     * @return {@code {reads + writes completed, bytes read + written}}, or null when unreadable
     */
    public long[] read() {
        try {
            String[] f = Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\s+");
            if (f.length < 7) {
                return null;
            }
            long ops = Long.parseLong(f[0]) + Long.parseLong(f[4]);
            long bytes = (Long.parseLong(f[2]) + Long.parseLong(f[6])) * SECTOR_BYTES;
            return new long[] {ops, bytes};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
