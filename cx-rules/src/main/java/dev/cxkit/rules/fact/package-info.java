/** The typed facts a recovery policy reasons about: incidents, customers, context, money, settings. */
@NullMarked
package dev.cxkit.rules.fact;

import org.jspecify.annotations.NullMarked;
