/**
 * The offline command line, {@code java -jar ouroboros-agent.jar <command>}: {@code evolve} on a source
 * tree and its tests, {@code report}, {@code history}, {@code approve}, {@code reject} and
 * {@code rollback} on a data directory. Exit codes: 0 success, 1 failure, 2 usage error.
 * {@code docs/cli.md} describes every command. Not API.
 */
package dev.ouroboros.core.internal.cli;
