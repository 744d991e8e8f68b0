/**
 * Helpers shared by cx-core's packages; not exported by the module, not API: duration text,
 * rating arithmetic, the line-keeping document tree, and HdrHistogram, shaded and relocated here.
 */
package dev.cxkit.core.internal;
