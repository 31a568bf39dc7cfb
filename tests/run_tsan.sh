#!/usr/bin/env bash
# ThreadSanitizer run of the tests where earshot's own threads meet: the
# webhook sender thread and its bounded queue, the HTTP endpoint's server
# thread, offset tracking, and the limit reporter (hit from worker threads).
# Not in .ci/run (a fourth full build; see docs/reliability.md#threadsanitizer).
#
#   tests/run_tsan.sh            # configure, build the unit tests, run them
#
# The tests that start the embedded broker are left out: librdkafka starts
# its threads with C11 thrd_create, which GCC 12's TSan runtime does not
# intercept, so they crash inside the runtime before reaching earshot code.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset tsan
cmake --build build/tsan --target earshot_unit_tests
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
  ctest --test-dir build/tsan --output-on-failure -R 'WebhookSink|HttpEndpoint|OffsetTracker|LimitReporter'
