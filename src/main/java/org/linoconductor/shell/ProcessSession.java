package org.linoconductor.shell;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The session a command runs in: every command is started through {@code setsid}, so its process is
 * the leader of a new session (and process group) whose id is its pid, and everything it starts stays
 * in that session unless it leaves on purpose (a daemon). Recorded with the step, the session finds
 * the command's processes again after Conductor was killed, when nothing links them to Conductor.
 *
 * <p>A pid alone could name another process after a reboot or once it is reused; so the leader's
 * start time (clock ticks since boot) and the boot id are kept with it, and only processes started
 * at or after the leader, in the same boot, count as members.
 *
 * @param id the session id: the pid of the command's own process
 * @param startTicks when that process started, in clock ticks since boot ({@code /proc/<pid>/stat})
 * @param bootId the kernel's boot id ({@code /proc/sys/kernel/random/boot_id})
 */
public record ProcessSession(long id, long startTicks, String bootId) {

  private static final Path PROC = Path.of("/proc");
  private static final String BOOT_ID = readBootId();

  /**
   * The session of a command just started through {@code setsid}, whose pid is the session id (setsid
   * calls setsid(2) and execs in place, as a JVM's child never leads a process group); empty when the
   * process is already gone.
   */
  static Optional<ProcessSession> ledBy(long pid) {
    return Stat.of(pid).map(stat -> new ProcessSession(pid, stat.startTicks(), BOOT_ID));
  }

  /**
   * The processes still running in this session (zombies excluded), the leader first when it is
   * still there. Empty after a reboot.
   */
  public List<ProcessHandle> members() {
    if (!bootId.equals(BOOT_ID)) {
      return List.of();
    }
    List<ProcessHandle> members = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path entry : entries) {
        long pid = Long.parseLong(entry.getFileName().toString());
        Stat.of(pid).filter(stat -> stat.session() == id && stat.startTicks() >= startTicks && !stat.zombie())
            .flatMap(stat -> ProcessHandle.of(pid))
            .ifPresent(process -> members.add(process.pid() == id ? 0 : members.size(), process));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot list the processes in " + PROC, e);
    }
    return members;
  }

  /**
   * Ends what is left of the session: TERM to every member and its descendants, KILL to those still
   * running after {@code grace}. Says what it found, so that the step's record can tell.
   */
  public Ending end(Duration grace) {
    List<ProcessHandle> members = members();
    if (members.isEmpty()) {
      return new Ending(List.of(), 0);
    }
    List<String> found = members.stream().map(ProcessSession::describe).toList();
    ProcessTreeKiller.Outcome outcome = ProcessTreeKiller.kill(members, grace);
    return new Ending(found, outcome.forced());
  }

  /**
   * What {@link #end} found and did.
   *
   * @param found one line per process found in the session: its pid and command line
   * @param forced how many needed KILL after the grace period
   */
  public record Ending(List<String> found, int forced) {

    public String describe() {
      if (found.isEmpty()) {
        return "no process of it was left";
      }
      return found.size() + " process(es) of it were still running and were ended (TERM"
          + (forced > 0 ? ", then KILL for " + forced : "") + "): " + String.join("; ", found);
    }
  }

  private static String describe(ProcessHandle process) {
    ProcessHandle.Info info = process.info();
    String command = info.commandLine().or(info::command).orElse("?");
    return "pid " + process.pid() + " " + (command.length() > 200 ? command.substring(0, 200) + "..." : command);
  }

  private static String readBootId() {
    try {
      return Files.readString(PROC.resolve("sys/kernel/random/boot_id")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The fields of {@code /proc/<pid>/stat} this class needs. */
  record Stat(long session, long startTicks, boolean zombie) {

    static Optional<Stat> of(long pid) {
      String stat;
      try {
        stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
      } catch (IOException | RuntimeException e) {
        return Optional.empty(); // gone meanwhile
      }
      // "pid (comm) state ppid pgrp session ... starttime(22nd) ...": comm may hold spaces and ')'
      int afterComm = stat.lastIndexOf(')');
      if (afterComm < 0 || afterComm + 2 >= stat.length()) {
        return Optional.empty();
      }
      String[] fields = stat.substring(afterComm + 2).split(" ");
      if (fields.length < 20) {
        return Optional.empty();
      }
      return Optional.of(new Stat(Long.parseLong(fields[3]), Long.parseLong(fields[19]), fields[0].equals("Z")));
    }
  }
}
