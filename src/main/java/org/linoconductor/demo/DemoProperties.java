package org.linoconductor.demo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo installation.
 *
 * @param base where the simulated Lino installation lives: {@code base/lino} is the root with the
 *     site {@code anna} and the link {@code prod}
 */
@ConfigurationProperties("conductor.demo")
record DemoProperties(@DefaultValue("./data/demo") Path base) {}
