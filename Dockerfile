# Ticket Router on Payara Micro, one cluster member per container (see compose.yaml and docs/operations.md, "Running a cluster").
# NOT built or run on the project's machines (no Docker engine there): it mirrors what the integration tests run
# (ClusterIT: the same WAR, Payara Micro 6.2025.10 on JDK 17, the same MicroProfile Config keys and Payara options).
#
#   mvn -B package -DskipTests            # target/ticket-router.war
#   docker build -t ticket-router .
#   docker run -p 8080:8080 -v "$PWD/models:/opt/ticket-router/models:ro" -e TICKETROUTER_DB_URL=... ticket-router
#
# Configuration is MicroProfile Config through environment variables (docs/operations.md, "Configuration reference"): TICKETROUTER_DB_URL,
# TICKETROUTER_DB_CLASS, TICKETROUTER_DB_USER, TICKETROUTER_DB_PASSWORD, TICKETROUTER_CLUSTER_MEMBER, ...
# The arguments (CMD) are Payara Micro options: --nocluster by default, the cluster options in compose.yaml.
FROM payara/micro:6.2025.10-jdk17

USER root
RUN mkdir -p /opt/ticket-router/models /opt/ticket-router/var && chown -R payara /opt/ticket-router
USER payara

COPY target/ticket-router.war /opt/ticket-router/ticket-router.war
COPY server-config/ /opt/ticket-router/server-config/

# The model bundle is mounted (shared by every member, read-only is enough: the watcher only reads); the data
# directory (logs, routing-plugin jars, the H2 file when no PostgreSQL is configured) is per member.
ENV TICKETROUTER_MODELS_DIR=/opt/ticket-router/models \
    TICKETROUTER_DATA_DIR=/opt/ticket-router/var \
    WEKA_HOME=/opt/ticket-router/var/wekafiles
VOLUME ["/opt/ticket-router/models", "/opt/ticket-router/var"]

# HTTP, and the data grid of a cluster member (Hazelcast, between members only: do not publish it)
EXPOSE 8080 6700

ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", \
            "-jar", "/opt/payara/payara-micro.jar", \
            "--deploy", "/opt/ticket-router/ticket-router.war", "--contextroot", "/", "--port", "8080", \
            "--prebootcommandfile", "/opt/ticket-router/server-config/payara-micro-preboot.asadmin"]
CMD ["--nocluster"]
