# A real redis-server for the relay tests, started once by CTest (fixture "redis").
set(FX_REDIS_FIXTURE_DIR ${CMAKE_BINARY_DIR}/test-fixtures/redis)
add_test(NAME redis_fixture_start COMMAND ${PROJECT_SOURCE_DIR}/tests/support/redis-fixture.sh start ${FX_REDIS_FIXTURE_DIR})
add_test(NAME redis_fixture_stop COMMAND ${PROJECT_SOURCE_DIR}/tests/support/redis-fixture.sh stop ${FX_REDIS_FIXTURE_DIR})
set_tests_properties(redis_fixture_start PROPERTIES FIXTURES_SETUP redis LABELS integration)
set_tests_properties(redis_fixture_stop PROPERTIES FIXTURES_CLEANUP redis LABELS integration)

fx_test(tst_redis_relay SOURCES tst_redis_relay.cpp LIBS fxtestsupport LABELS integration FIXTURES redis)
fx_test(tst_redis_faults SOURCES tst_redis_faults.cpp LIBS fxtestsupport LABELS integration)
set_tests_properties(tst_redis_relay PROPERTIES ENVIRONMENT "FX_TEST_REDIS_DIR=${FX_REDIS_FIXTURE_DIR}")
# feed_status across a private redis-server killed and restarted.
fx_test(tst_feed_status SOURCES tst_feed_status.cpp LIBS fxtestsupport LABELS integration)
target_compile_definitions(tst_feed_status PRIVATE FX_INTEROP_DIR="${PROJECT_SOURCE_DIR}/tests/interop")

# PROTOCOL.md, "History and recovery" (issue 13).
fx_test(tst_recovery SOURCES tst_recovery.cpp LIBS fxtestsupport LABELS integration FIXTURES redis)
set_tests_properties(tst_recovery PROPERTIES ENVIRONMENT "FX_TEST_REDIS_DIR=${FX_REDIS_FIXTURE_DIR}")

# ARCHITECTURE.md, "Fleet heartbeat" and "Delivery latency" (issue 14): private redis-servers
# (one is killed and restarted), real fxmonitor-server processes.
fx_test(tst_fleet_heartbeat SOURCES tst_fleet_heartbeat.cpp LIBS fxtestsupport LABELS integration)
fx_test(tst_delivery_latency SOURCES tst_delivery_latency.cpp LIBS fxtestsupport LABELS integration)
