/**
 * Survey responses and how they are scored: a {@link dev.cxkit.core.survey.Response} is one rating
 * of one metric with where and when it was given, a {@link dev.cxkit.core.survey.Grouping} says
 * which fields (and which calendar {@link dev.cxkit.core.survey.Period}) responses are grouped by,
 * and a {@link dev.cxkit.core.survey.ResponseFilter} says which responses a question is about.
 * {@link dev.cxkit.core.survey.ResponseScorer} records responses into one score table per metric,
 * and scorers merge.
 */
@NullMarked
package dev.cxkit.core.survey;

import org.jspecify.annotations.NullMarked;
