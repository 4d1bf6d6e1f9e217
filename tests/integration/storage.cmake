# Storage against real databases: SQLite files and PostgreSQL servers started by
# tests/fixtures/postgres.sh (the "pg" CTest fixture, plus one private server for the outage
# test). Without PostgreSQL's server binaries the PostgreSQL suites fail and say so.
if(NOT TARGET fxstorage)
    return()
endif()

add_library(fxstoragetestsupport STATIC storagetestsupport.cpp storagetestsupport.h)
target_include_directories(fxstoragetestsupport PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(fxstoragetestsupport PUBLIC fxstorage Qt6::Sql Qt6::Test)
target_compile_definitions(fxstoragetestsupport PUBLIC FX_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
fx_warnings(fxstoragetestsupport)

# The shared PostgreSQL server: started before and destroyed after the suites that need it.
set(FX_STORAGE_PG_DIR ${CMAKE_CURRENT_BINARY_DIR}/storage-pg)
add_test(NAME storage_pg_setup
    COMMAND ${PROJECT_SOURCE_DIR}/tests/fixtures/postgres.sh start ${FX_STORAGE_PG_DIR} --fresh)
set_tests_properties(storage_pg_setup PROPERTIES FIXTURES_SETUP pg LABELS integration TIMEOUT 120)
add_test(NAME storage_pg_cleanup
    COMMAND ${PROJECT_SOURCE_DIR}/tests/fixtures/postgres.sh destroy ${FX_STORAGE_PG_DIR})
set_tests_properties(storage_pg_cleanup PROPERTIES FIXTURES_CLEANUP pg LABELS integration TIMEOUT 60)

# Every store and the migrations, once per engine, from one source.
fx_test(tst_storage_sqlite SOURCES tst_storage_engine.cpp LIBS fxstoragetestsupport LABELS integration)
fx_test(tst_storage_pg SOURCES tst_storage_engine.cpp LIBS fxstoragetestsupport LABELS integration FIXTURES pg)
target_compile_definitions(tst_storage_pg PRIVATE FX_TEST_POSTGRES)
set_tests_properties(tst_storage_pg PROPERTIES ENVIRONMENT "FX_PG_ENV_FILE=${FX_STORAGE_PG_DIR}/pg.env")

# SIGKILL in the middle of a write stream (SQLite).
add_executable(storage_durability_writer storage_durability_writer.cpp)
target_link_libraries(storage_durability_writer PRIVATE fxstorage)
fx_warnings(storage_durability_writer)
fx_test(tst_storage_durability SOURCES tst_storage_durability.cpp LIBS fxstoragetestsupport LABELS integration)
target_compile_definitions(tst_storage_durability PRIVATE
    FX_DURABILITY_WRITER="$<TARGET_FILE:storage_durability_writer>")
add_dependencies(tst_storage_durability storage_durability_writer)

# PostgreSQL stopped and started again mid-run, on a server of its own.
fx_test(tst_storage_pg_outage SOURCES tst_storage_pg_outage.cpp LIBS fxstoragetestsupport LABELS integration)
target_compile_definitions(tst_storage_pg_outage PRIVATE FX_STORAGE_TEST_TMP="${CMAKE_CURRENT_BINARY_DIR}")

# The product: fxmonitor-server's history across restarts, on SQLite and on PostgreSQL.
fx_test(tst_product_storage SOURCES tst_product_storage.cpp LIBS fxstoragetestsupport fxtestsupport LABELS integration FIXTURES pg)
set_tests_properties(tst_product_storage PROPERTIES ENVIRONMENT "FX_PG_ENV_FILE=${FX_STORAGE_PG_DIR}/pg.env")
# PROTOCOL.md, "Alert rules": rules and subscriptions that follow the user, on both engines.
fx_test(tst_user_rules SOURCES tst_user_rules.cpp LIBS fxstoragetestsupport fxtestsupport LABELS integration
    FIXTURES "pg;redis")
set_tests_properties(tst_user_rules PROPERTIES ENVIRONMENT
    "FX_PG_ENV_FILE=${FX_STORAGE_PG_DIR}/pg.env;FX_TEST_REDIS_DIR=${CMAKE_BINARY_DIR}/test-fixtures/redis")
# DB_SSLMODE against the fixture's TLS (self-signed: require yes, verify-full no).
fx_test(tst_storage_pg_ssl SOURCES tst_storage_pg_ssl.cpp LIBS fxstoragetestsupport LABELS integration FIXTURES pg)
set_tests_properties(tst_storage_pg_ssl PROPERTIES ENVIRONMENT "FX_PG_ENV_FILE=${FX_STORAGE_PG_DIR}/pg.env")

# Nothing lost silently: drops in /metrics and the log, DB_SHUTDOWN_FLUSH_SECONDS at stop while
# PostgreSQL is down (and back), on a server of its own.
fx_test(tst_storage_shutdown SOURCES tst_storage_shutdown.cpp LIBS fxstoragetestsupport fxtestsupport LABELS integration
    TIMEOUT 600)
target_compile_definitions(tst_storage_shutdown PRIVATE FX_STORAGE_TEST_TMP="${CMAKE_CURRENT_BINARY_DIR}")

# get_alert_history on both engines (plain JSON and python-socketio), the bounds while
# PostgreSQL holds a lock, and a database that is down.
fx_test(tst_alert_history SOURCES tst_alert_history.cpp LIBS fxstoragetestsupport fxtestsupport LABELS integration
    FIXTURES pg TIMEOUT 300)
set_tests_properties(tst_alert_history PROPERTIES ENVIRONMENT "FX_PG_ENV_FILE=${FX_STORAGE_PG_DIR}/pg.env")
target_compile_definitions(tst_alert_history PRIVATE FX_INTEROP_DIR="${PROJECT_SOURCE_DIR}/tests/interop")
