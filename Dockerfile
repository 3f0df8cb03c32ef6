# The newswire command in an image; docker-compose.yml runs each stage from it with a different command.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package \
 && mkdir -p /app/lib \
 && tr ':' '\n' < cli/target/classpath.txt | xargs -I{} cp {} /app/lib/ \
 && cp -r cli/target/classes /app/classes

FROM eclipse-temurin:17-jre
# curl for the health checks in docker-compose.yml
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 newswire && mkdir -p /var/lib/newswire && chown newswire /var/lib/newswire
COPY --from=build /app /app
USER newswire
WORKDIR /var/lib/newswire
ENV NEWSWIRE_JAVA_OPTS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["sh", "-c", "exec java $NEWSWIRE_JAVA_OPTS -cp '/app/classes:/app/lib/*' io.newswire.cli.Newswire \"$@\"", "newswire"]
CMD ["--help"]
