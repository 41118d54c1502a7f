package org.linoconductor.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.linoconductor.audit.LogTail;
import org.linoconductor.step.StepLogs;
import org.linoconductor.step.StepServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While a step runs on the agent, sends the last lines of its current log to the server every
 * {@code conductor.agent.live-log-every}, when the log has grown: the run page shows them live. The full log
 * stays on this host. A failed send is logged (once until one succeeds) and tried again next time; it never stops
 * the step.
 */
final class LiveLogSender implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(LiveLogSender.class);

  private final StepServer server;
  private final long record;
  private final Path runLogDir;
  private final String step;
  private Path sentFile;
  private long sentSize = -1;
  private boolean failing;

  LiveLogSender(StepServer server, long record, Path runLogDir, String step) {
    this.server = server;
    this.record = record;
    this.runLogDir = runLogDir;
    this.step = step;
  }

  @Override
  public void run() {
    try {
      Optional<Path> latest = StepLogs.latest(runLogDir, step);
      if (latest.isEmpty()) {
        return;
      }
      Path file = latest.get();
      long size = Files.size(file);
      if (file.equals(sentFile) && size == sentSize) {
        return;
      }
      LogTail last = LogTail.read(file, null, true);
      server.liveLog(record, last.log(), last.from(), last.text());
      sentFile = file;
      sentSize = size;
      failing = false;
    } catch (Exception e) {
      if (!failing) { // once until a send succeeds again, not every second
        log.warn("AGENT-034 The live log of step {} (record {}) could not be sent: {}; the step goes on, its record"
            + " keeps the last lines when it ends", step, record, e.getMessage());
      }
      failing = true;
    }
  }
}
