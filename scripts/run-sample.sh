#!/usr/bin/env bash
# Runs the main job end to end on a bundled sample: generates a synthetic Achterhoek region
# (8 gemeenten, 2021H1-2024H2, seeded), creates a random pseudonymisation key (0600) if none exists,
# and runs the pipeline on the embedded runner. Output under ./out/sample/result (tables/, dimensions/,
# report/index.html, deadletters/, manifest.json). Extra arguments are passed to the job (e.g. --internalCube=true).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${SAMPLE_OUT:-$root/out/sample}"
mkdir -p "$out"
mvn -q -B -DskipTests -f pipelines/pom.xml compile exec:exec \
  -Dexec.executable=java \
  -Dexec.classpathScope=runtime \
  "-Dexec.args=-Xmx4g -cp %classpath nl.jeugdkubus.SampleRun --output=$out $*"
