# bench_gui: the desktop app's main-thread event-loop lag (a 10 ms timer probe) and CPU while
# the real engine serves 1,000 WebSocket clients fed by fxmonitor-feed at its top rate.
add_executable(bench_gui ${CMAKE_CURRENT_SOURCE_DIR}/bench_gui.cpp)
target_link_libraries(bench_gui PRIVATE fxbenchsupport fxruntime fxgui Qt6::Network)
target_compile_definitions(bench_gui PRIVATE
    $<$<TARGET_EXISTS:fxmonitor-feed>:FX_FEED_BIN="$<TARGET_FILE:fxmonitor-feed>">)
fx_warnings(bench_gui)
