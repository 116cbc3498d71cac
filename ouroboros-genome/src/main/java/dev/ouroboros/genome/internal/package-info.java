/**
 * Implementation details of the genome: region enumeration and lookup. Other modules must not use
 * these types; they may change without notice.
 */
package dev.ouroboros.genome.internal;
