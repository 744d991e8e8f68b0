package dev.cxkit.rules.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time of a thread, which a decision's time budget is measured in: a decision that waits
 * for a core, for the garbage collector or for its turn in a queue has not used its budget. Where
 * the JVM cannot measure thread CPU time, elapsed time stands in (the budget is then wall time,
 * as before).
 */
final class ThreadTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CURRENT = THREADS.isCurrentThreadCpuTimeSupported() && enabled();
    private static final boolean OTHERS = THREADS.isThreadCpuTimeSupported() && enabled();

    private ThreadTime() {
    }

    private static boolean enabled() {
        try {
            if (!THREADS.isThreadCpuTimeEnabled()) {
                THREADS.setThreadCpuTimeEnabled(true);
            }
            return THREADS.isThreadCpuTimeEnabled();
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Returns whether budgets are CPU time here (else wall time). */
    static boolean measuresCpu() {
        return CURRENT && OTHERS;
    }

    /** Returns the current thread's CPU time in nanoseconds, or the elapsed time when not measured. */
    static long current() {
        return CURRENT ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /**
     * Returns whether a thread is blocked, waiting or sleeping (not running and not waiting for a
     * core): a consequence stuck in a lock, a sleep or a wait.
     */
    static boolean blocked(long threadId) {
        java.lang.management.ThreadInfo info = THREADS.getThreadInfo(threadId);
        if (info == null) {
            return false;
        }
        Thread.State state = info.getThreadState();
        return state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    /**
     * Returns another thread's CPU time in nanoseconds, or -1 when it has ended; the elapsed time
     * when not measured.
     */
    static long of(long threadId) {
        return OTHERS ? THREADS.getThreadCpuTime(threadId) : System.nanoTime();
    }
}
