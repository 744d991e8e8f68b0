/** What a recovery policy decides: AWARE steps, offers, escalations, follow-ups and the audit trail. */
@NullMarked
package dev.cxkit.rules.plan;

import org.jspecify.annotations.NullMarked;
