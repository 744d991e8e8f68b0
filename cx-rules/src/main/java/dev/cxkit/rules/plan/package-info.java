/** What a recovery policy decides: AWARE steps, offers, escalations, follow-ups and the audit trail. */
package dev.cxkit.rules.plan;
