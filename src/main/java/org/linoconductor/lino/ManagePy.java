package org.linoconductor.lino;

import java.util.ArrayList;
import java.util.List;
import org.linoconductor.site.Site;

/**
 * The argv of the seed's {@code pm ARGS} ({@code python manage.py ARGS} with the env active): the
 * env's interpreter by path, because argv[0] is looked up in the JVM's PATH, not the child's.
 */
public final class ManagePy {

  private ManagePy() {}

  public static List<String> argv(Site site, String... args) {
    List<String> argv = new ArrayList<>(List.of(site.directory().resolve("env/bin/python").toString(), "manage.py"));
    argv.addAll(List.of(args));
    return argv;
  }
}
