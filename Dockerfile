# The newswire command in an image, built from the distribution (cli/target/newswire-VERSION.tar.gz): only the
# production classpath, none of the development stack. docker-compose.yml runs each stage from it.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl cli -am package \
 && mkdir -p /dist && tar xzf cli/target/newswire-*.tar.gz -C /dist --strip-components=1 \
 && mkdir -p /dist/app && mv /dist/lib/newswire-*.jar /dist/app/

FROM eclipse-temurin:17-jre
# curl for the health checks
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 newswire && mkdir -p /var/lib/newswire && chown newswire /var/lib/newswire
# Third-party jars first, Newswire's own last: a code change rebuilds only the small last layer.
COPY --from=build /dist/lib /opt/newswire/lib
COPY --from=build /dist/config /opt/newswire/config
COPY --from=build /dist/app /opt/newswire/app
USER newswire
WORKDIR /var/lib/newswire
ENV NEWSWIRE_JAVA_OPTS="-XX:MaxRAMPercentage=75"
# As the launcher sets them: two malloc arenas, and zstd's per-batch contexts reused rather than mapped afresh
# (docs/OPERATIONS.md, JVM settings).
ENV MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=8388608 MALLOC_TRIM_THRESHOLD_=33554432
# The stage's HTTP port: 8082 ingest, 8083 enrich, 8084 sink (docker-compose sets each).
ENV NEWSWIRE_HEALTH_PORT=8083
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=12 \
  CMD curl -fs "http://localhost:${NEWSWIRE_HEALTH_PORT}/health" >/dev/null || exit 1
ENTRYPOINT ["sh", "-c", "exec java $NEWSWIRE_JAVA_OPTS -cp '/opt/newswire/lib/*:/opt/newswire/app/*' io.newswire.cli.Newswire \"$@\"", "newswire"]
CMD ["--help"]
