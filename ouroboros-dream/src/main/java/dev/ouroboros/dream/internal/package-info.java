/**
 * Implementation of the dream module: the pure idle state machine that makes every scheduling decision,
 * the daily budget ledger, cgroup limit reading, and CPU accounting of the threads and processes that dream.
 * Nothing here is API; other modules use only {@code dev.ouroboros.dream}.
 */
package dev.ouroboros.dream.internal;
