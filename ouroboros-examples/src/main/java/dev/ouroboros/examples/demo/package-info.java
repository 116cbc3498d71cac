/**
 * The Quick start demo: an order export whose CSV rendering is slow the way real code is slow,
 * and a program that runs it under the Ouroboros agent and prints the throughput before and after
 * the live swap.
 */
package dev.ouroboros.examples.demo;
