/**
 * The service-delivery vocabulary shared by journeys and recovery policies: channels and the
 * four satisfaction factors.
 */
package dev.cxkit.core.service;
