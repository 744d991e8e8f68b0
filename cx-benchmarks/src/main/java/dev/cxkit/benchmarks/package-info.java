/**
 * JMH benchmarks of the cxkit hot paths. Each class has a hand-written baseline in the same
 * class, so results are read as ratios from one run (DESIGN.md, convention 11). See
 * {@code cx-benchmarks/RESULTS.md} for how to run them and the latest numbers.
 */
package dev.cxkit.benchmarks;
