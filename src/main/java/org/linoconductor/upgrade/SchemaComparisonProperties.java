package org.linoconductor.upgrade;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code conductor.upgrade.schema-comparison.*}: when the seed's "When to skip restore.py" pays off.
 *
 * @param minSnapshotSize the smallest snapshot.zip whose restore.py is compared before restoring. The
 *     comparison is a dump2py of the whole database under the new code: for a small database it takes
 *     about as long as the restore it might save (2 s against 4.6 s on a real Lino site of 276 objects,
 *     mostly Django starting), and after a release it finds a change anyway (SOURCE_VERSION). A smaller
 *     snapshot is restored without comparing, and the step records why.
 */
@ConfigurationProperties("conductor.upgrade.schema-comparison")
record SchemaComparisonProperties(@DefaultValue("10MB") DataSize minSnapshotSize) {}
