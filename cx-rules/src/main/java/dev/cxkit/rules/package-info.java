/**
 * Service-recovery policies written in DRL and run by Drools: AWARE recovery plans, compensation
 * and escalation. This module is a placeholder until the service-recovery issue lands; it depends
 * on cx-core only, and cx-core never depends on it.
 */
package dev.cxkit.rules;
