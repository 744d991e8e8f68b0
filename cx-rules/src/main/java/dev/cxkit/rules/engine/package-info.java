/** Compiling DRL policies and running decisions with firing limits and time budgets. */
@NullMarked
package dev.cxkit.rules.engine;

import org.jspecify.annotations.NullMarked;
