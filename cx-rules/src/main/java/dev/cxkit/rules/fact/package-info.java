/** The typed facts a recovery policy reasons about: incidents, customers, context, money, settings. */
package dev.cxkit.rules.fact;
