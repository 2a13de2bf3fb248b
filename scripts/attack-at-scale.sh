#!/usr/bin/env bash
# Attacks the published output of the job on generated Achterhoek data (docs/disclosure-attack.md):
# generates the data at the given scales, runs the job with --internalCube=true, attacks tables/ (or the
# old cube/) and checks every claim against the internal cube. Figures in
# pipelines/target/surefire-reports/nl.jeugdkubus.attack.AttackAtScaleTest-output.txt.
#
#   scripts/attack-at-scale.sh [SCALES] [PERIODS]      e.g. scripts/attack-at-scale.sh 1.0 2021H1-2024H2
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scales="${1:-1.0}"
periods="${2:-2021H1-2024H2}"
mvn -B -q ${MVN_FLAGS:-} test -Dtest=AttackAtScaleTest -Dsurefire.failIfNoSpecifiedTests=false \
  "-Dattack.scales=$scales" "-Dattack.periods=$periods" || status=$?
grep -a '^scale ' pipelines/target/surefire-reports/nl.jeugdkubus.attack.AttackAtScaleTest-output.txt || true
exit "${status:-0}"
