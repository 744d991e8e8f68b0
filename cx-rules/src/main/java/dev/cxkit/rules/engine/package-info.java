/** Compiling DRL policies and running decisions with firing limits and time budgets. */
package dev.cxkit.rules.engine;
