package org.linoconductor.shell;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ends a process and everything it started. commons-exec only destroys the direct child; its
 * children (a {@code sleep}, a {@code python} under a script) would live on, reparented, and keep the
 * output pipe open. So the descendants are collected while the root still links them, then all get
 * TERM, and whatever is left after the grace period gets KILL.
 */
final class ProcessTreeKiller {

  private static final Duration KILL_WAIT = Duration.ofSeconds(5);
  private static final long POLL_MILLIS = 20;

  private ProcessTreeKiller() {}

  /** What the kill did; {@code forced} counts processes that needed KILL. */
  record Outcome(int processes, int forced, Duration took) {}

  static Outcome kill(ProcessHandle root, Duration grace) {
    return kill(List.of(root), grace);
  }

  /**
   * Kills {@code roots} and their descendants: the processes of a command's session, which may
   * have lost their parent (re-parented to init after Conductor died) and so are no one's descendants.
   */
  static Outcome kill(List<ProcessHandle> roots, Duration grace) {
    long start = System.nanoTime();
    Set<ProcessHandle> tree = new LinkedHashSet<>();
    for (ProcessHandle root : roots) {
      tree.add(root);
      root.descendants().forEach(tree::add);
    }
    // root first: a script must not go on to its next command when its current one dies
    tree.forEach(ProcessHandle::destroy);
    addLateChildren(tree).forEach(ProcessHandle::destroy);
    awaitExit(tree, grace);
    addLateChildren(tree);
    List<ProcessHandle> survivors = tree.stream().filter(ProcessTreeKiller::isRunning).toList();
    survivors.forEach(ProcessHandle::destroyForcibly);
    awaitExit(survivors, KILL_WAIT);
    return new Outcome(tree.size(), survivors.size(), Duration.ofNanos(System.nanoTime() - start));
  }

  /** Children forked by members of the tree after it was collected; returns the new ones. */
  private static List<ProcessHandle> addLateChildren(Set<ProcessHandle> tree) {
    List<ProcessHandle> late = tree.stream().filter(ProcessTreeKiller::isRunning)
        .flatMap(ProcessHandle::descendants).filter(h -> !tree.contains(h)).distinct().toList();
    tree.addAll(late);
    return late;
  }

  /**
   * Polls rather than using onExit(): for a process that is not the JVM's child, onExit() polls with a
   * growing back-off and waits for a zombie to be reaped, reporting a death seconds late.
   */
  private static void awaitExit(Collection<ProcessHandle> processes, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (processes.stream().anyMatch(ProcessTreeKiller::isRunning) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // interrupted again: no more grace, KILL follows
        return;
      }
    }
  }

  /**
   * Alive and not a zombie. A killed process whose parent died first waits as a zombie until init
   * reaps it, which some hosts (containers) do late or never; ProcessHandle counts it alive until then.
   */
  private static boolean isRunning(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    // no /proc (not Linux) or the process just went away: trust isAlive()
    return ProcessSession.Stat.of(process.pid()).map(stat -> !stat.zombie()).orElseGet(process::isAlive);
  }
}
