/**
 * Pure statistics behind the scores: confidence intervals and two-sample comparisons of NPS
 * ({@link dev.cxkit.core.stats.NpsStatistics}), proportions such as CSAT
 * ({@link dev.cxkit.core.stats.ProportionStatistics}) and means such as CES
 * ({@link dev.cxkit.core.stats.MeanStatistics}), with the {@link dev.cxkit.core.stats.Interval}s and
 * {@link dev.cxkit.core.stats.Comparison}s they return.
 *
 * <p>Also here: sample sizes for planning ({@link dev.cxkit.core.stats.SampleSize}), multiple-testing
 * adjustment ({@link dev.cxkit.core.stats.MultipleTesting}), p-charts
 * ({@link dev.cxkit.core.stats.ControlCharts}), the design-based variance of a weighted mean
 * ({@link dev.cxkit.core.stats.LinearizedMean}), grouped regression with robust errors
 * ({@link dev.cxkit.core.stats.GroupedRegression}) and the distribution functions they use
 * ({@link dev.cxkit.core.stats.Distributions}). Each method's Javadoc names its formula and source;
 * the static functions are pure and thread-safe.
 */
@NullMarked
package dev.cxkit.core.stats;

import org.jspecify.annotations.NullMarked;
