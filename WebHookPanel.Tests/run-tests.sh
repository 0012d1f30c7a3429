#!/usr/bin/env bash
# Runs every test of the solution and prints one line, "N passed, N failed" (", N skipped" when there are
# skips), read from the TRX report. Exits non-zero when a test failed, when no test ran, or when dotnet test
# failed for any other reason (build error, crash, timeout). Benchmarks are explicit tests and never run here.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root" || exit 1

results="$root/WebHookPanel.Tests/TestResults"
report="tests.trx"

bash WebHookPanel.Tests/ensure-chromium.sh || exit 1
bash WebHookPanel.Tests/ensure-curl.sh

if ! dotnet tool restore >/tmp/webhookpanel-tools.log 2>&1; then
    cat /tmp/webhookpanel-tools.log >&2
    exit 1
fi

rm -rf "$results"

# --timeout keeps a hung test from holding CI: the whole run takes about a minute on two cores.
dotnet test --solution WebHookPanel.sln --no-progress --no-ansi \
    --results-directory "$results" -- \
    --report-xunit-trx --report-xunit-trx-filename "$report" \
    --filter-not-namespace "WebHookPanel.Tests.Benchmarks" \
    --timeout 12m
status=$?

trx="$results/$report"
counter() {
    grep -o "<Counters [^>]*>" "$trx" 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]\+" || echo 0
}

passed=$(counter passed)
failed=$(( $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted) ))
skipped=$(( $(counter notExecuted) + $(counter notRunnable) ))

if [ "$failed" -gt 0 ]; then
    echo "Failed tests:"
    grep -o '<UnitTestResult [^>]*outcome="\(Failed\|Error\|Timeout\|Aborted\)"[^>]*>' "$trx" \
        | grep -o 'testName="[^"]*"' | sed 's/^testName="\(.*\)"$/  \1/'
fi

line="$passed passed, $failed failed"
if [ "$skipped" -gt 0 ]; then
    line="$line, $skipped skipped"
fi
echo "$line"

if [ "$status" -ne 0 ] || [ "$failed" -gt 0 ] || [ $(( passed + failed )) -eq 0 ]; then
    exit 1
fi
