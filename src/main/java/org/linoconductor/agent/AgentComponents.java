package org.linoconductor.agent;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Set;
import org.linoconductor.rollback.CopyRecords;
import org.linoconductor.rollback.SiteCopies;
import org.linoconductor.snapshot.GoodSnapshots;
import org.linoconductor.step.Step;
import org.linoconductor.upgrade.CodeStateRepository;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * What a step agent builds of the application: the shell's components, the helpers of steps that work on
 * the host's files ({@link SiteCopies}), and every {@link Step} whose constructor asks only for
 * configuration ({@code @ConfigurationProperties}), for those helpers, or for records the agent keeps on the
 * server over its API (verified snapshots, code states, copies). Steps that need more of the server
 * (the registry: preview sites, attempts, archiving) run on the server only: on an agent's host their tasks
 * wait, and the run says which step no agent runs.
 */
class AgentComponents implements TypeFilter {

  private static final Set<Class<?>> HELPERS = Set.of(SiteCopies.class);
  /** The records a step keeps on the server, which the agent reaches over the server's API. */
  private static final Set<Class<?>> ON_THE_SERVER = Set.of(GoodSnapshots.class, CodeStateRepository.class,
      CopyRecords.class);

  @Override
  public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
    String name = reader.getClassMetadata().getClassName();
    if (!reader.getAnnotationMetadata().hasAnnotation(Component.class.getName()) || reader.getClassMetadata()
        .isAbstract()) {
      return false;
    }
    if (name.startsWith("org.linoconductor.shell.")) {
      return true;
    }
    Class<?> type = ClassUtils.resolveClassName(name, getClass().getClassLoader());
    if (HELPERS.contains(type)) {
      return true;
    }
    return Step.class.isAssignableFrom(type) && Arrays.stream(type.getDeclaredConstructors()).allMatch(this::buildable);
  }

  private boolean buildable(Constructor<?> constructor) {
    return Arrays.stream(constructor.getParameterTypes()).allMatch(parameter -> ON_THE_SERVER.contains(parameter)
        || HELPERS.contains(parameter) || parameter.isAnnotationPresent(ConfigurationProperties.class));
  }
}
