#!/usr/bin/env bash
# The tarball a trainer carries on a USB stick installs and runs with no
# network and an empty npm cache (docs/trainers.md, "Preparing the room").
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm pack --silent --pack-destination "$work" >/dev/null
tarball=$(ls "$work"/safestep-*.tgz)
npm install -g --offline --no-audit --no-fund --cache "$work/cache" --prefix "$work/prefix" "$tarball" >/dev/null 2>"$work/install.log" || { cat "$work/install.log"; exit 1; }
export SAFESTEP_HOME="$work/home"
cd "$work"
"$work/prefix/bin/safestep" --version
"$work/prefix/bin/safestep" lessons --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const n=JSON.parse(s).lessons.length;if(n<25)throw new Error("only "+n+" lessons");console.log(n+" lessons")})'
"$work/prefix/bin/safestep" contacts --json >/dev/null
"$work/prefix/bin/safestep" check metadata "$work/prefix/lib/node_modules/safestep/docs" --json >/dev/null || [ $? -eq 1 ]
echo "offline install: ok"
