package dev.ouroboros.arena.internal;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler for the energy proxy: the CPU time of the whole fork (every thread, the JIT compiler
 * and the collector included) per operation, as the secondary result {@value #LABEL} in ns/op. It
 * reads {@code com.sun.management.OperatingSystemMXBean.getProcessCpuTime()} around each iteration;
 * on a JVM without it the result is absent.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    /** The secondary result's label. */
    public static final String LABEL = "cpu.time.norm";

    private long startCpu = -1;

    /** Created by JMH in the fork. */
    public CpuTimeProfiler() {
    }

    @Override
    public String getDescription() {
        return "process CPU time per operation (an energy proxy)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startCpu = processCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long end = processCpuNanos();
        long ops = result.getMetadata().getAllOps();
        if (startCpu < 0 || end < 0 || ops <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult(LABEL, (double) (end - startCpu) / ops, "ns/op", AggregationPolicy.AVG));
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
