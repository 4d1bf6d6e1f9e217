# fxmonitor-feed: the simulated FX pipeline publishing to Redis (docs/FEED.md).
add_executable(fxmonitor-feed ${CMAKE_CURRENT_SOURCE_DIR}/feed_main.cpp)
target_link_libraries(fxmonitor-feed PRIVATE fxruntime fxfeedrunner)
fx_warnings(fxmonitor-feed)
install(TARGETS fxmonitor-feed RUNTIME DESTINATION bin)
