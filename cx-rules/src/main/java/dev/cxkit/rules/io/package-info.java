/**
 * Reading recovery inputs: incidents and customers as JSON Lines, with every bad line rejected
 * with its file, line and a reason a rule author can act on, and reading going on.
 *
 * <p>Rejections and counts use cx-core's {@link dev.cxkit.core.io.Rejection} and
 * {@link dev.cxkit.core.io.ReadSummary}, so {@code read == accepted + rejected} always holds.
 */
@NullMarked
package dev.cxkit.rules.io;

import org.jspecify.annotations.NullMarked;
