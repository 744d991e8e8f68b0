package dev.cxkit.rules.engine;

import java.util.concurrent.CountDownLatch;

/**
 * A consequence that does not return until a test lets it go: DRL in tests calls
 * {@link #block()}, which ignores interrupts as a runaway loop would, and the test opens the gate
 * at its end, so no thread is left running after it. Public because compiled rules call it.
 */
public final class StuckConsequence {

    static final CountDownLatch GATE = new CountDownLatch(1);

    private StuckConsequence() {
    }

    /** Blocks until {@link #GATE} opens. */
    public static void block() {
        while (true) {
            try {
                GATE.await();
                return;
            } catch (InterruptedException ignored) {
                // a consequence that does not return ignores the caller giving up
            }
        }
    }
}
