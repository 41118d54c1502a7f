package org.linoconductor.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that talks to the server; its answer is the exit status. */
abstract class ClientCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  Server server() {
    return ((Conductor) spec.root().userObject()).server(spec.commandLine().getErr());
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
