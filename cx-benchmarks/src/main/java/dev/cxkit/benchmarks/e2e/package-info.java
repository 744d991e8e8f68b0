/**
 * End-to-end comparisons of the {@code cx} command with the tools an analyst would use instead,
 * run as whole processes on the same file. {@link dev.cxkit.benchmarks.e2e.DuckDbScore} is the
 * DuckDB side of {@code cx-benchmarks/e2e/score-vs-duckdb.sh}; these classes are not JMH
 * benchmarks and need their tool's jar on the class path (DuckDB's JDBC driver is a
 * {@code provided} dependency, left out of {@code benchmarks.jar}).
 */
package dev.cxkit.benchmarks.e2e;
