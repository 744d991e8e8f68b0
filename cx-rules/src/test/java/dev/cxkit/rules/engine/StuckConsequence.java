package dev.cxkit.rules.engine;

import java.util.concurrent.CountDownLatch;

/**
 * A consequence that does not return until a test lets it go: DRL in tests calls
 * {@link #block()}, which ignores interrupts as a runaway loop would, and the test opens the gate
 * at its end, so no thread is left running after it. Public because compiled rules call it.
 */
public final class StuckConsequence {

    static final CountDownLatch GATE = new CountDownLatch(1);
    /** Gates of other tests, by name, so that one test opening its gate cannot free another's rule. */
    private static final java.util.Map<String, CountDownLatch> GATES = new java.util.concurrent.ConcurrentHashMap<>();

    private StuckConsequence() {
    }

    /** Blocks until {@link #GATE} opens. */
    public static void block() {
        await(GATE);
    }

    /**
     * Blocks until the named gate opens.
     *
     * @param gate the gate's name
     */
    public static void block(String gate) {
        ENTERED.computeIfAbsent(gate, g -> new CountDownLatch(1)).countDown();
        await(GATES.computeIfAbsent(gate, g -> new CountDownLatch(1)));
    }

    /** Counted down when a consequence enters the named gate, so a test knows a decision is inside. */
    private static final java.util.Map<String, CountDownLatch> ENTERED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Waits until a consequence has entered the named gate. */
    static void awaitEntered(String gate) throws InterruptedException {
        ENTERED.computeIfAbsent(gate, g -> new CountDownLatch(1)).await();
    }

    /** Opens the named gate. */
    static void open(String gate) {
        GATES.computeIfAbsent(gate, g -> new CountDownLatch(1)).countDown();
    }

    private static void await(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException ignored) {
                // a consequence that does not return ignores the caller giving up
            }
        }
    }
}
