#!/bin/sh
# Entry point of both Multibot images. Checks REDIS_URL and DATABASE_URL before anything starts (a
# malformed URL prints one line naming the variable and the container exits with status 2), turns
# DATABASE_URL into the DB_* variables of Liberty's data source and the db.kind JVM property that
# selects it, then hands over to the Open Liberty image's own entry point.
set -eu

launcher="${MULTIBOT_LAUNCHER_JAR:-/opt/multibot/launcher/common.jar}"
liberty="${LIBERTY_ENTRYPOINT:-/opt/ol/helpers/runtime/docker-server.sh}"

exports="$(java -cp "$launcher" io.multibot.common.config.LaunchEnvironment)" || exit 2
eval "$exports"
JVM_ARGS="${JVM_ARGS:-} -Ddb.kind=${DB_KIND}"
export JVM_ARGS

exec "$liberty" "$@"
