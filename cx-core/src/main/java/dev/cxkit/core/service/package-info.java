/**
 * The service-delivery vocabulary shared by journeys and recovery policies: channels and the
 * four satisfaction factors.
 */
@NullMarked
package dev.cxkit.core.service;

import org.jspecify.annotations.NullMarked;
