package org.linoconductor.cli;

import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "sites", description = "Lists the registered sites with their state and host (- for this one).")
final class SitesCommand extends ClientCommand {

  @Override
  public Integer call() {
    Table table = new Table("SITE", "STATE", "HOST", "DIRECTORY", "URL", "CONTACT");
    for (Object each : Json.array(server().api("/sites"))) {
      Map<String, Object> site = Json.object(each);
      table.row(site.get("name"), site.get("state"), site.get("host"), site.get("directory"), site.get("url"),
          site.get("contact"));
    }
    table.print(out());
    return ExitStatus.OK;
  }
}
