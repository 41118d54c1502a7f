package org.linoconductor.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Copies one of a command's output pipes to its output stream. What is already waiting in the pipe
 * is read on into one block before it is passed on, so a flood of output goes on in blocks of up to
 * {@value #BLOCK} bytes (each one search for the secrets, the facts and the tail, and one write to the
 * log) while a trickle goes on at once, read by read: the live log is never held back by the pump.
 */
final class OutputPump implements Runnable {

  static final int BLOCK = 1 << 18;
  /** A pipe holds 64 KiB; a larger read only makes the JDK allocate a larger native buffer per call. */
  private static final int READ = 1 << 16;

  private final InputStream in;
  private final OutputStream out;

  OutputPump(InputStream in, OutputStream out) {
    this.in = in;
    this.out = out;
  }

  @Override
  public void run() {
    byte[] block = new byte[READ]; // most commands print little: grown only by a flood
    int filled = 0;
    try {
      for (int n; (n = in.read(block, filled, Math.min(READ, block.length - filled))) >= 0; ) {
        filled += n;
        boolean waiting = in.available() > 0;
        if (waiting && filled == block.length && block.length < BLOCK) {
          block = Arrays.copyOf(block, BLOCK);
        } else if (!waiting || filled == block.length) {
          int length = filled;
          filled = 0;
          out.write(block, 0, length);
        }
      }
    } catch (IOException e) {
      // the pipe was closed under the read (the drain timeout gave up on it): what came is passed on
    } finally {
      passOn(block, filled);
    }
  }

  private void passOn(byte[] block, int filled) {
    try {
      if (filled > 0) {
        out.write(block, 0, filled);
      }
    } catch (IOException e) {
      // the step's output is closed: nothing more can be kept of it
    }
  }
}
