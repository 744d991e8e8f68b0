package dev.cxkit.rules.engine;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads that run isolated decisions: as many as are busy at once (a decision stuck in a
 * consequence keeps its thread, and the next decision gets another), each kept for a minute once
 * idle. What a cached thread pool does, except that an idle worker spins for
 * {@value #SPIN_MICROS} µs before it parks: a decision takes about as long as waking a parked
 * thread on a small machine, so back-to-back decisions from one caller find their worker awake
 * (measured in {@code RecoveryDecisionBenchmark.droolsWorkerThread}). The spin is bounded, so an
 * idle worker costs at most that much CPU before it sleeps.
 *
 * <p>Thread-safe.
 */
final class DecisionWorkers implements Executor {

    static final long SPIN_MICROS = 50;
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(SPIN_MICROS);
    private static final long KEEP_IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** The task slot of a worker that waits for one. */
    private static final Runnable IDLE = () -> { };
    /** The task slot of a worker that has ended: it takes nothing more. */
    private static final Runnable ENDED = () -> { };

    private final String name;
    private final AtomicInteger threads = new AtomicInteger();
    /** Idle workers, the most recently idle first (the one still spinning, if any). */
    private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();

    /**
     * Creates the pool.
     *
     * @param name the prefix of the threads' names
     */
    DecisionWorkers(String name) {
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        Worker worker;
        while ((worker = idle.pollFirst()) != null) {
            if (worker.take(task)) {
                return;
            }
        }
        Thread thread = new Thread(new Worker(task), name + threads.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    /** Returns the number of idle workers (for tests). */
    int idleWorkers() {
        return idle.size();
    }

    /** One thread: runs a task, then waits for the next, spinning first, until it has been idle too long. */
    private final class Worker implements Runnable {
        private final AtomicReference<Runnable> slot;
        private volatile Thread thread;

        Worker(Runnable first) {
            this.slot = new AtomicReference<>(first);
        }

        /** Hands a task to this idle worker; false if it has ended meanwhile. */
        boolean take(Runnable task) {
            if (!slot.compareAndSet(IDLE, task)) {
                return false;
            }
            LockSupport.unpark(thread);
            return true;
        }

        @Override
        public void run() {
            thread = Thread.currentThread();
            Runnable task = slot.get();
            while (task != null) {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    // a FutureTask keeps what its task threw; anything else is reported as a
                    // thread would report it, and does not end the worker
                    thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
                }
                // a caller that gave up interrupted this thread: that must not cut the next wait short
                Thread.interrupted();
                slot.set(IDLE);
                idle.addFirst(this);
                task = next();
            }
        }

        /** Waits for the next task; null once idle for too long (then this worker has ended). */
        private Runnable next() {
            long start = System.nanoTime();
            while (true) {
                Runnable task = slot.get();
                if (task != IDLE) {
                    return task;
                }
                long waited = System.nanoTime() - start;
                if (waited < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else if (waited < KEEP_IDLE_NANOS) {
                    LockSupport.parkNanos(this, KEEP_IDLE_NANOS - waited);
                } else if (slot.compareAndSet(IDLE, ENDED)) {
                    idle.remove(this);
                    return null;
                }
            }
        }
    }
}
