/**
 * Implementation of the live patcher: the class-file schema comparison behind the pre-flight check,
 * the retransform-capable transformer that captures the bytes the JVM runs, payload digests and the
 * single-writer atomic swap. Other modules must not use this package.
 */
package dev.ouroboros.patcher.internal;
