package org.linoconductor.agent;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linoconductor.rollback.CopyRecords;

/**
 * A step agent's record of the roll-back's copies: the copies are made on the agent's host, their records
 * kept by the server (table site_copy), through {@code /api/agent}. Times are the server's: one clock for
 * every host.
 */
final class ServerCopyRecords implements CopyRecords {

  private static final TypeReference<List<Copy>> COPIES = new TypeReference<>() {};

  private final ServerConnection server;

  ServerCopyRecords(ServerConnection server) {
    this.server = server;
  }

  @Override
  public void made(String site, String run, Kind kind, Path path, String source, long sizeBytes, Instant at) {
    server.send("POST", "/runs/" + run + "/copies", Map.of("site", site, "kind", kind, "path", path.toString(),
        "source", source, "sizeBytes", sizeBytes), 200);
  }

  @Override
  public Optional<Copy> of(String run, Kind kind) {
    return ofRun(run).stream().filter(copy -> copy.kind() == kind).findFirst();
  }

  @Override
  public void restored(Copy copy, Instant at) {
    server.send("POST", "/runs/" + copy.run() + "/copies/" + copy.id() + "/restored", null, 200);
  }

  @Override
  public List<Copy> kept(String site) {
    return server.read(server.send("GET", "/sites/" + site + "/copies", null, 200), COPIES);
  }

  @Override
  public List<Copy> ofRun(String run) {
    return server.read(server.send("GET", "/runs/" + run + "/copies", null, 200), COPIES);
  }

  @Override
  public void removed(String run, String byRun, Instant at) {
    server.send("POST", "/runs/" + run + "/copies/removed", Map.of("byRun", byRun), 200);
  }
}
