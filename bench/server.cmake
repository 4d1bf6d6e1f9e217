# bench_fanout: idle clients and memory, Redis-to-client latency and the highest sustained tick
# rate, for fxmonitor-server and a naive single-thread QWebSocketServer measured in the same run.
add_executable(bench_fanout bench_fanout.cpp)
target_link_libraries(bench_fanout PRIVATE fxbenchsupport fxredis fxcore Qt6::Network Qt6::WebSockets)
target_compile_definitions(bench_fanout PRIVATE FX_SERVER_BIN="$<TARGET_FILE:fxmonitor-server>")
fx_warnings(bench_fanout)
