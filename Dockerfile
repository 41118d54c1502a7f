# Builds Conductor and runs it with the tools its steps call (python3, git, zip, rsync).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 git zip unzip rsync \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/conductor
COPY --from=build /src/target/lino-conductor-*.jar conductor.jar
ENV SPRING_PROFILES_ACTIVE=postgres \
    CONDUCTOR_ADDRESS=0.0.0.0
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/conductor/conductor.jar"]
