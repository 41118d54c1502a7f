# Builds Conductor and runs it with the tools its steps call (python3, git, zip, rsync).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml jvm.options ./
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
RUN mvn -B -q -DskipTests package \
 && cp target/lino-conductor-*.jar /lino-conductor.jar

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 git zip unzip rsync \
 && rm -rf /var/lib/apt/lists/*
# Installed as on a plain host (README, "In production"), by bin/install-conductor.sh: the jar extracted into
# /opt/conductor (conductor.jar and lib/: class data sharing needs plain jars on the class path), jvm.options
# beside it, and a training start that writes conductor.jsa, the archive of the classes a start loads; every
# start maps them instead of loading them from the jars (docs/benchmarks.md, section 8). The archive is
# valid only for this image's JVM and these jar paths, so it is made here, in the image that runs it.
COPY jvm.options /tmp/install/
COPY bin/install-conductor.sh /tmp/install/bin/
COPY --from=build /lino-conductor.jar /tmp/install/
RUN /tmp/install/bin/install-conductor.sh /tmp/install/lino-conductor.jar /opt/conductor \
 && rm -rf /tmp/install
WORKDIR /opt/conductor
# An unprivileged user of its own; the data directory (step logs) is its only writable place.
RUN useradd --system --home-dir /opt/conductor --shell /usr/sbin/nologin conductor \
 && mkdir -p /opt/conductor/data && chown conductor: /opt/conductor/data
USER conductor
ENV SPRING_PROFILES_ACTIVE=postgres \
    CONDUCTOR_ADDRESS=0.0.0.0
EXPOSE 8080
ENTRYPOINT ["java", "@/opt/conductor/jvm.options", "-XX:SharedArchiveFile=/opt/conductor/conductor.jsa", \
            "-jar", "/opt/conductor/conductor.jar"]
