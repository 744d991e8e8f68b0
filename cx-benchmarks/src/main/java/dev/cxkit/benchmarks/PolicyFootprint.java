package dev.cxkit.benchmarks;

import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicySource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimates the heap a compiled policy holds: the used heap after full collections, before and
 * after compiling {@code N} copies of the {@code restaurant} pack, divided by {@code N}. Run with
 * {@code java -cp cx-benchmarks/target/benchmarks.jar dev.cxkit.benchmarks.PolicyFootprint 10}.
 * An estimate: System.gc() is a request, and shared classes loaded by the first compile count
 * against the first copy only, which dividing by N spreads out.
 */
public final class PolicyFootprint {

    private PolicyFootprint() {}

    /**
     * Prints the estimate.
     *
     * @param args the number of copies (default 10)
     * @throws Exception if the pack does not compile
     */
    public static void main(String[] args) throws Exception {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        PolicySource source = PolicySource.classpath("restaurant");
        Policy.compile(source).close(); // load the engine's own classes first
        long before = usedAfterGc();
        List<Policy> kept = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            kept.add(Policy.compile(source));
        }
        long after = usedAfterGc();
        System.out.printf("%d compiled copies of the restaurant pack hold %.1f MiB: %.2f MiB per policy%n", copies,
                (after - before) / 1048576.0, (after - before) / 1048576.0 / copies);
        System.out.println(kept.size() + " policies kept alive until here");
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
