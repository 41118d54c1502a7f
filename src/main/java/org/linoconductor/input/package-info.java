/**
 * The limits of what users may send: request body sizes, text lengths in JSON requests, and the
 * fields each user task's form lets its user set. Every input is hostile until checked here (or,
 * for start variables, by the process's {@code StartParameters}); a value is never echoed whole.
 */
package org.linoconductor.input;
