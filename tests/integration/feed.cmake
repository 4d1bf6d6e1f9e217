# The first-run path: redis-server, the simulated feed, the server and a client, all real.
fx_test(tst_feed_e2e SOURCES tst_feed_e2e.cpp LIBS fxtestsupport LABELS integration FIXTURES redis)
set_tests_properties(tst_feed_e2e PROPERTIES ENVIRONMENT "FX_TEST_REDIS_DIR=${CMAKE_BINARY_DIR}/test-fixtures/redis")
# The live feed's Redis side, against private redis-server instances (one is killed and restarted).
fx_test(tst_livefeed SOURCES tst_livefeed.cpp LIBS fxtestsupport fxfeedrunner LABELS integration)
