package dev.ouroboros.dream.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.SystemInfo;
import oshi.hardware.HWDiskStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sysfs fast path reads the same disk counters that OSHI's {@code HWDiskStore} reports.
 */
class SysBlockStatTest {

    @TempDir
    Path dir;

    @Test
    void parsesOperationsAndSectorsOfAStatFile() throws IOException {
        Files.createDirectories(dir.resolve("vda"));
        Files.writeString(dir.resolve("vda/stat"),
                "    7680     3187   650842     2704      867     3959   320528     1048        0     1268     3867\n");
        long[] c = SysBlockStat.forDisk(dir, "/dev/vda").orElseThrow().read();
        assertThat(c).containsExactly(7680 + 867, (650842L + 320528L) * 512);
        assertThat(SysBlockStat.forDisk(dir, "/dev/missing")).isEmpty();
    }

    @Test
    void countersMatchWhatOshiReadsOnThisMachine() {
        List<HWDiskStore> disks = new SystemInfo().getHardware().getDiskStores();
        assumeTrue(!disks.isEmpty(), "OSHI lists no disk on this machine");
        for (HWDiskStore disk : disks) {
            Optional<SysBlockStat> fast = SysBlockStat.forDisk(disk.getName());
            assumeTrue(fast.isPresent(), "no /sys/block entry for " + disk.getName());
            assertThat(disk.updateAttributes()).isTrue();
            long oshiOps = disk.getReads() + disk.getWrites();
            long oshiBytes = disk.getReadBytes() + disk.getWriteBytes();
            long[] c = fast.get().read();
            assertThat(c[0]).as("operations of %s", disk.getName()).isBetween(oshiOps, oshiOps + 200);
            assertThat(c[1]).as("bytes of %s", disk.getName()).isBetween(oshiBytes, oshiBytes + 50_000_000);
        }
    }
}
