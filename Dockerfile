# Builds Conductor and runs it with the tools its steps call (python3, git, zip, rsync).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml jvm.options ./
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
RUN mvn -B -q -DskipTests package \
 && cp target/lino-conductor-*.jar conductor.jar \
 && java -Djarmode=tools -jar conductor.jar extract --destination /app

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 git zip unzip rsync \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/conductor
# The jar extracted (conductor.jar and lib/): class data sharing needs plain jars on the class path.
COPY --from=build /app ./
COPY jvm.options ./
# Class data sharing: a training run starts the application context (on a throw-away in-memory
# database) and exits, writing the archive of the classes it loaded; every start then maps them
# instead of loading them from the jars (docs/benchmarks.md, "Start-up and memory").
# The class path must be the same then as at every start: the same absolute path of the jar.
RUN java @/opt/conductor/jvm.options -XX:ArchiveClassesAtExit=/opt/conductor/conductor.jsa \
      -Dspring.context.exit=onRefresh -jar /opt/conductor/conductor.jar --spring.profiles.active=cds-training \
      --server.port=0 --spring.datasource.url=jdbc:h2:mem:cds --spring.datasource.username=sa \
      --spring.datasource.password=
# An unprivileged user of its own; the data directory (step logs) is its only writable place.
RUN useradd --system --home-dir /opt/conductor --shell /usr/sbin/nologin conductor \
 && mkdir -p /opt/conductor/data && chown conductor: /opt/conductor/data
USER conductor
ENV SPRING_PROFILES_ACTIVE=postgres \
    CONDUCTOR_ADDRESS=0.0.0.0
EXPOSE 8080
ENTRYPOINT ["java", "@/opt/conductor/jvm.options", "-XX:SharedArchiveFile=/opt/conductor/conductor.jsa", \
            "-jar", "/opt/conductor/conductor.jar"]
