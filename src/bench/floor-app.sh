#!/usr/bin/env bash
# Builds target/floor-app/pictory-images.war: the smallest application that uses each feature of the sample's
# server once (src/bench/floor-app: a JAX-RS resource with a validated JSON-B body, a CDI bean configured by
# MicroProfile Config, a REST client interface, a readiness check, and a table created in the H2 data source
# when it starts). Named as the sample's WAR, so that the sample's server.xml declares it unchanged.
# Its start against a bare server is the floor of the start ratio: what Liberty spends waking its features
# for any application, before any of the module's or the sample's code:
#
#   bash src/bench/floor-app.sh && bash src/bench/start-ratio.sh . ".:war=$PWD/target/floor-app/pictory-images.war"
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/floor-app
rm -rf "$out"; mkdir -p "$out/war/WEB-INF/classes"
mvn -o -q dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile="$out/classpath.txt" >&2
javac --release 17 -d "$out/war/WEB-INF/classes" -cp "$(cat "$out/classpath.txt")" src/bench/floor-app/floor/*.java
cp src/main/webapp/WEB-INF/ibm-web-ext.xml "$out/war/WEB-INF/"
(cd "$out/war" && jar --create --file ../pictory-images.war .)
echo "$out/pictory-images.war"
