#!/usr/bin/env bash
# Writes <classes>/jeugdkubus-version.properties: the Maven version and the git commit the build is made
# from (git describe --always --dirty), or "unknown" outside a git checkout. Called by the exec-maven-plugin
# (pipelines/pom.xml, execution software-version); read by nl.jeugdkubus.common.SoftwareVersion.
set -u
classes="$1"
version="$2"
mkdir -p "$classes"
commit="$(git -C "$(dirname "${BASH_SOURCE[0]}")" describe --always --dirty --abbrev=12 2>/dev/null || echo unknown)"
printf 'version=%s\ncommit=%s\n' "$version" "$commit" > "$classes/jeugdkubus-version.properties"
