/**
 * Implementation of the engine: the cycle itself, target resolution, option parsing and the agent
 * startup hook. Not API; other modules and users must not depend on it.
 */
package dev.ouroboros.core.internal;
