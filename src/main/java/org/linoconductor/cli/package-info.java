/**
 * {@code conductor}, the command-line client for operators: starts, follows and decides runs over
 * the REST API ({@code /engine-rest} and {@code /api}) with the user's own credentials.
 *
 * <p>It is built into its own thin jar ({@code target/cli/}, started by {@code bin/conductor})
 * with only picocli and jackson-jr beside it, so that it starts in a fraction of a second. It
 * therefore uses none of the application's classes at run time: the process keys and variable
 * names it takes from the processes' constant classes are compile-time constants, which javac
 * copies into this package's classes ({@code ConductorClientIT} runs the thin jar alone, so a
 * reference that needed another class would fail there).
 */
package org.linoconductor.cli;
