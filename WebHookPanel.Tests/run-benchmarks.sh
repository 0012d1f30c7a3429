#!/usr/bin/env bash
# Runs the benchmarks (the explicit tests in WebHookPanel.Tests/Benchmarks) in Release and prints their figures.
# Extra arguments go to the test application, e.g. --filter-class '*HookListBenchmarks' for one phase.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root" || exit 1

bash WebHookPanel.Tests/ensure-chromium.sh || exit 1

# The test runner may keep a passing test's output to itself, so the benchmarks also append to this file.
export BENCHMARK_REPORT="$root/WebHookPanel.Tests/TestResults/benchmarks.txt"
mkdir -p "$(dirname "$BENCHMARK_REPORT")"
rm -f "$BENCHMARK_REPORT"

# The dispatcher benchmark's receiver runs as a child process; it is a program of its own, outside the solution.
receiver_project="WebHookPanel.Tests/Receiver/WebHookPanel.BenchmarkReceiver.csproj"
receiver_output="$root/WebHookPanel.Tests/Receiver/bin/Release/net10.0"
if ! dotnet build "$receiver_project" --configuration Release --nologo -v q >/tmp/webhookpanel-receiver.log 2>&1; then
    cat /tmp/webhookpanel-receiver.log >&2
    exit 1
fi
export BENCHMARK_RECEIVER="$receiver_output/WebHookPanel.BenchmarkReceiver.dll"

run() {
    dotnet test --solution WebHookPanel.sln --configuration Release --no-progress --no-ansi -- \
        --explicit only --filter-namespace "WebHookPanel.Tests.Benchmarks" "$@"
}

# Without a filter the dispatcher runs last and in a process of its own: its working-set figure is the panel's,
# not what the list and wizard benchmarks left behind, and its summary is the report's last line.
if [ "$#" -eq 0 ]; then
    run --filter-not-class "*DispatchBenchmarks"
    first=$?
    run --filter-class "*DispatchBenchmarks"
    status=$?
    [ "$first" -ne 0 ] && status=$first
else
    run "$@"
    status=$?
fi

echo
if [ -s "$BENCHMARK_REPORT" ]; then
    cat "$BENCHMARK_REPORT"
else
    echo "No benchmark figures were written."
fi

exit "$status"
