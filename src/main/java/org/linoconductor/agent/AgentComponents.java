package org.linoconductor.agent;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Set;
import org.linoconductor.snapshot.GoodSnapshots;
import org.linoconductor.step.Step;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * What a step agent builds of the application: the shell's components, and every {@link Step} whose
 * constructor asks only for configuration ({@code @ConfigurationProperties}) or for what the agent
 * provides over the server's API ({@link GoodSnapshots}). Steps that need the server's database
 * (code states, site copies, the registry) run on the server only: their tasks wait.
 */
class AgentComponents implements TypeFilter {

  private static final Set<Class<?>> PROVIDED = Set.of(GoodSnapshots.class);

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
    return Step.class.isAssignableFrom(type) && Arrays.stream(type.getDeclaredConstructors()).allMatch(this::buildable);
  }

  private boolean buildable(Constructor<?> constructor) {
    return Arrays.stream(constructor.getParameterTypes()).allMatch(parameter -> PROVIDED.contains(parameter)
        || parameter.isAnnotationPresent(ConfigurationProperties.class));
  }
}
