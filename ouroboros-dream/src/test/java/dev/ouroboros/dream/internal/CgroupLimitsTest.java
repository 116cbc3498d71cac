package dev.ouroboros.dream.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading cgroup v2 and v1 limits from fixture trees laid out like {@code /sys/fs/cgroup}.
 */
class CgroupLimitsTest {

    @TempDir
    Path dir;

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    @Test
    void cgroupTwoQuotaAndMemoryLimitAreReadFromTheProcessCgroup() throws IOException {
        Path proc = write("proc/self/cgroup", "0::/app.slice/ouroboros\n");
        write("sys/cgroup.controllers", "cpu memory io\n");
        write("sys/app.slice/ouroboros/cpu.max", "150000 100000\n");
        write("sys/app.slice/ouroboros/cpu.stat", "usage_usec 2500\nuser_usec 2000\n");
        write("sys/app.slice/ouroboros/memory.max", "1073741824\n");
        write("sys/app.slice/ouroboros/memory.current", "600000000\n");
        write("sys/app.slice/ouroboros/memory.stat", "anon 1\ninactive_file 100000000\n");
        CgroupLimits limits = CgroupLimits.detect(proc, dir.resolve("sys"));
        assertThat(limits.cpuQuotaCores()).hasValue(1.5);
        assertThat(limits.cpuUsageNanos()).hasValue(2_500_000);
        assertThat(limits.memoryLimitBytes()).hasValue(1L << 30);
        assertThat(limits.memoryUsedBytes()).hasValue(500_000_000);
    }

    @Test
    void cgroupTwoWithoutLimitsReportsNone() throws IOException {
        Path proc = write("proc/self/cgroup", "0::/\n");
        write("sys/cgroup.controllers", "cpu memory\n");
        write("sys/cpu.max", "max 100000\n");
        write("sys/memory.max", "max\n");
        CgroupLimits limits = CgroupLimits.detect(proc, dir.resolve("sys"));
        assertThat(limits.cpuQuotaCores()).isEmpty();
        assertThat(limits.memoryLimitBytes()).isEmpty();
    }

    @Test
    void cgroupOneFallbackReadsCfsQuotaAndMemoryLimit() throws IOException {
        Path proc = write("proc/self/cgroup", "4:memory:/docker/abc\n2:cpu,cpuacct:/docker/abc\n0::/\n");
        write("sys/cpu,cpuacct/docker/abc/cpu.cfs_quota_us", "50000\n");
        write("sys/cpu,cpuacct/docker/abc/cpu.cfs_period_us", "100000\n");
        write("sys/cpu,cpuacct/docker/abc/cpuacct.usage", "123456789\n");
        write("sys/memory/docker/abc/memory.limit_in_bytes", "536870912\n");
        write("sys/memory/docker/abc/memory.usage_in_bytes", "300000000\n");
        write("sys/memory/docker/abc/memory.stat", "cache 5\ntotal_inactive_file 50000000\n");
        CgroupLimits limits = CgroupLimits.detect(proc, dir.resolve("sys"));
        assertThat(limits.cpuQuotaCores()).hasValue(0.5);
        assertThat(limits.cpuUsageNanos()).hasValue(123_456_789);
        assertThat(limits.memoryLimitBytes()).hasValue(512L << 20);
        assertThat(limits.memoryUsedBytes()).hasValue(250_000_000);
    }

    @Test
    void cgroupOneUnlimitedValuesAndMissingFilesReportNone() throws IOException {
        Path proc = write("proc/self/cgroup", "4:memory:/\n2:cpu,cpuacct:/\n");
        write("sys/cpu,cpuacct/cpu.cfs_quota_us", "-1\n");
        write("sys/cpu,cpuacct/cpu.cfs_period_us", "100000\n");
        write("sys/memory/memory.limit_in_bytes", "9223372036854771712\n");
        CgroupLimits limits = CgroupLimits.detect(proc, dir.resolve("sys"));
        assertThat(limits.cpuQuotaCores()).isEmpty();
        assertThat(limits.memoryLimitBytes()).isEmpty();
        assertThat(limits.memoryUsedBytes()).isEmpty();
        assertThat(CgroupLimits.detect(dir.resolve("nothing"), dir.resolve("none")).cpuQuotaCores()).isEmpty();
    }
}
