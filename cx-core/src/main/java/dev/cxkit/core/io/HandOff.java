package dev.cxkit.core.io;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * A consumer that hands what it is given to another consumer on a thread of its own, in order,
 * in batches: reading (parsing text) and what is done with each record (assembling journeys,
 * analysing them) then run on two cores at once, and the downstream consumer still sees every
 * record in input order on one thread, so its results are exactly those of calling it directly.
 *
 * <pre>{@code
 * try (HandOff<JourneyEvent> events = HandOff.to(analytics::addEvent, "cx-journeys")) {
 *     reader.read(file, events, rejected::add);
 * }   // every event has been added once close() returns
 * }</pre>
 *
 * <p>Memory is bounded: at most {@value #QUEUED} batches of {@value #BATCH} records wait; a reader
 * faster than the consumer waits for it. If the consumer throws, the next {@link #accept} or
 * {@link #close} rethrows its exception (wrapped if checked) on the giving thread, and the rest is
 * not consumed. {@link #close} waits until everything given has been consumed, which is also the
 * happens-before edge that makes the consumer's state safe to read on the giving thread.
 *
 * <p>{@link #accept} and {@link #close} are for one giving thread.
 *
 * @param <T> the record
 * @since 0.1.0
 */
public final class HandOff<T> implements Consumer<T>, AutoCloseable {

    static final int BATCH = 1024;
    private static final int QUEUED = 16;
    private static final Object[] END = new Object[0];

    private final Consumer<? super T> downstream;
    private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread worker;
    private volatile Throwable failure;
    private Object[] batch = new Object[BATCH];
    private int size;
    private boolean closed;

    private HandOff(Consumer<? super T> downstream, String name) {
        this.downstream = Objects.requireNonNull(downstream, "downstream");
        this.worker = new Thread(this::drain, name);
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Starts a hand-off to {@code downstream}, on a new daemon thread.
     *
     * @param downstream receives every record, in order, on the hand-off's thread
     * @param threadName the thread's name
     * @param <T> the record
     * @return the hand-off; close it
     */
    public static <T> HandOff<T> to(Consumer<? super T> downstream, String threadName) {
        return new HandOff<>(downstream, threadName);
    }

    @Override
    public void accept(T record) {
        if (closed) {
            throw new IllegalStateException("the hand-off is closed");
        }
        batch[size++] = record;
        if (size == BATCH) {
            put(batch);
            batch = new Object[BATCH];
            size = 0;
        }
    }

    /**
     * Hands on what is left, and waits until every record given has been consumed.
     *
     * @throws RuntimeException or {@link Error} the consumer threw (a checked exception wrapped)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (size > 0) {
            Object[] last = new Object[size];
            System.arraycopy(batch, 0, last, 0, size);
            put(last);
        }
        put(END);
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrow();
    }

    private void put(Object[] records) {
        rethrow();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    // a consumer that failed stops taking: do not wait for room it will never make
                    while (!queue.offer(records, 10, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        rethrow();
                    }
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    @SuppressWarnings("unchecked")
    private void drain() {
        try {
            while (true) {
                Object[] records = queue.take();
                if (records == END) {
                    return;
                }
                for (Object record : records) {
                    downstream.accept((T) record);
                }
            }
        } catch (InterruptedException e) {
            failure = new IllegalStateException("the hand-off's thread was interrupted", e);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }
}
