/**
 * The bridge from journey analytics to recovery policies: a journey's service failures become the
 * incidents a policy decides ({@link dev.cxkit.rules.bridge.FailureIncidents}), and the failures
 * still open at a time are collected as journeys close ({@link dev.cxkit.rules.bridge.OpenFailures}).
 */
@NullMarked
package dev.cxkit.rules.bridge;

import org.jspecify.annotations.NullMarked;
