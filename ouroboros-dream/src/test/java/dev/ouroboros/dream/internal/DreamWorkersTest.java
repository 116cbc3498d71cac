package dev.ouroboros.dream.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * CPU accounting of dream workers with real threads, and the daily ledger.
 */
class DreamWorkersTest {

    @Test
    void registeredBusyThreadIsCountedAndAnIdleOneIsNot() throws InterruptedException {
        assumeTrue(DreamWorkers.threadCpuTimeSupported(), "this JVM measures thread CPU time");
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch running = new CountDownLatch(1);
        Thread busy = new Thread(() -> {
            running.countDown();
            long x = 0;
            while (!stop.get()) {
                x += System.nanoTime() % 7;
            }
            if (x == 42) {
                System.out.print("");
            }
        });
        busy.start();
        running.await();
        DreamWorkers spinning = new DreamWorkers();
        spinning.register(busy);
        DreamWorkers sleeping = new DreamWorkers();
        Thread idle = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        idle.start();
        sleeping.register(idle);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (spinning.cpuNanos() < 50_000_000 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        stop.set(true);
        busy.join();
        long afterDeath = spinning.cpuNanos();
        assertThat(afterDeath).as("CPU of the busy worker").isGreaterThanOrEqualTo(50_000_000);
        assertThat(spinning.cpuNanos()).as("a dead worker keeps what was measured").isEqualTo(afterDeath);
        assertThat(sleeping.cpuNanos()).as("CPU of a sleeping worker").isLessThan(20_000_000);
        idle.interrupt();
    }

    @Test
    void finishingOnTheSessionThreadFreezesTheTotal() {
        DreamWorkers workers = new DreamWorkers();
        workers.register(Thread.currentThread());
        long x = 0;
        for (int i = 0; i < 5_000_000; i++) {
            x += i % 3;
        }
        long total = workers.finishOnCurrentThread();
        assertThat(total).isPositive();
        assertThat(x).isPositive();
        workers.register(Thread.currentThread());
        assertThat(workers.cpuNanos()).as("no counting after finish").isEqualTo(total);
    }

    @Test
    void ledgerGrantsAtMostWhatIsLeftOfTheDay() {
        DayLedger ledger = new DayLedger(Duration.ofMinutes(10), Duration.ofMinutes(5));
        LocalDate day = LocalDate.of(2026, 3, 1);
        assertThat(ledger.grant(day, Duration.ofMinutes(4), Duration.ofMinutes(4)))
                .isEqualTo(new DayLedger.Allowance(Duration.ofMinutes(4), Duration.ofMinutes(4)));
        ledger.charge(day, Duration.ofMinutes(8), Duration.ofMinutes(3));
        assertThat(ledger.grant(day, Duration.ofMinutes(4), Duration.ofMinutes(4)))
                .isEqualTo(new DayLedger.Allowance(Duration.ofMinutes(2), Duration.ofMinutes(2)));
        ledger.charge(day, Duration.ofMinutes(3), Duration.ofMinutes(3));
        assertThat(ledger.grant(day, Duration.ofMinutes(4), Duration.ofMinutes(4)))
                .isEqualTo(new DayLedger.Allowance(Duration.ZERO, Duration.ZERO));
        assertThat(ledger.grant(day.plusDays(1), Duration.ofMinutes(4), Duration.ofMinutes(4)).wall())
                .isEqualTo(Duration.ofMinutes(4));
    }
}
