# Sourced by scripts/platform.sh and scripts/test.sh: npm packages installed, PostgreSQL and Kafka
# running, their URLs exported, and the tools' settings for a non-interactive run.
bash scripts/bootstrap.sh
eval "$(bash scripts/infra/infra.sh start)"
export DATABASE_URL KAFKA_BROKERS
export NX_DAEMON=false NX_TUI=false NX_NO_CLOUD=true KAFKAJS_NO_PARTITIONER_WARNING=1 APOLLO_TELEMETRY_DISABLED=1
