# bench_fanout: idle clients and memory, Redis-to-client latency and the highest sustained tick
# rate, for fxmonitor-server and a naive single-thread QWebSocketServer measured in the same run.
add_executable(bench_fanout bench_fanout.cpp fanout.h fanouttable.cpp)
target_link_libraries(bench_fanout PRIVATE fxbenchsupport fxredis fxcore Qt6::Network Qt6::WebSockets)
target_compile_definitions(bench_fanout PRIVATE FX_SERVER_BIN="$<TARGET_FILE:fxmonitor-server>")
fx_warnings(bench_fanout)

# bench_soak (run it with bench/soak): abusers, Redis and PostgreSQL killed and restarted,
# memory, descriptors, alerts and latency checked after the load (docs/PERFORMANCE.md, "Soak").
add_executable(bench_soak bench_soak.cpp abusers.cpp abusers.h)
target_link_libraries(bench_soak PRIVATE fxbenchsupport fxredis fxcore Qt6::Network Qt6::Sql)
target_compile_definitions(
    bench_soak PRIVATE FX_SERVER_BIN="$<TARGET_FILE:fxmonitor-server>" FX_FEED_BIN="$<TARGET_FILE:fxmonitor-feed>"
                       FX_PG_SCRIPT="${PROJECT_SOURCE_DIR}/tests/fixtures/postgres.sh")
add_dependencies(bench_soak fxmonitor-server fxmonitor-feed)
fx_warnings(bench_soak)

# bench_scaling: N servers on one Redis, direct and through nginx (deploy/nginx/fxmonitor.conf),
# in one run (docs/SCALING.md).
add_executable(bench_scaling bench_scaling.cpp)
target_link_libraries(bench_scaling PRIVATE fxbenchsupport fxcore Qt6::Network)
target_compile_definitions(bench_scaling PRIVATE FX_SERVER_BIN="$<TARGET_FILE:fxmonitor-server>"
                                                 FX_NGINX_SCRIPT="${PROJECT_SOURCE_DIR}/tests/fixtures/nginx.sh")
add_dependencies(bench_scaling fxmonitor-server)
fx_warnings(bench_scaling)
