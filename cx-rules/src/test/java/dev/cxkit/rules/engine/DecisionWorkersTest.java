package dev.cxkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DecisionWorkersTest {

    private static void awaitIdle(DecisionWorkers workers, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (workers.idleWorkers() < count && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(workers.idleWorkers()).isGreaterThanOrEqualTo(count);
    }

    @Test
    void everyTaskRunsOnceFromManyThreads() throws InterruptedException {
        DecisionWorkers workers = new DecisionWorkers("test-worker-");
        int perThread = 2_000;
        ConcurrentHashMap<Integer, Integer> runs = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(4 * perThread);
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * perThread;
            Thread caller = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    int id = base + i;
                    workers.execute(() -> {
                        runs.merge(id, 1, Integer::sum);
                        done.countDown();
                    });
                }
            });
            callers.add(caller);
            caller.start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(runs).hasSize(4 * perThread);
        assertThat(runs.values()).containsOnly(1);
    }

    @Test
    void aTaskThatNeverReturnsDoesNotHoldTheNext() throws InterruptedException {
        DecisionWorkers workers = new DecisionWorkers("test-worker-");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        workers.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        workers.execute(second::countDown);
        assertThat(second.await(30, TimeUnit.SECONDS)).as("the second task ran while the first is stuck").isTrue();
        release.countDown();
    }

    @Test
    void anIdleWorkerTakesTheNextTaskAndAnInterruptDoesNotCarryOver() throws InterruptedException {
        DecisionWorkers workers = new DecisionWorkers("test-worker-");
        AtomicReference<Thread> first = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        workers.execute(() -> {
            first.set(Thread.currentThread());
            Thread.currentThread().interrupt(); // as a caller that gave up would
            ran.countDown();
        });
        assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
        awaitIdle(workers, 1);
        AtomicReference<Thread> second = new AtomicReference<>();
        AtomicInteger interrupted = new AtomicInteger(-1);
        CountDownLatch ranAgain = new CountDownLatch(1);
        workers.execute(() -> {
            second.set(Thread.currentThread());
            interrupted.set(Thread.currentThread().isInterrupted() ? 1 : 0);
            ranAgain.countDown();
        });
        assertThat(ranAgain.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get()).as("the idle worker was reused").isSameAs(first.get());
        assertThat(interrupted.get()).as("the interrupt of the task before").isZero();
    }
}
